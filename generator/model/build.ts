/**
 * Loaded spec → ApiModel. Walks `components/schemas` and `paths` once;
 * non-schema `$ref`s (parameters, responses, bodies, headers) are inlined,
 * schema `$ref`s stay references to named schemas.
 */
import path from 'node:path';
import { compareText, type Issue } from '../issues.js';
import { bundleSpec } from '../load/bundle.js';
import type { LoadedSpec } from '../load/index.js';
import { own, type Cursor } from '../load/refs.js';
import { HTTP_METHODS, isObject } from '../load/validate.js';
import { buildExtensions, readAccountParam, readAsync, readPagination, readRateLimit } from './build-extensions.js';
import { SchemaRegistry, buildSchema, targetKey, toJsonSchema } from './build-schema.js';
import { camelCase, defaultPackageName, fallbackOperationId, fileStem, missingOperationIdMessage, pascalCase, uniqueNames } from './names.js';
import type {
  ApiModel,
  HeaderNode,
  MediaNode,
  NamedSchema,
  OperationNode,
  ParamLocation,
  ParamNode,
  RequestBodyNode,
  ResponseNode,
  TagNode,
} from './types.js';

/**
 * Builds the model of a loaded spec. `name` is the API's short name (defaults to the file stem);
 * `packageName` the npm package name (defaults to `@switchboard/<name>`, see defaultPackageName).
 */
export function buildModel(spec: LoadedSpec, name?: string, packageName?: string): ApiModel {
  const { files } = spec;
  const reg = new SchemaRegistry(files, spec.version);
  const top = files.top();
  const doc = top.value as Record<string, unknown>;
  const rawName = name ?? path.basename(files.root.path).replace(/\.[^.]*$/, '');
  const apiName = fileStem(camelCase(rawName, 'api'), 'api');

  const schemasAt = files.child(top, 'components', 'schemas');
  const schemaKeys = Object.keys(isObject(schemasAt.value) ? schemasAt.value : {});
  // In code-unit order, like uniqueNames, so the same schemas always get the same names.
  for (const key of [...schemaKeys].sort(compareText)) reg.claim(targetKey(files.child(schemasAt, key)), reg.freeName(key));

  const ext = buildExtensions(reg, top);
  const operations = buildOperations(reg, top, ext.asyncDefault);
  const schemas = buildNamedSchemas(reg, schemasAt, schemaKeys);
  const document = bundleSpec(files, reg.names);
  const info = isObject(doc.info) ? doc.info : {};
  return {
    kind: 'api',
    name: apiName,
    packageName: packageName ?? defaultPackageName(rawName),
    title: typeof info.title === 'string' ? info.title : apiName,
    version: typeof info.version === 'string' ? info.version : '0.0.0',
    ...(typeof info.description === 'string' ? { description: info.description } : {}),
    servers: (Array.isArray(doc.servers) ? doc.servers : [])
      .filter((s): s is { url: string; description?: string } => isObject(s) && typeof s.url === 'string')
      .map((s) => ({ url: s.url, ...(typeof s.description === 'string' ? { description: s.description } : {}) })),
    schemas,
    tags: groupByTag(reg, top, operations),
    operations,
    warnings: unnamedOperations(operations),
    securitySchemes: ext.securitySchemes,
    client: ext.client ?? { className: `${pascalCase(apiName, 'Api')}Client` },
    errors: ext.errors,
    ...(ext.methodOverride ? { methodOverride: ext.methodOverride } : {}),
    ...(ext.rateLimit ? { rateLimit: ext.rateLimit } : {}),
    document,
    loc: files.loc(top),
  };
}

