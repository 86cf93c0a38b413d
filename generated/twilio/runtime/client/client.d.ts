/**
 * The request pipeline every generated client extends: URL and headers from
 * an operation descriptor and a params object, then send with timeouts,
 * retries, redirects that keep credentials on the client's origin, and typed
 * errors. Members start with `$` so they can never clash with a resource
 * group or method name (generated names never contain `$`).
 */
import { ApiPromise } from './api-promise.js';
import { Paginator } from './pagination.js';
import type { ApiConfig, ApiResult, ClientOptions, Operation, RequestOptions } from './types.js';
/** The base of every generated client: configuration, credentials and the request pipeline. */
export declare class BaseClient<O extends ClientOptions = ClientOptions> {
  #private;
  /** @internal The options this client was made with. */
  readonly $options: O;
  /** @internal What the generated code declares about the API. */
  readonly $api: ApiConfig;
  constructor(options: O, api: ApiConfig);
  /** A new client with these options changed (it has its own rate limiter). */
  withOptions(options: Partial<O>): this;
  /** @internal A setting: its client option, else its environment variable. */
  $setting(name: string): string | undefined;
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
