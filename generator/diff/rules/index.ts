/**
 * The rule-based half of `switchboard diff`: compares two models and lists
 * every change to the generated package's surface with its code (see
 * codes.ts for each code's class). The type checker then confirms or
 * overrules the classes (../proof.ts).
 */
import { clientSettings } from '../../emit/client/client-names.js';
import { findInputVariants } from '../../emit/client/type-text.js';
import type { ApiModel } from '../../model/types.js';
import { canonical, sameValue } from './docs.js';
import { Differ, pairOrigin, type FoundChange, type Side } from './differ.js';
import { compareOperation, matchOperations, type OperationPair } from './operations.js';
import { compareSchema } from './schemas.js';
import { compareSchemes } from './security.js';

export interface RuleResult {
  changes: FoundChange[];
  operations: OperationPair[];
  /** Models in both versions, with the sides they were compared on (what the model checks ask). */
  models: { name: string; sides: Side[] }[];
}

export function compareModels(old: ApiModel, new_: ApiModel): RuleResult {
  const d = new Differ(old, new_);
  compareApi(d);
  compareSchemes(d);
  const common = compareModelSets(d);
  const operations = matchOperations(d);
  for (const pair of operations) compareOperation(d, pair);
  drain(d);
  // Models no operation reaches (webhook payloads, leftovers) are read by consumers, if anything: compare them as responses.
  for (const name of common) if (!d.reached('request', name, name) && !d.reached('response', name, name)) d.reach(`model:${name}`, 'response', name, name);
  drain(d);
  d.resolveScopes();
  const models = common.map((name) => ({ name, sides: (['request', 'response'] as const).filter((s) => d.reached(s, name, name)) }));
  return { changes: d.changes, operations, models };
}

function drain(d: Differ): void {
  for (let next = d.next(); next; next = d.next()) {
    const { side, oldName, newName } = next;
    const o = d.oldSchemas.get(oldName);
    const n = d.newSchemas.get(newName);
    if (!o || !n) continue;
    const label = oldName === newName ? oldName : `${newName} (was ${oldName})`;
    compareSchema(d, o.schema, n.schema, { side, origin: pairOrigin(side, oldName, newName), label, schema: oldName, namedRoot: true });
  }
}

/** Removed, renamed (same schema under another name) and added models; returns the names in both. */
function compareModelSets(d: Differ): string[] {
  const removed = d.old.schemas.filter((s) => !d.newSchemas.has(s.typeName));
  const added = new Map(d.new_.schemas.filter((s) => !d.oldSchemas.has(s.typeName)).map((s) => [s.typeName, s]));
  for (const s of removed) {
    const twin = [...added.values()].find((a) => canonical(a.json) === canonical(s.json));
    const origin = `model:${s.typeName}`;
    if (twin) {
      added.delete(twin.typeName);
      d.report(origin, 'model-renamed', `model ${s.typeName} renamed to ${twin.typeName}`, { schema: s.typeName, old: s.loc, new: twin.loc });
    } else {
      d.report(origin, 'model-removed', `model ${s.typeName} removed`, { schema: s.typeName, old: s.loc });
    }
  }
  for (const s of added.values()) d.report(`model:${s.typeName}`, 'model-added', `model ${s.typeName} added`, { schema: s.typeName, new: s.loc });
  const common = d.old.schemas.filter((s) => d.newSchemas.has(s.typeName)).map((s) => s.typeName);
  compareInputVariants(d, common);
  return common;
}

/** `<Model>Input` exists while a model (or one it reaches) has read-only properties. */
function compareInputVariants(d: Differ, common: string[]): void {
  const before = findInputVariants(d.old);
  const after = findInputVariants(d.new_);
  for (const name of common) {
    const at = { schema: name, old: d.oldSchemas.get(name)!.loc, new: d.newSchemas.get(name)!.loc };
    if (before.has(name) && !after.has(name)) d.report(`model:${name}`, 'model-removed', `model ${name}Input removed (${name} has no read-only properties left)`, at);
    if (!before.has(name) && after.has(name)) d.report(`model:${name}`, 'model-added', `model ${name}Input added (${name} has read-only properties now)`, at);
  }
}

/** The document, its servers, the client class and its options, method override and the error format. */
function compareApi(d: Differ): void {
  const { old: o, new_: n } = d;
  const at = { old: o.loc, new: n.loc };
  const say = (code: string, message: string) => d.report('client', code, message, at);
  if (o.title !== n.title) say('title-changed', 'API title changed');
  if ((o.description ?? '') !== (n.description ?? '')) say('description-changed', 'API description changed');
  if ((o.servers[0]?.url ?? '') !== (n.servers[0]?.url ?? '')) say('server-changed', `default server changed from ${o.servers[0]?.url ?? 'none'} to ${n.servers[0]?.url ?? 'none'}`);
  else if (!sameValue(o.servers, n.servers)) say('server-list-changed', 'server list changed');
  if (o.client.className !== n.client.className) say('client-renamed', `client class renamed from ${o.client.className} to ${n.client.className}`);
  const before = clientSettings(o).settings;
  const after = new Map(clientSettings(n).settings.map((s) => [s.option, s]));
  for (const s of before) {
    const t = after.get(s.option);
    if (!t) say('client-option-removed', `client option ${s.option} removed`);
    else if ((s.env ?? '') !== (t.env ?? '')) say('client-env-changed', `client option ${s.option} now falls back to ${t.env ? `$${t.env}` : 'no environment variable'} instead of ${s.env ? `$${s.env}` : 'none'}`);
  }
  if (!o.methodOverride && n.methodOverride) say('method-override-added', 'PUT and DELETE may now be sent as POST (methodOverride)');
  if (o.methodOverride && !n.methodOverride) say('method-override-removed', 'method override (PUT and DELETE as POST) removed');
  const errorFields = (m: ApiModel) => ({ ...m.errors, schema: undefined });
  if (!sameValue(errorFields(o), errorFields(n))) say('error-format-changed', 'error body fields (x-switchboard-errors) changed');
  if (!sameValue(o.rateLimit, n.rateLimit)) say('rate-limit-changed', 'documented rate limit changed');
}

export type { FoundChange, Side } from './differ.js';
export type { OperationPair } from './operations.js';
