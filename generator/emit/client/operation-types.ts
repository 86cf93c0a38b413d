/**
 * The types of one operation: `<Op>Params` (every path, query and header
 * parameter by wire name, the body under `body`), `<Op>Responses` (status →
 * body type) and `<Op>Result` (the 2xx responses as `ApiResult`s).
 */
import { commentText } from '../../model/names.js';
import type { ApiModel, MediaNode, OperationNode, ParamNode, ResponseNode, SchemaNode } from '../../model/types.js';
import type { ClientSettings, OperationNames } from './client-names.js';
import type { InterfaceDeclaration, TypeAliasDeclaration } from './printer.js';
import { docLines, generic, nameType, refName, tsType, union, unique, type TsProperty, type TsType, type TypeContext } from './type-text.js';

/** The request and response type contexts of a model, plus the model types a file refers to. */
export interface TypeScope {
  model: ApiModel;
  settings: ClientSettings;
  request: TypeContext;
  response: TypeContext;
  /** Model type names used so far (filled while printing types). */
  refs: Set<string>;
}

/** The type of a schema, recording the model types it refers to. */
export function scopedType(node: SchemaNode, ctx: TypeContext, scope: TypeScope): TsType {
  collectRefs(node, ctx, scope.refs);
  return tsType(node, ctx);
}

function collectRefs(node: SchemaNode, ctx: TypeContext, out: Set<string>): void {
  if (node.kind === 'ref') out.add(refName(node.target, ctx));
  else if (node.kind === 'array') collectRefs(node.items, ctx, out);
  else if (node.kind === 'union') node.variants.forEach((v) => collectRefs(v, ctx, out));
  else if (node.kind === 'intersection') node.parts.forEach((p) => collectRefs(p, ctx, out));
  else if (node.kind === 'object') {
    for (const p of node.properties) if (ctx.direction === 'request' ? !p.schema.readOnly : !p.schema.writeOnly) collectRefs(p.schema, ctx, out);
    if (typeof node.additional === 'object') collectRefs(node.additional, ctx, out);
  }
}

/** The parameters a call takes, in order path, query, header; the first of a wire name wins. Cookies are not part of the client. */
export function callParams(op: OperationNode): ParamNode[] {
  const seen = new Set<string>(op.body ? ['body'] : []);
  return [...op.params.path, ...op.params.query, ...op.params.header].filter((p) => !seen.has(p.name) && seen.add(p.name));
}

/** The request body media the client sends: JSON first, then a form, then the first listed. */
export function requestMedia(op: OperationNode): MediaNode | undefined {
  const contents = op.body?.contents ?? [];
  return contents.find((m) => isJson(m.mediaType)) ?? contents.find((m) => m.mediaType === 'application/x-www-form-urlencoded') ?? contents[0];
}

export function isJson(mediaType: string): boolean {
  return /^application\/(.+\+)?json\b/.test(mediaType);
}

/** Whether a 2xx answer is a download: some success content is neither JSON nor text. */
export function isBinary(op: OperationNode): boolean {
  return successes(op).some((r) => r.contents.some((m) => !isJson(m.mediaType) && !m.mediaType.startsWith('text/')));
}

/** The `Accept` header the client sends: a download's success media types, else JSON (the runtime's default). */
export function acceptOf(op: OperationNode): string {
  return isBinary(op) ? downloadTypes(op).join(', ') : 'application/json';
}

/** The media types a download may come back in, in spec order. */
export function downloadTypes(op: OperationNode): string[] {
  return [...new Set(successes(op).flatMap((r) => r.contents.map((m) => m.mediaType)))];
}

/** The 2xx responses (`200`…`299` and `2XX`). */
export function successes(op: OperationNode): ResponseNode[] {
  return op.responses.filter((r) => /^2(\d\d|XX)$/.test(r.status));
}

/** The type a response body resolves to: `void` without content, bytes for downloads, a union for several media types. */
export function responseType(response: ResponseNode, binary: boolean, scope: TypeScope): TsType {
  if (response.contents.length === 0) return nameType('void');
  if (binary && /^2/.test(response.status)) return nameType('rt.BinaryResponse');
  const types = response.contents.map((m) =>
    isJson(m.mediaType) ? scopedType(m.schema, scope.response, scope) : nameType(m.mediaType.startsWith('text/') ? 'string' : 'rt.BinaryResponse'),
  );
  return union(unique(types));
}

