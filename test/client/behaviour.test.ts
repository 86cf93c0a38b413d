/**
 * Errors, credentials, transport and resource groups of the three generated
 * clients, against a scripted server on 127.0.0.1.
 */
import { setMaxListeners } from 'node:events';
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clientNames, resourceList } from '../../generator/emit/client/client-names.js';
import { APIS, generateApis, importPackage, type Api, type Generated } from './helpers/generate.js';
import { ScriptServer } from './helpers/server.js';

let server: ScriptServer;
let other: ScriptServer;
let generated: Record<Api, Generated>;
let plivo: any;
let twilio: any;
let bandwidth: any;
const call = { api_id: 'a-1', call_uuid: 'u-1' };

beforeAll(async () => {
  const g = (generated = await generateApis());
  [plivo, twilio, bandwidth] = await Promise.all([importPackage(g.plivo.dir), importPackage(g.twilio.dir), importPackage(g.bandwidth.dir)]);
  [server, other] = await Promise.all([ScriptServer.start(), ScriptServer.start()]);
});
afterAll(() => Promise.all([server.close(), other.close()]));

const plivoClient = (options: object = {}) => new plivo.PlivoClient({ authId: 'MA1', authToken: 'tok', baseUrl: server.url, maxRetries: 0, ...options });
const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

