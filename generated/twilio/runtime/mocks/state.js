/**
 * Stateful behaviour: what each operation does to the store. Creates add a
 * record (built from the first seed, with a fresh id and the request's
 * fields), reads and updates find it, deletes remove it (later reads answer
 * 404), lists filter and page, and sub-resources (`…/media`) can be deleted
 * and re-created, with the record's mirror property (`mediaUrl`) following.
 */
import { propertiesOf } from './coerce.js';
import { fillPage, listFilter } from './lists.js';
import { sampleRegex } from './regex-sample.js';
import { isObject, merge, own, setOwn } from './schema.js';
import { replaceText } from './store.js';

/** Thrown when the record an operation addresses does not exist. */
export class NotFound extends Error {}

/** Runs an operation's action against the store and builds its reply. */
export function runState(ctx, op, state, parsed, req, base) {
  const def = ctx.store.resource(state.resource);
  if (!def) return base;
  switch (state.action) {
    case 'list':
      return list(ctx, op, state, def, parsed, req, base);
    case 'create':
      return create(ctx, op, state, def, parsed, req, base);
    case 'delete': {
      const rec = find(ctx, op, state, parsed);
      ctx.store.delete(state.resource, parsed.account, idFrom(state, parsed));
      return withRecord(state, base, rec);
    }
    case 'update': {
      const rec = find(ctx, op, state, parsed);
      rec.value = applyFields(ctx, def, rec.value, parsed.body);
      return withRecord(state, base, rec);
    }
    case 'read':
      return withRecord(state, base, find(ctx, op, state, parsed));
    default:
      return subResource(ctx, op, state, def, parsed, base);
  }
}

function list(ctx, op, state, def, parsed, req, base) {
  const filter = listFilter(ctx.schemas, op, def.schema, parsed.query);
  const items = ctx.store
    .list(state.resource, parsed.account)
    .filter((r) => parentsMatch(state, r.value, parsed) && filter(r.value))
    .map((r) => r.value);
  const path = state.itemsPath ?? [];
  if (path.length === 0) {
    const max = own(ctx.schemas.resolve(mediaSchema(op, base) ?? true), 'maxItems');
    return { ...base, body: typeof max === 'number' ? items.slice(0, max) : items };
  }
  const body = isObject(base.body) ? base.body : {};
  return {
    ...base,
    body: fillPage(
      body,
      items,
      op,
      { path: req.url.pathname, search: req.url.searchParams, query: parsed.query },
      path,
    ),
  };
}

function create(ctx, op, state, def, parsed, req, base) {
  const template =
    ctx.store.template(state.resource, parsed.account) ??
    ctx.sampler.sample(def.schema, ctx.random);
  const id = newId(ctx, state, def, template, parsed.account);
  const oldId = ctx.store.idOf(state.resource, template);
  const fresh = oldId ? replaceText(template, oldId, String(id)) : structuredClone(template);
  if (def.idProperty) setOwn(fresh, def.idProperty, id);
  const props = propertiesOf(ctx.schemas, def.schema);
  const bind = (key, value) =>
    key &&
    Object.hasOwn(props, key) &&
    ctx.schemas.accepts(props[key], value) &&
    setOwn(fresh, key, value);
  bind(def.accountProperty, parsed.account);
  for (const p of state.parents) bind(p.property, own(parsed.path, p.param));
  const value = applyFields(ctx, def, fresh, parsed.body);
  const rec = ctx.store.put(state.resource, parsed.account, String(id), value);
  const reply = withRecord(state, base, rec);
  if (!state.responseIsRecord && state.responseIdProperty && isObject(reply.body)) {
    const schema = propertiesOf(ctx.schemas, mediaSchema(op, base) ?? true)[
      state.responseIdProperty
    ];
    const asList =
      schema !== undefined && !ctx.schemas.accepts(schema, id) && ctx.schemas.accepts(schema, [id]);
    reply.body = merge(reply.body, { [state.responseIdProperty]: asList ? [id] : id });
  }
  const location = op.responses
    .find((r) => r.status === String(reply.status))
    ?.headers.some((h) => h.name.toLowerCase() === 'location');
  if (location) reply.headers = { ...reply.headers, location: itemUrl(req.url, String(id)) };
  return reply;
}

function subResource(ctx, op, state, def, parsed, base) {
  const rec = find(ctx, op, state, parsed);
  const sub = state.sub?.name ?? 'sub';
  const prop = state.sub?.property;
  const absent = rec.deleted.has(sub) || (prop !== undefined && own(rec.value, prop) === null);
  if (state.action !== 'sub-write' && absent)
    throw new NotFound(`The ${sub} of ${state.resource} '${idFrom(state, parsed)}' was not found`);
  const propSchema = prop === undefined ? undefined : propertiesOf(ctx.schemas, def.schema)[prop];
  if (state.action === 'sub-delete') {
    rec.deleted.add(sub);
    if (prop && propSchema !== undefined && ctx.schemas.accepts(propSchema, null))
      rec.value = merge(rec.value, { [prop]: null });
  } else if (state.action === 'sub-write') {
    rec.deleted.delete(sub);
    if (prop && propSchema !== undefined && (own(rec.value, prop) ?? null) === null) {
      rec.value = merge(rec.value, { [prop]: ctx.sampler.sample(propSchema, ctx.random) });
    }
  }
  return base;
}

