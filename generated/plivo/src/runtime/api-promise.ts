/** The promise every generated method returns: the parsed body, or the whole response via `withResponse()`. */
import type { ApiResult } from './types.js';

/**
 * A promise of the response body that can also give the status and headers:
 * `await client.calls.getCall(…)` is the body; `.withResponse()` resolves to
 * `{ status, headers, data }`, typed per status.
 */
export class ApiPromise<T, R extends ApiResult = ApiResult<number, T>> extends Promise<T> {
  static override get [Symbol.species]() {
    return Promise;
  }

  readonly #result: Promise<R>;

  constructor(result: Promise<R>) {
    // The base promise is never used: `then` reads from `result`, so an error is reported once.
    super((resolve) => resolve(undefined as T));
    this.#result = result;
  }

  /** The status, headers and parsed body. */
  withResponse(): Promise<R> {
    return this.#result;
  }

  override then<A = T, B = never>(
    onfulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: any) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#result.then(onfulfilled && ((r) => onfulfilled(r.data as T)), onrejected);
  }
}
