/**
 * The one model every emitter reads. Nodes are tagged by `kind`, built through
 * the factories in `build-*.ts`, and carry the spec location they came from.
 * All names in the model (`name`, `typeName`, `methodName`, `fileName`, …) are
 * already safe: they were made by `names.ts` and can be printed as they are.
 */
import type { Issue, SpecLocation } from '../issues.js';
import type { HttpMethod } from '../load/validate.js';

export type { SpecLocation, HttpMethod };

/** A JSON Schema (2020-12 dialect, OpenAPI 3.1 shape) with refs as `#/components/schemas/<name>`. */
export type JsonSchema = Record<string, unknown> | boolean;

interface SchemaBase {
  loc: SpecLocation;
  description?: string;
  title?: string;
  /** `type: [..., 'null']`, 3.0 `nullable: true`, or a `null` member of a union. */
  nullable: boolean;
  readOnly: boolean;
  writeOnly: boolean;
  deprecated: boolean;
  default?: unknown;
  /** The first example found: schema `example`, or `examples[0]`. */
  example?: unknown;
  format?: string;
}

export interface RefSchemaNode extends SchemaBase {
  kind: 'ref';
  /** The referenced named schema's `typeName`. */
  target: string;
}

export interface PrimitiveSchemaNode extends SchemaBase {
  kind: 'primitive';
  type: 'string' | 'number' | 'integer' | 'boolean' | 'null';
  constraints: Constraints;
}

export interface EnumSchemaNode extends SchemaBase {
  kind: 'enum';
  /** `enum` or `const` values, in spec order. */
  values: (string | number | boolean | null)[];
}

export interface PropertyNode {
  /** The property name exactly as in the spec (print with `propertyKey`). */
  name: string;
  required: boolean;
  schema: SchemaNode;
}

export interface ObjectSchemaNode extends SchemaBase {
  kind: 'object';
  /** Sorted as in the spec. */
  properties: PropertyNode[];
  /** `additionalProperties`: false for none, a schema for typed extras, true for any. */
  additional: SchemaNode | boolean;
}

export interface ArraySchemaNode extends SchemaBase {
  kind: 'array';
  items: SchemaNode;
  constraints: Constraints;
}

export interface UnionSchemaNode extends SchemaBase {
  kind: 'union';
  /** `oneOf` / `anyOf` members, or several `type`s. */
  variants: SchemaNode[];
  discriminator?: { propertyName: string; mapping: Record<string, string> };
}

export interface IntersectionSchemaNode extends SchemaBase {
  kind: 'intersection';
  parts: SchemaNode[];
}

/** Bytes: `format: binary`, `contentMediaType`, or a non-JSON media type. */
export interface BinarySchemaNode extends SchemaBase {
  kind: 'binary';
}

export interface UnknownSchemaNode extends SchemaBase {
  kind: 'unknown';
}

export type SchemaNode =
  | RefSchemaNode
  | PrimitiveSchemaNode
  | EnumSchemaNode
  | ObjectSchemaNode
  | ArraySchemaNode
  | UnionSchemaNode
  | IntersectionSchemaNode
  | BinarySchemaNode
  | UnknownSchemaNode;

export interface Constraints {
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
}

/** A schema from `components/schemas` (or hoisted from another file / a `$ref` elsewhere). */
export interface NamedSchema {
  kind: 'named-schema';
  /** The name in the spec (map key). */
  name: string;
  /** Safe, unique PascalCase type name. `<typeName>Input` is never another schema's typeName (free for request variants). */
  typeName: string;
  /** Safe file name stem (no extension) for per-model files. */
  fileName: string;
  schema: SchemaNode;
  /** The schema as normalised JSON Schema; `$ref`s point at `#/components/schemas/<typeName>`. */
  json: JsonSchema;
  loc: SpecLocation;
}

export type ParamLocation = 'path' | 'query' | 'header' | 'cookie';

export interface ParamNode {
  kind: 'param';
  /** Wire name, exactly as in the spec. */
  name: string;
  in: ParamLocation;
  required: boolean;
  description?: string;
  deprecated: boolean;
  schema: SchemaNode;
  json: JsonSchema;
  /** OpenAPI `style`/`explode`, defaulted per location. */
  style: string;
  explode: boolean;
  example?: unknown;
  /** From `x-switchboard-account-param`: filled in from client configuration. */
  account?: AccountParam;
  loc: SpecLocation;
}

export interface AccountParam {
  from: 'username' | 'option';
  /** Client option name when `from: option`. */
  option?: string;
  env?: string;
}

