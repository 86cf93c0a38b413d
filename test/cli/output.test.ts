/**
 * What `generate` shows: counts, phase timings with --verbose, nothing with
 * --quiet; the progress line (TTY only, after a delay, erased at the end);
 * colour only on a terminal and never with NO_COLOR; located warnings (an
 * operation without operationId) worded as `lint` words them.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startProgress } from '../../generator/commands/progress.js';
import { watchTargets } from '../../generator/commands/watch.js';
import { EMITTERS } from '../../generator/emit/index.js';
import type { Io } from '../../generator/commands/shared.js';
import { STARTER_SPEC } from '../../generator/lint/starter-spec.js';
import { main } from '../../generator/main.js';
import { tempDir, writeTree } from '../helpers/temp.js';
import { CLI, ROOT, waitFor } from './cli-process.js';

async function run(args: string[], cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), cwd, color: false };
  const code = await main(args, io);
  return { code, out, err };
}

function fakeTty(isTTY = true) {
  const writes: string[] = [];
  return { isTTY, writes, write: (t: string) => writes.push(t) };
}

describe('generate output', () => {
  const dir = writeTree({ 'specs/api.yaml': STARTER_SPEC }, tempDir());

  it('--verbose shows every phase with its time and the counts; --quiet shows nothing', async () => {
    const verbose = await run(['generate', 'specs/api.yaml', '--out', 'out', '--verbose'], dir);
    expect(verbose.code).toBe(0);
    const [line] = verbose.out;
    expect(line).toMatch(/^out: 4 operations, 4 schemas, \d+ files \(/);
    const phases = [...line.matchAll(/([a-z:]+) (\d+) ms/g)].map((m) => m[1]);
    expect(phases).toEqual(['load', 'model', ...EMITTERS.map((e) => `emit:${e.name}`), 'format', 'write']);
    expect(phases).toContain('emit:client');
    expect(verbose.out[1]).toMatch(/^generated 1 package in \d+ ms$/);

    const quiet = await run(['generate', 'specs/api.yaml', '--out', 'out', '--quiet'], dir);
    expect(quiet).toEqual({ code: 0, out: [], err: [] });
    expect((await run(['generate', '--quiet', '--verbose'], dir)).code).toBe(2);
    expect((await run(['generate', '--watch', '--check'], dir)).code).toBe(2);
  });
});

describe('operations without operationId', () => {
  /** Two operations without operationId (one under a path parameter), one with. */
  const SPEC = `openapi: 3.1.0
info: { title: T, version: 1.0.0 }
paths:
  /things/{id}:
    get:
      tags: [things]
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        '200': { description: ok }
  /things:
    post:
      operationId: makeThing
      tags: [things]
      responses:
        '201': { description: ok }
    delete:
      tags: [things]
      responses:
        '204': { description: ok }
`;
  const dir = writeTree({ 'api.yaml': SPEC }, tempDir());
  const line = (key: string, after: string) => SPEC.split('\n').findIndex((l, i, all) => l.trim() === `${key}:` && all.slice(0, i).some((p) => p.trim() === after)) + 1;
  const WARNINGS = [
    `api.yaml:${line('get', '/things/{id}:')}:5 warning operation-id-valid GET /things/{id} has no operationId; it names the client method, so the method is getThingsId() (from the method and path)`,
    `api.yaml:${line('delete', '/things:')}:5 warning operation-id-valid DELETE /things has no operationId; it names the client method, so the method is deleteThings() (from the method and path)`,
  ];

  it('generate warns at file:line:col naming the method it chose, and still succeeds; --quiet hides it', async () => {
    const r = await run(['generate', 'api.yaml', '--out', 'out'], dir);
    expect(r.code).toBe(0);
    expect(r.err).toEqual(WARNINGS);
    expect(fs.readFileSync(path.join(dir, 'out/src/resources/Things.ts'), 'utf8')).toMatch(/getThingsId\(/);
    expect(await run(['generate', 'api.yaml', '--out', 'out', '--quiet'], dir)).toEqual({ code: 0, out: [], err: [] });
  });

  it('lint reports the same location, code and words (as an error)', async () => {
    const r = await run(['lint', 'api.yaml'], dir);
    const ours = r.out.concat(r.err).filter((l) => l.includes('operation-id-valid'));
    expect(ours).toEqual(WARNINGS.map((w) => w.replace(' warning ', ' error ')));
  });

  it('generate --watch prints it too', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dir, color: false };
    const signal = AbortSignal.abort(); // stops right after the first generation
    const code = await watchTargets([{ spec: path.join(dir, 'api.yaml'), outDir: path.join(dir, 'watched') }], io, { quiet: false, signal, describe: () => 'done' });
    expect(code).toBe(0);
    expect(err).toEqual(WARNINGS);
  });
});

describe('progress line', () => {
  it('appears on a TTY after the delay, follows the label, and is erased at the end', async () => {
    const tty = fakeTty();
    const p = startProgress(tty, 'generating twilio…', { enabled: true, color: false, delayMs: 0, intervalMs: 5 });
    await waitFor('two frames', () => tty.writes.length >= 2, 5_000);
    expect(tty.writes[0]).toMatch(/^\r\x1b\[2K⠋ generating twilio… \d+\.\d s$/);
    p.label('formatting…');
    expect(tty.writes.at(-1)).toMatch(/ formatting… \d+\.\d s$/);
    p.stop();
    expect(tty.writes.at(-1)).toBe('\r\x1b[2K');
    const count = tty.writes.length;
    await new Promise((r) => setTimeout(r, 30));
    expect(tty.writes.length).toBe(count);
  });

  it('never appears for quick work, off a terminal, or with --quiet', async () => {
    const quick = fakeTty();
    startProgress(quick, 'x', { enabled: true, color: false, delayMs: 60_000 }).stop();
    const piped = fakeTty(false);
    const pipedP = startProgress(piped, 'x', { enabled: true, color: false, delayMs: 0 });
    const quiet = fakeTty();
    const quietP = startProgress(quiet, 'x', { enabled: false, color: false, delayMs: 0 });
    await new Promise((r) => setTimeout(r, 30));
    pipedP.stop();
    quietP.stop();
    expect([quick.writes, piped.writes, quiet.writes]).toEqual([[], [], []]);
  });
});

const hasScript = spawnSync('script', ['--version']).status === 0;

describe.skipIf(!hasScript)('colour', () => {
  /** Runs `switchboard lint` on a fixture with errors under a real pseudo-terminal (util-linux `script`). */
  const lintOnTty = (env: Record<string, string>) => {
    const fixture = path.join(ROOT, 'test/fixtures/lint/operation-tag.yaml');
    const cmd = `${process.execPath} --import tsx ${CLI} lint ${fixture}`;
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
    return r.stdout;
  };

  it('is used on a terminal, and not with NO_COLOR', () => {
    const coloured = lintOnTty({ NO_COLOR: '' });
    expect(coloured).toContain('\x1b[31merror\x1b[39m');
    const plain = lintOnTty({ NO_COLOR: '1' });
    expect(plain).toContain('error operation-tag');
    expect(plain).not.toContain('\x1b[');
  });
});
