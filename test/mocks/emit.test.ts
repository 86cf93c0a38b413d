/**
 * The mocks emitter's output: it type-checks under the strictest compiler
 * options together with the typed `override()` (the type tests below must
 * each produce their expected error), it is deterministic, and hostile spec
 * text (`__proto__` keys, comment terminators, odd names) cannot break it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { clientEmitter } from '../../generator/emit/client/index.js';
import { mocksEmitter } from '../../generator/emit/mocks/index.js';
import { loadSpec } from '../../generator/load/index.js';
import { buildModel } from '../../generator/model/build.js';
import { APIS, ROOT, WITH_CLIENT, basic, emitApis, repoTempDir, type Api, type Emitted } from './helpers.js';

const STRICTEST: ts.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  noPropertyAccessFromIndexSignature: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  types: ['node'],
  typeRoots: [path.join(ROOT, 'node_modules/@types')],
  skipLibCheck: true,
  noEmit: true,
};

const PLIVO_TYPE_TESTS = `
import { createMock, override, startMockServer, type MockResponses } from './src/mocks/index.js';

override('makeCall', () => ({ status: 201, body: { api_id: 'a', message: 'call fired', request_uuid: 'u' } }));
override('hangupCall', () => ({ status: 204 }));
override('getCall', ({ params }) => (params['call_uuid'] === 'x' ? undefined : { status: 404, body: { api_id: 'a', error: 'gone' } }));
override('getCall', () => new Response(null, { status: 204 }));
// @ts-expect-error the message of a fired call is the literal 'call fired'
override('makeCall', () => ({ status: 201, body: { api_id: 'a', message: 'queued', request_uuid: 'u' } }));
// @ts-expect-error 299 is not a status makeCall declares
override('makeCall', () => ({ status: 299, body: {} }));
// @ts-expect-error there is no operation makeCalls
override('makeCalls', () => undefined);
const mock = createMock({ seed: 2, stateless: true, faults: { latencyMs: 1 } });
mock.override('listCalls', () => ({ status: 200, body: { api_id: 'a', meta: { limit: 1, offset: 0, next: null, previous: null, total_count: 0 }, objects: [] } }));
// @ts-expect-error a page's objects are calls, not strings
mock.override('listCalls', () => ({ status: 200, body: { api_id: 'a', meta: { limit: 1, offset: 0, next: null, previous: null, total_count: 0 }, objects: ['x'] } }));
// @ts-expect-error seed is a number
createMock({ seed: 'one' });
const server: Promise<{ url: string; baseUrl: string; close(): Promise<void> }> = startMockServer({ port: 0, host: '127.0.0.1', maxBodyBytes: 10 });
type Fired = MockResponses['makeCall'][201];
const fired: Fired = { api_id: 'a', message: 'call fired', request_uuid: ['u'] };
export { server, fired };
`;

const HOSTILE_SPEC = `openapi: 3.1.0
info:
  title: "Hostile */ API \`\${x}\` <script>"
  version: 1.0.0
servers:
  - url: "https://hostile.example/base path/v1"
security:
  - basic: []
paths:
  /items/{id}:
    get:
      operationId: "get \\"items\\" */"
      summary: "ends a comment */ and opens /*"
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
        - { name: x-trace-id, in: header, required: false, schema: { type: string, pattern: "^[a-z]+$" } }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Item' }
              example: { __proto__: { polluted: true }, constructor: "*/", "a'b\\"c": "</script>\\u2028", id: "i-1" }
  /items/~recent:
    get:
      operationId: recentItems
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { type: array, items: { $ref: '#/components/schemas/Item' } }
              example: [{ id: "recent-1" }]
components:
  securitySchemes:
    basic: { type: http, scheme: basic }
  schemas:
    Item:
      type: object
      required: [id]
      properties:
        id: { type: string }
        __proto__: { type: object, description: "*/ evil" }
        constructor: { type: string }
        "a'b\\"c": { type: string }
`;

let apis: Record<Api, Emitted>;
let hostileDir: string;
let diagnostics: string[];

beforeAll(async () => {
  apis = await emitApis(APIS, WITH_CLIENT);
  fs.writeFileSync(path.join(apis.plivo.dir, 'type-tests.ts'), PLIVO_TYPE_TESTS);
  const specDir = repoTempDir('test-mocks-hostile-');
  fs.writeFileSync(path.join(specDir, 'hostile.yaml'), HOSTILE_SPEC);
  const model = buildModel(await loadSpec(path.join(specDir, 'hostile.yaml')), 'hostile');
  hostileDir = path.join(specDir, 'out');
  for (const emitter of [clientEmitter, mocksEmitter]) {
    for (const file of await emitter.emit(model)) {
      fs.mkdirSync(path.dirname(path.join(hostileDir, file.path)), { recursive: true });
      fs.writeFileSync(path.join(hostileDir, file.path), file.content);
    }
  }
  const roots = [...APIS.map((api) => path.join(apis[api].dir, 'src/mocks/index.ts')), path.join(apis.plivo.dir, 'type-tests.ts'), path.join(hostileDir, 'src/mocks/index.ts')];
  const program = ts.createProgram(roots, STRICTEST);
  diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
    const at = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    return `${path.relative(ROOT, d.file?.fileName ?? '')}:${at ? at.line + 1 : 0} TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}, 180_000);

describe('generated mocks', () => {
  it('type-check under the strictest options, and every @ts-expect-error of the override type tests is used', () => {
    expect(diagnostics).toEqual([]);
  });

  it('are the same bytes on every run', async () => {
    const model = buildModel(await loadSpec(path.join(ROOT, 'specs/twilio.yaml')), 'twilio');
    const [a, b] = [await mocksEmitter.emit(model), await mocksEmitter.emit(buildModel(await loadSpec(path.join(ROOT, 'specs/twilio.yaml')), 'twilio'))];
    expect(a.map((f) => f.path)).toEqual(b.map((f) => f.path));
    expect(a.map((f) => f.content)).toEqual(b.map((f) => f.content));
  });
});

describe('a hostile spec', () => {
  it('keeps __proto__ and quote-laden keys as data, routes the static segment first, and serves under its base path', async () => {
    const mod = await import(pathToFileURL(path.join(hostileDir, 'src/mocks/index.ts')).href);
    expect(mod.spec.basePath).toBe('/base%20path/v1');
    expect(Object.getPrototypeOf(mod.spec.schemas.Item.properties)).toBe(Object.prototype);
    expect(Object.keys(mod.spec.schemas.Item.properties)).toContain('__proto__');
    const mock = mod.createMock();
    const get = (p: string, headers: Record<string, string> = {}) =>
      mock.handle(new Request(`http://h.test/base%20path/v1${p}`, { headers: { authorization: basic('u'), ...headers } }));
    const item = await get('/items/i-1');
    expect(item.status).toBe(200);
    const text = await item.text();
    expect(text).toContain('"__proto__":{"polluted":true}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.parse(text)["a'b\"c"]).toBe('</script>\u2028');
    // The list is stateful: the example item of the single read is one of its records.
    expect((await (await get('/items/~recent')).json()).map((i: { id: string }) => i.id)).toEqual(['recent-1', 'i-1']);
    expect(mock.routes.map((r: any) => r.op.path)).toEqual(['/items/~recent', '/items/{id}']);
    const badHeader = await get('/items/i-1', { 'x-trace-id': 'NOT-LOWER' });
    expect(badHeader.status).toBe(400);
    expect(await badHeader.text()).toContain("'x-trace-id'");
  });
});
