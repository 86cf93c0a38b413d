/**
 * Rules meet the type checker. A breaking change whose code the checker can
 * see must show up as a failed check in its scope; a failed check must be
 * explained by such a change. Where they agree, the checker "decided";
 * where a code is one the types cannot see (codes.ts `why`), the rule did.
 * A disagreement is a bug in the rules: the checker's answer is kept (a
 * failed check nobody explained becomes a `type-incompatible` change; a
 * break every relevant check accepts becomes a feature) and the
 * disagreement is listed, so it gets seen and fixed.
 */
import { codeInfo, modelProof } from './codes.js';
import type { Check } from './proof.js';
import type { FoundChange } from './rules/index.js';
import type { ChangeKind, Contradiction } from './types.js';

export interface Decided {
  change: FoundChange;
  kind: ChangeKind;
  decidedBy: 'rules' | 'types';
}

export function reconcile(changes: FoundChange[], checks: Check[]): { decided: Decided[]; contradictions: Contradiction[] } {
  const byKey = new Map<string, Check[]>();
  const byScope = new Map<string, Check[]>();
  for (const c of checks) {
    push(byKey, `${c.scope}|${c.proof}`, c);
    push(byScope, c.scope, c);
  }
  const explained = new Set<Check>();
  const contradictions: Contradiction[] = [];
  const decided = changes.map((change): Decided => {
    const info = codeInfo(change.code);
    const seen = proofKeys(change, info.proofs).flatMap((k) => byKey.get(k) ?? []);
    if (info.kind === 'breaking' && info.proofs.length > 0) {
      const failed = seen.filter((c) => c.failed);
      failed.forEach((c) => explained.add(c));
      if (failed.length > 0) return { change, kind: 'breaking', decidedBy: 'types' };
      if (seen.length > 0) {
        // The checks that could see it all passed: old code still compiles, so the checker's answer (compatible) stands.
        contradictions.push({ check: seen.map((c) => c.what).join('; '), message: `rule ${change.code} says breaking, but the type checker accepts it: ${change.message}` });
        return { change, kind: 'feature', decidedBy: 'types' };
      }
      return { change, kind: 'breaking', decidedBy: 'rules' };
    }
    if (info.kind === 'breaking') return { change, kind: 'breaking', decidedBy: 'rules' };
    const around = [...change.scopes].flatMap((s) => byScope.get(s) ?? []);
    return { change, kind: info.kind, decidedBy: around.length > 0 && around.every((c) => !c.failed) ? 'types' : 'rules' };
  });
  for (const check of checks) {
    if (!check.failed || explained.has(check)) continue;
    contradictions.push({ check: check.what, message: `the type checker found a break no rule explains: ${firstLine(check.message)}` });
    decided.push({
      change: {
        code: 'type-incompatible',
        message: `${check.what}: ${firstLine(check.message)}`,
        origin: check.scope,
        scopes: new Set([check.scope]),
        ...(check.operationId ? { operationId: check.operationId } : {}),
        ...(check.schema ? { schema: check.schema } : {}),
      },
      kind: 'breaking',
      decidedBy: 'types',
    });
  }
  return { decided, contradictions };
}

/** The check keys that could see a change: its scopes × its code's proofs (in a model's terms for model scopes). */
function proofKeys(change: FoundChange, proofs: readonly string[]): string[] {
  const keys: string[] = [];
  for (const scope of change.scopes) {
    for (const proof of proofs) keys.push(`${scope}|${scope.startsWith('model:') ? modelProof(proof as never) : proof}`);
  }
  return keys;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n').slice(0, 2).join(' ').trim();
}
