/**
 * How the docs call an operation through the generated client: the method
 * path, the example `params` object, and what the call resolves to. The names
 * and rules come from the client emitter itself (`client-names.ts`,
 * `operation-types.ts`), so the docs show exactly what the package exports.
 */
import { commentText } from '../../model/names.js';
import type { ApiModel, OperationNode, ParamNode, SchemaNode, TagNode } from '../../model/types.js';
import { clientSettings, type ClientNames, type ClientSettings } from '../client/client-names.js';
import { callParams, isBinary, isJson, paramsOptional, requestMedia, successes } from '../client/operation-types.js';
import { call, id, type Expr } from './code-layout.js';
import { exampleFor, patternOf, valueExpr, type ExamplePool } from './examples.js';

export { callParams, paramsOptional, requestMedia };

type Resolve = (target: string) => SchemaNode | undefined;

/** Where example values come from: named schemas, and the spec's example strings. */
export interface ExampleSource {
  resolve: Resolve;
  pool: ExamplePool;
}

/** `client.calls.listCalls`. Both names are safe identifiers from the model. */
export function methodPath(tag: TagNode, op: OperationNode): string {
  return `client.${tag.propertyName}.${op.methodName}`;
}

/** Parameters an example leaves out: filled from config, or optional paging and async ones. */
function skipped(op: OperationNode, p: ParamNode): boolean {
  if (p.account) return true;
  if (p.required) return false;
  const pg = op.pagination;
  if (pg && [pg.limitParam, pg.offsetParam, pg.pageParam, pg.pageSizeParam].includes(p.name)) return true;
  return op.async !== undefined && (p.name === op.async.urlParam || p.name === op.async.methodParam);
}

/** The example `params` object for an operation, or undefined when the call needs none. */
export function exampleParams(op: OperationNode, { resolve, pool }: ExampleSource): Record<string, unknown> | undefined {
  const params: Record<string, unknown> = {};
  for (const p of callParams(op)) {
    if (skipped(op, p) || (!p.required && p.example === undefined)) continue;
    const value = exampleFor(p.schema, resolve, paramCandidates(op, p, resolve, pool));
    Object.defineProperty(params, p.name, { value, enumerable: true, writable: true, configurable: true });
  }
  const media = requestMedia(op);
  if (media && (op.body?.required || media.example !== undefined)) {
    params.body = exampleFor(media.schema, resolve, [media.example, ...media.examples.map((e) => e.value)]);
  }
  return Object.keys(params).length === 0 && paramsOptional(op) ? undefined : params;
}

/** A parameter's own examples, then (for a path parameter with a pattern) the spec's example strings. */
export function paramCandidates(op: OperationNode, p: ParamNode, resolve: Resolve, pool: ExamplePool): unknown[] {
  const target = p.schema.kind === 'ref' ? resolve(p.schema.target) : undefined;
  const fromPool = p.in === 'path' && patternOf(p.schema, resolve) !== undefined ? pool.near(op.path, p.name) : [];
  return [p.example, p.schema.example, target?.example, ...fromPool];
}

/**
 * The call with its example params, e.g. `client.calls.getCall({ call_uuid: '…' })`;
 * `options` is a second argument (the params become `undefined` when there are none).
 */
export function callExpr(tag: TagNode, op: OperationNode, source: ExampleSource, method = op.methodName, options?: Expr, extra: Record<string, unknown> = {}): Expr {
  const found = exampleParams(op, source);
  const params = found === undefined && Object.keys(extra).length === 0 ? undefined : { ...found, ...extra };
  const args = params === undefined ? (options ? [id('undefined'), options] : []) : [valueExpr(params), ...(options ? [options] : [])];
  return call(`client.${tag.propertyName}.${method}`, args);
}

/** What a successful call resolves to: nothing, bytes (`BinaryResponse`), or a parsed body. */
export type ResultKind = 'void' | 'binary' | 'body';

export function resultKind(op: OperationNode): ResultKind {
  if (isBinary(op)) return 'binary';
  return successes(op).some((r) => r.contents.length > 0) ? 'body' : 'void';
}

/** The auto-paging method of a paginated operation, as the client names it. */
export function iteratorOf(names: ClientNames, op: OperationNode): string | undefined {
  return names.operations.get(op)?.iterator;
}

/** What each successful body is: a JSON schema, or text (a string). */
export function successBodies(op: OperationNode): { schema?: SchemaNode; text?: true }[] {
  return successes(op).flatMap((r) => r.contents.map((m) => (isJson(m.mediaType) ? { schema: m.schema } : { text: true as const })));
}

/** Environment variables the client reads, with the constructor option each one stands for. */
export function envVars(model: ApiModel): { option: string; env: string }[] {
  return settingsOf(model).settings.flatMap((s) => (s.env ? [{ option: s.option, env: s.env }] : []));
}

/**
 * Sample values for every client option, for examples that run against the
 * mocks: an option that fills an account path parameter gets that parameter's
 * example (the mocks check path patterns), the others `test-<option>`.
 */
export function sampleSettings(model: ApiModel, { resolve, pool }: ExampleSource): { option: string; env?: string; value: string }[] {
  const settings = settingsOf(model);
  const samples = new Map<string, string>();
  for (const op of model.operations) {
    for (const p of op.params.path) {
      const option = p.account ? settings.accountOption(p) : undefined;
      const value = option && !samples.has(option) ? exampleFor(p.schema, resolve, paramCandidates(op, p, resolve, pool)) : undefined;
      if (option && typeof value === 'string') samples.set(option, value);
    }
  }
  return settings.settings.map((s) => ({ option: s.option, ...(s.env ? { env: s.env } : {}), value: samples.get(s.option) ?? `test-${s.option}` }));
}

const settingsCache = new WeakMap<ApiModel, ClientSettings>();

/** The client's settings of a model, worked out once: every example's environment comment names them. */
function settingsOf(model: ApiModel): ClientSettings {
  let settings = settingsCache.get(model);
  if (settings === undefined) settingsCache.set(model, (settings = clientSettings(model)));
  return settings;
}

/** Text for a `//` comment: no line break can end it early. */
export function lineComment(text: string): string {
  return commentText(text).replace(/\s+/g, ' ');
}
