/**
 * A string matching a simple `pattern`, for example placeholders: literals,
 * escapes, character classes, `.` and quantifiers (`^AC[0-9a-fA-F]{32}$` →
 * `AC000…0`). Patterns with groups or alternation are not sampled. The
 * result is always checked against the pattern itself.
 */

/** A string that matches `pattern`, or undefined when the pattern is not a simple one. */
export function samplePattern(pattern: string): string | undefined {
  let out = '';
  let i = pattern.startsWith('^') ? 1 : 0;
  const end = pattern.endsWith('$') && !pattern.endsWith('\\$') ? pattern.length - 1 : pattern.length;
  while (i < end) {
    const atom = readAtom(pattern, i);
    if (!atom) return undefined;
    const quantity = readQuantifier(pattern, atom.next);
    if (!quantity || quantity.count > 1000) return undefined;
    out += atom.char.repeat(quantity.count);
    i = quantity.next;
  }
  return matches(pattern, out) ? out : undefined;
}

function matches(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    return false;
  }
}

const ESCAPES: Record<string, string> = { d: '0', w: 'a', s: ' ' };

function readAtom(p: string, i: number): { char: string; next: number } | undefined {
  const c = p[i];
  if (c === '\\') return i + 1 < p.length && !/[DWSbB]/.test(p[i + 1]) ? { char: ESCAPES[p[i + 1]] ?? p[i + 1], next: i + 2 } : undefined;
  if (c === '[') return readClass(p, i);
  if (c === '.') return { char: 'a', next: i + 1 };
  if ('()|?*+{}^$'.includes(c)) return undefined;
  return { char: c, next: i + 1 };
}

/** The first member of a (non-negated) character class. */
function readClass(p: string, i: number): { char: string; next: number } | undefined {
  const close = p.indexOf(']', i + 2);
  if (close < 0 || p[i + 1] === '^') return undefined;
  const first = p[i + 1] === '\\' ? (ESCAPES[p[i + 2]] ?? p[i + 2]) : p[i + 1];
  return first === undefined ? undefined : { char: first, next: close + 1 };
}

function readQuantifier(p: string, i: number): { count: number; next: number } | undefined {
  const c = p[i];
  if (c === '?' || c === '*') return { count: 0, next: i + 1 };
  if (c === '+') return { count: 1, next: i + 1 };
  if (c !== '{') return { count: 1, next: i };
  const m = /^\{(\d+)(,\d*)?\}/.exec(p.slice(i));
  return m ? { count: Number(m[1]), next: i + m[0].length } : undefined;
}
