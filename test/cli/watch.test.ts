/**
 * `switchboard generate --watch` as a user runs it: edit the spec and a file
 * it `$ref`s and see the output follow; break the spec and see the located
 * error while the last good output stays; SIGTERM stops it cleanly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STARTER_SPEC } from '../../generator/lint/starter-spec.js';
import { snapshotTree, tempDir, writeTree } from '../helpers/temp.js';
import { ROOT, startCli, waitFor, type Running } from './cli-process.js';

const NOTE_TEXT = "        text: { type: string, description: The note's text., example: Buy milk }\n";
const SPEC = STARTER_SPEC.replace(NOTE_TEXT, `${NOTE_TEXT}        color: { $ref: './color.yaml' }\n`);

let running: Running | undefined;
afterAll(() => running?.child.kill('SIGKILL'));

describe('generate --watch', () => {
  it('regenerates on edits, keeps the last good output on a broken spec, and stops on SIGTERM', { timeout: 300_000 }, async () => {
    expect(SPEC).not.toBe(STARTER_SPEC);
    const dir = writeTree({ 'specs/api.yaml': SPEC, 'specs/color.yaml': 'type: string\ndescription: Colour one.\n' }, tempDir());
    const spec = path.join(dir, 'specs/api.yaml');
    const models = path.join(dir, 'out/src/models.ts');
    const read = () => (fs.existsSync(models) ? fs.readFileSync(models, 'utf8') : '');
    running = startCli(['generate', 'specs/api.yaml', '--out', 'out', '--watch'], dir);
    const r = running;

    await waitFor('the first generation', () => r.stdout().includes('watching specs/api.yaml'));
    expect(r.stdout()).toMatch(/^out: 4 operations, \d+ schemas, (\d+) files — \1 files changed in \d+ ms$/m);
    expect(read()).toContain('Colour one.');

    fs.writeFileSync(spec, SPEC.replace('description: A short text note.', 'description: A short text note, edited.'));
    await waitFor('the edited spec in the output', () => read().includes('A short text note, edited.'));
    await waitFor('the change report', () => /changed: specs\/api\.yaml\nout: .* — [1-9]\d* files? changed in \d+ ms\n/.test(r.stdout()));

    fs.writeFileSync(path.join(dir, 'specs/color.yaml'), 'type: string\ndescription: Colour two.\n');
    await waitFor('the edited $ref file in the output', () => read().includes('Colour two.'));
    expect(r.stdout()).toContain('changed: specs/color.yaml');

    const good = snapshotTree(path.join(dir, 'out'));
    const broken = SPEC.replace('operationId: getNote', 'operationId: listNotes');
    const line = SPEC.split('\n').findIndex((l) => l.includes('operationId: getNote')) + 1;
    fs.writeFileSync(spec, broken);
    await waitFor('the located error', () => r.stderr().includes('kept the last good output in out'));
    expect(r.stderr()).toContain(`specs/api.yaml:${line}:7 error operation-id-duplicate operationId "listNotes" is already used at line`);
    expect(snapshotTree(path.join(dir, 'out'))).toEqual(good);

    fs.writeFileSync(spec, SPEC);
    await waitFor('recovery after the fix', () => !read().includes('A short text note, edited.') && read().includes('A short text note.'));

    const inode = fs.statSync(path.join(dir, 'out')).ino;
    fs.writeFileSync(path.join(dir, 'specs/color.yaml'), 'type: string\ndescription: Colour two.\n');
    await waitFor('a rebuild that changes nothing', () => r.stdout().includes('no file changed'));
    expect(fs.statSync(path.join(dir, 'out')).ino).toBe(inode);

    r.child.kill('SIGTERM');
    expect(await r.exited).toBe(0);
    expect(r.stdout()).toContain('stopped watching');
  });

  it('regenerates every spec with the new template when a template changes', { timeout: 180_000 }, async () => {
    // A private copy of the package, so the template edit touches no other test.
    const pkg = tempDir();
    fs.cpSync(path.join(ROOT, 'generator'), path.join(pkg, 'generator'), { recursive: true });
    fs.cpSync(path.join(ROOT, 'templates'), path.join(pkg, 'templates'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(pkg, 'package.json'));
    // The prebuilt runtimes `npm ci` made, as an installed copy has them: otherwise the first
    // generation builds them itself, which on a busy machine takes longer than waitFor's bound.
    const prebuilt = path.join(ROOT, 'dist/runtime.prebuilt.json');
    if (fs.existsSync(prebuilt)) fs.cpSync(prebuilt, path.join(pkg, 'dist/runtime.prebuilt.json'));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(pkg, 'node_modules'));
    const dir = writeTree({ 'specs/api.yaml': STARTER_SPEC }, tempDir());
    const readme = () => fs.readFileSync(path.join(dir, 'out/README.md'), 'utf8');
    const r = startCli(['generate', 'specs/api.yaml', '--out', 'out', '--watch'], dir, {}, path.join(pkg, 'generator/cli.ts'));
    running = r;
    await waitFor('the first generation', () => r.stdout().includes('watching specs/api.yaml'));
    expect(readme()).not.toContain('Template marker');

    const template = path.join(pkg, 'templates/readme.md.hbs');
    fs.writeFileSync(template, fs.readFileSync(template, 'utf8') + '\nTemplate marker.\n');
    await waitFor('the edited template in the output', () => fs.existsSync(path.join(dir, 'out/README.md')) && readme().includes('Template marker.'));
    expect(r.stdout()).toContain('changed: ');
    r.child.kill('SIGTERM');
    expect(await r.exited).toBe(0);
  });
});

