/**
 * ApiModel → MockSpec: the data that drives the mock runtime. Schemas stay
 * JSON Schema (from the model's normalised `json`), examples stay as the spec
 * wrote them, and the inferred resources say what each operation does to the store.
 */
import type { ApiModel, MediaNode, OperationNode, ParamNode, ResponseNode } from '../../model/types.js';
import { inferResources } from './resources.js';
import type { ErrorFields, MockMedia, MockOperation, MockParam, MockResponse, MockSpec } from './runtime/types.js';

/** The mock description of an API. */
export function describeApi(model: ApiModel): MockSpec {
  const inferred = inferResources(model);
  const serverUrl = model.servers[0]?.url ?? '';
  return {
    title: model.title,
    serverUrl,
    basePath: basePathOf(serverUrl),
    schemas: mockSchemas(model),
    errors: errorFields(model),
    ...(model.methodOverride ? { methodOverride: model.methodOverride } : {}),
    ...(inferred.accountExample ? { accountExample: inferred.accountExample } : {}),
    resources: inferred.resources,
    operations: model.operations.map((op) => {
      const out = describeOperation(model, op);
      const state = inferred.states.get(op);
      return state ? { ...out, state } : out;
    }),
  };
}

/** The named schemas as JSON Schema, by type name (the targets of `#/components/schemas/<Name>`). */
export function mockSchemas(model: ApiModel): MockSpec['schemas'] {
  const schemas: MockSpec['schemas'] = {};
  for (const s of model.schemas) Object.defineProperty(schemas, s.typeName, { value: s.json, enumerable: true, writable: true, configurable: true });
  return schemas;
}

/** `https://api.plivo.com/v1/` → `/v1`; `/api` → `/api`; '' when the server URL has no path. */
export function basePathOf(serverUrl: string): string {
  let path: string;
  try {
    path = new URL(serverUrl).pathname;
  } catch {
    path = serverUrl.startsWith('/') ? serverUrl.split(/[?#]/)[0] : '';
  }
  return path.replace(/\/+$/, '');
}

function errorFields(model: ApiModel): ErrorFields {
  const { schema, ...fields } = model.errors;
  const out: ErrorFields = { ...fields };
  if (schema?.kind === 'ref') out.schema = { $ref: `#/components/schemas/${schema.target}` };
  return out;
}

/** One operation as the mock runtime sees it (without the inferred store state). */
export function describeOperation(model: ApiModel, op: OperationNode): MockOperation {
  const params = [...op.params.path, ...op.params.query, ...op.params.header, ...op.params.cookie].map(describeParam);
  const out: MockOperation = {
    operationId: op.operationId,
    method: op.method.toUpperCase(),
    path: op.path,
    auth: requiresBasic(model, op),
    params,
    responses: op.responses.map(describeResponse),
  };
  if (op.body) out.body = { required: op.body.required, contents: op.body.contents.map(describeMedia) };
  if (op.pagination) out.pagination = { ...op.pagination };
  if (op.async) {
    const media = op.async.response.contents.find((c) => /json/.test(c.mediaType)) ?? op.async.response.contents[0];
    out.async = { urlParam: op.async.urlParam, methodParam: op.async.methodParam, status: Number(op.async.status) || 200, ...(media ? { media: describeMedia(media) } : {}) };
  }
  return out;
}

/** Basic credentials are required when every security alternative of the operation includes an HTTP Basic scheme. */
function requiresBasic(model: ApiModel, op: OperationNode): boolean {
  const basic = new Set(model.securitySchemes.filter((s) => s.type === 'http' && s.scheme === 'basic').map((s) => s.name));
  return op.security.length > 0 && op.security.every((alt) => alt.some((name) => basic.has(name)));
}

function describeParam(p: ParamNode): MockParam {
  return {
    name: p.name,
    in: p.in,
    required: p.required,
    schema: p.json,
    ...(p.account ? { account: true } : {}),
    ...(p.example !== undefined ? { example: p.example } : {}),
  };
}

function describeResponse(r: ResponseNode): MockResponse {
  return {
    status: r.status,
    headers: r.headers.map((h) => ({ name: h.name, required: h.required, schema: h.json })),
    contents: r.contents.map(describeMedia),
  };
}

function describeMedia(m: MediaNode): MockMedia {
  const examples = m.examples.length > 0 ? m.examples : m.example !== undefined ? [{ name: 'default', value: m.example }] : [];
  return {
    mediaType: m.mediaType,
    schema: m.schema.kind === 'binary' && Object.keys(m.json as object).length === 0 ? { type: 'string', format: 'binary' } : m.json,
    examples: examples.map((e) => ({ name: e.name, value: e.value })),
    ...(m.schema.kind === 'binary' ? { binary: true } : {}),
  };
}
