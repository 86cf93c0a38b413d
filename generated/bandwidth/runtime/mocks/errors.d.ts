/**
 * Error bodies in the API's own format. The spec's example for the status
 * (Plivo `{api_id, error}`, Bandwidth `{type, description}`, Twilio
 * `RestException`) is the template; the message field says what went wrong
 * and names the field, the request-id field gets a fresh id.
 */
import type { Random } from './random.js';
import type { Sampler } from './sample.js';
import { type Schemas } from './schema.js';
import type { MockOperation, MockSpec } from './types.js';
export declare const STATUS_TEXT: Record<number, string>;
/** Builds error bodies for one API. */
export declare class ErrorBodies {
  private readonly templates;
  private readonly spec;
  private readonly schemas;
  private readonly sampler;
  constructor(spec: MockSpec, schemas: Schemas, sampler: Sampler);
  /** The error body for `status`, with `message` in the API's message field. */
  body(
    status: number,
    message: string,
    requestId: string,
    random: Random,
    op?: MockOperation,
  ): unknown;
  /** A status code as the error schema types the field: a number, or a string. */
  private numberOrString;
}
/** The first JSON example of a response's contents. */
export declare function jsonExample(
  contents: {
    mediaType: string;
    examples: {
      value: unknown;
    }[];
  }[],
): unknown;
