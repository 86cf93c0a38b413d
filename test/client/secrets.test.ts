/**
 * Credentials stay secret: printing, inspecting or serialising a client, its
 * resource groups or any error it throws never shows a password, token,
 * API key or `Authorization` value. And a call without credentials fails
 * with the "missing credentials" error before any other check.
 */
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateApis, importPackage } from './helpers/generate.js';
import { ScriptServer } from './helpers/server.js';

let server: ScriptServer;
let plivo: any;
let twilio: any;
let bandwidth: any;

const SECRET = 'tok-5ecret-value';
const HEADER_SECRET = 'Bearer hdr-5ecret-value';
const KEY_SECRET = 'key-5ecret-value';
/** Every form a secret could take in output: as given, and Basic-encoded with any username used here. */
const FORMS = [SECRET, HEADER_SECRET.slice(7), KEY_SECRET, ...['MA1', 'AC1', 'user'].map((u) => Buffer.from(`${u}:${SECRET}`).toString('base64'))];

beforeAll(async () => {
  const g = await generateApis();
  [plivo, twilio, bandwidth] = await Promise.all([importPackage(g.plivo.dir), importPackage(g.twilio.dir), importPackage(g.bandwidth.dir)]);
  server = await ScriptServer.start();
});
afterAll(() => server.close());

/** Every way a value is commonly printed: console.log's inspect (deep, with hidden properties), JSON and String. */
function printed(value: unknown): string {
  let json: string;
  try {
    json = JSON.stringify(value) ?? '';
  } catch (e) {
    json = String(e);
  }
  return [inspect(value), inspect(value, { depth: 8, showHidden: true, getters: true }), json, String(value)].join('\n');
}

function expectNoSecret(text: string): void {
  for (const form of FORMS) expect(text).not.toContain(form);
}

const clients = () => ({
  plivo: new plivo.PlivoClient({ authId: 'MA1', authToken: SECRET, baseUrl: server.url, maxRetries: 0, headers: { Authorization: HEADER_SECRET, 'X-Api-Key': KEY_SECRET, 'X-Team': 'voice' } }),
  twilio: new twilio.TwilioClient({ accountSid: 'AC1', authToken: SECRET, baseUrl: server.url, maxRetries: 0 }),
  bandwidth: new bandwidth.BandwidthClient({ username: 'user', password: SECRET, accountId: '99', baseUrl: server.url, maxRetries: 0 }),
});

describe('printing a client', () => {
  it.each(['plivo', 'twilio', 'bandwidth'] as const)('%s: inspect, console.log and JSON show the options with every credential as ***', (api) => {
    const client = clients()[api];
    expectNoSecret(printed(client));
    expectNoSecret(printed(client.withOptions({ timeout: 5 })));
    for (const group of Object.values(client)) expectNoSecret(printed(group));
    // Still useful: the class, the base URL and the other options are shown.
    expect(inspect(client)).toMatch(new RegExp(`^${client.constructor.name} \\{`));
    expect(inspect(client)).toContain(server.url);
    expect(JSON.parse(JSON.stringify(client))).toMatchObject({ baseUrl: server.url, maxRetries: 0 });
    expect(client.$options).toBeUndefined();
  });

  it('redacts the credential options and secret headers, and keeps the rest', () => {
    const json = JSON.parse(JSON.stringify(clients().plivo));
    expect(json).toEqual({
      baseUrl: server.url,
      authId: '***',
      authToken: '***',
      maxRetries: 0,
      headers: { Authorization: '***', 'X-Api-Key': '***', 'X-Team': 'voice' },
    });
  });

  it('credentials from the environment never show either', () => {
    process.env.PLIVO_AUTH_ID = 'MA1';
    process.env.PLIVO_AUTH_TOKEN = SECRET;
    try {
      const client = new plivo.PlivoClient({ baseUrl: server.url });
      expectNoSecret(printed(client));
    } finally {
      delete process.env.PLIVO_AUTH_ID;
      delete process.env.PLIVO_AUTH_TOKEN;
    }
  });
});

describe('printing an error', () => {
  const failures = (): [string, (client: any) => Promise<unknown>, () => void][] => [
    ['ApiError (401)', (c) => c.account.getAccount(), () => server.script({ status: 401, headers: { 'www-authenticate': 'Basic realm="api"' }, json: { api_id: 'r-1', error: 'bad credentials' } })],
    ['ApiError (500)', (c) => c.account.getAccount(), () => server.script({ status: 500, body: 'boom' })],
    ['ConnectionError', (c) => c.withOptions({ baseUrl: 'http://127.0.0.1:9' }).account.getAccount(), () => server.script()],
    ['TimeoutError', (c) => c.account.getAccount(undefined, { timeout: 50 }), () => server.script({ delayMs: 1000, json: {} })],
    ['AbortError', (c) => c.account.getAccount(undefined, { signal: AbortSignal.abort(new Error('stop')) }), () => server.script()],
    ['a TypeError of a bad header', (c) => c.account.getAccount(undefined, { headers: { 'x-a': 'a\nb' } }), () => server.script()],
  ];

  it.each(failures().map(([name]) => name))('%s holds no credential', async (name) => {
    const [, fail, script] = failures().find(([n]) => n === name)!;
    script();
    const error = await fail(clients().plivo).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expectNoSecret(printed(error));
    expectNoSecret(String((error as Error).stack));
  });
});

describe('missing credentials', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  });
  const clear = () => {
    for (const key of ['PLIVO_AUTH_ID', 'PLIVO_AUTH_TOKEN', 'TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'BANDWIDTH_USERNAME', 'BANDWIDTH_PASSWORD', 'BANDWIDTH_ACCOUNT_ID']) delete process.env[key];
  };
  const PLIVO = 'Missing credentials: pass the authId and authToken options, or set PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN';

  it('Plivo: with no credentials at all, the error names the options and variables, not the auth_id path parameter', async () => {
    clear();
    server.script({ json: {} });
    const client = new plivo.PlivoClient({ baseUrl: server.url });
    const error = await client.calls.getCall({ call_uuid: 'u-1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(plivo.SwitchboardError);
    expect(error).not.toBeInstanceOf(TypeError);
    expect(error.message).toBe(PLIVO);
    expect(server.requests).toHaveLength(0);
  });

  it('comes before every other check: missing path parameters, bad headers, the paginator', async () => {
    clear();
    const client = new plivo.PlivoClient({ baseUrl: server.url, headers: { 'bad header': 'x' } });
    await expect(client.calls.getCall({})).rejects.toThrow(PLIVO);
    await expect(client.calls.getCall({ call_uuid: '..' }, { headers: { 'x-a': 'a\nb' } })).rejects.toThrow(PLIVO);
    await expect(client.calls.listAllCalls()[Symbol.asyncIterator]().next()).rejects.toThrow(PLIVO);
  });

  it('one credential alone is still missing credentials (Bandwidth, with its account id set)', async () => {
    clear();
    const client = new bandwidth.BandwidthClient({ username: 'user', accountId: '99', baseUrl: server.url });
    await expect(client.recordings.listAccountCallRecordings()).rejects.toThrow(
      'Missing credentials: pass the username and password options, or set BANDWIDTH_USERNAME and BANDWIDTH_PASSWORD',
    );
  });
});
