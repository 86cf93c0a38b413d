/**
 * Between the core's reply and the wire: serialising bodies with the right
 * Content-Type, and converting to and from fetch Request/Response objects.
 */
import type { MockRequest } from './request.js';
import type { Reply } from './respond.js';
/** A response ready to send. */
export interface MockResult {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body?: string | Uint8Array;
}
/** Serialises a reply: JSON for JSON media, bytes as they are, text otherwise. */
export declare function toResult(reply: Reply, method: string): MockResult;
/** Reads a fetch Request into the core's request shape. */
export declare function fromFetch(request: Request): Promise<MockRequest>;
/** A fetch Response for a result. */
export declare function toResponse(result: MockResult): Response;
/** Headers as a plain record with lower-case names. */
export declare function headerRecord(headers: Headers): Record<string, string>;
