/**
 * Scopes whose types cannot have changed: the operation (or model) and every
 * named schema it reaches are the same on both sides, so the deterministic
 * emitter prints the same declarations and every assignability question
 * about them is answered "yes" without asking. The checker's time then goes
 * to what changed: on consecutive versions of GitHub's spec most of its
 * 1,200 operations are in this set (bench/README.md).
 *
 * Name questions (`member`, `exports`) are still asked for every scope: a
 * clash elsewhere can rename an unchanged operation's types.
 */
import { findInputVariants } from '../emit/client/type-text.js';
import type { ApiModel, OperationNode } from '../model/types.js';
import { canonical } from './rules/docs.js';
import type { OperationPair } from './rules/index.js';

export function stableScopes(old: ApiModel, new_: ApiModel, operations: readonly OperationPair[]): Set<string> {
  const stable = new Set<string>();
  const models = stableModels(old, new_);
  for (const name of models) stable.add(`model:${name}`);
  for (const { old: o, new: n } of operations) {
    if (operationSignature(o) === operationSignature(n) && refsOf(operationSignature(o)).every((r) => models.has(r))) stable.add(`op:${o.operationId}`);
  }
  return stable;
}

/** Models identical on both sides, with everything they reach. */
function stableModels(old: ApiModel, new_: ApiModel): Set<string> {
  const inputs = { old: findInputVariants(old), new: findInputVariants(new_) };
  const before = new Map(old.schemas.map((s) => [s.typeName, canonical(s.json)]));
  const after = new Map(new_.schemas.map((s) => [s.typeName, canonical(s.json)]));
  const same = new Set([...before].filter(([name, sig]) => after.get(name) === sig && inputs.old.has(name) === inputs.new.has(name)).map(([name]) => name));
  // Drop a model when it reaches one that is not the same, until nothing changes.
  const refs = new Map([...same].map((name) => [name, refsOf(before.get(name)!)]));
  for (let changed = true; changed; ) {
    changed = false;
    for (const name of same) {
      if (refs.get(name)!.some((r) => !same.has(r))) {
        same.delete(name);
        changed = true;
      }
    }
  }
  return same;
}

/** What an operation's params, result and place on the client are made of. */
function operationSignature(op: OperationNode): string {
  const params = Object.values(op.params)
    .flat()
    .map((p) => ({ name: p.name, in: p.in, required: p.required, account: !!p.account, style: p.style, explode: p.explode, json: p.json }));
  const media = (list: { mediaType: string; json: unknown }[]) => list.map((m) => ({ mediaType: m.mediaType, json: m.json }));
  return canonical({
    method: op.method,
    path: op.path,
    tag: op.tag,
    methodName: op.methodName,
    typeName: op.typeName,
    params,
    body: op.body ? { required: op.body.required, contents: media(op.body.contents) } : null,
    responses: op.responses.map((r) => ({ status: r.status, contents: media(r.contents) })),
    pagination: op.pagination ?? null,
    async: op.async ? { urlParam: op.async.urlParam, methodParam: op.async.methodParam, status: op.async.status, contents: media(op.async.response.contents) } : null,
  });
}

/** The named schemas a signature's JSON refers to. */
function refsOf(text: string): string[] {
  return [...text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1].replace(/~1/g, '/').replace(/~0/g, '~'));
}
