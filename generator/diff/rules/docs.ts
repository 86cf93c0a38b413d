/**
 * What a schema says beside its type: descriptions, titles, examples and
 * defaults (docs, a patch), deprecation (a minor, as semver asks), and the
 * constraints TypeScript cannot express (minimum, pattern, format, integer
 * against number): on the request side a tighter one rejects calls that
 * worked, so it breaks; on the response side it is documentation.
 */
import type { Constraints, SchemaNode } from '../../model/types.js';
import type { Differ } from './differ.js';
import type { SchemaCtx } from './schemas.js';

export function compareDocs(d: Differ, o: SchemaNode, n: SchemaNode, ctx: SchemaCtx): void {
  const say = (code: string, message: string) =>
    d.report(ctx.origin, code, `${ctx.label}: ${message}`, { operationId: ctx.operationId, schema: ctx.schema, old: o.loc, new: n.loc });
  if ((o.description ?? '') !== (n.description ?? '')) say('description-changed', 'description changed');
  if ((o.title ?? '') !== (n.title ?? '')) say('title-changed', 'title changed');
  if (!sameValue(o.example, n.example)) say('example-changed', 'example changed');
  if (!sameValue(o.default, n.default)) say('default-changed', `default changed from ${show(o.default)} to ${show(n.default)}`);
  if (!o.deprecated && n.deprecated) say('property-deprecated', 'deprecated');
}

type Direction = 'tighter' | 'looser' | 'same';

const LOWER: (keyof Constraints)[] = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems'];
const UPPER: (keyof Constraints)[] = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems'];

export function compareConstraints(d: Differ, o: SchemaNode, n: SchemaNode, ctx: SchemaCtx): void {
  const say = (code: string, message: string) =>
    d.report(ctx.origin, code, `${ctx.label}: ${message}`, { operationId: ctx.operationId, schema: ctx.schema, old: o.loc, new: n.loc });
  for (const { what, direction } of constraintChanges(o, n)) {
    if (ctx.side === 'response') say('response-constraint-changed', what);
    else if (direction === 'tighter') say('request-constraint-tightened', what);
    else say('request-constraint-relaxed', what);
  }
}

function constraintChanges(o: SchemaNode, n: SchemaNode): { what: string; direction: Direction }[] {
  const out: { what: string; direction: Direction }[] = [];
  const a = 'constraints' in o ? o.constraints : {};
  const b = 'constraints' in n ? n.constraints : {};
  for (const key of LOWER) push(out, key, a[key] as number | undefined, b[key] as number | undefined, (x, y) => y > x);
  for (const key of UPPER) push(out, key, a[key] as number | undefined, b[key] as number | undefined, (x, y) => y < x);
  push(out, 'multipleOf', a.multipleOf, b.multipleOf, (x, y) => y % x !== 0);
  pushExact(out, 'pattern', a.pattern, b.pattern);
  if (!a.uniqueItems !== !b.uniqueItems) out.push({ what: b.uniqueItems ? 'items must now be unique' : 'items no longer need to be unique', direction: b.uniqueItems ? 'tighter' : 'looser' });
  pushExact(out, 'format', o.format, n.format);
  if (o.kind === 'primitive' && n.kind === 'primitive' && o.type !== n.type) {
    out.push({ what: `type changed from ${o.type} to ${n.type}`, direction: n.type === 'integer' ? 'tighter' : 'looser' });
  }
  return out;
}

/** A bound: added, removed or moved; `tighter(old, new)` says which way a move goes. */
function push<T extends number>(out: { what: string; direction: Direction }[], key: string, x: T | undefined, y: T | undefined, tighter: (x: T, y: T) => boolean): void {
  if (x === y) return;
  if (x === undefined) out.push({ what: `${key} ${y} added`, direction: 'tighter' });
  else if (y === undefined) out.push({ what: `${key} ${x} removed`, direction: 'looser' });
  else out.push({ what: `${key} changed from ${x} to ${y}`, direction: tighter(x, y) ? 'tighter' : 'looser' });
}

/** A constraint that is either there or not (pattern, format): any new or different value is tighter. */
function pushExact(out: { what: string; direction: Direction }[], key: string, x: string | undefined, y: string | undefined): void {
  if (x === y) return;
  if (y === undefined) out.push({ what: `${key} ${JSON.stringify(x)} removed`, direction: 'looser' });
  else out.push({ what: x === undefined ? `${key} ${JSON.stringify(y)} added` : `${key} changed from ${JSON.stringify(x)} to ${JSON.stringify(y)}`, direction: 'tighter' });
}

export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** JSON with sorted keys, so that key order alone is no change. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v,
  ) ?? 'undefined';
}

function show(value: unknown): string {
  return value === undefined ? 'none' : canonical(value);
}
