/**
 * A promise of the response body that can also give the status and headers:
 * `await client.calls.getCall(…)` is the body; `.withResponse()` resolves to
 * `{ status, headers, data }`, typed per status.
 */
export class ApiPromise extends Promise {
  static get [Symbol.species]() {
    return Promise;
  }

  #result;

  constructor(result) {
    // The base promise is never used: `then` reads from `result`, so an error is reported once.
    super((resolve) => resolve(undefined));
    this.#result = result;
  }

  /** The status, headers and parsed body. */
  withResponse() {
    return this.#result;
  }

  then(onfulfilled, onrejected) {
    return this.#result.then(onfulfilled && ((r) => onfulfilled(r.data)), onrejected);
  }
}
