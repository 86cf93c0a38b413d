/**
 * Checking a request against its operation: credentials, then path, query and
 * header parameters (converted from strings per schema), then the body for
 * its content type (JSON or form-urlencoded). A problem comes back as the
 * status and a message that names the offending field.
 */
import { coerce, formToObject } from './coerce.js';
import { setOwn } from './schema.js';

const decoder = new TextDecoder();

/** The Basic-auth credentials, or a message saying why there are none. */
export function readBasicAuth(header) {
  if (!header)
    return 'Authentication required: send HTTP Basic credentials in the Authorization header';
  const m = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
  if (!m) return 'Malformed Authorization header: expected "Basic <base64 of username:password>"';
  let text;
  try {
    text = decoder.decode(
      Uint8Array.from(atob((m[1] ?? '').replace(/-/g, '+').replace(/_/g, '/')), (c) =>
        c.charCodeAt(0),
      ),
    );
  } catch {
    return 'Malformed Authorization header: the credentials are not valid base64';
  }
  const colon = text.indexOf(':');
  if (colon <= 0) return 'Malformed Authorization header: expected base64 of "username:password"';
  return { username: text.slice(0, colon), password: text.slice(colon + 1) };
}

/** Converts and validates everything an operation declares. */
export function parseRequest(schemas, op, req, pathParams) {
  const out = { path: {}, query: {}, headers: {}, body: undefined, account: '' };
  for (const param of op.params) {
    const raw = rawValues(param.in, param.name, req, pathParams);
    if (raw.length === 0) {
      if (param.required)
        return { status: 400, message: `Missing required ${param.in} parameter '${param.name}'` };
      continue;
    }
    const value = coerce(schemas, param.schema, raw);
    const problem = schemas.validate(param.schema, value);
    if (problem)
      return {
        status: 400,
        message: `Invalid ${param.in} parameter '${fieldName([param.name, ...problem.path])}': ${problem.message}`,
      };
    const target = param.in === 'path' ? out.path : param.in === 'query' ? out.query : out.headers;
    setOwn(target, param.name, value);
    if (param.account) out.account = String(value);
  }
  const body = parseBody(schemas, op, req);
  if ('status' in body) return body;
  out.body = body.value;
  if (body.mediaType) out.mediaType = body.mediaType;
  return out;
}

function rawValues(where, name, req, pathParams) {
  if (where === 'path') return Object.hasOwn(pathParams, name) ? [pathParams[name] ?? ''] : [];
  if (where === 'query') return req.url.searchParams.getAll(name);
  if (where === 'header') {
    const v = req.headers[name.toLowerCase()];
    return v === undefined ? [] : [v];
  }
  const cookie = req.headers.cookie ?? '';
  const found = cookie
    .split(';')
    .map((c) => c.trim().split('='))
    .find(([k]) => k === name);
  return found ? [decodeURIComponent(found.slice(1).join('='))] : [];
}

function parseBody(schemas, op, req) {
  if (!op.body) return { value: undefined };
  const contentType = req.headers['content-type'];
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  const empty = !req.body || req.body.length === 0;
  const media = mediaType ? findMedia(op.body.contents, mediaType) : undefined;
  if (!empty && !media) {
    const accepted = op.body.contents.map((c) => `'${c.mediaType}'`).join(' or ');
    return {
      status: 415,
      message: `Unsupported Content-Type ${mediaType ? `'${mediaType}'` : '(none)'}: send ${accepted}`,
    };
  }
  const target = media ?? op.body.contents[0];
  if (!target) return { value: undefined };
  if (empty) {
    if (!op.body.required || !target) return { value: undefined };
    // An empty body is checked as `{}`, so the message names the first missing field.
    const problem = schemas.validate(target.schema, {});
    return problem ? bodyProblem(problem) : { value: {}, mediaType: target.mediaType };
  }
  let value;
  if (/json/.test(target.mediaType)) {
    try {
      value = JSON.parse(decoder.decode(req.body));
    } catch (error) {
      return { status: 400, message: `Malformed JSON body: ${error.message}` };
    }
  } else if (target.mediaType === 'application/x-www-form-urlencoded') {
    value = formToObject(schemas, target.schema, new URLSearchParams(decoder.decode(req.body)));
  } else if (target.binary || !/^text\//.test(target.mediaType)) {
    return { value: req.body, mediaType: target.mediaType };
  } else value = decoder.decode(req.body);
  const problem = schemas.validate(target.schema, value);
  return problem ? bodyProblem(problem) : { value, mediaType: target.mediaType };
}

function findMedia(contents, mediaType) {
  return (
    contents.find((c) => c.mediaType === mediaType) ??
    contents.find(
      (c) => c.mediaType.endsWith('/*') && mediaType.startsWith(c.mediaType.slice(0, -1)),
    ) ??
    contents.find((c) => c.mediaType === '*/*')
  );
}

function bodyProblem(problem) {
  if (problem.path.length === 0)
    return { status: 400, message: `Invalid request body: ${problem.message}` };
  if (problem.keyword === 'required')
    return { status: 400, message: `Missing required parameter '${fieldName(problem.path)}'` };
  return {
    status: 400,
    message: `Invalid parameter '${fieldName(problem.path)}': ${problem.message}`,
  };
}

/** `media_urls[0]`, `transcription.url`. */
export function fieldName(path) {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
