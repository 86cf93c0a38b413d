/**
 * The standalone mock server: node:http around the same core the MSW
 * handlers use. It binds 127.0.0.1 unless told otherwise, serves under the
 * spec's base path, refuses oversized bodies with 413, turns any internal
 * failure into a 500 in the API's format, and closes cleanly.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Mock, ResponseMap } from './core.js';
import type { MockRequest } from './request.js';
import type { MockResult } from './wire.js';

export interface MockServerOptions {
  /** Port to listen on (default 4010; 0 picks a free one). */
  port?: number;
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** Largest request body accepted, in bytes (default 1 MiB); larger ones get 413. */
  maxBodyBytes?: number;
  /** Answer CORS preflights and allow cross-origin calls, so a web app can use the mock (default true). */
  cors?: boolean;
}

export interface MockServer<R extends ResponseMap = ResponseMap> {
  /** `http://127.0.0.1:4010` */
  readonly url: string;
  /** The URL clients use as their base URL: `url` plus the spec's base path. */
  readonly baseUrl: string;
  readonly port: number;
  readonly host: string;
  /** The core behind the server: overrides, faults, reset. */
  readonly mock: Mock<R>;
  /** Stops accepting connections and closes idle ones; resolves when closed. */
  close(): Promise<void>;
}

const ADMIN = '/__switchboard/';

/** Starts serving `mock` over HTTP. */
export async function startServer<R extends ResponseMap>(
  mock: Mock<R>,
  options: MockServerOptions = {},
): Promise<MockServer<R>> {
  const host = options.host ?? '127.0.0.1';
  const limit = options.maxBodyBytes ?? 1024 * 1024;
  const cors = options.cors !== false;
  const server = http.createServer((req, res) => {
    if (cors && allowOrigin(req, res)) return;
    serve(mock, req, res, limit).catch((error) => fail(mock, res, error));
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    baseUrl: url + mock.spec.basePath.replace(/\/+$/, ''),
    port,
    host,
    mock,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

async function serve<R extends ResponseMap>(
  mock: Mock<R>,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  limit: number,
): Promise<void> {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const declared = Number(req.headers['content-length'] ?? 0);
  const body = declared > limit ? undefined : await readBody(req, limit);
  if (body === undefined) return tooLarge(mock, req, res, limit);
  if (url.pathname.startsWith(ADMIN)) return admin(mock, url, req.method ?? 'GET', body, res);
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers))
    headers[k] = Array.isArray(v) ? v.join(', ') : v;
  const request: MockRequest = {
    method: (req.method ?? 'GET').toUpperCase(),
    url,
    headers,
    ...(body.length > 0 ? { body } : {}),
  };
  send(res, (await mock.handleRaw(request))!);
}

/**
 * CORS: every answer to a request with an Origin allows that origin; a
 * preflight (`OPTIONS` with Access-Control-Request-Method) is answered here.
 * Returns true when the request was a preflight and has been answered.
 */
function allowOrigin(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  const origin = req.headers.origin;
  if (!origin) return false;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('access-control-allow-credentials', 'true');
  res.setHeader('access-control-expose-headers', 'location, retry-after, allow, content-type');
  res.setHeader('vary', 'origin');
  const method = req.headers['access-control-request-method'];
  if (req.method !== 'OPTIONS' || !method) return false;
  res.statusCode = 204;
  res.setHeader('access-control-allow-methods', method);
  res.setHeader(
    'access-control-allow-headers',
    req.headers['access-control-request-headers'] ?? '*',
  );
  res.setHeader('access-control-max-age', '600');
  res.end();
  req.resume();
  return true;
}

/** The body, or undefined once it passes `limit` bytes. */
function readBody(req: http.IncomingMessage, limit: number): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve(undefined);
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? undefined : new Uint8Array(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

function tooLarge<R extends ResponseMap>(
  mock: Mock<R>,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  limit: number,
): void {
  res.setHeader('connection', 'close');
  send(
    res,
    mock.errorResult(413, `Request body too large: the mock accepts at most ${limit} bytes`),
  );
  req.resume();
}

/** `POST /__switchboard/faults` (JSON FaultOptions) and `POST /__switchboard/reset`. */
function admin<R extends ResponseMap>(
  mock: Mock<R>,
  url: URL,
  method: string,
  body: Uint8Array,
  res: http.ServerResponse,
): void {
  const action = url.pathname.slice(ADMIN.length);
  if (method === 'POST' && action === 'reset') {
    mock.reset();
    return send(res, { status: 204, headers: {} });
  }
  if (method === 'POST' && action === 'faults') {
    try {
      mock.setFaults(JSON.parse(new TextDecoder().decode(body) || '{}'));
      return send(res, { status: 204, headers: {} });
    } catch (error) {
      return send(res, {
        status: 400,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message: (error as Error).message }),
      });
    }
  }
  send(res, {
    status: 404,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ message: `unknown admin action ${action}` }),
  });
}

function send(res: http.ServerResponse, result: MockResult): void {
  res.statusCode = result.status;
  for (const [k, v] of Object.entries(result.headers)) res.setHeader(k, v);
  if (result.body !== undefined && !res.hasHeader('content-length'))
    res.setHeader(
      'content-length',
      typeof result.body === 'string' ? Buffer.byteLength(result.body) : result.body.length,
    );
  res.end(result.body);
}

function fail<R extends ResponseMap>(
  mock: Mock<R>,
  res: http.ServerResponse,
  error: unknown,
): void {
  if (res.headersSent) return void res.destroy();
  send(
    res,
    mock.errorResult(500, `Mock server error: ${(error as Error)?.message ?? String(error)}`),
  );
}
