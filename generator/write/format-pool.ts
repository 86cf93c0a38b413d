/**
 * Prettier in worker threads, so formatting uses every core and runs while
 * the main thread goes on emitting the next package.
 *
 * The workers are started on first use (or early, by `warmFormatPool`, so that
 * loading prettier overlaps with loading the spec), are unref'd so they never
 * keep a process alive, and stop after a short idle time. Prettier is
 * deterministic: a file formatted in a worker has the same bytes as one
 * formatted in the main thread.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** The worker's code: plain JavaScript, so it runs the same from `dist/` and under tsx or vitest. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const loading = import(workerData.prettier);
loading.catch(() => {});
parentPort.on('message', async ({ id, text, options }) => {
  try {
    const loaded = await loading;
    const prettier = loaded.format ? loaded : loaded.default; // prettier's CommonJS entry, imported
    parentPort.postMessage({ id, text: await prettier.format(text, options) });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});
`;

const IDLE_MS = 1000;

interface Job {
  resolve(text: string): void;
  reject(error: Error): void;
  size: number;
}

interface PoolWorker {
  worker: Worker;
  jobs: Map<number, Job>;
  /** Characters queued on this worker: new work goes to the least loaded one. */
  load: number;
}

let pool: PoolWorker[] | undefined;
let nextId = 0;
let idleTimer: NodeJS.Timeout | undefined;

/** How many workers: one per core, at most 4 (each holds its own copy of prettier). */
export function poolSize(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

/** Starts the workers now, so prettier is loaded by the time the first file is ready. */
export function warmFormatPool(): void {
  pool ??= Array.from({ length: poolSize() }, startWorker);
  touch();
}

/** Starts the pool if it can be started here; false where worker threads are unavailable. */
export function tryWarmFormatPool(): boolean {
  try {
    warmFormatPool();
    return true;
  } catch {
    return false;
  }
}

/** Formats `text` in the least loaded worker. */
export function formatInPool(text: string, options: Record<string, unknown>): Promise<string> {
  warmFormatPool();
  const target = pool!.reduce((a, b) => (b.load < a.load ? b : a));
  const id = nextId++;
  target.load += text.length;
  target.worker.ref();
  return new Promise((resolve, reject) => {
    target.jobs.set(id, { resolve, reject, size: text.length });
    target.worker.postMessage({ id, text, options });
  });
}

/** Stops every worker now (tests, or a host that wants its threads back). */
export async function closeFormatPool(): Promise<void> {
  const workers = pool ?? [];
  pool = undefined;
  await Promise.all(workers.map((w) => w.worker.terminate()));
}

function startWorker(): PoolWorker {
  const prettier = pathToFileURL(createRequire(import.meta.url).resolve('prettier')).href;
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { prettier },
  });
  const entry: PoolWorker = { worker, jobs: new Map(), load: 0 };
  worker.unref();
  worker.on('message', (msg: { id?: number; text?: string; error?: string }) => {
    if (msg.id === undefined) return;
    const job = entry.jobs.get(msg.id);
    if (!job) return;
    entry.jobs.delete(msg.id);
    entry.load -= job.size;
    if (entry.jobs.size === 0) worker.unref();
    if (msg.error !== undefined) job.reject(new Error(msg.error));
    else job.resolve(msg.text!);
    touch();
  });
  worker.on('error', (error) => failAll(entry, error));
  worker.on('exit', () => failAll(entry, new Error('formatter worker exited')));
  return entry;
}

/** A worker that died fails its jobs and leaves the pool; the next call starts a new pool if none is left. */
function failAll(entry: PoolWorker, error: Error): void {
  for (const job of entry.jobs.values()) job.reject(error);
  entry.jobs.clear();
  if (!pool?.includes(entry)) return;
  pool = pool.filter((w) => w !== entry);
  if (pool.length === 0) pool = undefined;
}

/** Stops the pool once nothing has been asked of it for a while. */
function touch(): void {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (pool?.every((w) => w.jobs.size === 0)) void closeFormatPool();
  }, IDLE_MS);
  idleTimer.unref();
}
