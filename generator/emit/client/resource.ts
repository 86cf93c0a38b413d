/**
 * `src/resources/<Tag>.ts`: one class per tag with a method per operation,
 * the operations' wire descriptors, and their `<Op>Params` / `<Op>Responses` /
 * `<Op>Result` types.
 */
import { StructureKind, type CodeBlockWriter, VariableDeclarationKind, type StatementStructures, type WriterFunction } from 'ts-morph';
import { compareText } from '../../issues.js';
import type { ApiModel, TagNode } from '../../model/types.js';
import { GENERATED_HEADER, printSourceFile } from '../ts.js';
import type { ClientNames, ClientSettings } from './client-names.js';
import { descriptorText, operationMethods } from './operation-method.js';
import { docOf, operationTypes, type TypeScope } from './operation-types.js';
import { findInputVariants } from './type-text.js';

/** The text of one resource file. */
export function emitResource(model: ApiModel, tag: TagNode, className: string, names: ClientNames, settings: ClientSettings): string {
  const inputVariants = findInputVariants(model);
  const scope: TypeScope = {
    model,
    settings,
    request: { direction: 'request', inputVariants },
    response: { direction: 'response', inputVariants },
    refs: new Set(),
  };
  const types = tag.operations.flatMap((op) => operationTypes(op, names.operations.get(op)!, scope));
  const methods = tag.operations.flatMap((op) => operationMethods(op, names.operations.get(op)!, scope));
  const descriptors = tag.operations.map((op) => `${op.methodName}: ${descriptorText(op, scope)},`);
  const statements: (StatementStructures | WriterFunction)[] = [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: '../runtime/index.js', namespaceImport: 'rt' },
  ];
  if (scope.refs.size) {
    statements.push({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: '../models.js',
      isTypeOnly: true,
      namedImports: [...scope.refs].sort(compareText),
    });
  }
  statements.push(...types, (writer: CodeBlockWriter) => writer.blankLineIfLastNot(), {
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    docs: ['How each operation goes on the wire.'],
    declarations: [{ name: 'ops', initializer: `{\n${descriptors.join('\n')}\n} satisfies Record<string, rt.Operation>` }],
  });
  statements.push({
    kind: StructureKind.Class,
    name: className,
    isExported: true,
    extends: 'rt.Resource',
    docs: [docOf(tag.description ?? `The \`${tag.name}\` operations.`) ?? 'Operations.'],
    methods,
  });
  return `${GENERATED_HEADER}${printSourceFile({ statements })}`;
}
