/**
 * A small JSON Schema validator: the subset OpenAPI 3.1 specs use (`type`
 * incl. `null` and type arrays, `enum`/`const`, objects, arrays, bounds,
 * lengths, `pattern`, common formats, `oneOf`/`anyOf`/`allOf`/`not`, and
 * `$ref` to `#/components/schemas/<Name>`). It reports the first problem
 * with the path of the offending value, so error messages can name the field.
 */
import { compilePattern } from './regex-sample.js';

const REF_PREFIX = '#/components/schemas/';

const FORMATS = {
  'date-time': (s) =>
    /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(s) &&
    !Number.isNaN(Date.parse(s.replace(' ', 'T'))),
  date: (s) =>
    /^\d{4}-\d{2}-\d{2}$/.test(s) &&
    !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
    new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
  uri: (s) => /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/.test(s),
  email: (s) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s),
  uuid: (s) => /^(urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(s),
};

export function isObject(value) {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Uint8Array)
  );
}

/** Sets an own property, even `__proto__`, without touching the prototype. */
export function setOwn(target, key, value) {
  // Plain assignment is much faster; only `__proto__` needs defining (it is an accessor on Object.prototype).
  if (key === '__proto__')
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  else target[key] = value;
}

/** Freezes JSON data all the way down, so a shared value cannot be changed by accident. */
export function deepFreeze(value) {
  if (
    value &&
    typeof value === 'object' &&
    !Object.isFrozen(value) &&
    !(value instanceof Uint8Array)
  ) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** An own property's value; never one inherited from the prototype. */
export function own(target, key) {
  return isObject(target) && Object.hasOwn(target, key) ? target[key] : undefined;
}

/** A shallow copy of `sources` merged left to right, safe for any key. */
export function merge(...sources) {
  const out = {};
  for (const source of sources)
    if (isObject(source)) for (const key of Object.keys(source)) setOwn(out, key, source[key]);
  return out;
}

/** Deep equality of JSON values. */
export function jsonEqual(a, b) {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]))
    );
  }
  return false;
}

/** The named schemas of one API, with `$ref` resolution and validation. */
export class Schemas {
  named;

  constructor(named) {
    this.named = named;
  }

  /** Follows `$ref`s until a schema without one (siblings of a `$ref` are dropped). */
  resolve(schema) {
    let current = schema;
    for (
      let depth = 0;
      depth < 32 && isObject(current) && typeof current.$ref === 'string';
      depth++
    ) {
      const ref = current.$ref;
      const name = ref.startsWith(REF_PREFIX)
        ? decodeURIComponent(ref.slice(REF_PREFIX.length))
        : undefined;
      current =
        name !== undefined && Object.hasOwn(this.named, name) ? (this.named[name] ?? true) : true;
    }
    return current;
  }

  /** The first problem with `value`, or undefined when it is valid. */
  validate(schema, value, path = []) {
    if (schema === true) return undefined;
    if (schema === false) return { path, message: 'is not allowed', keyword: 'false' };
    if (!isObject(schema)) return undefined;
    if (typeof schema.$ref === 'string') {
      const problem = this.validate(this.resolve({ $ref: schema.$ref }), value, path);
      if (problem) return problem;
    }
    return (
      this.checkType(schema, value, path) ??
      this.checkValue(schema, value, path) ??
      (typeof value === 'string' ? checkString(schema, value, path) : undefined) ??
      (typeof value === 'number' ? checkNumber(schema, value, path) : undefined) ??
      (Array.isArray(value) ? this.checkArray(schema, value, path) : undefined) ??
      (isObject(value) ? this.checkObject(schema, value, path) : undefined) ??
      this.checkComposition(schema, value, path)
    );
  }

  /** True when `value` is valid. */
  accepts(schema, value) {
    return this.validate(schema, value) === undefined;
  }

  checkType(schema, value, path) {
    if (schema.type === undefined) return undefined;
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (types.some((t) => hasType(value, t))) return undefined;
    return { path, message: `must be ${types.map(article).join(' or ')}`, keyword: 'type' };
  }

  checkValue(schema, value, path) {
    if (Array.isArray(schema.enum) && !schema.enum.some((v) => jsonEqual(v, value))) {
      return {
        path,
        message: `must be one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`,
        keyword: 'enum',
      };
    }
    if ('const' in schema && !jsonEqual(schema.const, value)) {
      return { path, message: `must be ${JSON.stringify(schema.const)}`, keyword: 'const' };
    }
    return undefined;
  }

