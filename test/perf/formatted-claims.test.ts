/**
 * Every file an emitter claims is already in prettier's layout (`formatted`)
 * is checked against prettier itself, on the seeds, the real corpus subset
 * and the hostile fixtures: the pipeline writes claimed files as they are, so
 * a false claim would change the output. Also reports how much is claimed, so
 * a regression that quietly sends files back to prettier is visible.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compareText } from '../../generator/issues.js';
import { EMITTERS, type EmittedFile } from '../../generator/emit/index.js';
import { loadSpec } from '../../generator/load/index.js';
import { buildModel } from '../../generator/model/build.js';
import { falselyFormatted } from '../../generator/write/format.js';
import { CASES } from '../hostile/specs.js';
import { tempDir, writeTree } from '../helpers/temp.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CORPUS = path.join(ROOT, 'test', 'fixtures', 'corpus');

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

/** The files as the emitters hand them over, before the pipeline formats anything. */
async function emitted(spec: string): Promise<EmittedFile[]> {
  const model = buildModel(await loadSpec(spec));
  const files: EmittedFile[] = [];
  for (const emitter of EMITTERS) files.push(...(await emitter.emit(model)));
  return files;
}

function hostileSpecs(): [string, string][] {
  return CASES.filter((c) => 'generates' in c.expect).map((c) => {
    const root = tempDir('switchboard-claims-');
    roots.push(root);
    writeTree({ ...c.files, 'spec/openapi.yaml': typeof c.spec === 'string' ? c.spec : stringify(c.spec) }, root);
    return [`hostile: ${c.name}`, path.join(root, 'spec', 'openapi.yaml')];
  });
}

const SPECS: [string, string][] = [
  ...['bandwidth', 'plivo', 'twilio'].map((api): [string, string] => [api, path.join(ROOT, 'specs', `${api}.yaml`)]),
  ...fs
    .readdirSync(CORPUS)
    .filter((f) => f.endsWith('.json'))
    .sort(compareText)
    .map((f): [string, string] => [`corpus: ${f}`, path.join(CORPUS, f)]),
  ['hostile-docs', path.join(ROOT, 'test', 'fixtures', 'hostile-docs', 'openapi.yaml')],
  ...hostileSpecs(),
];

describe('files claimed formatted are byte for byte what prettier prints', () => {
  it.each(SPECS)('%s', async (_name, spec) => {
    const files = await emitted(spec);
    expect(await falselyFormatted(files)).toEqual([]);
  });
});

describe('what the seeds claim', () => {
  it.each(['bandwidth', 'plivo', 'twilio'])('%s: every runtime file is claimed', async (api) => {
    const files = await emitted(path.join(ROOT, 'specs', `${api}.yaml`));
    const runtime = files.filter((f) => f.path.startsWith('runtime/'));
    expect(runtime.length).toBeGreaterThan(10);
    expect(runtime.filter((f) => !f.formatted).map((f) => f.path)).toEqual([]);
  });
});
