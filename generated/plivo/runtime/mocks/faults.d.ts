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
export declare function parsePrefer(header: string | undefined): Preferences;
/** The fault state of one mock. */
export declare class Faults {
  private options;
  private failures;
  private count;
  private readonly initial;
  constructor(initial?: FaultOptions);
  /** Back to the options the mock was created with. */
  reset(): void;
  /** Changes some options; `failNext` (re)starts its count. */
  set(options: FaultOptions): void;
  get current(): FaultOptions;
  get retryAfterSeconds(): number;
  get latencyMs(): number;
  /** The status this request is forced to by the mock's faults, if any. Counts the request. */
  next(): number | undefined;
}
export declare function sleep(ms: number): Promise<void>;
