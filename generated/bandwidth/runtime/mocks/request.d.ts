import { type Schemas } from './schema.js';
import type { MockOperation } from './types.js';
/** A request as the core sees it: the server and the fetch adapter both build one. */
export interface MockRequest {
  method: string;
  url: URL;
  /** Lower-case header names. */
  headers: RequestHeaders;
  body?: Uint8Array;
}
/** Request headers by lower-case name. */
export interface RequestHeaders {
  accept?: string | undefined;
  authorization?: string | undefined;
  'content-type'?: string | undefined;
  cookie?: string | undefined;
  prefer?: string | undefined;
  [name: string]: string | undefined;
}
/** A request that passed validation, with values converted to their types. */
export interface ParsedRequest {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  body: unknown;
  /** The media type the body was sent as. */
  mediaType?: string;
  /** The value of the account path parameter ('' when the API has none). */
  account: string;
  /** The Basic-auth username, when one was sent. */
  username?: string;
}
export type Rejection = {
  status: 400 | 401 | 415;
  message: string;
};
/** The Basic-auth credentials, or a message saying why there are none. */
export declare function readBasicAuth(header: string | undefined):
  | {
      username: string;
      password: string;
    }
  | string;
/** Converts and validates everything an operation declares. */
export declare function parseRequest(
  schemas: Schemas,
  op: MockOperation,
  req: MockRequest,
  pathParams: Record<string, string>,
): ParsedRequest | Rejection;
/** `media_urls[0]`, `transcription.url`. */
export declare function fieldName(path: (string | number)[]): string;
