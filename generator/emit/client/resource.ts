/**
 * `src/resources/<Tag>.ts`: one class per tag with a method per operation,
 * the operations' wire descriptors, and their `<Op>Params` / `<Op>Responses` /
 * `<Op>Result` types.
 */
import { compareText } from '../../issues.js';
import type { ApiModel, TagNode } from '../../model/types.js';
import { importDeclaration } from '../layout.js';
import { runtimeImport } from '../runtime-build.js';
import type { ClientNames, ClientSettings } from './client-names.js';
import { descriptor, operationMethods } from './operation-method.js';
import { docOf, operationTypes, type TypeScope } from './operation-types.js';
import { printFile, type PrintedFile, type Statement } from './printer.js';
import { generic, nameType } from './type-text.js';

/** The text of one resource file. `inputVariants` is `findInputVariants(model)`, found once for all files. */
export function emitResource(model: ApiModel, tag: TagNode, className: string, names: ClientNames, settings: ClientSettings, inputVariants: ReadonlySet<string>): PrintedFile {
  const scope: TypeScope = {
    model,
    settings,
    request: { direction: 'request', inputVariants },
    response: { direction: 'response', inputVariants },
    refs: new Set(),
  };
  const types = tag.operations.flatMap((op) => operationTypes(op, names.operations.get(op)!, scope));
  const methods = tag.operations.flatMap((op) => operationMethods(op, names.operations.get(op)!, scope));
  const statements: Statement[] = [{ kind: 'import', text: `import * as rt from '${runtimeImport('client', `src/resources/${tag.fileName}.ts`, 'index.js')}';` }];
  if (scope.refs.size) statements.push({ kind: 'import', text: importDeclaration([...scope.refs].sort(compareText), '../models.js', { typeOnly: true }) });
  statements.push(
    ...types,
    {
      kind: 'const',
      name: 'ops',
      docs: 'How each operation goes on the wire.',
      value: { entries: tag.operations.map((op) => [op.methodName, descriptor(op, scope)] as const), multiline: true },
      satisfies: generic('Record', [nameType('string'), nameType('rt.Operation')]),
    },
    {
      kind: 'class',
      name: className,
      extends: nameType('rt.Resource'),
      docs: docOf(tag.description ?? `The \`${tag.name}\` operations.`) ?? 'Operations.',
      properties: [],
      methods,
    },
  );
  return printFile(statements);
}
