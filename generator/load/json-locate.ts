/**
 * Positions in JSON text without a syntax tree.
 *
 * A JSON spec is parsed with `JSON.parse`, which keeps no positions. Building
 * the `yaml` package's tree to find them costs seconds and hundreds of MiB on
 * a 10 MB spec, so instead each container on a pointer's way is scanned once,
 * on first use, for the offsets of its direct children. Positions match the
 * YAML tree's: a member is located at its key's opening quote, an array item
 * at the start of its value.
 */

interface Child {
  /** Where the child is reported: its key for an object member, its value for an array item. */
  at: number;
  /** Where its value starts. */
  value: number;
}

export interface JsonLocator {
  /** Offset of the node at `segments`, or of its nearest existing ancestor. */
  offsetOf(segments: string[]): number;
  /** 1-based line and column of an offset. */
  linePos(offset: number): { line: number; col: number };
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d, 0xfeff]);

/** A locator over `text`, which must be valid JSON (it was already parsed). */
export function jsonLocator(text: string): JsonLocator {
  const containers = new Map<number, Map<string, Child>>();
  let lineStarts: number[] | undefined;
  const root = skipSpace(text, 0);
  return {
    offsetOf(segments) {
      let value = root;
      let reported = root;
      for (const segment of segments) {
        const open = text.charCodeAt(value);
        if (open !== 0x7b && open !== 0x5b) break; // a scalar has no children
        if (open === 0x5b && !/^\d+$/.test(segment)) break;
        let children = containers.get(value);
        if (!children) containers.set(value, (children = scanContainer(text, value)));
        const child = children.get(segment);
        if (!child) break;
        value = child.value;
        reported = child.at;
      }
      return reported;
    },
    linePos(offset) {
      lineStarts ??= computeLineStarts(text);
      let lo = 0;
      let hi = lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lineStarts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, col: offset - lineStarts[lo] + 1 };
    },
  };
}

/** The direct children of the object or array starting at `start`. Duplicate keys: the last wins, as in JSON.parse. */
function scanContainer(text: string, start: number): Map<string, Child> {
  const children = new Map<string, Child>();
  const isObject = text.charCodeAt(start) === 0x7b;
  let i = skipSpace(text, start + 1);
  for (let index = 0; i < text.length; index++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x7d || ch === 0x5d) break; // `}` or `]`
    if (ch === 0x2c) i = skipSpace(text, i + 1); // `,`
    const at = i;
    let key = String(index);
    if (isObject) {
      const end = skipString(text, at);
      const raw = text.slice(at + 1, end - 1);
      key = raw.includes('\\') ? (JSON.parse(text.slice(at, end)) as string) : raw;
      i = skipSpace(text, skipSpace(text, end) + 1); // past `:`
    }
    children.set(key, { at, value: i });
    i = skipSpace(text, skipValue(text, i));
  }
  return children;
}

/** The offset just past the value starting at `i`. */
function skipValue(text: string, i: number): number {
  const ch = text.charCodeAt(i);
  if (ch === 0x22) return skipString(text, i);
  if (ch !== 0x7b && ch !== 0x5b) {
    while (i < text.length && !isDelimiter(text.charCodeAt(i))) i++;
    return i;
  }
  let depth = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) i = skipString(text, i) - 1;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if ((c === 0x7d || c === 0x5d) && --depth === 0) return i + 1;
  }
  return i;
}

/** The offset just past the string whose opening quote is at `i`. */
function skipString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x5c) j++; // backslash: skip the escaped character
    else if (c === 0x22) return j + 1;
  }
  return text.length;
}

function isDelimiter(c: number): boolean {
  return c === 0x2c || c === 0x7d || c === 0x5d || WHITESPACE.has(c);
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && WHITESPACE.has(text.charCodeAt(i))) i++;
  return i;
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
