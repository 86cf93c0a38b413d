/**
 * List operations: filtering records by the query, and paging them the way
 * the API does (`x-switchboard-pagination`): offset/limit with `meta.next`,
 * `previous` and `total_count` (Plivo), or `Page`/`num` with `NextPageUri`
 * and friends (Twilio). Links are paths under the server's base path.
 */
import { propertiesOf } from './coerce.js';
import { merge, own, setOwn } from './schema.js';

const COMPARATORS = [
  [/__gte$/, (c) => c >= 0],
  [/__gt$/, (c) => c > 0],
  [/__lte$/, (c) => c <= 0],
  [/__lt$/, (c) => c < 0],
];

/** A predicate for records from the operation's query parameters that name record properties. */
export function listFilter(schemas, op, resourceSchema, query) {
  const props = propertiesOf(schemas, resourceSchema);
  const tests = [];
  const skip = new Set([
    op.pagination?.limitParam,
    op.pagination?.offsetParam,
    op.pagination?.pageParam,
    op.pagination?.pageSizeParam,
    op.async?.urlParam,
    op.async?.methodParam,
  ]);
  for (const param of op.params) {
    if (param.in !== 'query' || skip.has(param.name) || !Object.hasOwn(query, param.name)) continue;
    const wanted = query[param.name];
    if (Object.hasOwn(props, param.name) && sameFormat(schemas, param.schema, props[param.name])) {
      tests.push((r) => Object.hasOwn(r, param.name) && String(r[param.name]) === String(wanted));
      continue;
    }
    const ranged = rangeTest(param.name, props);
    if (ranged)
      tests.push(
        (r) =>
          Object.hasOwn(r, ranged.property) &&
          r[ranged.property] !== null &&
          ranged.ok(compare(r[ranged.property], wanted)),
      );
  }
  return (record) => tests.every((t) => t(record));
}

/** `bill_duration__gt` → bill_duration > value; `minStartTime` → startTime >= value, `maxStartTime` → startTime < value. */
function rangeTest(name, props) {
  for (const [suffix, ok] of COMPARATORS) {
    const property = name.replace(suffix, '');
    if (property !== name && Object.hasOwn(props, property)) return { property, ok };
  }
  const m = /^(min|max)([A-Z].*)$/.exec(name);
  const rest = m?.[2] ?? '';
  const property = m ? rest.charAt(0).toLowerCase() + rest.slice(1) : undefined;
  if (m && property && Object.hasOwn(props, property))
    return { property, ok: m[1] === 'min' ? (c) => c >= 0 : (c) => c < 0 };
  return undefined;
}