describe('errors', () => {
  it('Plivo: NotFoundError with status, headers, body, api_id as request id and the error as message', async () => {
    server.script({ status: 404, headers: { 'x-extra': '1' }, json: { api_id: 'req-9', error: 'call not found' } });
    const error = await plivoClient().calls.getCall({ call_uuid: 'nope' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(plivo.NotFoundError);
    expect(error).toBeInstanceOf(plivo.ApiError);
    expect(error).toMatchObject({ name: 'NotFoundError', status: 404, requestId: 'req-9', body: { api_id: 'req-9', error: 'call not found' } });
    expect(error.headers.get('x-extra')).toBe('1');
    expect(error.message).toBe('404 Not Found: call not found (request id req-9)');
  });

  it('Twilio: BadRequestError with Code, Message and MoreInfo', async () => {
    const body = { Status: 400, Message: 'No called number is specified', Code: 21201, MoreInfo: 'https://www.twilio.com/docs/errors/21201' };
    server.script({ status: 400, json: body });
    const client = new twilio.TwilioClient({ accountSid: 'AC1', authToken: 't', baseUrl: server.url });
    const error = await client.calls.makeCall({ body: { Caller: '+1', Called: '', Url: 'https://x' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(twilio.BadRequestError);
    expect(error).toMatchObject({ status: 400, code: 21201, moreInfo: body.MoreInfo, body });
    expect(error.message).toBe(`400 Bad Request: No called number is specified (code 21201; see ${body.MoreInfo})`);
  });

  it('Bandwidth: type, description and id; 401 and 403 have their own classes', async () => {
    const client = new bandwidth.BandwidthClient({ username: 'u', password: 'p', accountId: '99', baseUrl: server.url });
    server.script({ status: 401, json: { type: 'authentication-error', description: 'bad credentials', id: 'bw-1' } }, { status: 403, json: { type: 'forbidden', description: 'no access' } });
    const e401 = await client.recordings.listAccountCallRecordings().catch((e: unknown) => e);
    expect(e401).toBeInstanceOf(bandwidth.AuthenticationError);
    expect(e401).toMatchObject({ type: 'authentication-error', requestId: 'bw-1', message: '401 Unauthorized: bad credentials (type authentication-error; request id bw-1)' });
    const e403 = await client.recordings.listAccountCallRecordings().catch((e: unknown) => e);
    expect(e403).toBeInstanceOf(bandwidth.PermissionDeniedError);
  });

  it.each([
    [400, 'BadRequestError'],
    [401, 'AuthenticationError'],
    [403, 'PermissionDeniedError'],
    [404, 'NotFoundError'],
    [405, 'ApiError'],
    [409, 'ConflictError'],
    [422, 'UnprocessableEntityError'],
    [429, 'RateLimitError'],
    [500, 'InternalServerError'],
    [503, 'InternalServerError'],
  ])('status %i → %s', async (status, name) => {
    server.script({ status, body: 'plain text failure', headers: { 'content-type': 'text/plain' } });
    const error = await plivoClient().account.getAccount().catch((e: unknown) => e);
    expect(error.constructor).toBe(plivo[name]);
    expect(error.body).toBe('plain text failure');
    expect(error.message).toMatch(new RegExp(`^${status} .*: plain text failure$`));
  });

  it('an error without a body still reads well', async () => {
    server.script({ status: 500 });
    const error = await plivoClient().account.getAccount().catch((e: unknown) => e);
    expect(error.message).toBe('500 Internal Server Error: no error message in the response');
    expect(error.body).toBeUndefined();
  });

  it('ConnectionError when nothing listens', async () => {
    const closed = await ScriptServer.start();
    await closed.close();
    const error = await plivoClient({ baseUrl: closed.url }).account.getAccount().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(plivo.ConnectionError);
    expect(error).not.toBeInstanceOf(plivo.TimeoutError);
    expect(error.message).toMatch(/^Connection error: .*ECONNREFUSED/);
  });
});

describe('credentials', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  });

  it.each([
    ['plivo', 'PlivoClient', 'PLIVO_AUTH_ID', 'PLIVO_AUTH_TOKEN', 'account', 'getAccount'],
    ['twilio', 'TwilioClient', 'TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'accounts', 'getAccount'],
    ['bandwidth', 'BandwidthClient', 'BANDWIDTH_USERNAME', 'BANDWIDTH_PASSWORD', 'recordings', 'listAccountCallRecordings'],
  ])('%s reads %s from the environment', async (_, className, userEnv, passEnv, group, method) => {
    const sdk = { PlivoClient: plivo, TwilioClient: twilio, BandwidthClient: bandwidth }[className];
    Object.assign(process.env, { [userEnv]: 'env-user', [passEnv]: 'env-pass', BANDWIDTH_ACCOUNT_ID: 'env-account' });
    server.script({ json: {} });
    await new sdk[className]({ baseUrl: server.url })[group][method]();
    expect(server.requests[0].headers.authorization).toBe(basic('env-user', 'env-pass'));
    expect(server.requests[0].url).toContain('/env-'); // the account path parameter defaults from the environment too
  });

  it('constructor options win over the environment', async () => {
    Object.assign(process.env, { PLIVO_AUTH_ID: 'env-user', PLIVO_AUTH_TOKEN: 'env-pass' });
    server.script({ json: {} });
    await plivoClient({ authId: 'MA9', authToken: 'sécret' }).account.getAccount();
    expect(server.requests[0].headers.authorization).toBe(basic('MA9', 'sécret'));
    expect(server.requests[0].url).toBe('/Account/MA9/');
  });

  it('missing credentials fail before sending, naming the options and variables', async () => {
    delete process.env.TWILIO_ACCOUNT_SID;
    delete process.env.TWILIO_AUTH_TOKEN;
    server.script({ json: {} });
    const client = new twilio.TwilioClient({ baseUrl: server.url });
    await expect(client.accounts.getAccount({ AccountSid: 'AC1' })).rejects.toThrow(
      'Missing credentials: pass the accountSid and authToken options, or set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN',
    );
    expect(server.requests).toHaveLength(0);
  });

  it('the account path parameter defaults from configuration and can be overridden per call', async () => {
    const client = new bandwidth.BandwidthClient({ username: 'u', password: 'p', accountId: '111', baseUrl: server.url });
    server.script({ json: [] }, { json: [] });
    await client.recordings.listAccountCallRecordings();
    await client.recordings.listAccountCallRecordings({ accountId: '222' });
    expect(server.requests.map((r) => r.url)).toEqual(['/accounts/111/recordings', '/accounts/222/recordings']);
    delete process.env.BANDWIDTH_ACCOUNT_ID;
    const noAccount = new bandwidth.BandwidthClient({ username: 'u', password: 'p', baseUrl: server.url });
    await expect(noAccount.recordings.listAccountCallRecordings()).rejects.toThrow(
      `Path parameter "accountId" is required: pass it, set the client's accountId option or BANDWIDTH_ACCOUNT_ID`,
    );
  });
});

describe('transport', () => {
  it('sends a User-Agent, Accept, default headers and per-request headers; null removes one', async () => {
    server.script({ json: call }, { json: call });
    const client = plivoClient({ headers: { 'X-Team': 'voice', 'x-trace': 'client' } });
    await client.calls.getCall({ call_uuid: 'u-1' }, { headers: { 'X-Trace': 'call' } });
    const [first] = server.requests;
    expect(first.headers).toMatchObject({ 'user-agent': 'switchboard-plivo/1.0.0', accept: 'application/json', 'x-team': 'voice', 'x-trace': 'call' });
    await client.calls.getCall({ call_uuid: 'u-1' }, { headers: { 'x-team': null } });
    expect(server.requests[1].headers['x-team']).toBeUndefined();
  });

  it('refuses header values with CR or LF before anything is sent', async () => {
    server.script({ json: call });
    await expect(plivoClient({ headers: { 'x-a': 'ok\r\nX-Injected: 1' } }).calls.getCall({ call_uuid: 'u-1' })).rejects.toThrow(/CR, LF/);
    await expect(plivoClient().calls.getCall({ call_uuid: 'u-1' }, { headers: { 'x-a': 'a\nb' } })).rejects.toThrow(TypeError);
    await expect(plivoClient().calls.getCall({ call_uuid: 'u-1' }, { headers: { 'bad name': 'v' } })).rejects.toThrow(/token/);
    expect(server.requests).toHaveLength(0);
  });

  it('uses an injected fetch', async () => {
    const seen: string[] = [];
    const fake = async (url: string, init: RequestInit) => {
      seen.push(`${init.method} ${url}`);
      return new Response(JSON.stringify(call), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const client = plivoClient({ baseUrl: 'https://api.example.test/v1', fetch: fake });
    await expect(client.calls.getCall({ call_uuid: 'u-1' })).resolves.toEqual(call);
    expect(seen).toEqual(['GET https://api.example.test/v1/Account/MA1/Call/u-1/']);
  });

  it('follows a same-origin redirect with credentials, and drops them for another origin', async () => {
    server.script({ status: 307, headers: { location: '/moved/' } }, { status: 302, headers: { location: `${other.url}/elsewhere` } });
    other.script({ json: call });
    await expect(plivoClient().calls.getCall({ call_uuid: 'u-1' })).resolves.toEqual(call);
    expect(server.requests.map((r) => [r.url, r.headers.authorization])).toEqual([
      ['/Account/MA1/Call/u-1/', basic('MA1', 'tok')],
      ['/moved/', basic('MA1', 'tok')],
    ]);
    expect(other.requests).toHaveLength(1);
    expect(other.requests[0].headers.authorization).toBeUndefined();
    expect(other.requests[0].headers['user-agent']).toBe('switchboard-plivo/1.0.0');
  });

  it('a 303 after a POST continues as a GET without the body', async () => {
    server.script({ status: 303, headers: { location: '/result/' } }, { json: { api_id: 'a', message: 'call fired', request_uuid: 'r' } });
    await plivoClient().calls.makeCall({ body: { from: '1', to: '2', answer_url: 'https://x' } });
    expect(server.requests.map((r) => [r.method, r.url, r.body.length, r.headers['content-type']])).toEqual([
      ['POST', '/Account/MA1/Call/', expect.any(Number), 'application/json'],
      ['GET', '/result/', 0, undefined],
    ]);
  });

  it('withResponse() gives status, headers and body', async () => {
    server.script({ status: 201, headers: { location: '/x', 'x-request-id': 'q' }, json: { api_id: 'a', message: 'call fired', request_uuid: 'r' } });
    const result = await plivoClient().calls.makeCall({ body: { from: '1', to: '2', answer_url: 'https://x' } }).withResponse();
    expect(result.status).toBe(201);
    expect(result.headers.get('x-request-id')).toBe('q');
    expect(result.data).toEqual({ api_id: 'a', message: 'call fired', request_uuid: 'r' });
  });

  it('rateLimit: true keeps to the spec limit (Plivo: 300 requests per 5 s)', async () => {
    // An in-memory fetch, so the first 300 calls finish well inside the 5 s window even on a busy machine.
    let sent = 0;
    const fake = async () => (sent++, new Response(JSON.stringify(call), { headers: { 'content-type': 'application/json' } }));
    const client = plivoClient({ rateLimit: true, fetch: fake });
    const controller = new AbortController();
    // 301 calls in flight share one signal, each listening to it until it settles: raise Node's
    // leak heuristic (10 listeners), as an application cancelling that many calls at once would.
    setMaxListeners(301, controller.signal);
    const calls = Array.from({ length: 301 }, () => client.calls.getCall({ call_uuid: 'u' }, { signal: controller.signal }).then(() => 'done', (e: Error) => e.name));
    while (sent < 300) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 300));
    expect(sent).toBe(300); // the 301st waits for the window to move on…
    controller.abort();
    const outcomes = await Promise.all(calls);
    expect(outcomes.filter((o) => o === 'done')).toHaveLength(300);
    expect(outcomes.filter((o) => o === 'AbortError')).toHaveLength(1); // …and its wait can be cancelled
  });
});

describe('resource groups', () => {
  const clients = (): Record<Api, [sdk: any, client: any]> => ({
    plivo: [plivo, plivoClient()],
    twilio: [twilio, new twilio.TwilioClient({ accountSid: 'AC1', authToken: 't', baseUrl: server.url })],
    bandwidth: [bandwidth, new bandwidth.BandwidthClient({ username: 'u', password: 'p', accountId: '1', baseUrl: server.url })],
  });

  it.each(APIS)('%s: each group is an instance of its exported class, whose methods are its operations and their paginators', (api) => {
    const [sdk, client] = clients()[api];
    const { model } = generated[api];
    const names = clientNames(model);
    for (const { tag, className } of resourceList(model, names)) {
      const Group = sdk[className];
      const group = client[tag.propertyName];
      expect(Group.name).toBe(className);
      expect(group).toBeInstanceOf(Group);
      expect(inspect(group, { depth: 0 })).toMatch(new RegExp(`^${className} \\{`));
      // The methods the interface declares, made by the runtime: no more, no fewer.
      const methods = tag.operations.flatMap((op) => [op.methodName, ...(op.pagination ? [names.operations.get(op)!.iterator!] : [])]);
      expect(Object.getOwnPropertyNames(Group.prototype).sort()).toEqual(['constructor', ...methods].sort());
      for (const method of methods) expect(group[method].name, `${className}.${method}`).toBe(method);
    }
  });

  it('a group made on its own (`new CallsApi(client)`) calls and pages through that client', async () => {
    const calls = new plivo.CallsApi(plivoClient({ authId: 'MA7' }));
    expect(calls).toBeInstanceOf(plivo.CallsApi);
    server.script({ json: call }, { json: { meta: { next: '/next' }, objects: [{ call_uuid: 'c-1' }] } }, { json: { meta: { next: null }, objects: [{ call_uuid: 'c-2' }] } });
    await expect(calls.getCall({ call_uuid: 'u-1' })).resolves.toEqual(call);
    const uuids: string[] = [];
    for await (const item of calls.listAllCalls({ limit: 1 })) uuids.push(item.call_uuid);
    expect(uuids).toEqual(['c-1', 'c-2']);
    expect(server.requests.map((r) => [r.method, r.url])).toEqual([
      ['GET', '/Account/MA7/Call/u-1/'],
      ['GET', '/Account/MA7/Call/?limit=1'],
      ['GET', '/Account/MA7/Call/?limit=1&offset=1'],
    ]);
  });
});
