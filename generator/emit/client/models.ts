/**
 * The model types: one exported type per named schema. Object schemas become
 * interfaces with JSDoc per property; the rest become type aliases. Schemas
 * with readOnly properties also get an `<Name>Input` type for request bodies.
 *
 * They are one file, `src/models.ts`, unless the spec has many schemas (and
 * more than one tag): then `src/models.ts` re-exports `src/models/<Tag>.ts`
 * per tag, `_shared.ts` and `_unreferenced.ts` (`modelLayout`), so a resource
 * file (and an editor opening it) loads its own tag's types and the shared
 * ones, not all of them.
 */
import { compareText } from '../../issues.js';
import { commentText } from '../../model/names.js';
import type { ApiModel, NamedSchema, OperationNode, SchemaNode } from '../../model/types.js';
import { importStatement, printModule, type InterfaceDeclaration, type PrintedModule, type Statement, type TypeAliasDeclaration } from './printer.js';
import { docLines, findInputVariants, tsType, visibleProperties, type Direction, type TsType, type TypeContext } from './type-text.js';

/**
 * Above this many named schemas (and with two tags or more) the models are
 * split. Measured: GitHub's 969 schemas (one 2.4 MB file of 100k lines) split,
 * `tsc` on `resources/Gists.ts` alone reads 5.6k lines instead of 101k (check
 * 0.32 → 0.08 s), and Twilio api v2010's 149 (250 KB) give a resource 0.6k
 * lines instead of 6.3k; the whole package checks as fast as before. The
 * seeds' 12–44 schemas (9–17 KB) gain nothing from more files. Stripe's 775
 * stay one file: its operations have one tag.
 */
export const SPLIT_ABOVE_SCHEMAS = 100;

/**
 * The stems of the files of the schemas that several tags use, and of those
 * no operation refers to (GitHub's webhook payloads: three quarters of its
 * model text). Tag file names never start with `_` (`fileStem` drops it), so
 * these cannot clash with one, whatever the case.
 */
export const SHARED_STEM = '_shared';
export const UNREFERENCED_STEM = '_unreferenced';

/** Where each model type is declared. */
export interface ModelLayout {
  /** Whether the models are split into `src/models/<stem>.ts` files; otherwise they are all in `src/models.ts`. */
  split: boolean;
  /** Model type name (`Account`, `AccountInput`) → the stem of its file under `src/models/` (a tag's `fileName`, `_shared` or `_unreferenced`); empty when not split. */
  stemOf: ReadonlyMap<string, string>;
}

export interface ModelLayoutOptions {
  /** Split above this many schemas (tests lower it). */
  splitAbove?: number;
}

/**
 * Which file each model type goes to. A schema reached (through refs) from
 * the operations of exactly one tag goes to that tag's file, one reached by
 * several tags to the shared file, one reached by none to the unreferenced
 * file. What a schema reaches is reached by (at least) the same tags, so a
 * tag's file imports only from the shared file, the shared file imports
 * nothing, and nothing but `src/models.ts` imports the unreferenced file.
 */
export function modelLayout(model: ApiModel, inputVariants: ReadonlySet<string>, { splitAbove = SPLIT_ABOVE_SCHEMAS }: ModelLayoutOptions = {}): ModelLayout {
  if (model.schemas.length <= splitAbove || model.tags.length < 2) return { split: false, stemOf: new Map() };
  const edges = new Map(model.schemas.map((s) => [s.typeName, refsOf([s.schema])]));
  /** The tag's file name, or the shared stem once a second tag reaches it. */
  const owner = new Map<string, string>();
  for (const tag of model.tags) {
    const stack = [...refsOf(tag.operations.flatMap(operationSchemas))];
    const seen = new Set<string>();
    for (let name = stack.pop(); name !== undefined; name = stack.pop()) {
      if (seen.has(name) || !edges.has(name)) continue;
      seen.add(name);
      owner.set(name, owner.has(name) ? SHARED_STEM : tag.fileName);
      stack.push(...edges.get(name)!);
    }
  }
  const stemOf = new Map<string, string>();
  for (const { typeName } of model.schemas) {
    const stem = owner.get(typeName) ?? UNREFERENCED_STEM;
    stemOf.set(typeName, stem);
    if (inputVariants.has(typeName)) stemOf.set(`${typeName}Input`, stem);
  }
  return { split: true, stemOf };
}

/** The model files: `src/models.ts`, and when split the `src/models/<stem>.ts` files it re-exports. Paths are relative to the package. */
export function emitModelFiles(model: ApiModel, layout: ModelLayout, inputVariants: ReadonlySet<string> = findInputVariants(model)): { path: string; printed: PrintedModule }[] {
  if (!layout.split) return [{ path: 'src/models.ts', printed: emitModels(model, inputVariants) }];
  const byStem = new Map<string, NamedSchema[]>();
  for (const named of model.schemas) {
    const stem = layout.stemOf.get(named.typeName)!;
    if (!byStem.has(stem)) byStem.set(stem, []);
    byStem.get(stem)!.push(named);
  }
  const stems = [...byStem.keys()].sort(compareText);
  const files = stems.map((stem) => ({ path: `src/models/${stem}.ts`, printed: emitModelFile(byStem.get(stem)!, stem, layout, inputVariants) }));
  const barrel: Statement[] = stems.map((stem, i) => ({
    kind: 'export',
    text: `${i === 0 ? `${BARREL_COMMENT}\n` : ''}export type * from './models/${stem}.js';`,
  }));
  return [{ path: 'src/models.ts', printed: printModule(barrel) }, ...files];
}

