/**
 * The standalone mock server over real HTTP on 127.0.0.1: started from code
 * (`startMockServer`) and from the CLI (`switchboard mock SPEC`), serving
 * under the spec's base path, refusing oversized and malformed bodies with
 * 4xx, taking faults at run time, and shutting down cleanly on SIGINT/SIGTERM.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../generator/main.js';
import { startCli, waitFor } from '../cli/cli-process.js';
import { ACCOUNTS, BASE_PATHS, ROOT, basic, emitApis, importMocks } from './helpers.js';

let plivo: any;
let server: any;
const lines: string[] = [];

beforeAll(async () => {
  const apis = await emitApis(['plivo']);
  plivo = await importMocks(apis.plivo.dir);
  server = await plivo.startMockServer({ port: 0, log: (line: string) => lines.push(line), maxBodyBytes: 4096 });
});
afterAll(async () => server?.close());

const auth = { authorization: basic(ACCOUNTS.plivo) };
const P = `/Account/${ACCOUNTS.plivo}`;

describe('startMockServer', () => {
  it('binds 127.0.0.1 and serves under the spec base path, logging one line per request', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.baseUrl).toBe(`${server.url}/v1`);
    const res = await fetch(`${server.baseUrl}${P}/Call/?limit=1`, { headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect((await res.json()).meta.limit).toBe(1);
    expect(lines.at(-1)).toMatch(new RegExp(`^GET /v1${P}/Call/\\?limit=1 200 \\d+\\.\\d ms$`));
    const outside = await fetch(`${server.url}${P}/Call/`, { headers: auth });
    expect(outside.status).toBe(404);
  });

  it('creates over HTTP and serves the created call to the next request', async () => {
    const made = await fetch(`${server.baseUrl}${P}/Call/`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ from: '+14151234567', to: '+14157654321', answer_url: 'https://example.com/' }),
    });
    expect(made.status).toBe(201);
    const { request_uuid } = await made.json();
    const got = await fetch(`${server.baseUrl}${P}/Call/${request_uuid}/`, { headers: auth });
    expect((await got.json()).call_uuid).toBe(request_uuid);
  });

  it('answers an oversized body with 413 and a malformed one with 400, in Plivo format, and keeps serving', async () => {
    const big = await fetch(`${server.baseUrl}${P}/Call/`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ from: 'x'.repeat(10_000) }),
    });
    expect(big.status).toBe(413);
    expect(Object.keys(await big.json()).sort()).toEqual(['api_id', 'error']);
    const bad = await fetch(`${server.baseUrl}${P}/Call/`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{"from":' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/^Malformed JSON/);
    expect((await fetch(`${server.baseUrl}${P}/`, { headers: auth })).status).toBe(200);
  });

  it('lets a web app call it: preflights are answered and every answer allows the origin', async () => {
    const preflight = await fetch(`${server.baseUrl}${P}/Call/`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
    const res = await fetch(`${server.baseUrl}${P}/`, { headers: { ...auth, origin: 'http://localhost:5173' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-expose-headers')).toContain('retry-after');
  });

  it('takes faults at run time through /__switchboard/faults and clears them with /__switchboard/reset', async () => {
    expect((await fetch(`${server.url}/__switchboard/faults`, { method: 'POST', body: JSON.stringify({ failNext: 1 }) })).status).toBe(204);
    expect((await fetch(`${server.baseUrl}${P}/`, { headers: auth })).status).toBe(500);
    expect((await fetch(`${server.baseUrl}${P}/`, { headers: auth })).status).toBe(200);
    server.mock.setFaults({ status: 503 });
    expect((await fetch(`${server.baseUrl}${P}/`, { headers: auth })).status).toBe(503);
    expect((await fetch(`${server.url}/__switchboard/reset`, { method: 'POST' })).status).toBe(204);
    expect((await fetch(`${server.baseUrl}${P}/`, { headers: auth })).status).toBe(200);
  });
});

describe('switchboard mock (the CLI, from source)', () => {
  /** Starts the CLI for `api`, checks it over HTTP, sends `signal`; resolves with the exit code. */
  async function serveAndStop(api: 'twilio' | 'bandwidth', signal: NodeJS.Signals): Promise<void> {
    const cli = startCli(['mock', `specs/${api}.yaml`, '--port', '0', '--fail-next', '1'], ROOT);
    try {
      const url = await waitFor('the listening line', () => /^listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(cli.stdout())?.[1]);
      const path = api === 'twilio' ? `/Accounts/${ACCOUNTS.twilio}/Calls.json` : `/accounts/${ACCOUNTS.bandwidth}/recordings`;
      const headers = { authorization: basic(ACCOUNTS[api]) };
      expect((await fetch(`${url}${BASE_PATHS[api]}${path}`, { headers })).status).toBe(500); // --fail-next 1
      expect((await fetch(`${url}${BASE_PATHS[api]}${path}`, { headers })).status).toBe(200);
      expect((await fetch(`${url}${BASE_PATHS[api]}${path}`)).status).toBe(401);
      await waitFor('the request log', () => cli.stdout().includes(`GET ${BASE_PATHS[api]}${path} 401`));
      cli.child.kill(signal);
      expect(await cli.exited).toBe(0);
      expect(cli.stdout()).toContain(`${signal}: shutting down`);
      expect(cli.stderr()).not.toMatch(/Error/);
    } finally {
      if (cli.child.exitCode === null) cli.child.kill('SIGKILL');
    }
  }

  it('serves over 127.0.0.1 under the base path and exits 0 on SIGTERM and on SIGINT', async () => {
    await Promise.all([serveAndStop('twilio', 'SIGTERM'), serveAndStop('bandwidth', 'SIGINT')]);
  });

  it('refuses bad usage with exit code 2', async () => {
    const err: string[] = [];
    const io = { out: () => undefined, err: (line: string) => err.push(line), cwd: ROOT, color: false };
    expect(await main(['mock', 'specs/plivo.yaml', '--port', 'many'], io)).toBe(2);
    expect(await main(['mock'], io)).toBe(2);
    expect(err.join('\n')).toContain('--port needs a whole number');
    expect(err.join('\n')).toContain('exactly one SPEC');
  });
});
