/**
 * `switchboard init` in another repository: starter spec, package.json
 * script, next steps; idempotent; nothing overwritten without --force; and
 * the script it adds really runs (`npm run generate` through a linked bin).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../generator/commands/shared.js';
import { STARTER_SPEC } from '../../generator/lint/starter-spec.js';
import { main } from '../../generator/main.js';
import { tempDir, writeTree } from '../helpers/temp.js';
import { CLI, ROOT } from './cli-process.js';

async function init(cwd: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), cwd, color: false };
  const code = await main(['init', ...args], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A repository with a package.json (4-space indented, to see that the style is kept). */
function repo(files: Record<string, string> = {}): string {
  const pkg = JSON.stringify({ name: 'acme-app', version: '1.0.0', private: true, scripts: { test: 'echo ok' } }, null, 4) + '\n';
  return writeTree({ 'package.json': pkg, ...files }, tempDir());
}

/** node_modules/.bin/switchboard → this checkout's CLI, as an installed bin would be. */
function linkBin(dir: string): void {
  const bin = path.join(dir, 'node_modules/.bin/switchboard');
  fs.mkdirSync(path.dirname(bin), { recursive: true });
  const loader = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
  fs.writeFileSync(bin, `#!/bin/sh\nexec "${process.execPath}" --import "${loader}" "${CLI}" "$@"\n`, { mode: 0o755 });
}

const read = (dir: string, rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8');

describe('switchboard init', () => {
  it('writes the starter spec and the generate script, and `npm run generate` then works', async () => {
    const dir = repo();
    const first = await init(dir);
    expect(first.code).toBe(0);
    expect(read(dir, 'specs/api.yaml')).toBe(STARTER_SPEC);
    const pkg = JSON.parse(read(dir, 'package.json'));
    expect(pkg.scripts).toEqual({ test: 'echo ok', generate: 'switchboard generate specs/api.yaml --out generated/api' });
    expect(read(dir, 'package.json')).toMatch(/^\{\n {4}"name"/);
    expect(first.out).toContain('specs/api.yaml: wrote the starter spec');
    expect(first.out).toContain('Next steps:');
    expect(first.out).toContain('npm run generate');

    linkBin(dir);
    const run = spawnSync('npm', ['run', 'generate'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run.stderr.replace(/npm warn.*\n/g, '')).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('generated/api: 4 operations');
    expect(read(dir, 'generated/api/src/index.ts')).toContain('ExampleClient');
  });

  it('is idempotent and overwrites nothing without --force', async () => {
    const dir = repo();
    await init(dir);
    const pkgBefore = read(dir, 'package.json');
    const again = await init(dir);
    expect(again.code).toBe(0);
    expect(again.out).toContain('specs/api.yaml: exists, kept');
    expect(again.out).toContain('"generate" script already there');
    expect(read(dir, 'package.json')).toBe(pkgBefore);

    fs.writeFileSync(path.join(dir, 'specs/api.yaml'), 'my own spec\n');
    const pkg = JSON.parse(pkgBefore);
    pkg.scripts.generate = 'my-own-generator';
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
    const kept = await init(dir);
    expect(kept.code).toBe(0);
    expect(read(dir, 'specs/api.yaml')).toBe('my own spec\n');
    expect(JSON.parse(read(dir, 'package.json')).scripts.generate).toBe('my-own-generator');
    expect(kept.out).toContain('use --force');

    const forced = await init(dir, '--force');
    expect(forced.code).toBe(0);
    expect(read(dir, 'specs/api.yaml')).toBe(STARTER_SPEC);
    expect(JSON.parse(read(dir, 'package.json')).scripts.generate).toBe('switchboard generate specs/api.yaml --out generated/api');
  });

  it('prints next steps that work here: how to install this Switchboard, and commands that go through the generate script', async () => {
    const version = JSON.parse(read(ROOT, 'package.json')).version;
    const dir = repo();
    const r = await init(dir, '--out', 'sdk');
    expect(r.out).toContain(`        npm pack ${ROOT}\n        npm install --save-dev ./switchboard-${version}.tgz\n`);
    // The script carries --out, so watch and check go through it and reach sdk/, not generated/api.
    expect(r.out).toContain('npm run generate -- --watch');
    expect(r.out).toContain('npx switchboard lint specs/api.yaml && npm run generate -- --check');
    expect(r.out).not.toMatch(/switchboard generate \S+ --(check|watch)/);

    const pkg = JSON.parse(read(dir, 'package.json'));
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ ...pkg, devDependencies: { switchboard: `file:switchboard-${version}.tgz` } }));
    const installed = await init(dir, '--out', 'sdk');
    expect(installed.out).not.toContain('npm pack');
    expect(installed.out).toMatch(/Next steps:\n {2}1\. Edit specs\/api.yaml\n/);
  });

  it('points at an existing spec with --spec and never rewrites it', async () => {
    const dir = repo({ 'api/open api.yaml': 'openapi: 3.1.0\n' });
    const r = await init(dir, '--spec', 'api/open api.yaml', '--out', 'sdk', '--force');
    expect(r.code).toBe(0);
    expect(read(dir, 'api/open api.yaml')).toBe('openapi: 3.1.0\n');
    expect(JSON.parse(read(dir, 'package.json')).scripts.generate).toBe('switchboard generate "api/open api.yaml" --out sdk');
    expect(fs.existsSync(path.join(dir, 'specs'))).toBe(false);
  });

  it('refuses a repository without package.json and an output folder that would replace the repository', async () => {
    const bare = tempDir();
    const none = await init(bare);
    expect(none.code).toBe(1);
    expect(none.err).toContain('npm init -y');
    expect(fs.readdirSync(bare)).toEqual([]);
    const dir = repo();
    expect((await init(dir, '--out', '.')).code).toBe(2);
    expect((await init(dir, '--out', 'specs')).code).toBe(2);
    expect(fs.existsSync(path.join(dir, 'specs'))).toBe(false);
  });
});
