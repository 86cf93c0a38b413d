/**
 * The framework-free core every adapter calls: `handle(request)` routes,
 * injects faults, checks credentials and the request against the spec, runs
 * the operation against the store (or answers statelessly) and builds the
 * response. The MSW handlers and the node:http server are thin shells around it.
 */
import { Callbacks } from './callbacks.js';
import { ErrorBodies, STATUS_TEXT } from './errors.js';
import { Faults, parsePrefer, sleep } from './faults.js';
import { Random } from './random.js';
import { parseRequest, readBasicAuth } from './request.js';
import { Responder } from './respond.js';
import { Router } from './routes.js';
import { Sampler } from './sample.js';
import { isObject, merge, own, Schemas } from './schema.js';
import { NotFound, runState } from './state.js';
import { Store } from './store.js';
import { fromFetch, headerRecord, toResponse, toResult } from './wire.js';

/** Creates a mock of one API. */
export function createMock(spec, options = {}) {
  return new MockCore(spec, options);
}

class MockCore {
  router;
  schemas;
  sampler;
  responder;
  errors;
  store;
  faults;
  callbackLog;
  overrides = new Map();
  seed;
  random;
  log;

  spec;
  options;

  constructor(spec, options) {
    this.spec = spec;
    this.options = options;
    this.seed = options.seed ?? 1;
    this.random = new Random(this.seed);
    this.schemas = new Schemas(spec.schemas);
    this.sampler = new Sampler(this.schemas);
    this.responder = new Responder(this.schemas, this.sampler, this.seed);
    this.errors = new ErrorBodies(spec, this.schemas, this.sampler);
    this.store = new Store(spec);
    this.router = new Router(spec.operations, spec.basePath);
    this.faults = new Faults(options.faults);
    this.log = options.log ?? (() => undefined);
    this.callbackLog = new Callbacks(options.fetch, this.log);
  }

  get routes() {
    return this.router.routes;
  }

  get callbacks() {
    return this.callbackLog.records;
  }

  settled() {
    return this.callbackLog.settled();
  }

  errorResult(status, message) {
    return toResult(this.error(status, message), 'GET');
  }

  override(operationId, resolver) {
    if (!this.spec.operations.some((op) => op.operationId === operationId))
      throw new Error(`unknown operation ${JSON.stringify(operationId)}`);
    if (resolver) this.overrides.set(operationId, resolver);
    else this.overrides.delete(operationId);
  }

  setFaults(faults) {
    this.faults.set(faults);
  }

  failNext(count) {
    this.faults.set({ failNext: count });
  }

  reset() {
    this.store.reset();
    this.overrides.clear();
    this.faults.reset();
    this.callbackLog.reset();
    this.random = new Random(this.seed);
  }

  async handle(request, only) {
    const result = await this.handleRaw(await fromFetch(request), only);
    return result ? toResponse(result) : undefined;
  }

  async handleRaw(req, only) {
    const started = performance.now();
    const prefs = parsePrefer(req.headers.prefer);
    const reply = await this.answer(req, prefs, only);
    if (reply === undefined) return undefined;
    const result = toResult(reply, req.method);
    this.log(
      `${req.method} ${req.url.pathname}${req.url.search} ${result.status} ${(performance.now() - started).toFixed(1)} ms`,
    );
    return result;
  }

  async answer(req, prefs, only) {
    const method = this.effectiveMethod(req);
    const match = this.router.match(method, req.url.pathname);
    if (only && (match.kind !== 'found' || match.route.op.operationId !== only.operationId))
      return undefined;
    if (match.kind === 'not-found')
      return this.error(404, `The requested resource ${req.url.pathname} was not found`);
    if (match.kind === 'method-not-allowed') {
      const reply = this.error(
        405,
        `Method ${method} is not allowed here; allowed: ${match.allow.join(', ')}`,
      );
      return { ...reply, headers: { ...reply.headers, allow: match.allow.join(', ') } };
    }
    const op = match.route.op;
    await sleep(this.faults.latencyMs + (prefs.delay ?? 0));
    const forced =
      this.faults.next() ??
      (prefs.code !== undefined && prefs.code >= 400 ? prefs.code : undefined);
    if (forced !== undefined) return this.forced(op, forced, prefs, req);
    const denied = this.checkAuth(op, req);
    if (denied) return this.error(401, denied, op);
    const parsed = parseRequest(this.schemas, op, { ...req, method }, match.params);
    if ('status' in parsed) return this.error(parsed.status, parsed.message, op);
    if (prefs.code !== undefined) return this.forced(op, prefs.code, prefs, req);
    const resolver = only?.resolver ?? this.overrides.get(op.operationId);
    const custom = resolver ? await this.custom(resolver, op, req, parsed) : undefined;
    if (custom) return custom;
    return this.respond(op, parsed, req, prefs);
  }

