/**
 * Schema → Markdown for the docs: a type with its named types linked to their
 * model pages, and the Notes of a parameter or property (optional, default,
 * enum values, limits). Type text comes from the client's `typeText`, so the
 * docs name exactly the types the client exports.
 */
import { typeText, type TypeContext } from '../client/type-text.js';
import type { Constraints, SchemaNode } from '../../model/types.js';
import { mdCode, mdText } from './markdown.js';

/** Where model pages are, relative to the page being written (`models/`, `docs/models/`, `` for a model page). */
export interface LinkContext extends TypeContext {
  modelsPath: string;
  /** Model pages that exist: type name → file name stem. */
  models: ReadonlyMap<string, string>;
}

/** The type of a schema as Markdown: named types link to their model pages; other text is inline code. */
export function typeMarkdown(node: SchemaNode, ctx: LinkContext, inTable = true): string {
  const base = baseMarkdown(node, ctx, inTable);
  return node.nullable && node.kind !== 'unknown' && !(node.kind === 'primitive' && node.type === 'null') ? `${base} \\| ${mdCode('null')}` : base;
}

function baseMarkdown(node: SchemaNode, ctx: LinkContext, inTable: boolean): string {
  if (node.kind === 'ref') return modelLink(node.target, ctx);
  if (node.kind === 'array' && linksInside(node.items)) {
    const inner = typeMarkdown(node.items, ctx, inTable);
    return node.items.kind === 'ref' && !node.items.nullable ? `${inner}\\[\\]` : `${mdCode('Array', inTable)}\\<${inner}\\>`;
  }
  if (node.kind === 'union' && node.variants.some(linksInside)) return node.variants.map((v) => typeMarkdown(v, ctx, inTable)).join(' \\| ');
  if (node.kind === 'intersection' && node.parts.some(linksInside)) return node.parts.map((p) => typeMarkdown(p, ctx, inTable)).join(' \\& ');
  return mdCode(plainTypeText(node, ctx, true), inTable);
}

/**
 * Type texts already printed, per context and schema node: an operation's
 * body type is printed for its signature, its return type and its table row,
 * and a large inline schema costs a copy and a print each time.
 */
const typeTexts = new WeakMap<ReadonlySet<string>, Map<string, WeakMap<SchemaNode, string>>>();

/** `typeText` without the JSDoc of inline object properties (and without `| null` when `nonNull`): for one-line display. */
export function plainTypeText(node: SchemaNode, ctx: TypeContext, nonNull = false): string {
  let byContext = typeTexts.get(ctx.inputVariants);
  if (byContext === undefined) typeTexts.set(ctx.inputVariants, (byContext = new Map()));
  const key = `${ctx.direction}${nonNull ? ' non-null' : ''}`;
  let byNode = byContext.get(key);
  if (byNode === undefined) byContext.set(key, (byNode = new WeakMap()));
  let text = byNode.get(node);
  if (text === undefined) {
    const bare = nonNull && node.nullable ? { ...node, nullable: false } : node;
    text = typeText(stripDocs(bare), { direction: ctx.direction, inputVariants: ctx.inputVariants });
    byNode.set(node, text);
  }
  return text;
}

/** Schemas already stripped: a schema met in both directions is stripped once. */
const strippedNodes = new WeakMap<SchemaNode, SchemaNode>();

/**
 * The schema without what `typeText` prints as JSDoc: the docs of the
 * properties of inline objects (the only schemas it documents). Copied only
 * along the way to such an object; the rest is shared.
 */
function stripDocs(node: SchemaNode): SchemaNode {
  let bare = strippedNodes.get(node);
  if (bare === undefined) strippedNodes.set(node, (bare = stripDocsOnce(node)));
  return bare;
}

function stripDocsOnce(node: SchemaNode): SchemaNode {
  switch (node.kind) {
    case 'object':
      return {
        ...node,
        properties: node.properties.map((p) => ({ ...p, schema: withoutDocs(stripDocs(p.schema)) })),
        additional: typeof node.additional === 'object' ? stripDocs(node.additional) : node.additional,
      };
    case 'array':
      return hasObject(node.items) ? { ...node, items: stripDocs(node.items) } : node;
    case 'union':
      return node.variants.some(hasObject) ? { ...node, variants: node.variants.map(stripDocs) } : node;
    case 'intersection':
      return node.parts.some(hasObject) ? { ...node, parts: node.parts.map(stripDocs) } : node;
    default:
      return node;
  }
}

