/**
 * The hostile fixture specs, built as data so every payload is exact. Each is
 * written to a temp folder as YAML (or as the raw YAML text given) and run
 * through `generate()` end to end by `hostile.test.ts`.
 */
import { ALL_PAYLOADS, CODE_PAYLOADS, EVERYTHING, HOSTILE_NAMES, MARKUP_PAYLOADS, TRAVERSAL_NAMES } from './payloads.js';

type Obj = Record<string, unknown>;

export interface HostileCase {
  name: string;
  /** The spec as data (written as YAML), or raw YAML text. */
  spec: Obj | string;
  /** Other files beside the spec folder (relative to the temp root; the spec is `spec/openapi.yaml`). */
  files?: Record<string, string>;
  /** What must happen: output that passes every check, or a located rejection with these codes. */
  expect: { generates: true } | { rejects: string[] };
  /** Extra TypeScript put in the generated `src/` before compiling: type assertions about the output. */
  typeCheck?: string;
}

const ok = { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' } } } } } } };

function doc(extra: Obj): Obj {
  return { openapi: '3.1.0', info: { title: 'Hostile', version: '1.0.0' }, ...extra };
}

/** A GET with a path parameter per `{…}` in the path. */
function opFor(path: string, extra: Obj = {}): Obj {
  const names = [...path.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]);
  const parameters = names.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  return { get: { ...(parameters.length ? { parameters } : {}), responses: ok, ...extra } };
}

const pathKeys: Obj = {};
[
  "/q'uote/{id}",
  '/dq"uote/{x"y}',
  "/b`ack`tick/{it's}",
  '/tmpl/${globalThis.__pwned = 4}/{a}',
  '/new\nline/*/ globalThis.__pwned = 1; /*',
  '/sep\u2028ator',
  '/back\\slash/{b\\s}',
  '/<script>alert(1)</script>',
].forEach((p, i) => (pathKeys[p] = opFor(p, i % 2 ? { operationId: CODE_PAYLOADS[i % CODE_PAYLOADS.length] } : {})));

const textOp = {
  operationId: 'textOp',
  tags: ['Text'],
  summary: EVERYTHING,
  description: EVERYTHING,
  externalDocs: { url: 'javascript:alert(1)', description: MARKUP_PAYLOADS[1] },
  parameters: [{ name: 'q', in: 'query', description: EVERYTHING, schema: { type: 'string', description: EVERYTHING, example: EVERYTHING } }],
  requestBody: { description: EVERYTHING, content: { 'application/json': { schema: { $ref: '#/components/schemas/Texty' }, example: { name: EVERYTHING } } } },
  responses: { '200': { description: EVERYTHING, headers: { 'X-Evil': { description: EVERYTHING, schema: { type: 'string' } } }, content: { 'application/json': { schema: { $ref: '#/components/schemas/Texty' } } } } },
};

const enumValues = [...ALL_PAYLOADS, '', '\\', '\\\\', "'", '"', '`', '${x}', '\u0000', 'a\u2028b'];

function names(list: string[]): Obj {
  const out: Obj = {};
  list.forEach((n, i) => {
    put(out, n, {
      type: 'object',
      properties: Object.fromEntries(list.map((p) => [p, { type: i % 2 ? 'string' : 'integer' }])),
      required: list.slice(0, 5),
    });
  });
  return out;
}

/** Operations with hostile operationIds, tags and parameter names. */
function namedOps(list: string[]): Obj {
  const paths: Obj = {};
  list.forEach((n, i) => {
    const parameters = list.map((p) => ({ name: p, in: 'query', schema: { type: 'string' } }));
    const op: Obj = { operationId: n, tags: [list[(i * 7) % list.length]], parameters, responses: ok };
    if (n !== '') op.requestBody = { content: { 'application/json': { schema: { $ref: `#/components/schemas/${encodeRef(n)}` } } } };
    paths[`/n${i}`] = { post: op };
  });
  return paths;
}

