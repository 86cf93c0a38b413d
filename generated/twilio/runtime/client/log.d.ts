/**
 * Logging, as the Stainless SDKs do it: a `logger` (default `console`) and a
 * `logLevel` (`off` … `debug`, default `warn`). Levels that are off have no
 * function at all, so a line that is not logged costs one property check and
 * its arguments are never built. Whatever is logged has its secrets hidden.
 */
import type { Logger } from './types.js';
/** The functions of `logger` at `level` and below; a level that is not one of `LEVELS` is reported and `warn` is used. */
export declare function levelLogger(logger: Logger, level?: string): Partial<Logger>;
/** Whether the value of header, query parameter or option `name` is a secret. */
export declare function isSecret(name: string, secrets?: readonly string[]): boolean;
/** A copy of `headers` with secret values replaced by `***`. */
export declare function redactHeaders(
  headers: Record<string, unknown> | undefined,
  secrets?: readonly string[],
): Record<string, unknown> | undefined;
/** `url` with the values of secret query parameters replaced by `***`. */
export declare function redactUrl(url: string, secrets?: readonly string[]): string;
