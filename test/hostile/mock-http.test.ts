/**
 * Malformed HTTP against the standalone mock server (127.0.0.1): truncated
 * bodies, huge headers, bytes that are not HTTP, broken chunking, oversized
 * bodies, and slowloris-style slow headers and slow bodies held open while
 * other clients are served. After each, the server is still up and answers
 * a valid request.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basic, emitPackage, importPackage, removeTempDirs, ROOT } from '../property/package.js';
import { rawExchange, send } from '../property/http.js';

afterAll(removeTempDirs);

const ACCOUNT = 'MATESTACCOUNT0000001';
const AUTH = basic(ACCOUNT);

describe('the mock server under malformed HTTP', () => {
  let server: any;
  let callPath: string;

  beforeAll(async () => {
    const { dir } = await emitPackage(path.join(ROOT, 'specs', 'plivo.yaml'), 'plivo');
    const { mocks } = await importPackage(dir);
    server = await mocks.startMockServer({ port: 0, maxBodyBytes: 64 * 1024 });
    callPath = `${new URL(server.baseUrl).pathname.replace(/\/$/, '')}/Account/${ACCOUNT}/Call/`;
  }, 120_000);

  afterAll(async () => server?.close());

  /** A valid read: the server is up and answering correctly. */
  async function expectUp(): Promise<void> {
    const res = await send(server.url, { method: 'GET', path: `${callPath}?limit=1`, headers: { authorization: AUTH } });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).meta.total_count).toBeGreaterThan(0);
  }

  const head = (extra: string): string => `POST ${callPath} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${AUTH}\r\nContent-Type: application/json\r\n${extra}\r\n`;

  it('a body cut short by the client closing', async () => {
    await rawExchange(server.url, [head('Content-Length: 1000\r\n'), '{"from": "+1415'], 300);
    await expectUp();
  });

  it('a 64 KiB header gets 431', async () => {
    const { reply } = await rawExchange(server.url, [`GET ${callPath} HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`], 3000);
    expect(reply).toMatch(/^HTTP\/1\.1 431 /);
    await expectUp();
  });

  it.each([
    ['bytes that are not HTTP', '\u0000\u00ff\u00fe GARBAGE \r\n\r\n'],
    ['a broken chunk size', `${head('Transfer-Encoding: chunked\r\n')}ZZ\r\n{}\r\n0\r\n\r\n`],
    ['Content-Length and Transfer-Encoding together', `${head('Content-Length: 2\r\nTransfer-Encoding: chunked\r\n')}0\r\n\r\n`],
    ['a negative Content-Length', `${head('Content-Length: -5\r\n')}{}`],
  ])('%s get 400', async (_name, bytes) => {
    const { reply } = await rawExchange(server.url, [Buffer.from(bytes, 'latin1')], 3000);
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    await expectUp();
  });

  it('a declared body over the limit gets 413 without being read', async () => {
    const { reply } = await rawExchange(server.url, [head(`Content-Length: ${10 * 1024 * 1024}\r\n`), '{"a":'], 3000);
    expect(reply).toMatch(/^HTTP\/1\.1 413 /);
    await expectUp();
  });

  it('a chunked body that grows past the limit gets 413', async () => {
    const chunk = `${(32 * 1024).toString(16)}\r\n${'a'.repeat(32 * 1024)}\r\n`;
    const { reply } = await rawExchange(server.url, [head('Transfer-Encoding: chunked\r\n'), chunk, chunk, chunk, chunk], 3000);
    expect(reply).toMatch(/^HTTP\/1\.1 413 /);
    await expectUp();
  });

  it('slowloris: 40 connections trickling headers and bodies do not stop other clients', async () => {
    const slowHeaders = Array.from({ length: 20 }, () =>
      rawExchange(server.url, [`GET ${callPath} HTTP/1.1\r\n`, ...Array.from({ length: 30 }, (_, i) => `X-Slow-${i}: ${i}\r\n`)], 1500, 50),
    );
    const slowBodies = Array.from({ length: 20 }, () => rawExchange(server.url, [head('Content-Length: 2000\r\n'), ...Array.from({ length: 40 }, () => ' ')], 1500, 30));
    // While every slow connection is open, a normal client is served, repeatedly.
    for (let i = 0; i < 10; i++) await expectUp();
    await Promise.all([...slowHeaders, ...slowBodies]);
    await expectUp();
  });
});
