/** The promise every generated method returns: the parsed body, the whole response via `withResponse()`, or the raw `Response` via `asResponse()`. */
import type { ApiResult } from './types.js';
/**
 * A promise of the response body that can also give the status, headers and
 * request id, or the `Response` itself: `await client.calls.getCall(…)` is the
 * body; `.withResponse()` resolves to `{ status, headers, data, requestId,
 * response }`, typed per status; `.asResponse()` to the `Response` with its
 * body unread (for streaming a download), when called before the response
 * arrives, as in `await client.calls.getCall(…).asResponse()`.
 */
export declare class ApiPromise<T, R extends ApiResult = ApiResult<number, T>> extends Promise<T> {
  #private;
  static get [Symbol.species](): PromiseConstructor;
  /**
   * @internal `send(raw)` starts the call; when a 2xx response arrives it asks
   * `raw()` whether to leave the body unread. `read` reads such a body later.
   */
  constructor(send: (raw: () => boolean) => Promise<R>, read: (result: R) => Promise<R>);
  /** The status, headers, parsed body, request id and `Response`. */
  withResponse(): Promise<R>;
  /**
   * The `Response`, its body unread when this is called before it arrives.
   * Errors still reject as usual. The timeout then ends with the headers; the
   * call's `signal` still cancels reading the body.
   */
  asResponse(): Promise<Response>;
  then<A = T, B = never>(
    onfulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: any) => B | PromiseLike<B>) | null,
  ): Promise<A | B>;
}
