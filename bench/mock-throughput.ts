/**
 * Mock-server GET throughput on loopback, side by side in one run:
 * Switchboard's `switchboard mock` (per-request log on, and --quiet) and
 * Prism (`@stoplight/prism-cli`) on the same spec, each measured with
 * autocannon for a bounded time. Only 127.0.0.1 is ever contacted.
 *
 *   npx tsx bench/mock-throughput.ts [--spec plivo] [--seconds 5] [--connections 10]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const ROOT = path.resolve(import.meta.dirname, '..');
const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const PRISM = path.join(ROOT, 'node_modules/@stoplight/prism-cli/dist/index.js');

/** The GET each target answers, per spec: a list page, the most common read. */
const TARGETS: Record<string, { basePath: string; path: string; user: string }> = {
  plivo: { basePath: '/v1', path: '/Account/MABENCHMARK000000001/Call/?limit=20', user: 'MABENCHMARK000000001' },
  twilio: { basePath: '/2008-08-01', path: '/Accounts/AC0123456789abcdef0123456789abcdef/Calls.json', user: 'AC0123456789abcdef0123456789abcdef' },
  bandwidth: { basePath: '/api/v2', path: '/accounts/9900000/recordings', user: 'bench' },
};

interface Result {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { spec: { type: 'string', default: 'plivo' }, seconds: { type: 'string', default: '5' }, connections: { type: 'string', default: '10' } } });
  const spec = values.spec!;
  const target = TARGETS[spec];
  if (!target) throw new Error(`--spec must be one of ${Object.keys(TARGETS).join(', ')}`);
  const seconds = Math.min(30, Math.max(1, Number(values.seconds)));
  const connections = Math.min(100, Math.max(1, Number(values.connections)));
  const specFile = path.join(ROOT, 'specs', `${spec}.yaml`);
  const headers = { authorization: `Basic ${Buffer.from(`${target.user}:bench-token`).toString('base64')}` };
  const runs: [string, string[], string][] = [
    ['switchboard mock', [process.execPath, '--import', TSX, path.join(ROOT, 'generator/cli.ts'), 'mock', specFile, '--port', '4411'], `http://127.0.0.1:4411${target.basePath}${target.path}`],
    ['switchboard mock --quiet', [process.execPath, '--import', TSX, path.join(ROOT, 'generator/cli.ts'), 'mock', specFile, '--port', '4412', '--quiet'], `http://127.0.0.1:4412${target.basePath}${target.path}`],
    ['prism mock', [process.execPath, PRISM, 'mock', specFile, '--port', '4413', '--host', '127.0.0.1'], `http://127.0.0.1:4413${target.path}`],
  ];
  const results: Result[] = [];
  for (const [name, argv, url] of runs) {
    const child = spawn(argv[0]!, argv.slice(1), { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.resume();
    child.stderr!.resume();
    try {
      await ready(url, headers, child);
      results.push(await measure(name, url, headers, seconds, connections));
    } finally {
      await stop(child);
    }
  }
  report(spec, seconds, connections, results);
}

/** Waits until `url` answers 200 (at most 60 s). */
async function ready(url: string, headers: Record<string, string>, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
      if (res.status === 200) return;
      throw new Error(`${url} answered ${res.status}`);
    } catch (error) {
      if ((error as Error).message.includes('answered')) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${url} was not ready within 60 s`);
}

async function measure(name: string, url: string, headers: Record<string, string>, seconds: number, connections: number): Promise<Result> {
  // A short warm-up, so both servers are measured with their JIT warm.
  await autocannon({ url, headers, connections, duration: 1 });
  const r = await autocannon({ url, headers, connections, duration: seconds });
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, ok: r['2xx'], non2xx: r.non2xx, errors: r.errors };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => (clearTimeout(timer), resolve()));
    child.kill('SIGTERM');
  });
}

function report(spec: string, seconds: number, connections: number, results: Result[]): void {
  const prism = results.find((r) => r.name === 'prism mock');
  console.log(`GET throughput on 127.0.0.1, ${spec}: ${seconds} s per target, ${connections} connections (autocannon)\n`);
  console.log(['target'.padEnd(26), 'req/s'.padStart(9), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8), '2xx'.padStart(9), 'non-2xx'.padStart(8), 'errors'.padStart(7), 'vs prism'.padStart(9)].join(' '));
  for (const r of results) {
    const ratio = prism && prism.rps > 0 ? `${(r.rps / prism.rps).toFixed(1)}×` : '-';
    console.log([r.name.padEnd(26), r.rps.toFixed(0).padStart(9), String(r.p50).padStart(8), String(r.p99).padStart(8), String(r.ok).padStart(9), String(r.non2xx).padStart(8), String(r.errors).padStart(7), ratio.padStart(9)].join(' '));
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
