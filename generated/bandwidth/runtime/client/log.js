const LEVELS = ['off', 'error', 'warn', 'info', 'debug'];

/** Headers and query parameters whose values are hidden: credentials, cookies, keys, tokens, signatures. */
const SECRET = /auth|cookie|credential|passw|secret|signature|token|api.?key|^key$/i;

/** The functions of `logger` at `level` and below; a level that is not one of `LEVELS` is reported and `warn` is used. */
export function levelLogger(logger, level = 'warn') {
  const rank = LEVELS.indexOf(level);
  if (rank < 0) logger.warn(`Unknown log level "${level}": expected ${LEVELS.join(', ')}`);
  const out = {};
  for (const name of LEVELS.slice(1, rank < 0 ? 3 : rank + 1))
    out[name] = logger[name].bind(logger);
  return out;
}

/** Whether the value of header, query parameter or option `name` is a secret. */
export function isSecret(name, secrets) {
  return SECRET.test(name) || !!secrets?.includes(name);
}

/** A copy of `headers` with secret values replaced by `***`. */
export function redactHeaders(headers, secrets) {
  if (!headers) return headers;
  const out = {};
  for (const name in headers) out[name] = isSecret(name, secrets) ? '***' : headers[name];
  return out;
}

/** `url` with the values of secret query parameters replaced by `***`. */
export function redactUrl(url, secrets) {
  const parsed = new URL(url);
  for (const name of new Set(parsed.searchParams.keys()))
    if (isSecret(name, secrets)) parsed.searchParams.set(name, '***');
  return parsed.href;
}