  /** `POST …?_method=PUT` is a PUT where the API allows it. */
  effectiveMethod(req) {
    const mo = this.spec.methodOverride;
    if (!mo || req.method !== mo.via) return req.method;
    const wanted = req.url.searchParams.get(mo.param)?.toUpperCase();
    return wanted && mo.methods.includes(wanted) ? wanted : req.method;
  }

  checkAuth(op, req) {
    if (!op.auth) return undefined;
    const creds = readBasicAuth(req.headers.authorization);
    if (typeof creds === 'string') return creds;
    const want = this.options.credentials;
    if (want && (creds.username !== want.username || creds.password !== want.password))
      return 'Authentication failed: wrong username or password';
    return undefined;
  }

  respond(op, parsed, req, prefs) {
    const response = this.responder.success(op);
    let reply = response
      ? this.responder.reply(op, response, req.headers.accept, prefs)
      : { status: 200, headers: {} };
    try {
      if (op.state && !this.options.stateless) {
        reply = runState(
          {
            schemas: this.schemas,
            sampler: this.sampler,
            responder: this.responder,
            store: this.store,
            random: this.random,
          },
          op,
          op.state,
          parsed,
          req,
          reply,
        );
      }
    } catch (error) {
      if (error instanceof NotFound) return this.error(404, error.message, op);
      throw error;
    }
    reply = this.withRequestId(reply, op);
    const callback = op.async
      ? own(
          isObject(parsed.body) && own(parsed.body, op.async.urlParam) !== undefined
            ? parsed.body
            : parsed.query,
          op.async.urlParam,
        )
      : undefined;
    if (op.async && typeof callback === 'string')
      return this.acknowledge(op, parsed, reply, callback);
    return reply;
  }

  /** Answers `{message: "async api spawned", api_id}` and sends the real reply to the callback URL. */
  acknowledge(op, parsed, reply, url) {
    const a = op.async;
    const source =
      isObject(parsed.body) && own(parsed.body, a.methodParam) !== undefined
        ? parsed.body
        : parsed.query;
    const method = String(own(source, a.methodParam) ?? 'POST');
    this.callbackLog.send(
      url,
      method,
      reply.status,
      reply.body instanceof Uint8Array ? undefined : reply.body,
    );
    const body = a.media
      ? this.responder.body(op, String(a.status), a.media)
      : { message: 'async api spawned' };
    return this.withRequestId(
      { status: a.status, headers: {}, body, mediaType: a.media?.mediaType ?? 'application/json' },
      op,
    );
  }

  async custom(resolver, op, req, parsed) {
    const params = merge(parsed.path, parsed.query, parsed.headers);
    const out = await resolver({
      request: req,
      operationId: op.operationId,
      params,
      body: parsed.body,
      account: parsed.account,
    });
    if (out === undefined) return undefined;
    if (out instanceof Response) {
      const body = new Uint8Array(await out.arrayBuffer());
      const type = out.headers.get('content-type');
      return {
        status: out.status,
        headers: headerRecord(out.headers),
        ...(body.length ? { body } : {}),
        ...(type ? { mediaType: type } : {}),
      };
    }
    const reply = out;
    const media = this.responder.forStatus(op, reply.status)?.contents[0];
    return {
      status: reply.status,
      headers: reply.headers ?? {},
      body: reply.body,
      mediaType: media?.mediaType ?? 'application/json',
    };
  }

  /** A status forced by faults or `Prefer: code=`: the declared response for it, else an error body. */
  forced(op, status, prefs, req) {
    let reply;
    if (status < 400) {
      const declared = this.responder.forStatus(op, status);
      reply = declared
        ? this.withRequestId(this.responder.reply(op, declared, req.headers.accept, prefs), op)
        : { status, headers: {} };
      reply.status = status;
    } else
      reply = this.error(status, `${STATUS_TEXT[status] ?? 'Error'} (injected by the mock)`, op);
    if (status === 429)
      reply.headers = {
        ...reply.headers,
        'retry-after': String(prefs.retryAfter ?? this.faults.retryAfterSeconds),
      };
    return reply;
  }

  error(status, message, op) {
    const body = this.errors.body(status, message, this.requestId(), this.random, op);
    return { status, headers: {}, body, mediaType: 'application/json' };
  }

  /** A fresh id in the request-id field (`api_id`) of a JSON object body, unless that field is the record's own id. */
  withRequestId(reply, op) {
    const field = this.spec.errors.requestId;
    const idProperty = op.state ? this.store.resource(op.state.resource)?.idProperty : undefined;
    if (
      field &&
      field !== idProperty &&
      isObject(reply.body) &&
      typeof own(reply.body, field) === 'string'
    )
      reply.body = merge(reply.body, { [field]: this.requestId() });
    return reply;
  }

  requestId() {
    return this.random.uuid();
  }
}
