/**
 * The `logger` / `logLevel` options and the `<API>_LOG` environment variable:
 * what each level reports (attempts, statuses, retries, waits), that secrets
 * never reach the logger, and that nothing is logged by default.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BaseClient } from '../../generator/emit/client/runtime/client.js';
import type { ApiConfig, Operation } from '../../generator/emit/client/runtime/types.js';
import { generateApis, importPackage } from './helpers/generate.js';
import { ScriptServer } from './helpers/server.js';

let server: ScriptServer;
let plivo: any;

beforeAll(async () => {
  const g = await generateApis(['plivo']);
  plivo = await importPackage(g.plivo.dir);
  server = await ScriptServer.start();
});
afterAll(() => server.close());
afterEach(() => {
  delete process.env.PLIVO_LOG;
});

type Line = { level: string; message: string; rest: unknown[] };

/** A logger that records every call, and the text of everything it was given. */
function recorder() {
  const lines: Line[] = [];
  const fn = (level: string) => (message: string, ...rest: unknown[]) => void lines.push({ level, message, rest });
  const logger = { error: fn('error'), warn: fn('warn'), info: fn('info'), debug: fn('debug') };
  return { logger, lines, text: () => JSON.stringify(lines) };
}

const SECRET = 'tok-5ecret-value';
const call = { api_id: 'req-42', call_uuid: 'u-1' };
const client = (options: object = {}) => new plivo.PlivoClient({ authId: 'MA1', authToken: SECRET, baseUrl: server.url, ...options });

describe('log levels', () => {
  it('info: one line per attempt with method, URL, status, time and request id; retries with their wait', async () => {
    const { logger, lines } = recorder();
    server.script({ status: 503, json: { api_id: 'r-1', error: 'busy' } }, { json: call });
    await client({ logger, logLevel: 'info' }).calls.getCall({ call_uuid: 'u-1' });
    const url = `${server.url}/Account/MA1/Call/u-1/`;
    expect(lines.map((l) => l.level)).toEqual(['info', 'info']);
    expect(lines[0]!.message).toMatch(new RegExp(`^\\[switchboard-plivo #\\d+\\] GET ${url} → 503 Service Unavailable: busy \\(request id r-1\\) in \\d+ ms; retry 1 of 2 in \\d+ ms$`));
    expect(lines[1]!.message).toMatch(new RegExp(`^\\[switchboard-plivo #\\d+\\] GET ${url} → 200 in \\d+ ms \\(request id req-42\\)$`));
    // The same call number on both lines, a new one for the next call.
    const id = (l: Line) => /#(\d+)/.exec(l.message)![1];
    expect(id(lines[0]!)).toBe(id(lines[1]!));
  });

  it('info: a connection failure, and the final error when retries run out', async () => {
    const { logger, lines } = recorder();
    await client({ logger, logLevel: 'info', baseUrl: 'http://127.0.0.1:9', maxRetries: 1 }).account.getAccount().catch(() => undefined);
    expect(lines.map((l) => l.message.replace(/\d+ ms/g, 'N ms'))).toEqual([
      expect.stringMatching(/→ failed: Connection error: .* in N ms; retry 1 of 1 in N ms$/),
      expect.stringMatching(/→ failed: Connection error: .* in N ms$/),
    ]);
  });

  it('debug: also each attempt with its headers, the Authorization header and secret headers as ***', async () => {
    const { logger, lines, text } = recorder();
    server.script({ json: call });
    await client({ logger, logLevel: 'debug', headers: { 'X-Api-Key': 'key-5ecret', 'X-Team': 'voice' } }).calls.getCall({ call_uuid: 'u-1' });
    expect(lines.map((l) => l.level)).toEqual(['debug', 'info']);
    expect(lines[0]!.message).toMatch(/GET .* attempt 1$/);
    expect(lines[0]!.rest).toEqual([{ headers: expect.objectContaining({ authorization: '***', 'x-api-key': '***', 'x-team': 'voice', accept: 'application/json' }) }]);
    expect(text()).not.toContain(SECRET);
    expect(text()).not.toContain(Buffer.from(`MA1:${SECRET}`).toString('base64'));
    expect(text()).not.toContain('key-5ecret');
  });

  it('the default (warn) and off log nothing for calls, retries and failures', async () => {
    for (const logLevel of [undefined, 'warn', 'error', 'off']) {
      const { logger, lines } = recorder();
      server.script({ status: 503 }, { json: call }, { status: 404, json: { error: 'gone' } });
      const c = client({ logger, ...(logLevel ? { logLevel } : {}) });
      await c.calls.getCall({ call_uuid: 'u-1' });
      await c.calls.getCall({ call_uuid: 'u-1' }).catch(() => undefined);
      expect(lines, String(logLevel)).toEqual([]);
    }
  });

  it('warn (the default) reports a Retry-After too long to wait for; off does not', async () => {
    const { logger, lines } = recorder();
    server.script({ status: 429, headers: { 'retry-after': '3600' }, json: { error: 'slow down' } });
    await client({ logger }).calls.getCall({ call_uuid: 'u-1' }).catch(() => undefined);
    expect(lines).toEqual([{ level: 'warn', message: expect.stringMatching(/GET .* not retried, Retry-After is over 60 s$/), rest: [] }]);
    const off = recorder();
    server.script({ status: 429, headers: { 'retry-after': '3600' } });
    await client({ logger: off.logger, logLevel: 'off' }).calls.getCall({ call_uuid: 'u-1' }).catch(() => undefined);
    expect(off.lines).toEqual([]);
  });

  it('info: waits for the client-side rate limit', async () => {
    const { logger, lines } = recorder();
    server.script().fallback({ json: call });
    const c = client({ logger, logLevel: 'info', rateLimit: { requests: 1, windowSeconds: 0.2 } });
    await Promise.all([c.calls.getCall({ call_uuid: 'a' }), c.calls.getCall({ call_uuid: 'b' })]);
    expect(lines.filter((l) => /waits \d+ ms for the rate limit$/.test(l.message))).toHaveLength(1);
  });
});

