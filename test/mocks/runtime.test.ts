/**
 * Units of the hand-written mock runtime: the JSON Schema validator agrees
 * with ajv (table-driven), pattern samples match their pattern (property
 * test), samples validate, values are coerced from strings, `Prefer` is
 * parsed, and routes are ordered by specificity.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLoopbackUrl } from '../../generator/emit/mocks/runtime/callbacks.js';
import { coerce } from '../../generator/emit/mocks/runtime/coerce.js';
import { parsePrefer } from '../../generator/emit/mocks/runtime/faults.js';
import { Random } from '../../generator/emit/mocks/runtime/random.js';
import { compilePattern, sampleRegex } from '../../generator/emit/mocks/runtime/regex-sample.js';
import { Router } from '../../generator/emit/mocks/runtime/routes.js';
import { Sampler } from '../../generator/emit/mocks/runtime/sample.js';
import { Schemas } from '../../generator/emit/mocks/runtime/schema.js';
import type { JsonSchema, MockOperation } from '../../generator/emit/mocks/runtime/types.js';
import { SchemaCheck } from './helpers.js';

const NAMED: Record<string, JsonSchema> = {
  Pet: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'integer', minimum: 1 }, name: { type: 'string', minLength: 1 }, tag: { type: ['string', 'null'] } }, additionalProperties: false },
  Sid: { type: 'string', pattern: '^CA[0-9a-f]{32}$' },
  Shape: { oneOf: [{ type: 'object', required: ['r'], properties: { r: { type: 'number' } } }, { type: 'object', required: ['w'], properties: { w: { type: 'number' } } }] },
};

const CASES: [string, JsonSchema, unknown][] = [
  ['integer ok', { type: 'integer' }, 3],
  ['integer float', { type: 'integer' }, 3.5],
  ['type array with null', { type: ['string', 'null'] }, null],
  ['type array wrong', { type: ['string', 'null'] }, 1],
  ['enum ok', { enum: ['a', 'b'] }, 'b'],
  ['enum wrong', { enum: ['a', 'b'] }, 'c'],
  ['const', { const: 'call fired' }, 'call fired '],
  ['minimum', { type: 'number', minimum: 1 }, 0.5],
  ['exclusiveMaximum', { type: 'number', exclusiveMaximum: 25 }, 25],
  ['multipleOf', { type: 'number', multipleOf: 0.5 }, 1.5],
  ['minLength code points', { type: 'string', minLength: 2 }, '😀'],
  ['maxLength', { type: 'string', maxLength: 3 }, 'abcd'],
  ['pattern', { type: 'string', pattern: '^\\d{4}-\\d{2}$' }, '2024-1'],
  ['date-time ok', { type: 'string', format: 'date-time' }, '2022-06-21T19:13:21.375Z'],
  ['date-time bad', { type: 'string', format: 'date-time' }, '2022-06-21 19:13'],
  ['date bad day', { type: 'string', format: 'date' }, '2023-02-30'],
  ['uri ok', { type: 'string', format: 'uri' }, 'https://example.com/a?b=c'],
  ['uri relative', { type: 'string', format: 'uri' }, '/relative/path'],
  ['email', { type: 'string', format: 'email' }, 'a@b.co'],
  ['uuid', { type: 'string', format: 'uuid' }, '75b26856-8638-11e0-802c-6d99d509954e'],
  ['uuid bad', { type: 'string', format: 'uuid' }, '75b26856-8638-11e0-802c'],
  ['int32 overflow', { type: 'integer', format: 'int32' }, 2 ** 31],
  ['required', { $ref: '#/components/schemas/Pet' }, { id: 1 }],
  ['additionalProperties false', { $ref: '#/components/schemas/Pet' }, { id: 1, name: 'x', extra: true }],
  ['nested ok', { $ref: '#/components/schemas/Pet' }, { id: 1, name: 'x', tag: null }],
  ['items', { type: 'array', items: { $ref: '#/components/schemas/Sid' } }, ['CA' + 'a'.repeat(32), 'XX']],
  ['minItems', { type: 'array', minItems: 1 }, []],
  ['uniqueItems', { type: 'array', uniqueItems: true }, [{ a: 1 }, { a: 1 }]],
  ['oneOf exactly one', { $ref: '#/components/schemas/Shape' }, { r: 1 }],
  ['oneOf both', { $ref: '#/components/schemas/Shape' }, { r: 1, w: 2 }],
  ['anyOf none', { anyOf: [{ type: 'string' }, { type: 'integer' }] }, true],
  ['allOf', { allOf: [{ type: 'object', required: ['a'] }, { type: 'object', required: ['b'] }] }, { a: 1 }],
  ['not', { not: { type: 'null' } }, null],
  ['boolean false schema', false, 1],
];

describe('the validator', () => {
  const schemas = new Schemas(NAMED);
  const ajv = new SchemaCheck(NAMED);
  it.each(CASES)('agrees with ajv: %s', (_, schema, value) => {
    expect(schemas.validate(schema, value) === undefined).toBe(ajv.errors(schema, value) === undefined);
  });

  it('names the path of the first problem', () => {
    expect(schemas.validate({ type: 'object', properties: { list: { type: 'array', items: { $ref: '#/components/schemas/Pet' } } } }, { list: [{ id: 1, name: 'a' }, { id: 0, name: 'b' }] })).toMatchObject({
      path: ['list', 1, 'id'],
      message: 'must be >= 1',
    });
  });
});

describe('samples', () => {
  it('of any pattern in the supported subset match it', () => {
    const patterns = ['^CA[0-9a-f]{32}$', '^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,6})?)?$', '^-?\\d+(\\.\\d+)?$', '^[0-9*#wW]+$', '^(?:ab|cd)+x?$', '^[^a-z]{3}$'];
    fc.assert(
      fc.property(fc.constantFrom(...patterns), fc.integer(), (pattern, seed) => {
        const value = sampleRegex(pattern, new Random(seed));
        return value !== undefined && compilePattern(pattern)!.test(value);
      }),
    );
  });

  it('validate against their schema and repeat for a seed', () => {
    const schemas = new Schemas(NAMED);
    const sampler = new Sampler(schemas);
    for (const schema of Object.keys(NAMED).map((n) => ({ $ref: `#/components/schemas/${n}` }))) {
      const a = sampler.sample(schema, new Random(3));
      expect(schemas.validate(schema, a)).toBeUndefined();
      expect(sampler.sample(schema, new Random(3))).toEqual(a);
    }
  });
});

describe('string values', () => {
  const schemas = new Schemas(NAMED);
  it.each([
    [{ type: 'integer' }, ['20'], 20],
    [{ type: 'boolean' }, ['false'], false],
    [{ type: ['integer', 'string'] }, ['5'], 5],
    [{ type: 'integer' }, ['twenty'], 'twenty'],
    [{ type: 'array', items: { type: 'integer' } }, ['1', '2'], [1, 2]],
    [{ type: 'array', items: { type: 'integer' } }, ['1,2'], [1, 2]],
    [{ oneOf: [{ type: 'integer' }, { type: 'string', format: 'date' }] }, ['2024-01-02'], '2024-01-02'],
  ] as [JsonSchema, string[], unknown][])('%j from %j → %j', (schema, raw, want) => {
    expect(coerce(schemas, schema, raw)).toEqual(want);
  });

  it('parses Prefer like Prism does', () => {
    expect(parsePrefer('code=429, delay=100; example="bulk", dynamic=true, retry-after=0')).toEqual({ code: 429, delay: 100, example: 'bulk', dynamic: true, retryAfter: 0 });
    expect(parsePrefer('code=9999, delay=-1, return=minimal')).toEqual({});
  });
});

describe('callback targets', () => {
  it.each([
    ['http://127.0.0.1:8080/hook', true],
    ['http://127.10.0.3/hook', true],
    ['https://localhost/hook', true],
    ['http://[::1]:9000/hook', true],
    ['http://example.com/hook', false],
    ['http://10.0.0.1/hook', false],
    ['http://127.0.0.1.nip.io/hook', false],
    ['http://0x7f000001/hook', true],
    ['file:///etc/passwd', false],
    ['ftp://127.0.0.1/x', false],
    ['not a url', false],
  ])('%s → %s', (url, loopback) => {
    expect(isLoopbackUrl(url)).toBe(loopback);
  });
});

describe('routes', () => {
  const op = (path: string, method = 'GET'): MockOperation => ({ operationId: `${method} ${path}`, method, path, auth: false, params: [], responses: [] });
  const router = new Router([op('/n/{id}/'), op('/n/search/'), op('/n/{id}.json'), op('/n/{id}/x'), op('/n/search/', 'POST')], '/v1');

  it('tries static segments before parameters and matches with or without a trailing slash', () => {
    expect(router.routes.map((r) => r.op.operationId)).toEqual(['GET /n/search/', 'POST /n/search/', 'GET /n/{id}.json', 'GET /n/{id}/x', 'GET /n/{id}/']);
    const hit = router.match('GET', '/v1/n/search');
    expect(hit.kind === 'found' && hit.route.op.path).toBe('/n/search/');
    const param = router.match('GET', '/v1/n/a%20b/');
    expect(param.kind === 'found' && param.params).toEqual({ id: 'a b' });
    expect(router.match('DELETE', '/v1/n/search/')).toEqual({ kind: 'method-not-allowed', allow: ['GET', 'POST'] });
    expect(router.match('GET', '/v2/n/search/')).toEqual({ kind: 'not-found' });
  });
});
