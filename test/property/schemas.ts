/**
 * fast-check arbitraries for valid OpenAPI 3.1 schemas: primitives with
 * constraints and formats, enums, nullable types, arrays, objects with
 * required subsets, maps, and oneOf/anyOf/allOf compositions, nested a few
 * levels deep. Property names include ones that need quoting.
 */
import fc from 'fast-check';

type Schema = Record<string, unknown>;

const NAMES = ['id', 'name', 'count', 'x-dash', 'with space', 'UPPER', 'camelCase', 'snake_case', '1st', 'dollar$', 'ünï', 'default', 'class'];

const text = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 });

const primitive: fc.Arbitrary<Schema> = fc.oneof(
  fc.constant({ type: 'string' }),
  fc.record({ type: fc.constant('string'), minLength: fc.integer({ min: 0, max: 3 }), maxLength: fc.integer({ min: 4, max: 12 }) }),
  fc.constantFrom('date-time', 'date', 'uuid', 'email', 'uri').map((format) => ({ type: 'string', format })),
  fc.constantFrom('^[a-z]{3,8}$', '^[A-Z]{2}[0-9]{4}$', '^\\+[1-9][0-9]{7,12}$').map((pattern) => ({ type: 'string', pattern })),
  fc.uniqueArray(text, { minLength: 1, maxLength: 4 }).map((values) => ({ type: 'string', enum: values })),
  fc.record({ type: fc.constant('integer'), minimum: fc.integer({ min: -50, max: 0 }), maximum: fc.integer({ min: 1, max: 1000 }) }),
  fc.constant({ type: 'integer' }),
  fc.constant({ type: 'number' }),
  fc.record({ type: fc.constant('number'), minimum: fc.constant(0), exclusiveMaximum: fc.constant(1) }),
  fc.constant({ type: 'boolean' }),
  fc.uniqueArray(fc.integer({ min: -5, max: 500 }), { minLength: 1, maxLength: 4 }).map((values) => ({ type: 'integer', enum: values })),
);

/** Adds `null` to a schema's type (3.1 style) now and then. */
function maybeNullable(arb: fc.Arbitrary<Schema>): fc.Arbitrary<Schema> {
  return fc.tuple(arb, fc.boolean()).map(([s, nullable]) => (nullable && typeof s.type === 'string' && !s.enum ? { ...s, type: [s.type, 'null'] } : s));
}

const { schema } = fc.letrec<{ schema: Schema; object: Schema }>((tie) => ({
  schema: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'schema' },
    maybeNullable(primitive),
    tie('object'),
    fc.record({ type: fc.constant('array'), items: tie('schema'), minItems: fc.constantFrom(0, 1), maxItems: fc.constantFrom(3, 5) }),
    tie('schema').map((values) => ({ type: 'object', additionalProperties: values })),
    fc.array(primitive, { minLength: 2, maxLength: 3 }).map((variants) => ({ anyOf: variants })),
    fc.tuple(tie('object'), tie('object')).map(([a, b]) => ({ allOf: [disjoint(a, 'a_'), disjoint(b, 'b_')] })),
  ),
  object: fc
    .uniqueArray(fc.tuple(fc.constantFrom(...NAMES), tie('schema')), { minLength: 1, maxLength: 5, selector: ([name]) => name })
    .chain((props) =>
      fc.subarray(props.map(([name]) => name)).map((required) => ({
        type: 'object',
        properties: Object.fromEntries(props),
        ...(required.length ? { required } : {}),
      })),
    ),
}));

/** Prefixes an object's property names so two allOf parts never declare the same property differently. */
function disjoint(s: Schema, prefix: string): Schema {
  const props = s.properties as Record<string, Schema>;
  return {
    ...s,
    properties: Object.fromEntries(Object.entries(props).map(([k, v]) => [prefix + k, v])),
    ...(Array.isArray(s.required) ? { required: s.required.map((r: string) => prefix + r) } : {}),
  };
}

/** Any valid schema (the body of a request or response). */
export const schemaArb: fc.Arbitrary<Schema> = schema;

/** A schema fit for a query parameter: a primitive, an enum, or an array of primitives. */
export const paramSchemaArb: fc.Arbitrary<Schema> = fc.oneof(
  primitive,
  primitive.map((items) => ({ type: 'array', items, minItems: 1, maxItems: 3 })),
);
