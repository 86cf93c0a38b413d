/**
 * The request pipeline every generated client extends: URL and headers from
 * an operation descriptor and a params object, then send with timeouts,
 * retries, redirects that keep credentials on the client's origin, and typed
 * errors. Members start with `$` so they can never clash with a resource
 * group or method name (generated names never contain `$`).
 */
import { ApiPromise } from './api-promise.js';
import { basicAuth, encodeBody, pathSegment, setHeaders, appendParam } from './encode.js';
import { ApiError, ConnectionError, SwitchboardError, TimeoutError, errorFor } from './errors.js';
import { Paginator } from './pagination.js';
import { RateLimiter } from './rate-limit.js';
import { retryDelay, sleep } from './retry.js';

const IDEMPOTENT = /^(GET|HEAD|OPTIONS|PUT|DELETE|TRACE)$/;
const MAX_REDIRECTS = 5;
/** Path templates split at their `{param}`s, once per operation. */
const TEMPLATES = new WeakMap();

/** The base of every generated client: configuration, credentials and the request pipeline. */
export class BaseClient {
  /** @internal The options this client was made with. */
  $options;
  /** @internal What the generated code declares about the API. */
  $api;
  #base;
  #origin;
  #auth;
  #limiter;

  constructor(options, api) {
    this.$options = options;
    this.$api = api;
    this.#base = (options.baseUrl ?? api.baseUrl).replace(/\/+$/, '');
    this.#origin = new URL(this.#base).origin;
    const [username, password] = api.basic?.map((name) => this.$setting(name)) ?? [];
    if (username !== undefined && password !== undefined)
      this.#auth = basicAuth(username, password);
    const limit = options.rateLimit === true ? api.rateLimit : options.rateLimit || undefined;
    if (limit) this.#limiter = new RateLimiter(limit.requests, limit.windowSeconds * 1000);
  }

  /** A new client with these options changed (it has its own rate limiter). */
  withOptions(options) {
    const Client = this.constructor;
    return new Client({ ...this.$options, ...options }, this.$api);
  }

  /** @internal A setting: its client option, else its environment variable. */
  $setting(name) {
    const value = this.$options[name];
    if (typeof value === 'string') return value;
    const env = globalThis.process?.env;
    return env?.[this.$api.env[name] ?? ''] || undefined;
  }

