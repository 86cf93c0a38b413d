/**
 * The rules table: every change code on a small spec, each case a
 * before/after pair with the bump and the exact set of codes expected. All
 * pairs are proved by the type checker in one program, and no case may show
 * the rules and the checker disagreeing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CODES } from '../../generator/diff/codes.js';
import { diffMany, type DiffReport } from '../../generator/diff/index.js';
import { loadSpec } from '../../generator/load/index.js';
import { buildModel } from '../../generator/model/build.js';
import { tempDir } from '../helpers/temp.js';
import { baseSpec, type Spec } from './base-spec.js';
import { CASES, REVERSED, type DiffCase } from './cases.js';

const ALL: { case: DiffCase; before: Spec; after: Spec }[] = [
  ...CASES.map((c) => {
    const before = baseSpec();
    c.before?.(before);
    const after = baseSpec();
    c.before?.(after);
    c.change(after);
    return { case: c, before, after };
  }),
  ...REVERSED.map((c) => {
    const before = baseSpec();
    c.change(before);
    return { case: c, before, after: baseSpec() };
  }),
];

let reports: DiffReport[];

beforeAll(async () => {
  const dir = tempDir('switchboard-diff-table-');
  const model = (spec: Spec, file: string) => {
    fs.writeFileSync(path.join(dir, file), JSON.stringify(spec, null, 2));
    return buildModel(loadSpec(path.join(dir, file)), 'calls');
  };
  reports = await diffMany(ALL.map((c, i) => ({ old: model(c.before, `${i}-old.json`), new: model(c.after, `${i}-new.json`) })));
}, 300_000);

describe('switchboard diff: the rules table', () => {
  it('has at least 60 pairs and covers every change code but type-incompatible', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(60);
    const covered = new Set(ALL.flatMap((c) => c.case.codes));
    const missing = Object.keys(CODES).filter((code) => code !== 'type-incompatible' && !covered.has(code));
    expect(missing).toEqual([]);
  });

  it('the README explains every change code with an example, and its class and decider match codes.ts', () => {
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
    for (const [code, info] of Object.entries(CODES)) {
      const row = new RegExp(`^\\| \`${code}\` \\| (\\w+) \\| (\\w+) \\| .+ \\|$`, 'm').exec(readme);
      expect(row, code).not.toBeNull();
      expect([row![1], row![2]], code).toEqual([info.kind, info.kind === 'breaking' && info.proofs.length > 0 ? 'types' : 'rule']);
    }
  });

  it.each(ALL.map((c, i) => [c.case.name, i] as const))('%s', (_name, i) => {
    const { case: c } = ALL[i];
    const report = reports[i];
    const summary = report.changes.map((ch) => `${ch.kind} ${ch.code} ${ch.decidedBy}: ${ch.message}`);
    expect({ codes: [...new Set(report.changes.map((ch) => ch.code))].sort(), bump: report.bump }, summary.join('\n')).toEqual({ codes: [...c.codes].sort(), bump: c.bump });
    expect(report.contradictions).toEqual([]);
    for (const change of report.changes) {
      // A breaking change the types can see is decided by them; one they cannot, by its rule.
      const info = CODES[change.code as keyof typeof CODES];
      if (change.kind === 'breaking') expect(change.decidedBy, change.code).toBe(info.proofs.length > 0 ? 'types' : 'rules');
      expect(change.old ?? change.new).toBeDefined();
    }
  });
});
