/**
 * The mocks files are printed in prettier's layout and claimed `formatted`
 * (test/perf/formatted-claims.test.ts checks every claim against prettier):
 * the seeds claim all of theirs, `spec.ts` is its data as JSON text that
 * parses back to exactly what `describeApi` gave, hostile text included, and
 * the layout helpers they use agree with prettier on awkward input.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { docComment, safeQuote } from '../../generator/emit/layout.js';
import { describeApi } from '../../generator/emit/mocks/describe.js';
import { mocksEmitter } from '../../generator/emit/mocks/index.js';
import { loadSpec } from '../../generator/load/index.js';
import { buildModel } from '../../generator/model/build.js';
import { PRETTIER_OPTIONS } from '../../generator/write/format.js';
import { APIS, ROOT, repoTempDir } from './helpers.js';

const format = (text: string): Promise<string> => prettier.format(text, { ...PRETTIER_OPTIONS, parser: 'typescript', filepath: 'file.ts' });

/** The value of `spec` in an emitted `spec.ts`, evaluated as JavaScript. */
function specValue(text: string): unknown {
  const expression = text.slice(text.indexOf('export const spec: MockSpec = ') + 'export const spec: MockSpec = '.length).trimEnd().replace(/;$/, '');
  return new Function(`return (${expression});`)();
}

describe('the seeds', () => {
  it.each(APIS)('%s: every generated mocks file is claimed formatted', async (api) => {
    const files = await mocksEmitter.emit(buildModel(await loadSpec(path.join(ROOT, 'specs', `${api}.yaml`)), api));
    expect(files.filter((f) => !f.formatted).map((f) => f.path)).toEqual([]);
  });
});

describe('spec.ts', () => {
  it('is its data as one JSON string, which parses back to the mock description, hostile text included', async () => {
    const dir = repoTempDir('test-mocks-layout-');
    const title = "T\u2028i\u2029t'l\"e \\ </script> */ ${x}";
    fs.writeFileSync(
      path.join(dir, 'spec.yaml'),
      JSON.stringify({
        openapi: '3.1.0',
        info: { title, version: '1' },
        paths: { '/a': { get: { operationId: 'getA', responses: { '200': { description: 'ok', content: { 'application/json': { example: { PROTO: { x: title }, "it's": ['\u0000\n\t', -0, 1e21] } } } } } } } },
      }).replace('"PROTO"', '"__proto__"'),
    );
    const model = buildModel(await loadSpec(path.join(dir, 'spec.yaml')), 'hostile');
    const file = (await mocksEmitter.emit(model)).find((f) => f.path === 'src/mocks/spec.ts')!;
    const text = file.content as string;
    expect(text).toMatch(/\nexport const spec: MockSpec = JSON\.parse\(\n {2}'[^\n]*',\n\);\n$/);
    expect(text).not.toMatch(/[\u2028\u2029]/);
    const value = specValue(text) as { schemas: object; operations: { responses: { contents: { examples: { value: object }[] }[] }[] }[] };
    expect(JSON.stringify(value)).toBe(JSON.stringify(describeApi(model)));
    const example = value.operations[0].responses[0].contents[0].examples[0].value;
    expect(Object.getPrototypeOf(example)).toBe(Object.prototype);
    expect(Object.keys(example)).toEqual(['__proto__', "it's"]);
    expect(await format(text)).toBe(text);
  });
});

describe('layout helpers', () => {
  it('docComment prints JSDoc as prettier does, at any indentation', async () => {
    const texts = ['one line', 'a\nb', 'a  \nb   \n  c  \n   \n\t\nd  ', '* star\n*/ close\n /* open', 'x\u3000 \ny \t \nz', 'x\r\ny\rz\u2028w'];
    for (const text of texts) {
      const top = `${docComment(text)}\nexport const x = 1;\n`;
      const nested = `export type T = {\n  ${docComment(text, '  ')}\n  a: string;\n};\n`;
      expect(await format(top)).toBe(top);
      expect(await format(nested)).toBe(nested);
    }
  });

  it('safeQuote is a string literal prettier keeps, of the same value, with line separators escaped', async () => {
    for (const value of ['a\u2028b', "it's \u2029", 'x"y\'z\'', '\\u2028', '</script>', '\u0000\u001f\u007f', '\ud800']) {
      const text = `const a = ${safeQuote(value)};\n`;
      expect(await format(text)).toBe(text);
      expect(new Function(`return ${safeQuote(value)};`)()).toBe(value);
      expect(text).not.toMatch(/[\u2028\u2029]/);
    }
  });
});

describe('responses.ts', () => {
  /** A spec whose response types take every layout prettier has for them: long unions, inline objects with docs, nullable unions, several media types, awkward keys. */
  async function responsesOf(operationIds: string[]): Promise<{ text: string; formatted: boolean }> {
    const dir = repoTempDir('test-mocks-responses-');
    const long = Array.from({ length: 12 }, (_, i) => `VeryLongSchemaName${i}`);
    const schemas = Object.fromEntries(long.map((name) => [name, { type: 'object', properties: { id: { type: 'string' } } }]));
    const inline = {
      type: 'object',
      properties: { id: { type: 'string', description: 'The id.\nSecond line.' }, kind: { enum: ['a', 'b', null] }, tags: { type: 'array', items: { type: 'string' } } },
      required: ['id'],
    };
    const content = (schema: object) => ({ 'application/json': { schema }, 'application/xml': { schema: { $ref: '#/components/schemas/VeryLongSchemaName0' } } });
    const responses = {
      '200': { description: 'ok', content: content({ oneOf: long.map((name) => ({ $ref: `#/components/schemas/${name}` })) }) },
      '201': { description: 'inline', content: { 'application/json': { schema: inline } } },
      '202': { description: 'nullable', content: { 'application/json': { schema: { oneOf: [{ $ref: '#/components/schemas/VeryLongSchemaName1' }, { type: 'string' }], nullable: true } } } },
      '204': { description: 'empty' },
      default: { description: 'other' },
    };
    const paths = Object.fromEntries(operationIds.map((id, i) => [`/a${i}`, { get: { operationId: id, summary: `Summary of ${id}\nwith a second line */`, responses } }]));
    fs.writeFileSync(path.join(dir, 'spec.yaml'), JSON.stringify({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths, components: { schemas } }));
    const model = buildModel(await loadSpec(path.join(dir, 'spec.yaml')), 'layout');
    const file = (await mocksEmitter.emit(model)).find((f) => f.path === 'src/mocks/responses.ts')!;
    return { text: file.content as string, formatted: file.formatted ?? false };
  }

  it('is printed in prettier layout and claimed for any body types', async () => {
    const { text, formatted } = await responsesOf(['getA', 'an-operation-id-that-needs-quotes', `op${'x'.repeat(90)}`]);
    expect(formatted).toBe(true);
    expect(await format(text)).toBe(text);
    expect(text).toContain("\n  /** `GET /a1`: Summary of an-operation-id-that-needs-quotes with a second line *\\/ */\n  'an-operation-id-that-needs-quotes': {\n");
  });

  it('is not claimed where prettier might unquote a key', async () => {
    const { text, formatted } = await responsesOf(['café', '__proto__']);
    expect(formatted).toBe(false);
    expect(await format(text)).toContain('\n  café: {\n');
  });
});
