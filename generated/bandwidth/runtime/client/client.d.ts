/**
 * The request pipeline every generated client extends: URL and headers from
 * an operation descriptor and a params object, then send with timeouts,
 * retries, redirects that keep credentials on the client's origin, typed
 * errors and optional logging. Public members other than `withOptions` and
 * `toJSON` start with `$` so they can never clash with a resource group or
 * method name (generated names never contain `$`). The options and
 * credentials are private fields: printing a client shows `toJSON()`, with
 * every credential hidden.
 */
import { ApiPromise } from './api-promise.js';
import { Paginator } from './pagination.js';
import type { ApiConfig, ApiResult, ClientOptions, Operation, RequestOptions } from './types.js';
/** Node's `util.inspect` (and so `console.log`) calls this method to show an object. */
declare const INSPECT: unique symbol;
/** The base of every generated client: configuration, credentials and the request pipeline. */
export declare class BaseClient<O extends ClientOptions = ClientOptions> {
  #private;
  constructor(options: O, api: ApiConfig);
  /** A new client with these options changed (it has its own rate limiter). */
  withOptions(options: Partial<O>): this;
  /** The options, as `JSON.stringify(client)` and `console.log(client)` show them: credentials and secret headers as `***`. */
  toJSON(): Record<string, unknown>;
  [INSPECT](
    _depth: number,
    options: object,
    inspect: (value: unknown, options: object) => string,
  ): string;
  /** @internal Sends one call; the promise resolves to the body, `.withResponse()` to the whole response. */
  $request<T, R extends ApiResult = ApiResult<number, T>>(
    op: Operation,
    params?: object,
    options?: RequestOptions,
  ): ApiPromise<T, R>;
  /** @internal Every item of a paginated list operation. */
  $paginate<Item, Page>(
    op: Operation,
    params?: object,
    options?: RequestOptions,
  ): Paginator<Item, Page>;
}
export {};
