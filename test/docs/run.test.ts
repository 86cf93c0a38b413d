/**
 * The examples do not only type-check: they run. Every TypeScript block of
 * the three packages' docs and READMEs (a tag page's examples each after the
 * page's set-up) is executed against the packages' own
 * mocks (MSW handlers in one child process; the README's mock-server example
 * listens on 127.0.0.1), with credentials from environment variables as the
 * examples say. Each must finish without throwing and without printing an error.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleSettings } from '../../generator/emit/docs/calls.js';
import { examplePool, resolver } from '../../generator/emit/docs/examples.js';
import { APIS, readGenerated, REPO, type Built } from './build.js';
import { exampleBlocks } from './markdown-tools.js';
import type { ExampleOutcome } from './run-examples.js';

let dir = '';
let packages: Built[] = [];
let outcomes: ExampleOutcome[] = [];

/** Writes every example as a module, with a tsconfig mapping `@switchboard/<api>` to `generated/<api>/src`. */
function writeExamples(): { examples: { id: string; file: string }[]; env: Record<string, string> } {
  const paths: Record<string, string[]> = {};
  const examples: { id: string; file: string }[] = [];
  const env: Record<string, string> = {};
  for (const b of packages) {
    const src = path.join(REPO, 'generated', b.model.name, 'src');
    paths[b.model.packageName] = [path.join(src, 'index.ts')];
    paths[`${b.model.packageName}/mocks`] = [path.join(src, 'mocks', 'index.ts')];
    for (const s of sampleSettings(b.model, { resolve: resolver(b.model), pool: examplePool(b.model) })) if (s.env) env[s.env] = s.value;
    for (const [file, text] of b.markdown) {
      exampleBlocks(text).forEach((block, i) => {
        const out = path.join(dir, `${b.model.name}-${file.replace(/[^A-Za-z0-9]+/g, '-')}-${i}.ts`);
        // A tag page's example runs as the reader runs it: after the page's set-up.
        fs.writeFileSync(out, block.setup ? `${block.setup.code}\n${block.code}` : block.code);
        examples.push({ id: `${b.model.name}/${file}:${block.line}`, file: out });
      });
    }
  }
  const compilerOptions = { module: 'ESNext', moduleResolution: 'Bundler', target: 'ES2022', paths };
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions }));
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  return { examples, env };
}

beforeAll(() => {
  packages = APIS.map(readGenerated);
  fs.mkdirSync(path.join(REPO, '.tmp'), { recursive: true });
  dir = fs.mkdtempSync(path.join(REPO, '.tmp', 'docs-run-'));
  const { examples, env } = writeExamples();
  const mocks = packages.map((b) => path.join(REPO, 'generated', b.model.name, 'src', 'mocks', 'index.ts'));
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ mocks, examples }));
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'run-examples.ts'), path.join(dir, 'manifest.json')], {
    cwd: REPO,
    env: { ...process.env, ...env, TSX_TSCONFIG_PATH: path.join(dir, 'tsconfig.json') },
    encoding: 'utf8',
    timeout: Number(process.env.DOCS_RUN_TIMEOUT ?? 240_000),
  });
  if (run.status !== 0) throw new Error(`example runner failed (${run.status ?? run.signal}):\n${run.stderr}`);
  outcomes = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as ExampleOutcome[];
}, 300_000);

afterAll(() => {
  if (dir && !process.env.KEEP_DOCS_RUN) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the docs examples, run against the mocks', () => {
  it('all ran: one per operation plus the README examples of every package', () => {
    const ops = packages.reduce((n, b) => n + b.model.operations.length, 0);
    expect(outcomes.length).toBeGreaterThanOrEqual(ops + 3 * 14);
  });

  it('finish without an error and print what the call returned', () => {
    expect(outcomes.filter((o) => o.errors.length > 0)).toEqual([]);
    expect(outcomes.filter((o) => o.logs === 0).map((o) => o.id)).toEqual([]);
  });
});
