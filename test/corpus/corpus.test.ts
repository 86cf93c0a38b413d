/**
 * The fixed corpus subset: real public specs from test/fixtures/corpus are
 * generated into full packages and type-checked (strict), every `npm test`.
 * The full seeded corpus run is `bench/corpus.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareText } from '../../generator/issues.js';
import { generate } from '../../generator/pipeline.js';
import { tempDir } from '../helpers/temp.js';
import { classifyError, type Verdict } from './classify.js';
import { checkPackages, linkNodeModules } from './typecheck.js';

const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures', 'corpus');
const SPECS = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort(compareText);

describe('corpus subset', () => {
  const root = tempDir('switchboard-corpus-');
  const outDir = (spec: string): string => path.join(root, spec.replace(/\.json$/, ''));
  const verdicts = new Map<string, Verdict>();
  let typeErrors: Map<string, string[]>;

  beforeAll(async () => {
    linkNodeModules(root);
    for (const spec of SPECS) {
      try {
        const [r] = await generate([{ spec: path.join(FIXTURES, spec), outDir: outDir(spec) }]);
        verdicts.set(spec, { status: 'passed', operations: r.model.operations.length, schemas: r.model.schemas.length });
      } catch (error) {
        verdicts.set(spec, classifyError(error));
      }
    }
    const generated = SPECS.filter((s) => verdicts.get(s)?.status === 'passed').map(outDir);
    typeErrors = checkPackages(generated, { generatedOnly: true });
  }, 240_000);

  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('holds about ten varied specs', () => {
    expect(SPECS.length).toBeGreaterThanOrEqual(10);
  });

  it.each(SPECS)('%s generates a package with every operation and schema', (spec) => {
    const verdict = verdicts.get(spec)!;
    expect(verdict.reason).toBeUndefined();
    expect(verdict.status).toBe('passed');
    const doc = JSON.parse(fs.readFileSync(path.join(FIXTURES, spec), 'utf8'));
    const ops = Object.values(doc.paths ?? {}).flatMap((item) => Object.keys(item as object).filter((k) => /^(get|put|post|delete|options|head|patch|trace)$/.test(k)));
    expect(verdict.operations).toBe(ops.length);
    expect(verdict.schemas).toBeGreaterThanOrEqual(Object.keys(doc.components?.schemas ?? {}).length);
  });

  it.each(SPECS)('%s type-checks (strict)', (spec) => {
    expect(typeErrors.get(outDir(spec))).toEqual([]);
  });
});
