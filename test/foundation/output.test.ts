/**
 * The writer: atomic swaps, byte-identical regeneration, nothing written
 * outside the output folder, and `--check` drift detection.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientEmitter } from '../../generator/emit/client/index.js';
import type { Emitter } from '../../generator/emit/types.js';
import { SpecError } from '../../generator/issues.js';
import { build, generate } from '../../generator/pipeline.js';
import { MANIFEST, manifestText } from '../../generator/write/manifest.js';
import { checkOutput, recoverOutput, writeOutput } from '../../generator/write/output.js';
import { minimalSpec, snapshotTree, tempDir, writeTree } from '../helpers/temp.js';

const BANDWIDTH = path.resolve('specs/bandwidth.yaml');

/** A folder with a spec and a generated package already in `out/`. */
async function project(): Promise<{ dir: string; spec: string; out: string }> {
  const dir = tempDir();
  const spec = path.join(dir, 'bandwidth.yaml');
  fs.copyFileSync(BANDWIDTH, spec);
  const out = path.join(dir, 'out');
  await generate([{ spec, outDir: out }]);
  return { dir, spec, out };
}

describe('atomic output', () => {
  it('a broken second spec leaves the first output byte-identical', async () => {
    const { dir, spec, out } = await project();
    fs.writeFileSync(path.join(out, 'src', 'models.ts'), '// hand-edited, must survive\n');
    const broken = path.join(dir, 'broken.yaml');
    fs.writeFileSync(broken, minimalSpec('  /x/{id}:\n    get:\n      responses: {}\n'));
    const before = snapshotTree(dir);
    await expect(generate([{ spec, outDir: out }, { spec: broken, outDir: path.join(dir, 'broken-out') }])).rejects.toBeInstanceOf(SpecError);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('an emitter failing part-way leaves the output byte-identical', async () => {
    const { dir, spec, out } = await project();
    const before = snapshotTree(dir);
    const failing: Emitter = { name: 'failing', emit: () => { throw new Error('boom'); } };
    await expect(generate([{ spec, outDir: out }], { emitters: [clientEmitter, failing] })).rejects.toThrow('boom');
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('a write failing half-way leaves the output byte-identical and no staging folder behind', async () => {
    const { dir, out } = await project();
    const before = snapshotTree(dir);
    // `a` as a file and `a/b` as a file cannot both exist: the second write fails after the first succeeded.
    expect(() => writeOutput(out, [{ path: 'a', content: 'x' }, { path: 'a/b', content: 'y' }])).toThrow();
    expect(snapshotTree(dir)).toEqual(before);
    expect(fs.readdirSync(dir).sort()).toEqual(['bandwidth.yaml', 'out']);
  });

  it('a run killed between the two renames of the swap is repaired by the next run', async () => {
    const { dir, out } = await project();
    const before = snapshotTree(out);
    fs.renameSync(out, `${out}.switchboard-previous`);
    recoverOutput(out);
    expect(snapshotTree(out)).toEqual(before);
    expect(fs.readdirSync(dir).sort()).toEqual(['bandwidth.yaml', 'out']);
  });

  it('keeps node_modules across generations; dist/ is generated output, written afresh', async () => {
    const { spec, out } = await project();
    writeTree({ 'dist/index.js': 'built', 'node_modules/x/index.js': 'dep' }, out);
    await generate([{ spec, outDir: out }]);
    expect(fs.readFileSync(path.join(out, 'dist/index.js'), 'utf8')).toContain("from './client.js';");
    expect(fs.readFileSync(path.join(out, 'node_modules/x/index.js'), 'utf8')).toBe('dep');
  });
});

describe('deterministic output', () => {
  it('generating twice gives identical bytes', async () => {
    const a = tempDir();
    const b = tempDir();
    for (const spec of ['bandwidth', 'plivo', 'twilio']) {
      await generate([{ spec: path.resolve(`specs/${spec}.yaml`), outDir: path.join(a, spec) }]);
      await generate([{ spec: path.resolve(`specs/${spec}.yaml`), outDir: path.join(b, spec) }]);
    }
    const first = snapshotTree(a);
    expect(first.size).toBeGreaterThan(10);
    expect(snapshotTree(b)).toEqual(first);
  });
});

describe('--check', () => {
  it('reports changed, missing and extra files and writes nothing', async () => {
    const { dir, spec, out } = await project();
    const built = await build({ spec, outDir: out });
    expect(checkOutput(out, built.files)).toEqual({ changed: [], missing: [], extra: [] });
    fs.appendFileSync(path.join(out, 'src/models.ts'), '\n// drift\n');
    fs.rmSync(path.join(out, 'package.json'));
    // A file an earlier generation wrote (its manifest lists it) that this one would not write.
    const manifest = JSON.parse(fs.readFileSync(path.join(out, MANIFEST), 'utf8'));
    fs.writeFileSync(path.join(out, MANIFEST), manifestText([...manifest.files, 'src/stray.ts'].sort()));
    fs.writeFileSync(path.join(out, 'src/stray.ts'), 'export {};\n');
    // The user's own files are not drift: regenerating keeps them.
    writeTree({ 'notes.txt': 'mine', 'src/custom.ts': 'export {};\n' }, out);
    const before = snapshotTree(dir);
    const [result] = await generate([{ spec, outDir: out }], { check: true });
    expect(result.drift).toEqual({ changed: [MANIFEST, 'src/models.ts'], missing: ['package.json'], extra: ['src/stray.ts'] });
    expect(snapshotTree(dir)).toEqual(before);
  });
});

describe('path traversal through spec names', () => {
  it('tags and schemas named ../../x, /abs, %2e%2e/ or with \\ write nothing outside the output folder', async () => {
    const root = tempDir();
    const specDir = writeTree(
      {
        'evil.yaml': `openapi: 3.1.0
info: {title: Evil, version: 1.0.0}
paths:
  /a:
    get:
      operationId: a
      tags: ['../../x']
      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/..~1..~1x'}}}}}
  /b:
    get:
      operationId: b
      tags: ['/abs']
      responses: {'200': {description: ok}}
  /c:
    get:
      operationId: c
      tags: ['%2e%2e/', 'a\\\\b']
      responses: {'200': {description: ok}}
components:
  schemas:
    ../../x: {type: string}
    /abs: {type: string}
    '%2e%2e/': {type: string}
    'a\\\\b': {type: string}
`,
      },
      path.join(root, 'spec'),
    );
    const out = path.join(root, 'deep', 'er', 'out');
    const before = fs.readdirSync(root).sort();
    const [result] = await generate([{ spec: path.join(specDir, 'evil.yaml'), outDir: out }]);
    expect(fs.readdirSync(root).sort()).toEqual([...before, 'deep'].sort());
    expect(fs.readdirSync(path.join(root, 'deep', 'er'))).toEqual(['out']);
    for (const file of result.files) {
      const abs = path.resolve(out, file.path);
      expect(abs.startsWith(out + path.sep)).toBe(true);
    }
    expect(result.model.schemas.map((s) => s.typeName).sort()).toEqual(['AB', 'Abs', 'X', '_2e2e']);
  });
});
