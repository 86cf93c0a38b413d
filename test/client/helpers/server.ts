/**
 * A scripted HTTP server on 127.0.0.1 (port 0): each request takes the next
 * scripted reply (or the fallback), and every request is recorded with its
 * method, URL, headers, body and arrival time.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** `performance.now()` when the request arrived. */
  at: number;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  body?: string | Uint8Array;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Drop the connection instead of answering. */
  destroy?: boolean;
}

export type Script = Reply | ((req: Recorded) => Reply);

export class ScriptServer {
  readonly requests: Recorded[] = [];
  readonly #queue: Script[] = [];
  #fallback: Script = { status: 500, json: { error: 'no scripted reply left' } };
  readonly #server: http.Server;
  url = '';

  private constructor() {
    this.#server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const rec: Recorded = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks), at: performance.now() };
        this.requests.push(rec);
        const script = this.#queue.shift() ?? this.#fallback;
        answer(res, typeof script === 'function' ? script(rec) : script);
      });
    });
  }

  /** Starts a server on 127.0.0.1 with an OS-assigned port. */
  static async start(): Promise<ScriptServer> {
    const s = new ScriptServer();
    await new Promise<void>((resolve) => s.#server.listen(0, '127.0.0.1', resolve));
    s.url = `http://127.0.0.1:${(s.#server.address() as AddressInfo).port}`;
    return s;
  }

  /** Queues replies, answered in order; forgets earlier requests and replies. */
  script(...replies: Script[]): this {
    this.requests.length = 0;
    this.#queue.length = 0;
    this.#queue.push(...replies);
    return this;
  }

  /** The reply once the queue is empty. */
  fallback(reply: Script): this {
    this.#fallback = reply;
    return this;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise((resolve) => this.#server.close(resolve));
  }
}

function answer(res: http.ServerResponse, reply: Reply): void {
  const send = () => {
    if (reply.destroy) return void res.socket?.destroy();
    const headers: Record<string, string> = { ...reply.headers };
    let body: string | Uint8Array | undefined = reply.body;
    if (reply.json !== undefined) {
      body = JSON.stringify(reply.json);
      headers['content-type'] ??= 'application/json';
    }
    res.writeHead(reply.status ?? 200, headers);
    res.end(body);
  };
  if (reply.delayMs) setTimeout(() => !res.destroyed && send(), reply.delayMs);
  else send();
}