function compare(a, b) {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [sa, sb] = [String(a), String(b)];
  const [da, db] = [Date.parse(sa.replace(' ', 'T')), Date.parse(sb.replace(' ', 'T'))];
  if (!Number.isNaN(da) && !Number.isNaN(db)) return da - db;
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Equality filtering makes sense unless the two are formatted differently (a `date` query against free text). */
function sameFormat(schemas, param, property) {
  const fp = own(schemas.resolve(param), 'format');
  const fr = own(schemas.resolve(property), 'format');
  if (fp === fr || fp === undefined) return true;
  return fr === undefined && fp !== 'date' && fp !== 'date-time' && fp !== 'time';
}

/** Fills `body` (the example or sample) with one page of `items` and its paging fields. */
export function fillPage(shared, items, op, req, itemsPath) {
  const body = merge(shared);
  const p = op.pagination;
  if (!p) {
    setPath(body, itemsPath, items);
    return body;
  }
  const container = containerOf(body, p.next);
  const nextKey = p.next.split('.').pop();
  if (p.style === 'offset') fillOffset(body, container, nextKey, items, op, p, req, itemsPath);
  else fillPageStyle(body, container, nextKey, items, op, p, req, itemsPath);
  return body;
}

function fillOffset(body, meta, nextKey, items, op, p, req, itemsPath) {
  const limit = numberParam(op, req.query, p.limitParam, 20);
  const offset = numberParam(op, req.query, p.offsetParam, 0);
  const total = items.length;
  const link = (o) =>
    linkTo(req, { [p.limitParam ?? 'limit']: limit, [p.offsetParam ?? 'offset']: o });
  setPath(body, itemsPath, items.slice(offset, offset + limit));
  setIfPresent(meta, p.limitParam ?? 'limit', limit);
  setIfPresent(meta, p.offsetParam ?? 'offset', offset);
  setOwn(meta, nextKey, offset + limit < total ? link(offset + limit) : null);
  setIfPresent(
    meta,
    sibling(nextKey, 'previous'),
    offset > 0 ? link(Math.max(0, offset - limit)) : null,
  );
  for (const key of ['total_count', 'totalCount', 'total', 'count']) setIfPresent(meta, key, total);
}

function fillPageStyle(body, meta, nextKey, items, op, p, req, itemsPath) {
  const size = numberParam(op, req.query, p.pageSizeParam, 50);
  const page = numberParam(op, req.query, p.pageParam, 0);
  const total = items.length;
  const pages = Math.ceil(total / size);
  const start = page * size;
  const slice = items.slice(start, start + size);
  const link = (n) =>
    linkTo(req, { [p.pageSizeParam ?? 'PageSize']: size, [p.pageParam ?? 'Page']: n });
  setPath(body, itemsPath, slice);
  setOwn(meta, nextKey, page + 1 < pages ? link(page + 1) : null);
  setIfPresent(meta, sibling(nextKey, 'previous'), page > 0 ? link(page - 1) : null);
  setIfPresent(meta, sibling(nextKey, 'first'), link(0));
  setIfPresent(meta, sibling(nextKey, 'last'), link(Math.max(0, pages - 1)));
  setIfPresent(meta, p.pageParam ?? 'Page', page);
  for (const [key, value] of [
    ['NumPages', pages],
    ['PageSize', size],
    ['Total', total],
    ['Start', start],
    ['End', slice.length > 0 ? start + slice.length - 1 : start],
    ['Uri', link(page)],
  ]) {
    setIfPresent(meta, key, value);
    setIfPresent(meta, key.charAt(0).toLowerCase() + key.slice(1), value);
  }
}

/** `NextPageUri` → `PreviousPageUri`; `next` → `previous`. */
function sibling(nextKey, word) {
  return nextKey.replace(/^next/i, (m) =>
    m.charAt(0) === 'N' ? word.charAt(0).toUpperCase() + word.slice(1) : word,
  );
}

function linkTo(req, paging) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(paging)) search.set(k, String(v));
  for (const [k, v] of req.search) if (!Object.hasOwn(paging, k)) search.append(k, v);
  return `${req.path}?${search.toString()}`;
}

function numberParam(op, query, name, fallback) {
  const given = name === undefined ? undefined : own(query, name);
  if (typeof given === 'number') return given;
  const schema = op.params.find((x) => x.name === name && x.in === 'query')?.schema;
  const def = own(schema, 'default');
  return typeof def === 'number' ? def : fallback;
}

/** The object holding the `next` link, copied (with its parents) so the shared example is never changed. */
function containerOf(body, dotted) {
  let current = body;
  for (const key of dotted.split('.').slice(0, -1)) {
    const next = merge(own(current, key));
    setOwn(current, key, next);
    current = next;
  }
  return current;
}

function setIfPresent(target, key, value) {
  if (Object.hasOwn(target, key)) setOwn(target, key, value);
}

/** Sets a value at a property path, copying the objects along it. */
export function setPath(target, path, value) {
  let current = target;
  path.forEach((key, i) => {
    if (i === path.length - 1) setOwn(current, key, value);
    else {
      const next = merge(own(current, key));
      setOwn(current, key, next);
      current = next;
    }
  });
}
