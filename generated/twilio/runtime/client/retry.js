/**
 * Retry policy and timing: which failures are retried, exponential backoff
 * with jitter and a cap, `Retry-After` (seconds or an HTTP-date), and an
 * abortable sleep.
 */
import { ApiError, ConnectionError } from './errors.js';

const IDEMPOTENT = /^(GET|HEAD|OPTIONS|PUT|DELETE|TRACE)$/;

/**
 * 408 and 429 mean the request was not processed: retried for any method.
 * 5xx (but 501) and failures with no response are retried only for idempotent
 * methods, so a POST that creates something is never sent twice.
 */
export function retryable(error, method) {
  const status =
    error instanceof ApiError ? error.status : error instanceof ConnectionError ? 0 : -1;
  if (status === 408 || status === 429) return true;
  return (status === 0 || (status >= 500 && status !== 501)) && IDEMPOTENT.test(method);
}

/** The longest `Retry-After` the client waits for; a longer one surfaces the error instead. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Milliseconds to wait before retry number `attempt + 1`, or undefined when
 * the server asks for a wait longer than {@link MAX_RETRY_AFTER_MS}.
 * Without `Retry-After`: 0.5 s doubling per attempt, capped at 8 s, minus up to 25 % jitter.
 */
export function retryDelay(attempt, retryAfter, random = Math.random) {
  if (retryAfter) {
    const seconds = Number(retryAfter);
    const ms = Number.isNaN(seconds) ? Date.parse(retryAfter) - Date.now() : seconds * 1000;
    if (ms > MAX_RETRY_AFTER_MS) return undefined;
    if (!Number.isNaN(ms)) return Math.max(0, ms);
  }
  return Math.min(8000, 500 * 2 ** attempt) * (1 - random() * 0.25);
}

/** Waits at least `ms` (timers may fire a little early; this re-checks a monotonic clock), or rejects with the signal's reason as soon as it aborts. */
export async function sleep(ms, signal) {
  const until = performance.now() + ms;
  for (let left = ms; left > 0; left = until - performance.now()) await wait(left, signal);
  signal?.throwIfAborted();
}

function wait(ms, signal) {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const abort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', abort, { once: true });
  });
}
