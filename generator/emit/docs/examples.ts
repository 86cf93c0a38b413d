/**
 * Example values for the docs' TypeScript examples. A value comes from the
 * spec (parameter `example`, media example, schema example) when it fits the
 * request type the client declares; otherwise a placeholder is derived from
 * the schema. Either way the example type-checks against the generated client.
 */
import type { ApiModel, ObjectSchemaNode, PrimitiveSchemaNode, SchemaNode } from '../../model/types.js';
import { id, num, object, str, type Expr } from './code-layout.js';
import { samplePattern } from './pattern-sample.js';

/** Raw bytes in an example: printed as `new Uint8Array([…])`. */
export class BytesValue {
  constructor(readonly bytes: number[] = []) {}
}

type Resolve = (target: string) => SchemaNode | undefined;

/** The strings of the spec's request and response examples, for parameters with a `pattern` and no example. */
export interface ExamplePool {
  /**
   * Candidates for path parameter `{param}` of `path`: first the strings of the
   * operations under the same collection (`/Calls/{CallSid}` → everything under
   * `/Calls`, where a call's Sid appears), then all the others, in model order.
   */
  near(path: string, param: string): string[];
}

/** Collects the example strings of every operation once. */
export function examplePool(model: ApiModel): ExamplePool {
  const byOp = model.operations.map((op) => ({ path: op.path, strings: operationStrings(op) }));
  const all = [...new Set(byOp.flatMap((o) => o.strings))];
  return {
    near(path, param) {
      const at = path.indexOf(`/{${param}}`);
      const prefix = at < 0 ? undefined : path.slice(0, at);
      const near = prefix === undefined ? [] : byOp.filter((o) => o.path === prefix || o.path.startsWith(`${prefix}/`)).flatMap((o) => o.strings);
      return [...new Set([...near, ...all])];
    },
  };
}

function operationStrings(op: ApiModel['operations'][number]): string[] {
  const out = new Set<string>();
  const walk = (value: unknown, depth: number): void => {
    if (typeof value === 'string') out.add(value);
    else if (depth < 16 && value !== null && typeof value === 'object') for (const v of Object.values(value)) walk(v, depth + 1);
  };
  const media = [...op.responses.flatMap((r) => r.contents), ...(op.body?.contents ?? [])];
  for (const m of media) for (const e of m.examples.length ? m.examples.map((x) => x.value) : [m.example]) walk(e, 0);
  return [...out];
}

/** The pattern a parameter's value must match, looking through a reference. */
export function patternOf(schema: SchemaNode, resolve: Resolve): string | undefined {
  const target = schema.kind === 'ref' ? resolve(schema.target) : schema;
  return target?.kind === 'primitive' ? target.constraints.pattern : undefined;
}

/** Looks up named schemas by type name. */
export function resolver(model: ApiModel): Resolve {
  const byName = new Map(model.schemas.map((s) => [s.typeName, s.schema]));
  return (target) => byName.get(target);
}

/**
 * The first candidate that fits the schema as a request value (read-only
 * properties, which requests leave out, are dropped first), else a placeholder.
 */
export function exampleFor(schema: SchemaNode, resolve: Resolve, candidates: unknown[]): unknown {
  for (const value of candidates) {
    if (value === undefined) continue;
    const request = withoutReadOnly(value, schema, resolve);
    if (fits(request, schema, resolve)) return request;
  }
  return placeholder(schema, resolve);
}