/** Root component schemas plus every schema hoisted through a `$ref`, sorted by typeName. */
function buildNamedSchemas(reg: SchemaRegistry, schemasAt: Cursor, keys: string[]): NamedSchema[] {
  const out: NamedSchema[] = keys.map((key) => namedSchema(reg, reg.files.child(schemasAt, key), key, reg.names.get(targetKey(reg.files.child(schemasAt, key)))!));
  // Building may discover more targets; drain until none is left.
  for (let i = 0; i < reg.pending.length; i++) {
    const { cursor, typeName } = reg.pending[i];
    out.push(namedSchema(reg, cursor, cursor.pointer.split('/').pop() ?? typeName, typeName));
  }
  return out.sort((a, b) => compareText(a.typeName, b.typeName));
}

function namedSchema(reg: SchemaRegistry, c: Cursor, name: string, typeName: string): NamedSchema {
  return {
    kind: 'named-schema',
    name,
    typeName,
    fileName: fileStem(typeName, 'Schema'),
    schema: buildSchema(reg, c),
    json: toJsonSchema(reg, c),
    loc: reg.files.loc(c),
  };
}

function buildOperations(reg: SchemaRegistry, top: Cursor, asyncDefault: unknown): OperationNode[] {
  const { files } = reg;
  const paths = files.child(top, 'paths');
  const rootSecurity = securityOf(own(top.value, 'security')) ?? [];
  const ops: OperationNode[] = [];
  for (const p of Object.keys(isObject(paths.value) ? paths.value : {}).sort(compareText)) {
    const item = files.deref(files.child(paths, p));
    if (!item || !isObject(item.value)) continue;
    for (const method of HTTP_METHODS) {
      const op = files.child(item, method);
      if (!isObject(op.value)) continue;
      ops.push(buildOperation(reg, p, method, item, op, rootSecurity, asyncDefault));
    }
  }
  return ops;
}

function buildOperation(
  reg: SchemaRegistry,
  p: string,
  method: (typeof HTTP_METHODS)[number],
  item: Cursor,
  op: Cursor,
  rootSecurity: string[][],
  asyncDefault: unknown,
): OperationNode {
  const raw = op.value as Record<string, unknown>;
  const named = typeof raw.operationId === 'string' && raw.operationId !== '';
  const operationId = named ? (raw.operationId as string) : fallbackOperationId(method, p);
  const tags = Array.isArray(raw.tags) ? raw.tags.filter((t): t is string => typeof t === 'string') : [];
  const responses = buildResponses(reg, reg.files.child(op, 'responses'));
  const node: OperationNode = {
    kind: 'operation',
    operationId,
    ...(named ? {} : { unnamed: true as const }),
    methodName: '',
    typeName: '',
    method,
    path: p,
    tag: tags[0] ?? 'default',
    ...(typeof raw.summary === 'string' ? { summary: raw.summary } : {}),
    ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
    deprecated: raw.deprecated === true,
    params: buildParams(reg, item, op),
    responses,
    security: securityOf(raw.security) ?? rootSecurity,
    loc: reg.files.loc(op),
  };
  const body = buildRequestBody(reg, reg.files.child(op, 'requestBody'));
  if (body) node.body = body;
  const pagination = readPagination(reg, op);
  if (pagination) node.pagination = pagination;
  const asyncExt = readAsync(reg, op, asyncDefault, (c) => buildResponse(reg, '200', c));
  if (asyncExt) node.async = asyncExt;
  const rateLimit = readRateLimit(reg, op);
  if (rateLimit) node.rateLimit = rateLimit;
  return node;
}

/** A located warning for each operation whose method name was derived (once names are chosen), worded as `lint` words it. */
function unnamedOperations(operations: OperationNode[]): Issue[] {
  return operations
    .filter((op) => op.unnamed)
    .map((op) => {
      const { file, pointer, line, col } = op.loc;
      const message = missingOperationIdMessage(`${op.method.toUpperCase()} ${op.path}`, op.methodName);
      return { file, pointer, line, col, code: 'operation-id-valid', severity: 'warning' as const, message };
    });
}

