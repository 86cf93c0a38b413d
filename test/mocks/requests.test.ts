/**
 * What the mocks refuse and what they inject: each validation error in the
 * API's own format (naming the field), 415, 401 and required credentials,
 * malformed JSON, 404/405; faults per request (`Prefer`) and per mock; and
 * Plivo's async callbacks, delivered to loopback only.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ACCOUNTS, APIS, basic, emitApis, importMocks, type Api } from './helpers.js';

let mods: Record<Api, any>;

beforeAll(async () => {
  const apis = await emitApis();
  mods = {} as Record<Api, any>;
  for (const api of APIS) mods[api] = await importMocks(apis[api].dir);
});

async function send(api: Api, mock: any, method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}) {
  const res: Response = await mock.handle(
    new Request(`https://mock.test${mods[api].spec.basePath}${path}`, {
      method,
      headers: { authorization: basic(ACCOUNTS[api]), ...init.headers },
      ...(init.body !== undefined ? { body: init.body } : {}),
    }),
  );
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

const JSON_TYPE = { 'content-type': 'application/json' };
const FORM_TYPE = { 'content-type': 'application/x-www-form-urlencoded' };
const P = `/Account/${ACCOUNTS.plivo}`;
const T = `/Accounts/${ACCOUNTS.twilio}`;
const B = `/accounts/${ACCOUNTS.bandwidth}`;
const BW_REC = `${B}/calls/c-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85/recordings/r-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85`;

describe('validation errors, in each API own format, naming the field', () => {
  it.each([
    ['a missing body field', 'POST', '/Call/', JSON.stringify({ from: '+1415', to: '+1416' }), 'answer_url'],
    ['a wrong body type', 'POST', '/Call/', JSON.stringify({ from: '1', to: '2', answer_url: 'https://e.com/', time_limit: 'long' }), 'time_limit'],
    ['a bad enum value', 'POST', '/Call/', JSON.stringify({ from: '1', to: '2', answer_url: 'https://e.com/', answer_method: 'PUT' }), 'answer_method'],
    ['a bad format', 'POST', '/Call/', JSON.stringify({ from: '1', to: '2', answer_url: 'not a url' }), 'answer_url'],
    ['a nested array item', 'POST', '/Message/', JSON.stringify({ src: '1', dst: '2', text: 'hi', media_urls: ['nope'] }), 'media_urls[0]'],
    ['a query parameter out of range', 'GET', '/Call/?limit=21', undefined, 'limit'],
    ['a query parameter of the wrong type', 'GET', '/Call/?offset=first', undefined, 'offset'],
    ['a path parameter of the wrong format', 'GET', '/Call/not-a-uuid/', undefined, 'call_uuid'],
  ])('Plivo: %s → 400 {api_id, error}', async (_, method, path, body, field) => {
    const res = await send('plivo', mods.plivo.createMock(), method, P + path, { ...(body ? { body, headers: JSON_TYPE } : {}) });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body).sort()).toEqual(['api_id', 'error']);
    expect(res.body.api_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.error).toContain(`'${field}'`);
  });

  it.each([
    ['a missing form field', `${T}/Calls.json`, 'Caller=4155551212&Url=https%3A%2F%2Fe.com%2F', 'Called'],
    ['a form integer that is not one', `${T}/Calls.json`, 'Caller=1&Called=2&Url=https%3A%2F%2Fe.com%2F&Timeout=soon', 'Timeout'],
    ['a form field too long', `${T}/SMS/Messages.json`, `From=1&To=2&Body=${'x'.repeat(161)}`, 'Body'],
  ])('Twilio: %s → 400 RestException', async (_, path, body, field) => {
    const res = await send('twilio', mods.twilio.createMock(), 'POST', path, { body, headers: FORM_TYPE });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ Status: 400, Code: expect.any(Number), MoreInfo: expect.stringMatching(/^https?:/) });
    expect(res.body.Message).toContain(`'${field}'`);
  });

  it('Twilio: a path parameter not matching its pattern → 400 naming it', async () => {
    const res = await send('twilio', mods.twilio.createMock(), 'GET', `${T}/Calls/XX123.json`);
    expect(res.status).toBe(400);
    expect(res.body.Message).toContain("'CallSid'");
  });

  it.each([
    ['a missing required field', { }, 'state'],
    ['a value outside the enum', { state: 'stopped' }, 'state'],
  ])('Bandwidth: %s → 400 {type, description}', async (_, body, field) => {
    const res = await send('bandwidth', mods.bandwidth.createMock(), 'PUT', `${B}/calls/c-1/recording`, { body: JSON.stringify(body), headers: JSON_TYPE });
    expect(res.status).toBe(400);
    expect(res.body.type).toBe('validation');
    expect(res.body.description).toContain(`'${field}'`);
  });

  it('Bandwidth: a number out of range in a transcription request → 400 naming it', async () => {
    const res = await send('bandwidth', mods.bandwidth.createMock(), 'POST', `${BW_REC}/transcription`, { body: JSON.stringify({ callbackTimeout: 30 }), headers: JSON_TYPE });
    expect(res.status).toBe(400);
    expect(res.body.description).toContain("'callbackTimeout'");
    expect(res.body.description).toContain('<= 25');
  });

  it('malformed JSON is a 400, not a crash', async () => {
    const res = await send('plivo', mods.plivo.createMock(), 'POST', `${P}/Call/`, { body: '{"from": ', headers: JSON_TYPE });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/^Malformed JSON body/);
  });
});

describe('content types and credentials', () => {
  it.each([
    ['plivo', 'POST', `${P}/Call/`, 'from=1', 'text/plain', 'error'],
    ['twilio', 'POST', `${T}/Calls.json`, '{"Caller":"1"}', 'application/json', 'Message'],
    ['bandwidth', 'PUT', `${B}/calls/c-1/recording`, 'state=paused', 'application/x-www-form-urlencoded', 'description'],
  ] as const)('%s: an unsupported content type → 415 in the native format', async (api, method, path, body, type, field) => {
    const res = await send(api, mods[api].createMock(), method, path, { body, headers: { 'content-type': type } });
    expect(res.status).toBe(415);
    expect(res.body[field]).toContain(`'${type}'`);
  });

  it.each([
    ['plivo', `${P}/Call/`, 'error'],
    ['twilio', `${T}/Calls.json`, 'Message'],
    ['bandwidth', `${B}/recordings`, 'description'],
  ] as const)('%s: no or malformed Basic credentials → 401 in the native format', async (api, path, field) => {
    const mock = mods[api].createMock();
    const none = await send(api, mock, 'GET', path, { headers: { authorization: '' } });
    expect(none.status).toBe(401);
    expect(none.body[field]).toContain('Authorization');
    for (const bad of ['Bearer abc', 'Basic !!!', `Basic ${Buffer.from('no-colon').toString('base64')}`]) {
      const res = await send(api, mock, 'GET', path, { headers: { authorization: bad } });
      expect(res.status, bad).toBe(401);
      expect(res.body[field]).toContain('Malformed');
    }
  });

  it('the credentials option accepts only the given username and password', async () => {
    const mock = mods.twilio.createMock({ credentials: { username: ACCOUNTS.twilio, password: 'right' } });
    const wrong = await send('twilio', mock, 'GET', `${T}/Calls.json`, { headers: { authorization: basic(ACCOUNTS.twilio, 'wrong') } });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ Status: 401, Code: 20003 });
    const right = await send('twilio', mock, 'GET', `${T}/Calls.json`, { headers: { authorization: basic(ACCOUNTS.twilio, 'right') } });
    expect(right.status).toBe(200);
  });

  it('an unknown path is a 404 and a known path with another method a 405 with Allow', async () => {
    const mock = mods.plivo.createMock();
    const missing = await send('plivo', mock, 'GET', `${P}/Nothing/`);
    expect(missing.status).toBe(404);
    expect(missing.body.error).toContain('/Nothing/');
    const method = await send('plivo', mock, 'PATCH', `${P}/Call/`);
    expect(method.status).toBe(405);
    expect(method.headers.get('allow')).toBe('GET, POST');
    expect(Object.keys(method.body).sort()).toEqual(['api_id', 'error']);
  });
});

describe('fault injection', () => {
  it('Prefer: code=429 answers 429 with Retry-After; code=500 the API error body; code=2xx the declared success', async () => {
    const mock = mods.bandwidth.createMock();
    const limited = await send('bandwidth', mock, 'GET', `${B}/recordings`, { headers: { prefer: 'code=429, retry-after=7' } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.body.type).toBe('too-many-requests');
    const failed = await send('bandwidth', mock, 'GET', `${B}/recordings`, { headers: { prefer: 'code=500' } });
    expect(failed.status).toBe(500);
    expect(failed.body.type).toBe('internal-server-error');
    const ok = await send('bandwidth', mock, 'GET', `${BW_REC}/transcription`, { headers: { prefer: 'code=200' } });
    expect(ok.status).toBe(200);
    expect(ok.body.transcripts.length).toBeGreaterThan(0);
  });

  it('Prefer: example=<name> picks a named example, and delay= still answers', async () => {
    const mock = mods.plivo.createMock({ stateless: true });
    const body = JSON.stringify({ from: '1', to: '2<3', answer_url: 'https://e.com/' });
    const bulk = await send('plivo', mock, 'POST', `${P}/Call/`, { body, headers: { ...JSON_TYPE, prefer: 'example=bulk; delay=5' } });
    const single = await send('plivo', mock, 'POST', `${P}/Call/`, { body, headers: { ...JSON_TYPE, prefer: 'example=single' } });
    expect(Array.isArray(bulk.body.request_uuid)).toBe(true);
    expect(typeof single.body.request_uuid).toBe('string');
  });

  it('holds each answer back by the injected latency (per mock, plus Prefer: delay)', async () => {
    vi.useFakeTimers();
    try {
      const mock = mods.plivo.createMock({ faults: { latencyMs: 2000 } });
      let done = false;
      const pending = send('plivo', mock, 'GET', `${P}/Call/`, { headers: { prefer: 'delay=500' } }).then((r) => ((done = true), r));
      await vi.advanceTimersByTimeAsync(2499);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect((await pending).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers every Nth request with 429, and fails the next N requests with 500', async () => {
    const mock = mods.plivo.createMock({ faults: { rateLimitEvery: 3, retryAfterSeconds: 0 } });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await send('plivo', mock, 'GET', `${P}/Call/`)).status);
    expect(statuses).toEqual([200, 200, 429, 200, 200, 429]);
    mock.setFaults({ rateLimitEvery: 0 });
    mock.failNext(2);
    const after: number[] = [];
    for (let i = 0; i < 3; i++) after.push((await send('plivo', mock, 'GET', `${P}/Call/`)).status);
    expect(after).toEqual([500, 500, 200]);
    mock.setFaults({ status: 503 });
    const forced = await send('plivo', mock, 'GET', `${P}/Call/`);
    expect(forced.status).toBe(503);
    expect(Object.keys(forced.body).sort()).toEqual(['api_id', 'error']);
    mock.reset();
    expect((await send('plivo', mock, 'GET', `${P}/Call/`)).status).toBe(200);
  });
});

describe('Plivo async requests', () => {
  let receiver: http.Server;
  let url: string;
  const received: { method: string; url: string; body: string }[] = [];

  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ method: req.method!, url: req.url!, body });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  it('answers "async api spawned" and then POSTs the real response to a loopback callback_url', async () => {
    const mock = mods.plivo.createMock();
    received.length = 0;
    const body = JSON.stringify({ from: '+14151234567', to: '+14157654321', answer_url: 'https://e.com/', callback_url: `${url}/made` });
    const ack = await send('plivo', mock, 'POST', `${P}/Call/`, { body, headers: JSON_TYPE });
    expect(ack.status).toBe(200);
    expect(ack.body).toEqual({ message: 'async api spawned', api_id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    await mock.settled();
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ method: 'POST', url: '/made' });
    const real = JSON.parse(received[0]!.body);
    expect(real).toMatchObject({ message: 'call fired', request_uuid: expect.any(String) });
    expect(real.api_id).not.toBe(ack.body.api_id);
    expect((await send('plivo', mock, 'GET', `${P}/Call/${real.request_uuid}/`)).status).toBe(200);
  });

  it('sends GET requests results too, with callback_method=GET as a query string', async () => {
    const mock = mods.plivo.createMock();
    received.length = 0;
    const ack = await send('plivo', mock, 'GET', `${P}/Call/?limit=1&callback_url=${encodeURIComponent(`${url}/list`)}&callback_method=GET`);
    expect(ack.body.message).toBe('async api spawned');
    await mock.settled();
    expect(received[0]!.method).toBe('GET');
    const query = new URL(received[0]!.url, url).searchParams;
    expect(JSON.parse(query.get('meta')!)).toMatchObject({ limit: 1, total_count: 2 });
  });

  it('refuses and logs a callback to anything but a loopback address', async () => {
    const lines: string[] = [];
    const mock = mods.plivo.createMock({ log: (line: string) => lines.push(line) });
    received.length = 0;
    const body = JSON.stringify({ from: '1', to: '2', answer_url: 'https://e.com/', callback_url: 'http://example.com/hook' });
    const ack = await send('plivo', mock, 'POST', `${P}/Call/`, { body, headers: JSON_TYPE });
    expect(ack.body.message).toBe('async api spawned');
    await mock.settled();
    expect(mock.callbacks.map((c: any) => c.outcome)).toEqual(['refused']);
    expect(lines.some((l) => l.startsWith('refused callback to http://example.com/hook'))).toBe(true);
    expect(received).toHaveLength(0);
  });
});
