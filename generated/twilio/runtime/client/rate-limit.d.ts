/** Sliding-window log: remembers when each of the last `requests` requests started. */
export declare class RateLimiter {
  #private;
  readonly requests: number;
  readonly windowMs: number;
  constructor(requests: number, windowMs: number);
  /** Resolves when one more request fits in the window (and counts it); `onWait` hears of each wait, in ms. */
  take(signal?: AbortSignal, onWait?: (ms: number) => void): Promise<void>;
}
