/**
 * No data lost: a generation that replaces an existing package is SIGKILLed at
 * several points. Right after the kill the output folder is exactly the
 * previous package or exactly the new one (never a mix, never missing for
 * good); after the next run's recovery it is whole again, the user's entries
 * (`node_modules/`, notes, a file in `src/`, `.git/`) are still there and no staging
 * folder, backup or lock is left beside it.
 *
 * The first kill hits the real CLI while it loads and emits. The others hit
 * the real writer (`writeOutput`) in a child process on a simulated slow disk
 * (kill-writer.ts), so each point of the write is reached reliably.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { build, generate } from '../../generator/pipeline.js';
import { recoverOutput } from '../../generator/write/output.js';
import { snapshotTree, tempDir, writeTree } from '../helpers/temp.js';

const REPO = path.resolve(import.meta.dirname, '..', '..');
/** The user's entries in the output folder: their dependencies, notes, a file among the generated ones, a repository. */
const USER_BUILD = {
  'node_modules/user-dep/index.js': 'export const dep = true;\n',
  'notes.txt': 'mine\n',
  'src/custom.ts': 'export const custom = 1;\n',
  '.git/HEAD': 'ref: refs/heads/main\n',
};

/** A tree's files without the user's. */
function generated(tree: Map<string, string>): Record<string, string> {
  return Object.fromEntries([...tree].filter(([rel]) => !Object.hasOwn(USER_BUILD, rel)));
}

function spec(n: number, version: string): string {
  const schemas: Record<string, unknown> = {};
  const paths: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    schemas[`Thing${i}`] = { type: 'object', description: `Thing ${i}`, required: ['id'], properties: { id: { type: 'string' }, n: { type: 'integer' } } };
    const ok = { description: 'ok', content: { 'application/json': { schema: { $ref: `#/components/schemas/Thing${i}` } } } };
    paths[`/things${i}/{id}`] = { get: { operationId: `getThing${i}`, tags: [`Group${i % 3}`], parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': ok } } };
  }
  return stringify({ openapi: '3.1.0', info: { title: 'Kill', version }, paths, components: { schemas } });
}

/** Spawns `args` (node) and SIGKILLs it once `when(pid)` holds; reports whether the kill interrupted it. */
async function killWhen(args: string[], when: (pid: number) => boolean): Promise<boolean> {
  const child = spawn(process.execPath, args, { cwd: REPO, stdio: 'ignore' });
  let done = false;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve((done = true) && undefined)));
  while (!done) {
    if (when(child.pid!)) {
      child.kill('SIGKILL');
      await exited;
      return child.signalCode === 'SIGKILL';
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  return false;
}

describe('a generation killed mid-way loses nothing', () => {
  const dir = tempDir('switchboard-kill-');
  const out = path.join(dir, 'out');
  const oldSpec = path.join(dir, 'v1.yaml');
  const newSpec = path.join(dir, 'v2.yaml');
  const scratch = tempDir('switchboard-kill-');
  const filesJson = path.join(scratch, 'files.json');
  afterAll(() => {
    for (const d of [dir, scratch]) fs.rmSync(d, { recursive: true, force: true });
  });
  let oldSnap: Map<string, string>;
  let newSnap: Map<string, string>;

  async function resetToOld(): Promise<void> {
    await generate([{ spec: oldSpec, outDir: out }]);
    writeTree(USER_BUILD, out);
  }

  /**
   * After a kill: Switchboard's files exactly old or new (the user's entries may
   * sit in the dead run's staging folder until recovery); after recovery:
   * whole, with the user's entries, nothing beside it. (Plain objects: vitest's
   * toContainEqual does not compare Maps.)
   */
  function expectIntact(): void {
    if (fs.existsSync(out)) expect([generated(oldSnap), generated(newSnap)]).toContainEqual(generated(snapshotTree(out)));
    recoverOutput(out);
    expect([Object.fromEntries(oldSnap), Object.fromEntries(newSnap)]).toContainEqual(Object.fromEntries(snapshotTree(out)));
    expect(fs.readdirSync(dir).sort()).toEqual(['out', 'v1.yaml', 'v2.yaml']);
  }

  beforeAll(async () => {
    fs.writeFileSync(oldSpec, spec(8, '1.0.0'));
    fs.writeFileSync(newSpec, spec(9, '2.0.0'));
    const { files } = await build({ spec: newSpec, outDir: out });
    fs.writeFileSync(filesJson, JSON.stringify(files.map((f) => ({ path: f.path, base64: Buffer.from(f.content).toString('base64') }))));
    const expected = path.join(scratch, 'expected');
    await generate([{ spec: newSpec, outDir: expected }]);
    newSnap = snapshotTree(writeTree(USER_BUILD, expected));
    await resetToOld();
    oldSnap = snapshotTree(out);
    expect(newSnap).not.toEqual(oldSnap);
  }, 120_000);

  it('killed while the CLI loads and emits, before any write', async () => {
    const cli = ['--import', 'tsx', 'generator/cli.ts', 'generate', newSpec, '--out', out, '--quiet'];
    // How long loading and emitting take here (--check writes nothing); the kill comes half-way through.
    const timed = Date.now();
    spawnSync(process.execPath, [...cli, '--check'], { cwd: REPO, stdio: 'ignore' });
    const emitMs = Date.now() - timed;
    // On a loaded machine a run can finish sooner than half of the timed one: kill earlier then.
    let interrupted = false;
    for (const fraction of [0.5, 0.25, 0.1]) {
      const started = Date.now();
      interrupted = await killWhen(cli, () => Date.now() - started > emitMs * fraction);
      if (interrupted) break;
      await resetToOld();
    }
    expect(interrupted).toBe(true);
    expect(snapshotTree(out)).toEqual(oldSnap);
    expectIntact();
  }, 120_000);

  const staging = (pid: number): string => `${out}.switchboard-staging-${pid}`;
  const points: [string, (pid: number) => boolean][] = [
    ['as soon as the staging folder appears', (pid) => fs.existsSync(staging(pid))],
    ['half-way through writing the files', (pid) => fs.existsSync(path.join(staging(pid), 'src', 'models.ts'))],
    ['after the user build was moved into staging', (pid) => fs.existsSync(path.join(staging(pid), 'node_modules'))],
    ['after the previous output was moved aside, before the new one is in place', () => fs.existsSync(`${out}.switchboard-previous`) && !fs.existsSync(out)],
    ['after the new output is in place, before the backup is removed', () => fs.existsSync(`${out}.switchboard-previous`) && fs.existsSync(out)],
  ];

  it.each(points)('killed in the writer %s', async (_name, when) => {
    const writer = ['--import', 'tsx', path.join('test', 'hostile', 'kill-writer.ts'), filesJson, out];
    expect(await killWhen(writer, when)).toBe(true);
    expectIntact();
    await resetToOld();
  }, 120_000);

  it('the next real run after a kill writes the new package whole', async () => {
    const writer = ['--import', 'tsx', path.join('test', 'hostile', 'kill-writer.ts'), filesJson, out];
    expect(await killWhen(writer, (pid) => fs.existsSync(path.join(staging(pid), 'node_modules')))).toBe(true);
    await generate([{ spec: newSpec, outDir: out }]);
    expect(snapshotTree(out)).toEqual(newSnap);
    expect(fs.readdirSync(dir).sort()).toEqual(['out', 'v1.yaml', 'v2.yaml']);
  }, 120_000);
});