/** Path-level parameters overridden by operation-level ones (same name and location). */
function buildParams(reg: SchemaRegistry, item: Cursor, op: Cursor): Record<ParamLocation, ParamNode[]> {
  const byKey = new Map<string, ParamNode>();
  for (const list of [reg.files.child(item, 'parameters'), reg.files.child(op, 'parameters')]) {
    if (!Array.isArray(list.value)) continue;
    list.value.forEach((_, i) => {
      const param = buildParam(reg, reg.files.child(list, i));
      if (param) byKey.set(`${param.in}\0${param.name}`, param);
    });
  }
  const out: Record<ParamLocation, ParamNode[]> = { path: [], query: [], header: [], cookie: [] };
  for (const param of byKey.values()) out[param.in].push(param);
  return out;
}

function buildParam(reg: SchemaRegistry, at: Cursor): ParamNode | undefined {
  const c = reg.files.deref(at);
  if (!c || !isObject(c.value)) return undefined;
  const raw = c.value;
  const where = raw.in;
  if (typeof raw.name !== 'string' || (where !== 'path' && where !== 'query' && where !== 'header' && where !== 'cookie')) return undefined;
  const schemaAt = reg.files.child(c, 'schema');
  const style = typeof raw.style === 'string' ? raw.style : where === 'query' || where === 'cookie' ? 'form' : 'simple';
  const account = readAccountParam(reg, c);
  return {
    kind: 'param',
    name: raw.name,
    in: where,
    required: where === 'path' || raw.required === true,
    ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
    deprecated: raw.deprecated === true,
    schema: buildSchema(reg, schemaAt),
    json: schemaAt.value === undefined ? {} : toJsonSchema(reg, schemaAt),
    style,
    explode: typeof raw.explode === 'boolean' ? raw.explode : style === 'form',
    ...('example' in raw ? { example: raw.example } : {}),
    ...(account ? { account } : {}),
    loc: reg.files.loc(c),
  };
}

function buildRequestBody(reg: SchemaRegistry, at: Cursor): RequestBodyNode | undefined {
  if (at.value === undefined) return undefined;
  const c = reg.files.deref(at);
  if (!c || !isObject(c.value)) return undefined;
  return {
    kind: 'request-body',
    required: c.value.required === true,
    ...(typeof c.value.description === 'string' ? { description: c.value.description } : {}),
    contents: buildContents(reg, reg.files.child(c, 'content')),
    loc: reg.files.loc(c),
  };
}

function buildResponses(reg: SchemaRegistry, at: Cursor): ResponseNode[] {
  const keys = Object.keys(isObject(at.value) ? at.value : {}).filter((k) => /^([1-5](\d\d|XX)|default)$/i.test(k));
  return keys
    .map((status) => buildResponse(reg, status.toUpperCase().replace('DEFAULT', 'default'), reg.files.child(at, status)))
    .filter((r): r is ResponseNode => r !== undefined)
    .sort((a, b) => compareText(statusOrder(a.status), statusOrder(b.status)));
}

function statusOrder(status: string): string {
  return status === 'default' ? '9' : status.includes('X') ? `${status[0]}~` : status;
}

function buildResponse(reg: SchemaRegistry, status: string, at: Cursor): ResponseNode | undefined {
  const c = reg.files.deref(at);
  if (!c || !isObject(c.value)) return undefined;
  const headersAt = reg.files.child(c, 'headers');
  const headers: HeaderNode[] = [];
  for (const name of Object.keys(isObject(headersAt.value) ? headersAt.value : {}).sort(compareText)) {
    const h = reg.files.deref(reg.files.child(headersAt, name));
    if (!h || !isObject(h.value)) continue;
    const schemaAt = reg.files.child(h, 'schema');
    headers.push({
      kind: 'header',
      name,
      ...(typeof h.value.description === 'string' ? { description: h.value.description } : {}),
      required: h.value.required === true,
      schema: buildSchema(reg, schemaAt),
      json: schemaAt.value === undefined ? {} : toJsonSchema(reg, schemaAt),
      loc: reg.files.loc(h),
    });
  }
  return {
    kind: 'response',
    status,
    description: typeof c.value.description === 'string' ? c.value.description : '',
    headers,
    contents: buildContents(reg, reg.files.child(c, 'content')),
    loc: reg.files.loc(c),
  };
}

