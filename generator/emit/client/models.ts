/**
 * `src/models.ts`: one exported type per named schema. Object schemas become
 * interfaces with JSDoc per property; the rest become type aliases. Schemas
 * with readOnly properties also get an `<Name>Input` type for request bodies.
 */
import { commentText } from '../../model/names.js';
import type { ApiModel, NamedSchema } from '../../model/types.js';
import { printFile, type InterfaceDeclaration, type PrintedFile, type TypeAliasDeclaration } from './printer.js';
import { docLines, findInputVariants, tsType, visibleProperties, type Direction, type TypeContext } from './type-text.js';

/** The text of `src/models.ts`. */
export function emitModels(model: ApiModel, inputVariants: ReadonlySet<string> = findInputVariants(model)): PrintedFile {
  const statements: (InterfaceDeclaration | TypeAliasDeclaration)[] = [];
  for (const named of model.schemas) {
    statements.push(declaration(named, named.typeName, { direction: 'response', inputVariants }));
    if (inputVariants.has(named.typeName)) {
      statements.push(declaration(named, `${named.typeName}Input`, { direction: 'request', inputVariants }));
    }
  }
  return printFile(statements.length ? statements : [{ kind: 'export', text: 'export {};' }]);
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
