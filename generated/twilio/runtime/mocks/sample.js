import { sampleRegex } from './regex-sample.js';
import { isObject, merge, setOwn } from './schema.js';

const BASE_TIME = Date.UTC(2024, 0, 1);

/** Samples values for the schemas of one API. */
export class Sampler {
  schemas;

  constructor(schemas) {
    this.schemas = schemas;
  }

  /** A value valid against `schema`. */
  sample(schema, random, options = {}, depth = 0) {
    if (!isObject(schema)) return schema === false ? undefined : 'sample';
    const useExamples = options.examples !== false;
    if (useExamples) {
      const given = this.fromSchemaExamples(schema);
      if (given !== undefined) return given.value;
    }
    if (typeof schema.$ref === 'string')
      return this.sample(this.schemas.resolve(schema), random, options, depth);
    if ('const' in schema) return schema.const;
    if (Array.isArray(schema.enum) && schema.enum.length > 0)
      return schema.enum.find((v) => v !== null) ?? schema.enum[0];
    const composed = this.composed(schema, random, options, depth);
    if (composed !== undefined) return composed.value;
    const type = typeOf(schema);
    const value = this.byType(type, schema, random, options, depth);
    return value;
  }

  fromSchemaExamples(schema) {
    const candidates = [];
    if (Array.isArray(schema.examples)) candidates.push(...schema.examples);
    if ('example' in schema) candidates.push(schema.example);
    if ('default' in schema) candidates.push(schema.default);
    for (const c of candidates)
      if (c !== undefined && this.schemas.accepts(schema, c)) return { value: c };
    return undefined;
  }

  composed(schema, random, options, depth) {
    for (const key of ['oneOf', 'anyOf']) {
      if (!Array.isArray(schema[key])) continue;
      const variants = [...schema[key]].sort((a, b) => Number(isNull(a)) - Number(isNull(b)));
      for (const variant of variants) {
        const value = this.sample(variant, random, options, depth);
        if (this.schemas.accepts(schema, value)) return { value };
      }
      return { value: this.sample(variants[0] ?? true, random, options, depth) };
    }
    if (Array.isArray(schema.allOf)) {
      const parts = schema.allOf.map((p) => this.sample(p, random, options, depth));
      const rest = { ...schema };
      delete rest.allOf;
      if (typeOf(rest) === 'object' || isObject(rest.properties))
        parts.push(this.sample(rest, random, options, depth));
      return { value: parts.every(isObject) ? merge(...parts) : parts[0] };
    }
    return undefined;
  }

  byType(type, schema, random, options, depth) {
    switch (type) {
      case 'null':
        return null;
      case 'boolean':
        return random.next() < 0.5;
      case 'integer':
      case 'number':
        return sampleNumber(schema, random, type === 'integer');
      case 'array':
        return this.sampleArray(schema, random, options, depth);
      case 'object':
        return this.sampleObject(schema, random, options, depth);
      default:
        return this.sampleString(schema, random);
    }
  }

  sampleObject(schema, random, options, depth) {
    const props = isObject(schema.properties) ? schema.properties : {};
    const required = new Set(Array.isArray(schema.required) ? schema.required : []);
    const out = {};
    for (const name of Object.keys(props)) {
      if (depth > 3 && !required.has(name)) continue;
      const value = this.sample(props[name], random, options, depth + 1);
      if (value !== undefined) setOwn(out, name, value);
    }
    return out;
  }

  sampleArray(schema, random, options, depth) {
    const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
    const max = typeof schema.maxItems === 'number' ? schema.maxItems : Infinity;
    const count = Math.min(max, Math.max(min, depth > 3 ? 0 : 1));
    const items = schema.items ?? true;
    return Array.from({ length: count }, () => this.sample(items, random, options, depth + 1));
  }

  sampleString(schema, random) {
    const format = typeof schema.format === 'string' ? schema.format : '';
    let value = formatSample(format, random);
    if (value === undefined && typeof schema.pattern === 'string')
      value = sampleRegex(schema.pattern, random);
    value ??= `sample-${random.hex(8)}`;
    const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
    const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
    if (value.length > max) value = value.slice(0, max);
    while (value.length < min) value += 'x';
    return value;
  }
}

/** A value for a string format, or undefined for formats without a special shape. */
export function formatSample(format, random) {
  const time = new Date(BASE_TIME + random.int(0, 365 * 24 * 3600) * 1000);
  switch (format) {
    case 'date-time':
      return time.toISOString();
    case 'date':
      return time.toISOString().slice(0, 10);
    case 'time':
      return time.toISOString().slice(11, 19) + 'Z';
    case 'uri':
    case 'url':
      return `https://example.com/${random.hex(8)}`;
    case 'email':
      return `user${random.int(1, 9999)}@example.com`;
    case 'uuid':
      return random.uuid();
    case 'ipv4':
      return `192.0.2.${random.int(1, 254)}`;
    case 'hostname':
      return `host${random.int(1, 99)}.example.com`;
    default:
      return undefined;
  }
}

function sampleNumber(schema, random, integer) {
  const num = (key) => (typeof schema[key] === 'number' ? schema[key] : undefined);
  const step = integer ? 1 : 0.01;
  let lo =
    num('minimum') ??
    (num('exclusiveMinimum') !== undefined ? num('exclusiveMinimum') + step : undefined);
  let hi =
    num('maximum') ??
    (num('exclusiveMaximum') !== undefined ? num('exclusiveMaximum') - step : undefined);
  lo ??= hi !== undefined ? Math.min(0, hi) : 0;
  hi ??= lo + 100;
  const multiple = num('multipleOf');
  if (multiple && multiple > 0) return Math.ceil(lo / multiple) * multiple;
  if (integer) return random.int(Math.ceil(lo), Math.floor(hi));
  return Math.round((lo + random.next() * (hi - lo)) * 100) / 100;
}

function typeOf(schema) {
  const t = schema.type;
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return t.find((x) => x !== 'null') ?? 'null';
  if (
    isObject(schema.properties) ||
    schema.additionalProperties !== undefined ||
    Array.isArray(schema.required)
  )
    return 'object';
  if (schema.items !== undefined) return 'array';
  return 'string';
}

function isNull(schema) {
  return (
    isObject(schema) &&
    (schema.type === 'null' ||
      (Array.isArray(schema.enum) && schema.enum.length === 1 && schema.enum[0] === null))
  );
}
