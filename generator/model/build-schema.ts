/**
 * Schema objects → SchemaNode (for emitters) and normalised JSON Schema (for
 * validators). OpenAPI 3.0 (`nullable`, boolean `exclusiveMinimum`) and 3.1
 * (`type: [..., 'null']`, `const`, `examples`) come out in the same shape.
 * Named schemas stay references: a `$ref` becomes a RefSchemaNode and is never
 * inlined, so cycles need no special handling.
 */
import { isRef, type Cursor, type SpecFiles } from '../load/refs.js';
import { isObject } from '../load/validate.js';
import { pascalCase } from './names.js';
import type { Constraints, JsonSchema, SchemaNode, SpecLocation } from './types.js';

const PRIMITIVES = new Set(['string', 'number', 'integer', 'boolean', 'null']);
const CONSTRAINT_KEYS = [
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
] as const;

/** Names for schema targets. Root `components/schemas` entries are named up front; others are hoisted as met. */
export class SchemaRegistry {
  /** `file#pointer` → typeName */
  readonly names = new Map<string, string>();
  /** Targets met through `$ref` that still need a NamedSchema built, in discovery order. */
  readonly pending: { key: string; cursor: Cursor; typeName: string }[] = [];
  private readonly used = new Set<string>();

  constructor(
    readonly files: SpecFiles,
    readonly version: '3.0' | '3.1',
  ) {}

  claim(key: string, typeName: string): void {
    this.names.set(key, typeName);
    this.used.add(typeName.toLowerCase());
  }

  /**
   * Whether `name` is taken. Emitters name a schema's request variant
   * `<typeName>Input`, so `X` and `XInput` may never both be schema names.
   */
  isUsed(name: string): boolean {
    const lower = name.toLowerCase();
    return this.used.has(lower) || this.used.has(`${lower}input`) || (lower.endsWith('input') && this.used.has(lower.slice(0, -5)));
  }

  /** A free name for `raw`: its PascalCase form, or that with the smallest free numeric suffix. */
  freeName(raw: string): string {
    const base = pascalCase(raw, 'Schema');
    let name = base;
    for (let n = 2; this.isUsed(name); n++) name = `${base}${n}`;
    return name;
  }

  /** The typeName for a ref target, registering (and queueing) it when new. */
  nameFor(target: Cursor): string {
    const key = targetKey(target);
    const known = this.names.get(key);
    if (known) return known;
    const last = target.pointer === '#' ? target.file.path.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') : target.pointer.split('/').pop()!;
    const name = this.freeName(last.replace(/~1/g, '/').replace(/~0/g, '~'));
    this.claim(key, name);
    this.pending.push({ key, cursor: target, typeName: name });
    return name;
  }
}

export function targetKey(c: Cursor): string {
  return `${c.file.path}${c.pointer}`;
}

/** Builds the node for the schema at `c` (which may be a `$ref`). */
export function buildSchema(reg: SchemaRegistry, c: Cursor): SchemaNode {
  const loc = reg.files.loc(c);
  const raw = c.value;
  if (raw === true || raw === undefined || (isObject(raw) && Object.keys(raw).length === 0)) return unknownNode(loc);
  if (!isObject(raw)) return unknownNode(loc);
  if (isRef(raw)) return buildRef(reg, c, loc);
  const meta = metaOf(reg, raw, loc);
  const composed = buildComposed(reg, c, raw, meta);
  if (composed) return composed;
  if (Array.isArray(raw.enum) || 'const' in raw) {
    const values = (Array.isArray(raw.enum) ? raw.enum : [raw.const]).filter(isEnumValue);
    if (values.includes(null)) meta.nullable = true;
    return { kind: 'enum', ...meta, values: values.filter((v) => v !== null) as (string | number | boolean)[] };
  }
  const types = typesOf(raw);
  if (types.includes('null')) meta.nullable = true;
  const nonNull = types.filter((t) => t !== 'null');
  if (nonNull.length > 1) {
    return { kind: 'union', ...meta, variants: nonNull.map((t) => buildSchema(reg, { ...c, value: { ...raw, type: t } })) };
  }
  return buildSingle(reg, c, raw, nonNull[0], meta);
}

