/**
 * Example values: a spec example is used only when it fits the request type
 * (and the limits a server checks); otherwise a placeholder derived from the
 * schema, which always fits. Table-driven, on hand-built schema nodes.
 */
import { describe, expect, it } from 'vitest';
import { exprDoc } from '../../generator/emit/docs/code-layout.js';
import { exampleFor, fits, placeholder, valueExpr, withoutReadOnly } from '../../generator/emit/docs/examples.js';
import { printDoc } from '../../generator/emit/layout.js';
import { samplePattern } from '../../generator/emit/docs/pattern-sample.js';
import type { Constraints, SchemaNode } from '../../generator/model/types.js';

const base = { loc: { file: 'x.yaml', pointer: '#', line: 1, col: 1 }, nullable: false, readOnly: false, writeOnly: false, deprecated: false };
const str = (constraints: Constraints = {}, extra: object = {}): SchemaNode => ({ ...base, kind: 'primitive', type: 'string', constraints, ...extra }) as SchemaNode;
const int = (constraints: Constraints = {}): SchemaNode => ({ ...base, kind: 'primitive', type: 'integer', constraints });
const en = (...values: (string | number)[]): SchemaNode => ({ ...base, kind: 'enum', values });
const obj = (props: Record<string, [SchemaNode, boolean]>, additional: SchemaNode | boolean = false): SchemaNode => ({
  ...base,
  kind: 'object',
  properties: Object.entries(props).map(([name, [schema, required]]) => ({ name, schema, required })),
  additional,
});
const ref = (target: string): SchemaNode => ({ ...base, kind: 'ref', target });
const named: Record<string, SchemaNode> = { State: en('paused', 'recording'), Sid: str({ pattern: '^CA[0-9a-f]{4}$' }) };
const resolve = (t: string) => named[t];

describe('fits', () => {
  it.each<[string, unknown, SchemaNode, boolean]>([
    ['string', 'a', str(), true],
    ['number for a string', 1, str(), false],
    ['pattern kept', 'CA12ab', ref('Sid'), true],
    ['pattern broken', 'XX12ab', ref('Sid'), false],
    ['max length', 'abcd', str({ maxLength: 3 }), false],
    ['integer', 2, int(), true],
    ['fraction for an integer', 2.5, int(), false],
    ['below minimum', 0, int({ minimum: 1 }), false],
    ['enum member', 'paused', ref('State'), true],
    ['not an enum member', 'stopped', ref('State'), false],
    ['null for non-nullable', null, str(), false],
    ['null for nullable', null, str({}, { nullable: true }), true],
    ['object with required', { a: 'x' }, obj({ a: [str(), true] }), true],
    ['object missing required', {}, obj({ a: [str(), true] }), false],
    ['excess property', { a: 'x', b: 1 }, obj({ a: [str(), true] }), false],
    ['extra allowed', { a: 'x', b: 1 }, obj({ a: [str(), true] }, true), true],
    ['read-only property in a request', { id: 'x' }, obj({ id: [str({}, { readOnly: true }), false] }), false],
  ])('%s', (_name, value, schema, expected) => {
    expect(fits(value, schema, resolve)).toBe(expected);
  });
});

describe('exampleFor', () => {
  const body = obj({ id: [str({}, { readOnly: true }), false], state: [ref('State'), true] });
  it.each<[string, SchemaNode, unknown[], unknown]>([
    ['the first fitting candidate', str(), [3, 'b', 'c'], 'b'],
    ['read-only properties dropped from a spec example', body, [{ id: 'r-1', state: 'recording' }], { state: 'recording' }],
    ['a placeholder when nothing fits', body, [{ state: 'bogus' }], { state: 'paused' }],
    ['a pattern-matching placeholder', ref('Sid'), ['nope'], 'CA0000'],
    ['the minimum for a bounded integer', int({ minimum: 5, maximum: 9 }), [100], 5],
  ])('%s', (_name, schema, candidates, expected) => {
    const value = exampleFor(schema, resolve, candidates);
    expect(value).toEqual(expected);
    expect(fits(value, schema, resolve)).toBe(true);
  });

  it('keeps a __proto__ key as a key', () => {
    const schema = obj({ ['__proto__']: [str(), true] });
    const value = withoutReadOnly(JSON.parse('{"__proto__": "x"}'), schema, resolve) as object;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(printDoc(exprDoc(valueExpr(value)))).toContain(`['__proto__']`);
    expect(Object.keys(placeholder(schema, resolve) as object)).toEqual(['__proto__']);
  });
});

describe('samplePattern', () => {
  it.each<[string, string | undefined]>([
    ['^AC[0-9a-fA-F]{32}$', `AC${'0'.repeat(32)}`],
    ['^\\d{3}-\\w+$', '000-a'],
    ['^[A-Z]{2}\\.x?$', 'AA.'],
    ['^(a|b)$', undefined],
    ['^[^a]$', undefined],
    ['[', undefined],
  ])('%s', (pattern, expected) => {
    expect(samplePattern(pattern)).toBe(expected);
  });
});
