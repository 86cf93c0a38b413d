/**
 * YAML is read by js-yaml on the fast path and by the `yaml` package when a
 * position is needed or the text could be read differently. Both must give
 * the same data, key order included, on every input; positions must be the
 * ones the `yaml` tree gives.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { parseDocument, stringify, type ToStringOptions } from 'yaml';
import { MAX_ALIAS_COUNT, parseSource, type SourceFile } from '../../generator/load/source.js';
import { CASES } from '../hostile/specs.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The data as the `yaml` package alone reads it (the reference). */
function referenceValue(text: string): unknown {
  const doc = parseDocument(text, { merge: false, uniqueKeys: true, logLevel: 'error' });
  if (doc.errors.length > 0) return { errors: true };
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return { errors: true }; // an alias bomb
  }
}

function read(text: string): SourceFile | { errors: true } {
  const source = parseSource('/spec/openapi.yaml', text);
  return Array.isArray(source) ? { errors: true } : source;
}

/** JSON text with non-finite numbers and own `__proto__` keys kept visible. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? `#${v}` : v));
}

function expectSameData(text: string): void {
  const ours = read(text);
  const reference = referenceValue(text);
  if ('errors' in ours) expect(reference).toEqual({ errors: true });
  else expect(canonical(ours.value)).toBe(canonical(reference));
}

describe('YAML read by js-yaml gives the data the yaml package gives', () => {
  const files = [
    ...fs.readdirSync(path.join(ROOT, 'specs')).map((f) => path.join(ROOT, 'specs', f)),
    path.join(ROOT, 'test', 'fixtures', 'hostile-docs', 'openapi.yaml'),
  ].filter((f) => f.endsWith('.yaml'));

  it.each(files)('%s', (file) => expectSameData(fs.readFileSync(file, 'utf8')));

  it.each(CASES.map((c) => [c.name, typeof c.spec === 'string' ? c.spec : stringify(c.spec)]))('hostile: %s', (_name, text) =>
    expectSameData(text),
  );

  it.each(fs.readdirSync(path.join(ROOT, 'test', 'fixtures', 'corpus')).filter((f) => f.endsWith('.json')))('corpus %s as YAML', (file) => {
    const value: unknown = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'corpus', file), 'utf8'));
    expectSameData(stringify(value));
    expectSameData(stringify(value, { defaultStringType: 'QUOTE_DOUBLE', collectionStyle: 'flow' }));
  });

  it.each([
    ['plain scalars of every core type', 'a: 1\nb: 0o17\nc: 0x1F\nd: .inf\ne: -.Inf\nf: .NaN\ng: 1e3\nh: ~\ni: TRUE\nj: yes\nk: 2020-01-01\nl: 017\nm: 12345678901234567890\n'],
    ['null-like keys (read as "" by yaml)', '~: 1\nnull: 2\nx: {NULL: 3}\n'],
    ['a merge key stays a plain key', 'base: &b {a: 1}\nx:\n  <<: *b\n  c: 2\n'],
    ['__proto__ is an own key', '__proto__: {polluted: true}\nx: 1\n'],
    ['aliases of maps', 'a: &x {k: [1, 2]}\nb: *x\nc: *x\n'],
    ['a YAML 1.1 directive', '%YAML 1.1\n---\nx: yes\ny: 0777\n'],
    ['tags', 'x: !!str 12\ny: !!float 1\nz: !!binary aGk=\n'],
    ['block scalars and quotes', "x: |\n  a\n  b\ny: >-\n  c\n  d\nz: 'it''s'\nw: \"\\u0041\\x41\\t\"\n"],
    ['complex keys', '? [a, b]\n: c\n'],
    ['block scalars with an indentation indicator', 'x: |2-\n   lead\ny: >1\n  more\n'],
    ['a root block scalar with an indentation indicator', '|1-\n lead\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
  ])('%s', (_name, text) => expectSameData(text));

  it('prints no process warning for a complex key (yaml would stringify it with one)', () => {
    const warn = vi.spyOn(process, 'emitWarning');
    try {
      const source = read('? [a, b]\n: c\n');
      expect('errors' in source ? source : source.value).toEqual({ '[ a, b ]': 'c' });
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('on random data written as YAML in several styles', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('~', 'null', 'true', '1.0', '<<', '__proto__', '- x', '? y', 'a: b', '#c'));
    const value = fc.letrec<{ v: unknown }>((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.integer(),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.constantFrom('yes', 'no', '0o7', '0x1', '.inf', '2020-01-01', '1_000', '', ' lead', 'a\nb', 'x: y', '*alias', '&anchor', '!tag', '%dir'),
        fc.array(tie('v'), { maxLength: 4 }),
        fc.dictionary(key, tie('v'), { maxKeys: 4 }),
      ),
    })).v;
    const style = fc.constantFrom<ToStringOptions>({}, { collectionStyle: 'flow' }, { defaultStringType: 'QUOTE_SINGLE' }, { defaultStringType: 'BLOCK_LITERAL' }, { indent: 4 });
    fc.assert(
      fc.property(value, style, (v, options) => {
        expectSameData(stringify(v, null, options));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('positions come from the yaml tree, built on first use', () => {
  it('locates keys and list items of a file read on the fast path', () => {
    const source = read('openapi: 3.1.0\npaths:\n  /a:\n    get:\n      tags: [x, y]\n      responses: {}\n') as SourceFile;
    expect(source.locate('#/paths/~1a/get')).toEqual({ line: 4, col: 5 });
    expect(source.locate('#/paths/~1a/get/tags/1')).toEqual({ line: 5, col: 17 });
    expect(source.locate('#/paths/~1a/missing')).toEqual({ line: 3, col: 3 });
  });

  it('reports syntax errors with their positions', () => {
    const issues = parseSource('/spec/openapi.yaml', 'a: 1\nb: [1, 2\nc: 3\n');
    expect(Array.isArray(issues)).toBe(true);
    expect((issues as { code: string; line: number }[])[0]).toMatchObject({ code: 'yaml-invalid' });
  });
});
