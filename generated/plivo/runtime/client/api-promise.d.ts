/** The promise every generated method returns: the parsed body, or the whole response via `withResponse()`. */
import type { ApiResult } from './types.js';
/**
 * A promise of the response body that can also give the status and headers:
 * `await client.calls.getCall(…)` is the body; `.withResponse()` resolves to
 * `{ status, headers, data }`, typed per status.
 */
export declare class ApiPromise<T, R extends ApiResult = ApiResult<number, T>> extends Promise<T> {
  #private;
  static get [Symbol.species](): PromiseConstructor;
  constructor(result: Promise<R>);
  /** The status, headers and parsed body. */
  withResponse(): Promise<R>;
  then<A = T, B = never>(
    onfulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: any) => B | PromiseLike<B>) | null,
  ): Promise<A | B>;
}