/** `out[key] = value` as an own property, even for `__proto__`. */
function put(out: Obj, key: string, value: unknown): void {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A JSON pointer segment in a URI fragment: `~` and `/` escaped, then percent-encoded. */
export function encodeRef(name: string): string {
  return encodeURIComponent(name.replace(/~/g, '~0').replace(/\//g, '~1'));
}

export const CASES: HostileCase[] = [
  { name: 'path keys with quotes, backticks, ${…} and newlines', spec: doc({ paths: pathKeys }), expect: { generates: true } },
  {
    name: 'servers, titles, descriptions and summaries with comment closers, backticks and markup',
    spec: doc({
      info: { title: EVERYTHING, version: CODE_PAYLOADS[1], description: EVERYTHING, termsOfService: 'javascript:alert(1)', contact: { name: EVERYTHING, url: 'javascript:alert(1)' } },
      servers: [
        { url: "https://api.example.com/*/'\"`${globalThis.__pwned = 4}</script><img src=x onerror=alert(1)>", description: EVERYTHING },
        { url: 'javascript:alert(1)', description: MARKUP_PAYLOADS[2] },
      ],
      tags: [{ name: 'Text', description: EVERYTHING }],
      paths: { '/text': { summary: EVERYTHING, description: EVERYTHING, post: textOp } },
      components: {
        schemas: {
          Texty: {
            title: EVERYTHING,
            description: EVERYTHING,
            type: 'object',
            properties: { name: { type: 'string', title: EVERYTHING, description: EVERYTHING, default: EVERYTHING, example: EVERYTHING, format: CODE_PAYLOADS[0], pattern: "*/'\"`${x}" } },
          },
        },
      },
    }),
    expect: { generates: true },
  },
  {
    name: 'enum values and defaults with quotes, backslashes and ${…}',
    spec: doc({
      paths: { '/e': { get: { operationId: 'getE', parameters: [{ name: 'e', in: 'query', schema: { $ref: '#/components/schemas/Evil' } }], responses: ok } } },
      components: {
        schemas: {
          Evil: { type: 'string', enum: enumValues, default: CODE_PAYLOADS[1] },
          EvilObj: {
            type: 'object',
            properties: Object.fromEntries(ALL_PAYLOADS.map((p, i) => [p, { type: 'string', enum: [p], default: p, const: p, example: ALL_PAYLOADS[(i + 1) % ALL_PAYLOADS.length] }])),
          },
          Nums: { type: 'number', enum: [0, -1, 1.5, 1e21], default: 1e21 },
        },
      },
    }),
    expect: { generates: true },
    typeCheck: [
      "import type { Evil, Nums } from './models.js';",
      `export const every: Evil[] = [${enumValues.map((v) => JSON.stringify(v)).join(', ')}];`,
      '// @ts-expect-error not one of the values',
      "export const wrong: Evil = 'not-a-member';",
      'export const nums: Nums[] = [0, -1, 1.5, 1e21];',
      '// @ts-expect-error not one of the values',
      'export const wrongNum: Nums = 2;',
    ].join('\n'),
  },
  {
    name: 'operationIds, tags, parameter and schema names that are reserved, empty, non-ASCII or collide',
    spec: doc({ paths: namedOps(HOSTILE_NAMES), components: { schemas: names(HOSTILE_NAMES) } }),
    expect: { generates: true },
  },
  {
    name: 'tag and schema names that try to leave the output folder',
    spec: doc({ paths: namedOps(TRAVERSAL_NAMES), components: { schemas: names(TRAVERSAL_NAMES) } }),
    expect: { generates: true },
  },
  {
    name: '$refs to /etc/passwd, file:///, http://127.0.0.1 and ../outside.yaml',
    spec: doc({
      paths: { '/r': { get: { operationId: 'getR', responses: ok } } },
      components: {
        schemas: {
          A: { $ref: '/etc/passwd' },
          B: { $ref: 'file:///etc/passwd' },
          C: { $ref: 'http://127.0.0.1:9/x.yaml' },
          D: { $ref: '../outside.yaml' },
          E: { $ref: '%2e%2e/outside.yaml' },
          F: { $ref: '..%2Foutside.yaml#/secret' },
        },
      },
    }),
    files: { 'outside.yaml': 'secret: {type: string, description: must never be read}\n' },
    expect: { rejects: ['ref-forbidden'] },
  },
  {
    name: 'a YAML alias bomb',
    spec: ['openapi: 3.1.0', 'info: {title: T, version: "1"}', 'paths: {}', 'x-bomb:', ...bomb()].join('\n') + '\n',
    expect: { rejects: ['yaml-invalid'] },
  },
  {
    name: 'a << merge key and __proto__ keys that try to pollute prototypes',
    spec: [
      'openapi: 3.1.0',
      'info: {title: T, version: "1"}',
      'x-base: &base',
      '  __proto__: {polluted: yes, isAdmin: true}',
      '  constructor: {prototype: {polluted: yes}}',
      'paths:',
      '  /m:',
      '    get:',
      '      operationId: getM',
      '      <<: *base',
      '      __proto__: {polluted: yes}',
      '      responses:',
      "        '200':",
      '          description: ok',
      '          content:',
      '            application/json:',
      '              schema: {$ref: "#/components/schemas/Merged"}',
      'components:',
      '  schemas:',
      '    __proto__: {type: object, properties: {polluted: {type: string}}}',
      '    Merged:',
      '      <<: *base',
      '      type: object',
      '      __proto__: {type: string}',
      '      properties:',
      '        <<: *base',
      '        __proto__: {type: string, enum: [polluted]}',
      '        ok: {type: string}',
    ].join('\n') + '\n',
    expect: { generates: true },
  },
  {
    name: 'x-switchboard extensions carrying code',
    spec: doc({
      'x-switchboard-client': {
        className: CODE_PAYLOADS[1],
        credentials: { username: { option: CODE_PAYLOADS[3], env: CODE_PAYLOADS[2] }, password: { option: '__proto__', env: 'X;process.exit(9)' } },
      },
      'x-switchboard-errors': { message: CODE_PAYLOADS[1], requestId: '__proto__', code: CODE_PAYLOADS[4], type: 'constructor' },
      'x-switchboard-rate-limit': { requests: 1, windowSeconds: 1 },
      'x-switchboard-method-override': { param: CODE_PAYLOADS[2], via: CODE_PAYLOADS[3], methods: ['PUT', CODE_PAYLOADS[1]] },
      paths: {
        '/p': {
          get: {
            operationId: 'listP',
            parameters: [
              { name: CODE_PAYLOADS[1], in: 'query', schema: { type: 'integer' } },
              { name: CODE_PAYLOADS[2], in: 'query', schema: { type: 'integer' } },
            ],
            'x-switchboard-pagination': { style: 'offset', items: CODE_PAYLOADS[0], next: CODE_PAYLOADS[3], limitParam: CODE_PAYLOADS[1], offsetParam: CODE_PAYLOADS[2] },
            responses: ok,
          },
        },
      },
    }),
    expect: { generates: true },
  },
];

/** Nine levels of ten aliases each: 10^9 nodes if expanded. */
function bomb(): string[] {
  const lines = ['  a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 9; i++) lines.push(`  a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
  return lines;
}
