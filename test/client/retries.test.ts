/**
 * Retries, timeouts, cancellation and the client-side rate limiter, against a
 * scripted server on 127.0.0.1. Bandwidth's client is used because it has
 * GET, PUT, POST and DELETE operations and builds fastest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApis, importPackage } from './helpers/generate.js';
import { ScriptServer } from './helpers/server.js';

let server: ScriptServer;
let sdk: any;
let client: any;
const ids = { callId: 'c-1', recordingId: 'r-1' };
const recording = { accountId: '9900000', callId: 'c-1', recordingId: 'r-1' };
const transcribe = (c = client, options?: object) => c.recordings.transcribeCallRecording({ ...ids, body: { callbackUrl: 'https://example.com/cb' } }, options);

beforeAll(async () => {
  const generated = await generateApis(['bandwidth']);
  sdk = await importPackage(generated.bandwidth.dir);
  server = await ScriptServer.start();
  client = new sdk.BandwidthClient({ username: 'u', password: 'p', accountId: '9900000', baseUrl: server.url });
});
afterAll(() => server.close());

describe('retries', () => {
  it('429 with Retry-After: 1, then 200: exactly one retry, at least 1 s later', async () => {
    server.script({ status: 429, headers: { 'retry-after': '1' }, json: { type: 'rate', description: 'slow down' } }, { json: recording });
    await expect(client.recordings.getCallRecording(ids)).resolves.toEqual(recording);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1].at - server.requests[0].at).toBeGreaterThanOrEqual(1000);
  });

  it('a POST answered 503 is not retried', async () => {
    server.script({ status: 503, json: { type: 'down', description: 'maintenance' } }, { status: 204 });
    await expect(transcribe()).rejects.toBeInstanceOf(sdk.InternalServerError);
    expect(server.requests.map((r) => r.method)).toEqual(['POST']);
  });

  it('a POST answered 429 or 408 is retried: the request was not processed', async () => {
    server.script({ status: 429, headers: { 'retry-after': '0' } }, { status: 408, headers: { 'retry-after': '0' } }, { status: 204 });
    await expect(transcribe()).resolves.toBeUndefined();
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'POST', 'POST']);
  });

  it('idempotent methods are retried on 5xx, up to maxRetries (2 by default)', async () => {
    const fail = { status: 500, headers: { 'retry-after': '0' }, json: { type: 'internal', description: 'boom' } };
    server.script(fail, fail, fail, { json: recording });
    const error = await client.recordings.deleteRecording(ids).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(sdk.InternalServerError);
    expect(error.status).toBe(500);
    expect(server.requests.map((r) => r.method)).toEqual(['DELETE', 'DELETE', 'DELETE']);
  });

  it('PUT is idempotent: retried after 502 and 504 until it succeeds', async () => {
    server.script({ status: 502, headers: { 'retry-after': '0' } }, { status: 504, headers: { 'retry-after': '0' } }, { status: 200 });
    await client.recordings.updateCallRecordingState({ callId: 'c-1', body: { state: 'paused' } });
    expect(server.requests.map((r) => r.method)).toEqual(['PUT', 'PUT', 'PUT']);
  });

  it('maxRetries: 0 turns retries off, per client and per request', async () => {
    const busy = { status: 429, headers: { 'retry-after': '0' } };
    server.script(busy, { json: recording });
    await expect(client.withOptions({ maxRetries: 0 }).recordings.getCallRecording(ids)).rejects.toBeInstanceOf(sdk.RateLimitError);
    expect(server.requests).toHaveLength(1);
    server.script(busy, { json: recording });
    await expect(client.recordings.getCallRecording(ids, { maxRetries: 0 })).rejects.toBeInstanceOf(sdk.RateLimitError);
    expect(server.requests).toHaveLength(1);
    server.script(busy, busy, busy, { json: recording });
    await expect(client.withOptions({ maxRetries: 0 }).recordings.getCallRecording(ids, { maxRetries: 3 })).resolves.toEqual(recording);
    expect(server.requests).toHaveLength(4);
  });

  it('honours Retry-After as an HTTP-date', async () => {
    const soon = new Date(Date.now() + 1000).toUTCString();
    server.script({ status: 429, headers: { 'retry-after': soon } }, { json: recording });
    await expect(client.recordings.getCallRecording(ids)).resolves.toEqual(recording);
    expect(server.requests).toHaveLength(2);
  });

  it('a Retry-After longer than a minute surfaces the error instead of waiting', async () => {
    server.script({ status: 429, headers: { 'retry-after': '3600' }, json: { type: 'rate', description: 'come back later' } }, { json: recording });
    const error = await client.recordings.getCallRecording(ids).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(sdk.RateLimitError);
    expect(error.headers.get('retry-after')).toBe('3600');
    expect(server.requests).toHaveLength(1);
  });

  it('network errors are retried for GET but never for POST', async () => {
    server.script({ destroy: true }, { json: recording });
    await expect(client.recordings.getCallRecording(ids)).resolves.toEqual(recording);
    expect(server.requests).toHaveLength(2);
    server.script({ destroy: true }, { status: 204 });
    await expect(transcribe()).rejects.toBeInstanceOf(sdk.ConnectionError);
    expect(server.requests).toHaveLength(1);
  });
});

describe('timeouts and cancellation', () => {
  it('a timeout raises TimeoutError (a ConnectionError), per client or per request', async () => {
    server.script({ delayMs: 2000, json: recording });
    const error = await client.withOptions({ timeout: 100, maxRetries: 0 }).recordings.getCallRecording(ids).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(sdk.TimeoutError);
    expect(error).toBeInstanceOf(sdk.ConnectionError);
    expect(error.message).toBe('Request timed out after 100 ms');
    server.script({ delayMs: 2000 });
    await expect(transcribe(client, { timeout: 100 })).rejects.toBeInstanceOf(sdk.TimeoutError);
    expect(server.requests).toHaveLength(1);
  });

  it('an idempotent call that times out is retried, and a later attempt can succeed', async () => {
    server.script({ delayMs: 5000 }, { json: recording });
    await expect(client.recordings.getCallRecording(ids, { timeout: 400 })).resolves.toEqual(recording);
    expect(server.requests).toHaveLength(2);
  });

  it('an AbortSignal cancels the call with an AbortError whose cause is its reason, and nothing is retried', async () => {
    server.script({ delayMs: 2000, json: recording });
    const controller = new AbortController();
    const reason = new Error('user gave up');
    const call = client.recordings.getCallRecording(ids, { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 50);
    const error = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(sdk.AbortError);
    expect(error).toBeInstanceOf(sdk.SwitchboardError);
    expect(error).not.toBeInstanceOf(sdk.ConnectionError);
    expect(error).toMatchObject({ name: 'AbortError', message: 'Request aborted: user gave up' });
    expect(error.cause).toBe(reason);
    expect(server.requests).toHaveLength(1);
  });

  it('timeout 0 or Infinity means none; the AbortSignal still works without a timeout', async () => {
    server.script({ delayMs: 300, json: recording }, { delayMs: 300, json: recording }, { delayMs: 2000, json: recording });
    await expect(client.withOptions({ timeout: 0 }).recordings.getCallRecording(ids)).resolves.toEqual(recording);
    await expect(client.recordings.getCallRecording(ids, { timeout: Infinity })).resolves.toEqual(recording);
    const controller = new AbortController();
    const call = client.recordings.getCallRecording(ids, { timeout: 0, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stop')), 50);
    await expect(call).rejects.toThrow(sdk.AbortError);
    await expect(call).rejects.toThrow('Request aborted: stop');
    expect(server.requests).toHaveLength(3);
  });

  it('an abort during the wait between retries stops at once', async () => {
    server.script({ status: 503, headers: { 'retry-after': '30' } }, { json: recording });
    const controller = new AbortController();
    const call = client.recordings.getCallRecording(ids, { signal: controller.signal });
    while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    const error = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(sdk.AbortError);
    expect(error.message).toBe('Request aborted'); // the default reason is not repeated…
    expect(error.cause).toBeInstanceOf(DOMException); // …but kept
    expect(server.requests).toHaveLength(1);
  });
});

describe('client-side rate limiter', () => {
  it('holds a request until the window has room', async () => {
    // The limiter spaces out when requests are sent, so record the moment each one is handed to fetch.
    const sent: number[] = [];
    const spy = (url: string, init: RequestInit) => (sent.push(performance.now()), fetch(url, init));
    const limited = client.withOptions({ rateLimit: { requests: 2, windowSeconds: 0.5 }, fetch: spy });
    server.script().fallback({ json: recording });
    await Promise.all([1, 2, 3].map(() => limited.recordings.getCallRecording(ids)));
    expect(server.requests).toHaveLength(3);
    expect(sent[2] - sent[0]).toBeGreaterThanOrEqual(500);
  });

  it('is off by default', async () => {
    server.script().fallback({ json: recording });
    await Promise.all(Array.from({ length: 20 }, () => client.recordings.getCallRecording(ids)));
    expect(server.requests).toHaveLength(20);
  });
});
