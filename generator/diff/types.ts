/**
 * What `switchboard diff` reports: changes to a generated package's public
 * surface, each classified, located on both sides, and marked with what
 * decided its class (the rules, or the type checker's proof).
 */
import type { SpecLocation } from '../issues.js';

export type ChangeKind = 'breaking' | 'feature' | 'fix';
export type Bump = 'major' | 'minor' | 'patch' | 'none';

/**
 * A type-level question the checker answers for one operation or model
 * (see proof.ts):
 * - `params`: old `<Op>Params` assignable to new (existing calls compile);
 * - `result`: new `<Op>Result` assignable to old (existing reads compile);
 * - `result-required`: the same with every field made required (a removed optional field);
 * - `model-in` / `model-out` / `model-out-required`: the same three for an exported model;
 * - `member`: the method is still at `client.<group>.<method>` (and the auto-pager beside it);
 * - `exports`: every name the old package exported is still exported;
 * - `client`: the client class and its options still accept what they did.
 */
export type Proof =
  | 'params'
  | 'result'
  | 'result-required'
  | 'model-in'
  | 'model-out'
  | 'model-out-required'
  | 'member'
  | 'exports'
  | 'client';

/** A change found by the rules, before the type checker has spoken. */
export interface RuleChange {
  code: string;
  message: string;
  operationId?: string;
  schema?: string;
  old?: SpecLocation;
  new?: SpecLocation;
  /** Check scopes (`op:<id>` / `model:<name>`) whose checks could see this change; filled by the scope pass. */
  scopes: Set<string>;
}

/** A location as printed: the file relative to the working folder (or `rev:path`). */
export interface ChangeLocation {
  file: string;
  line: number;
  col: number;
  pointer: string;
}

export interface Change {
  kind: ChangeKind;
  code: string;
  message: string;
  operationId?: string;
  schema?: string;
  old?: ChangeLocation;
  new?: ChangeLocation;
  /** `types` when the type checker proved the class, `rules` when only a rule could (see codes.ts). */
  decidedBy: 'rules' | 'types';
}

/** A rule the type checker contradicted: a bug in the rules, reported so it is seen (and fixed). */
export interface Contradiction {
  check: string;
  message: string;
}

export interface DiffReport {
  bump: Bump;
  changes: Change[];
  /** What the type checker did: questions asked, how many failed, how long it took (and where: emit, load, check). */
  proof: { checks: number; failed: number; ms: number; timings?: { emit: number; load: number; check: number } };
  contradictions: Contradiction[];
}
