/**
 * JSON Schemas (2020-12) for Switchboard's vendor extensions, one per
 * `x-switchboard-*` name, matching "Spec extensions" in README.md. `extension-invalid`
 * validates every occurrence against these and checks it sits where the
 * extension is allowed.
 */

/** Where each extension may appear, by Redocly node type. */
export const EXTENSION_PLACES: Readonly<Record<string, readonly string[]>> = {
  'x-switchboard-client': ['Root'],
  'x-switchboard-errors': ['Root'],
  'x-switchboard-method-override': ['Root'],
  'x-switchboard-async': ['Root', 'Operation'],
  'x-switchboard-rate-limit': ['Root', 'Operation'],
  'x-switchboard-pagination': ['Operation'],
  'x-switchboard-account-param': ['Parameter'],
};

const identifier = { type: 'string', pattern: '^[A-Za-z_$][A-Za-z0-9_$]*$' };
const envName = { type: 'string', pattern: '^[A-Z_][A-Z0-9_]*$' };
const propertyName = { type: 'string', minLength: 1 };
const httpMethod = { enum: ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] };
const schemaOrRef = { type: 'object' };

const credential = {
  type: 'object',
  required: ['option'],
  additionalProperties: false,
  properties: { option: identifier, env: envName },
};

const asyncObject = {
  type: 'object',
  required: ['urlParam', 'response'],
  additionalProperties: false,
  properties: {
    urlParam: propertyName,
    methodParam: propertyName,
    status: { anyOf: [{ type: 'integer', minimum: 100, maximum: 599 }, { type: 'string', pattern: '^[1-5][0-9][0-9]$' }] },
    response: schemaOrRef,
  },
};

/** The schema of each extension's (object) value. */
export const EXTENSION_SCHEMAS: Readonly<Record<string, object>> = {
  'x-switchboard-client': {
    type: 'object',
    required: ['className'],
    additionalProperties: false,
    properties: {
      className: identifier,
      credentials: {
        type: 'object',
        required: ['username', 'password'],
        additionalProperties: false,
        properties: { username: credential, password: credential },
      },
    },
  },
  'x-switchboard-errors': {
    type: 'object',
    required: ['message'],
    additionalProperties: false,
    properties: {
      schema: schemaOrRef,
      message: propertyName,
      requestId: propertyName,
      code: propertyName,
      type: propertyName,
      status: propertyName,
      moreInfo: propertyName,
    },
  },
  'x-switchboard-account-param': {
    type: 'object',
    additionalProperties: false,
    properties: { from: { enum: ['username', 'option'] }, option: identifier, env: envName },
    if: { required: ['from'], properties: { from: { const: 'option' } } },
    then: { required: ['option'] },
    else: { properties: { option: false, env: false } },
  },
  'x-switchboard-pagination': {
    type: 'object',
    required: ['style', 'items', 'next'],
    additionalProperties: false,
    properties: {
      style: { enum: ['offset', 'page'] },
      items: propertyName,
      next: { type: 'string', pattern: '^[^.]+(\\.[^.]+)*$' },
      limitParam: propertyName,
      offsetParam: propertyName,
      pageParam: propertyName,
      pageSizeParam: propertyName,
    },
    allOf: [
      { if: { properties: { style: { const: 'offset' } } }, then: { properties: { pageParam: false, pageSizeParam: false } } },
      { if: { properties: { style: { const: 'page' } } }, then: { properties: { limitParam: false, offsetParam: false } } },
    ],
  },
  'x-switchboard-method-override': {
    type: 'object',
    required: ['param', 'methods'],
    additionalProperties: false,
    properties: {
      param: propertyName,
      via: httpMethod,
      methods: { type: 'array', minItems: 1, uniqueItems: true, items: httpMethod },
    },
  },
  'x-switchboard-async': asyncObject,
  'x-switchboard-rate-limit': {
    type: 'object',
    required: ['requests', 'windowSeconds'],
    additionalProperties: false,
    properties: {
      requests: { type: 'integer', exclusiveMinimum: 0 },
      windowSeconds: { type: 'number', exclusiveMinimum: 0 },
    },
  },
};

/** Short forms accepted besides the object shape: `true` for the account param, `false` to opt an operation out of async. */
const SHORTHANDS: Readonly<Record<string, readonly unknown[]>> = {
  'x-switchboard-account-param@Parameter': [true],
  'x-switchboard-async@Operation': [false],
};

/** Whether extension `name` may appear on a node of Redocly type `place`. */
export function extensionAllowed(name: string, place: string): boolean {
  return Object.hasOwn(EXTENSION_PLACES, name) && EXTENSION_PLACES[name].includes(place);
}

/** Whether `value` is one of the short forms accepted for `name` at `place`. */
export function isShorthand(name: string, place: string, value: unknown): boolean {
  return SHORTHANDS[`${name}@${place}`]?.includes(value) ?? false;
}
