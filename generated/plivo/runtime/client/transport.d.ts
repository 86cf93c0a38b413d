/**
 * One exchange on the wire: `fetch` with redirects followed by hand (so
 * credentials never reach another origin), and the response body read as
 * JSON, text or bytes.
 */
/** The `RequestInit` the client builds: headers as a plain record, redirects manual. */
export interface Init {
  method: string;
  headers: Record<string, string>;
  body: BodyInit | null;
  redirect: RequestRedirect;
  signal?: AbortSignal;
}
export type Fetch = (input: string, init: RequestInit) => Promise<Response>;
/** `fetcher(url, init)`, following up to 5 redirects; `authorization` is dropped when one leaves `origin`. */
export declare function fetchFollowing(
  fetcher: Fetch,
  url: string,
  init: Init,
  origin: string,
): Promise<Response>;
/** Bytes with their type for binary downloads; otherwise JSON, else text; undefined when empty. */
export declare function readBody(res: Response, binary: boolean | undefined): Promise<unknown>;