/** The addressed record, or NotFound. A singleton addressed by the account itself is made on first use. */
function find(ctx, op, state, parsed) {
  const id = idFrom(state, parsed);
  const rec = ctx.store.get(state.resource, parsed.account, id);
  if (rec && parentsMatch(state, rec.value, parsed)) return rec;
  const byAccount = op.params.some((p) => p.in === 'path' && p.name === state.idParam && p.account);
  const template =
    byAccount && !rec ? ctx.store.template(state.resource, parsed.account) : undefined;
  if (template) {
    const def = ctx.store.resource(state.resource);
    if (def.idProperty) setOwn(template, def.idProperty, id);
    return ctx.store.put(state.resource, parsed.account, id, template);
  }
  throw new NotFound(`${state.resource} '${id}' was not found`);
}

function idFrom(state, parsed) {
  return String(own(parsed.path, state.idParam ?? '') ?? '');
}

function parentsMatch(state, value, parsed) {
  return state.parents.every(
    (p) =>
      !Object.hasOwn(value, p.property) ||
      String(value[p.property]) === String(own(parsed.path, p.param)),
  );
}

/**
 * The request body's fields written over the record: a field of the same name,
 * or the one record property it prefixes (`from` → `from_number`, `to` → `toNumber`).
 * Values the record's schema would not accept are skipped.
 */
function applyFields(ctx, def, value, body) {
  if (!isObject(body)) return value;
  const props = propertiesOf(ctx.schemas, def.schema);
  const names = Object.keys(props);
  const next = merge(value);
  for (const key of Object.keys(body)) {
    const prefixed = names.filter(
      (n) =>
        key !== '' &&
        n.startsWith(key) &&
        (n.charAt(key.length) === '_' || /[A-Z]/.test(n.charAt(key.length))),
    );
    const target = Object.hasOwn(props, key)
      ? key
      : prefixed.length === 1
        ? prefixed[0]
        : undefined;
    if (target !== undefined && ctx.schemas.accepts(props[target], body[key]))
      setOwn(next, target, body[key]);
  }
  return ctx.schemas.accepts(def.schema, next) ? next : value;
}

/** The reply with the record written over its example, when the body is the record. */
function withRecord(state, base, rec) {
  if (!state.responseIsRecord || base.body === undefined || base.body instanceof Uint8Array)
    return base;
  return { ...base, body: merge(isObject(base.body) ? base.body : {}, rec.value) };
}

function mediaSchema(op, reply) {
  const res = op.responses.find((r) => r.status === String(reply.status));
  return res?.contents.find((c) => c.mediaType === reply.mediaType)?.schema;
}

function newId(ctx, state, def, template, account) {
  const schema = def.idProperty ? propertiesOf(ctx.schemas, def.schema)[def.idProperty] : undefined;
  const resolved = schema === undefined ? undefined : ctx.schemas.resolve(schema);
  const existing = def.idProperty ? own(template, def.idProperty) : undefined;
  for (let attempt = 0; attempt < 20; attempt++) {
    const pattern = own(resolved, 'pattern');
    // Shaped like the example id first (`CA` + lower-case hex stays so), then by pattern or format.
    let id =
      typeof existing === 'string'
        ? ctx.random.like(existing)
        : typeof existing === 'number'
          ? ctx.random.int(100000, 999999999)
          : undefined;
    if (id === undefined || (schema !== undefined && !ctx.schemas.accepts(schema, id))) {
      id =
        typeof pattern === 'string'
          ? sampleRegex(pattern, ctx.random)
          : own(resolved, 'format') === 'uuid'
            ? ctx.random.uuid()
            : undefined;
    }
    if (id === undefined || (schema !== undefined && !ctx.schemas.accepts(schema, id)))
      id =
        schema === undefined
          ? ctx.random.uuid()
          : ctx.sampler.sample(schema, ctx.random, { examples: false });
    const key = String(id);
    if (
      (typeof id === 'string' || typeof id === 'number') &&
      !ctx.store.get(state.resource, account, key)
    )
      return id;
  }
  return ctx.random.uuid();
}

/** `…/Calls.json` + id → `…/Calls/<id>.json`; `…/Call/` + id → `…/Call/<id>/`. */
export function itemUrl(url, id) {
  const path = url.pathname;
  const slash = path.endsWith('/');
  const trimmed = path.replace(/\/+$/, '');
  const ext = /(\.[A-Za-z0-9]{1,5})$/.exec(trimmed.slice(trimmed.lastIndexOf('/')))?.[1] ?? '';
  const stem = ext ? trimmed.slice(0, -ext.length) : trimmed;
  return `${url.origin}${stem}/${encodeURIComponent(id)}${ext}${slash ? '/' : ''}`;
}
