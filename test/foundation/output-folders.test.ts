/**
 * Output folders are safe: `generate` writes only into a folder that is new,
 * empty or an earlier Switchboard output; anything else is refused (exit 1,
 * a message naming the folder, nothing written) unless --force, and some
 * folders are refused even then. Regenerating replaces only the files the
 * manifest lists; the user's files stay, byte for byte.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Io } from '../../generator/commands/shared.js';
import { STARTER_SPEC } from '../../generator/lint/starter-spec.js';
import { main } from '../../generator/main.js';
import { build, generate } from '../../generator/pipeline.js';
import { MANIFEST } from '../../generator/write/manifest.js';
import { writeOutput } from '../../generator/write/output.js';
import { folderState } from '../../generator/write/ownership.js';
import { snapshotTree, tempDir, writeTree } from '../helpers/temp.js';

async function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), cwd, color: false };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    const code = await main(args, io);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** `root/proj` (package.json, specs/api.yaml, an empty work/ and home/), and `root/elsewhere/specs/api.yaml`. */
function layout(): { root: string; proj: string } {
  const root = tempDir();
  writeTree({ 'proj/package.json': '{ "name": "proj" }\n', 'proj/specs/api.yaml': STARTER_SPEC, 'elsewhere/specs/api.yaml': STARTER_SPEC }, root);
  for (const dir of ['proj/work', 'proj/home', 'gitrepo/.git', 'gitrepo/app']) fs.mkdirSync(path.join(root, dir), { recursive: true });
  return { root, proj: path.join(root, 'proj') };
}

/** Every file below `dir` with its bytes (base64), as a plain object. */
function tree(dir: string): Record<string, string> {
  return Object.fromEntries(snapshotTree(dir));
}

/** Files given as text, in `tree`'s terms. */
function encoded(files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([rel, text]) => [rel, Buffer.from(text).toString('base64')]));
}

describe('folders that are never written, even with --force', () => {
  // [what, cwd (below root), spec, --out, the folder as shown, the reason]
  const cases: [string, string, string, string, string, RegExp][] = [
    ['the repository root (package.json)', 'proj', 'specs/api.yaml', '.', '.', /it is the root of the project you are in \(it holds package\.json\)/],
    ['the repository root (.git)', 'gitrepo/app', '../../proj/specs/api.yaml', '..', '<root>/gitrepo', /it is the root of the project you are in \(it holds \.git\)/],
    ['the current folder', 'proj/work', '../specs/api.yaml', '.', '.', /it is the current folder/],
    ['a folder above the current one', 'proj/work', '../specs/api.yaml', '../..', '<root>', /it holds the current folder/],
    ["the spec's own folder", 'proj', 'specs/api.yaml', 'specs', 'specs', /it is the spec's own folder/],
    ['a folder holding the spec', 'proj', '../elsewhere/specs/api.yaml', '../elsewhere', '<root>/elsewhere', /it holds the spec api\.yaml/],
    ['the home folder', 'proj', 'specs/api.yaml', 'home', 'home', /it is your home folder/],
  ];

  it.each(cases)('%s', async (_what, cwdRel, spec, out, shown, reason) => {
    const { root, proj } = layout();
    const cwd = path.join(root, cwdRel);
    const before = snapshotTree(root);
    for (const force of [[], ['--force']]) {
      const r = await run(['generate', spec, '--out', out, ...force], cwd, { HOME: path.join(proj, 'home') });
      expect(r.code).toBe(1);
      expect(r.err).toContain(`refusing to write into ${shown.replace('<root>', root)}: `);
      expect(r.err).toMatch(reason);
      expect(r.err).toContain('nothing was written');
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(snapshotTree(root)).toEqual(before);
    }
  });

  it('a symbolic link to the current folder is the current folder', async () => {
    const { root, proj } = layout();
    fs.symlinkSync(path.join(proj, 'work'), path.join(root, 'link'));
    const r = await run(['generate', '../specs/api.yaml', '--out', '../../link', '--force'], path.join(proj, 'work'));
    expect(r).toMatchObject({ code: 1 });
    expect(r.err).toMatch(/refusing to write into .*link: it is the current folder/);
    expect(fs.readdirSync(path.join(proj, 'work'))).toEqual([]);
  });

  it('--watch refuses before it starts watching', async () => {
    const { proj } = layout();
    const r = await run(['generate', 'specs/api.yaml', '--out', '.', '--watch'], proj);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^refusing to write into \.: it is the root of the project/);
  });
});