/** A copy of an example without the properties the schema marks read-only (at any depth). */
export function withoutReadOnly(value: unknown, schema: SchemaNode, resolve: Resolve, depth = 0): unknown {
  if (depth > 32 || value === null || typeof value !== 'object') return value;
  if (schema.kind === 'ref') {
    const target = resolve(schema.target);
    return target ? withoutReadOnly(value, target, resolve, depth + 1) : value;
  }
  if (schema.kind === 'array' && Array.isArray(value)) return value.map((v) => withoutReadOnly(v, schema.items, resolve, depth + 1));
  if (schema.kind !== 'object' || Array.isArray(value)) return value;
  const props = new Map(schema.properties.map((p) => [p.name, p.schema]));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const prop = props.get(key);
    if (prop?.readOnly) continue;
    // defineProperty: a `__proto__` key stays a key instead of setting the prototype.
    Object.defineProperty(out, key, { value: prop ? withoutReadOnly(v, prop, resolve, depth + 1) : v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Whether a JSON value is assignable to the request type of a schema (excess properties included). */
export function fits(value: unknown, schema: SchemaNode, resolve: Resolve, depth = 0): boolean {
  if (depth > 32) return false;
  if (value === null && schema.nullable) return true;
  switch (schema.kind) {
    case 'ref': {
      const target = resolve(schema.target);
      return target !== undefined && fits(value, target, resolve, depth + 1);
    }
    case 'primitive':
      return fitsPrimitive(value, schema);
    case 'enum':
      return schema.values.some((v) => v === value);
    case 'array':
      return Array.isArray(value) && value.every((v) => fits(v, schema.items, resolve, depth + 1));
    case 'object':
      return fitsObject(value, schema, resolve, depth);
    case 'union':
      return schema.variants.some((v) => fits(value, v, resolve, depth + 1));
    case 'intersection':
      return false;
    case 'binary':
      return value instanceof BytesValue;
    default:
      return true;
  }
}

/** The type, and the limits a server checks (pattern, lengths, range): an example should pass them too. */
function fitsPrimitive(value: unknown, schema: PrimitiveSchemaNode): boolean {
  const c = schema.constraints;
  if (schema.type === 'null') return value === null;
  if (typeof value === 'string') return schema.type === 'string' && fitsString(value, c);
  if (typeof value !== 'number') return typeof value === schema.type;
  if (!Number.isFinite(value) || (schema.type === 'integer' && !Number.isInteger(value))) return false;
  if (schema.type !== 'number' && schema.type !== 'integer') return false;
  return !(value < (c.minimum ?? -Infinity) || value > (c.maximum ?? Infinity) || value <= (c.exclusiveMinimum ?? -Infinity) || value >= (c.exclusiveMaximum ?? Infinity));
}

function fitsString(value: string, c: PrimitiveSchemaNode['constraints']): boolean {
  const length = [...value].length;
  if (length < (c.minLength ?? 0) || length > (c.maxLength ?? Infinity)) return false;
  if (c.pattern === undefined) return true;
  try {
    return new RegExp(c.pattern, 'u').test(value);
  } catch {
    return true;
  }
}

function fitsObject(value: unknown, schema: ObjectSchemaNode, resolve: Resolve, depth: number): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof BytesValue) return false;
  const props = new Map(schema.properties.filter((p) => !p.schema.readOnly).map((p) => [p.name, p]));
  for (const [key, v] of Object.entries(value)) {
    const prop = props.get(key);
    if (prop) {
      if (!fits(v, prop.schema, resolve, depth + 1)) return false;
    } else if (schema.additional === false || (typeof schema.additional === 'object' && !fits(v, schema.additional, resolve, depth + 1))) {
      return false;
    }
  }
  return [...props.values()].every((p) => !p.required || Object.hasOwn(value, p.name));
}

/** A type-correct value derived from the schema alone: required properties only, first enum value, … */
export function placeholder(schema: SchemaNode, resolve: Resolve, depth = 0): unknown {
  if (depth > 16) return schema.nullable ? null : undefined;
  if (schema.example !== undefined && schema.kind !== 'ref' && fits(schema.example, schema, resolve)) return schema.example;
  if (schema.default !== undefined && schema.kind !== 'ref' && fits(schema.default, schema, resolve)) return schema.default;
  switch (schema.kind) {
    case 'ref': {
      const target = resolve(schema.target);
      return target ? placeholder(target, resolve, depth + 1) : null;
    }
    case 'primitive':
      return primitivePlaceholder(schema);
    case 'enum':
      return schema.values.length ? schema.values[0] : null;
    case 'array':
      return [placeholder(schema.items, resolve, depth + 1)].filter((v) => v !== undefined);
    case 'object':
      return objectPlaceholder(schema, resolve, depth);
    case 'union': {
      const first = schema.variants.find((v) => !(v.kind === 'primitive' && v.type === 'null'));
      return first ? placeholder(first, resolve, depth + 1) : null;
    }
    case 'binary':
      return new BytesValue();
    default:
      return schema.nullable ? null : {};
  }
}

function objectPlaceholder(schema: ObjectSchemaNode, resolve: Resolve, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of schema.properties) {
    if (!p.required || p.schema.readOnly) continue;
    const value = placeholder(p.schema, resolve, depth + 1);
    if (value !== undefined) Object.defineProperty(out, p.name, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

const STRING_FORMATS: Record<string, string> = {
  'date-time': '2024-01-01T00:00:00Z',
  date: '2024-01-01',
  time: '12:00:00',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  email: 'user@example.com',
  uuid: '00000000-0000-4000-8000-000000000000',
};

function primitivePlaceholder(schema: PrimitiveSchemaNode): unknown {
  const c = schema.constraints;
  switch (schema.type) {
    case 'string':
      return (c.pattern !== undefined ? samplePattern(c.pattern) : undefined) ?? STRING_FORMATS[schema.format ?? ''] ?? 'string'.padEnd(c.minLength ?? 0, 'x').slice(0, c.maxLength ?? Infinity);
    case 'integer':
    case 'number':
      return c.minimum ?? (c.exclusiveMinimum !== undefined ? Math.floor(c.exclusiveMinimum) + 1 : c.maximum !== undefined && c.maximum < 1 ? c.maximum : 1);
    case 'boolean':
      return true;
    default:
      return null;
  }
}

/**
 * A value as a TypeScript expression for an example. Objects are written
 * expanded, one property per line, as a reader expects example data.
 */
export function valueExpr(value: unknown): Expr {
  if (value instanceof BytesValue) return { kind: 'new', callee: 'Uint8Array', args: [{ kind: 'array', items: value.bytes.map(num) }] };
  if (typeof value === 'string') return str(value);
  if (typeof value === 'number') return num(value);
  if (typeof value === 'boolean') return id(value ? 'true' : 'false');
  if (value === null) return id('null');
  if (Array.isArray(value)) return { kind: 'array', items: value.map(valueExpr) };
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return object(entries.map(([k, v]) => [k, valueExpr(v)]), true);
  }
  return id('undefined');
}