/** `rt.ApiResult<200, Account>` for an HTTP status (`number` for a range like `2XX`, or for `number`) and a body type. */
export function apiResult(status: string, body: TsType): TsType {
  return generic('rt.ApiResult', [/^\d+$/.test(status) ? { kind: 'literal', value: Number(status) } : nameType('number'), body]);
}

/** `rt.ApiResult<200, Account>`, one per success status, as a union; `rt.ApiResult<number, unknown>` when none is declared. */
export function resultType(op: OperationNode, scope: TypeScope): TsType {
  const binary = isBinary(op);
  const parts = successes(op).map((r) => apiResult(r.status, responseType(r, binary, scope)));
  return parts.length ? union(parts) : apiResult('number', nameType('unknown'));
}

/** Whether a call may leave `params` out: nothing in it is required. */
export function paramsOptional(op: OperationNode): boolean {
  return !callParams(op).some((p) => p.required && !p.account) && !op.body?.required;
}

/** `<Op>Params`, `<Op>Responses` and `<Op>Result`. */
export function operationTypes(op: OperationNode, names: OperationNames, scope: TypeScope): (InterfaceDeclaration | TypeAliasDeclaration)[] {
  const call = `\`${op.methodName}\``;
  return [
    { kind: 'interface', name: names.params, docs: `The params of ${call}.`, properties: paramProperties(op, scope) },
    { kind: 'interface', name: names.responses, docs: `The response body of ${call} per HTTP status.`, properties: responseProperties(op, scope) },
    { kind: 'type', name: names.result, docs: `A successful response of ${call}: status, headers and parsed body.`, type: resultType(op, scope) },
  ];
}

function paramProperties(op: OperationNode, scope: TypeScope): TsProperty[] {
  const props: TsProperty[] = callParams(op).map((p) => ({
    name: p.name,
    optional: !p.required || p.account !== undefined,
    type: scopedType(p.schema, scope.request, scope),
    docs: paramDoc(p, scope).filter(Boolean),
  }));
  const media = requestMedia(op);
  if (op.body && media) {
    props.push({
      name: 'body',
      optional: !op.body.required,
      type: scopedType(media.schema, scope.request, scope),
      docs: [...(op.body.description ? [commentText(op.body.description)] : []), `Sent as \`${commentText(media.mediaType).replace(/`/g, "'")}\`.`],
    });
  }
  return props;
}

/** The parameter's description (else its schema's), where its default comes from, then the schema's format, default, example. */
function paramDoc(p: ParamNode, scope: TypeScope): string[] {
  const description = commentText(p.description ?? p.schema.description ?? '');
  const example = p.example !== undefined && p.schema.example === undefined ? [`@example ${commentText(JSON.stringify(p.example) ?? '')}`] : [];
  const tags = [...docLines({ ...p.schema, description: undefined }), ...example, p.deprecated ? '@deprecated' : ''];
  return [...(description ? description.split('\n') : []), ...accountDoc(p, scope), ...tags];
}

function accountDoc(p: ParamNode, scope: TypeScope): string[] {
  const option = scope.settings.accountOption(p);
  const env = scope.settings.settings.find((s) => s.option === option)?.env;
  return option ? [`Defaults to the client's \`${option}\` option${env ? ` (or \`${env}\`)` : ''}.`] : [];
}

function responseProperties(op: OperationNode, scope: TypeScope): TsProperty[] {
  const binary = isBinary(op);
  return op.responses.map((r) => ({
    name: /^\d+$/.test(r.status) ? Number(r.status) : r.status,
    optional: false,
    type: responseType(r, binary, scope),
    docs: r.description ? commentText(r.description).split('\n').filter(Boolean) : [],
  }));
}

/** JSDoc text from spec text (made comment-safe), `@deprecated` after it; undefined when there is nothing to say. */
export function docOf(text: string | undefined, deprecated = false): string | undefined {
  return [text ? commentText(text) : '', deprecated ? '@deprecated' : ''].filter(Boolean).join('\n') || undefined;
}
