/**
 * The standalone mock server: node:http around the same core the MSW
 * handlers use. It binds 127.0.0.1 unless told otherwise, serves under the
 * spec's base path, refuses oversized bodies with 413, turns any internal
 * failure into a 500 in the API's format, and closes cleanly.
 */
import http from 'node:http';

const ADMIN = '/__switchboard/';

/** Starts serving `mock` over HTTP. */
export async function startServer(mock, options = {}) {
  const host = options.host ?? '127.0.0.1';
  const limit = options.maxBodyBytes ?? 1024 * 1024;
  const cors = options.cors !== false;
  const server = http.createServer((req, res) => {
    if (cors && allowOrigin(req, res)) return;
    serve(mock, req, res, limit).catch((error) => fail(mock, res, error));
  });
  server.keepAliveTimeout = 5000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address();
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    baseUrl: url + mock.spec.basePath.replace(/\/+$/, ''),
    port,
    host,
    mock,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

async function serve(mock, req, res, limit) {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const declared = Number(req.headers['content-length'] ?? 0);
  const body = declared > limit ? undefined : await readBody(req, limit);
  if (body === undefined) return tooLarge(mock, req, res, limit);
  if (url.pathname.startsWith(ADMIN)) return admin(mock, url, req.method ?? 'GET', body, res);
  const headers = {};
  for (const [k, v] of Object.entries(req.headers))
    headers[k] = Array.isArray(v) ? v.join(', ') : v;
  const request = {
    method: (req.method ?? 'GET').toUpperCase(),
    url,
    headers,
    ...(body.length > 0 ? { body } : {}),
  };
  send(res, await mock.handleRaw(request));
}

/**
 * CORS: every answer to a request with an Origin allows that origin; a
 * preflight (`OPTIONS` with Access-Control-Request-Method) is answered here.
 * Returns true when the request was a preflight and has been answered.
 */
function allowOrigin(req, res) {
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
function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
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

function tooLarge(mock, req, res, limit) {
  res.setHeader('connection', 'close');
  send(
    res,
    mock.errorResult(413, `Request body too large: the mock accepts at most ${limit} bytes`),
  );
  req.resume();
}

/** `POST /__switchboard/faults` (JSON FaultOptions) and `POST /__switchboard/reset`. */
function admin(mock, url, method, body, res) {
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
        body: JSON.stringify({ message: error.message }),
      });
    }
  }
  send(res, {
    status: 404,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ message: `unknown admin action ${action}` }),
  });
}

function send(res, result) {
  res.statusCode = result.status;
  for (const [k, v] of Object.entries(result.headers)) res.setHeader(k, v);
  if (result.body !== undefined && !res.hasHeader('content-length'))
    res.setHeader(
      'content-length',
      typeof result.body === 'string' ? Buffer.byteLength(result.body) : result.body.length,
    );
  res.end(result.body);
}

function fail(mock, res, error) {
  if (res.headersSent) return void res.destroy();
  send(res, mock.errorResult(500, `Mock server error: ${error?.message ?? String(error)}`));
}
