/**
 * `src/resources/<Tag>.ts`: per tag the operations' `<Op>Params` /
 * `<Op>Responses` / `<Op>Result` types, their wire descriptors (`ops`), an
 * interface with a method per operation (and per paginated one its
 * auto-paging method), and the class of the same name, which the runtime
 * makes from `ops` (`rt.resource`): the package has no method bodies.
 */
import { compareText } from '../../issues.js';
import type { ApiModel, TagNode } from '../../model/types.js';
import { runtimeImport } from '../runtime-build.js';
import type { ClientNames, ClientSettings } from './client-names.js';
import { modelModule, SHARED_STEM, type ModelLayout } from './models.js';
import { descriptor, operationMethods } from './operation-method.js';
import { docOf, operationTypes, type TypeScope } from './operation-types.js';
import { importStatement, namespaceImport, printModule, type PrintedModule, type Statement } from './printer.js';
import { generic, nameType } from './type-text.js';

/**
 * The text of one resource file. `inputVariants` is `findInputVariants(model)`
 * and `models` is `modelLayout(…)`, found once for all files.
 */
export function emitResource(model: ApiModel, tag: TagNode, className: string, names: ClientNames, settings: ClientSettings, inputVariants: ReadonlySet<string>, models: ModelLayout): PrintedModule {
  const scope: TypeScope = {
    model,
    settings,
    request: { direction: 'request', inputVariants },
    response: { direction: 'response', inputVariants },
    refs: new Set(),
  };
  const types = tag.operations.flatMap((op) => operationTypes(op, names.operations.get(op)!, scope));
  const methods = tag.operations.flatMap((op) => operationMethods(op, names.operations.get(op)!, scope));
  const statements: Statement[] = [namespaceImport('rt', runtimeImport('client', `src/resources/${tag.fileName}.ts`, 'index.js'))];
  statements.push(...modelImports(scope.refs, tag, models));
  // Each auto-paging method and the list operation it pages through.
  const paginators = tag.operations.flatMap((op) => {
    const iterator = op.pagination && names.operations.get(op)!.iterator;
    return iterator ? [[iterator, op.methodName] as const] : [];
  });
  statements.push(
    ...types,
    {
      kind: 'const',
      name: 'ops',
      docs: 'How each operation goes on the wire.',
      // An annotation rather than `satisfies`: tsc checks it for less.
      type: generic('Record', [nameType('string'), nameType('rt.Operation')]),
      value: { entries: tag.operations.map((op) => [op.methodName, descriptor(op, scope)] as const), multiline: true },
    },
    {
      kind: 'interface',
      name: className,
      docs: docOf(tag.description ?? `The \`${tag.name}\` operations.`) ?? 'Operations.',
      properties: [],
      methods,
    },
    {
      kind: 'const',
      exported: true,
      name: className,
      docs: 'The class, which the runtime builds from `ops`.',
      // Declared, so that the declarations need no inference (isolatedDeclarations); `rt.resource`'s type argument follows from it.
      type: generic('rt.ResourceClass', [nameType(className)]),
      value: { kind: 'call', pure: true, callee: 'rt.resource', args: [className, { variable: 'ops' }, ...(paginators.length ? [{ entries: paginators }] : [])] },
    },
  );
  return printModule(statements);
}

/** `import type { … }` of the model types used: from `../models.js`, or when split from the tag's own models file and the shared one. */
function modelImports(refs: ReadonlySet<string>, tag: TagNode, models: ModelLayout): Statement[] {
  const byStem = new Map<string | undefined, string[]>();
  for (const name of [...refs].sort(compareText)) {
    const stem = models.stemOf.get(name);
    if (models.split && stem !== tag.fileName && stem !== SHARED_STEM) throw new Error(`resource ${tag.fileName} would import ${name} from models/${stem}`);
    if (!byStem.has(stem)) byStem.set(stem, []);
    byStem.get(stem)!.push(name);
  }
  return [...byStem]
    .sort(([a], [b]) => compareText(a ?? '', b ?? ''))
    .map(([stem, list]) => importStatement(list, modelModule(models, stem), { typeOnly: true }));
}
