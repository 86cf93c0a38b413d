/**
 * Operations: matched by operationId (or, when the id changed, by method and
 * path), then compared the way the client exposes them: where the method
 * lives (`client.<group>.<method>`), its params by wire name with the body
 * under `body`, the media type it sends, its 2xx result, security, paging and
 * the async and rate-limit extensions.
 */
import { callParams, isBinary, isJson, requestMedia, successes } from '../../emit/client/operation-types.js';
import type { ApiModel, MediaNode, OperationNode, ParamNode, ResponseNode } from '../../model/types.js';
import { sameValue } from './docs.js';
import type { Differ, Where } from './differ.js';
import { compareSchema } from './schemas.js';
import { compareSecurity } from './security.js';

export interface OperationPair {
  old: OperationNode;
  new: OperationNode;
}

/** Matches operations; reports the removed and added ones and returns the pairs. */
export function matchOperations(d: Differ): OperationPair[] {
  const byId = new Map(d.new_.operations.map((op) => [op.operationId, op]));
  const pairs: OperationPair[] = [];
  const unmatchedOld: OperationNode[] = [];
  for (const op of d.old.operations) {
    const match = byId.get(op.operationId);
    if (match) {
      pairs.push({ old: op, new: match });
      byId.delete(op.operationId);
    } else unmatchedOld.push(op);
  }
  const byRoute = new Map([...byId.values()].map((op) => [route(op), op]));
  for (const op of unmatchedOld) {
    const match = byRoute.get(route(op));
    if (match) {
      pairs.push({ old: op, new: match });
      byRoute.delete(route(op));
      byId.delete(match.operationId);
    } else {
      d.report(`op:${op.operationId}`, 'operation-removed', `${label(op)} removed`, { operationId: op.operationId, old: op.loc });
    }
  }
  for (const op of byId.values()) d.report(`op:${op.operationId}`, 'operation-added', `${label(op)} added`, { operationId: op.operationId, new: op.loc });
  return pairs;
}

export function compareOperation(d: Differ, pair: OperationPair): void {
  const { old: o, new: n } = pair;
  const origin = `op:${o.operationId}`;
  const where: Where = { operationId: o.operationId, old: o.loc, new: n.loc };
  const say = (code: string, message: string, at: Where = where) => d.report(origin, code, `${label(o)}: ${message}`, at);
  compareIdentity(d, o, n, say);
  if (o.summary !== n.summary) say('summary-changed', 'summary changed');
  if (o.description !== n.description) say('description-changed', 'description changed');
  if (!o.deprecated && n.deprecated) say('operation-deprecated', 'deprecated');
  if (o.deprecated && !n.deprecated) say('operation-undeprecated', 'no longer deprecated');
  compareParams(d, o, n, origin);
  compareBody(d, o, n, origin, say);
  compareResponses(d, o, n, origin, say);
  compareSecurity(o, n, say);
  compareExtensions(o, n, say);
}

/** Where the method is and what it is called. */
function compareIdentity(d: Differ, o: OperationNode, n: OperationNode, say: (code: string, message: string) => void): void {
  if (o.path !== n.path) say('path-changed', `path changed from ${o.path} to ${n.path}`);
  if (o.method !== n.method) say('method-changed', `method changed from ${o.method.toUpperCase()} to ${n.method.toUpperCase()}`);
  const oldGroup = groupOf(d.old, o);
  const newGroup = groupOf(d.new_, n);
  if (oldGroup !== newGroup) say('operation-moved', `moved from client.${oldGroup} to client.${newGroup}`);
  if (o.methodName !== n.methodName) say('operation-renamed', `method renamed from ${o.methodName} to ${n.methodName}`);
  else if (o.operationId !== n.operationId) say('operation-id-changed', `operationId changed from ${o.operationId} to ${n.operationId}`);
  if (o.typeName !== n.typeName && o.methodName === n.methodName) say('operation-types-renamed', `types renamed from ${o.typeName}… to ${n.typeName}…`);
}

