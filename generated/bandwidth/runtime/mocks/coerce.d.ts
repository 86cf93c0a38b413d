/**
 * Path, query, header and form values arrive as strings. They are turned
 * into the types their schemas declare (`"20"` → 20, `"true"` → true,
 * repeated keys → arrays) before validation. A value that does not convert
 * stays a string, so validation names it.
 */
import { type Schemas } from './schema.js';
import type { JsonSchema } from './types.js';
/**
 * Converts one or more raw strings to the type `schema` expects. With `csv`
 * (parameters), one value for an array is split at commas; form bodies send
 * arrays as repeated keys, so there a comma is part of the value.
 */
export declare function coerce(
  schemas: Schemas,
  schema: JsonSchema,
  raw: string[],
  csv?: boolean,
): unknown;
/**
 * A form-urlencoded body as an object: each key converted by its property
 * schema; repeated keys become arrays when the property is an array.
 */
export declare function formToObject(
  schemas: Schemas,
  schema: JsonSchema,
  form: URLSearchParams,
): Record<string, unknown>;
/** The properties of an object schema, through `$ref` and `allOf` (cached per schema object). */
export declare function propertiesOf(schemas: Schemas, schema: JsonSchema): Record<string, unknown>;
