/**
 * The generated MSW 2 handlers under `setupServer` from `msw/node`: plain
 * fetch to the real API hosts is answered by the same core (stateful,
 * validating), typed overrides replace one operation, `_method` and 405s
 * work through MSW, and async callbacks get past MSW to a loopback receiver.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, basic, emitApis, formEncode, importMocks } from './helpers.js';

let plivo: any;
let twilio: any;
let server: ReturnType<typeof setupServer>;
let receiver: http.Server;
let hook: string;
const received: string[] = [];

beforeAll(async () => {
  const apis = await emitApis(['plivo', 'twilio']);
  plivo = await importMocks(apis.plivo.dir);
  twilio = await importMocks(apis.twilio.dir);
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => (received.push(body), res.end()));
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  server = setupServer(...plivo.handlers, ...twilio.handlers);
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  server.resetHandlers();
  plivo.mock.reset();
  twilio.mock.reset();
});
afterAll(async () => {
  server?.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

const PLIVO = `https://api.plivo.com/v1/Account/${ACCOUNTS.plivo}`;
const TWILIO = `https://api.twilio.com/2008-08-01/Accounts/${ACCOUNTS.twilio}`;
const plivoAuth = { authorization: basic(ACCOUNTS.plivo), 'content-type': 'application/json' };
const twilioAuth = { authorization: basic(ACCOUNTS.twilio), 'content-type': 'application/x-www-form-urlencoded' };

describe('setupServer(...handlers)', () => {
  it('answers fetch to the real hosts: create → get → list → delete → 404', async () => {
    const made = await fetch(`${PLIVO}/Call/`, { method: 'POST', headers: plivoAuth, body: JSON.stringify({ from: '+14151234567', to: '+14157654321', answer_url: 'https://e.com/' }) });
    expect(made.status).toBe(201);
    const { request_uuid: id } = await made.json();
    expect((await (await fetch(`${PLIVO}/Call/${id}/`, { headers: plivoAuth })).json()).call_uuid).toBe(id);
    const list = await (await fetch(`${PLIVO}/Call/?limit=20`, { headers: plivoAuth })).json();
    expect(list.objects.map((c: any) => c.call_uuid)).toContain(id);
    expect((await fetch(`${PLIVO}/Call/${id}/`, { method: 'DELETE', headers: plivoAuth })).status).toBe(204);
    const gone = await fetch(`${PLIVO}/Call/${id}/`, { headers: plivoAuth });
    expect(gone.status).toBe(404);
    expect(Object.keys(await gone.json()).sort()).toEqual(['api_id', 'error']);
  });

  it('has one handler per operation, then one catch-all per path, most specific route first', () => {
    const paths = new Set(plivo.spec.operations.map((o: any) => o.path));
    expect(plivo.handlers).toHaveLength(plivo.spec.operations.length + paths.size);
    const order = plivo.mock.routes.map((r: any) => `${r.op.method} ${r.op.path}`);
    // `/Account/{auth_id}/` (one parameter segment) comes after every route that is static where it has its parameter.
    expect(order.indexOf('GET /Account/{auth_id}/')).toBeGreaterThan(order.indexOf('GET /Account/{auth_id}/Call/{call_uuid}/'));
    const info = plivo.handlers.map((h: any) => `${h.info.method} ${h.info.path}`);
    expect(new Set(info).size).toBe(info.length);
  });

  it('validates through MSW too: a bad request gets the native 400, a wrong method the native 405', async () => {
    const bad = await fetch(`${TWILIO}/Calls.json`, { method: 'POST', headers: twilioAuth, body: formEncode({ Caller: '1', Url: 'https://e.com/' }) });
    expect(bad.status).toBe(400);
    expect((await bad.json()).Message).toContain("'Called'");
    const wrong = await fetch(`${TWILIO}/Calls.json`, { method: 'DELETE', headers: twilioAuth });
    expect(wrong.status).toBe(405);
    expect(await wrong.json()).toMatchObject({ Status: 405, Code: 20004 });
  });

  it('routes Twilio POST ?_method=DELETE through MSW to the DELETE operation', async () => {
    const list = await (await fetch(`${TWILIO}/Recordings.json`, { headers: twilioAuth })).json();
    const sid = list.Recordings[0].Sid;
    expect((await fetch(`${TWILIO}/Recordings/${sid}.json?_method=DELETE`, { method: 'POST', headers: twilioAuth })).status).toBe(200);
    expect((await fetch(`${TWILIO}/Recordings/${sid}.json`, { headers: twilioAuth })).status).toBe(404);
  });

  it('override() answers one operation with a typed reply, after validation; undefined falls through', async () => {
    server.use(
      plivo.override('getCall', ({ params }: any) =>
        params.call_uuid.startsWith('00000000') ? undefined : { status: 200, body: { api_id: 'x', call_uuid: params.call_uuid, call_direction: 'inbound', from_number: 'A', to_number: 'B', resource_uri: '/r' } },
      ),
    );
    const uuid = '11111111-2222-4333-8444-555555555555';
    const overridden = await (await fetch(`${PLIVO}/Call/${uuid}/`, { headers: plivoAuth })).json();
    expect(overridden).toMatchObject({ call_uuid: uuid, from_number: 'A' });
    expect((await fetch(`${PLIVO}/Call/00000000-2222-4333-8444-555555555555/`, { headers: plivoAuth })).status).toBe(404);
    expect((await fetch(`${PLIVO}/Call/not-a-uuid/`, { headers: plivoAuth })).status).toBe(400);
    expect((await fetch(`${PLIVO}/Call/?limit=1`, { headers: plivoAuth })).status).toBe(200);
    server.resetHandlers();
    expect((await fetch(`${PLIVO}/Call/${uuid}/`, { headers: plivoAuth })).status).toBe(404);
  });

  it('delivers an async callback past MSW to a loopback receiver', async () => {
    received.length = 0;
    const ack = await fetch(`${PLIVO}/Application/`, { method: 'POST', headers: plivoAuth, body: JSON.stringify({ app_name: 'a', answer_url: 'https://e.com/', callback_url: hook }) });
    expect((await ack.json()).message).toBe('async api spawned');
    await plivo.mock.settled();
    expect(plivo.mock.callbacks.map((c: any) => c.outcome)).toEqual(['delivered']);
    expect(JSON.parse(received[0]!)).toMatchObject({ message: 'created', app_id: expect.any(String) });
  });

  it('createMockHandlers gives a separate mock with its own options', async () => {
    const { handlers, mock } = plivo.createMockHandlers({ stateless: true, credentials: { username: ACCOUNTS.plivo, password: 'pw' } });
    server.use(...handlers);
    expect((await fetch(`${PLIVO}/`, { headers: plivoAuth })).status).toBe(401);
    expect((await fetch(`${PLIVO}/`, { headers: { authorization: basic(ACCOUNTS.plivo, 'pw') } })).status).toBe(200);
    expect(mock).not.toBe(plivo.mock);
  });
});
