/**
 * End to end: the generated clients against the generated mocks, (a) over
 * real HTTP on 127.0.0.1 to the standalone server and (b) through MSW's
 * `setupServer`. Every operation of the three APIs, then the stateful flows,
 * paging, `_method`, the async callback, each API's validation errors and
 * the client's retries against injected faults.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockOperation, MockSpec } from '../../generator/emit/mocks/runtime/types.js';
import type { ApiModel } from '../../generator/model/types.js';
import { ACCOUNTS, APIS, SchemaCheck, WITH_CLIENT, emitApis, importClient, importMocks, validRequest, type Api } from './helpers.js';

type Pkg = { model: ApiModel; client: any; mocks: any; server: any };
const pkgs = {} as Record<Api, Pkg>;
const serverLog: string[] = [];

beforeAll(async () => {
  const apis = await emitApis(APIS, WITH_CLIENT);
  for (const api of APIS) {
    const mocks = await importMocks(apis[api].dir);
    const server = await mocks.startMockServer({ port: 0, log: (line: string) => serverLog.push(line) });
    pkgs[api] = { model: apis[api].model, client: await importClient(apis[api].dir), mocks, server };
  }
}, 120_000);
afterAll(async () => {
  for (const api of APIS) await pkgs[api]?.server.close();
});

/** A client of `api` pointed at `baseUrl` (the real host when undefined, for MSW). */
function clientFor(api: Api, baseUrl?: string, extra: Record<string, unknown> = {}): any {
  const { client } = pkgs[api];
  const common = { maxRetries: 0, ...(baseUrl ? { baseUrl } : {}), ...extra };
  if (api === 'plivo') return new client.PlivoClient({ authId: ACCOUNTS.plivo, authToken: 'token', ...common });
  if (api === 'twilio') return new client.TwilioClient({ accountSid: ACCOUNTS.twilio, authToken: 'token', ...common });
  return new client.BandwidthClient({ username: 'api-user', password: 'pw', accountId: ACCOUNTS.bandwidth, ...common });
}

/** The client method's params for a valid request: wire names at top level, body under `body`, account left to the client. */
function paramsFor(spec: MockSpec, op: MockOperation, account: string): Record<string, unknown> {
  const req = validRequest(spec, op, account);
  const url = new URL(req.path, 'http://x');
  const params: Record<string, unknown> = {};
  for (const p of op.params) if (p.in === 'path' && !p.account) params[p.name] = req.pathParams[p.name];
  for (const [k, v] of url.searchParams) params[k] = /^\d+$/.test(v) ? Number(v) : v;
  if (req.body !== undefined) {
    // JSON as sent; a form body as the typed object it was encoded from (the client encodes it again).
    const media = op.body!.contents[0]!;
    params.body = /json/.test(media.mediaType) ? JSON.parse(req.body) : (media.examples[0]?.value ?? Object.fromEntries(new URLSearchParams(req.body)));
  }
  return params;
}

function methodOf(model: ApiModel, client: any, operationId: string): (params: unknown) => Promise<unknown> {
  const tag = model.tags.find((t) => t.operations.some((o) => o.operationId === operationId))!;
  const op = tag.operations.find((o) => o.operationId === operationId)!;
  const resource = client[tag.propertyName];
  return (params) => resource[op.methodName](params);
}

async function everyOperation(api: Api, baseUrl: string | undefined, reset: () => void): Promise<string[]> {
  const { model, mocks } = pkgs[api];
  const spec: MockSpec = mocks.spec;
  const check = new SchemaCheck(spec.schemas);
  const client = clientFor(api, baseUrl);
  const problems: string[] = [];
  for (const op of spec.operations) {
    reset();
    try {
      const data = await methodOf(model, client, op.operationId)(paramsFor(spec, op, ACCOUNTS[api]));
      const success = op.responses.find((r) => /^2/.test(r.status))!;
      const media = success.contents.find((c) => /json/.test(c.mediaType)) ?? success.contents[0];
      if (!media) expect(data ?? undefined, op.operationId).toBeUndefined();
      else if (media.binary) expect((data as any).data.length, op.operationId).toBeGreaterThan(0);
      else {
        const problem = check.errors(media.schema, data);
        if (problem) problems.push(`${op.operationId}: ${problem}`);
      }
    } catch (error) {
      problems.push(`${op.operationId}: ${(error as Error).message}`);
    }
  }
  return problems;
}

