/**
 * Success responses from the spec: which status, which media type (by the
 * `Accept` header), and which body — a named or the first example, else a
 * deterministic sample (the same seed gives the same bytes).
 */
import type { Preferences } from './faults.js';
import type { Sampler } from './sample.js';
import { type Schemas } from './schema.js';
import type { MockMedia, MockOperation, MockResponse } from './types.js';
/** A response before serialisation. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  /** A JSON value, bytes or text; undefined for no body. */
  body?: unknown;
  /** The media type of the body. */
  mediaType?: string;
}
export declare class Responder {
  /** Per media type: the body every request gets before state is applied (`default`, or `dynamic` samples). */
  private readonly cache;
  private readonly schemas;
  private readonly sampler;
  private readonly seed;
  constructor(schemas: Schemas, sampler: Sampler, seed: number);
  /** The operation's first success (2xx) response, else its first declared one. */
  success(op: MockOperation): MockResponse | undefined;
  /** The response declared for a status: exact, then its range (`4XX`), then `default`. */
  forStatus(op: MockOperation, status: number): MockResponse | undefined;
  /** The media type to answer with: the best match of `Accept`, else the first JSON one, else the first. */
  media(response: MockResponse, accept: string | undefined): MockMedia | undefined;
  /** The body for a media type: the preferred or first example, or a sample. */
  body(op: MockOperation, status: string, media: MockMedia, prefs?: Preferences): unknown;
  /** The first valid example, else a sample; the same for every request, so it is computed once. */
  private compute;
  /** A complete reply for a declared status, stateless. */
  reply(
    op: MockOperation,
    response: MockResponse,
    accept: string | undefined,
    prefs?: Preferences,
  ): Reply;
}
/** A deep copy of JSON data (own `__proto__` keys stay own properties). */
export declare function cloneJson<T>(value: T): T;
