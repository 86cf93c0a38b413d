/**
 * Compares two schema nodes on one side of the wire. The side decides the
 * class: on the request side a value the consumer builds must still be
 * accepted (narrowing breaks), on the response side a value the consumer
 * reads must still fit what it expects (widening breaks). A named schema
 * `$ref` is not descended into here: the pair is queued (`Differ.reach`) and
 * compared once, so a change inside `Call` is reported once, in `Call`.
 */
import type { ObjectSchemaNode, SchemaNode } from '../../model/types.js';
import { codeInfo } from '../codes.js';
import { compareConstraints, compareDocs } from './docs.js';
import type { Differ, Side } from './differ.js';

export interface SchemaCtx {
  side: Side;
  origin: string;
  /** Names the node in messages: `MakeCallRequest.to`, `makeCall body`. */
  label: string;
  operationId?: string;
  schema?: string;
  /** The node is the root of a named model, which the client prints as an interface. */
  namedRoot?: boolean;
  /** `$ref`s followed against an inline schema on the way here (cycle guard). */
  followed?: ReadonlySet<string>;
}

const UNKNOWN: SchemaNode = { kind: 'unknown', loc: { file: '', pointer: '#', line: 0, col: 0 }, nullable: false, readOnly: false, writeOnly: false, deprecated: false };

export function compareSchema(d: Differ, o: SchemaNode, n: SchemaNode, ctx: SchemaCtx): void {
  const where = { operationId: ctx.operationId, schema: ctx.schema, old: o.loc, new: n.loc };
  const say = (code: string, message: string) => d.report(ctx.origin, code, `${ctx.label}: ${message}`, where);
  compareDocs(d, o, n, ctx);
  if (o.kind === 'ref' && n.kind === 'ref') {
    compareNullable(o, n, ctx, say);
    d.reach(ctx.origin, ctx.side, o.target, n.target);
    if (o.target !== n.target) say('description-changed', `now refers to ${n.target} instead of ${o.target}`);
    return;
  }
  // A union (or allOf) against a `$ref` is compared variant by variant, unless the ref names a union (or allOf) itself.
  const refTo = (node: SchemaNode, schemas: Differ['oldSchemas']) => (node.kind === 'ref' ? schemas.get(node.target)?.schema.kind : undefined);
  const composite = (kind: 'union' | 'intersection') =>
    (o.kind === kind || n.kind === kind) && refTo(o, d.oldSchemas) !== kind && refTo(n, d.newSchemas) !== kind;
  if (composite('union')) return compareUnion(d, o, n, ctx, say);
  if (composite('intersection')) return compareIntersection(d, o, n, ctx, say);
  if (o.kind === 'ref' || n.kind === 'ref') return followRef(d, o, n, ctx);
  if (o.kind !== 'unknown' && n.kind !== 'unknown') compareNullable(o, n, ctx, say);
  if (o.kind === 'unknown' || n.kind === 'unknown') {
    if (o.kind !== n.kind) shape(ctx.side, o.kind === 'unknown' ? 'narrowed' : 'widened', say, `type changed from ${describe(o)} to ${describe(n)}`);
    return;
  }
  if (o.kind === 'union' || n.kind === 'union') return compareUnion(d, o, n, ctx, say);
  if (o.kind === 'intersection' || n.kind === 'intersection') return compareIntersection(d, o, n, ctx, say);
  if (o.kind === 'enum' || n.kind === 'enum') return compareEnum(o, n, ctx, say);
  if (o.kind !== n.kind) return say(`${ctx.side}-type-changed`, `type changed from ${describe(o)} to ${describe(n)}`);
  if (o.kind === 'primitive' && n.kind === 'primitive') {
    if (o.type !== n.type && !(isNumeric(o.type) && isNumeric(n.type))) return say(`${ctx.side}-type-changed`, `type changed from ${o.type} to ${n.type}`);
    compareConstraints(d, o, n, ctx);
  } else if (o.kind === 'array' && n.kind === 'array') {
    compareConstraints(d, o, n, ctx);
    compareSchema(d, o.items, n.items, { ...ctx, label: `${ctx.label}[]`, namedRoot: false });
  } else if (o.kind === 'object' && n.kind === 'object') {
    compareObject(d, o, n, ctx, say);
  }
}

type Say = (code: string, message: string) => void;

/** A widening or narrowing: which of the two breaks depends on the side. */
function shape(side: Side, how: 'widened' | 'narrowed', say: Say, message: string): void {
  say(`${side}-type-${how}`, message);
}

