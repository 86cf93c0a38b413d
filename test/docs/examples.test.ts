/**
 * Every TypeScript code block of every generated Markdown file (the READMEs
 * and docs of the three packages, and of the hostile fixture) type-checks
 * against its generated package, in one Program. A tag page shows its set-up
 * (import and client) once; each of its examples is checked as the program a
 * reader runs: the set-up, then the example. A broken example fails, and so
 * does a broken set-up.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isBinary } from '../../generator/emit/client/operation-types.js';
import { APIS, buildSpec, readGenerated, type Built } from './build.js';
import { exampleBlocks, tsBlocks } from './markdown-tools.js';
import { pageBlocks, typecheckBlocks, type Block } from './typecheck-blocks.js';

/** The least a spec can say: no servers, security, tags, schemas or examples; an untagged operation. */
const MINIMAL = `openapi: 3.1.0
info: { title: Minimal, version: '1' }
paths:
  /items/{id}:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string, pattern: '^it_[0-9]{3}$' } }
    get:
      parameters:
        - { name: page, in: query, schema: { type: integer, minimum: 1 } }
      responses:
        '200': { description: OK, content: { application/json: { schema: { type: object, properties: { id: { type: string } } } } } }
    delete:
      responses: { '204': { description: Gone } }
`;

let built: Built[] = [];

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-minimal-'));
  fs.writeFileSync(path.join(dir, 'minimal.yaml'), MINIMAL);
  const fixtures = [await buildSpec('test/fixtures/hostile-docs/openapi.yaml'), await buildSpec(path.join(dir, 'minimal.yaml'))];
  fs.rmSync(dir, { recursive: true, force: true });
  built = [...APIS.map(readGenerated), ...fixtures];
});

function blocksOf(b: Built): Block[] {
  return pageBlocks(b.markdown, b.model.packageName, `${b.model.name}/`);
}

const tagPages = (b: Built) => [...b.markdown].filter(([file]) => /^docs\/[^/]+\.md$/.test(file));
const packagesOf = () => built.map((b) => ({ name: b.model.packageName, files: b.files }));

describe('TypeScript examples in the generated Markdown', () => {
  it('has one set-up per tag page, one example per operation and the README examples', () => {
    for (const b of built) {
      const pages = tagPages(b);
      const examples = pages.flatMap(([, text]) => exampleBlocks(text));
      expect(examples.length, b.model.name).toBe(b.model.operations.length);
      expect(pages.flatMap(([, text]) => tsBlocks(text)).length, b.model.name).toBe(b.model.operations.length + pages.length);
      // Quick start, options, errors, retries, timeouts, responses, logging; the mocks' MSW, override, faults,
      // own mock and server; then one per feature the model declares.
      const m = b.model;
      const features = [
        m.client.credentials !== undefined,
        m.operations.some((o) => o.pagination),
        m.methodOverride !== undefined,
        m.operations.some((o) => o.async),
        m.rateLimit !== undefined || m.operations.some((o) => o.rateLimit),
        m.operations.some(isBinary),
      ];
      expect(tsBlocks(b.markdown.get('README.md') ?? '').length, m.name).toBe(12 + features.filter(Boolean).length);
    }
  });

  it('type-check against the generated packages, and a broken one is caught', () => {
    const blocks = built.flatMap(blocksOf);
    expect(blocks.length).toBeGreaterThan(80);
    // A canary: a real call example (after its page's set-up) with a misspelt method must be the one and only error.
    const plivo = blocks.find((b) => b.packageName === '@switchboard/plivo' && b.code.startsWith('const result = await client.calls.getCall('))!;
    expect(plivo.setup?.code).toMatch(/^import \{ PlivoClient \} from '@switchboard\/plivo';\n/);
    const canary = { ...plivo, origin: 'canary', code: plivo.code.replace('client.calls.getCall(', 'client.calls.getCal(') };
    const errors = typecheckBlocks(packagesOf(), [...blocks, canary]);
    expect(errors.filter((e) => !e.startsWith('canary '))).toEqual([]);
    expect(errors.join('\n')).toMatch(/^canary \(block 1:\d+\) TS2551: Property 'getCal' does not exist/);
  });

  it('check each call in the context of its set-up: without it, or with a broken one, it fails', () => {
    const calls = built.flatMap(blocksOf).filter((b) => b.setup !== undefined);
    expect(calls.length).toBe(built.reduce((n, b) => n + b.model.operations.length, 0));
    const plivo = calls.find((b) => b.packageName === '@switchboard/plivo' && b.code.includes('client.calls.getCall('))!;
    const alone = { ...plivo, origin: 'alone', setup: undefined };
    const wrongClass = { ...plivo, origin: 'call', setup: { origin: 'set-up', code: plivo.setup!.code.replace('new PlivoClient()', 'new PlivoClient({ authId: 5 })') } };
    const errors = typecheckBlocks(packagesOf(), [alone, wrongClass]);
    expect(errors.join('\n')).toMatch(/^alone \(block 1:\d+\) TS2304: Cannot find name 'client'/m);
    expect(errors.join('\n')).toMatch(/^set-up \(block \d+:\d+\) TS2322: Type 'number' is not assignable to type 'string'/m);
    expect(errors.filter((e) => e.startsWith('call '))).toEqual([]);
  });

  it('show the set-up once per page: the examples hold only the call and what it returns', () => {
    for (const b of built) {
      for (const [file, text] of tagPages(b)) {
        const examples = exampleBlocks(text);
        for (const e of examples) {
          expect(e.code, `${b.model.name}/${file}:${e.line}`).not.toMatch(/\bimport\b|new \w+Client\(|\btry\b|\bcatch\b/);
          expect(e.code, `${b.model.name}/${file}:${e.line}`).toMatch(/client\.\w+\.\w+\(/);
        }
        const setup = examples[0]?.setup?.code ?? '';
        expect(setup, `${b.model.name}/${file}`).toMatch(new RegExp(`^import \\{ ${b.model.client.className} \\} from '${b.model.packageName}';\\n`));
        expect(setup.match(/^const client = new \w+\(/gm), `${b.model.name}/${file}`).toHaveLength(1);
      }
    }
  });
});
