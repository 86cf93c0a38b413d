/**
 * SchemaNode → TypeScript type text. Enums become unions of literals,
 * nullable adds `| null`, optional stays a `?` on the property (kept apart from
 * nullable). Request and response shapes differ where readOnly/writeOnly do:
 * a response omits writeOnly properties, a request omits readOnly ones, and a
 * named schema with readOnly properties gets a second `<Name>Input` type.
 */
import { commentText, propertyKey, stringLiteral } from '../../model/names.js';
import type { ApiModel, ObjectSchemaNode, SchemaNode } from '../../model/types.js';

export type Direction = 'response' | 'request';

export interface TypeContext {
  direction: Direction;
  /** Named schemas that have a separate request (`Input`) variant. */
  inputVariants: ReadonlySet<string>;
}

/** The type name of a named schema in a direction. */
export function refName(target: string, ctx: TypeContext): string {
  return ctx.direction === 'request' && ctx.inputVariants.has(target) ? `${target}Input` : target;
}

/** The TypeScript type for a schema node. */
export function typeText(node: SchemaNode, ctx: TypeContext): string {
  const base = baseText(node, ctx);
  return node.nullable && base !== 'null' && base !== 'unknown' ? `${wrap(base)} | null` : base;
}

function baseText(node: SchemaNode, ctx: TypeContext): string {
  switch (node.kind) {
    case 'ref':
      return refName(node.target, ctx);
    case 'primitive':
      return node.type === 'integer' ? 'number' : node.type;
    case 'enum':
      return node.values.length === 0 ? 'never' : node.values.map(literal).join(' | ');
    case 'array':
      return `Array<${typeText(node.items, ctx)}>`;
    case 'object':
      return objectText(node, ctx);
    case 'union':
      return node.variants.length === 0 ? 'unknown' : unique(node.variants.map((v) => wrap(typeText(v, ctx)))).join(' | ');
    case 'intersection':
      return node.parts.length === 0 ? 'unknown' : node.parts.map((p) => wrap(typeText(p, ctx))).join(' & ');
    case 'binary':
      return 'Uint8Array';
    default:
      return 'unknown';
  }
}

/** An inline object type literal, with JSDoc on its properties. */
export function objectText(node: ObjectSchemaNode, ctx: TypeContext): string {
  const members = visibleProperties(node, ctx).map((p) => {
    const doc = propertyDocText(p.schema);
    return `${doc}${propertyKey(p.name)}${p.required ? '' : '?'}: ${typeText(p.schema, ctx)};`;
  });
  if (node.additional !== false) {
    const extra = node.additional === true || members.length > 0 ? 'unknown' : typeText(node.additional, ctx);
    if (members.length === 0) return `Record<string, ${extra}>`;
    members.push(`[key: string]: ${extra};`);
  }
  if (members.length === 0) return 'Record<string, unknown>';
  return `{\n${members.join('\n')}\n}`;
}

/** Properties that exist in this direction. */
export function visibleProperties(node: ObjectSchemaNode, ctx: TypeContext): ObjectSchemaNode['properties'] {
  return node.properties.filter((p) => (ctx.direction === 'request' ? !p.schema.readOnly : !p.schema.writeOnly));
}

/** `/** … *\/` for a property, or '' when there is nothing to say. */
export function propertyDocText(schema: SchemaNode): string {
  const lines = docLines(schema);
  if (lines.length === 0) return '';
  return `/**\n${lines.map((l) => ` * ${l}`.trimEnd()).join('\n')}\n */\n`;
}

/** The lines of a JSDoc comment for a schema: description, then @format, @default, @example, @deprecated. */
export function docLines(schema: SchemaNode): string[] {
  const lines: string[] = [];
  if (schema.description) lines.push(...commentText(schema.description).split('\n'));
  if (schema.format) lines.push(`@format ${commentText(schema.format)}`);
  if (schema.default !== undefined) lines.push(`@default ${commentText(JSON.stringify(schema.default) ?? '')}`);
  if (schema.example !== undefined) lines.push(`@example ${commentText(JSON.stringify(schema.example) ?? '')}`);
  if (schema.deprecated) lines.push('@deprecated');
  return lines;
}

/** Named schemas whose request shape differs (they, or a schema they reach, have readOnly properties). */
export function findInputVariants(model: ApiModel): Set<string> {
  const byName = new Map(model.schemas.map((s) => [s.typeName, s.schema]));
  const out = new Set<string>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const [name, schema] of byName) {
      if (!out.has(name) && differs(schema, out)) {
        out.add(name);
        changed = true;
      }
    }
  }
  return out;
}

function differs(node: SchemaNode, known: Set<string>): boolean {
  switch (node.kind) {
    case 'ref':
      return known.has(node.target);
    case 'object':
      return node.properties.some((p) => p.schema.readOnly || p.schema.writeOnly || differs(p.schema, known)) || (typeof node.additional === 'object' && differs(node.additional, known));
    case 'array':
      return differs(node.items, known);
    case 'union':
      return node.variants.some((v) => differs(v, known));
    case 'intersection':
      return node.parts.some((p) => differs(p, known));
    default:
      return false;
  }
}

function literal(value: string | number | boolean | null): string {
  return typeof value === 'string' ? stringLiteral(value) : String(value);
}

/** Parenthesises text with a top-level `|` or `&`, so it can stand inside another union or intersection. */
function wrap(text: string): string {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if ('{<(['.includes(ch)) depth++;
    else if ('}>)]'.includes(ch)) depth--;
    else if (depth === 0 && (ch === '|' || ch === '&')) return `(${text})`;
  }
  return text;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
