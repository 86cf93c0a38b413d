/**
 * Wire encoding: path segments, query strings, form bodies and header values.
 * Everything a caller passes goes through here before it reaches the URL or a
 * header, so an id cannot change the path and a value cannot add a header.
 */

const TOKEN = /^[!#$%&'*+.^_`|~\w-]+$/;

/** A scalar as text: booleans `true`/`false`, numbers in plain decimal notation, dates in ISO 8601, objects as JSON. */
export function text(value) {
  if (typeof value === 'number') return decimal(value);
  if (value instanceof Date) return value.toISOString();
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** `1e21` → `1000000000000000000000`, `1e-7` → `0.0000001` (every digit kept); other numbers as `String` gives them. */
function decimal(n) {
  const s = String(n);
  if (!s.includes('e')) return s;
  if (Math.abs(n) >= 1) return BigInt(n).toString();
  // `d.ddde-x`: shift the shortest round-trip digits right, so the text parses back to exactly `n`.
  const [, sign = '', digits = '', exponent = '1'] = /^(-?)([\d.]+)e-(\d+)$/.exec(s);
  return `${sign}0.${'0'.repeat(Number(exponent) - 1)}${digits.replace('.', '')}`;
}

/** Appends `value` under `name`: arrays as repeated keys, or one comma-joined value when `csv`; undefined and null are left out. */
export function appendParam(out, name, value, csv) {
  if (value == null) return;
  if (!Array.isArray(value)) out.append(name, text(value));
  else if (csv) out.append(name, value.map(text).join(','));
  else for (const item of value) if (item != null) out.append(name, text(item));
}

/** An `application/x-www-form-urlencoded` body; `null` is sent as an empty value (which clears a field). */
export function formBody(body) {
  const out = new URLSearchParams();
  for (const [name, value] of Object.entries(body))
    appendParam(out, name, value === null ? '' : value);
  return out.toString();
}

/** One percent-encoded path segment. Empty, `.` and `..` are refused: they would change which resource the URL names. */
export function pathSegment(name, value, hint = '') {
  const s = value == null ? '' : text(value);
  if (s === '' || s === '.' || s === '..') {
    throw new TypeError(
      `Path parameter "${name}" ${s ? `cannot be "${s}"` : `is required${hint}`}`,
    );
  }
  return encodeURIComponent(s);
}

/** Sets headers from `from` (names lower-cased); `null` removes one. Refuses names that are not tokens and values with CR, LF or NUL. */
export function setHeaders(out, from) {
  for (const name in from) {
    const value = from[name];
    const key = name.toLowerCase();
    if (value === null) delete out[key];
    else if (value !== undefined) {
      const s = text(value);
      if (!TOKEN.test(name) || /[\r\n\0]/.test(s)) {
        throw new TypeError(
          `Invalid header "${name}": the name must be a token and the value cannot contain CR, LF or NUL`,
        );
      }
      out[key] = s;
    }
  }
}

/** The `Authorization` value for HTTP Basic credentials (UTF-8). */
export function basicAuth(username, password) {
  let binary = '';
  for (const byte of new TextEncoder().encode(`${username}:${password}`))
    binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/** The request body for a media type: JSON text, a form, or the value as given (bytes, Blob, FormData, text). */
export function encodeBody(type, body) {
  if (!type || body === undefined) return undefined;
  if (/[/+]json\b/.test(type)) return JSON.stringify(body);
  if (type === 'application/x-www-form-urlencoded') return formBody(body);
  return body;
}