function buildContents(reg: SchemaRegistry, at: Cursor): MediaNode[] {
  if (!isObject(at.value)) return [];
  return Object.keys(at.value)
    .sort(compareText)
    .map((mediaType) => buildMedia(reg, mediaType, reg.files.child(at, mediaType)))
    .filter((m): m is MediaNode => m !== undefined);
}

function buildMedia(reg: SchemaRegistry, mediaType: string, c: Cursor): MediaNode | undefined {
  if (!isObject(c.value)) return undefined;
  const schemaAt = reg.files.child(c, 'schema');
  const binary = !/json|x-www-form-urlencoded|multipart|^text\//i.test(mediaType) && schemaAt.value === undefined;
  const schema = binary ? { kind: 'binary' as const, loc: reg.files.loc(c), nullable: false, readOnly: false, writeOnly: false, deprecated: false } : buildSchema(reg, schemaAt);
  const examples = examplesOf(reg, c);
  const first = examples[0]?.value ?? schema.example;
  return {
    kind: 'media',
    mediaType: mediaType.toLowerCase(),
    schema,
    json: schemaAt.value === undefined ? {} : toJsonSchema(reg, schemaAt),
    ...(first !== undefined ? { example: first } : {}),
    examples,
    loc: reg.files.loc(c),
  };
}

function examplesOf(reg: SchemaRegistry, c: Cursor): { name: string; value: unknown }[] {
  const raw = c.value as Record<string, unknown>;
  const out: { name: string; value: unknown }[] = [];
  if ('example' in raw) out.push({ name: 'default', value: raw.example });
  const at = reg.files.child(c, 'examples');
  for (const name of Object.keys(isObject(at.value) ? at.value : {}).sort(compareText)) {
    const ex = reg.files.deref(reg.files.child(at, name));
    if (ex && isObject(ex.value) && 'value' in ex.value) out.push({ name, value: ex.value.value });
  }
  return out;
}

function securityOf(value: unknown): string[][] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(isObject).map((req) => Object.keys(req).sort(compareText));
}

/** Groups operations by tag, naming methods uniquely within each group. */
function groupByTag(reg: SchemaRegistry, top: Cursor, operations: OperationNode[]): TagNode[] {
  const tagDocs = new Map<string, string>();
  const declared = own(top.value, 'tags');
  if (Array.isArray(declared)) for (const t of declared) if (isObject(t) && typeof t.name === 'string' && typeof t.description === 'string') tagDocs.set(t.name, t.description);
  const tagNames = [...new Set(operations.map((o) => o.tag))];
  const props = uniqueNames(tagNames, (t) => camelCase(t, 'default'), ['withOptions', 'toJSON', 'request', 'options']);
  const types = uniqueNames(tagNames, (t) => pascalCase(t, 'Default'));
  const typeStems = uniqueNames(operations.map((o) => o.operationId), (id) => pascalCase(id, 'Operation'));
  for (const op of operations) op.typeName = typeStems.get(op.operationId)!;
  return tagNames
    .map((name) => {
      const ops = operations.filter((o) => o.tag === name);
      const methods = uniqueNames(ops.map((o) => o.operationId), (id) => camelCase(id, 'operation'));
      for (const op of ops) op.methodName = methods.get(op.operationId)!;
      const typeName = types.get(name)!;
      return {
        kind: 'tag' as const,
        name,
        ...(tagDocs.has(name) ? { description: tagDocs.get(name)! } : {}),
        propertyName: props.get(name)!,
        typeName,
        fileName: fileStem(typeName, 'Default'),
        operations: ops.sort((a, b) => compareText(a.methodName, b.methodName)),
      };
    })
    .sort((a, b) => compareText(a.name, b.name));
}