describe('folders Switchboard did not write', () => {
  const USER = { 'notes.txt': 'my notes\n', 'sub/a.txt': 'a\n', '.git/HEAD': 'ref: refs/heads/main\n', 'package.json': '{ "name": "mine" }\n' };

  it('are refused without --force, with the folder named and nothing written', async () => {
    const { proj } = layout();
    writeTree(USER, path.join(proj, 'mydir'));
    const before = snapshotTree(proj);
    const r = await run(['generate', 'specs/api.yaml', '--out', 'mydir'], proj);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `refusing to write into mydir: it is not empty and Switchboard did not write it (there is no ${MANIFEST}); nothing was written. ` +
        'Choose a new or empty folder, or pass --force to write into this one: files at the paths Switchboard writes are replaced, all others are kept.',
    );
    expect(snapshotTree(proj)).toEqual(before);
  });

  it('with --force: same-named files are replaced, all others kept; then it is a Switchboard output', async () => {
    const { proj } = layout();
    const out = path.join(proj, 'mydir');
    writeTree(USER, out);
    expect((await run(['generate', 'specs/api.yaml', '--out', 'mydir', '--force'], proj)).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'package.json'), 'utf8')).name).toBe('@switchboard/api');
    for (const rel of ['notes.txt', 'sub/a.txt', '.git/HEAD']) expect(fs.readFileSync(path.join(out, rel), 'utf8')).toBe(USER[rel as keyof typeof USER]);
    expect(fs.existsSync(path.join(out, MANIFEST))).toBe(true);
    expect((await run(['generate', 'specs/api.yaml', '--out', 'mydir'], proj)).code).toBe(0);
    expect(fs.readFileSync(path.join(out, 'notes.txt'), 'utf8')).toBe(USER['notes.txt']);
  });

  it('a manifest Switchboard did not write, or a file in place of the folder, is refused', async () => {
    const { proj } = layout();
    writeTree({ [`odd/${MANIFEST}`]: '{"files": ["notes.txt"]}\n', 'odd/notes.txt': 'mine\n', afile: 'x' }, proj);
    const odd = await run(['generate', 'specs/api.yaml', '--out', 'odd'], proj);
    expect(odd.code).toBe(1);
    expect(odd.err).toContain(`refusing to write into odd: its ${MANIFEST} was not written by Switchboard`);
    for (const force of [[], ['--force']]) {
      const file = await run(['generate', 'specs/api.yaml', '--out', 'afile', ...force], proj);
      expect(file.code).toBe(1);
      expect(file.err).toContain('refusing to write into afile: it is a file, not a folder');
    }
    expect(fs.readFileSync(path.join(proj, 'odd/notes.txt'), 'utf8')).toBe('mine\n');
  });

  it('a folder that cannot be made gets a message, not a stack trace', async () => {
    const { proj } = layout();
    fs.writeFileSync(path.join(proj, 'afile'), 'x');
    const r = await run(['generate', 'specs/api.yaml', '--out', 'afile/sub'], proj);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^could not write afile\/sub: E[A-Z]+: .*; it was left as it was$/);
  });

  it('an empty folder, or one holding only .git, is written without --force', async () => {
    const { proj } = layout();
    writeTree({ 'fresh/.git/HEAD': 'ref: refs/heads/main\n' }, proj);
    fs.mkdirSync(path.join(proj, 'empty'));
    for (const dir of ['empty', 'fresh']) expect((await run(['generate', 'specs/api.yaml', '--out', dir], proj)).code).toBe(0);
    expect(fs.readFileSync(path.join(proj, 'fresh/.git/HEAD'), 'utf8')).toBe('ref: refs/heads/main\n');
  });
});

/** The starter spec with one more tag and schema (v1), whose files v2 no longer writes. */
const V1 = STARTER_SPEC.replace(
  'paths:\n',
  `paths:\n  /extras:\n    get:\n      operationId: listExtras\n      tags: [Extras]\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: { $ref: '#/components/schemas/Extra' }\n`,
).replace('\n  schemas:\n', '\n  schemas:\n    Extra:\n      type: object\n      properties:\n        id: { type: string }\n');

