/**
 * SchemaNode → TypeScript type. Enums become unions of literals, nullable
 * adds `| null`, optional stays a `?` on the property (kept apart from
 * nullable). Request and response shapes differ where readOnly/writeOnly do:
 * a response omits writeOnly properties, a request omits readOnly ones, and a
 * named schema with readOnly properties gets a second `<Name>Input` type.
 *
 * A type is built once as a small syntax tree (`TsType`) and printed two
 * ways: `typeText` writes it on as few lines as possible, for the docs and the
 * mocks; `printer.ts` lays it out as prettier does, for the client files.
 */
import { commentText, propertyKey, stringLiteral } from '../../model/names.js';
import type { ApiModel, ObjectSchemaNode, SchemaNode } from '../../model/types.js';

export type Direction = 'response' | 'request';

export interface TypeContext {
  direction: Direction;
  /** Named schemas that have a separate request (`Input`) variant. */
  inputVariants: ReadonlySet<string>;
}

/** A TypeScript type as the client writes it. */
export type TsType =
  /** A keyword (`string`, `null`) or a type name without type arguments (`Account`, `rt.RequestOptions`). */
  | { kind: 'name'; name: string }
  | { kind: 'literal'; value: string | number | boolean }
  /** `Array<T>`, `Record<string, T>`, `rt.ApiResult<200, T>`. */
  | { kind: 'generic'; name: string; args: TsType[] }
  /** `Result['data']`. */
  | { kind: 'indexed'; object: TsType; index: TsType }
  | { kind: 'union'; types: TsType[] }
  | { kind: 'intersection'; types: TsType[] }
  /**
   * An object type literal. Schema objects are written with one property per
   * line (`multiline`), which prettier keeps; the others fit on one line when
   * they can.
   */
  | { kind: 'object'; properties: TsProperty[]; index?: TsType; multiline: boolean }
  /** Parentheses the one-line text keeps (`(A | B) | null`); the prettier layout decides on its own. */
  | { kind: 'parens'; type: TsType };

/** A property of an object type or interface. */
export interface TsProperty {
  /** The property name as in the spec, or an HTTP status (printed as a number key). */
  name: string | number;
  optional: boolean;
  type: TsType;
  /** JSDoc lines, already comment-safe. */
  docs: string[];
}

export const nameType = (name: string): TsType => ({ kind: 'name', name });
export const generic = (name: string, args: TsType[]): TsType => ({ kind: 'generic', name, args });

/** A union of the given types: the type itself when there is one, `never` when there are none. */
export function union(types: TsType[]): TsType {
  return types.length === 0 ? nameType('never') : types.length === 1 ? types[0] : { kind: 'union', types };
}

/** The type name of a named schema in a direction. */
export function refName(target: string, ctx: TypeContext): string {
  return ctx.direction === 'request' && ctx.inputVariants.has(target) ? `${target}Input` : target;
}

/** The TypeScript type for a schema node, as one-line text (inline object types span lines). */
export function typeText(node: SchemaNode, ctx: TypeContext): string {
  return plainText(tsType(node, ctx));
}

/** The TypeScript type for a schema node. */
export function tsType(node: SchemaNode, ctx: TypeContext): TsType {
  const base = baseType(node, ctx);
  if (!node.nullable || (base.kind === 'name' && (base.name === 'null' || base.name === 'unknown'))) return base;
  return union([parenthesized(base), nameType('null')]);
}

function baseType(node: SchemaNode, ctx: TypeContext): TsType {
  switch (node.kind) {
    case 'ref':
      return nameType(refName(node.target, ctx));
    case 'primitive':
      return nameType(node.type === 'integer' ? 'number' : node.type);
    case 'enum':
      return union(node.values.map((v) => (v === null ? nameType('null') : { kind: 'literal', value: v })));
    case 'array':
      return generic('Array', [tsType(node.items, ctx)]);
    case 'object':
      return objectType(node, ctx);
    case 'union':
      return node.variants.length === 0 ? nameType('unknown') : union(unique(node.variants.map((v) => parenthesized(tsType(v, ctx)))));
    case 'intersection':
      return node.parts.length === 0 ? nameType('unknown') : intersection(node.parts.map((p) => parenthesized(tsType(p, ctx))));
    case 'binary':
      return nameType('Uint8Array');
    default:
      return nameType('unknown');
  }
}

function intersection(types: TsType[]): TsType {
  return types.length === 1 ? types[0] : { kind: 'intersection', types };
}

/** An inline object type, with JSDoc on its properties. */
function objectType(node: ObjectSchemaNode, ctx: TypeContext): TsType {
  const properties = visibleProperties(node, ctx).map(
    (p): TsProperty => ({ name: p.name, optional: !p.required, type: tsType(p.schema, ctx), docs: docLines(p.schema) }),
  );
  const unknown = nameType('unknown');
  if (node.additional !== false) {
    if (properties.length === 0) return generic('Record', [nameType('string'), node.additional === true ? unknown : tsType(node.additional, ctx)]);
    return { kind: 'object', properties, index: unknown, multiline: true };
  }
  if (properties.length === 0) return generic('Record', [nameType('string'), unknown]);
  return { kind: 'object', properties, multiline: true };
}

/** Properties that exist in this direction. */
export function visibleProperties(node: ObjectSchemaNode, ctx: TypeContext): ObjectSchemaNode['properties'] {
  return node.properties.filter((p) => (ctx.direction === 'request' ? !p.schema.readOnly : !p.schema.writeOnly));
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

/** Parenthesises a union or intersection, so it can stand inside another one. */
function parenthesized(type: TsType): TsType {
  return type.kind === 'union' || type.kind === 'intersection' ? { kind: 'parens', type } : type;
}

/** The types with duplicates (by their text) left out. */
export function unique(types: TsType[]): TsType[] {
  if (types.length < 2) return types;
  const seen = new Set<string>();
  return types.filter((t) => {
    const text = plainText(t);
    return !seen.has(text) && seen.add(text);
  });
}

/** One-line text of a type (an inline object type puts each property, with its JSDoc, on lines of its own). */
function plainText(type: TsType): string {
  switch (type.kind) {
    case 'name':
      return type.name;
    case 'literal':
      return typeof type.value === 'string' ? stringLiteral(type.value) : String(type.value);
    case 'generic':
      return `${type.name}<${type.args.map(plainText).join(', ')}>`;
    case 'indexed':
      return `${plainText(type.object)}[${plainText(type.index)}]`;
    case 'union':
      return type.types.map(plainText).join(' | ');
    case 'intersection':
      return type.types.map(plainText).join(' & ');
    case 'parens':
      return `(${plainText(type.type)})`;
    case 'object': {
      const members = type.properties.map((p) => `${propertyDoc(p.docs)}${typeof p.name === 'number' ? p.name : propertyKey(p.name)}${p.optional ? '?' : ''}: ${plainText(p.type)};`);
      if (type.index) members.push(`[key: string]: ${plainText(type.index)};`);
      return type.multiline ? `{\n${members.join('\n')}\n}` : `{ ${members.join(' ')} }`;
    }
  }
}

/** `/** … *\/` for a property, or '' when there is nothing to say. */
function propertyDoc(lines: string[]): string {
  if (lines.length === 0) return '';
  return `/**\n${lines.map((l) => ` * ${l}`.trimEnd()).join('\n')}\n */\n`;
}
