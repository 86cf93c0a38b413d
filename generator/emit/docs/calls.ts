/**
 * How the docs call an operation through the generated client: the method
 * path, the example `params` object, and what the call resolves to. Follows
 * the client API contract (one `params` object keyed by wire name, `body`
 * for the request body, account parameters filled in from configuration).
 */
import { commentText } from '../../model/names.js';
import type { ApiModel, MediaNode, OperationNode, ParamNode, SchemaNode, TagNode } from '../../model/types.js';
import { exampleFor, valueText } from './examples.js';

type Resolve = (target: string) => SchemaNode | undefined;

/** `client.calls.listCalls`. Both names are safe identifiers from the model. */
export function methodPath(tag: TagNode, op: OperationNode): string {
  return `client.${tag.propertyName}.${op.methodName}`;
}

/** The auto-paging iterator's name: `listCalls` → `listAllCalls`, `search` → `searchAll`. */
export function iteratorName(op: OperationNode): string {
  return op.methodName.startsWith('list') ? `listAll${op.methodName.slice(4)}` : `${op.methodName}All`;
}

/** Parameters the caller never needs to pass in an example (filled from config, paging, async). */
function skipped(op: OperationNode, p: ParamNode): boolean {
  if (p.account) return true;
  const pg = op.pagination;
  if (pg && [pg.limitParam, pg.offsetParam, pg.pageParam, pg.pageSizeParam].includes(p.name)) return true;
  return op.async !== undefined && (p.name === op.async.urlParam || p.name === op.async.methodParam);
}

/** Every parameter the client takes, in order: path, query, header (cookies are not part of the contract). */
export function clientParams(op: OperationNode): ParamNode[] {
  return [...op.params.path, ...op.params.query, ...op.params.header];
}

/** Whether `params` may be left out: no required input at all. */
export function paramsOptional(op: OperationNode): boolean {
  return !clientParams(op).some((p) => p.required && !p.account) && !op.body?.required;
}

/** The example `params` object for an operation, or undefined when the call needs none. */
export function exampleParams(op: OperationNode, resolve: Resolve): Record<string, unknown> | undefined {
  const params: Record<string, unknown> = {};
  for (const p of clientParams(op)) {
    if (skipped(op, p) || (!p.required && p.example === undefined)) continue;
    params[p.name] = exampleFor(p.schema, resolve, [p.example, p.schema.example]);
  }
  const media = requestMedia(op);
  if (media && (op.body?.required || media.example !== undefined)) {
    params.body = exampleFor(media.schema, resolve, [media.example, ...media.examples.map((e) => e.value)]);
  }
  return Object.keys(params).length === 0 && paramsOptional(op) ? undefined : params;
}

/** The request body's first media type (the one the client sends). */
export function requestMedia(op: OperationNode): MediaNode | undefined {
  return op.body?.contents[0];
}

/** The call expression with its example params, e.g. `client.calls.getCall({ call_uuid: '…' })`. */
export function callText(tag: TagNode, op: OperationNode, resolve: Resolve, method = op.methodName, options = '', extra: Record<string, unknown> = {}): string {
  const found = exampleParams(op, resolve);
  const params = found === undefined && Object.keys(extra).length === 0 ? undefined : { ...found, ...extra };
  const args = [params === undefined ? (options ? 'undefined' : '') : valueText(params), options].filter(Boolean);
  return `client.${tag.propertyName}.${method}(${args.join(', ')})`;
}

/** What a successful call resolves to. */
export type ResultKind = 'void' | 'binary' | 'json';

/** The 2xx responses that carry a body. */
export function successContents(op: OperationNode): MediaNode[] {
  return op.responses.filter((r) => /^2/.test(r.status)).flatMap((r) => r.contents);
}

export function resultKind(op: OperationNode): ResultKind {
  const contents = successContents(op);
  if (contents.length === 0) return 'void';
  return contents.every((m) => m.schema.kind === 'binary') ? 'binary' : 'json';
}

/** Environment variables the client reads, with the option each one stands for. */
export function envVars(model: ApiModel): { option: string; env: string }[] {
  const out: { option: string; env: string }[] = [];
  const creds = model.client.credentials;
  for (const c of creds ? [creds.username, creds.password] : []) if (c.env) out.push({ option: c.option, env: c.env });
  for (const op of model.operations) {
    for (const p of clientParams(op)) {
      const a = p.account;
      if (a?.from === 'option' && a.option && a.env && !out.some((o) => o.env === a.env)) out.push({ option: a.option, env: a.env });
    }
  }
  return out;
}

/** Text for a `//` comment: no line break can end it early. */
export function lineComment(text: string): string {
  return commentText(text).replace(/\s+/g, ' ');
}
