/**
 * Raw HTTP for the mock-server tests: node:http requests with any method,
 * path, headers and body bytes (fetch would refuse or normalise some of
 * them), and raw sockets for bytes that are not HTTP at all.
 */
import http from 'node:http';
import net from 'node:net';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method: string;
  /** Path and query, already encoded. */
  path: string;
  headers?: Record<string, string>;
  body?: Uint8Array | string;
}

/** Sends one request on a fresh connection and reads the whole answer. */
export function send(baseUrl: string, req: RawRequest): Promise<RawResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const r = http.request(
      { host: url.hostname, port: url.port, method: req.method, path: req.path, headers: req.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    r.setTimeout(10_000, () => r.destroy(new Error(`no answer to ${req.method} ${req.path}`)));
    r.end(req.body);
  });
}

/**
 * Writes raw bytes on a socket and collects what comes back until the server
 * closes the connection or `waitMs` passes (then this side closes).
 */
export function rawExchange(baseUrl: string, chunks: (string | Buffer)[], waitMs: number, gapMs = 0): Promise<{ reply: string; closedByServer: boolean }> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname);
    let reply = '';
    let closedByServer = false;
    socket.on('data', (d) => (reply += d.toString('latin1')));
    socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? undefined : reject(e)));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ reply, closedByServer });
    });
    socket.on('end', () => (closedByServer = true));
    const timer = setTimeout(() => socket.destroy(), waitMs);
    socket.on('connect', async () => {
      for (const chunk of chunks) {
        if (socket.destroyed) return;
        socket.write(chunk);
        if (gapMs > 0) await new Promise((r) => setTimeout(r, gapMs));
      }
    });
  });
}
