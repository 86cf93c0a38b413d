/**
 * The docs view of one operation: every section of the seed's layout
 * (signature, summary and description, Example, Parameters, Return type,
 * Authorization, HTTP request headers, HTTP response details). Fields that
 * hold Markdown built here are `Markdown` values; the rest are raw spec text
 * that the templates escape with the `md*` helpers.
 */
import type { OperationNode, ParamNode, ResponseNode, SchemaNode, TagNode } from '../../model/types.js';
import { clientParams, iteratorName, methodPath, paramsOptional, requestMedia, resultKind, successContents } from './calls.js';
import { mdCode, mdCodeBlock, mdInline, mdText } from './markdown.js';
import { md, type Markdown } from './markdown-value.js';
import { operationExample, type SnippetContext } from './snippets.js';
import { notesMarkdown, plainTypeText, typeMarkdown, type LinkContext } from './type-markdown.js';

export interface ParamRow {
  name: Markdown;
  type: Markdown;
  description: Markdown;
  notes: Markdown;
}

export interface ResponseRow {
  status: string;
  description: string;
  headers: Markdown;
}

export interface OperationView {
  /** The heading's GitHub anchor on its tag page. */
  anchor: string;
  /** `[**name**](#anchor)` for the page's method table (set with the anchor). */
  link: Markdown;
  methodName: string;
  httpMethod: string;
  path: string;
  summary: string;
  description: string;
  deprecated: boolean;
  signature: Markdown;
  example: Markdown;
  params: ParamRow[];
  returnType: Markdown;
  returnNotes: Markdown[];
  authorization: Markdown[];
  contentType: string;
  accept: string;
  responses: ResponseRow[];
}

/** Builds the view of one operation; `anchor` is assigned by the page. */
export function operationView(tag: TagNode, op: OperationNode, snippets: SnippetContext, links: LinkContext): OperationView {
  const request = { ...links, direction: 'request' as const };
  return {
    anchor: '',
    link: md(''),
    methodName: op.methodName,
    httpMethod: op.method.toUpperCase(),
    path: op.path,
    summary: op.summary ?? '',
    description: op.description ?? '',
    deprecated: op.deprecated,
    signature: md(mdCode(signature(tag, op, links), false)),
    example: md(mdCodeBlock(operationExample(snippets, tag, op), 'ts')),
    params: paramRows(op, request, snippets.resolve),
    returnType: md(returnMarkdown(op, links)),
    returnNotes: returnNotes(tag, op, links),
    authorization: authorization(op),
    contentType: op.body?.contents.map((c) => c.mediaType).join(', ') || 'Not defined',
    accept: unique(op.responses.flatMap((r) => r.contents.map((c) => c.mediaType))).join(', ') || 'Not defined',
    responses: op.responses.map(responseRow),
  };
}

/** `client.calls.getCall(params: GetCallParams, options?: RequestOptions): Promise<CallResponse>` */
function signature(tag: TagNode, op: OperationNode, links: LinkContext): string {
  const params = `params${paramsOptional(op) ? '?' : ''}: ${op.typeName}Params`;
  return `${methodPath(tag, op)}(${params}, options?: RequestOptions): Promise<${returnText(op, links)}>`;
}

function returnText(op: OperationNode, links: LinkContext): string {
  const kind = resultKind(op);
  if (kind === 'void') return 'void';
  if (kind === 'binary') return '{ data: Uint8Array; contentType: string }';
  return unique(successContents(op).map((m) => plainTypeText(m.schema, links))).join(' | ');
}

function returnMarkdown(op: OperationNode, links: LinkContext): string {
  const kind = resultKind(op);
  if (kind === 'void') return 'void (empty response body)';
  if (kind === 'binary') return `${mdCode('{ data: Uint8Array; contentType: string }', false)} (the raw bytes and their media type)`;
  const contents = successContents(op);
  const byText = new Map(contents.map((m) => [plainTypeText(m.schema, links), m.schema]));
  return [...byText.values()].map((schema) => typeMarkdown(schema, links, false)).join(' \\| ');
}

function returnNotes(tag: TagNode, op: OperationNode, links: LinkContext): Markdown[] {
  const notes: Markdown[] = [];
  if (op.pagination) {
    const iterator = `${methodPath(tag, op).replace(/\.[^.]+$/, '')}.${iteratorName(op)}(params)`;
    notes.push(md(`Auto-paging: ${mdCode(iterator, false)} walks every page and yields each item of ${mdCode(op.pagination.items, false)}.`));
  }
  if (op.async) {
    const ack = op.async.response.contents[0];
    const type = ack ? typeMarkdown(ack.schema, links, false) : 'an acknowledgement';
    notes.push(md(`Asynchronous: when ${mdCode(op.async.urlParam, false)} is passed, the call resolves to ${type} at once and the real response is sent to that URL.`));
  }
  return notes;
}

function paramRows(op: OperationNode, links: LinkContext, resolve: (t: string) => SchemaNode | undefined): ParamRow[] {
  const rows = clientParams(op).map((p) => paramRow(p, links, resolve));
  const media = requestMedia(op);
  if (op.body && media) {
    rows.push({
      name: md(`**body**`),
      type: md(typeMarkdown(media.schema, links)),
      description: md(mdText(op.body.description ?? media.schema.description ?? '')),
      notes: md(notesMarkdown(media.schema, op.body.required, resolve)),
    });
  }
  return rows;
}

function paramRow(p: ParamNode, links: LinkContext, resolve: (t: string) => SchemaNode | undefined): ParamRow {
  const where = p.account ? `${p.in}; defaults from the client configuration` : p.in;
  return {
    name: md(`**${mdText(p.name)}**`),
    type: md(typeMarkdown(p.schema, links)),
    description: md(mdInline(p.description ?? p.schema.description ?? '', true)),
    notes: md(`${notesMarkdown(p.schema, p.required && !p.account, resolve).replace(/^-$/, '')} [${where}]`.trim()),
  };
}

function authorization(op: OperationNode): Markdown[] {
  if (op.security.length === 0) return [md('No authorization required')];
  return op.security.map((req) =>
    md(req.length === 0 ? 'None (optional)' : req.map((name) => `[${mdText(name)}](../README.md#authentication)`).join(' and ')),
  );
}

function responseRow(r: ResponseNode): ResponseRow {
  const headers = r.headers.map((h) => `**${mdText(h.name)}** - ${mdInline(h.description ?? h.schema.description ?? '', true)}`.trim());
  return { status: r.status, description: r.description, headers: md(headers.length ? headers.join('; ') : '-') };
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

