/**
 * The wire descriptor and the methods of one operation. Methods are
 * one-liners over the runtime: `this.$client.$request(ops.makeCall, params,
 * options)`; an async-capable operation gets an overload typed to return the
 * acknowledgement when the callback URL is passed.
 */
import { StructureKind, type MethodDeclarationStructure, type OptionalKind, type ParameterDeclarationStructure } from 'ts-morph';
import { commentText, propertyKey, stringLiteral } from '../../model/names.js';
import type { ApiModel, OperationNode, SchemaNode } from '../../model/types.js';
import type { OperationNames } from './client-names.js';
import { callParams, docOf, isBinary, paramsOptional, requestMedia, responseType, scopedType, successes, type TypeScope } from './operation-types.js';

/** The `rt.Operation` object literal for an operation. */
export function descriptorText(op: OperationNode, scope: TypeScope): string {
  const list = (names: string[]) => `[${names.map(stringLiteral).join(', ')}]`;
  const fields = [`method: ${stringLiteral(op.method.toUpperCase())}`, `path: ${stringLiteral(op.path)}`];
  const query = op.params.query;
  if (query.length) fields.push(`query: ${list(query.map((p) => p.name))}`);
  const csv = query.filter((p) => !p.explode);
  if (csv.length) fields.push(`csv: ${list(csv.map((p) => p.name))}`);
  if (op.params.header.length) fields.push(`headers: ${list(op.params.header.map((p) => p.name))}`);
  const accounts = op.params.path.flatMap((p) => {
    const option = scope.settings.accountOption(p);
    return option ? [`${propertyKey(p.name)}: ${stringLiteral(option)}`] : [];
  });
  if (accounts.length) fields.push(`account: { ${accounts.join(', ')} }`);
  const media = requestMedia(op);
  if (media) fields.push(`body: ${stringLiteral(media.mediaType)}`);
  if (isBinary(op)) {
    const accept = [...new Set(successes(op).flatMap((r) => r.contents.map((m) => m.mediaType)))];
    fields.push(`accept: ${stringLiteral(accept.join(', '))}`, 'binary: true');
  }
  if (op.security.length === 0) fields.push('anonymous: true');
  if (op.pagination) {
    const page = Object.entries(op.pagination).map(([k, v]) => `${k}: ${stringLiteral(String(v))}`);
    fields.push(`page: { ${page.join(', ')} }`);
  }
  return `{ ${fields.join(', ')} }`;
}

/** The call method (with async overloads when they apply) and, for list operations, the auto-paging method. */
export function operationMethods(op: OperationNode, names: OperationNames, scope: TypeScope): OptionalKind<MethodDeclarationStructure>[] {
  const optional = paramsOptional(op);
  const params = (type: string, opt = optional): OptionalKind<ParameterDeclarationStructure> => ({ name: 'params', type, hasQuestionToken: opt });
  const options: OptionalKind<ParameterDeclarationStructure> = { name: 'options', type: 'rt.RequestOptions', hasQuestionToken: true };
  const returns = `rt.ApiPromise<${names.result}['data'], ${names.result}>`;
  const call: OptionalKind<MethodDeclarationStructure> = {
    name: op.methodName,
    docs: methodDocs(op),
    parameters: [params(names.params), options],
    returnType: returns,
    statements: [`return this.$client.$request(ops.${op.methodName}, params, options);`],
  };
  const ack = asyncOverload(op, names, scope);
  if (ack) {
    call.overloads = [
      { docs: methodDocs(op, ack.doc), parameters: [params(`${names.params} & ${ack.shape}`, false), options], returnType: `rt.ApiPromise<${ack.type}, rt.ApiResult<${ack.status}, ${ack.type}>>` },
      { docs: methodDocs(op), parameters: [params(names.params), options], returnType: returns },
    ];
    call.docs = undefined;
    call.returnType = `rt.ApiPromise<unknown, rt.ApiResult>`;
  }
  const methods = [call];
  if (op.pagination && names.iterator) methods.push(iteratorMethod(op, names, scope, params(names.params), options));
  return methods;
}

function iteratorMethod(
  op: OperationNode,
  names: OperationNames,
  scope: TypeScope,
  params: OptionalKind<ParameterDeclarationStructure>,
  options: OptionalKind<ParameterDeclarationStructure>,
): OptionalKind<MethodDeclarationStructure> {
  const item = itemType(op, scope);
  const text = [
    `Every item of \`${op.methodName}\`, fetched page by page as the loop goes on (\`for await (const item of …)\`).`,
    `Use \`.pages()\` to walk whole pages instead; \`${op.methodName}\` fetches one page.`,
  ].join('\n');
  return {
    name: names.iterator!,
    docs: [docOf(text)!],
    parameters: [params, options],
    returnType: `rt.Paginator<${item}, ${names.result}['data']>`,
    statements: [`return this.$client.$paginate(ops.${op.methodName}, params, options);`],
  };
}

function methodDocs(op: OperationNode, extra?: string): MethodDeclarationStructure['docs'] {
  const text = [op.summary, op.description, `\`${op.method.toUpperCase()} ${op.path}\``, extra].filter(Boolean).join('\n\n');
  const doc = docOf(text, op.deprecated ? [{ tagName: 'deprecated' }] : []);
  return doc ? [doc] : undefined;
}

/** When a call may carry the async callback URL: where it goes, and the acknowledgement's type. */
function asyncOverload(op: OperationNode, names: OperationNames, scope: TypeScope): { shape: string; type: string; status: string; doc: string } | undefined {
  if (!op.async) return undefined;
  const key = propertyKey(op.async.urlParam);
  const inQuery = callParams(op).some((p) => p.name === op.async!.urlParam);
  const media = requestMedia(op);
  const inBody = !inQuery && media !== undefined && findProperty(media.schema, op.async.urlParam, scope.model) !== undefined;
  if (!inQuery && !inBody) return undefined;
  const status = /^\d+$/.test(op.async.status) ? op.async.status : 'number';
  const doc = `With \`${commentText(op.async.urlParam)}\` the API answers at once with an acknowledgement and sends the result to that URL later.`;
  const shape = inQuery ? `{ ${key}: string }` : `{ body: { ${key}: string } }`;
  return { shape, type: responseType(op.async.response, false, scope), status, doc };
}

/** The type of one item of a list operation's page (`objects`, `Calls`, …). */
function itemType(op: OperationNode, scope: TypeScope): string {
  const media = successes(op).flatMap((r) => r.contents)[0];
  const items = media && findProperty(media.schema, op.pagination!.items, scope.model);
  return items?.kind === 'array' ? scopedType(items.items, scope.response, scope) : 'unknown';
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
