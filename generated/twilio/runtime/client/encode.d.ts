/**
 * Wire encoding: path segments, query strings, form bodies and header values.
 * Everything a caller passes goes through here before it reaches the URL or a
 * header, so an id cannot change the path and a value cannot add a header.
 */
/** A scalar as text: booleans `true`/`false`, numbers in plain decimal notation, dates in ISO 8601, objects as JSON. */
export declare function text(value: unknown): string;
/** Appends `value` under `name`: arrays as repeated keys, or one comma-joined value when `csv`; undefined and null are left out. */
export declare function appendParam(
  out: URLSearchParams,
  name: string,
  value: unknown,
  csv?: boolean,
): void;
/** An `application/x-www-form-urlencoded` body; `null` is sent as an empty value (which clears a field). */
export declare function formBody(body: object): string;
/** One percent-encoded path segment. Empty, `.` and `..` are refused: they would change which resource the URL names. */
export declare function pathSegment(name: string, value: unknown, hint?: string): string;
/** Sets headers from `from` (names lower-cased); `null` removes one. Refuses names that are not tokens and values with CR, LF or NUL. */
export declare function setHeaders(
  out: Record<string, string>,
  from: Record<string, unknown> | undefined,
): void;
/** The `Authorization` value for HTTP Basic credentials (UTF-8). */
export declare function basicAuth(username: string, password: string): string;
/** The request body for a media type: JSON text, a form, or the value as given (bytes, Blob, FormData, text). */
export declare function encodeBody(type: string | undefined, body: unknown): BodyInit | undefined;
