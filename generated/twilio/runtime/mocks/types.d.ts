/**
 * The mock description: everything the mock runtime knows about an API, as
 * plain data. `src/mocks/spec.ts` holds one of these, emitted from the spec;
 * the runtime (validation, store, samples, faults) is driven by it alone.
 */
/** A JSON Schema object (2020-12 subset); `$ref`s point at `#/components/schemas/<Name>`. */
export interface SchemaObject {
  $ref?: unknown;
  type?: unknown;
  enum?: unknown;
  const?: unknown;
  format?: unknown;
  pattern?: unknown;
  properties?: unknown;
  required?: unknown;
  additionalProperties?: unknown;
  patternProperties?: unknown;
  items?: unknown;
  prefixItems?: unknown;
  allOf?: unknown;
  anyOf?: unknown;
  oneOf?: unknown;
  not?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  exclusiveMinimum?: unknown;
  exclusiveMaximum?: unknown;
  multipleOf?: unknown;
  minLength?: unknown;
  maxLength?: unknown;
  minItems?: unknown;
  maxItems?: unknown;
  uniqueItems?: unknown;
  minProperties?: unknown;
  maxProperties?: unknown;
  default?: unknown;
  example?: unknown;
  examples?: unknown;
  [keyword: string]: unknown;
}
/** A JSON Schema: an object, or `true`/`false`. */
export type JsonSchema = SchemaObject | boolean;
export interface MockSpec {
  title: string;
  /** The first server URL of the spec, e.g. `https://api.plivo.com/v1`. */
  serverUrl: string;
  /** Its path, under which every route is served (`/v1`; '' for none). */
  basePath: string;
  /** Named schemas, by the name `$ref`s use. */
  schemas: Record<string, JsonSchema>;
  /** Which fields of the API's error body carry what. */
  errors: ErrorFields;
  /** `POST …?_method=PUT|DELETE` routing. */
  methodOverride?: {
    param: string;
    via: string;
    methods: string[];
  };
  /** The account id used in the spec's examples; rewritten to the caller's account in seeded data. */
  accountExample?: string;
  /** Stateful resources, by name. */
  resources: Record<string, MockResource>;
  operations: MockOperation[];
}
export interface ErrorFields {
  schema?: JsonSchema;
  message?: string;
  requestId?: string;
  code?: string;
  type?: string;
  status?: string;
  moreInfo?: string;
}
export interface MockParam {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonSchema;
  /** Filled in from the account (`x-switchboard-account-param`). */
  account?: boolean;
  example?: unknown;
}
export interface MockMedia {
  mediaType: string;
  schema: JsonSchema;
  /** Named examples, `default` first when the spec has a single `example`. */
  examples: {
    name: string;
    value: unknown;
  }[];
  /** The body is bytes (audio, images, octet streams). */
  binary?: boolean;
}
export interface MockResponseHeader {
  name: string;
  required: boolean;
  schema: JsonSchema;
}
export interface MockResponse {
  /** `200`, `4XX` or `default`. */
  status: string;
  headers: MockResponseHeader[];
  contents: MockMedia[];
}
export interface MockPagination {
  style: 'offset' | 'page';
  items: string;
  next: string;
  limitParam?: string;
  offsetParam?: string;
  pageParam?: string;
  pageSizeParam?: string;
}
/** What an operation does to the store. */
export type MockAction =
  'list' | 'create' | 'read' | 'update' | 'delete' | 'sub-read' | 'sub-write' | 'sub-delete';
export interface MockState {
  action: MockAction;
  /** Name of the resource in `MockSpec.resources`. */
  resource: string;
  /** The path parameter holding the record's id (item and sub-resource operations). */
  idParam?: string;
  /** Path parameters that select a parent, with the record property that must equal them. */
  parents: {
    param: string;
    property: string;
  }[];
  /** The success body is the record itself (merged over the example). */
  responseIsRecord?: boolean;
  /** For creates answering with an acknowledgement: the property that carries the new id. */
  responseIdProperty?: string;
  /** For list operations: property path of the items in the body (empty: the body is the array). */
  itemsPath?: string[];
  /** Sub-resource operations: its name (`media`) and the record property that mirrors it (`mediaUrl`). */
  sub?: {
    name: string;
    property?: string;
  };
}
export interface MockResource {
  /** The schema of one record. */
  schema: JsonSchema;
  /** The record property holding its id. */
  idProperty?: string;
  /** The record property holding the account id. */
  accountProperty?: string;
  /** Records every account starts with, from the spec's examples. */
  seeds: unknown[];
}
export interface MockOperation {
  operationId: string;
  /** Upper-case HTTP method. */
  method: string;
  /** Path template exactly as in the spec, relative to `basePath`. */
  path: string;
  /** HTTP Basic credentials are required. */
  auth: boolean;
  params: MockParam[];
  body?: {
    required: boolean;
    contents: MockMedia[];
  };
  /** Sorted: success statuses first. */
  responses: MockResponse[];
  pagination?: MockPagination;
  /** Callback-URL requests answer an acknowledgement and deliver the response later. */
  async?: {
    urlParam: string;
    methodParam: string;
    status: number;
    media?: MockMedia;
  };
  state?: MockState;
}
