/**
 * The response tables of a tag page. Successes (2xx) are listed under each
 * operation. Every other status makes the client throw, and those are mostly
 * the same across a page (Plivo's 400/401/403/405/429/500 on every call), so
 * they are listed once, in the page's Errors table: the statuses every
 * operation of the page declares, each in the form most of them declare it.
 * An operation lists under its own heading only the errors where it differs:
 * a status the others do not all have, or a different description, body or
 * headers.
 */
import type { OperationNode, ResponseNode } from '../../model/types.js';
import { isJson, successes } from '../client/operation-types.js';
import { errorFor } from '../client/runtime/errors.js';
import { mdCode, mdInline, mdText } from './markdown.js';
import { md, type Markdown } from './markdown-value.js';
import { typeMarkdown, type LinkContext } from './type-markdown.js';

export interface ResponseRow {
  status: string;
  description: string;
  /** What the body is: its type (linked) and media type, `-` when there is none. */
  body: Markdown;
  headers: Markdown;
}

export interface ErrorRow extends ResponseRow {
  /** The class the client throws for the status (`NotFoundError`, else `ApiError`). */
  errorClass: Markdown;
}

/** An operation's rows: its successes, and the errors the page's shared table does not already say. */
export interface OperationResponses {
  successes: ResponseRow[];
  errors: ErrorRow[];
}

/** The rows of every operation of a page, and the page's shared errors. */
export interface PageResponses {
  shared: ErrorRow[];
  operations: Map<OperationNode, OperationResponses>;
}

export function pageResponses(ops: readonly OperationNode[], links: LinkContext): PageResponses {
  const rows = new Map(ops.map((op) => [op, op.responses.map((r) => responseRow(r, links))]));
  const shared = sharedErrors(ops, rows);
  const operations = new Map<OperationNode, OperationResponses>();
  for (const op of ops) {
    const own = op.responses.map((r, i) => ({ response: r, row: rows.get(op)![i] }));
    const isSuccess = new Set(successes(op));
    operations.set(op, {
      successes: own.filter((o) => isSuccess.has(o.response)).map((o) => o.row),
      errors: own.filter((o) => !isSuccess.has(o.response) && !sameRow(shared.get(o.row.status), o.row)).map((o) => errorRow(o.row)),
    });
  }
  return { shared: [...shared.values()].map(errorRow), operations };
}

/**
 * The error statuses every operation declares, each with the row most of them
 * give it (the first such, on a tie). None for a page without operations.
 */
function sharedErrors(ops: readonly OperationNode[], rows: Map<OperationNode, ResponseRow[]>): Map<string, ResponseRow> {
  const shared = new Map<string, ResponseRow>();
  if (ops.length === 0) return shared;
  const errorsOf = (op: OperationNode) => rows.get(op)!.filter((_, i) => !successes(op).includes(op.responses[i]));
  for (const candidate of errorsOf(ops[0])) {
    const variants = ops.map((op) => errorsOf(op).find((r) => r.status === candidate.status));
    if (variants.some((v) => v === undefined)) continue;
    shared.set(candidate.status, mostCommon(variants as ResponseRow[]));
  }
  return shared;
}

function mostCommon(rows: ResponseRow[]): ResponseRow {
  const counts = new Map<string, { row: ResponseRow; n: number }>();
  for (const row of rows) {
    const key = rowKey(row);
    const seen = counts.get(key);
    if (seen) seen.n++;
    else counts.set(key, { row, n: 1 });
  }
  return [...counts.values()].reduce((best, c) => (c.n > best.n ? c : best)).row;
}

function rowKey(row: ResponseRow): string {
  return JSON.stringify([row.status, row.description, row.body.text, row.headers.text]);
}

function sameRow(a: ResponseRow | undefined, b: ResponseRow): boolean {
  return a !== undefined && rowKey(a) === rowKey(b);
}

function responseRow(r: ResponseNode, links: LinkContext): ResponseRow {
  const headers = r.headers.map((h) => `**${mdText(h.name)}** - ${mdInline(h.description ?? h.schema.description ?? '', true)}`.trim());
  const bodies = r.contents.map((m) => (isJson(m.mediaType) ? `${typeMarkdown(m.schema, links)} (${mdCode(m.mediaType)})` : mdCode(m.mediaType)));
  return { status: r.status, description: r.description, body: md(bodies.join(', ') || '-'), headers: md(headers.length ? headers.join('; ') : '-') };
}

function errorRow(row: ResponseRow): ErrorRow {
  return { ...row, errorClass: md(mdCode(errorClass(row.status))) };
}

const classes = new Map<string, string>();

/**
 * The class the client throws for a declared status, asked of the client
 * runtime's own `errorFor`, so the table follows the runtime when it learns a
 * new status. A range (`4XX`) names its class when every status in it has
 * the same one; `default` and the rest are `ApiError`.
 */
export function errorClass(status: string): string {
  let name = classes.get(status);
  if (name === undefined) {
    const codes = /^[1-5]\d\d$/.test(status) ? [Number(status)] : /^[1-5]XX$/.test(status) ? range(Number(status[0]) * 100) : [];
    // A Response can be made only for statuses 200 to 599.
    const names = new Set(codes.map((code) => (code >= 200 ? errorFor(new Response(null, { status: code }), undefined, {}).name : 'ApiError')));
    name = names.size === 1 ? [...names][0] : 'ApiError';
    classes.set(status, name);
  }
  return name;
}

function range(from: number): number[] {
  return Array.from({ length: 100 }, (_, i) => from + i);
}
