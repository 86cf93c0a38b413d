/**
 * Fault injection. Per request, through the `Prefer` header (as Prism does):
 * `code=429`, `delay=250` (ms), `example=<name>`, `dynamic=true`,
 * `retry-after=<seconds>`. Per mock, through options or at run time: a fixed
 * status, latency, a 429 every N requests, or the next N requests failing
 * with 500.
 */

/** Parses `Prefer: code=429, delay=100; example=bulk`. Unknown preferences are ignored. */
export function parsePrefer(header) {
  const out = {};
  if (!header) return out;
  for (const part of header.split(/[,;]/)) {
    const [rawKey, ...rest] = part.split('=');
    const key = (rawKey ?? '').trim().toLowerCase();
    const value = rest
      .join('=')
      .trim()
      .replace(/^"(.*)"$/, '$1');
    const n = Number(value);
    if (key === 'code' && /^[1-5]\d\d$/.test(value)) out.code = n;
    else if (key === 'delay' && value !== '' && Number.isFinite(n) && n >= 0)
      out.delay = Math.min(n, 60_000);
    else if (key === 'retry-after' && value !== '' && Number.isFinite(n) && n >= 0)
      out.retryAfter = n;
    else if (key === 'example' && value !== '') out.example = value;
    else if (key === 'dynamic') out.dynamic = value === '' || value === 'true';
  }
  return out;
}

/** The fault state of one mock. */
export class Faults {
  options = {};
  failures = 0;
  count = 0;

  initial;

  constructor(initial = {}) {
    this.initial = initial;
    this.reset();
  }

  /** Back to the options the mock was created with. */
  reset() {
    this.options = { ...this.initial };
    this.failures = this.options.failNext ?? 0;
    this.count = 0;
  }

  /** Changes some options; `failNext` (re)starts its count. */
  set(options) {
    this.options = { ...this.options, ...options };
    if (options.failNext !== undefined) this.failures = options.failNext;
    if (options.rateLimitEvery !== undefined) this.count = 0;
  }

  get current() {
    return { ...this.options, failNext: this.failures };
  }

  get retryAfterSeconds() {
    return this.options.retryAfterSeconds ?? 1;
  }

  get latencyMs() {
    return this.options.latencyMs ?? 0;
  }

  /** The status this request is forced to by the mock's faults, if any. Counts the request. */
  next() {
    this.count++;
    if (this.failures > 0) {
      this.failures--;
      return 500;
    }
    const every = this.options.rateLimitEvery;
    if (every && every > 0 && this.count % every === 0) return 429;
    return this.options.status;
  }
}

export function sleep(ms) {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
