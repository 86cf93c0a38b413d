/**
 * A worker thread of `generateInParallel`: loads, models, emits and formats
 * the targets it is sent, and posts back their files (never writes them: the
 * main thread writes every target at once, after all have built).
 */
import { parentPort } from 'node:worker_threads';
import { SpecError } from './issues.js';
import { emitTarget, formatTarget, type Target } from './pipeline.js';
import type { BuiltTarget, WorkerReply } from './parallel.js';

parentPort!.on('message', async ({ id, target }: { id: number; target: Target }) => {
  let reply: WorkerReply;
  try {
    const result = await formatTarget(await emitTarget(target));
    const built: BuiltTarget = {
      target,
      files: result.files,
      timings: result.timings,
      operations: result.model.operations.length,
      schemas: result.model.schemas.length,
    };
    reply = { built };
  } catch (error) {
    reply =
      error instanceof SpecError
        ? { issues: error.issues }
        : { error: { message: (error as Error).message ?? String(error), stack: (error as Error).stack } };
  }
  parentPort!.postMessage({ id, reply });
});