function compareNullable(o: SchemaNode, n: SchemaNode, ctx: SchemaCtx, say: Say): void {
  const [a, b] = [nullable(o), nullable(n)];
  if (a && !b) shape(ctx.side, 'narrowed', say, 'no longer nullable');
  else if (!a && b) shape(ctx.side, 'widened', say, 'now nullable');
}

/** Null is accepted: by the node, or (for a union) by any of its variants. */
function nullable(node: SchemaNode): boolean {
  return node.nullable || (node.kind === 'union' && node.variants.some((v) => v.nullable));
}

/** A `$ref` on one side against an inline schema on the other: compare the referenced schema in place. */
function followRef(d: Differ, o: SchemaNode, n: SchemaNode, ctx: SchemaCtx): void {
  const key = o.kind === 'ref' ? `old:${o.target}` : n.kind === 'ref' ? `new:${n.target}` : '';
  if (ctx.followed?.has(key)) return;
  const target = (node: SchemaNode, schemas: Differ['oldSchemas']) => (node.kind === 'ref' ? schemas.get(node.target)?.schema : node);
  const oo = target(o, d.oldSchemas);
  const nn = target(n, d.newSchemas);
  if (!oo || !nn) return;
  const nullable = (node: SchemaNode, via: SchemaNode): SchemaNode => (via.kind === 'ref' && via.nullable ? { ...node, nullable: true } : node);
  compareSchema(d, nullable(oo, o), nullable(nn, n), { ...ctx, namedRoot: false, followed: new Set([...(ctx.followed ?? []), key]) });
}

function compareEnum(o: SchemaNode, n: SchemaNode, ctx: SchemaCtx, say: Say): void {
  if (o.kind === 'enum' && n.kind === 'enum') {
    const before = new Set(o.values.map((v) => JSON.stringify(v)));
    const after = new Set(n.values.map((v) => JSON.stringify(v)));
    for (const v of after) if (!before.has(v)) say(`${ctx.side}-enum-value-added`, `enum value ${v} added`);
    for (const v of before) if (!after.has(v)) say(`${ctx.side}-enum-value-removed`, `enum value ${v} removed`);
    return;
  }
  // An enum against a plain type: narrowing or widening when the values are of that type.
  const [e, p, how] = o.kind === 'enum' ? [o, n, 'widened' as const] : [n as Extract<SchemaNode, { kind: 'enum' }>, o, 'narrowed' as const];
  const fits = p.kind === 'primitive' && e.kind === 'enum' && e.values.every((v) => valueType(v) === p.type || (isNumeric(p.type) && typeof v === 'number'));
  if (fits) shape(ctx.side, how, say, how === 'narrowed' ? `restricted to ${describe(n)}` : `no longer restricted to ${describe(o)}`);
  else say(`${ctx.side}-type-changed`, `type changed from ${describe(o)} to ${describe(n)}`);
}

function compareObject(d: Differ, o: ObjectSchemaNode, n: ObjectSchemaNode, ctx: SchemaCtx, say: Say): void {
  const visible = (node: ObjectSchemaNode) => new Map(node.properties.filter((p) => (ctx.side === 'request' ? !p.schema.readOnly : !p.schema.writeOnly)).map((p) => [p.name, p]));
  const before = visible(o);
  const after = visible(n);
  const at = (name: string) => `property ${JSON.stringify(name)}`;
  for (const [name, p] of before) {
    const q = after.get(name);
    const where = { operationId: ctx.operationId, schema: ctx.schema, old: p.schema.loc, ...(q ? { new: q.schema.loc } : { new: n.loc }) };
    if (!q) {
      d.report(ctx.origin, `${ctx.side}-property-removed`, `${ctx.label}: ${at(name)} removed`, where);
      continue;
    }
    if (p.required !== q.required) {
      const code = `${ctx.side}-property-became-${q.required ? 'required' : 'optional'}`;
      d.report(ctx.origin, code, `${ctx.label}: ${at(name)} became ${q.required ? 'required' : 'optional'}`, where);
    }
    compareSchema(d, p.schema, q.schema, { ...ctx, label: `${ctx.label}.${name}`, namedRoot: false });
  }
  for (const [name, q] of after) {
    if (before.has(name)) continue;
    const where = { operationId: ctx.operationId, schema: ctx.schema, old: o.loc, new: q.schema.loc };
    const code = ctx.side === 'response' ? 'response-property-added' : `request-property-added-${q.required ? 'required' : 'optional'}`;
    d.report(ctx.origin, code, `${ctx.label}: ${at(name)} added${ctx.side === 'request' ? ` (${q.required ? 'required' : 'optional'})` : ''}`, where);
  }
  compareAdditional(d, o, n, ctx, say, before.size > 0 || after.size > 0);
}

