/**
 * `dist/` is printed by the emitters, not compiled (printer.ts `printModule`,
 * mocks/entry.ts): here the real compiler checks it (helpers/dist-check.ts),
 * for every generated module of the seeds, the corpus subset and the hostile
 * specs: the source satisfies `isolatedDeclarations`, our `.d.ts` is the
 * declaration `ts.transpileDeclaration` emits for it, and our `.js` is what
 * `ts.transpileModule` emits, statement for statement.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { EMITTERS, type EmittedFile } from '../../generator/emit/index.js';
import { compareText } from '../../generator/issues.js';
import { loadSpec } from '../../generator/load/index.js';
import { buildModel } from '../../generator/model/build.js';
import { tempDir, writeTree } from '../helpers/temp.js';
import { CASES } from '../hostile/specs.js';
import { expectDistMatchesCompiler } from './helpers/dist-check.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CORPUS = path.join(ROOT, 'test', 'fixtures', 'corpus');

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

function hostileSpecs(): [string, string][] {
  return CASES.filter((c) => 'generates' in c.expect).map((c) => {
    const root = tempDir('switchboard-dist-');
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

async function emitted(spec: string): Promise<Map<string, string>> {
  const model = buildModel(await loadSpec(spec));
  const files: EmittedFile[] = [];
  for (const emitter of EMITTERS) files.push(...(await emitter.emit(model)));
  return new Map(files.flatMap((f) => (typeof f.content === 'string' ? [[f.path, f.content] as const] : [])));
}

describe('dist/ is what TypeScript makes of src/', () => {
  it.each(SPECS)('%s', async (_name, spec) => {
    expect(expectDistMatchesCompiler(await emitted(spec))).toBeGreaterThan(3);
  });
});
