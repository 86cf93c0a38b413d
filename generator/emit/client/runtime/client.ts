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
import { basicAuth, encodeBody, pathSegment, setHeaders, appendParam } from './encode.js';
import {
  AbortError,
  ApiError,
  ConnectionError,
  SwitchboardError,
  TimeoutError,
  errorFor,
  headerId,
} from './errors.js';
import { isSecret, levelLogger, redactHeaders, redactUrl } from './log.js';
import { Paginator } from './pagination.js';
import { RateLimiter } from './rate-limit.js';
import { retryable, retryDelay, sleep } from './retry.js';
import { fetchFollowing, readBody, type Init } from './transport.js';
import type {
  ApiConfig,
  ApiResult,
  ClientOptions,
  DownloadOptions,
  Logger,
  Operation,
  Params,
  RequestOptions,
} from './types.js';

/** Path templates split at their `{param}`s, once per operation. */
const TEMPLATES = new WeakMap<Operation, string[]>();
/** Node's `util.inspect` (and so `console.log`) calls this method to show an object. */
const INSPECT: unique symbol = Symbol.for('nodejs.util.inspect.custom');

/** The base of every generated client: configuration, credentials and the request pipeline. */
export class BaseClient<O extends ClientOptions = ClientOptions> {
  /** The options this client was made with. */
  readonly #options: O;
  /** What the generated code declares about the API. */
  readonly #api: ApiConfig;
  readonly #base: string;
  readonly #origin: string;
  readonly #auth?: string;
  readonly #limiter?: RateLimiter;
  /** The logger's functions at the log level; the others are undefined. */
  readonly #log: Partial<Logger>;
  /** Numbers the calls in log lines. */
  #calls = 0;

