/**
 * Every TypeScript code block of every generated Markdown file (the READMEs
 * and docs of the three packages, and of the hostile fixture) type-checks
 * against its generated package, in one Program. A broken example fails.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { APIS, buildSpec, readGenerated, type Built } from './build.js';
import { tsBlocks } from './markdown-tools.js';
import { typecheckBlocks, type Block } from './typecheck-blocks.js';

let built: Built[] = [];

beforeAll(async () => {
  built = [...APIS.map(readGenerated), await buildSpec('test/fixtures/hostile-docs/openapi.yaml')];
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
      expect(tsBlocks(b.markdown.get('README.md') ?? '').length, b.model.name).toBeGreaterThanOrEqual(7);
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
