/**
 * The client runtime's cost. Prints:
 *  - its size: the whole runtime (`generator/emit/client/runtime/index.ts`)
 *    bundled by esbuild with minification, then gzipped;
 *  - its per-request overhead: median time per request of the runtime
 *    (`BaseClient.$request`: URL and headers from a descriptor, Basic auth,
 *    timeout, retry loop, manual redirects, JSON parsing) against bare
 *    `fetch` + `res.json()` with the same headers, on a loopback server; and,
 *    to show where the difference goes, `fetch` with an AbortController
 *    timeout (what any client with timeouts pays) and the runtime without one.
 *
 * Run with `npx tsx bench/client-runtime.ts [rounds] [requestsPerRound]`.
 */
import { build } from 'esbuild';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { BaseClient } from '../generator/emit/client/runtime/client.js';
import type { ApiConfig, Operation } from '../generator/emit/client/runtime/types.js';

const RUNTIME = fileURLToPath(new URL('../generator/emit/client/runtime/index.ts', import.meta.url));
const ROUNDS = Number(process.argv[2] ?? 40);
const PER_ROUND = Number(process.argv[3] ?? 100);

/** Bytes of the minified bundle and of its gzip (level 9). */
async function runtimeSize(): Promise<{ min: number; gz: number }> {
  const out = await build({ entryPoints: [RUNTIME], bundle: true, minify: true, format: 'esm', platform: 'neutral', target: 'es2022', write: false });
  const code = out.outputFiles[0]!.contents;
  return { min: code.length, gz: gzipSync(code, { level: 9 }).length };
}

const BODY = JSON.stringify({ api_id: 'b7f3c1d2', call_uuid: 'eba53b9e-8fbd-45c1-9444-696d2172fbc8', call_direction: 'outbound', bill_duration: 42 });

async function startServer(): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY) });
    res.end(BODY);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

const API: ApiConfig = { baseUrl: 'http://unused', userAgent: 'switchboard-bench/1.0.0', env: {}, basic: ['authId', 'authToken'], errors: { message: 'error', requestId: 'api_id' } };
const GET_CALL: Operation = { method: 'GET', path: '/Account/{auth_id}/Call/{call_uuid}/', query: ['callback_url', 'callback_method'], account: { auth_id: 'authId' } };

/** Milliseconds per request over `n` sequential requests. */
async function perRequest(n: number, send: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < n; i++) await send();
  return (performance.now() - started) / n;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Variant {
  name: string;
  send: () => Promise<unknown>;
}

/** Median per-request time of each variant; batches are interleaved so load drift hits all alike. */
async function overhead(): Promise<Map<string, number>> {
  const server = await startServer();
  const client = new BaseClient({ baseUrl: server.url, authId: 'MA1', authToken: 'secret' } as never, API);
  const untimed = new BaseClient({ baseUrl: server.url, authId: 'MA1', authToken: 'secret', timeout: 0 } as never, API);
  const url = `${server.url}/Account/MA1/Call/eba53b9e-8fbd-45c1-9444-696d2172fbc8/`;
  const headers = { accept: 'application/json', 'user-agent': API.userAgent, authorization: `Basic ${btoa('MA1:secret')}` };
  const params = { call_uuid: 'eba53b9e-8fbd-45c1-9444-696d2172fbc8' };
  const variants: Variant[] = [
    { name: 'bare fetch + res.json()', send: () => fetch(url, { headers }).then((r) => r.json()) },
    {
      name: 'fetch + AbortController timeout',
      send: () => {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), 60_000);
        return fetch(url, { headers, signal: controller.signal }).then((r) => r.json()).finally(() => clearTimeout(timer));
      },
    },
    { name: 'client runtime (default 60 s timeout)', send: () => client.$request(GET_CALL, params) },
    { name: 'client runtime, timeout: 0', send: () => untimed.$request(GET_CALL, params) },
  ];
  for (const v of variants) await perRequest(300, v.send); // warm up: JIT, connection pool
  const samples = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 ? [...variants].reverse() : variants;
    for (const v of order) samples.get(v.name)!.push(await perRequest(PER_ROUND, v.send));
  }
  server.close();
  return new Map([...samples].map(([name, xs]) => [name, median(xs)]));
}

const size = await runtimeSize();
console.log(`client runtime size: ${size.min} B minified, ${(size.gz / 1024).toFixed(2)} KB min+gz (${size.gz} B; target ≤ 4 KB)`);
const times = await overhead();
const bare = times.get('bare fetch + res.json()')!;
console.log(`per request on loopback (median of ${ROUNDS} interleaved rounds × ${PER_ROUND} sequential requests):`);
for (const [name, ms] of times) console.log(`  ${name.padEnd(40)} ${(ms * 1000).toFixed(1).padStart(7)} µs  ${(ms / bare).toFixed(3)}×`);
console.log('target: client runtime ≤ 1.10× bare fetch');