describe('regenerating keeps what the user added', () => {
  const USER_FILES = {
    'notes.txt': 'my notes\n',
    'sub/deep/x.txt': 'x\n',
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.git/objects/ab/cdef': 'object\n',
    'src/custom.ts': 'export const custom = 1;\n',
    'docs/my-page.md': '# Mine\n',
    'node_modules/dep/index.js': 'module.exports = 1;\n',
    'dist/my-build.js': '// my own file beside the generated dist/\n',
  };

  it('user files survive byte for byte; the files only the old generation wrote are removed', async () => {
    const dir = writeTree({ 'v1.yaml': V1, 'v2.yaml': STARTER_SPEC });
    expect(V1).toContain('Extra:');
    const out = path.join(dir, 'out');
    await generate([{ spec: path.join(dir, 'v1.yaml'), outDir: out, name: 'api' }], { cwd: dir });
    const v1Files = new Set(Object.keys(tree(out)));
    writeTree(USER_FILES, out);
    const fresh = path.join(dir, 'fresh');
    await generate([{ spec: path.join(dir, 'v2.yaml'), outDir: fresh, name: 'api' }], { cwd: dir });
    await generate([{ spec: path.join(dir, 'v2.yaml'), outDir: out, name: 'api' }], { cwd: dir });
    expect(tree(out)).toEqual({ ...tree(fresh), ...encoded(USER_FILES) });
    const removed = [...v1Files].filter((f) => !(f in tree(fresh)));
    expect(removed.length).toBeGreaterThan(0);
    for (const f of removed) expect(fs.existsSync(path.join(out, f))).toBe(false);
    expect(fs.readdirSync(dir).sort()).toEqual(['fresh', 'out', 'v1.yaml', 'v2.yaml']);
  });

  it('a swap that fails gives the user entries back and leaves the folder as it was', async () => {
    const dir = writeTree({ 'v1.yaml': V1, 'v2.yaml': STARTER_SPEC });
    const out = path.join(dir, 'out');
    await generate([{ spec: path.join(dir, 'v1.yaml'), outDir: out }], { cwd: dir });
    writeTree(USER_FILES, out);
    const { files } = await build({ spec: path.join(dir, 'v2.yaml'), outDir: out });
    const before = snapshotTree(dir);
    const rename = fs.renameSync;
    const failing = vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      if (String(from).includes('.switchboard-staging-') && to === out) throw Object.assign(new Error('EXDEV: simulated'), { code: 'EXDEV' });
      rename(from, to);
    });
    try {
      expect(() => writeOutput(out, files)).toThrow('EXDEV: simulated');
      expect(failing).toHaveBeenCalled();
    } finally {
      failing.mockRestore();
    }
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('a user file at a path Switchboard now writes is refused, and replaced with --force', async () => {
    const { proj } = layout();
    const out = path.join(proj, 'generated/api');
    expect((await run(['generate', 'specs/api.yaml', '--out', 'generated/api'], proj)).code).toBe(0);
    // As if README.md had been the user's file: the manifest does not list it.
    const manifest = path.join(out, MANIFEST);
    fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').replace('    "README.md",\n', ''));
    fs.writeFileSync(path.join(out, 'README.md'), '# My own readme\n');
    const before = snapshotTree(proj);
    const refused = await run(['generate', 'specs/api.yaml', '--out', 'generated/api'], proj);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('refusing to write into generated/api: 1 entry that Switchboard did not write would be replaced: README.md; nothing was written.');
    expect(snapshotTree(proj)).toEqual(before);
    expect((await run(['generate', 'specs/api.yaml', '--out', 'generated/api', '--force'], proj)).code).toBe(0);
    expect(fs.readFileSync(path.join(out, 'README.md'), 'utf8')).toContain('# @switchboard/api');
  });
});

describe('output of a Switchboard from before manifests', () => {
  const HEADER = '// Generated by Switchboard from the OpenAPI spec. Do not edit by hand; run `switchboard generate`.\n';

  it('is regenerated without --force: its stale generated files go, everything else stays', async () => {
    const { proj } = layout();
    const out = path.join(proj, 'generated/api');
    await generate([{ spec: path.join(proj, 'specs/api.yaml'), outDir: out }], { cwd: proj });
    const current = tree(out);
    fs.rmSync(path.join(out, MANIFEST));
    const kept = { 'notes.txt': 'mine\n', 'docs/models/Gone.md': '# Gone\n', 'dist/old-build.js': HEADER, 'src/custom.ts': 'export {};\n' };
    writeTree({ ...kept, 'src/resources/Gone.ts': `${HEADER}export class Gone {}\n` }, out);
    expect(folderState(out).kind).toBe('pre-manifest');
    const r = await run(['generate', 'specs/api.yaml', '--out', 'generated/api'], proj);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(tree(out)).toEqual({ ...current, ...encoded(kept) });
  });

  it('is recognised by its package.json or by its src/index.ts; a folder with neither is not', () => {
    const pkg = writeTree({ 'package.json': JSON.stringify({ name: '@switchboard/x', description: 'Typed TypeScript client for X, generated by Switchboard' }) });
    const index = writeTree({ 'src/index.ts': `${HEADER}export * from './client.js';\n` });
    const neither = writeTree({ 'package.json': '{ "name": "app", "description": "My app" }', 'src/index.ts': 'export {};\n' });
    expect([pkg, index, neither].map((d) => folderState(d).kind)).toEqual(['pre-manifest', 'pre-manifest', 'foreign']);
  });
});

describe('the manifest', () => {
  it('lists every file written, sorted, and is the same bytes on every run', async () => {
    const dir = writeTree({ 'api.yaml': STARTER_SPEC });
    const [result] = await generate([{ spec: path.join(dir, 'api.yaml'), outDir: path.join(dir, 'a') }], { cwd: dir });
    await generate([{ spec: path.join(dir, 'api.yaml'), outDir: path.join(dir, 'b') }], { cwd: dir });
    const text = fs.readFileSync(path.join(dir, 'a', MANIFEST), 'utf8');
    expect(fs.readFileSync(path.join(dir, 'b', MANIFEST), 'utf8')).toBe(text);
    const listed: string[] = JSON.parse(text).files;
    expect(listed).toEqual(result.files.map((f) => f.path));
    expect(listed).toEqual([...listed].sort());
    expect(Object.keys(tree(path.join(dir, 'a'))).sort()).toEqual([...listed, MANIFEST].sort());
  });
});
