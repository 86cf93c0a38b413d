/**
 * The types of one operation: `<Op>Params` (every path, query and header
 * parameter by wire name, the body under `body`), `<Op>Responses` (status →
 * body type) and `<Op>Result` (the 2xx responses as `ApiResult`s).
 */
import { StructureKind, type InterfaceDeclarationStructure, type JSDocStructure, type PropertySignatureStructure, type TypeAliasDeclarationStructure } from 'ts-morph';
import { commentText, propertyKey, stringLiteral } from '../../model/names.js';
import type { ApiModel, MediaNode, OperationNode, ParamNode, ResponseNode, SchemaNode } from '../../model/types.js';
import type { ClientSettings, OperationNames } from './client-names.js';
import { docLines, refName, typeText, type TypeContext } from './type-text.js';

/** The request and response type contexts of a model, plus the model types a file refers to. */
export interface TypeScope {
  model: ApiModel;
  settings: ClientSettings;
  request: TypeContext;
  response: TypeContext;
  /** Model type names used so far (filled while printing types). */
  refs: Set<string>;
}

/** Type text of a schema that also records the model types it refers to. */
export function scopedType(node: SchemaNode, ctx: TypeContext, scope: TypeScope): string {
  collectRefs(node, ctx, scope.refs);
  return typeText(node, ctx);
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

/** The 2xx responses (`200`…`299` and `2XX`). */
export function successes(op: OperationNode): ResponseNode[] {
  return op.responses.filter((r) => /^2(\d\d|XX)$/.test(r.status));
}

/** The type a response body resolves to: `void` without content, bytes for downloads. */
export function responseType(response: ResponseNode, binary: boolean, scope: TypeScope): string {
  if (response.contents.length === 0) return 'void';
  if (binary && /^2/.test(response.status)) return 'rt.BinaryResponse';
  const types = response.contents.map((m) =>
    isJson(m.mediaType) ? scopedType(m.schema, scope.response, scope) : m.mediaType.startsWith('text/') ? 'string' : 'rt.BinaryResponse',
  );
  return [...new Set(types)].map((t) => (types.length > 1 && /[|&]/.test(t) ? `(${t})` : t)).join(' | ');
}

/** `ApiResult<200, Account>`, one per success status, as a union; `ApiResult<number, unknown>` when none is declared. */
export function resultType(op: OperationNode, scope: TypeScope): string {
  const binary = isBinary(op);
  const parts = successes(op).map((r) => `rt.ApiResult<${/X/.test(r.status) ? 'number' : r.status}, ${responseType(r, binary, scope)}>`);
  return parts.length ? parts.join(' | ') : 'rt.ApiResult<number, unknown>';
}

/** Whether a call may leave `params` out: nothing in it is required. */
export function paramsOptional(op: OperationNode): boolean {
  return !callParams(op).some((p) => p.required && !p.account) && !op.body?.required;
}

/** `<Op>Params`, `<Op>Responses` and `<Op>Result`. */
export function operationTypes(op: OperationNode, names: OperationNames, scope: TypeScope): (InterfaceDeclarationStructure | TypeAliasDeclarationStructure)[] {
  const call = `\`${op.methodName}\``;
  return [
    { kind: StructureKind.Interface, name: names.params, isExported: true, docs: [`The params of ${call}.`], properties: paramProperties(op, scope) },
    { kind: StructureKind.Interface, name: names.responses, isExported: true, docs: [`The response body of ${call} per HTTP status.`], properties: responseProperties(op, scope) },
    { kind: StructureKind.TypeAlias, name: names.result, isExported: true, docs: [`A successful response of ${call}: status, headers and parsed body.`], type: resultType(op, scope) },
  ];
}

function paramProperties(op: OperationNode, scope: TypeScope): PropertySignatureStructure[] {
  const props: PropertySignatureStructure[] = callParams(op).map((p) => ({
    kind: StructureKind.PropertySignature,
    name: propertyKey(p.name),
    hasQuestionToken: !p.required || p.account !== undefined,
    type: scopedType(p.schema, scope.request, scope),
    docs: docsOf(paramDoc(p, scope)),
  }));
  const media = requestMedia(op);
  if (op.body && media) {
    props.push({
      kind: StructureKind.PropertySignature,
      name: 'body',
      hasQuestionToken: !op.body.required,
      type: scopedType(media.schema, scope.request, scope),
      docs: docsOf([...(op.body.description ? [commentText(op.body.description)] : []), `Sent as \`${commentText(media.mediaType).replace(/`/g, "'")}\`.`]),
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

function responseProperties(op: OperationNode, scope: TypeScope): PropertySignatureStructure[] {
  const binary = isBinary(op);
  return op.responses.map((r) => ({
    kind: StructureKind.PropertySignature,
    name: /^\d+$/.test(r.status) ? r.status : stringLiteral(r.status),
    type: responseType(r, binary, scope),
    docs: docsOf(r.description ? commentText(r.description).split('\n') : []),
  }));
}

function docsOf(lines: string[]): { description: string }[] | undefined {
  const text = lines.filter(Boolean).join('\n');
  return text ? [{ description: text }] : undefined;
}

/** A JSDoc structure from spec text (made comment-safe), or undefined when there is nothing to say. */
export function docOf(text: string | undefined, tags: { tagName: string; text?: string }[] = []): JSDocStructure | undefined {
  const description = text ? commentText(text) : '';
  if (!description && !tags.length) return undefined;
  return { kind: StructureKind.JSDoc, description, tags: tags.map((t) => ({ kind: StructureKind.JSDocTag, tagName: t.tagName, ...(t.text ? { text: commentText(t.text) } : {}) })) };
}
