const NO_BODY = new Set([204, 205, 304]);

/** Serialises a reply: JSON for JSON media, bytes as they are, text otherwise. */
export function toResult(reply, method) {
  const headers = {};
  for (const [k, v] of Object.entries(reply.headers)) headers[k.toLowerCase()] = v;
  if (reply.body === undefined || NO_BODY.has(reply.status))
    return { status: reply.status, headers };
  let body;
  let type = reply.mediaType ?? 'application/json';
  if (reply.body instanceof Uint8Array) body = reply.body;
  else if (typeof reply.body === 'string' && !/json/.test(type)) body = reply.body;
  else {
    body = JSON.stringify(reply.body);
    if (!/json/.test(type)) type = 'application/json';
  }
  headers['content-type'] ??=
    /^text\/|json/.test(type) && !/charset=/.test(type) ? `${type}; charset=utf-8` : type;
  return { status: reply.status, headers, ...(method === 'HEAD' ? {} : { body }) };
}

/** Reads a fetch Request into the core's request shape. */
export async function fromFetch(request) {
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return {
    method: request.method.toUpperCase(),
    url: new URL(request.url),
    headers: headerRecord(request.headers),
    ...(hasBody ? { body: new Uint8Array(await request.arrayBuffer()) } : {}),
  };
}

/** A fetch Response for a result. */
export function toResponse(result) {
  return new Response(result.body === undefined ? null : result.body, {
    status: result.status,
    headers: result.headers,
  });
}

/** Headers as a plain record with lower-case names. */
export function headerRecord(headers) {
  const out = {};
  headers.forEach((value, key) => (out[key.toLowerCase()] = value));
  return out;
}