  constructor(options: O, api: ApiConfig) {
    this.#options = options;
    this.#api = api;
    this.#base = (options.baseUrl ?? api.baseUrl).replace(/\/+$/, '');
    this.#origin = new URL(this.#base).origin;
    const [username, password] = api.basic?.map((name) => this.#setting(name)) ?? [];
    if (username !== undefined && password !== undefined)
      this.#auth = basicAuth(username, password);
    const limit = options.rateLimit === true ? api.rateLimit : options.rateLimit || undefined;
    if (limit) this.#limiter = new RateLimiter(limit.requests, limit.windowSeconds * 1000);
    this.#log = levelLogger(options.logger ?? console, this.#setting('logLevel'));
  }

  /** A new client with these options changed (it has its own rate limiter). */
  withOptions(options: Partial<O>): this {
    const Client = this.constructor as new (options: O, api: ApiConfig) => this;
    return new Client({ ...this.#options, ...options }, this.#api);
  }

  /** The options, as `JSON.stringify(client)` and `console.log(client)` show them: credentials and secret headers as `***`. */
  toJSON(): Record<string, unknown> {
    const { basic, secrets } = this.#api;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries({ baseUrl: this.#base, ...this.#options })) {
      if (key !== 'logger')
        out[key] =
          basic?.includes(key) || isSecret(key, secrets)
            ? '***'
            : key === 'headers'
              ? redactHeaders(value as Record<string, unknown>, secrets)
              : value;
    }
    return out;
  }

  [INSPECT](_depth: number, options: object, inspect: (value: unknown, options: object) => string) {
    return `${this.constructor.name} ${inspect(this.toJSON(), options)}`;
  }

  /** A setting: its client option, else its environment variable. */
  #setting(name: string): string | undefined {
    const value = (this.#options as Record<string, unknown>)[name];
    if (typeof value === 'string') return value;
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
      ?.env;
    return env?.[this.#api.env[name] ?? ''] || undefined;
  }

  /** @internal Sends one call; the promise resolves to the body, `.withResponse()` to the whole response. */
  $request<T, R extends ApiResult = ApiResult<number, T>>(
    op: Operation,
    params?: object,
    options?: RequestOptions,
  ): ApiPromise<T, R> {
    return new ApiPromise<T, R>(
      (raw) => this.#send(op, (params ?? {}) as Params, options ?? {}, raw) as Promise<R>,
      (r) => readBody(r.response, op.binary).then((data) => this.#result(r.response, data) as R),
    );
  }

  /** @internal Every item of a paginated list operation. */
  $paginate<Item, Page>(
    op: Operation,
    params?: object,
    options?: RequestOptions,
  ): Paginator<Item, Page> {
    const fetchPage = (p: Params) => this.#send(op, p, options ?? {}).then((r) => r.data as Page);
    return new Paginator<Item, Page>(fetchPage, op.page!, (params ?? {}) as Params);
  }

  /**
   * The call: credentials first, then URL, headers and body, then attempts
   * until one succeeds or may not be retried. A cancelled call rejects with
   * `AbortError`. `raw()`, asked when a 2xx arrives, leaves its body unread.
   */
  async #send(
    op: Operation,
    params: Params,
    options: RequestOptions,
    raw?: () => boolean,
  ): Promise<ApiResult> {
    const { signal } = options;
    try {
      if (this.#api.basic && !op.anonymous && !this.#auth)
        throw new SwitchboardError(this.#missingCredentials());
      const [method, url] = this.#target(op, params);
      const init: Init = {
        method,
        headers: this.#headers(op, params, options),
        body: encodeBody(op.body, params.body) ?? null,
        redirect: 'manual',
      };
      const retries = options.maxRetries ?? this.#options.maxRetries ?? 2;
      const timeout = options.timeout ?? this.#options.timeout ?? 60_000;
      const log = this.#log;
      const call = log.info && this.#label(method, url);
      for (let attempt = 0; ; attempt++) {
        if (this.#limiter)
          await this.#limiter.take(
            signal,
            log.info && ((ms) => log.info!(`${call} waits ${Math.ceil(ms)} ms for the rate limit`)),
          );
        log.debug?.(`${call} attempt ${attempt + 1}`, {
          headers: redactHeaders(init.headers, this.#api.secrets),
        });
        const started = log.info && performance.now();
        try {
          const result = await this.#attempt(url, init, op, timeout, signal, raw);
          const id = result.requestId;
          log.info?.(`${call} → ${result.status}${since(started)}${id ? ` (request id ${id})` : ''}`);
          return result;
        } catch (error) {
          const retry = attempt < retries && retryable(error, op.method);
          const delay = retry
            ? retryDelay(attempt, (error as ApiError).headers?.get('retry-after'))
            : undefined;
          log.info?.(
            `${call} → ${error instanceof ApiError ? error.message : `failed: ${(error as Error)?.message}`}${since(started)}${delay === undefined ? '' : `; retry ${attempt + 1} of ${retries} in ${Math.round(delay)} ms`}`,
          );
          if (retry && delay === undefined)
            log.warn?.(`${call || this.#label(method, url)}: not retried, Retry-After is over 60 s`);
          if (delay === undefined) throw error;
          await sleep(delay, signal);
        }
      }
    } catch (error) {
      throw signal?.aborted && !(error instanceof ApiError) ? new AbortError(signal.reason) : error;
    }
  }

  /** `[switchboard-plivo #3] GET https://…`: a call in log lines, numbered, secret query values hidden. */
  #label(method: string, url: string): string {
    return `[${this.#api.userAgent.split('/')[0]} #${++this.#calls}] ${method} ${redactUrl(url, this.#api.secrets)}`;
  }

  /** The method to send and the full URL: path parameters encoded, query in spec order, `_method` override. */
  #target(op: Operation, params: Params): [string, string] {
    let parts = TEMPLATES.get(op);
    if (!parts) TEMPLATES.set(op, (parts = op.path.split(/\{([^}]*)\}/)));
    let url = this.#base + parts[0];
    for (let i = 1; i < parts.length; i += 2) {
      const name = parts[i]!;
      const setting = op.account?.[name];
      const value = params[name] ?? (setting && this.#setting(setting));
      const hint =
        value == null && setting
          ? `: pass it, set the client's ${setting} option or ${this.#api.env[setting] ?? 'its environment variable'}`
          : '';
      url += pathSegment(name, value, hint) + parts[i + 1];
    }
    const query = new URLSearchParams();
    for (const name of op.query ?? [])
      appendParam(query, name, params[name], op.csv?.includes(name));
    let method = op.method;
    const override = this.#api.methodOverride;
    if (
      (this.#options as { methodOverride?: boolean }).methodOverride &&
      override?.methods.includes(method)
    ) {
      query.append(override.param, method);
      method = override.via;
    }
    const search = query.toString();
    return [method, search ? `${url}?${search}` : url];
  }

  #headers(op: Operation, params: Params, options: RequestOptions): Record<string, string> {
    const headers: Record<string, string> = {
      accept: op.accept ?? 'application/json',
      'user-agent': this.#api.userAgent,
    };
    if (this.#auth && !op.anonymous) headers['authorization'] = this.#auth;
    const { accept } = options as DownloadOptions;
    if (accept) setHeaders(headers, { accept });
    setHeaders(headers, this.#options.headers);
    for (const name of op.headers ?? []) setHeaders(headers, { [name]: params[name] });
    if (op.body && params.body !== undefined && !op.body.startsWith('multipart/'))
      headers['content-type'] = op.body;
    setHeaders(headers, options.headers);
    return headers;
  }

  #missingCredentials(): string {
    const [user, pass] = this.#api.basic!;
    const env = [user, pass].map((name) => this.#api.env[name]).filter(Boolean);
    return `Missing credentials: pass the ${user} and ${pass} options${env.length ? `, or set ${env.join(' and ')}` : ''}`;
  }

  /**
   * One attempt, bounded by the timeout (which also covers reading the body).
   * A timeout of 0 or Infinity means none: then no abort controller is made.
   * A 2xx body left unread (`raw()`) stays cancellable through `signal`.
   */
  async #attempt(
    url: string,
    init: Init,
    op: Operation,
    timeout: number,
    signal?: AbortSignal,
    raw?: () => boolean,
  ): Promise<ApiResult> {
    signal?.throwIfAborted();
    const controller = timeout > 0 && timeout < 2 ** 31 ? new AbortController() : undefined;
    const timer =
      controller && setTimeout(() => controller.abort(new TimeoutError(timeout)), timeout);
    const abort = () => controller!.abort(signal!.reason);
    if (controller) signal?.addEventListener('abort', abort);
    const active = controller?.signal ?? signal;
    let unread = false;
    try {
      const res = await fetchFollowing(
        this.#options.fetch ?? fetch,
        url,
        active ? { ...init, signal: active } : init,
        this.#origin,
      );
      unread = res.ok && !!raw?.();
      const data = unread ? undefined : await readBody(res, op.binary && res.ok);
      if (!res.ok) throw errorFor(res, data, this.#api.errors);
      return this.#result(res, data);
    } catch (error) {
      throw active?.aborted
        ? active.reason
        : error instanceof SwitchboardError
          ? error
          : new ConnectionError(error);
    } finally {
      clearTimeout(timer);
      if (!unread) signal?.removeEventListener('abort', abort);
    }
  }

  /** What a call resolves to; the request id from the body property the spec names, else a header. */
  #result(res: Response, data: unknown): ApiResult {
    const field = this.#api.requestId;
    const id = field && data ? (data as Record<string, unknown>)[field] : undefined;
    return {
      status: res.status,
      headers: res.headers,
      data,
      requestId: typeof id === 'string' && id ? id : headerId(res.headers, this.#api.errors),
      response: res,
    };
  }
}

/** ` in 12 ms`: the time since `started`, for log lines. */
function since(started: number | undefined): string {
  return ` in ${Math.round(performance.now() - started!)} ms`;
}
