/**
 * The types shared by the runtime and the generated code: operation
 * descriptors (emitted once per operation), client and request options, and
 * the shapes calls resolve to.
 */
/** How an operation goes on the wire. The generator emits one per operation; generated methods pass it to the client. */
export interface Operation {
  /** HTTP method, upper case. */
  method: string;
  /** Path template relative to the base URL, exactly as in the spec (`/Account/{auth_id}/Call/`). */
  path: string;
  /** Query parameters by wire name, in spec order. */
  query?: readonly string[];
  /** Query parameters whose arrays are sent as one comma-separated value (`explode: false`). */
  csv?: readonly string[];
  /** Header parameters by wire name. */
  headers?: readonly string[];
  /** Path parameters that default from a client setting: parameter name → option name. */
  account?: Readonly<Record<string, string>>;
  /** Request body media type. */
  body?: string;
  /** `Accept` header; defaults to `application/json`. */
  accept?: string;
  /** A 2xx body is returned as bytes together with its content type. */
  binary?: boolean;
  /** The operation needs no credentials (`security: []`). */
  anonymous?: boolean;
  /** How to walk pages, for list operations. */
  page?: Pagination;
}
/** From `x-switchboard-pagination`. */
export interface Pagination {
  style: 'offset' | 'page';
  /** Property of the page that holds the items. */
  items: string;
  /** Dotted path to the next-page link; null or missing ends the walk. */
  next: string;
  limitParam?: string;
  offsetParam?: string;
  pageParam?: string;
  pageSizeParam?: string;
}
/** A documented request rate limit. */
export interface RateLimit {
  requests: number;
  windowSeconds: number;
}
/** Options shared by every generated client. */
export interface ClientOptions {
  /**
   * What the client logs: `'off'`, `'error'`, `'warn'` (the default), `'info'` (each attempt's
   * status and time, retries and waits) or `'debug'` (also each request's headers, secrets hidden).
   * Defaults to the API's `<NAME>_LOG` environment variable.
   */
  logLevel?: LogLevel;
  /** Where log lines go (default `console`); pino, winston and the like fit. */
  logger?: Logger;
  /** Base URL of the API; defaults to the spec's first server. */
  baseUrl?: string;
  /** Retries after the first attempt (default 2); `0` turns retries off. */
  maxRetries?: number;
  /** Timeout of each attempt in milliseconds (default 60 000); `0` or `Infinity` for none. */
  timeout?: number;
  /** The `fetch` to use (proxies, tests); defaults to the global one. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** Headers sent with every request; `null` removes a default header. */
  headers?: Record<string, string | null | undefined>;
  /** Keep to a request rate: `true` for the API's documented limit, or a limit of your own. */
  rateLimit?: boolean | RateLimit;
}
/** Options of one call; they override the client's. */
export interface RequestOptions {
  /** Timeout of each attempt in milliseconds; `0` or `Infinity` for none. */
  timeout?: number;
  /** Retries after the first attempt; `0` turns retries off. */
  maxRetries?: number;
  /** Cancels the call, including any wait between retries; it then rejects with an `AbortError`. */
  signal?: AbortSignal;
  /** Extra headers; `null` removes a header the client would send. */
  headers?: Record<string, string | null | undefined>;
}
/** Options of a download: `accept` picks which of the operation's media types to ask for. */
export interface DownloadOptions<M extends string = string> extends RequestOptions {
  /** The media type to ask for (`Accept`); by default any the operation declares. */
  accept?: M;
}
/** A response with its status, headers and parsed body (see `ApiPromise.withResponse`). */
export interface ApiResult<S extends number = number, T = unknown> {
  status: S;
  headers: Headers;
  data: T;
  /** The API's id of this request (from its body or a response header), when it sends one. */
  requestId: string | undefined;
  /** The `Response` itself (its body already read into `data`). */
  response: Response;
}
/** How much the client logs, from nothing to every request. */
export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';
/** A function of a {@link Logger}. */
export type LogFn = (message: string, ...rest: unknown[]) => void;
/** Where the client's log lines go: `console`, or any logger with these four methods. */
export interface Logger {
  error: LogFn;
  warn: LogFn;
  info: LogFn;
  debug: LogFn;
}
/** A binary download: the bytes and their media type. */
export interface BinaryResponse {
  data: Uint8Array;
  contentType: string;
}
/** Which properties of the API's error body carry what (from `x-switchboard-errors`). */
export interface ErrorFields {
  message?: string;
  requestId?: string;
  /** The response header with the request id (default `x-request-id`). */
  requestIdHeader?: string;
  code?: string;
  type?: string;
  moreInfo?: string;
}
/** What a generated client tells the runtime about its API. */
export interface ApiConfig {
  baseUrl: string;
  userAgent: string;
  /** Client option (credentials, `logLevel`) → the environment variable it falls back to. */
  env: Readonly<Record<string, string>>;
  /** Option names of the HTTP Basic username and password. */
  basic?: readonly [string, string];
  errors: ErrorFields;
  /** The body property with the request id on 2xx responses (when every JSON success body declares it). */
  requestId?: string;
  /** Names of headers and query parameters that carry credentials (API keys): hidden in logs and when printed. */
  secrets?: readonly string[];
  rateLimit?: RateLimit;
  /** From `x-switchboard-method-override`. */
  methodOverride?: {
    param: string;
    via: string;
    methods: readonly string[];
  };
}
/** The params object of a call: path, query and header parameters by wire name, and `body`. */
export type Params = Record<string, unknown> & {
  body?: unknown;
};
