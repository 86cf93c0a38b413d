/**
 * Property: fuzzed requests against the standalone mock servers of the three
 * seed APIs, over real HTTP on 127.0.0.1. Requests that are invalid by
 * construction (unknown path, undeclared method, broken or mistyped JSON,
 * unsupported content type, missing credentials) always get a 4xx; any other
 * fuzzed request never gets a 5xx; and the server is still up and answering
 * correctly afterwards.
 */
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send, type RawRequest } from './http.js';
import { basic, emitPackage, importPackage, removeTempDirs, ROOT } from './package.js';

afterAll(removeTempDirs);

const RUNS = 150;
const APIS = ['plivo', 'twilio', 'bandwidth'] as const;
const ACCOUNTS: Record<(typeof APIS)[number], string> = {
  plivo: 'MATESTACCOUNT0000001',
  twilio: 'AC0123456789abcdef0123456789abcdef',
  bandwidth: '5550001',
};

interface Op {
  operationId: string;
  method: string;
  path: string;
  auth: boolean;
  params: { name: string; in: string; account?: boolean }[];
  body?: { contents: { mediaType: string }[] };
}

const junk = fc.string({ unit: 'binary', maxLength: 120 });
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE'];

/** The path of `op` with every parameter filled: the account where there is one, else `value`. */
function fill(op: Op, account: string, value: (name: string) => string): string {
  return op.path.replace(/\{([^{}]+)\}/g, (_, name: string) => {
    const p = op.params.find((x) => x.name === name && x.in === 'path');
    return encodeURIComponent(p?.account ? account : value(name));
  });
}

type Fuzz = { kind: 'invalid' | 'any'; req: RawRequest };

function fuzzArb(ops: Op[], basePath: string, account: string): fc.Arbitrary<Fuzz> {
  const auth = { authorization: basic(account) };
  const op = fc.constantFrom(...ops);
  const withBody = ops.filter((o) => o.body?.contents.some((c) => c.mediaType === 'application/json'));
  const anyBody = ops.filter((o) => o.body);
  const at = (o: Op, s: string): string => basePath + fill(o, account, () => s || 'x');
  const invalid: fc.Arbitrary<RawRequest>[] = [
    fc.tuple(junk, fc.constantFrom(...METHODS)).map(([s, method]) => ({ method, path: `${basePath}/__no_such_route__/${encodeURIComponent(s)}`, headers: auth })),
    fc.tuple(op, junk, fc.constantFrom(...METHODS)).filter(([o, , m]) => !ops.some((x) => x.path === o.path && x.method === m)).map(([o, s, method]) => ({ method, path: at(o, s), headers: auth })),
    op.filter((o) => o.auth).map((o) => ({ method: o.method, path: at(o, 'x') })),
    fc.tuple(op.filter((o) => o.auth), fc.constantFrom('Bearer abc', 'Basic', 'Basic !!!', 'Basic Og==', 'Digest x=1')).map(([o, authorization]) => ({ method: o.method, path: at(o, 'x'), headers: { authorization } })),
  ];
  if (withBody.length) {
    const jsonOp = fc.constantFrom(...withBody);
    invalid.push(
      fc.tuple(jsonOp, junk).map(([o, s]) => ({ method: o.method, path: at(o, 'x'), headers: { ...auth, 'content-type': 'application/json' }, body: `{"unterminated": ${JSON.stringify(s)}` })),
      fc.tuple(jsonOp, fc.oneof(fc.integer(), fc.array(junk), fc.constant(null), junk)).map(([o, v]) => ({ method: o.method, path: at(o, 'x'), headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(v) })),
    );
  }
  if (anyBody.length) {
    invalid.push(fc.tuple(fc.constantFrom(...anyBody), fc.uint8Array({ maxLength: 200 })).map(([o, bytes]) => ({ method: o.method, path: at(o, 'x'), headers: { ...auth, 'content-type': 'text/x-fuzz' }, body: bytes })));
  }
  const any: fc.Arbitrary<RawRequest> = fc
    .tuple(op, junk, fc.dictionary(junk, junk, { maxKeys: 4 }), fc.option(fc.uint8Array({ maxLength: 300 })), fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', ''))
    .map(([o, s, query, bytes, type]) => {
      const q = new URLSearchParams(query).toString();
      const headers: Record<string, string> = { ...auth, ...(type ? { 'content-type': type } : {}) };
      return { method: o.method, path: at(o, s) + (q ? `?${q}` : ''), headers, ...(bytes ? { body: bytes } : {}) };
    });
  return fc.oneof(...invalid.map((a) => a.map((req) => ({ kind: 'invalid' as const, req }))), any.map((req) => ({ kind: 'any' as const, req })));
}

describe.each(APIS)('%s mock server under fuzzed requests', (api) => {
  let server: any;
  let ops: Op[];

  beforeAll(async () => {
    const { dir } = await emitPackage(path.join(ROOT, 'specs', `${api}.yaml`), api);
    const { mocks } = await importPackage(dir);
    server = await mocks.startMockServer({ port: 0 });
    ops = mocks.spec.operations;
  }, 120_000);

  afterAll(async () => server?.close());

  it('answers 4xx to every invalid request and never 5xx to any request', async () => {
    const base = new URL(server.baseUrl);
    await fc.assert(
      fc.asyncProperty(fuzzArb(ops, base.pathname.replace(/\/$/, ''), ACCOUNTS[api]), async ({ kind, req }) => {
        const res = await send(server.url, req);
        const where = `${req.method} ${req.path} → ${res.status} ${res.body.slice(0, 200)}`;
        expect(res.status, where).toBeLessThan(500);
        if (kind === 'invalid') expect(res.status, where).toBeGreaterThanOrEqual(400);
      }),
      { numRuns: RUNS, seed: 42 },
    );
  }, 120_000);

  it('is still up and answers a valid request afterwards', async () => {
    // A read that needs nothing but the account: every API has one (its account or a list).
    const list = ops.find((o) => o.method === 'GET' && o.params.every((p) => (p.in === 'path' ? p.account : !(p as { required?: boolean }).required)))!;
    const base = new URL(server.baseUrl).pathname.replace(/\/$/, '');
    const res = await send(server.url, { method: 'GET', path: base + fill(list, ACCOUNTS[api], () => 'x'), headers: { authorization: basic(ACCOUNTS[api]) } });
    expect(res.status).toBe(200);
  });
});