function compareParams(d: Differ, o: OperationNode, n: OperationNode, origin: string): void {
  const before = new Map(callParams(o).map((p) => [p.name, p]));
  const after = new Map(callParams(n).map((p) => [p.name, p]));
  const required = (p: ParamNode) => p.required && !p.account;
  const say = (code: string, p: ParamNode | undefined, q: ParamNode | undefined, message: string) =>
    d.report(origin, code, `${label(o)}: parameter ${JSON.stringify((p ?? q)!.name)} ${message}`, { operationId: o.operationId, ...(p ? { old: p.loc } : { old: o.loc }), ...(q ? { new: q.loc } : { new: n.loc }) });
  for (const [name, p] of before) {
    const q = after.get(name);
    if (!q) {
      say('param-removed', p, undefined, 'removed');
      continue;
    }
    if (p.in !== q.in) say('param-location-changed', p, q, `moved from ${p.in} to ${q.in}`);
    else if (p.style !== q.style || p.explode !== q.explode) say('param-serialization-changed', p, q, `serialization changed from ${p.style}${p.explode ? '+explode' : ''} to ${q.style}${q.explode ? '+explode' : ''}`);
    if (required(p) !== required(q)) say(`param-became-${required(q) ? 'required' : 'optional'}`, p, q, `became ${required(q) ? 'required' : 'optional'}`);
    if (!p.deprecated && q.deprecated) say('param-deprecated', p, q, 'deprecated');
    if ((p.description ?? '') !== (q.description ?? '')) say('description-changed', p, q, 'description changed');
    if (!sameValue(p.example, q.example)) say('example-changed', p, q, 'example changed');
    compareSchema(d, p.schema, q.schema, { side: 'request', origin, label: `${label(o)}: parameter ${JSON.stringify(name)}`, operationId: o.operationId });
  }
  for (const [name, q] of after) {
    if (before.has(name)) continue;
    say(`param-added-${required(q) ? 'required' : 'optional'}`, undefined, q, `added (${required(q) ? 'required' : 'optional'})`);
  }
}

function compareBody(d: Differ, o: OperationNode, n: OperationNode, origin: string, say: (code: string, message: string, at?: Where) => void): void {
  const a = requestMedia(o);
  const b = requestMedia(n);
  if (!o.body || !a) {
    if (n.body && b) say(`body-added-${n.body.required ? 'required' : 'optional'}`, `request body added (${n.body.required ? 'required' : 'optional'})`);
    return;
  }
  if (!n.body || !b) return say('body-removed', 'request body removed');
  if (o.body.required !== n.body.required) say(`body-became-${n.body.required ? 'required' : 'optional'}`, `request body became ${n.body.required ? 'required' : 'optional'}`);
  if ((o.body.description ?? '') !== (n.body.description ?? '')) say('description-changed', 'request body description changed', { operationId: o.operationId, old: o.body.loc, new: n.body.loc });
  if (a.mediaType !== b.mediaType) say('request-media-type-changed', `request body is now sent as ${b.mediaType} instead of ${a.mediaType}`, { operationId: o.operationId, old: a.loc, new: b.loc });
  const types = (body: NonNullable<OperationNode['body']>) => new Set(body.contents.map((m) => m.mediaType));
  for (const t of types(n.body)) if (!types(o.body).has(t) && t !== b.mediaType) say('request-media-type-added', `request body also accepted as ${t}`);
  for (const t of types(o.body)) if (!types(n.body).has(t) && t !== a.mediaType) say('request-media-type-removed', `request body no longer accepted as ${t}`);
  if (!sameValue(a.example, b.example)) say('example-changed', 'request body example changed', { operationId: o.operationId, old: a.loc, new: b.loc });
  compareSchema(d, a.schema, b.schema, { side: 'request', origin, label: `${label(o)}: body`, operationId: o.operationId });
}

/** The 2xx responses make the result; error responses are documentation (the client throws ApiError for any of them). */
function compareResponses(d: Differ, o: OperationNode, n: OperationNode, origin: string, say: (code: string, message: string, at?: Where) => void): void {
  const before = new Map(successes(o).map((r) => [r.status, r]));
  const after = new Map(successes(n).map((r) => [r.status, r]));
  for (const [status, r] of after) {
    if (before.has(status)) continue;
    if (before.size === 0) say('response-type-narrowed', `a ${status} response is now declared (the result was untyped)`, { operationId: o.operationId, old: o.loc, new: r.loc });
    else say('response-status-added', `success response ${status} added`, { operationId: o.operationId, old: o.loc, new: r.loc });
  }
  for (const [status, r] of before) {
    const q = after.get(status);
    if (!q) {
      if (after.size === 0) say('response-type-widened', `success response ${status} removed: the result is untyped now`, { operationId: o.operationId, old: r.loc, new: n.loc });
      else say('response-status-removed', `success response ${status} removed`, { operationId: o.operationId, old: r.loc, new: n.loc });
      continue;
    }
    compareResponse(d, o, r, q, isBinary(o), isBinary(n), origin, say);
  }
  const errors = (op: OperationNode) => new Map(op.responses.filter((r) => !/^2/.test(r.status)).map((r) => [r.status, r]));
  const oldErrors = errors(o);
  const newErrors = errors(n);
  for (const [status, r] of newErrors) if (!oldErrors.has(status)) say('error-response-added', `error response ${status} documented`, { operationId: o.operationId, old: o.loc, new: r.loc });
  for (const [status, r] of oldErrors) if (!newErrors.has(status)) say('error-response-removed', `error response ${status} no longer documented`, { operationId: o.operationId, old: r.loc, new: n.loc });
}