  checkArray(schema, value, path) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems)
      return { path, message: `must have at least ${schema.minItems} items`, keyword: 'minItems' };
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems)
      return { path, message: `must have at most ${schema.maxItems} items`, keyword: 'maxItems' };
    if (
      schema.uniqueItems === true &&
      value.some((v, i) => value.findIndex((w) => jsonEqual(v, w)) !== i)
    ) {
      return { path, message: 'must not contain duplicate items', keyword: 'uniqueItems' };
    }
    const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : [];
    for (let i = 0; i < value.length; i++) {
      const itemSchema = i < prefix.length ? prefix[i] : schema.items;
      const problem =
        itemSchema === undefined ? undefined : this.validate(itemSchema, value[i], [...path, i]);
      if (problem) return problem;
    }
    return undefined;
  }

  checkObject(schema, value, path) {
    const props = isObject(schema.properties) ? schema.properties : {};
    if (Array.isArray(schema.required)) {
      for (const name of schema.required) {
        if (!Object.hasOwn(value, name) || value[name] === undefined)
          return { path: [...path, name], message: 'is required', keyword: 'required' };
      }
    }
    for (const key of Object.keys(value)) {
      if (value[key] === undefined) continue;
      const known = Object.hasOwn(props, key);
      const sub = known ? props[key] : this.extraSchema(schema, key);
      if (sub === false && !known)
        return {
          path: [...path, key],
          message: 'is not a known property',
          keyword: 'additionalProperties',
        };
      const problem =
        sub === undefined ? undefined : this.validate(sub, value[key], [...path, key]);
      if (problem) return problem;
    }
    const count = Object.keys(value).length;
    if (typeof schema.minProperties === 'number' && count < schema.minProperties)
      return {
        path,
        message: `must have at least ${schema.minProperties} properties`,
        keyword: 'minProperties',
      };
    if (typeof schema.maxProperties === 'number' && count > schema.maxProperties)
      return {
        path,
        message: `must have at most ${schema.maxProperties} properties`,
        keyword: 'maxProperties',
      };
    return undefined;
  }

  extraSchema(schema, key) {
    if (isObject(schema.patternProperties)) {
      for (const [pattern, sub] of Object.entries(schema.patternProperties))
        if (compilePattern(pattern)?.test(key)) return sub;
    }
    const extra = schema.additionalProperties;
    return extra === false || isObject(extra) ? extra : undefined;
  }

  checkComposition(schema, value, path) {
    if (Array.isArray(schema.allOf)) {
      for (const part of schema.allOf) {
        const problem = this.validate(part, value, path);
        if (problem) return problem;
      }
    }
    for (const key of ['anyOf', 'oneOf']) {
      if (!Array.isArray(schema[key])) continue;
      const variants = schema[key];
      const problems = variants.map((v) => this.validate(v, value, path));
      const matches = problems.filter((p) => p === undefined).length;
      if (key === 'oneOf' && matches > 1)
        return { path, message: 'must match exactly one of the allowed shapes', keyword: 'oneOf' };
      if (matches === 0)
        return (
          problems.find((p) => p && p.keyword !== 'type') ?? {
            path,
            message: 'has the wrong type or shape',
            keyword: key,
          }
        );
    }
    if (schema.not !== undefined && this.validate(schema.not, value, path) === undefined) {
      return { path, message: 'is not allowed here', keyword: 'not' };
    }
    return undefined;
  }
}

function checkString(schema, value, path) {
  const length = [...value].length;
  if (typeof schema.minLength === 'number' && length < schema.minLength) {
    return {
      path,
      message:
        schema.minLength === 1
          ? 'must not be empty'
          : `must be at least ${schema.minLength} characters long`,
      keyword: 'minLength',
    };
  }
  if (typeof schema.maxLength === 'number' && length > schema.maxLength)
    return {
      path,
      message: `must be at most ${schema.maxLength} characters long`,
      keyword: 'maxLength',
    };
  if (typeof schema.pattern === 'string' && compilePattern(schema.pattern)?.test(value) === false) {
    return { path, message: `must match the pattern ${schema.pattern}`, keyword: 'pattern' };
  }
  const format = typeof schema.format === 'string' ? FORMATS[schema.format] : undefined;
  if (format && !format(value))
    return { path, message: `must be a valid ${schema.format}`, keyword: 'format' };
  return undefined;
}

function checkNumber(schema, value, path) {
  const bound = (key, bad, text) =>
    typeof schema[key] === 'number' && bad(schema[key])
      ? { path, message: `must be ${text} ${schema[key]}`, keyword: key }
      : undefined;
  return (
    bound('minimum', (l) => value < l, '>=') ??
    bound('maximum', (l) => value > l, '<=') ??
    bound('exclusiveMinimum', (l) => value <= l, '>') ??
    bound('exclusiveMaximum', (l) => value >= l, '<') ??
    bound(
      'multipleOf',
      (l) => l > 0 && Math.abs(value / l - Math.round(value / l)) > 1e-9,
      'a multiple of',
    ) ??
    (schema.format === 'int32' &&
    (!Number.isInteger(value) || value < -2147483648 || value > 2147483647)
      ? { path, message: 'must be a 32-bit integer', keyword: 'format' }
      : undefined)
  );
}

function hasType(value, type) {
  switch (type) {
    case 'null':
      return value === null;
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    case 'string':
      return typeof value === 'string' || value instanceof Uint8Array;
    default:
      return typeof value === type;
  }
}

function article(type) {
  if (type === 'null') return 'null';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