function buildSingle(reg: SchemaRegistry, c: Cursor, raw: Record<string, unknown>, type: string | undefined, meta: Meta): SchemaNode {
  if (type === 'object' || (!type && (isObject(raw.properties) || raw.additionalProperties !== undefined))) {
    const required = new Set(Array.isArray(raw.required) ? raw.required.filter((r) => typeof r === 'string') : []);
    const props = reg.files.child(c, 'properties');
    const properties = Object.keys(isObject(props.value) ? props.value : {}).map((name) => ({
      name,
      required: required.has(name),
      schema: buildSchema(reg, reg.files.child(props, name)),
    }));
    const ap = raw.additionalProperties;
    const additional = ap === undefined || ap === false ? false : ap === true ? true : buildSchema(reg, reg.files.child(c, 'additionalProperties'));
    return { kind: 'object', ...meta, properties, additional };
  }
  if (type === 'array' || (!type && raw.items !== undefined)) {
    const items = raw.items === undefined ? unknownNode(meta.loc) : buildSchema(reg, reg.files.child(c, 'items'));
    return { kind: 'array', ...meta, items, constraints: constraintsOf(raw) };
  }
  if (type === 'string' && (raw.format === 'binary' || typeof raw.contentMediaType === 'string')) {
    return { kind: 'binary', ...meta };
  }
  if (type && PRIMITIVES.has(type)) {
    return { kind: 'primitive', ...meta, type: type as 'string', constraints: constraintsOf(raw) };
  }
  return { kind: 'unknown', ...meta };
}

function buildRef(reg: SchemaRegistry, c: Cursor, loc: SpecLocation): SchemaNode {
  const target = reg.files.follow(c);
  if (!target) return unknownNode(loc);
  const raw = c.value as Record<string, unknown>;
  return { kind: 'ref', ...metaOf(reg, raw, loc), target: reg.nameFor(target) };
}

/** allOf → intersection; oneOf/anyOf → union (a `null` member becomes `nullable`). */
function buildComposed(reg: SchemaRegistry, c: Cursor, raw: Record<string, unknown>, meta: Meta): SchemaNode | undefined {
  for (const key of ['oneOf', 'anyOf'] as const) {
    if (!Array.isArray(raw[key])) continue;
    const members = (raw[key] as unknown[]).map((_, i) => reg.files.child(c, key, i));
    const nonNull = members.filter((m) => !(isObject(m.value) && m.value.type === 'null'));
    if (nonNull.length < members.length) meta.nullable = true;
    const variants = nonNull.map((m) => buildSchema(reg, m));
    const own = withoutKeys(raw, [key, 'discriminator']);
    if (hasShape(own)) variants.length > 0 && variants.push(buildSchema(reg, { ...c, value: own }));
    const discriminator = discriminatorOf(raw.discriminator);
    if (variants.length === 1 && !discriminator) return { ...variants[0], ...meta, nullable: meta.nullable || variants[0].nullable } as SchemaNode;
    return { kind: 'union', ...meta, variants, ...(discriminator ? { discriminator } : {}) };
  }
  if (Array.isArray(raw.allOf)) {
    const parts = (raw.allOf as unknown[]).map((_, i) => buildSchema(reg, reg.files.child(c, 'allOf', i)));
    const rest = withoutKeys(raw, ['allOf']);
    if (hasShape(rest)) parts.push(buildSchema(reg, { ...c, value: rest }));
    if (parts.length === 1) return { ...parts[0], ...meta, nullable: meta.nullable || parts[0].nullable } as SchemaNode;
    return { kind: 'intersection', ...meta, parts };
  }
  return undefined;
}

type Meta = Omit<SchemaNode & { kind: 'unknown' }, 'kind'>;

function metaOf(reg: SchemaRegistry, raw: Record<string, unknown>, loc: SpecLocation): Meta {
  const examples = Array.isArray(raw.examples) ? raw.examples : undefined;
  return {
    loc,
    ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
    ...(typeof raw.title === 'string' ? { title: raw.title } : {}),
    nullable: reg.version === '3.0' && raw.nullable === true,
    readOnly: raw.readOnly === true,
    writeOnly: raw.writeOnly === true,
    deprecated: raw.deprecated === true,
    ...('default' in raw ? { default: raw.default } : {}),
    ...('example' in raw ? { example: raw.example } : examples && examples.length > 0 ? { example: examples[0] } : {}),
    ...(typeof raw.format === 'string' ? { format: raw.format } : {}),
  };
}

function typesOf(raw: Record<string, unknown>): string[] {
  if (typeof raw.type === 'string') return [raw.type];
  if (Array.isArray(raw.type)) return raw.type.filter((t): t is string => typeof t === 'string');
  return [];
}

