/**
 * Path, query, header and form values arrive as strings. They are turned
 * into the types their schemas declare (`"20"` → 20, `"true"` → true,
 * repeated keys → arrays) before validation. A value that does not convert
 * stays a string, so validation names it.
 */
import { isObject, setOwn } from './schema.js';

/**
 * Converts one or more raw strings to the type `schema` expects. With `csv`
 * (parameters), one value for an array is split at commas; form bodies send
 * arrays as repeated keys, so there a comma is part of the value.
 */
export function coerce(schemas, schema, raw, csv = true) {
  const s = schemas.resolve(schema);
  if (!isObject(s)) return raw[raw.length - 1];
  for (const key of ['oneOf', 'anyOf']) {
    if (!Array.isArray(s[key])) continue;
    for (const variant of s[key]) {
      const value = coerce(schemas, variant, raw, csv);
      if (schemas.accepts(variant, value)) return value;
    }
  }
  if (Array.isArray(s.allOf) && s.allOf.length > 0 && !hasType(s))
    return coerce(schemas, s.allOf[0] ?? true, raw, csv);
  const types = typesOf(s);
  if (types.includes('array')) {
    const items = s.items ?? true;
    const parts =
      csv && raw.length === 1 && !types.includes('string') ? (raw[0] ?? '').split(',') : raw;
    return parts.map((part) => coerce(schemas, items, [part]));
  }
  return scalar(types, raw[raw.length - 1] ?? '');
}

function scalar(types, text) {
  for (const type of types) {
    if (
      (type === 'integer' || type === 'number') &&
      /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text.trim())
    )
      return Number(text);
    if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
    if (type === 'null' && (text === 'null' || text === '')) return null;
  }
  if (types.length > 0 && !types.includes('string') && text === '') return undefined;
  return text;
}

function typesOf(s) {
  if (typeof s.type === 'string') return [s.type];
  if (Array.isArray(s.type)) {
    // Try non-string types first: "5" is an integer when the schema allows one.
    const list = s.type;
    return [...list.filter((t) => t !== 'string'), ...list.filter((t) => t === 'string')];
  }
  if (Array.isArray(s.enum))
    return [...new Set(s.enum.map((v) => (v === null ? 'null' : typeof v)))];
  return [];
}

function hasType(s) {
  return s.type !== undefined || s.enum !== undefined;
}

/**
 * A form-urlencoded body as an object: each key converted by its property
 * schema; repeated keys become arrays when the property is an array.
 */
export function formToObject(schemas, schema, form) {
  const s = schemas.resolve(schema);
  const props = isObject(s) ? propertiesOf(schemas, s) : {};
  const out = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key);
    const prop = Object.hasOwn(props, key) ? props[key] : undefined;
    const value =
      prop === undefined ? values[values.length - 1] : coerce(schemas, prop, values, false);
    setOwn(out, key, value);
  }
  return out;
}

/** The properties of an object schema, through `$ref` and `allOf`. */
function collectProperties(schemas, schema, depth = 0) {
  const s = schemas.resolve(schema);
  if (!isObject(s) || depth > 8) return {};
  const out = {};
  const parts = [
    ...(Array.isArray(s.allOf) ? s.allOf.map((p) => collectProperties(schemas, p, depth + 1)) : []),
    isObject(s.properties) ? s.properties : {},
  ];
  for (const part of parts) for (const key of Object.keys(part)) setOwn(out, key, part[key]);
  return out;
}

const propertyCache = new WeakMap();

/** The properties of an object schema, through `$ref` and `allOf` (cached per schema object). */
export function propertiesOf(schemas, schema) {
  if (typeof schema !== 'object') return collectProperties(schemas, schema);
  let perApi = propertyCache.get(schemas);
  if (!perApi) propertyCache.set(schemas, (perApi = new WeakMap()));
  let props = perApi.get(schema);
  if (!props) perApi.set(schema, (props = collectProperties(schemas, schema)));
  return props;
}
