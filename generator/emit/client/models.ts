/**
 * `src/models.ts`: one exported type per named schema, printed from ts-morph
 * structures. Object schemas become interfaces with JSDoc per property; the
 * rest become type aliases. Schemas with readOnly properties also get an
 * `<Name>Input` type for request bodies.
 */
import { StructureKind, type InterfaceDeclarationStructure, type TypeAliasDeclarationStructure } from 'ts-morph';
import { commentText, propertyKey } from '../../model/names.js';
import type { ApiModel, NamedSchema } from '../../model/types.js';
import { GENERATED_HEADER, printSourceFile } from '../ts.js';
import { docLines, findInputVariants, typeText, visibleProperties, type Direction, type TypeContext } from './type-text.js';

type Declaration = InterfaceDeclarationStructure | TypeAliasDeclarationStructure;

/** The text of `src/models.ts`. */
export function emitModels(model: ApiModel): string {
  const inputVariants = findInputVariants(model);
  const statements: Declaration[] = [];
  for (const named of model.schemas) {
    statements.push(declaration(named, named.typeName, { direction: 'response', inputVariants }));
    if (inputVariants.has(named.typeName)) {
      statements.push(declaration(named, `${named.typeName}Input`, { direction: 'request', inputVariants }));
    }
  }
  const body = printSourceFile({ statements: statements.length ? statements : ['export {};'] });
  return `${GENERATED_HEADER}${body}`;
}

function declaration(named: NamedSchema, name: string, ctx: TypeContext): Declaration {
  const docs = [{ description: docText(named, ctx.direction) }];
  const node = named.schema;
  if (node.kind === 'object' && !node.nullable && node.additional === false && node.properties.length > 0) {
    return {
      kind: StructureKind.Interface,
      name,
      isExported: true,
      docs,
      properties: visibleProperties(node, ctx).map((p) => {
        const lines = docLines(p.schema);
        return {
          name: propertyKey(p.name),
          hasQuestionToken: !p.required,
          type: typeText(p.schema, ctx),
          ...(lines.length ? { docs: [{ description: lines.join('\n') }] } : {}),
        };
      }),
    };
  }
  return { kind: StructureKind.TypeAlias, name, isExported: true, docs, type: typeText(node, ctx) };
}

function docText(named: NamedSchema, direction: Direction): string {
  const lines = docLines(named.schema);
  const head = named.schema.title ? [commentText(named.schema.title)] : [];
  if (direction === 'request') head.push(`The request shape of {@link ${named.typeName}}: read-only properties are left out.`);
  if (lines.length === 0 && head.length === 0) lines.push(`The \`${commentText(named.name)}\` schema.`);
  return [...head, ...lines].join('\n');
}
