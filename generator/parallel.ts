/**
 * `switchboard generate` with several specs uses two threads: the main thread
 * builds some targets while a worker thread builds the others, then the main
 * thread writes them all at once (nothing is written unless every target
 * built). Building is CPU-bound and single-threaded, so on two cores the three
 * seed specs take about as long as the largest pair instead of all three.
 *
 * The worker runs the compiled `build-worker.js`; from TypeScript sources
 * (tsx, vitest) or on one core everything is built in the main thread.
 */
import fs from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { EmittedFile } from './emit/types.js';
import { SpecError, type Issue } from './issues.js';
import { emitTarget, finish, formatTarget, type PhaseTiming, type Target } from './pipeline.js';
import type { Drift } from './write/output.js';

/** What the command needs of a built target: its files and figures, not the model. */
export interface BuiltTarget {
  target: Target;
  files: EmittedFile[];
  timings: PhaseTiming[];
  operations: number;
  schemas: number;
  /** Set in check mode. */
  drift?: Drift;
}

export type WorkerReply = { built: BuiltTarget } | { issues: Issue[] } | { error: { message: string; stack?: string } };

/** The worker thread's module; only when running compiled (a worker cannot load TypeScript sources). */
const WORKER = import.meta.url.endsWith('.js') ? new URL('./build-worker.js', import.meta.url) : undefined;

/**
 * A worker starts later than the main thread (it loads the generator first),
 * so it is given this much spec text less to build: about its start-up time.
 */
const WORKER_HEAD_START_BYTES = 50_000;

/** Builds every target (on two threads where that helps), then writes or checks them all. */
export async function generateInParallel(targets: Target[], options: { check?: boolean } = {}): Promise<BuiltTarget[]> {
  const [local, remote] = lanes(targets);
  const worker = remote.length > 0 ? new Worker(WORKER!) : undefined;
  try {
    const build = worker && workerBuilder(worker);
    const remoteBuilt = remote.map((target) => build!(target));
    for (const p of remoteBuilt) p.catch(() => undefined); // awaited below, after the local targets
    const built = new Map<Target, BuiltTarget>();
    for (const target of local) built.set(target, await buildHere(target));
    for (const [i, p] of remoteBuilt.entries()) built.set(remote[i], await p);
    return finish(
      targets.map((t) => built.get(t)!),
      options.check,
    );
  } finally {
    await worker?.terminate();
  }
}

/** Which targets the main thread builds, and which the worker builds (empty when it would not help). */
function lanes(targets: Target[]): [Target[], Target[]] {
  if (targets.length < 2 || os.availableParallelism() < 2 || !WORKER || !fs.existsSync(WORKER)) return [targets, []];
  const size = (t: Target): number => {
    try {
      return fs.statSync(t.spec).size;
    } catch {
      return 0; // a missing spec is reported by the loader
    }
  };
  const local: Target[] = [];
  const remote: Target[] = [];
  let localLoad = 0;
  let remoteLoad = WORKER_HEAD_START_BYTES;
  // Largest first, each to the lane with less to do (targets keep their order in the output).
  for (const target of [...targets].sort((a, b) => size(b) - size(a))) {
    if (localLoad <= remoteLoad) {
      local.push(target);
      localLoad += size(target);
    } else {
      remote.push(target);
      remoteLoad += size(target);
    }
  }
  return [local, remote];
}

async function buildHere(target: Target): Promise<BuiltTarget> {
  const result = await formatTarget(await emitTarget(target));
  return { target, files: result.files, timings: result.timings, operations: result.model.operations.length, schemas: result.model.schemas.length };
}

/** Sends targets to the worker; each reply settles the job with its id. */
function workerBuilder(worker: Worker): (target: Target) => Promise<BuiltTarget> {
  const jobs = new Map<number, { resolve(b: BuiltTarget): void; reject(e: Error): void; target: Target }>();
  let nextId = 0;
  worker.on('message', ({ id, reply }: { id: number; reply: WorkerReply }) => {
    const job = jobs.get(id)!;
    jobs.delete(id);
    if ('built' in reply) job.resolve({ ...reply.built, target: job.target });
    else if ('issues' in reply) job.reject(new SpecError(reply.issues));
    else job.reject(Object.assign(new Error(reply.error.message), { stack: reply.error.stack }));
  });
  // A worker that cannot start or dies fails every job it holds.
  worker.on('error', (error) => {
    for (const job of jobs.values()) job.reject(error);
    jobs.clear();
  });
  return (target) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      jobs.set(id, { resolve, reject, target });
      worker.postMessage({ id, target });
    });
}
