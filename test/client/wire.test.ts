/**
 * Wire formats and seed-specific behaviour of the generated clients, and a
 * table that calls every operation of all three APIs once, checking what the
 * scripted server on 127.0.0.1 receives and what the call resolves to.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APIS, generateApis, importPackage, type Api, type Generated } from './helpers/generate.js';
import { formFields, operationCase, type Case } from './helpers/samples.js';
import { ScriptServer } from './helpers/server.js';

let server: ScriptServer;
let generated: Record<Api, Generated>;
const sdk = {} as Record<Api, any>;
const client = {} as Record<Api, any>;
const ACCOUNT = { plivo: 'MA1', twilio: 'AC1', bandwidth: '9900000' };
const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

beforeAll(async () => {
  generated = await generateApis();
  for (const api of APIS) sdk[api] = await importPackage(generated[api].dir);
  server = await ScriptServer.start();
  const options = { baseUrl: server.url, maxRetries: 0 };
  client.plivo = new sdk.plivo.PlivoClient({ ...options, authId: 'MA1', authToken: 'pt' });
  client.twilio = new sdk.twilio.TwilioClient({ ...options, accountSid: 'AC1', authToken: 'tt' });
  client.bandwidth = new sdk.bandwidth.BandwidthClient({ ...options, username: 'bu', password: 'bp', accountId: '9900000' });
});
afterAll(() => server.close());

const last = () => server.requests[server.requests.length - 1]!;
const target = () => new URL(last().url, 'http://x');

describe('every operation of all three APIs', () => {
  const cases = (api: Api): Case[] => generated[api].model.operations.map((op) => operationCase(op, generated[api].model, ACCOUNT[api]));

  it('covers 69 operations', () => {
    expect(APIS.map((api) => cases(api).length)).toEqual([22, 37, 10]);
  });

  for (const api of APIS) {
    it(`${api}: each operation sends the right request and resolves to the answer`, async () => {
      for (const c of cases(api)) {
        const tag = generated[api].model.tags.find((t) => t.name === c.op.tag)!;
        const body = c.reply.body;
        server.script({ status: c.reply.status, headers: c.reply.type ? { 'content-type': c.reply.type } : {}, body: body instanceof Uint8Array ? body : body === undefined ? undefined : JSON.stringify(body) });
        const result = await client[api][tag.propertyName][c.op.methodName](c.params);
        const where = `${api} ${c.op.operationId}`;
        expect(server.requests, where).toHaveLength(1);
        expect([last().method, target().pathname], where).toEqual([c.expect.method, c.expect.path]);
        expect([...target().searchParams], where).toEqual(c.expect.query);
        for (const [name, value] of c.expect.headers) expect(last().headers[name], where).toBe(value);
        expect(last().headers.authorization, where).toBe({ plivo: basic('MA1', 'pt'), twilio: basic('AC1', 'tt'), bandwidth: basic('bu', 'bp') }[api]);
        if (c.expect.body) {
          expect(last().headers['content-type'], where).toBe(c.expect.body.type);
          const sent = last().body.toString();
          if (c.expect.body.type === 'application/json') expect(JSON.parse(sent), where).toEqual(c.expect.body.value);
          else expect([...new URLSearchParams(sent)], where).toEqual(formFields(c.expect.body.value as Record<string, unknown>));
        } else expect(last().body.length, where).toBe(0);
        if (body instanceof Uint8Array) expect(result, where).toEqual({ data: body, contentType: c.reply.type });
        else expect(result, where).toEqual(body);
      }
    });
  }
});

describe('paths and queries', () => {
  it('percent-encodes path params, so `../` or `?` cannot change the URL', async () => {
    server.script({ json: {} });
    await client.plivo.calls.getCall({ call_uuid: '../../Message/?x=1#frag' });
    expect(last().url).toBe('/Account/MA1/Call/..%2F..%2FMessage%2F%3Fx%3D1%23frag/');
  });

  it.each(['', '.', '..'])('refuses the path param %j, which would name another resource', async (id) => {
    server.script({ json: {} });
    await expect(client.plivo.calls.getCall({ call_uuid: id })).rejects.toThrow(TypeError);
    expect(server.requests).toHaveLength(0);
  });

  it('keeps trailing slashes where the spec has them, and none where it does not', async () => {
    server.script({ json: {} }, { json: [] });
    await client.plivo.account.getAccount();
    await client.bandwidth.recordings.listCallRecordings({ callId: 'c-1' });
    expect(server.requests.map((r) => r.url)).toEqual(['/Account/MA1/', '/accounts/9900000/calls/c-1/recordings']);
  });

  it('joins a base URL with a path prefix (with or without a trailing slash)', async () => {
    server.script({ json: {} }, { json: {} });
    await client.plivo.withOptions({ baseUrl: `${server.url}/v1/` }).account.getAccount();
    await client.plivo.withOptions({ baseUrl: `${server.url}/v1` }).account.getAccount();
    expect(server.requests.map((r) => r.url)).toEqual(['/v1/Account/MA1/', '/v1/Account/MA1/']);
  });

  it("sends Plivo's __gt-style filters by their wire names, leaving out undefined ones", async () => {
    server.script({ json: { api_id: 'a', meta: {}, objects: [] } });
    await client.plivo.calls.listCalls({ bill_duration__gt: 10, bill_duration__lte: 60.5, end_time__gte: '2024-01-01 00:00', call_direction: 'inbound', to_number: undefined });
    expect([...target().searchParams]).toEqual([
      ['call_direction', 'inbound'],
      ['bill_duration__gt', '10'],
      ['bill_duration__lte', '60.5'],
      ['end_time__gte', '2024-01-01 00:00'],
    ]);
  });
});

describe('bodies', () => {
  it('Twilio form bodies: booleans true/false, numbers in decimal, arrays as repeated keys, undefined left out', async () => {
    server.script({ status: 201, json: { Sid: 'CA1' } });
    const body = { Caller: '+14155550100', Called: '+1 (415) 555-0101', Url: 'https://x.test/twiml?a=1&b=2', Timeout: 1e21, IfMachine: undefined, StatusCallbackEvent: ['initiated', 'ringing'] };
    await client.twilio.calls.makeCall({ body });
    expect(last().headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(last().body.toString()).toBe(
      'Caller=%2B14155550100&Called=%2B1+%28415%29+555-0101&Url=https%3A%2F%2Fx.test%2Ftwiml%3Fa%3D1%26b%3D2&Timeout=1000000000000000000000&StatusCallbackEvent=initiated&StatusCallbackEvent=ringing',
    );
    server.script({ json: { Sid: 'PN1' } });
    await client.twilio.incomingPhoneNumbers.updateIncomingPhoneNumber({ IncomingPhoneNumberSid: 'PN1', body: { VoiceCallerIdLookup: false, FriendlyName: 'Main line' } });
    expect([...new URLSearchParams(last().body.toString())]).toEqual([['VoiceCallerIdLookup', 'false'], ['FriendlyName', 'Main line']]);
  });

  it('Bandwidth media downloads arrive byte-exact, with their content type', async () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7919) % 256);
    server.script({ headers: { 'content-type': 'audio/vnd.wave' }, body: bytes });
    const media = await client.bandwidth.recordings.downloadCallRecording({ callId: 'c-1', recordingId: 'r-1' });
    expect(media.contentType).toBe('audio/vnd.wave');
    expect(media.data).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(media.data).equals(Buffer.from(bytes))).toBe(true);
    expect(last().headers.accept).toBe('audio/mpeg, audio/vnd.wave');
  });
});

describe('pagination', () => {
  const plivoPage = (offset: number, limit: number, total: number) => {
    const count = Math.max(0, Math.min(limit, total - offset));
    const next = offset + count < total ? `/v1/Account/MA1/Call/?limit=${limit}&offset=${offset + count}` : null;
    return { api_id: 'a', meta: { limit, offset, next, previous: null, total_count: total }, objects: Array.from({ length: count }, (_, i) => ({ call_uuid: `c-${offset + i}` })) };
  };
  const plivoServer = (total: number) => (req: { url: string }) => {
    const q = new URL(req.url, 'http://x').searchParams;
    return { json: plivoPage(Number(q.get('offset') ?? 0), Number(q.get('limit') ?? 20), total) };
  };

  it('a Plivo list of 45 items is iterated fully in 3 pages, until meta.next is null', async () => {
    server.script().fallback(plivoServer(45));
    const ids: string[] = [];
    for await (const call of client.plivo.calls.listAllCalls({ call_direction: 'outbound' })) ids.push(call.call_uuid);
    expect(ids).toEqual(Array.from({ length: 45 }, (_, i) => `c-${i}`));
    expect(server.requests.map((r) => r.url)).toEqual([
      '/Account/MA1/Call/?call_direction=outbound',
      '/Account/MA1/Call/?call_direction=outbound&limit=20&offset=20',
      '/Account/MA1/Call/?call_direction=outbound&limit=20&offset=40',
    ]);
  });

  it('page-at-a-time: .pages() yields whole pages; breaking off stops fetching', async () => {
    server.script().fallback(plivoServer(45));
    const sizes: number[] = [];
    for await (const page of client.plivo.calls.listAllCalls({ limit: 10 }).pages()) {
      sizes.push(page.objects.length);
      if (sizes.length === 2) break;
    }
    expect(sizes).toEqual([10, 10]);
    expect(server.requests).toHaveLength(2);
  });

  it('Twilio pages until NextPageUri is null', async () => {
    const page = (n: number) => ({
      Page: n,
      NumPages: 3,
      PageSize: 2,
      Calls: n < 2 ? [{ Sid: `CA${n}a` }, { Sid: `CA${n}b` }] : [{ Sid: 'CA2a' }],
      NextPageUri: n < 2 ? `/2008-08-01/Accounts/AC1/Calls.json?num=2&Page=${n + 1}` : null,
    });
    server.script().fallback((req) => ({ json: page(Number(new URL(req.url, 'http://x').searchParams.get('Page') ?? 0)) }));
    const sids: string[] = [];
    for await (const call of client.twilio.calls.listAllCalls({ num: 2 })) sids.push(call.Sid);
    expect(sids).toEqual(['CA0a', 'CA0b', 'CA1a', 'CA1b', 'CA2a']);
    expect(server.requests.map((r) => r.url)).toEqual(['/Accounts/AC1/Calls.json?num=2', '/Accounts/AC1/Calls.json?Page=1&num=2', '/Accounts/AC1/Calls.json?Page=2&num=2']);
  });
});

describe('seed-specific behaviour', () => {
  it('Twilio with methodOverride sends DELETE and PUT as POST ?_method=…', async () => {
    const overriding = client.twilio.withOptions({ methodOverride: true });
    server.script({ status: 200 }, { json: { Sid: 'AC1' } }, { status: 200 });
    await overriding.recordings.deleteRecording({ RecordingSid: 'RE1' });
    await overriding.accounts.replaceAccount({ body: { FriendlyName: 'Ops' } });
    await client.twilio.recordings.deleteRecording({ RecordingSid: 'RE1' });
    expect(server.requests.map((r) => `${r.method} ${r.url} ${r.body}`)).toEqual([
      'POST /Accounts/AC1/Recordings/RE1.json?_method=DELETE ',
      'POST /Accounts/AC1.json?_method=PUT FriendlyName=Ops',
      'DELETE /Accounts/AC1/Recordings/RE1.json ',
    ]);
  });

  it('Plivo async: a call with callback_url resolves to the acknowledgement', async () => {
    const ack = { message: 'async api spawned', api_id: 'a-1' };
    server.script({ json: ack }, { json: ack });
    await expect(client.plivo.calls.makeCall({ body: { from: '1', to: '2', answer_url: 'https://x', callback_url: 'https://cb.test/' } })).resolves.toEqual(ack);
    await expect(client.plivo.calls.getCall({ call_uuid: 'u', callback_url: 'https://cb.test/' })).resolves.toEqual(ack);
    expect(JSON.parse(server.requests[0]!.body.toString()).callback_url).toBe('https://cb.test/');
    expect(target().searchParams.get('callback_url')).toBe('https://cb.test/');
  });
});
