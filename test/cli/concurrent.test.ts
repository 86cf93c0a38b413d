/**
 * One writer per output folder: concurrent runs of the real CLI into one
 * folder end in one complete generation, never a stack trace; a run that
 * cannot get the folder in time says so and exits 1; the lock of a run that
 * died is taken over.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STARTER_SPEC } from '../../generator/lint/starter-spec.js';
import { generate } from '../../generator/pipeline.js';
import { snapshotTree, tempDir, writeTree } from '../helpers/temp.js';
import { startCli } from './cli-process.js';

const LOCK = 'out.switchboard-lock';

/** A folder with the starter spec, and the package a single run writes from it (for comparison). */
async function setUp(): Promise<{ dir: string; expected: Map<string, string> }> {
  const dir = writeTree({ 'specs/api.yaml': STARTER_SPEC });
  const single = tempDir();
  await generate([{ spec: path.join(dir, 'specs/api.yaml'), outDir: path.join(single, 'out') }], { cwd: single });
  return { dir, expected: snapshotTree(path.join(single, 'out')) };
}

function lockOf(pid: number): string {
  return JSON.stringify({ pid, host: os.hostname(), since: new Date().toISOString() });
}

const STACK_LINE = /^\s+at /m;

describe('concurrent runs into one output folder', () => {
  it('20 runs at once end in one complete generation, and no run prints a stack trace', { timeout: 300_000 }, async () => {
    const { dir, expected } = await setUp();
    // Waiting is bounded by the lock wait; a loaded machine gets a generous one, so every run should get its turn.
    const runs = Array.from({ length: 20 }, () => startCli(['generate', 'specs/api.yaml', '--out', 'out', '--quiet'], dir, { SWITCHBOARD_LOCK_WAIT_MS: '240000' }));
    const codes = await Promise.all(runs.map((r) => r.exited));
    for (const [i, r] of runs.entries()) {
      expect(r.stderr(), `run ${i}`).not.toMatch(STACK_LINE);
      if (codes[i] !== 0) expect(r.stderr(), `run ${i}`).toMatch(/^another switchboard run is writing out /);
    }
    expect(codes.filter((c) => c === 0).length).toBeGreaterThan(0);
    expect(codes.every((c) => c === 0 || c === 1)).toBe(true);
    expect(snapshotTree(path.join(dir, 'out'))).toEqual(expected);
    expect(fs.readdirSync(dir).sort()).toEqual(['out', 'specs']);
  });

  it('a run finding the folder locked waits, then writes once the lock is released', { timeout: 120_000 }, async () => {
    const { dir, expected } = await setUp();
    fs.writeFileSync(path.join(dir, LOCK), lockOf(process.pid)); // this test process is alive: the lock is live
    const r = startCli(['generate', 'specs/api.yaml', '--out', 'out'], dir, { SWITCHBOARD_LOCK_WAIT_MS: '120000' });
    // Released once the run is past building (its progress is invisible off a TTY, so give it time), then checked.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
    fs.rmSync(path.join(dir, LOCK));
    expect(await r.exited).toBe(0);
    expect(snapshotTree(path.join(dir, 'out'))).toEqual(expected);
  });

  it('a run that cannot get the folder in time fails with a message and exit 1, and writes nothing', { timeout: 120_000 }, async () => {
    const { dir } = await setUp();
    fs.writeFileSync(path.join(dir, LOCK), lockOf(process.pid));
    const r = startCli(['generate', 'specs/api.yaml', '--out', 'out'], dir, { SWITCHBOARD_LOCK_WAIT_MS: '300' });
    expect(await r.exited).toBe(1);
    expect(r.stderr()).toMatch(new RegExp(`^another switchboard run is writing out \\(pid ${process.pid}, since .*\\); waited 300 ms, nothing was written\\.`));
    expect(r.stderr()).toContain(`delete ${LOCK}`);
    expect(r.stderr()).not.toMatch(STACK_LINE);
    expect(fs.readdirSync(dir).sort()).toEqual([LOCK, 'specs']);
  });

  it('the lock of a run that died is taken over at once', { timeout: 120_000 }, async () => {
    const { dir, expected } = await setUp();
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    fs.writeFileSync(path.join(dir, LOCK), lockOf(dead));
    // A lock wait of 0: taking over must not depend on waiting.
    const r = startCli(['generate', 'specs/api.yaml', '--out', 'out', '--quiet'], dir, { SWITCHBOARD_LOCK_WAIT_MS: '0' });
    expect(await r.exited).toBe(0);
    expect(r.stderr()).toBe('');
    expect(snapshotTree(path.join(dir, 'out'))).toEqual(expected);
    expect(fs.readdirSync(dir).sort()).toEqual(['out', 'specs']);
  });

  it('a lock file left half-written by a dead run is taken over once it is old', { timeout: 120_000 }, async () => {
    const { dir, expected } = await setUp();
    const lock = path.join(dir, LOCK);
    fs.writeFileSync(lock, '');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lock, old, old);
    const r = startCli(['generate', 'specs/api.yaml', '--out', 'out', '--quiet'], dir, { SWITCHBOARD_LOCK_WAIT_MS: '0' });
    expect(await r.exited).toBe(0);
    expect(snapshotTree(path.join(dir, 'out'))).toEqual(expected);
    expect(fs.readdirSync(dir).sort()).toEqual(['out', 'specs']);
  });
});
