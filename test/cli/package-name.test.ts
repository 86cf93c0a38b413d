/**
 * `switchboard generate SPEC --package-name NAME`: the name reaches every
 * place a package names itself (package.json, README, docs imports, the mocks
 * entry, the client's user agent), the docs examples still type-check under
 * it, and a name npm would refuse is a usage error that writes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../generator/commands/shared.js';
import { main } from '../../generator/main.js';
import { build } from '../../generator/pipeline.js';
import { pageBlocks, typecheckBlocks } from '../docs/typecheck-blocks.js';
import { snapshotTree, tempDir } from '../helpers/temp.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

async function run(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), cwd, color: false };
  const code = await main(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A project holding a copy of the Bandwidth spec as specs/recordings.yaml. */
function project(): string {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'specs'));
  fs.copyFileSync(path.join(ROOT, 'specs/bandwidth.yaml'), path.join(dir, 'specs/recordings.yaml'));
  return dir;
}

const read = (dir: string, rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8');

/** Every text file of a folder that mentions `needle`. */
function filesMentioning(dir: string, needle: string): string[] {
  return [...snapshotTree(dir).keys()].filter((rel) => read(dir, rel).includes(needle));
}

describe('generate --package-name', () => {
  it('names the package by default @switchboard/<spec file name>', async () => {
    const dir = project();
    expect((await run(['generate', 'specs/recordings.yaml', '--out', 'sdk'], dir)).code).toBe(0);
    expect(JSON.parse(read(dir, 'sdk/package.json')).name).toBe('@switchboard/recordings');
    expect(read(dir, 'sdk/README.md')).toMatch(/^# @switchboard\/recordings\n/);
  });

  it.each([
    ['a scoped name', '@acme/recordings-sdk', 'acme-recordings-sdk-1.0.0.tgz'],
    ['an unscoped name', 'recordings-sdk', 'recordings-sdk-1.0.0.tgz'],
  ])('%s reaches package.json, README, docs, mocks and the user agent', async (_what, name, tarball) => {
    const dir = project();
    const r = await run(['generate', 'specs/recordings.yaml', '--out', 'sdk', '--package-name', name], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const sdk = path.join(dir, 'sdk');
    expect(JSON.parse(read(sdk, 'package.json')).name).toBe(name);
    const readme = read(sdk, 'README.md');
    expect(readme).toMatch(new RegExp(`^# ${name.replace(/[/@]/g, '\\$&')}\\n`));
    expect(readme).toContain(`\`\`\`sh\nnpm install ${name}\n\`\`\``);
    expect(readme).toContain(`npm install ./${tarball}`);
    expect(readme).toContain(`from '${name}';`);
    expect(readme).toContain(`\`${name}/mocks\``);
    expect(read(sdk, 'docs/RecordingsApi.md')).toContain(`from '${name}';`);
    expect(read(sdk, 'src/client.ts')).toContain(`${name.replace(/^@/, '').replace('/', '-')}/1.0.0`);
    expect(filesMentioning(sdk, '@switchboard/')).toEqual([]);
  });

  it('gives docs examples that type-check against the package under its new name', async () => {
    const dir = project();
    const name = '@acme/recordings-sdk';
    const { model, files } = await build({ spec: path.join(dir, 'specs/recordings.yaml'), outDir: path.join(dir, 'unused'), packageName: name });
    expect(model.packageName).toBe(name);
    const pages = files.filter((f) => f.path.endsWith('.md')).map((f) => [f.path, String(f.content)] as const);
    const blocks = pageBlocks(pages, name);
    expect(blocks.filter((b) => b.code.includes(`from '${name}'`)).length).toBeGreaterThan(10);
    expect(typecheckBlocks([{ name, files }], blocks)).toEqual([]);
  });

  it.each([
    ['capital letters', 'Recordings'],
    ['an empty scope', '@/recordings'],
    ['an empty name', ''],
    ['a path', '../recordings'],
    ['a space', 'my recordings'],
    ['a leading dot', '.recordings'],
    ['a leading underscore', '_recordings'],
    ['a Node core module', 'http'],
    ['a special character', 'recordings!'],
    ['too long a name', 'r'.repeat(215)],
  ])('refuses %s: exit 2, a message naming the flag, nothing written', async (_what, name) => {
    const dir = project();
    const r = await run(['generate', 'specs/recordings.yaml', '--out', 'sdk', '--package-name', name], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--package-name ${JSON.stringify(name)} is not a valid npm package name: `);
    expect(fs.existsSync(path.join(dir, 'sdk'))).toBe(false);
  });

  it('refuses to give several packages one name', async () => {
    const dir = project();
    fs.copyFileSync(path.join(ROOT, 'specs/plivo.yaml'), path.join(dir, 'specs/plivo.yaml'));
    const r = await run(['generate', '--package-name', '@acme/sdk'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--package-name names one package: give exactly one SPEC (got 2)');
    expect(fs.existsSync(path.join(dir, 'generated'))).toBe(false);
  });
});
