/**
 * Every TypeScript code block of every generated Markdown file (the READMEs
 * and docs of the three packages, and of the hostile fixture) type-checks
 * against its generated package, in one Program. A broken example fails.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isBinary } from '../../generator/emit/client/operation-types.js';
import { APIS, buildSpec, readGenerated, type Built } from './build.js';
import { tsBlocks } from './markdown-tools.js';
import { typecheckBlocks, type Block } from './typecheck-blocks.js';

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
  return [...b.markdown].flatMap(([file, text]) =>
    tsBlocks(text).map((block) => ({ origin: `${b.model.name}/${file}:${block.line}`, packageName: b.model.packageName, code: block.code })),
  );
}

describe('TypeScript examples in the generated Markdown', () => {
  it('has one example per operation on the tag pages and the README examples', () => {
    for (const b of built) {
      const docs = [...b.markdown].filter(([file]) => /^docs\/[^/]+\.md$/.test(file)).flatMap(([, text]) => tsBlocks(text));
      expect(docs.length, b.model.name).toBe(b.model.operations.length);
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
    // A canary: a real example with a misspelt method must be the one and only error.
    const plivo = blocks.find((b) => b.packageName === '@switchboard/plivo' && b.code.includes('client.calls.getCall('))!;
    const canary = { ...plivo, origin: 'canary', code: plivo.code.replace('client.calls.getCall(', 'client.calls.getCal(') };
    const errors = typecheckBlocks(
      built.map((b) => ({ name: b.model.packageName, files: b.files })),
      [...blocks, canary],
    );
    expect(errors.filter((e) => !e.startsWith('canary '))).toEqual([]);
    expect(errors.join('\n')).toMatch(/^canary \(block \d+:\d+\) TS2551: Property 'getCal' does not exist/);
  });
});
