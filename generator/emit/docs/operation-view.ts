/**
 * The docs view of one operation: every section of the seed's layout
 * (signature, summary and description, Example, Parameters, Return type,
 * Authorization, HTTP request headers, HTTP response details). Fields that
 * hold Markdown built here are `Markdown` values; the rest are raw spec text
 * that the templates escape with the `md*` helpers.
 */
import type { OperationNode, ParamNode, ResponseNode, SchemaNode, TagNode } from '../../model/types.js';
import { callParams, iteratorOf, methodPath, paramsOptional, requestMedia, resultKind, successBodies } from './calls.js';
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
    signature: md(mdCode(signature(tag, op, snippets, links), false)),
    example: md(mdCodeBlock(operationExample(snippets, tag, op), 'ts')),
    params: paramRows(op, request, snippets.resolve),
    returnType: md(returnMarkdown(op, links)),
    returnNotes: returnNotes(tag, op, snippets, links),
    authorization: authorization(op),
    contentType: requestMedia(op)?.mediaType ?? 'Not defined',
    accept: unique(op.responses.flatMap((r) => r.contents.map((c) => c.mediaType))).join(', ') || 'Not defined',
    responses: op.responses.map(responseRow),
  };
}

/** `client.calls.getCall(params: GetCallParams, options?: RequestOptions): ApiPromise<Call>`, with the client's own names. */
function signature(tag: TagNode, op: OperationNode, snippets: SnippetContext, links: LinkContext): string {
  const paramsType = snippets.names.operations.get(op)?.params ?? `${op.typeName}Params`;
  const params = `params${paramsOptional(op) ? '?' : ''}: ${paramsType}`;
  return `${methodPath(tag, op)}(${params}, options?: RequestOptions): ApiPromise<${returnText(op, links)}>`;
}

function returnText(op: OperationNode, links: LinkContext): string {
  const kind = resultKind(op);
  if (kind !== 'body') return kind === 'void' ? 'void' : 'BinaryResponse';
  return unique(successBodies(op).map((b) => (b.schema ? plainTypeText(b.schema, links) : 'string'))).join(' | ');
}

function returnMarkdown(op: OperationNode, links: LinkContext): string {
  const kind = resultKind(op);
  if (kind === 'void') return 'void (empty response body)';
  if (kind === 'binary') return `${mdCode('BinaryResponse', false)}: ${mdCode('{ data: Uint8Array; contentType: string }', false)}, the raw bytes and their media type`;
  const byText = new Map(successBodies(op).map((b) => [b.schema ? plainTypeText(b.schema, links) : 'string', b.schema]));
  return [...byText.values()].map((schema) => (schema ? typeMarkdown(schema, links, false) : mdCode('string', false))).join(' \\| ');
}

function returnNotes(tag: TagNode, op: OperationNode, snippets: SnippetContext, links: LinkContext): Markdown[] {
  const notes: Markdown[] = [];
  const iterator = iteratorOf(snippets.names, op);
  if (iterator && op.pagination) {
    const call = `client.${tag.propertyName}.${iterator}(params)`;
    notes.push(md(`Auto-paging: ${mdCode(call, false)} walks every page and yields each item of ${mdCode(op.pagination.items, false)}.`));
  }
  if (op.async) {
    const ack = op.async.response.contents[0];
    const type = ack ? typeMarkdown(ack.schema, links, false) : 'an acknowledgement';
    notes.push(md(`Asynchronous: when ${mdCode(op.async.urlParam, false)} is passed, the call resolves to ${type} at once and the real response is sent to that URL.`));
  }
  return notes;
}

function paramRows(op: OperationNode, links: LinkContext, resolve: (t: string) => SchemaNode | undefined): ParamRow[] {
  const rows = callParams(op).map((p) => paramRow(p, links, resolve));
  const media = requestMedia(op);
  if (op.body && media) {
    rows.push({
      name: md(`**body**`),
      type: md(typeMarkdown(media.schema, links)),
      description: md(mdText(op.body.description ?? schemaDescription(media.schema, resolve))),
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
    description: md(mdInline(p.description ?? schemaDescription(p.schema, resolve), true)),
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

/** A schema's description, or that of the named schema it refers to. */
function schemaDescription(schema: SchemaNode, resolve: (t: string) => SchemaNode | undefined): string {
  return schema.description ?? (schema.kind === 'ref' ? resolve(schema.target)?.description : undefined) ?? '';
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