describe.each(APIS)('%s: every operation through the generated client', (api) => {
  it('against the standalone server on 127.0.0.1', async () => {
    const { server } = pkgs[api];
    expect(await everyOperation(api, server.baseUrl, () => server.mock.reset())).toEqual([]);
    expect(server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  });

  it('through MSW setupServer', async () => {
    const { mocks } = pkgs[api];
    const msw = setupServer(...mocks.handlers);
    msw.listen({ onUnhandledRequest: 'error' });
    try {
      expect(await everyOperation(api, undefined, () => mocks.mock.reset())).toEqual([]);
    } finally {
      msw.close();
    }
  });
});

describe('stateful flows through the client (standalone server)', () => {
  it('Plivo: makeCall → getCall → listAllCalls across pages → hangupCall → NotFoundError', async () => {
    const { server, client: pkg } = pkgs.plivo;
    server.mock.reset();
    const client = clientFor('plivo', server.baseUrl);
    const made: string[] = [];
    for (let i = 0; i < 3; i++) made.push((await client.calls.makeCall({ body: { from: '+14151234567', to: `+1415765432${i}`, answer_url: 'https://example.com/' } })).request_uuid);
    expect((await client.calls.getCall({ call_uuid: made[0] })).to_number).toBe('+14157654320');
    const seen: string[] = [];
    for await (const call of client.calls.listAllCalls({ limit: 2 })) seen.push(call.call_uuid);
    expect(seen).toHaveLength(5);
    expect(seen.slice(0, 3)).toEqual([...made].reverse());
    await client.calls.hangupCall({ call_uuid: made[1] });
    const error = await client.calls.getCall({ call_uuid: made[1] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(pkg.NotFoundError);
    expect(error.status).toBe(404);
    expect(error.message).toContain(made[1]);
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('Twilio: methodOverride sends PUT and DELETE as POST ?_method=, and listAllCalls pages with num', async () => {
    const { server, client: pkg } = pkgs.twilio;
    server.mock.reset();
    serverLog.length = 0;
    const client = clientFor('twilio', server.baseUrl, { methodOverride: true });
    const sid = (await client.incomingPhoneNumbers.listIncomingPhoneNumbers()).IncomingPhoneNumbers[0].Sid;
    const updated = await client.incomingPhoneNumbers.replaceIncomingPhoneNumber({ IncomingPhoneNumberSid: sid, body: { FriendlyName: 'Night line' } });
    expect(updated.FriendlyName).toBe('Night line');
    await client.incomingPhoneNumbers.deleteIncomingPhoneNumber({ IncomingPhoneNumberSid: sid });
    expect(serverLog.some((l) => l.startsWith(`POST /2008-08-01/Accounts/${ACCOUNTS.twilio}/IncomingPhoneNumbers/${sid}.json?_method=PUT 200`))).toBe(true);
    expect(serverLog.some((l) => l.startsWith(`POST /2008-08-01/Accounts/${ACCOUNTS.twilio}/IncomingPhoneNumbers/${sid}.json?_method=DELETE 200`))).toBe(true);
    await expect(client.incomingPhoneNumbers.getIncomingPhoneNumber({ IncomingPhoneNumberSid: sid })).rejects.toBeInstanceOf(pkg.NotFoundError);
    for (let i = 0; i < 2; i++) await client.calls.makeCall({ body: { Caller: '4155551212', Called: `415555980${i}`, Url: 'https://example.com/twiml' } });
    const sids: string[] = [];
    for await (const call of client.calls.listAllCalls({ num: 1 })) sids.push(call.Sid);
    expect(new Set(sids).size).toBe(4);
  });

  it('Bandwidth: download a recording, delete its media, then the download is a NotFoundError', async () => {
    const { server, client: pkg } = pkgs.bandwidth;
    server.mock.reset();
    const client = clientFor('bandwidth', server.baseUrl);
    const rec = (await client.recordings.listAccountCallRecordings()).find((r: any) => r.mediaUrl);
    const ids = { callId: rec.callId, recordingId: rec.recordingId };
    const file = await client.recordings.downloadCallRecording(ids, { headers: { accept: 'audio/vnd.wave' } });
    expect(file.contentType).toBe('audio/vnd.wave');
    expect(new TextDecoder().decode(file.data.slice(0, 4))).toBe('RIFF');
    await client.recordings.deleteRecordingMedia(ids);
    expect((await client.recordings.getCallRecording(ids)).mediaUrl).toBeNull();
    await expect(client.recordings.downloadCallRecording(ids)).rejects.toBeInstanceOf(pkg.NotFoundError);
    await client.recordings.deleteRecordingTranscription(ids);
    await expect(client.recordings.getRecordingTranscription(ids)).rejects.toMatchObject({ status: 404, type: 'not-found' });
  });

  it('Plivo async: the client gets the acknowledgement and a loopback receiver the real response', async () => {
    const { server } = pkgs.plivo;
    const got: string[] = [];
    const receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => (got.push(body), res.end()));
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/cb`;
      const client = clientFor('plivo', server.baseUrl);
      const ack = await client.applications.createApplication({ body: { app_name: 'async', answer_url: 'https://example.com/', callback_url: hook } });
      expect(ack.message).toBe('async api spawned');
      await server.mock.settled();
      const real = JSON.parse(got[0]!);
      expect(real).toMatchObject({ message: 'created', app_id: expect.any(String) });
      expect((await client.applications.getApplication({ app_id: real.app_id })).app_name).toBe('async');
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});

describe('errors and faults through the client (standalone server)', () => {
  it.each([
    ['plivo', (c: any) => c.calls.makeCall({ body: { from: '1', to: '2', answer_url: 'not a url' } }), 'answer_url'],
    ['twilio', (c: any) => c.smsMessages.sendSmsMessage({ body: { From: '1', To: '2', Body: '' } }), 'Body'],
    ['bandwidth', (c: any) => c.recordings.updateCallRecordingState({ callId: 'c-1', body: { state: 'stopped' } }), 'state'],
  ] as const)('%s: an invalid request is a BadRequestError whose message names the field', async (api, act, field) => {
    const error = await act(clientFor(api, pkgs[api].server.baseUrl)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(pkgs[api].client.BadRequestError);
    expect(error.message).toContain(`'${field}'`);
  });

  it('wrong credentials are an AuthenticationError in the native format', async () => {
    const { mocks, client: pkg } = pkgs.twilio;
    const strict = await mocks.startMockServer({ port: 0, credentials: { username: ACCOUNTS.twilio, password: 'right' } });
    try {
      const error = await clientFor('twilio', strict.baseUrl).calls.listCalls().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(pkg.AuthenticationError);
      expect(error.code).toBe(20003);
      const ok = await clientFor('twilio', strict.baseUrl, { authToken: 'right' }).calls.listCalls();
      expect(ok.Calls.length).toBeGreaterThan(0);
    } finally {
      await strict.close();
    }
  });

  it('the client retries injected 500s and 429s (Retry-After) and gives up with the right error', async () => {
    const { server, client: pkg } = pkgs.plivo;
    server.mock.reset();
    server.mock.setFaults({ failNext: 2 });
    serverLog.length = 0;
    const page = await clientFor('plivo', server.baseUrl, { maxRetries: 2 }).calls.listCalls();
    expect(page.objects.length).toBeGreaterThan(0);
    expect(serverLog.filter((l) => / \/v1\/Account\/.*\/Call\/ /.test(l)).map((l) => l.split(' ')[2])).toEqual(['500', '500', '200']);
    server.mock.setFaults({ rateLimitEvery: 2, retryAfterSeconds: 0 });
    serverLog.length = 0;
    const client = clientFor('plivo', server.baseUrl, { maxRetries: 1 });
    await client.account.getAccount();
    await client.account.getAccount(); // the 2nd request gets a 429 with Retry-After: 0, the retry succeeds
    expect(serverLog.map((l) => l.split(' ')[2])).toEqual(['200', '429', '200']);
    server.mock.setFaults({ rateLimitEvery: 1 });
    const limited = await client.account.getAccount().catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(pkg.RateLimitError);
    expect(limited.headers.get('retry-after')).toBe('0');
    server.mock.reset();
    server.mock.failNext(5);
    await expect(clientFor('plivo', server.baseUrl, { maxRetries: 1 }).calls.listCalls()).rejects.toBeInstanceOf(pkg.InternalServerError);
    server.mock.reset();
  });
});