describe('the <API>_LOG environment variable', () => {
  it('sets the level when the option is not given; the option wins', async () => {
    process.env.PLIVO_LOG = 'info';
    const fromEnv = recorder();
    server.script({ json: call }, { json: call });
    await client({ logger: fromEnv.logger }).calls.getCall({ call_uuid: 'u-1' });
    expect(fromEnv.lines).toHaveLength(1);
    const option = recorder();
    await client({ logger: option.logger, logLevel: 'off' }).calls.getCall({ call_uuid: 'u-1' });
    expect(option.lines).toEqual([]);
  });

  it('an unknown level is reported, and warn is used', () => {
    process.env.PLIVO_LOG = 'verbose';
    const { logger, lines } = recorder();
    client({ logger });
    expect(lines).toEqual([{ level: 'warn', message: 'Unknown log level "verbose": expected off, error, warn, info, debug', rest: [] }]);
  });
});

describe('secret query parameters and declared API-key names', () => {
  const api: ApiConfig = { baseUrl: 'http://unused', userAgent: 'switchboard-test/1.0.0', env: {}, errors: {}, secrets: ['appid'] };
  const op: Operation = { method: 'GET', path: '/things', query: ['api_key', 'access_token', 'appid', 'limit', 'keyword'] };

  it('are *** in every log line; other parameters are kept', async () => {
    const { logger, lines, text } = recorder();
    server.script({ json: {} });
    const c = new BaseClient({ baseUrl: server.url, logger, logLevel: 'debug', headers: { appid: 'h-5ecret' } }, api);
    await c.$request(op, { api_key: 'k-5ecret', access_token: 't-5ecret', appid: 'a-5ecret', limit: 2, keyword: 'calls' });
    expect(server.requests[0]!.url).toContain('api_key=k-5ecret'); // sent as given…
    expect(lines.at(-1)!.message).toContain('/things?api_key=***&access_token=***&appid=***&limit=2&keyword=calls → 200');
    expect(text()).not.toMatch(/5ecret/); // …and never logged
    expect(JSON.stringify(c)).not.toContain('h-5ecret');
  });
});
