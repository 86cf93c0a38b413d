/**
 * One located-error case per loader error code: the exact code, line and col,
 * and every problem reported at once.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpecError, formatIssue, type Issue } from '../../generator/issues.js';
import { loadSpec } from '../../generator/load/index.js';
import { minimalSpec, writeTree } from '../helpers/temp.js';

function load(files: Record<string, string>, entry = 'spec/openapi.yaml'): Issue[] {
  const dir = writeTree(files);
  try {
    loadSpec(path.join(dir, entry));
    return [];
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    return error.issues.map((i) => ({ ...i, file: path.relative(dir, i.file) }));
  }
}

const op = (extra = '', responses = `      responses:\n        '200':\n          description: ok\n`) =>
  `    get:\n      operationId: listThings\n${extra}${responses}`;

type Case = [name: string, files: Record<string, string>, want: [code: string, line: number, col: number][]];

const cases: Case[] = [
  ['invalid YAML', { 'spec/openapi.yaml': 'openapi: 3.1.0\ninfo: [unclosed\npaths: {}\n' }, [['yaml-invalid', 3, 1]]],
  ['invalid JSON', { 'spec/openapi.json': '{\n  "openapi": "3.1.0",\n  "paths": {,}\n}\n' }, [['yaml-invalid', 3, 13]]],
  ['unsupported version 2.0', { 'spec/openapi.yaml': 'swagger: "2.0"\ninfo: {title: T, version: "1"}\npaths: {}\n' }, [['openapi-version-unsupported', 1, 1]]],
  ['unsupported version 4.0', { 'spec/openapi.yaml': 'info: {title: T, version: "1"}\nopenapi: 4.0.0\npaths: {}\n' }, [['openapi-version-unsupported', 2, 1]]],
  ['missing responses', { 'spec/openapi.yaml': minimalSpec(`  /things:\n${op('', '')}`) }, [['responses-missing', 7, 5]]],
  [
    'duplicate operationId',
    { 'spec/openapi.yaml': minimalSpec(`  /things:\n${op()}  /others:\n${op()}`) },
    [['operation-id-duplicate', 14, 7]],
  ],
  [
    'path param not declared',
    { 'spec/openapi.yaml': minimalSpec(`  /things/{id}:\n${op()}`) },
    [['path-param-undeclared', 7, 5]],
  ],
  [
    'path param declared but not in the path',
    {
      'spec/openapi.yaml': minimalSpec(
        `  /things:\n${op(`      parameters:\n        - name: id\n          in: path\n          required: true\n          schema: {type: string}\n`)}`,
      ),
    },
    [['path-param-unused', 10, 11]],
  ],
  [
    'unresolved local $ref',
    { 'spec/openapi.yaml': minimalSpec(`  /things:\n${op(`      parameters:\n        - $ref: '#/components/parameters/Nope'\n`)}`) },
    [['ref-unresolved', 10, 11]],
  ],
  [
    'unresolved file $ref',
    { 'spec/openapi.yaml': minimalSpec(`  /things:\n${op(`      parameters:\n        - $ref: './params.yaml#/Id'\n`)}`) },
    [['ref-unresolved', 10, 11]],
  ],
  [
    'forbidden $refs: absolute, file:, http:, outside the folder, percent-encoded',
    {
      'outside.yaml': 'type: string\n',
      'spec/openapi.yaml':
        minimalSpec(`  /things:\n${op()}`) +
        `components:\n  schemas:\n    A: {$ref: '/etc/passwd'}\n    B: {$ref: 'file:///etc/passwd'}\n    C: {$ref: 'http://127.0.0.1/x.yaml'}\n    D: {$ref: '../outside.yaml'}\n    E: {$ref: '%2e%2e/outside.yaml'}\n`,
    },
    [
      ['ref-forbidden', 14, 9],
      ['ref-forbidden', 15, 9],
      ['ref-forbidden', 16, 9],
      ['ref-forbidden', 17, 9],
      ['ref-forbidden', 18, 9],
    ],
  ],
  [
    'a $ref chain that loops',
    {
      'spec/openapi.yaml':
        minimalSpec(`  /things:\n${op(`      parameters:\n        - $ref: '#/components/parameters/A'\n`)}`) +
        `components:\n  parameters:\n    A: {$ref: '#/components/parameters/B'}\n    B: {$ref: '#/components/parameters/A'}\n`,
    },
    [['ref-cycle', 10, 11]],
  ],
  [
    'every problem at once',
    { 'spec/openapi.yaml': minimalSpec(`  /a/{x}:\n${op('', '')}  /b:\n${op()}`) },
    [
      ['responses-missing', 7, 5],
      ['path-param-undeclared', 7, 5],
      ['operation-id-duplicate', 11, 7],
    ],
  ],
];

describe('loader errors are located', () => {
  it.each(cases)('%s', (_name, files, want) => {
    const entry = Object.keys(files).find((f) => f.startsWith('spec/'))!;
    const got = load(files, entry).map((i) => [i.code, i.line, i.col]);
    expect(got.sort()).toEqual([...want].sort());
  });

  it('prints file:line:col severity code message, relative to the working folder', () => {
    const dir = writeTree({ 'specs/plivo.yaml': minimalSpec(`  /things/{id}:\n${op()}`) });
    let issues: Issue[] = [];
    try {
      loadSpec(path.join(dir, 'specs/plivo.yaml'));
    } catch (error) {
      issues = (error as SpecError).issues;
    }
    expect(issues.map((i) => formatIssue(i, dir))).toEqual([
      'specs/plivo.yaml:7:5 error path-param-undeclared GET /things/{id}: path parameter {id} is not declared',
    ]);
  });

  it('refuses an alias bomb with the yaml package limit', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const issues = load({ 'spec/openapi.yaml': `openapi: 3.1.0\n${bomb.join('\n')}\npaths: {}\n` });
    expect(issues.map((i) => i.code)).toEqual(['yaml-invalid']);
    expect(issues[0].message).toMatch(/alias/i);
  });

  it('a `<<` merge key and a __proto__ key cannot pollute prototypes', () => {
    const spec = `openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A:\n      <<: {polluted: yes}\n      __proto__: {polluted: yes}\n      type: object\n`;
    const dir = writeTree({ 'spec/openapi.yaml': spec });
    const loaded = loadSpec(path.join(dir, 'spec/openapi.yaml'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    const a = (loaded.files.root.value as { components: { schemas: { A: object } } }).components.schemas.A;
    expect(Object.getPrototypeOf(a)).toBe(Object.prototype);
    expect(Object.keys(a)).toEqual(['<<', '__proto__', 'type']);
  });

  it('follows relative file refs inside the spec folder', () => {
    const dir = writeTree({
      'spec/openapi.yaml': minimalSpec(`  /things:\n${op(`      parameters:\n        - $ref: './shared/params.yaml#/Id'\n`)}`),
      'spec/shared/params.yaml': 'Id:\n  name: id\n  in: query\n  schema: {$ref: "./schemas.yaml#/Id"}\n',
      'spec/shared/schemas.yaml': 'Id: {type: string}\n',
    });
    const loaded = loadSpec(path.join(dir, 'spec/openapi.yaml'));
    expect(loaded.files.all().map((f) => path.relative(dir, f.path))).toEqual(['spec/openapi.yaml', 'spec/shared/params.yaml', 'spec/shared/schemas.yaml']);
  });
});