/**
 * `additionalProperties`. With properties the client writes an index
 * signature of `unknown` (only presence matters); without, `Record<string, T>`
 * (the value type matters). An interface (a named model's root) has no
 * implicit index signature, so adding one on the request side, or removing it
 * on the response side, makes the old interface unassignable.
 */
function compareAdditional(d: Differ, o: ObjectSchemaNode, n: ObjectSchemaNode, ctx: SchemaCtx, say: Say, withProperties: boolean): void {
  const had = o.additional !== false;
  const has = n.additional !== false;
  if (!withProperties) {
    const schema = (a: ObjectSchemaNode['additional']) => (typeof a === 'object' ? a : UNKNOWN);
    if (typeof o.additional === 'object' || typeof n.additional === 'object') {
      compareSchema(d, schema(o.additional), schema(n.additional), { ...ctx, label: `${ctx.label}[key]`, namedRoot: false });
    }
    return;
  }
  if (had === has) return;
  if (ctx.side === 'request') {
    if (had) say('request-additional-properties-removed', 'no longer accepts additional properties');
    else if (ctx.namedRoot) say('request-type-narrowed', 'now accepts additional properties (an index signature the old interface lacks)');
    else say('request-type-widened', 'now accepts additional properties');
  } else if (had) {
    say(ctx.namedRoot ? 'response-type-changed' : 'response-type-narrowed', 'no longer has additional properties');
  } else {
    say('response-type-narrowed', 'may now have additional properties');
  }
}

function compareUnion(d: Differ, o: SchemaNode, n: SchemaNode, ctx: SchemaCtx, say: Say): void {
  compareNullable(o, n, ctx, say);
  const before = keyed(variants(o));
  const after = keyed(variants(n));
  const removed = [...before.keys()].filter((k) => !after.has(k));
  const added = [...after.keys()].filter((k) => !before.has(k));
  for (const [key, node] of before) {
    const match = after.get(key);
    if (match) compareSchema(d, node, match, { ...ctx, label: `${ctx.label}|${key.replace(/#\d+$/, '')}`, namedRoot: false });
  }
  if (removed.length === 1 && added.length === 1) {
    compareSchema(d, before.get(removed[0])!, after.get(added[0])!, { ...ctx, namedRoot: false });
    return;
  }
  // A variant removed from a request narrows it only if no remaining variant accepts what it accepted.
  for (const key of removed) {
    if (ctx.side === 'request' && [...after.values()].some((v) => covers(d, before.get(key)!, v, ctx))) continue;
    shape(ctx.side, 'narrowed', say, `variant ${key.replace(/#\d+$/, '')} removed`);
  }
  for (const key of added) shape(ctx.side, 'widened', say, `variant ${key.replace(/#\d+$/, '')} added`);
}

/** Whether comparing `o` with `n` on this side finds nothing that breaks (asked of a scratch differ, nothing reported). */
function covers(d: Differ, o: SchemaNode, n: SchemaNode, ctx: SchemaCtx): boolean {
  if (o.kind === 'ref' && n.kind === 'ref' && o.target === n.target) return true;
  const deref = (node: SchemaNode, schemas: Differ['oldSchemas']) => (node.kind === 'ref' ? schemas.get(node.target)?.schema : node);
  const [a, b] = [deref(o, d.oldSchemas), deref(n, d.newSchemas)];
  if (!a || !b || a.kind !== b.kind) return false;
  const scratch = d.scratch();
  compareSchema(scratch, a, b, { ...ctx, origin: 'scratch', namedRoot: false });
  return !scratch.reachedOtherNames() && scratch.changes.every((c) => codeInfo(c.code).kind !== 'breaking');
}

/**
 * A union's variants as compared: null is the union's business (compared
 * once, above), and its enum variants are one set of literals, however the
 * spec splits them (`enum: [a, b]` or `enum: [a]` and `enum: [b]`).
 */
function variants(node: SchemaNode): SchemaNode[] {
  const list = (node.kind === 'union' ? node.variants : [node]).map((v) => (v.nullable ? { ...v, nullable: false } : v));
  const enums = list.filter((v): v is Extract<SchemaNode, { kind: 'enum' }> => v.kind === 'enum');
  if (enums.length < 2) return list;
  const values = [...new Map(enums.flatMap((e) => e.values).map((v) => [JSON.stringify(v), v])).values()];
  return [{ ...enums[0], values }, ...list.filter((v) => v.kind !== 'enum')];
}