function constraintsOf(raw: Record<string, unknown>): Constraints {
  const out: Record<string, unknown> = {};
  for (const key of CONSTRAINT_KEYS) {
    const v = raw[key];
    if (typeof v === 'number' || (key === 'pattern' && typeof v === 'string') || (key === 'uniqueItems' && typeof v === 'boolean')) out[key] = v;
  }
  // OpenAPI 3.0: boolean exclusiveMinimum/Maximum qualify minimum/maximum.
  if (raw.exclusiveMinimum === true && typeof raw.minimum === 'number') (out.exclusiveMinimum = raw.minimum), delete out.minimum;
  if (raw.exclusiveMaximum === true && typeof raw.maximum === 'number') (out.exclusiveMaximum = raw.maximum), delete out.maximum;
  return out as Constraints;
}

function discriminatorOf(value: unknown): { propertyName: string; mapping: Record<string, string> } | undefined {
  if (!isObject(value) || typeof value.propertyName !== 'string') return undefined;
  const mapping: Record<string, string> = {};
  if (isObject(value.mapping)) for (const [k, v] of Object.entries(value.mapping)) if (typeof v === 'string') mapping[k] = v;
  return { propertyName: value.propertyName, mapping };
}

function isEnumValue(v: unknown): v is string | number | boolean | null {
  return v === null || ['string', 'number', 'boolean'].includes(typeof v);
}

function hasShape(raw: Record<string, unknown>): boolean {
  return ['type', 'properties', 'items', 'enum', 'const', 'additionalProperties'].some((k) => k in raw);
}

function withoutKeys(raw: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) if (!keys.includes(k) && !['description', 'title', 'nullable', 'example', 'default'].includes(k)) out[k] = v;
  return out;
}

function unknownNode(loc: SpecLocation): SchemaNode {
  return { kind: 'unknown', loc, nullable: false, readOnly: false, writeOnly: false, deprecated: false };
}

/**
 * The schema at `c` as normalised JSON Schema: `$ref`s rewritten to
 * `#/components/schemas/<typeName>`, 3.0 `nullable` folded into `type`/`enum`,
 * boolean exclusive bounds made numeric. Never inlines a named schema.
 */
export function toJsonSchema(reg: SchemaRegistry, c: Cursor): JsonSchema {
  const raw = c.value;
  if (typeof raw === 'boolean') return raw;
  if (Array.isArray(raw)) return raw.map((_, i) => toJsonSchema(reg, reg.files.child(c, i))) as unknown as JsonSchema;
  if (!isObject(raw)) return raw as JsonSchema;
  if (isRef(raw)) {
    const target = reg.files.follow(c);
    return target ? { ...pickMeta(raw), $ref: `#/components/schemas/${reg.nameFor(target)}` } : {};
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(raw)) {
    const v = raw[key];
    out[key] = v !== null && typeof v === 'object' && !NON_SCHEMA_KEYS.has(key) ? mapChild(reg, c, key, v) : v;
  }
  if (reg.version === '3.0') normalise30(out);
  return out;
}

const NON_SCHEMA_KEYS = new Set(['enum', 'const', 'default', 'example', 'examples', 'required', 'discriminator', 'xml', 'externalDocs', 'type']);

function mapChild(reg: SchemaRegistry, c: Cursor, key: string, v: object): unknown {
  const child = reg.files.child(c, key);
  if (key === 'properties' || key === 'patternProperties' || key === '$defs' || key === 'definitions' || key === 'dependentSchemas') {
    const out: Record<string, unknown> = {};
    for (const name of Object.keys(v)) {
      Object.defineProperty(out, name, { value: toJsonSchema(reg, reg.files.child(child, name)), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  if (key.startsWith('x-')) return v;
  return toJsonSchema(reg, child);
}

function pickMeta(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ['description', 'title', 'readOnly', 'writeOnly', 'deprecated', 'default', 'example']) if (k in raw) out[k] = raw[k];
  return out;
}

function normalise30(s: Record<string, unknown>): void {
  if (s.exclusiveMinimum === true && typeof s.minimum === 'number') (s.exclusiveMinimum = s.minimum), delete s.minimum;
  if (s.exclusiveMaximum === true && typeof s.maximum === 'number') (s.exclusiveMaximum = s.maximum), delete s.maximum;
  if (s.exclusiveMinimum === false) delete s.exclusiveMinimum;
  if (s.exclusiveMaximum === false) delete s.exclusiveMaximum;
  if (s.nullable === true) {
    if (typeof s.type === 'string') s.type = [s.type, 'null'];
    if (Array.isArray(s.enum) && !s.enum.includes(null)) s.enum = [...s.enum, null];
    if (s.type === undefined && !Array.isArray(s.enum)) {
      const inner = { ...s };
      delete inner.nullable;
      for (const k of Object.keys(s)) delete s[k];
      s.anyOf = [inner, { type: 'null' }];
      return;
    }
  }
  delete s.nullable;
  if ('example' in s && !('examples' in s)) s.examples = [s.example];
}