export interface MediaNode {
  kind: 'media';
  /** Media type, lower-cased, e.g. `application/json`. */
  mediaType: string;
  schema: SchemaNode;
  json: JsonSchema;
  /** First example: media `example`, first of `examples`, or the schema's example. */
  example?: unknown;
  /** Every named example (`examples` map), with `example` as `default`. Sorted by name. */
  examples: { name: string; value: unknown }[];
  loc: SpecLocation;
}

export interface RequestBodyNode {
  kind: 'request-body';
  required: boolean;
  description?: string;
  contents: MediaNode[];
  loc: SpecLocation;
}

export interface HeaderNode {
  kind: 'header';
  name: string;
  description?: string;
  required: boolean;
  schema: SchemaNode;
  json: JsonSchema;
  loc: SpecLocation;
}

export interface ResponseNode {
  kind: 'response';
  /** `200`, `4XX` or `default`. */
  status: string;
  description: string;
  headers: HeaderNode[];
  /** Empty when the response has no body. */
  contents: MediaNode[];
  loc: SpecLocation;
}

export interface PaginationExt {
  style: 'offset' | 'page';
  /** Property holding the page's items. */
  items: string;
  /** Dotted path to the next-page link. */
  next: string;
  limitParam?: string;
  offsetParam?: string;
  pageParam?: string;
  pageSizeParam?: string;
}

export interface AsyncExt {
  urlParam: string;
  methodParam: string;
  status: string;
  response: ResponseNode;
}

export interface RateLimitExt {
  requests: number;
  windowSeconds: number;
}

export interface OperationNode {
  kind: 'operation';
  /** operationId as in the spec, or derived from method and path when absent. */
  operationId: string;
  /** The spec gives no (usable) operationId: `operationId` and the method name were derived. */
  unnamed?: true;
  /** Safe camelCase method name, unique within its tag group. */
  methodName: string;
  /** Safe PascalCase stem for this operation's types (`MakeCall` → `MakeCallParams`). */
  typeName: string;
  method: HttpMethod;
  /** Path template exactly as in the spec. */
  path: string;
  /** The operation's one tag (the first, or `default`). */
  tag: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  params: Record<ParamLocation, ParamNode[]>;
  body?: RequestBodyNode;
  /** Sorted by status (numeric codes, then ranges, then `default`). */
  responses: ResponseNode[];
  /** Security requirement names in effect (empty array: explicitly none). */
  security: string[][];
  pagination?: PaginationExt;
  async?: AsyncExt;
  rateLimit?: RateLimitExt;
  loc: SpecLocation;
}

export interface TagNode {
  kind: 'tag';
  name: string;
  description?: string;
  /** camelCase property name on the client (`client.calls`). */
  propertyName: string;
  /** PascalCase stem (`Calls` → `CallsApi`, docs `CallsApi.md`). */
  typeName: string;
  /** Safe file name stem. */
  fileName: string;
  /** Sorted by methodName. */
  operations: OperationNode[];
}

export interface SecuritySchemeNode {
  name: string;
  type: string;
  scheme?: string;
  in?: string;
  paramName?: string;
  description?: string;
}

export interface CredentialExt {
  option: string;
  env?: string;
}

export interface ClientExt {
  className: string;
  credentials?: { username: CredentialExt; password: CredentialExt };
}

export interface ErrorsExt {
  schema?: SchemaNode;
  message?: string;
  requestId?: string;
  code?: string;
  type?: string;
  status?: string;
  moreInfo?: string;
}

export interface MethodOverrideExt {
  param: string;
  via: string;
  methods: string[];
}

export interface ApiModel {
  kind: 'api';
  /** Short API name from the spec's file name (`plivo`); also the package stem. */
  name: string;
  /** npm package name: `--package-name`, or `@switchboard/<name>` (`@switchboard/plivo`). */
  packageName: string;
  title: string;
  version: string;
  description?: string;
  servers: { url: string; description?: string }[];
  /** Sorted by typeName. */
  schemas: NamedSchema[];
  /** Sorted by tag name. */
  tags: TagNode[];
  /** Every operation, sorted by path then method. */
  operations: OperationNode[];
  securitySchemes: SecuritySchemeNode[];
  client: ClientExt;
  errors: ErrorsExt;
  methodOverride?: MethodOverrideExt;
  rateLimit?: RateLimitExt;
  /** Located warnings about the spec that never fail a run (an operation without operationId, …). */
  warnings: Issue[];
  /** The spec as one document (other files' content inlined, see load/bundle.ts), for the package's `openapi.json`. */
  document: unknown;
  /**
   * The package's version and changelog when they do not come from `info.version`:
   * a fixed version, or one `version: 'auto'` worked out from the previous output (diff/version.ts).
   */
  release?: { version: string; changelog?: string };
  loc: SpecLocation;
}
