/**
 * Logging, as the Stainless SDKs do it: a `logger` (default `console`) and a
 * `logLevel` (`off` … `debug`, default `warn`). Levels that are off have no
 * function at all, so a line that is not logged costs one property check and
 * its arguments are never built. Whatever is logged has its secrets hidden.
 */
import type { Logger, LogLevel } from './types.js';

const LEVELS: readonly LogLevel[] = ['off', 'error', 'warn', 'info', 'debug'];

/** Headers and query parameters whose values are hidden: credentials, cookies, keys, tokens, signatures. */
const SECRET = /auth|cookie|credential|passw|secret|signature|token|api.?key|^key$/i;

/** The functions of `logger` at `level` and below; a level that is not one of `LEVELS` is reported and `warn` is used. */
export function levelLogger(logger: Logger, level = 'warn'): Partial<Logger> {
  const rank = LEVELS.indexOf(level as LogLevel);
  if (rank < 0) logger.warn(`Unknown log level "${level}": expected ${LEVELS.join(', ')}`);
  const out: Partial<Logger> = {};
  for (const name of LEVELS.slice(1, rank < 0 ? 3 : rank + 1) as (keyof Logger)[])
    out[name] = logger[name].bind(logger);
  return out;
}

/** Whether the value of header, query parameter or option `name` is a secret. */
export function isSecret(name: string, secrets?: readonly string[]): boolean {
  return SECRET.test(name) || !!secrets?.includes(name);
}

/** A copy of `headers` with secret values replaced by `***`. */
export function redactHeaders(
  headers: Record<string, unknown> | undefined,
  secrets?: readonly string[],
): Record<string, unknown> | undefined {
  if (!headers) return headers;
  const out: Record<string, unknown> = {};
  for (const name in headers) out[name] = isSecret(name, secrets) ? '***' : headers[name];
  return out;
}

/** `url` with the values of secret query parameters replaced by `***`. */
export function redactUrl(url: string, secrets?: readonly string[]): string {
  const parsed = new URL(url);
  for (const name of new Set(parsed.searchParams.keys()))
    if (isSecret(name, secrets)) parsed.searchParams.set(name, '***');
  return parsed.href;
}