/** A property's schema without its own docs (set to undefined: read as values only, that is the same as absent). */
function withoutDocs(node: SchemaNode): SchemaNode {
  if (node.description === undefined && node.example === undefined && node.default === undefined && node.format === undefined && !node.deprecated) return node;
  return { ...node, description: undefined, example: undefined, default: undefined, format: undefined, deprecated: false };
}

function hasObject(node: SchemaNode): boolean {
  if (node.kind === 'union') return node.variants.some(hasObject);
  if (node.kind === 'intersection') return node.parts.some(hasObject);
  if (node.kind === 'array') return hasObject(node.items);
  return node.kind === 'object';
}

function linksInside(node: SchemaNode): boolean {
  if (node.kind === 'union') return node.variants.some(linksInside);
  if (node.kind === 'intersection') return node.parts.some(linksInside);
  return node.kind === 'ref' || (node.kind === 'array' && linksInside(node.items));
}

/** `[**Name**](models/Name.md)` for a named type that has a page, otherwise its name as code. */
export function modelLink(target: string, ctx: LinkContext): string {
  const name = ctx.direction === 'request' && ctx.inputVariants.has(target) ? `${target}Input` : target;
  const file = ctx.models.get(target);
  if (file === undefined) return mdCode(name);
  return `[**${mdText(name)}**](${ctx.modelsPath}${file}.md)`;
}

/** The Notes of a parameter or property: `optional`, default, enum values, limits, read-only…, or `-`. */
export function notesMarkdown(schema: SchemaNode, required: boolean, resolve: (target: string) => SchemaNode | undefined): string {
  const notes: string[] = [];
  if (!required) notes.push('[optional]');
  const own = schema.kind === 'ref' ? resolve(schema.target) : schema;
  const def = schema.default ?? own?.default;
  if (def !== undefined) notes.push(`[default to ${mdCode(JSON.stringify(def))}]`);
  const values = enumValues(schema, resolve);
  if (values) notes.push(`[enum: ${values.map((v) => mdCode(JSON.stringify(v))).join(', ')}]`);
  notes.push(...limits(own ?? schema).map((l) => `[${l}]`));
  if (schema.readOnly) notes.push('[read-only]');
  if (schema.writeOnly) notes.push('[write-only]');
  if (schema.deprecated) notes.push('[deprecated]');
  return notes.length ? notes.join(' ') : '-';
}

function enumValues(schema: SchemaNode, resolve: (target: string) => SchemaNode | undefined, depth = 0): (string | number | boolean | null)[] | undefined {
  if (depth > 8) return undefined;
  if (schema.kind === 'enum') return schema.values;
  if (schema.kind === 'ref') {
    const target = resolve(schema.target);
    return target ? enumValues(target, resolve, depth + 1) : undefined;
  }
  if (schema.kind === 'union') {
    const inner = schema.variants.filter((v) => !(v.kind === 'primitive' && v.type === 'null'));
    return inner.length === 1 ? enumValues(inner[0], resolve, depth + 1) : undefined;
  }
  return undefined;
}

const LIMITS: [keyof Constraints, string][] = [
  ['minimum', 'min'],
  ['exclusiveMinimum', 'greater than'],
  ['maximum', 'max'],
  ['exclusiveMaximum', 'less than'],
  ['multipleOf', 'multiple of'],
  ['minLength', 'min length'],
  ['maxLength', 'max length'],
  ['pattern', 'pattern'],
  ['minItems', 'min items'],
  ['maxItems', 'max items'],
];

function limits(schema: SchemaNode): string[] {
  if (schema.kind !== 'primitive' && schema.kind !== 'array') return [];
  const c = schema.constraints;
  const out = LIMITS.filter(([key]) => c[key] !== undefined).map(([key, label]) => `${label}: ${mdCode(String(c[key]))}`);
  if (c.uniqueItems) out.push('unique items');
  return out;
}
