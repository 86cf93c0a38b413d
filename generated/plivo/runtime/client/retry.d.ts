/**
 * 408 and 429 mean the request was not processed: retried for any method.
 * 5xx (but 501) and failures with no response are retried only for idempotent
 * methods, so a POST that creates something is never sent twice.
 */
export declare function retryable(error: unknown, method: string): boolean;
/** The longest `Retry-After` the client waits for; a longer one surfaces the error instead. */
export declare const MAX_RETRY_AFTER_MS = 60000;
/**
 * Milliseconds to wait before retry number `attempt + 1`, or undefined when
 * the server asks for a wait longer than {@link MAX_RETRY_AFTER_MS}.
 * Without `Retry-After`: 0.5 s doubling per attempt, capped at 8 s, minus up to 25 % jitter.
 */
export declare function retryDelay(
  attempt: number,
  retryAfter?: string | null,
  random?: () => number,
): number | undefined;
/** Waits at least `ms` (timers may fire a little early; this re-checks a monotonic clock), or rejects with the signal's reason as soon as it aborts. */
export declare function sleep(ms: number, signal?: AbortSignal): Promise<void>;
