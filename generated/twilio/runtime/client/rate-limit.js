/** A client-side rate limiter: at most `requests` requests in any window of `windowMs` (monotonic clock). */
import { sleep } from './retry.js';

/** Sliding-window log: remembers when each of the last `requests` requests started. */
export class RateLimiter {
  #starts = [];
  requests;
  windowMs;

  constructor(requests, windowMs) {
    this.requests = requests;
    this.windowMs = windowMs;
  }

  /** Resolves when one more request fits in the window (and counts it); `onWait` hears of each wait, in ms. */
  async take(signal, onWait) {
    for (;;) {
      const now = performance.now();
      while (this.#starts.length && this.#starts[0] <= now - this.windowMs) this.#starts.shift();
      if (this.#starts.length < this.requests) {
        this.#starts.push(now);
        return;
      }
      const ms = this.#starts[0] + this.windowMs - now;
      onWait?.(ms);
      await sleep(ms, signal);
    }
  }
}
