/**
 * The wire descriptor and the method signatures of one operation (the runtime
 * makes the methods from the descriptors: `rt.resource`). An async-capable
 * operation gets an overload typed to return the acknowledgement when the
 * callback URL is passed.
 */
import { commentText } from '../../model/names.js';
import type { ApiModel, OperationNode, SchemaNode } from '../../model/types.js';
import type { OperationNames } from './client-names.js';
import { apiResult, callParams, docOf, downloadTypes, isBinary, paramsOptional, requestMedia, responseType, scopedType, successes, type TypeScope } from './operation-types.js';
import type { JsObject, MethodSignature, Parameter, Signature } from './printer.js';
import { generic, nameType, union, type TsType } from './type-text.js';

/** The `rt.Operation` object literal for an operation. */
export function descriptor(op: OperationNode, scope: TypeScope): JsObject {
  const entries: JsObject['entries'] = [
    ['method', op.method.toUpperCase()],
    ['path', op.path],
  ];
  const query = op.params.query;
  if (query.length) entries.push(['query', query.map((p) => p.name)]);
  const csv = query.filter((p) => !p.explode);
  if (csv.length) entries.push(['csv', csv.map((p) => p.name)]);
  if (op.params.header.length) entries.push(['headers', op.params.header.map((p) => p.name)]);
  const accounts = op.params.path.flatMap((p) => {
    const option = scope.settings.accountOption(p);
    return option ? [[p.name, option] as const] : [];
  });
  if (accounts.length) entries.push(['account', { entries: accounts }]);
  const media = requestMedia(op);
  if (media) entries.push(['body', media.mediaType]);
  if (isBinary(op)) entries.push(['accept', downloadTypes(op).join(', ')], ['binary', true]);
  if (op.security.length === 0) entries.push(['anonymous', true]);
  if (op.pagination) entries.push(['page', { entries: Object.entries(op.pagination).map(([k, v]) => [k, String(v)] as const) }]);
  return { entries };
}

/**
 * The call method (after its async overload, when that applies) and, for
 * list operations, the auto-paging method: `rt.resource` makes them from the
 * descriptor, `$request` and `$paginate`.
 */
export function operationMethods(op: OperationNode, names: OperationNames, scope: TypeScope): MethodSignature[] {
  const optional = paramsOptional(op);
  const params = (type: TsType, opt = optional): Parameter => ({ name: 'params', type, optional: opt });
  // A download's options also pick its media type (`accept`), typed by the ones it declares.
  const optionsType = isBinary(op) ? generic('rt.DownloadOptions', [union(downloadTypes(op).map((value) => ({ kind: 'literal', value })))]) : nameType('rt.RequestOptions');
  const options: Parameter = { name: 'options', type: optionsType, optional: true };
  const result = nameType(names.result);
  const call: Signature = { docs: methodDocs(op), parameters: [params(nameType(names.params)), options], returnType: generic('rt.ApiPromise', [data(result), result]) };
  const signatures = [call];
  const ack = asyncOverload(op, names, scope);
  if (ack) {
    const ackParams: TsType = { kind: 'intersection', types: [nameType(names.params), ack.shape] };
    signatures.unshift({ docs: methodDocs(op, ack.doc), parameters: [params(ackParams, false), options], returnType: generic('rt.ApiPromise', [ack.type, apiResult(ack.status, ack.type)]) });
  }
  const methods: MethodSignature[] = [{ name: op.methodName, signatures }];
  if (op.pagination && names.iterator) methods.push(iteratorMethod(op, names, scope, params(nameType(names.params)), options));
  return methods;
}

/** The media types of a download's 2xx responses, in spec order. */
/** `Result['data']`. */
function data(result: TsType): TsType {
  return { kind: 'indexed', object: result, index: { kind: 'literal', value: 'data' } };
}

function iteratorMethod(op: OperationNode, names: OperationNames, scope: TypeScope, params: Parameter, options: Parameter): MethodSignature {
  const text = [
    `Every item of \`${op.methodName}\`, fetched page by page as the loop goes on (\`for await (const item of …)\`).`,
    `Use \`.pages()\` to walk whole pages instead; \`${op.methodName}\` fetches one page.`,
  ].join('\n');
  return {
    name: names.iterator!,
    signatures: [{ docs: docOf(text), parameters: [params, options], returnType: generic('rt.Paginator', [itemType(op, scope), data(nameType(names.result))]) }],
  };
}

function methodDocs(op: OperationNode, extra?: string): string | undefined {
  const text = [op.summary, op.description, `\`${op.method.toUpperCase()} ${op.path}\``, extra].filter(Boolean).join('\n\n');
  return docOf(text, op.deprecated);
}

/** When a call may carry the async callback URL: where it goes, and the acknowledgement's type. */
function asyncOverload(op: OperationNode, names: OperationNames, scope: TypeScope): { shape: TsType; type: TsType; status: string; doc: string } | undefined {
  if (!op.async) return undefined;
  const inQuery = callParams(op).some((p) => p.name === op.async!.urlParam);
  const media = requestMedia(op);
  const inBody = !inQuery && media !== undefined && findProperty(media.schema, op.async.urlParam, scope.model) !== undefined;
  if (!inQuery && !inBody) return undefined;
  const doc = `With \`${commentText(op.async.urlParam)}\` the API answers at once with an acknowledgement and sends the result to that URL later.`;
  const url: TsType = { kind: 'object', properties: [{ name: op.async.urlParam, optional: false, type: nameType('string'), docs: [] }], multiline: false };
  const shape: TsType = inQuery ? url : { kind: 'object', properties: [{ name: 'body', optional: false, type: url, docs: [] }], multiline: false };
  return { shape, type: responseType(op.async.response, false, scope), status: op.async.status, doc };
}

/** The type of one item of a list operation's page (`objects`, `Calls`, …). */
function itemType(op: OperationNode, scope: TypeScope): TsType {
  const media = successes(op).flatMap((r) => r.contents)[0];
  const items = media && findProperty(media.schema, op.pagination!.items, scope.model);
  return items?.kind === 'array' ? scopedType(items.items, scope.response, scope) : nameType('unknown');
}

/** A property's schema, looking through refs, intersections and unions. */
export function findProperty(node: SchemaNode, name: string, model: ApiModel, seen = new Set<string>()): SchemaNode | undefined {
  switch (node.kind) {
    case 'ref': {
      if (seen.has(node.target)) return undefined;
      seen.add(node.target);
      const target = model.schemas.find((s) => s.typeName === node.target);
      return target && findProperty(target.schema, name, model, seen);
    }
    case 'object':
      return node.properties.find((p) => p.name === name)?.schema;
    case 'intersection':
      return node.parts.map((p) => findProperty(p, name, model, seen)).find(Boolean);
    case 'union':
      return node.variants.map((v) => findProperty(v, name, model, seen)).find(Boolean);
    default:
      return undefined;
  }
}