/**
 * allOf: parts present on both sides (the same `$ref`, or an inline part of
 * the same kind) are compared as they are, so a change inside a referenced
 * model is reported once, in that model; what is left on each side is
 * compared as the object it makes when its parts are all objects.
 */
function compareIntersection(d: Differ, o: SchemaNode, n: SchemaNode, ctx: SchemaCtx, say: Say): void {
  compareNullable(o, n, ctx, say);
  const parts = (node: SchemaNode) => (node.kind === 'intersection' ? node.parts : [node]);
  const before = keyed(parts(o));
  const after = keyed(parts(n));
  const inner = { ...ctx, namedRoot: false };
  for (const [key, part] of before) if (after.has(key)) compareSchema(d, part, after.get(key)!, inner);
  const rest = (map: Map<string, SchemaNode>, other: Map<string, SchemaNode>, like: SchemaNode): SchemaNode => {
    const left = [...map].filter(([key]) => !other.has(key)).map(([, part]) => part);
    return { ...like, kind: 'intersection', parts: left };
  };
  const oldRest = rest(before, after, o);
  const newRest = rest(after, before, n);
  if (oldRest.kind !== 'intersection' || newRest.kind !== 'intersection' || (oldRest.parts.length === 0 && newRest.parts.length === 0)) return;
  // An empty rest is an object with no properties of its own, as open as the other side.
  const flat = (r: SchemaNode & { kind: 'intersection' }, schemas: Differ['oldSchemas']) => (r.parts.length === 0 ? null : flatten(r, schemas));
  const oo = flat(oldRest, d.oldSchemas);
  const nn = flat(newRest, d.newSchemas);
  const empty = (like: SchemaNode, other: ObjectSchemaNode): ObjectSchemaNode => ({ ...like, kind: 'object', properties: [], additional: other.additional });
  if (oo !== undefined && nn !== undefined) return compareObject(d, oo ?? empty(o, nn!), nn ?? empty(n, oo!), inner, say);
  say(`${ctx.side}-type-changed`, `type changed from ${describe(o)} to ${describe(n)}`);
}

/** The properties of an allOf of objects (following `$ref`s), as one object; undefined when a part is not an object. */
function flatten(node: SchemaNode, schemas: Differ['oldSchemas'], seen = new Set<string>()): ObjectSchemaNode | undefined {
  if (node.kind === 'ref') {
    if (seen.has(node.target)) return undefined;
    const target = schemas.get(node.target)?.schema;
    return target ? flatten(target, schemas, new Set([...seen, node.target])) : undefined;
  }
  if (node.kind === 'object') return node;
  if (node.kind !== 'intersection') return undefined;
  const parts = node.parts.map((p) => flatten(p, schemas, seen));
  if (parts.some((p) => !p)) return undefined;
  const properties = new Map<string, ObjectSchemaNode['properties'][number]>();
  for (const part of parts as ObjectSchemaNode[]) {
    for (const p of part.properties) {
      const prior = properties.get(p.name);
      properties.set(p.name, prior ? { ...prior, required: prior.required || p.required } : p);
    }
  }
  const open = (parts as ObjectSchemaNode[]).every((p) => p.additional !== false);
  return { ...node, kind: 'object', properties: [...properties.values()], additional: open };
}

/** Variants by a key that survives reordering: the ref target, the primitive type, the kind; repeats get `#2`. */
function keyed(variants: SchemaNode[]): Map<string, SchemaNode> {
  const out = new Map<string, SchemaNode>();
  for (const v of variants) {
    const base = v.kind === 'ref' ? v.target : v.kind === 'primitive' ? (isNumeric(v.type) ? 'number' : v.type) : v.kind;
    let key = base;
    for (let i = 2; out.has(key); i++) key = `${base}#${i}`;
    out.set(key, v);
  }
  return out;
}

function isNumeric(type: string): boolean {
  return type === 'number' || type === 'integer';
}

function valueType(v: unknown): string {
  return v === null ? 'null' : typeof v;
}

/** A short name of a schema for messages. */
export function describe(node: SchemaNode): string {
  switch (node.kind) {
    case 'ref':
      return node.target;
    case 'primitive':
      return node.type;
    case 'enum':
      return node.values.map((v) => JSON.stringify(v)).join(' | ');
    case 'array':
      return `${describe(node.items)}[]`;
    default:
      return node.kind;
  }
}
