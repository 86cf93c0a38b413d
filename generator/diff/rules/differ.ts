/**
 * The state of one rule-based comparison: the two models, the changes found,
 * and the graph of "origins" that lets each change know which type checks
 * could see it.
 *
 * An origin is where a change was found: an operation (`op:<operationId>`,
 * for its inline schemas), a pair of named schemas compared on one side
 * (`pair:request:Call:Call`), or the client (`client`). A schema `$ref`
 * met while comparing adds an edge from the pair it leads to back to the
 * origin it was met in, so a change inside `Call` is in scope of every
 * operation whose params or result reach `Call`, and of `Call`'s own checks.
 */
import type { SpecLocation } from '../../issues.js';
import type { ApiModel, NamedSchema } from '../../model/types.js';
import type { RuleChange } from '../types.js';

export type Side = 'request' | 'response';

/** Where a change is, for its message and its location. */
export interface Where {
  operationId?: string;
  schema?: string;
  old?: SpecLocation;
  new?: SpecLocation;
}

export interface FoundChange extends RuleChange {
  origin: string;
}

export class Differ {
  readonly changes: FoundChange[] = [];
  readonly oldSchemas: Map<string, NamedSchema>;
  readonly newSchemas: Map<string, NamedSchema>;
  /** origin → origins it was reached from. */
  private readonly parents = new Map<string, Set<string>>();
  private readonly queued = new Set<string>();
  private readonly queue: { side: Side; oldName: string; newName: string }[] = [];

  constructor(
    readonly old: ApiModel,
    readonly new_: ApiModel,
    schemas?: { old: Map<string, NamedSchema>; new: Map<string, NamedSchema> },
  ) {
    this.oldSchemas = schemas?.old ?? new Map(old.schemas.map((s) => [s.typeName, s]));
    this.newSchemas = schemas?.new ?? new Map(new_.schemas.map((s) => [s.typeName, s]));
  }

  /** A throwaway differ over the same models, to ask what a comparison would find without reporting it. */
  scratch(): Differ {
    return new Differ(this.old, this.new_, { old: this.oldSchemas, new: this.newSchemas });
  }

  report(origin: string, code: string, message: string, where: Where): void {
    this.changes.push({ code, message, origin, scopes: new Set(), ...definedOnly(where) });
  }

  /** Records that `origin` reaches the pair (oldName, newName) on `side`, and queues its comparison. */
  reach(origin: string, side: Side, oldName: string, newName: string): string {
    const pair = pairOrigin(side, oldName, newName);
    let set = this.parents.get(pair);
    if (!set) this.parents.set(pair, (set = new Set()));
    set.add(origin);
    if (!this.queued.has(pair)) {
      this.queued.add(pair);
      this.queue.push({ side, oldName, newName });
    }
    return pair;
  }

  /** Pairs waiting to be compared (the queue grows while it is drained). */
  next(): { side: Side; oldName: string; newName: string } | undefined {
    return this.queue.shift();
  }

  /** Whether any pair of two different named schemas was reached (a scratch comparison cannot vouch for those). */
  reachedOtherNames(): boolean {
    return this.queue.some((p) => p.oldName !== p.newName);
  }

  /** Whether a pair was reached on a side (for choosing which model checks to run). */
  reached(side: Side, oldName: string, newName: string): boolean {
    return this.queued.has(pairOrigin(side, oldName, newName));
  }

  /** Fills each change's `scopes`: its own origin and every origin that reaches it, as check scopes. */
  resolveScopes(): void {
    const memo = new Map<string, Set<string>>();
    for (const change of this.changes) change.scopes = this.scopesOf(change.origin, memo);
  }

  private scopesOf(origin: string, memo: Map<string, Set<string>>): Set<string> {
    const known = memo.get(origin);
    if (known) return known;
    const out = new Set<string>();
    memo.set(origin, out); // a cycle of refs sees the set while it is being filled, which is enough
    const scope = checkScope(origin);
    if (scope) out.add(scope);
    for (const parent of this.parents.get(origin) ?? []) for (const s of this.scopesOf(parent, memo)) out.add(s);
    return out;
  }
}

export function pairOrigin(side: Side, oldName: string, newName: string): string {
  return `pair:${side}:${oldName}\0${newName}`;
}

/** The check scope an origin stands for: `op:<id>`, `model:<name>` (also a model compared with itself) or `client`. */
function checkScope(origin: string): string | undefined {
  if (origin.startsWith('op:') || origin.startsWith('model:') || origin === 'client') return origin;
  const match = /^pair:(?:request|response):([^\0]*)\0(.*)$/s.exec(origin);
  return match && match[1] === match[2] ? `model:${match[1]}` : undefined;
}

function definedOnly(where: Where): Where {
  const out: Where = {};
  if (where.operationId !== undefined) out.operationId = where.operationId;
  if (where.schema !== undefined) out.schema = where.schema;
  if (where.old) out.old = where.old;
  if (where.new) out.new = where.new;
  return out;
}
