/**
 * Fault injection. Per request, through the `Prefer` header (as Prism does):
 * `code=429`, `delay=250` (ms), `example=<name>`, `dynamic=true`,
 * `retry-after=<seconds>`. Per mock, through options or at run time: a fixed
 * status, latency, a 429 every N requests, or the next N requests failing
 * with 500.
 */

export interface FaultOptions {
  /** Milliseconds added before every response. */
  latencyMs?: number;
  /** Every Nth request answers 429 with `Retry-After`. */
  rateLimitEvery?: number;
  /** The next N requests answer 500. */
  failNext?: number;
  /** Every request answers this status. */
  status?: number;
  /** `Retry-After` of injected 429s, in seconds (default 1). */
  retryAfterSeconds?: number;
}

/** What a request asked for in its `Prefer` header. */
export interface Preferences {
  code?: number;
  delay?: number;
  example?: string;
  dynamic?: boolean;
  retryAfter?: number;
}

/** Parses `Prefer: code=429, delay=100; example=bulk`. Unknown preferences are ignored. */
export function parsePrefer(header: string | undefined): Preferences {
  const out: Preferences = {};
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
  private options: FaultOptions = {};
  private failures = 0;
  private count = 0;

  private readonly initial: FaultOptions;

  constructor(initial: FaultOptions = {}) {
    this.initial = initial;
    this.reset();
  }

  /** Back to the options the mock was created with. */
  reset(): void {
    this.options = { ...this.initial };
    this.failures = this.options.failNext ?? 0;
    this.count = 0;
  }

  /** Changes some options; `failNext` (re)starts its count. */
  set(options: FaultOptions): void {
    this.options = { ...this.options, ...options };
    if (options.failNext !== undefined) this.failures = options.failNext;
    if (options.rateLimitEvery !== undefined) this.count = 0;
  }

  get current(): FaultOptions {
    return { ...this.options, failNext: this.failures };
  }

  get retryAfterSeconds(): number {
    return this.options.retryAfterSeconds ?? 1;
  }

  get latencyMs(): number {
    return this.options.latencyMs ?? 0;
  }

  /** The status this request is forced to by the mock's faults, if any. Counts the request. */
  next(): number | undefined {
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

export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
