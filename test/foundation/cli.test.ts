/**
 * The CLI contract: exit 0 on success, 1 on spec errors or drift, 2 on bad
 * usage; located errors on stderr; output untouched on failure.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../generator/commands/shared.js';
import { main } from '../../generator/main.js';
import { minimalSpec, snapshotTree, tempDir } from '../helpers/temp.js';

async function run(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), cwd, color: false };
  const code = await main(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function repo(): string {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'specs'));
  fs.copyFileSync(path.resolve('specs/bandwidth.yaml'), path.join(dir, 'specs/bandwidth.yaml'));
  return dir;
}

describe('switchboard CLI', () => {
  it('--help and --version exit 0', async () => {
    const help = await run(['--help'], process.cwd());
    expect(help.code).toBe(0);
    expect(help.out).toContain('switchboard generate [SPEC...] [--out DIR] [--force] [--package-name NAME] [--check]');
    const version = await run(['--version'], process.cwd());
    expect(version).toMatchObject({ code: 0, out: JSON.parse(fs.readFileSync('package.json', 'utf8')).version });
  });

  it.each([[['frobnicate']], [['generate', '--nope']], [[]], [['generate', 'a.yaml', '--out', '']]])('bad usage %j exits 2', async (args) => {
    const dir = repo();
    expect((await run(args, dir)).code).toBe(2);
  });

  it('generate with no SPEC writes generated/<name>/ for every specs/*.yaml, then --check is clean', async () => {
    const dir = repo();
    const gen = await run(['generate'], dir);
    expect(gen.code).toBe(0);
    expect(gen.out).toMatch(/generated\/bandwidth: 10 operations/);
    expect(fs.existsSync(path.join(dir, 'generated/bandwidth/package.json'))).toBe(true);
    expect(await run(['generate', '--check'], dir)).toMatchObject({ code: 0 });
  });

  it('--check exits 1 and lists drift', async () => {
    const dir = repo();
    await run(['generate'], dir);
    fs.appendFileSync(path.join(dir, 'generated/bandwidth/package.json'), ' ');
    const check = await run(['generate', '--check'], dir);
    expect(check.code).toBe(1);
    expect(check.err).toContain('generated/bandwidth/package.json: differs');
  });

  it('one SPEC with --out writes there', async () => {
    const dir = repo();
    const res = await run(['generate', 'specs/bandwidth.yaml', '--out', 'pkg'], dir);
    expect(res.code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'pkg/package.json'))).toBe(true);
  });

  it('a broken spec exits 1 with file:line:col errors and leaves generated/ as it was', async () => {
    const dir = repo();
    await run(['generate'], dir);
    fs.writeFileSync(path.join(dir, 'specs/zzz.yaml'), minimalSpec('  /x/{id}:\n    get:\n      operationId: x\n'));
    const before = snapshotTree(path.join(dir, 'generated'));
    const res = await run(['generate'], dir);
    expect(res.code).toBe(1);
    expect(res.err.split('\n')).toEqual([
      'specs/zzz.yaml:7:5 error path-param-undeclared GET /x/{id}: path parameter {id} is not declared',
      'specs/zzz.yaml:7:5 error responses-missing GET /x/{id} declares no responses',
      '2 errors; nothing was written',
    ]);
    expect(snapshotTree(path.join(dir, 'generated'))).toEqual(before);
  });
});
