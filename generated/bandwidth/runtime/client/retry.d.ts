/**
 * Retry timing: exponential backoff with jitter and a cap, `Retry-After`
 * (seconds or an HTTP-date), and an abortable sleep.
 */
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