function compareResponse(
  d: Differ,
  o: OperationNode,
  r: ResponseNode,
  q: ResponseNode,
  oldBinary: boolean,
  newBinary: boolean,
  origin: string,
  say: (code: string, message: string, at?: Where) => void,
): void {
  const at: Where = { operationId: o.operationId, old: r.loc, new: q.loc };
  if (r.description !== q.description) say('description-changed', `response ${r.status} description changed`, at);
  const a = bodyKind(r, oldBinary);
  const b = bodyKind(q, newBinary);
  // Text, and JSON whose schema is a plain string, are the same `string` to the client.
  const stringJson = (resp: ResponseNode) => resp.contents.every((m) => !isJson(m.mediaType) || (m.schema.kind === 'primitive' && m.schema.type === 'string' && !m.schema.nullable));
  if (a !== b && !(new Set([a, b]).size === 2 && [a, b].every((k) => k === 'text' || k === 'json') && stringJson(r) && stringJson(q))) {
    return say('response-type-changed', `response ${r.status} body changed from ${a} to ${b}`, at);
  }
  if (a !== 'json' || b !== 'json') return;
  const json = (resp: ResponseNode) => resp.contents.filter((m) => isJson(m.mediaType));
  const [x, y] = [json(r), json(q)];
  const ex = (list: MediaNode[]) => list[0]?.example;
  if (!sameValue(ex(x), ex(y))) say('example-changed', `response ${r.status} example changed`, at);
  const pairs: [MediaNode, MediaNode][] = x.length === 1 && y.length === 1 ? [[x[0], y[0]]] : x.flatMap((m): [MediaNode, MediaNode][] => y.filter((k) => k.mediaType === m.mediaType).map((k) => [m, k]));
  for (const [m, k] of pairs) compareSchema(d, m.schema, k.schema, { side: 'response', origin, label: `${label(o)}: response ${r.status}`, operationId: o.operationId });
  if (x.length !== 1 || y.length !== 1) {
    // The result is the union of the media's types: another media type of a schema already there changes nothing.
    const known = (list: MediaNode[], m: MediaNode) => list.some((k) => k.mediaType === m.mediaType || sameValue(k.json, m.json));
    for (const m of y) if (!known(x, m)) say('response-type-widened', `response ${r.status} may also be ${m.mediaType}`, at);
    for (const m of x) if (!known(y, m)) say('response-type-narrowed', `response ${r.status} is no longer ${m.mediaType}`, at);
  }
}

/** What the client makes of a response body: nothing, bytes, text or parsed JSON. */
function bodyKind(r: ResponseNode, binary: boolean): 'none' | 'binary' | 'text' | 'json' | 'mixed' {
  if (r.contents.length === 0) return 'none';
  if (binary) return 'binary';
  const kinds = new Set(r.contents.map((m) => (isJson(m.mediaType) ? 'json' : m.mediaType.startsWith('text/') ? 'text' : 'binary')));
  return kinds.size === 1 ? ([...kinds][0] as 'json' | 'text' | 'binary') : 'mixed';
}

function compareExtensions(o: OperationNode, n: OperationNode, say: (code: string, message: string) => void): void {
  if (!o.pagination && n.pagination) say('paging-added', `now pages (${n.pagination.style})`);
  else if (o.pagination && !n.pagination) say('paging-removed', 'no longer pages: the auto-paging method is gone');
  else if (o.pagination && n.pagination && !sameValue(o.pagination, n.pagination)) say('paging-changed', `paging changed from ${pagingText(o)} to ${pagingText(n)}`);
  if (!o.async && n.async) say('async-added', `can now answer asynchronously through ${n.async.urlParam}`);
  else if (o.async && !n.async) say('async-removed', 'no longer answers asynchronously');
  else if (o.async && n.async && (o.async.urlParam !== n.async.urlParam || o.async.methodParam !== n.async.methodParam || o.async.status !== n.async.status)) {
    say('async-changed', 'asynchronous answer changed');
  }
  if (!sameValue(o.rateLimit, n.rateLimit)) say('rate-limit-changed', 'documented rate limit changed');
}

function pagingText(op: OperationNode): string {
  const p = op.pagination!;
  return `${p.style} (items ${p.items}, next ${p.next})`;
}

function groupOf(model: ApiModel, op: OperationNode): string {
  return model.tags.find((t) => t.name === op.tag)?.propertyName ?? op.tag;
}

function route(op: OperationNode): string {
  return `${op.method} ${op.path}`;
}

/** `makeCall (POST /Account/{auth_id}/Call/)` */
export function label(op: OperationNode): string {
  return `${op.methodName} (${op.method.toUpperCase()} ${op.path})`;
}
