/**
 * The docs view of one operation: every section of the seed's layout
 * (signature, summary and description, Example, Parameters, Return type,
 * Authorization, HTTP request headers, HTTP response details), plus the
 * example response body. Fields that hold Markdown built here are `Markdown`
 * values; the rest are raw spec text that the templates escape with the
 * `md*` helpers.
 */
import type { OperationNode, ParamNode, SchemaNode, TagNode } from '../../model/types.js';
import { acceptOf } from '../client/operation-types.js';
import { callParams, iteratorOf, methodPath, paramsOptional, requestMedia, resultKind, successBodies } from './calls.js';
import { mdCode, mdCodeBlock, mdInline, mdText } from './markdown.js';
import { md, type Markdown } from './markdown-value.js';
import { exampleResponseMarkdown, type ExampleBody } from './response-example.js';
import type { ErrorRow, OperationResponses, ResponseRow } from './response-rows.js';
import { operationExample, type SnippetContext } from './snippets.js';
import { notesMarkdown, plainTypeText, typeMarkdown, type LinkContext } from './type-markdown.js';

export interface ParamRow {
  name: Markdown;
  type: Markdown;
  description: Markdown;
  notes: Markdown;
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
  /** The call, continuing the page's set-up. */
  example: Markdown;
  /** The body a successful call gets (a JSON block, text, or a description of a download), if it has one. */
  exampleResponse: Markdown | undefined;
  /** The JSON of that block as json-layout.ts printed it (the page's layout pass need not check it again). */
  exampleJson: string | undefined;
  params: ParamRow[];
  returnType: Markdown;
  returnNotes: Markdown[];
  authorization: Markdown[];
  contentType: Markdown;
  accept: Markdown;
  /** The success statuses. */
  responses: ResponseRow[];
  /** Error statuses the page's shared table does not cover. */
  errors: ErrorRow[];
  /** What the operation's errors are: the page's shared ones (linked), these, or both; empty when there are none. */
  errorsNote: Markdown;
  /** The level-3 headings of the operation, in page order (for the page's anchors). */
  sections: string[];
}

/** What an operation's view is built from besides the operation. */
export interface OperationSources {
  snippets: SnippetContext;
  links: LinkContext;
  body: ExampleBody | undefined;
  responses: OperationResponses;
  /** The anchor of the page's shared error table, when it has one. */
  sharedErrors: string | undefined;
}

/** Builds the view of one operation; `anchor` is assigned by the page. */
export function operationView(tag: TagNode, op: OperationNode, { snippets, links, body, responses, sharedErrors }: OperationSources): OperationView {
  const request = { ...links, direction: 'request' as const };
  const exampleResponse = body ? md(exampleResponseMarkdown(body)) : undefined;
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
    exampleResponse,
    exampleJson: body?.kind === 'json' ? body.json.replace(/\n$/, '') : undefined,
    params: paramRows(op, request, snippets.resolve),
    returnType: md(returnMarkdown(op, links)),
    returnNotes: returnNotes(tag, op, snippets, links),
    authorization: authorization(op),
    contentType: md(contentType(op)),
    accept: md(mdCode(acceptOf(op), false)),
    responses: responses.successes,
    errors: responses.errors,
    errorsNote: md(errorsNote(responses.errors.length > 0, sharedErrors)),
    sections: OPERATION_SECTIONS.filter((s) => s !== 'Example response' || exampleResponse !== undefined),
  };
}

/** The level-3 sections of an operation, in page order; `Example response` only where there is a body. */
export const OPERATION_SECTIONS = ['Example', 'Example response', 'Parameters', 'Return type', 'Authorization', 'HTTP request headers', 'HTTP response details'];

function errorsNote(own: boolean, shared: string | undefined): string {
  const link = shared === undefined ? undefined : `[shared errors](#${shared})`;
  if (link) return own ? `Errors, besides the page's ${link}:` : `Errors: the page's ${link}.`;
  return own ? 'Errors:' : '';
}

/** The media type the client sends the body as, and what else the API takes; or that there is no body. */
function contentType(op: OperationNode): string {
  const media = requestMedia(op);
  if (!op.body || !media) return 'none (no request body)';
  const others = op.body.contents.filter((m) => m !== media).map((m) => mdCode(m.mediaType, false));
  const sent = media.mediaType.startsWith('multipart/') ? `${mdCode(media.mediaType, false)} (its boundary chosen by \`fetch\`)` : mdCode(media.mediaType, false);
  return others.length ? `${sent}, as the client sends it; the API also takes ${others.join(', ')}` : sent;
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

/** A schema's description, or that of the named schema it refers to. */
function schemaDescription(schema: SchemaNode, resolve: (t: string) => SchemaNode | undefined): string {
  return schema.description ?? (schema.kind === 'ref' ? resolve(schema.target)?.description : undefined) ?? '';
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

