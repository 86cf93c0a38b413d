/**
 * What a call resolves to besides its body: `withResponse()` with the request
 * id (from the body property `x-switchboard-errors.requestId` names, or a
 * response header) and the `Response`; `asResponse()` with the body unread;
 * and downloads in the media type asked for (`accept`). Against a scripted
 * server, and end to end against the generated mock server.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientEmitter } from '../../generator/emit/client/index.js';
import { build } from '../../generator/pipeline.js';
import { tempDir } from '../helpers/temp.js';
import { ACCOUNTS, emitApis, importClient, importMocks, WITH_CLIENT } from '../mocks/helpers.js';
import { generateApis, importPackage } from './helpers/generate.js';
import { ScriptServer } from './helpers/server.js';

let server: ScriptServer;
let plivo: any;
let bandwidth: any;

beforeAll(async () => {
  const g = await generateApis(['plivo', 'bandwidth']);
  [plivo, bandwidth] = await Promise.all([importPackage(g.plivo.dir), importPackage(g.bandwidth.dir)]);
  server = await ScriptServer.start();
});
afterAll(() => server.close());

const call = { api_id: 'req-42', call_uuid: 'u-1' };
const plivoClient = (options: object = {}) => new plivo.PlivoClient({ authId: 'MA1', authToken: 't', baseUrl: server.url, maxRetries: 0, ...options });
const bandwidthClient = (options: object = {}) => new bandwidth.BandwidthClient({ username: 'u', password: 'p', accountId: '99', baseUrl: server.url, maxRetries: 0, ...options });
const ids = { callId: 'c-1', recordingId: 'r-1' };

describe('withResponse()', () => {
  it('Plivo: the request id is the api_id of the body; the Response is there, its body read', async () => {
    server.script({ headers: { 'x-request-id': 'from-header' }, json: call });
    const result = await plivoClient().calls.getCall({ call_uuid: 'u-1' }).withResponse();
    expect(result).toMatchObject({ status: 200, data: call, requestId: 'req-42' });
    expect(result.response).toBeInstanceOf(Response);
    expect(result.response.status).toBe(200);
    expect(result.response.bodyUsed).toBe(true);
    expect(result.headers).toBe(result.response.headers);
  });

  it('Plivo: without api_id in the body, the x-request-id header', async () => {
    server.script({ headers: { 'x-request-id': 'from-header' }, json: { call_uuid: 'u-1' } });
    expect((await plivoClient().calls.getCall({ call_uuid: 'u-1' }).withResponse()).requestId).toBe('from-header');
  });

  it("Bandwidth: the error body's id is not read from successes (a resource's own id is no request id), the header is", async () => {
    server.script({ headers: { 'x-request-id': 'bw-req' }, json: { id: 'not-a-request-id', recordingId: 'r-1' } }, { json: { id: 'x' } });
    expect((await bandwidthClient().recordings.getCallRecording(ids).withResponse()).requestId).toBe('bw-req');
    expect((await bandwidthClient().recordings.getCallRecording(ids).withResponse()).requestId).toBeUndefined();
  });

  it('the same call can be awaited and asked for its response', async () => {
    server.script({ json: call });
    const promise = plivoClient().calls.getCall({ call_uuid: 'u-1' });
    const [data, result] = await Promise.all([promise, promise.withResponse()]);
    expect(data).toEqual(call);
    expect(result.data).toBe(data);
    expect(server.requests).toHaveLength(1);
  });
});

describe('asResponse()', () => {
  it('gives the Response with its body unread, and the call is not parsed', async () => {
    server.script({ headers: { 'x-extra': '1' }, json: call });
    const res = await plivoClient().calls.getCall({ call_uuid: 'u-1' }).asResponse();
    expect(res).toBeInstanceOf(Response);
    expect(res.bodyUsed).toBe(false);
    expect(res.headers.get('x-extra')).toBe('1');
    expect(await res.json()).toEqual(call);
  });

  it('streams a download', async () => {
    const bytes = new Uint8Array(64 * 1024).map((_, i) => i % 251);
    server.script({ headers: { 'content-type': 'audio/mpeg' }, body: bytes });
    const res = await bandwidthClient().recordings.downloadCallRecording(ids).asResponse();
    let size = 0;
    for await (const chunk of res.body as AsyncIterable<Uint8Array>) size += chunk.byteLength;
    expect(size).toBe(bytes.byteLength);
  });

  it('afterwards, awaiting the same call reads the body then', async () => {
    server.script({ json: call });
    const promise = plivoClient().calls.getCall({ call_uuid: 'u-1' });
    const res = await promise.asResponse();
    expect(res.bodyUsed).toBe(false);
    await expect(promise).resolves.toEqual(call);
    expect((await promise.withResponse()).requestId).toBe('req-42');
  });

  it('the call\'s signal still cancels reading the unread body', async () => {
    // Headers and a first chunk at once, then nothing: only the abort can end the read.
    const slow = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'audio/mpeg' });
      res.write('ID3');
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    try {
      const controller = new AbortController();
      const baseUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`;
      const res = await bandwidthClient({ baseUrl }).recordings.downloadCallRecording(ids, { signal: controller.signal, timeout: 60_000 }).asResponse();
      const reading = res.arrayBuffer();
      controller.abort(new Error('enough'));
      await expect(reading).rejects.toThrow('enough');
    } finally {
      slow.closeAllConnections();
      await new Promise((resolve) => slow.close(resolve));
    }
  });

  it('error statuses still reject with the typed error', async () => {
    server.script({ status: 422, json: { api_id: 'r-9', error: 'to is not a number' } });
    const error = await plivoClient().calls.getCall({ call_uuid: 'u-1' }).asResponse().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(plivo.UnprocessableEntityError);
    expect(error).toBeInstanceOf(plivo.ApiError);
    expect(error).toMatchObject({ name: 'UnprocessableEntityError', status: 422, requestId: 'r-9', message: '422 Unprocessable Entity: to is not a number (request id r-9)' });
  });
});

describe('downloads', () => {
  it('`accept` asks for one of the media types; by default all are accepted', async () => {
    server.script({ headers: { 'content-type': 'audio/vnd.wave' }, body: 'RIFF' }, { headers: { 'content-type': 'audio/mpeg' }, body: 'ID3' });
    const wav = await bandwidthClient().recordings.downloadCallRecording(ids, { accept: 'audio/vnd.wave' });
    expect(wav.contentType).toBe('audio/vnd.wave');
    await bandwidthClient().recordings.downloadCallRecording(ids);
    expect(server.requests.map((r) => r.headers.accept)).toEqual(['audio/vnd.wave', 'audio/mpeg, audio/vnd.wave']);
  });

  it('refuses an accept value with CR or LF before sending', async () => {
    await expect(bandwidthClient().recordings.downloadCallRecording(ids, { accept: 'audio/mpeg\r\nX: 1' })).rejects.toThrow(TypeError);
  });
});

describe('against the generated mock server', () => {
  let mock: any;
  let pkgs: { plivo: any; bandwidth: any };

  beforeAll(async () => {
    const apis = await emitApis(['plivo', 'bandwidth'], WITH_CLIENT);
    const mocks = await importMocks(apis.bandwidth.dir);
    mock = { bandwidth: await mocks.startMockServer({ port: 0 }), plivo: await (await importMocks(apis.plivo.dir)).startMockServer({ port: 0 }) };
    pkgs = { plivo: await importClient(apis.plivo.dir), bandwidth: await importClient(apis.bandwidth.dir) };
  }, 120_000);
  afterAll(() => Promise.all([mock?.bandwidth.close(), mock?.plivo.close()]));

  it('Plivo: withResponse() carries the api_id the mock answered with', async () => {
    const client = new pkgs.plivo.PlivoClient({ authId: ACCOUNTS.plivo, authToken: 't', baseUrl: mock.plivo.baseUrl });
    const { data, requestId, response } = await client.account.getAccount().withResponse();
    expect(requestId).toBe(data.api_id);
    expect(requestId).toMatch(/\S/);
    expect(response.status).toBe(200);
  });

  it('Bandwidth: a WAV or an MP3, as asked for', async () => {
    const client = new pkgs.bandwidth.BandwidthClient({ username: 'u', password: 'p', accountId: ACCOUNTS.bandwidth, baseUrl: mock.bandwidth.baseUrl });
    const [recording] = await client.recordings.listAccountCallRecordings();
    const params = { callId: recording.callId, recordingId: recording.recordingId };
    const wav = await client.recordings.downloadCallRecording(params, { accept: 'audio/vnd.wave' });
    expect(wav.contentType).toBe('audio/vnd.wave');
    expect(new TextDecoder().decode(wav.data.slice(0, 4))).toBe('RIFF');
    const mp3 = await client.recordings.downloadCallRecording(params, { accept: 'audio/mpeg' }).asResponse();
    expect(mp3.headers.get('content-type')).toBe('audio/mpeg');
    expect(new Uint8Array(await mp3.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });
});

describe('the generated API facts', () => {
  it('a response header the spec declares for the request id is read; API-key parameter names are secrets', async () => {
    const dir = tempDir('switchboard-reqid-');
    const spec = path.join(dir, 'reqid.yaml');
    fs.writeFileSync(
      spec,
      `openapi: 3.1.0
info: { title: ReqId, version: '1' }
servers: [{ url: 'https://api.example.com' }]
components:
  securitySchemes:
    key: { type: apiKey, in: query, name: appid }
security: [{ key: [] }]
paths:
  /things:
    get:
      operationId: listThings
      responses:
        '200':
          description: OK
          headers: { Twilio-Request-Id: { schema: { type: string } } }
          content: { application/json: { schema: { type: object, properties: { id: { type: string } } } } }
`,
    );
    const result = await build({ spec, outDir: path.join(dir, 'out') }, [clientEmitter]);
    const text = result.files.find((f) => f.path === 'src/client.ts')!.content as string;
    expect(text).toContain("errors: { requestIdHeader: 'Twilio-Request-Id' }");
    expect(text).toContain("secrets: ['appid']");
    expect(text).toContain("logLevel: 'REQID_LOG'");
    expect(text).not.toMatch(/^ {2}requestId:/m);
  });
});