const BARREL_COMMENT = [
  "// The model types: each tag's own in `models/<Tag>.ts`, those several tags use in",
  `// \`models/${SHARED_STEM}.ts\`, those no operation refers to in \`models/${UNREFERENCED_STEM}.ts\`.`,
].join('\n');

/** The module a file in `src/<dir>/` imports model types of a stem from. */
export function modelModule(layout: ModelLayout, stem: string | undefined): string {
  return layout.split ? `../models/${stem}.js` : '../models.js';
}

/** `src/models.ts` with every model type. */
export function emitModels(model: ApiModel, inputVariants: ReadonlySet<string> = findInputVariants(model)): PrintedModule {
  return printModule(declarations(model.schemas, inputVariants));
}

/** One file of a split: its schemas, after imports of the model types they use from other files. */
function emitModelFile(schemas: NamedSchema[], stem: string, layout: ModelLayout, inputVariants: ReadonlySet<string>): PrintedModule {
  const statements = declarations(schemas, inputVariants);
  const used = new Set<string>();
  for (const s of statements) {
    if (s.kind === 'interface') s.properties.forEach((p) => typeNames(p.type, used));
    else typeNames(s.type, used);
  }
  const imports = new Map<string, string[]>();
  for (const name of [...used].sort(compareText)) {
    const from = layout.stemOf.get(name);
    if (from === undefined || from === stem) continue;
    // Acyclic by construction (see modelLayout); a broken rule is a bug here.
    if (stem === SHARED_STEM || (stem !== UNREFERENCED_STEM && from !== SHARED_STEM)) throw new Error(`models/${stem}.ts would import ${name} from models/${from}.ts`);
    if (!imports.has(from)) imports.set(from, []);
    imports.get(from)!.push(name);
  }
  const importStatements: Statement[] = [...imports].sort(([a], [b]) => compareText(a, b)).map(([from, names]) => importStatement(names, `./${from}.js`, { typeOnly: true }));
  return printModule([...importStatements, ...statements]);
}

function declarations(schemas: readonly NamedSchema[], inputVariants: ReadonlySet<string>): (InterfaceDeclaration | TypeAliasDeclaration)[] {
  const statements: (InterfaceDeclaration | TypeAliasDeclaration)[] = [];
  for (const named of schemas) {
    statements.push(declaration(named, named.typeName, { direction: 'response', inputVariants }));
    if (inputVariants.has(named.typeName)) {
      statements.push(declaration(named, `${named.typeName}Input`, { direction: 'request', inputVariants }));
    }
  }
  return statements;
}

function declaration(named: NamedSchema, name: string, ctx: TypeContext): InterfaceDeclaration | TypeAliasDeclaration {
  const docs = docText(named, ctx.direction);
  const node = named.schema;
  if (node.kind === 'object' && !node.nullable && node.additional === false && node.properties.length > 0) {
    return {
      kind: 'interface',
      name,
      docs,
      properties: visibleProperties(node, ctx).map((p) => ({ name: p.name, optional: !p.required, type: tsType(p.schema, ctx), docs: docLines(p.schema) })),
    };
  }
  return { kind: 'type', name, docs, type: tsType(node, ctx) };
}

function docText(named: NamedSchema, direction: Direction): string {
  const lines = docLines(named.schema);
  const head = named.schema.title ? [commentText(named.schema.title)] : [];
  if (direction === 'request') head.push(`The request shape of {@link ${named.typeName}}: read-only properties are left out.`);
  if (lines.length === 0 && head.length === 0) lines.push(`The \`${commentText(named.name)}\` schema.`);
  return [...head, ...lines].join('\n');
}

/** Every type name a printed type mentions (model types among keywords and `Array`, `Record`). */
function typeNames(type: TsType, out: Set<string>): void {
  switch (type.kind) {
    case 'name':
      out.add(type.name);
      break;
    case 'generic':
      type.args.forEach((t) => typeNames(t, out));
      break;
    case 'indexed':
      typeNames(type.object, out);
      typeNames(type.index, out);
      break;
    case 'union':
    case 'intersection':
      type.types.forEach((t) => typeNames(t, out));
      break;
    case 'object':
      type.properties.forEach((p) => typeNames(p.type, out));
      if (type.index) typeNames(type.index, out);
      break;
    case 'parens':
      typeNames(type.type, out);
      break;
  }
}

/**
 * The schemas an operation's types may mention: its parameters, request
 * bodies, responses and asynchronous acknowledgement (every media type, so
 * this is never less than what its resource file uses).
 */
function operationSchemas(op: OperationNode): SchemaNode[] {
  return [
    ...Object.values(op.params).flatMap((params) => params.map((p) => p.schema)),
    ...(op.body?.contents ?? []).map((m) => m.schema),
    ...[...op.responses, ...(op.async ? [op.async.response] : [])].flatMap((r) => r.contents.map((m) => m.schema)),
  ];
}

/** The named schemas the nodes refer to directly (both directions: every property). */
function refsOf(nodes: SchemaNode[]): Set<string> {
  const out = new Set<string>();
  for (const node of nodes) schemaRefs(node, out);
  return out;
}

/** Adds to `out` the named schemas `node` refers to directly, through every property (requests and responses alike). */
export function schemaRefs(node: SchemaNode, out: Set<string>): void {
  switch (node.kind) {
    case 'ref':
      out.add(node.target);
      break;
    case 'array':
      schemaRefs(node.items, out);
      break;
    case 'object':
      for (const p of node.properties) schemaRefs(p.schema, out);
      if (typeof node.additional === 'object') schemaRefs(node.additional, out);
      break;
    case 'union':
      node.variants.forEach((v) => schemaRefs(v, out));
      break;
    case 'intersection':
      node.parts.forEach((p) => schemaRefs(p, out));
      break;
  }
}