  /** @internal Sends one call; the promise resolves to the body, `.withResponse()` to the whole response. */
  $request(op, params, options) {
    return new ApiPromise(this.#send(op, params ?? {}, options ?? {}));
  }

  /** @internal Every item of a paginated list operation. */
  $paginate(op, params, options) {
    const fetchPage = (p) => this.#send(op, p, options ?? {}).then((r) => r.data);
    return new Paginator(fetchPage, op.page, params ?? {});
  }

  async #send(op, params, options) {
    const [method, url] = this.#target(op, params);
    const init = {
      method,
      headers: this.#headers(op, params, options),
      body: encodeBody(op.body, params.body) ?? null,
      redirect: 'manual',
    };
    const retries = options.maxRetries ?? this.$options.maxRetries ?? 2;
    const timeout = options.timeout ?? this.$options.timeout ?? 60_000;
    for (let attempt = 0; ; attempt++) {
      if (this.#limiter) await this.#limiter.take(options.signal);
      try {
        return await this.#attempt(url, init, op, timeout, options.signal);
      } catch (error) {
        const retry = attempt < retries && retryable(error, op.method);
        const delay = retry ? retryDelay(attempt, error.headers?.get('retry-after')) : undefined;
        if (delay === undefined) throw error;
        await sleep(delay, options.signal);
      }
    }
  }

  /** The method to send and the full URL: path parameters encoded, query in spec order, `_method` override. */
  #target(op, params) {
    let parts = TEMPLATES.get(op);
    if (!parts) TEMPLATES.set(op, (parts = op.path.split(/\{([^}]*)\}/)));
    let url = this.#base + parts[0];
    for (let i = 1; i < parts.length; i += 2) {
      const name = parts[i];
      const setting = op.account?.[name];
      const value = params[name] ?? (setting && this.$setting(setting));
      const hint =
        value == null && setting
          ? `: pass it, set the client's ${setting} option or ${this.$api.env[setting] ?? 'its environment variable'}`
          : '';
      url += pathSegment(name, value, hint) + parts[i + 1];
    }
    const query = new URLSearchParams();
    for (const name of op.query ?? [])
      appendParam(query, name, params[name], op.csv?.includes(name));
    let method = op.method;
    const override = this.$api.methodOverride;
    if (this.$options.methodOverride && override?.methods.includes(method)) {
      query.append(override.param, method);
      method = override.via;
    }
    const search = query.toString();
    return [method, search ? `${url}?${search}` : url];
  }

  #headers(op, params, options) {
    const headers = {
      accept: op.accept ?? 'application/json',
      'user-agent': this.$api.userAgent,
    };
    if (this.$api.basic && !op.anonymous) {
      if (!this.#auth) throw new SwitchboardError(this.#missingCredentials());
      headers['authorization'] = this.#auth;
    }
    setHeaders(headers, this.$options.headers);
    for (const name of op.headers ?? []) setHeaders(headers, { [name]: params[name] });
    if (op.body && params.body !== undefined && !op.body.startsWith('multipart/'))
      headers['content-type'] = op.body;
    setHeaders(headers, options.headers);
    return headers;
  }

  #missingCredentials() {
    const [user, pass] = this.$api.basic;
    const env = [user, pass].map((name) => this.$api.env[name]).filter(Boolean);
    return `Missing credentials: pass the ${user} and ${pass} options${env.length ? `, or set ${env.join(' and ')}` : ''}`;
  }

  /**
   * One attempt, bounded by the timeout (which also covers reading the body).
   * A timeout of 0 or Infinity means none: then no abort controller is made.
   */
  async #attempt(url, init, op, timeout, signal) {
    signal?.throwIfAborted();
    const controller = timeout > 0 && timeout < 2 ** 31 ? new AbortController() : undefined;
    const timer =
      controller && setTimeout(() => controller.abort(new TimeoutError(timeout)), timeout);
    const abort = () => controller.abort(signal.reason);
    if (controller) signal?.addEventListener('abort', abort);
    const active = controller?.signal ?? signal;
    try {
      const res = await this.#fetch(url, active ? { ...init, signal: active } : init);
      const data = await readBody(res, op.binary && res.ok);
      if (!res.ok) throw errorFor(res, data, this.$api.errors);
      return { status: res.status, headers: res.headers, data };
    } catch (error) {
      throw active?.aborted
        ? active.reason
        : error instanceof SwitchboardError
          ? error
          : new ConnectionError(error);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    }
  }

  /** `fetch` that follows redirects itself, so credentials never go to another origin. */
  async #fetch(url, init) {
    const fetcher = this.$options.fetch ?? fetch;
    for (let hops = 0; ; hops++) {
      const res = await fetcher(url, init);
      // Browsers hide redirects in manual mode; their own following drops credentials across origins.
      if (res.type === 'opaqueredirect') return fetcher(url, { ...init, redirect: 'follow' });
      const location = res.headers.get('location');
      if (!location || hops === MAX_REDIRECTS || ![301, 302, 303, 307, 308].includes(res.status))
        return res;
      await res.body?.cancel();
      url = new URL(location, url).href;
      const headers = { ...init.headers };
      if (new URL(url).origin !== this.#origin) delete headers['authorization'];
      if (res.status === 303 || (res.status < 303 && init.method === 'POST')) {
        delete headers['content-type'];
        init = { ...init, method: 'GET', body: null, headers };
      } else init = { ...init, headers };
    }
  }
}

/**
 * 408 and 429 mean the request was not processed: retried for any method.
 * 5xx (but 501) and failures with no response are retried only for idempotent
 * methods, so a POST that creates something is never sent twice.
 */
function retryable(error, method) {
  const status =
    error instanceof ApiError ? error.status : error instanceof ConnectionError ? 0 : -1;
  if (status === 408 || status === 429) return true;
  return (status === 0 || (status >= 500 && status !== 501)) && IDEMPOTENT.test(method);
}

/** Bytes with their type for binary downloads; otherwise JSON, else text; undefined when empty. */
async function readBody(res, binary) {
  const type = res.headers.get('content-type') ?? '';
  if (binary) return { data: new Uint8Array(await res.arrayBuffer()), contentType: type };
  const text = await res.text();
  if (!text) return undefined;
  if (type && !/json/i.test(type)) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
