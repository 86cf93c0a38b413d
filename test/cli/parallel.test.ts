/**
 * `switchboard generate` with several specs builds some of them in a worker
 * thread (from compiled JavaScript only). The generator is compiled to a
 * private folder here, so the test runs the code under test and never a stale
 * dist/. Output must be byte for byte what one thread gives (the committed
 * generated/), and a spec error in a target the worker built must be reported
 * with its location and leave every output folder untouched.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotTree, tempDir } from '../helpers/temp.js';
import { ROOT } from './cli-process.js';

const BUILD = path.join(ROOT, `.tmp-parallel-build-${process.pid}`);
const CLI = path.join(BUILD, 'generator', 'cli.js');
const SEEDS = ['bandwidth', 'plivo', 'twilio'];

beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', BUILD], { cwd: ROOT });
}, 120_000);
afterAll(() => fs.rmSync(BUILD, { recursive: true, force: true }));

function cli(args: string[], cwd: string) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SWITCHBOARD_CACHE: '0' } });
}

describe.skipIf(os.availableParallelism() < 2)('generate with several specs on two threads', () => {
  it('writes exactly what one thread writes', () => {
    const out = tempDir();
    const r = cli(['generate', ...SEEDS.map((s) => path.join(ROOT, 'specs', `${s}.yaml`)), '--out', out], ROOT);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const api of SEEDS) {
      const written = snapshotTree(path.join(out, api));
      const committed = snapshotTree(path.join(ROOT, 'generated', api));
      expect([...written.keys()]).toEqual([...committed.keys()]);
      for (const [file, text] of committed) expect(written.get(file), `${api}/${file}`).toBe(text);
    }
  });

  it('reports a broken spec built in the worker and writes nothing', () => {
    const dir = tempDir();
    for (const api of SEEDS) fs.copyFileSync(path.join(ROOT, 'specs', `${api}.yaml`), path.join(dir, `${api}.yaml`));
    // plivo is the one target the worker builds (the largest spec stays in the main thread).
    const broken = fs.readFileSync(path.join(dir, 'plivo.yaml'), 'utf8').replace(/operationId: getAccount\b/, 'operationId: makeCall');
    fs.writeFileSync(path.join(dir, 'plivo.yaml'), broken);
    const before = snapshotTree(dir);
    const r = cli(['generate', ...SEEDS.map((s) => `${s}.yaml`), '--out', 'out'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^plivo\.yaml:\d+:\d+ error operation-id-duplicate /m);
    expect(r.stderr).toMatch(/nothing was written/);
    expect(snapshotTree(dir)).toEqual(before);
  });
});
