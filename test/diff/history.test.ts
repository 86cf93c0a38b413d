/**
 * The git history of our own three specs: every revision of each spec is
 * diffed against the next one (the last against the working copy), through
 * `rev:path` sides as a user would name them, and every committed package
 * against its spec. All pairs are proved in one type-checker program. The
 * rules and the checker must never disagree; a spec that did not change must
 * report `none`; the bump must be what the changes add up to.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bumpOf, diffMany, type DiffReport } from '../../generator/diff/index.js';
import { loadSide, resolveSide, type Side } from '../../generator/diff/source.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SPECS = ['bandwidth', 'plivo', 'twilio'];
const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();

interface Pair {
  name: string;
  old: Side;
  new: Side;
  /** The two sides hold the same bytes. */
  same: boolean;
}

const pairs: Pair[] = [];
let reports: DiffReport[] = [];

/** A blob id: of a revision's file, or of the working copy's. */
function blob(arg: string): string {
  return arg.includes(':') ? git('rev-parse', arg) : git('hash-object', path.join(ROOT, arg));
}

beforeAll(async () => {
  for (const api of SPECS) {
    const file = `specs/${api}.yaml`;
    const revisions = git('log', '--format=%H', '--', file).split('\n').filter(Boolean).reverse();
    const args = [...revisions.map((rev) => `${rev}:${file}`), file];
    for (let i = 1; i < args.length; i++) {
      pairs.push({ name: `${api}: ${args[i - 1].slice(0, 7)} → ${args[i].includes(':') ? args[i].slice(0, 7) : 'working copy'}`, old: resolveSide(args[i - 1], ROOT), new: resolveSide(args[i], ROOT), same: blob(args[i - 1]) === blob(args[i]) });
    }
    const bundled = JSON.parse(fs.readFileSync(path.join(ROOT, 'generated', api, 'openapi.json'), 'utf8'));
    pairs.push({ name: `${api}: generated/${api} → working copy`, old: resolveSide(`generated/${api}`, ROOT), new: resolveSide(file, ROOT), same: bundled !== null }); // generated/ is kept current by the snapshot test
  }
  reports = await diffMany(pairs.map((p) => ({ old: loadSide(p.old, p.new.name), new: loadSide(p.new, p.new.name) })));
}, 300_000);

afterAll(() => {
  for (const p of pairs) for (const side of [p.old, p.new]) side.dispose();
});

describe('switchboard diff over the history of specs/', () => {
  it('found every spec with at least one revision', () => {
    for (const api of SPECS) expect(pairs.filter((p) => p.name.startsWith(`${api}:`)).length).toBeGreaterThanOrEqual(2);
  });

  it('every consecutive pair diffs with the rules and the type checker agreeing, unchanged specs reporting none', () => {
    for (const [i, pair] of pairs.entries()) {
      const report = reports[i];
      expect(report.contradictions, pair.name).toEqual([]);
      expect(report.bump, pair.name).toBe(bumpOf(report.changes));
      expect(report.proof.checks, pair.name).toBeGreaterThan(0);
      if (pair.same) expect({ bump: report.bump, changes: report.changes }, pair.name).toEqual({ bump: 'none', changes: [] });
      for (const change of report.changes) expect(change.old ?? change.new, `${pair.name}: ${change.message}`).toBeDefined();
    }
  });
});
