/**
 * Mock server under load: `tsx bench/mock-load.ts [--api plivo] [--duration 30] [--connections 20]`.
 *
 * Starts the standalone mock server of a seed API in a child process on
 * 127.0.0.1, drives it with autocannon for a bounded time (create → read →
 * delete → list sequences, so the store stays the same size), samples the
 * server's RSS every second, then sends malformed HTTP (truncated body, huge
 * header, garbage, slowloris headers and bodies held open up to a timeout)
 * and checks it still answers. Prints req/s, latency, errors, non-2xx and the
 * RSS series; exits 1 on any error, non-2xx or a server that went down.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { rawExchange, send } from '../test/property/http.js';
import { basic, emitPackage, importPackage, ROOT } from '../test/property/package.js';

const ACCOUNTS: Record<string, string> = { plivo: 'MATESTACCOUNT0000001', twilio: 'AC0123456789abcdef0123456789abcdef', bandwidth: '5550001' };

const { values } = parseArgs({
  options: {
    api: { type: 'string', default: 'plivo' },
    duration: { type: 'string', default: '30' },
    connections: { type: 'string', default: '20' },
    serve: { type: 'boolean', default: false },
  },
});

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  resets: number;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;

if (values.serve) await serve(values.api!);
else await main();

/** Child: generate the API's package, start its mock server, report the URL. */
async function serve(api: string): Promise<void> {
  const { dir } = await emitPackage(path.join(ROOT, 'specs', `${api}.yaml`), api);
  const { mocks } = await importPackage(dir);
  const server = await mocks.startMockServer({ port: 0 });
  process.send!({ url: server.url, baseUrl: server.baseUrl });
  process.on('disconnect', () => void server.close().then(() => process.exit(0)));
}

function startChild(api: string): Promise<{ child: ChildProcess; url: string; baseUrl: string }> {
  const child = fork(import.meta.filename, ['--serve', '--api', api], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { url: string; baseUrl: string }) => resolve({ child, ...m }));
    child.once('exit', (code) => reject(new Error(`mock server exited (${code})`)));
  });
}

/** Resident set size of a process in MiB (Linux /proc). */
function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** create → read → delete → list, with the created id carried in the autocannon context. */
function sequence(basePath: string, account: string): Record<string, unknown>[] {
  const calls = `${basePath}/Account/${account}/Call/`;
  const headers = { authorization: basic(account), 'content-type': 'application/json' };
  if (values.api !== 'plivo') return [{ method: 'GET', path: `${basePath}/`, headers }];
  return [
    {
      method: 'POST',
      path: calls,
      headers,
      body: JSON.stringify({ from: '+14151234567', to: '+14157654321', answer_url: 'https://example.com/answer' }),
      onResponse: (_s: number, body: string, ctx: Record<string, unknown>) => void (ctx.id = JSON.parse(body).request_uuid),
    },
    { method: 'GET', headers, setupRequest: (req: Record<string, unknown>, ctx: Record<string, unknown>) => ({ ...req, path: `${calls}${ctx.id}/` }) },
    { method: 'DELETE', headers, setupRequest: (req: Record<string, unknown>, ctx: Record<string, unknown>) => ({ ...req, path: `${calls}${ctx.id}/` }) },
    { method: 'GET', path: `${calls}?limit=5`, headers },
  ];
}

async function load(url: string, basePath: string, pid: number): Promise<{ result: AutocannonResult; rss: number[] }> {
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  const rss: number[] = [rssMiB(pid)];
  const timer = setInterval(() => rss.push(rssMiB(pid)), 1000);
  const result = await autocannon({ url, connections: Number(values.connections), duration: Number(values.duration), requests: sequence(basePath, ACCOUNTS[values.api!]) });
  clearInterval(timer);
  rss.push(rssMiB(pid));
  return { result, rss };
}

/** Malformed HTTP; returns one line per check. */
async function malformed(url: string, baseUrl: string): Promise<{ lines: string[]; up: boolean }> {
  const base = new URL(baseUrl).pathname.replace(/\/$/, '');
  const auth = basic(ACCOUNTS[values.api!]);
  const post = `POST ${base}/ HTTP/1.1\r\nHost: x\r\nAuthorization: ${auth}\r\nContent-Type: application/json\r\n`;
  const status = (reply: string): string => /^HTTP\/1\.1 (\d+)/.exec(reply)?.[1] ?? 'no reply';
  const lines: string[] = [];
  lines.push(`truncated body (client closed): ${status((await rawExchange(url, [`${post}Content-Length: 1000\r\n\r\n{"a":`], 300)).reply)}`);
  lines.push(`64 KiB header: ${status((await rawExchange(url, [`GET ${base}/ HTTP/1.1\r\nX-Big: ${'a'.repeat(65536)}\r\n\r\n`], 3000)).reply)}`);
  lines.push(`garbage bytes: ${status((await rawExchange(url, ['\u0000GARBAGE\r\n\r\n'], 3000)).reply)}`);
  const slow = [
    ...Array.from({ length: 50 }, () => rawExchange(url, [`GET ${base}/ HTTP/1.1\r\n`, ...Array.from({ length: 100 }, (_, i) => `X-${i}: ${i}\r\n`)], 5000, 100)),
    ...Array.from({ length: 50 }, () => rawExchange(url, [`${post}Content-Length: 5000\r\n\r\n`, ...Array.from({ length: 100 }, () => ' ')], 5000, 100)),
  ];
  let served = 0;
  for (let i = 0; i < 20; i++) if ((await send(url, { method: 'GET', path: `${base}/`, headers: { authorization: auth } })).status < 500) served++;
  await Promise.all(slow);
  lines.push(`slowloris: 100 slow connections held 5 s (client timeout); normal requests served meanwhile: ${served}/20`);
  const after = await send(url, { method: 'GET', path: `${base}/`, headers: { authorization: auth } });
  return { lines, up: after.status < 500 && served === 20 };
}

async function main(): Promise<void> {
  const { child, url, baseUrl } = await startChild(values.api!);
  try {
    console.log(`mock-load: ${values.api} mock server at ${baseUrl} (pid ${child.pid}), ${values.connections} connections, ${values.duration} s`);
    const { result, rss } = await load(url, new URL(baseUrl).pathname.replace(/\/$/, ''), child.pid!);
    const warm = rss.slice(Math.min(5, rss.length - 1));
    const growth = warm.length > 1 ? ((warm[warm.length - 1] - warm[0]) / warm[0]) * 100 : 0;
    console.log(`requests: ${result.requests.total} (${result.requests.average.toFixed(0)} req/s), latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
    console.log(`errors: ${result.errors}, timeouts: ${result.timeouts}, non-2xx: ${result.non2xx}`);
    console.log(`RSS MiB each second: ${rss.map((r) => r.toFixed(0)).join(' ')}`);
    console.log(`RSS after warm-up (5 s): ${warm[0].toFixed(1)} → ${warm[warm.length - 1].toFixed(1)} MiB (${growth >= 0 ? '+' : ''}${growth.toFixed(1)}%), peak ${Math.max(...rss).toFixed(1)} MiB`);
    const { lines, up } = await malformed(url, baseUrl);
    for (const line of lines) console.log(line);
    console.log(`server up after malformed HTTP: ${up ? 'yes' : 'NO'}`);
    process.exitCode = result.errors + result.timeouts + result.non2xx === 0 && up ? 0 : 1;
  } finally {
    child.disconnect();
  }
}
