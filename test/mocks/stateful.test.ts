/**
 * Stateful mocks: create → get → list → delete → 404, pagination across
 * pages in each API's own style, `_method` overloading, sub-resources that
 * can be deleted, per-account stores, `stateless` and `reset()`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, APIS, basic, emitApis, formEncode, importMocks, type Api } from './helpers.js';

let mods: Record<Api, any>;

beforeAll(async () => {
  const apis = await emitApis();
  mods = {} as Record<Api, any>;
  for (const api of APIS) mods[api] = await importMocks(apis[api].dir);
});

/** A tiny client for one mock: JSON or form bodies, Basic auth, parsed answers. */
function client(api: Api, mock: any, account = ACCOUNTS[api]) {
  const base = `https://mock.test${mods[api].spec.basePath}`;
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const form = api === 'twilio';
    const res: Response = await mock.handle(
      new Request(base + path, {
        method,
        headers: { authorization: basic(account), ...(body === undefined ? {} : { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' }), ...headers },
        ...(body === undefined ? {} : { body: form ? formEncode(body as Record<string, unknown>) : JSON.stringify(body) }),
      }),
    );
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text && /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : text };
  };
}

describe('Plivo', () => {
  const A = ACCOUNTS.plivo;

  it('makeCall adds a call that can be read, listed, hung up, and then answers 404', async () => {
    const mock = mods.plivo.createMock();
    const call = client('plivo', mock);
    const made = await call('POST', `/Account/${A}/Call/`, { from: '+14151234567', to: '+14157654321', answer_url: 'https://example.com/answer/' });
    expect(made.status).toBe(201);
    expect(made.body.message).toBe('call fired');
    const uuid = made.body.request_uuid;
    expect(uuid).toMatch(/^[0-9a-f-]{36}$/);
    const got = await call('GET', `/Account/${A}/Call/${uuid}/`);
    expect(got.status).toBe(200);
    expect(got.body.call_uuid).toBe(uuid);
    expect(got.body.resource_uri).toBe(`/v1/Account/${A}/Call/${uuid}/`);
    expect(got.body).toMatchObject({ from_number: '+14151234567', to_number: '+14157654321' });
    const listed = await call('GET', `/Account/${A}/Call/`);
    expect(listed.body.objects[0].call_uuid).toBe(uuid);
    expect(listed.body.meta.total_count).toBe(listed.body.objects.length);
    expect((await call('DELETE', `/Account/${A}/Call/${uuid}/`)).status).toBe(204);
    const gone = await call('GET', `/Account/${A}/Call/${uuid}/`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({ api_id: expect.any(String), error: expect.stringContaining(uuid) });
    const after = await call('GET', `/Account/${A}/Call/`);
    expect(after.body.objects.map((c: any) => c.call_uuid)).not.toContain(uuid);
  });

  it('pages with limit/offset: meta.next, previous and total_count walk every call exactly once', async () => {
    const mock = mods.plivo.createMock();
    const call = client('plivo', mock);
    for (let i = 0; i < 5; i++) await call('POST', `/Account/${A}/Call/`, { from: '+14151234567', to: `+1415765432${i}`, answer_url: 'https://example.com/a' });
    const seen: string[] = [];
    let path: string | null = `/Account/${A}/Call/?limit=3`;
    let pages = 0;
    let total = -1;
    while (path) {
      const page: any = await call('GET', path);
      expect(page.status).toBe(200);
      total = page.body.meta.total_count;
      expect(page.body.meta.previous === null).toBe(pages === 0);
      seen.push(...page.body.objects.map((c: any) => c.call_uuid));
      pages++;
      path = page.body.meta.next ? page.body.meta.next.replace(/^\/v1/, '') : null;
    }
    expect(total).toBe(7); // five new calls and the two seeded from the spec's examples
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(7);
    const last = await call('GET', `/Account/${A}/Call/?limit=3&offset=6`);
    expect(last.body.meta).toMatchObject({ limit: 3, offset: 6, next: null, previous: `/v1/Account/${A}/Call/?limit=3&offset=3`, total_count: 7 });
  });

  it('filters lists by the query parameters that name record fields', async () => {
    const call = client('plivo', mods.plivo.createMock());
    const from = '+14150000000';
    await call('POST', `/Account/${A}/Call/`, { from, to: '+14157654321', answer_url: 'https://example.com/a' });
    const all = await call('GET', `/Account/${A}/Call/`);
    const filtered = await call('GET', `/Account/${A}/Call/?from_number=${encodeURIComponent(from)}`);
    expect(filtered.body.objects.map((c: any) => c.from_number)).toEqual([from]);
    expect((await call('GET', `/Account/${A}/Call/?call_direction=inbound`)).body.objects).toEqual([]);
    const long = await call('GET', `/Account/${A}/Call/?bill_duration__gt=100`);
    expect(long.body.objects.length).toBe(all.body.objects.filter((c: any) => c.bill_duration > 100).length);
    expect(long.body.objects.length).toBeGreaterThan(0);
  });

  it('updates what POST sends to an item, and keeps each account apart', async () => {
    const mock = mods.plivo.createMock();
    const call = client('plivo', mock);
    const app = await call('POST', `/Account/${A}/Application/`, { app_name: 'ivr', answer_url: 'https://example.com/ivr' });
    expect(app.status).toBe(201);
    const id = app.body.app_id;
    expect((await call('POST', `/Account/${A}/Application/${id}/`, { answer_url: 'https://example.com/v2' })).status).toBe(202);
    const got = await call('GET', `/Account/${A}/Application/${id}/`);
    expect(got.body).toMatchObject({ app_id: id, app_name: 'ivr', answer_url: 'https://example.com/v2' });
    const other = client('plivo', mock, 'MAOTHERACCOUNT000002');
    expect((await other('GET', `/Account/MAOTHERACCOUNT000002/Application/${id}/`)).status).toBe(404);
    const account = await call('GET', `/Account/${A}/`);
    expect(account.body.auth_id).toBe(A);
    await call('POST', `/Account/${A}/`, { city: 'Oslo' });
    expect((await call('GET', `/Account/${A}/`)).body.city).toBe('Oslo');
  });

  it('stateless mocks create nothing, and reset() forgets what was created', async () => {
    const stateless = client('plivo', mods.plivo.createMock({ stateless: true }));
    const made = await stateless('POST', `/Account/${A}/Call/`, { from: '1', to: '2', answer_url: 'https://e.com/' });
    expect((await stateless('GET', `/Account/${A}/Call/`)).body.objects.map((c: any) => c.call_uuid)).not.toContain(made.body.request_uuid);
    const mock = mods.plivo.createMock();
    const call = client('plivo', mock);
    const kept = await call('POST', `/Account/${A}/Call/`, { from: '1', to: '2', answer_url: 'https://e.com/' });
    expect((await call('GET', `/Account/${A}/Call/${kept.body.request_uuid}/`)).status).toBe(200);
    mock.reset();
    expect((await call('GET', `/Account/${A}/Call/${kept.body.request_uuid}/`)).status).toBe(404);
  });
});

describe('Twilio', () => {
  const A = ACCOUNTS.twilio;

  it('makeCall answers 201 with Location; the call can be read and listed; Page/num paging walks every call', async () => {
    const call = client('twilio', mods.twilio.createMock());
    const made = await call('POST', `/Accounts/${A}/Calls.json`, { Caller: '4155551212', Called: '4155559876', Url: 'https://example.com/twiml' });
    expect(made.status).toBe(201);
    expect(made.body.Sid).toMatch(/^CA[0-9a-f]{32}$/);
    expect(made.body).toMatchObject({ AccountSid: A, Caller: '4155551212', Called: '4155559876' });
    expect(made.headers.get('location')).toBe(`https://mock.test/2008-08-01/Accounts/${A}/Calls/${made.body.Sid}.json`);
    expect((await call('GET', `/Accounts/${A}/Calls/${made.body.Sid}.json`)).body.Sid).toBe(made.body.Sid);
    const sids = [made.body.Sid];
    for (let i = 0; i < 2; i++) sids.push((await call('POST', `/Accounts/${A}/Calls.json`, { Caller: '4155551212', Called: `41555598${i}0`, Url: 'https://example.com/twiml' })).body.Sid);
    const seen: string[] = [];
    let path: string | null = `/Accounts/${A}/Calls.json?num=2`;
    let first: any;
    while (path) {
      const page: any = await call('GET', path);
      first ??= page.body;
      seen.push(...page.body.Calls.map((c: any) => c.Sid));
      path = page.body.NextPageUri ? page.body.NextPageUri.replace(/^\/2008-08-01/, '') : null;
    }
    expect(first).toMatchObject({ Page: 0, PageSize: 2, Total: 5, NumPages: 3, Start: 0, End: 1, PreviousPageUri: null });
    expect(first.LastPageUri).toBe(`/2008-08-01/Accounts/${A}/Calls.json?num=2&Page=2`);
    expect(new Set(seen).size).toBe(5);
    expect(seen.slice(0, 3)).toEqual(sids.reverse()); // newest first
  });

  it('routes POST ?_method=PUT and ?_method=DELETE to the PUT and DELETE operations', async () => {
    const call = client('twilio', mods.twilio.createMock());
    const list = await call('GET', `/Accounts/${A}/IncomingPhoneNumbers.json`);
    const sid = list.body.IncomingPhoneNumbers[0].Sid;
    const put = await call('POST', `/Accounts/${A}/IncomingPhoneNumbers/${sid}.json?_method=PUT`, { FriendlyName: 'Renamed line' });
    expect(put.status).toBe(200);
    expect(put.body.FriendlyName).toBe('Renamed line');
    expect((await call('GET', `/Accounts/${A}/IncomingPhoneNumbers/${sid}.json`)).body.FriendlyName).toBe('Renamed line');
    expect((await call('POST', `/Accounts/${A}/IncomingPhoneNumbers/${sid}.json?_method=DELETE`)).status).toBe(200);
    expect((await call('GET', `/Accounts/${A}/IncomingPhoneNumbers/${sid}.json`)).status).toBe(404);
    const recording = (await call('GET', `/Accounts/${A}/Recordings.json`)).body.Recordings[0].Sid;
    expect((await call('POST', `/Accounts/${A}/Recordings/${recording}.json?_method=DELETE`)).status).toBe(200);
    expect((await call('GET', `/Accounts/${A}/Recordings/${recording}.json`)).status).toBe(404);
    // A method the API does not overload, or a path without that method, is not rerouted.
    const bad = await call('POST', `/Accounts/${A}/Calls/${'CA' + '0'.repeat(32)}.json?_method=DELETE`, {});
    expect(bad.status).toBe(405);
    expect(bad.headers.get('allow')).toBe('GET, POST');
  });

  it("lists a call's recordings and a conference's participants under their parent only", async () => {
    const call = client('twilio', mods.twilio.createMock());
    const recordings = (await call('GET', `/Accounts/${A}/Recordings.json`)).body.Recordings;
    const callSid = recordings[0].CallSid;
    const ofCall = await call('GET', `/Accounts/${A}/Calls/${callSid}/Recordings.json`);
    expect(ofCall.body.Recordings.length).toBeGreaterThan(0);
    expect(ofCall.body.Recordings.every((r: any) => r.CallSid === callSid)).toBe(true);
    const none = await call('GET', `/Accounts/${A}/Calls/CA${'f'.repeat(32)}/Recordings.json`);
    expect(none.body).toMatchObject({ Recordings: [], Total: 0, NextPageUri: null });
  });
});

describe('Bandwidth', () => {
  const A = ACCOUNTS.bandwidth;

  it('has recordings for a seeded call; deleting media and transcription is reflected', async () => {
    const call = client('bandwidth', mods.bandwidth.createMock());
    const all = await call('GET', `/accounts/${A}/recordings`);
    expect(all.status).toBe(200);
    const rec = all.body.find((r: any) => r.transcription !== null && r.mediaUrl !== null);
    expect(rec.accountId).toBe(A);
    const base = `/accounts/${A}/calls/${rec.callId}/recordings/${rec.recordingId}`;
    const ofCall = await call('GET', `/accounts/${A}/calls/${rec.callId}/recordings`);
    expect(ofCall.body.map((r: any) => r.recordingId)).toContain(rec.recordingId);
    expect((await call('GET', `${base}/media`)).status).toBe(200);
    expect((await call('DELETE', `${base}/media`)).status).toBe(204);
    expect((await call('GET', `${base}/media`)).status).toBe(404);
    expect((await call('GET', base)).body.mediaUrl).toBeNull();
    expect((await call('GET', `${base}/transcription`)).status).toBe(200);
    expect((await call('DELETE', `${base}/transcription`)).status).toBe(204);
    const missing = await call('GET', `${base}/transcription`);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ type: 'not-found', description: expect.stringContaining(rec.recordingId) });
    expect((await call('GET', base)).body.transcription).toBeNull();
    expect((await call('POST', `${base}/transcription`, { callbackUrl: 'https://example.com/t' })).status).toBe(204);
    expect((await call('GET', `${base}/transcription`)).status).toBe(200);
    expect((await call('GET', base)).body.transcription).not.toBeNull();
    expect((await call('DELETE', base)).status).toBe(204);
    expect((await call('GET', base)).status).toBe(404);
    expect((await call('GET', `${base}/media`)).status).toBe(404);
    expect((await call('GET', `/accounts/${A}/recordings`)).body.map((r: any) => r.recordingId)).not.toContain(rec.recordingId);
  });

  it('filters account recordings by from and by start time', async () => {
    const call = client('bandwidth', mods.bandwidth.createMock());
    const all = (await call('GET', `/accounts/${A}/recordings`)).body;
    const from = all[0].from;
    expect((await call('GET', `/accounts/${A}/recordings?from=${encodeURIComponent(from)}`)).body.every((r: any) => r.from === from)).toBe(true);
    const after = (await call('GET', `/accounts/${A}/recordings?minStartTime=2022-06-21T20:00:00Z`)).body;
    expect(after.length).toBe(all.filter((r: any) => Date.parse(r.startTime) >= Date.parse('2022-06-21T20:00:00Z')).length);
    expect(after.length).toBeLessThan(all.length);
  });
});
