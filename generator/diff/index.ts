/**
 * `diffModels(old, new)`: every change to the generated package's public
 * surface between two versions of a spec, classified by the rules
 * (rules/), proved by the type checker (proof.ts), reconciled
 * (reconcile.ts), and summed up as the semver bump it needs.
 */
import { SpecError, compareText, type Issue, type SpecLocation } from '../issues.js';
import type { ApiModel } from '../model/types.js';
import { codeInfo } from './codes.js';
import { proveAll } from './proof.js';
import { reconcile, type Decided } from './reconcile.js';
import { compareModels } from './rules/index.js';
import type { Bump, Change, ChangeKind, ChangeLocation, DiffReport } from './types.js';

export interface DiffOptions {
  /** How a spec file is shown in locations (relative path, `rev:path`); default: as it is. */
  display?: (file: string) => string;
  /** Skip the type checker (rules only): for callers that cannot afford it. Default false. */
  rulesOnly?: boolean;
}

export async function diffModels(old: ApiModel, new_: ApiModel, options: DiffOptions = {}): Promise<DiffReport> {
  return (await diffMany([{ old, new: new_, ...options }]))[0];
}

export interface DiffPair extends DiffOptions {
  old: ApiModel;
  new: ApiModel;
}

/** Several diffs, their type-level questions answered by one program (proof.ts `proveAll`). */
export async function diffMany(pairs: readonly DiffPair[]): Promise<DiffReport[]> {
  const rules = pairs.map((p) => compareModels(p.old, p.new));
  const checked = pairs.map((p, i) => ({ pair: p, rules: rules[i] })).filter(({ pair }) => !pair.rulesOnly);
  const proofs = await proveAll(checked.map(({ pair, rules: r }) => ({ old: pair.old, new: pair.new, rules: r })));
  const errors = proofs.flatMap((proof, i) => (proof.packageErrors.length > 0 ? packageError(checked[i].pair.old, checked[i].pair.new, proof.packageErrors).issues : []));
  if (errors.length > 0) throw new SpecError(errors);
  return pairs.map((pair, i) => {
    const display = pair.display ?? ((file: string) => file);
    const at = checked.findIndex((c) => c.pair === pair);
    if (at < 0) {
      const decided = rules[i].changes.map((change): Decided => ({ change, kind: codeInfo(change.code).kind, decidedBy: 'rules' }));
      return report(decided, display, { checks: 0, failed: 0, ms: 0 }, []);
    }
    const proof = proofs[at];
    const { decided, contradictions } = reconcile(rules[i].changes, proof.checks);
    const failed = proof.checks.filter((c) => c.failed).length;
    return report(decided, display, { checks: proof.checks.length, failed, ms: Math.round(proof.ms), timings: proof.timings }, contradictions);
  });
}

function report(decided: Decided[], display: (file: string) => string, proof: DiffReport['proof'], contradictions: DiffReport['contradictions']): DiffReport {
  const changes = dedupe(decided.map((d) => toChange(d, display))).sort(byKindThenPlace);
  return { bump: bumpOf(changes), changes, proof, contradictions };
}

function toChange({ change, kind, decidedBy }: Decided, display: (file: string) => string): Change {
  return {
    kind,
    code: change.code,
    message: change.message,
    ...(change.operationId !== undefined ? { operationId: change.operationId } : {}),
    ...(change.schema !== undefined ? { schema: change.schema } : {}),
    ...(change.old ? { old: located(change.old, display) } : {}),
    ...(change.new ? { new: located(change.new, display) } : {}),
    decidedBy,
  };
}

function located(loc: SpecLocation, display: (file: string) => string): ChangeLocation {
  return { file: display(loc.file), line: loc.line, col: loc.col, pointer: loc.pointer };
}

/** A model used on both sides is compared twice; the same finding at the same places is kept once (the graver class wins). */
function dedupe(changes: Change[]): Change[] {
  const kept = new Map<string, Change>();
  for (const c of changes) {
    const key = [c.code.replace(/^(request|response)-/, ''), c.message, c.old?.pointer, c.new?.pointer].join('\0');
    const prior = kept.get(key);
    if (!prior || RANK[c.kind] < RANK[prior.kind]) kept.set(key, prior && prior.decidedBy === 'types' && c.decidedBy === 'rules' ? { ...c, decidedBy: 'types' } : c);
  }
  return [...kept.values()];
}

const RANK: Record<ChangeKind, number> = { breaking: 0, feature: 1, fix: 2 };

function byKindThenPlace(a: Change, b: Change): number {
  return (
    RANK[a.kind] - RANK[b.kind] ||
    compareText(a.operationId ?? a.schema ?? '', b.operationId ?? b.schema ?? '') ||
    compareText(a.code, b.code) ||
    compareText(a.message, b.message)
  );
}

export function bumpOf(changes: readonly { kind: ChangeKind }[]): Bump {
  if (changes.some((c) => c.kind === 'breaking')) return 'major';
  if (changes.some((c) => c.kind === 'feature')) return 'minor';
  return changes.length > 0 ? 'patch' : 'none';
}

/** The generated code of a side does not compile: its answers would be meaningless, so this is an error, not "no change". */
function packageError(old: ApiModel, new_: ApiModel, errors: string[]): SpecError {
  const issues: Issue[] = errors.slice(0, 20).map((line) => {
    const model = line.startsWith('new/') ? new_ : old;
    return { ...model.loc, line: model.loc.line, col: model.loc.col, code: 'package-typecheck', severity: 'error', message: `the generated package does not type-check: ${line}` };
  });
  return new SpecError(issues);
}

export type { Bump, Change, ChangeKind, DiffReport } from './types.js';
