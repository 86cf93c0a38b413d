/**
 * Markdown escapes. Spec text is data: every string that comes from a spec
 * goes through one of these before it reaches a Markdown file, so pipes,
 * backticks, newlines, HTML and link syntax can neither break a table or a
 * code block nor become live markup. HTML-escaping is not enough for
 * Markdown (it leaves `|`, `*`, `[`, backticks alone), hence these.
 */

/**
 * ASCII punctuation that means something inline: escaped with a backslash
 * wherever it appears. `#` too: a trailing `#` would close an ATX heading.
 */
const INLINE_SPECIALS = /[\\`*_[\]<>&|~#]/g;

/** What starts a block construct at the beginning of a line: list markers, setext underlines. */
const LINE_START = /^(\s*)([+=-]|\d+[.)](?=\s|$))/;

/** One line of text with every special escaped. Safe in a paragraph, a heading or a table cell. */
export function mdText(text: string | undefined): string {
  return mdInline(text, true);
}

/**
 * Inline text in which balanced backtick spans from the spec (`` `to` ``) stay
 * code spans; everything else is escaped. `inTable` also escapes pipes inside
 * code spans (GFM splits table cells on them even there).
 */
export function mdInline(text: string | undefined, inTable: boolean, strong = false): string {
  const plain = strong ? escapeKeepingStrong : escapePlain;
  const flat = flatten(text);
  let out = '';
  let i = 0;
  while (i < flat.length) {
    const tick = flat.indexOf('`', i);
    if (tick < 0) break;
    const run = runAt(flat, tick);
    const close = findRun(flat, tick + run, run);
    if (close < 0) {
      out += plain(flat.slice(i, tick + run));
      i = tick + run;
      continue;
    }
    out += plain(flat.slice(i, tick)) + mdCode(flat.slice(tick + run, close), inTable);
    i = close + run;
  }
  out += plain(flat.slice(i));
  return escapeLineStart(out);
}

/**
 * Description text as Markdown paragraphs: blank lines separate paragraphs,
 * single newlines become spaces; code spans and `**strong**` from the spec
 * stay (inert markup: no HTML, no links). Not for table cells (use `mdText`).
 */
export function mdProse(text: string | undefined): string {
  if (!text) return '';
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => mdInline(p, false, true))
    .filter((p) => p !== '')
    .join('\n\n');
}

/**
 * Inline code that cannot be broken out of: the fence is the shortest
 * backtick run that does not occur inside (a code span ends only at a run of
 * exactly its fence's length; prettier picks the same fence), padded when the
 * text starts or ends with one.
 * `inTable` escapes pipes, which GFM unescapes inside code in a table cell;
 * a backslash right before a pipe makes it plain escaped text there.
 */
export function mdCode(text: string | undefined, inTable = true): string {
  let code = flatten(text);
  if (code === '') return '` `';
  // `\\|` inside code in a table cell is read differently by GFM renderers and prettier's parser: plain text instead.
  if (inTable && code.includes('\\|')) return escapePlain(code);
  const fence = '`'.repeat(shortestAbsentRun(code));
  if (inTable) code = code.replace(/\|/g, '\\|');
  const pad = code.startsWith('`') || code.endsWith('`') || (code.startsWith(' ') && code.endsWith(' ')) ? ' ' : '';
  return `${fence}${pad}${code}${pad}${fence}`;
}

/** A fenced code block whose fence is longer than any backtick run in the code. */
export function mdCodeBlock(code: string, lang: string): string {
  const body = code.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  const fence = '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
  const info = lang.replace(/[^A-Za-z0-9_+-]/g, '');
  return `${fence}${info}\n${body}\n${fence}`;
}

/**
 * A link. Only relative links to our own generated Markdown files (and
 * in-page anchors) or absolute http(s) URLs are live; anything else, such as
 * `javascript:` or `data:`, is printed as plain text.
 */
export function mdLink(text: string, href: string): string {
  const label = mdText(text);
  const target = safeHref(href);
  return target === undefined ? label : `[${label === '' ? target : label}](${target})`;
}

/** The href made safe for a Markdown link destination, or undefined when it may not be a live link. */
export function safeHref(href: string): string | undefined {
  if (/^(\.\.\/|\.\/)*([A-Za-z0-9_-]+\/)*[A-Za-z0-9_-]+\.md(#[a-z0-9_-]*)?$/.test(href) || /^#[a-z0-9_-]+$/.test(href)) return href;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return url.href.replace(/[()<>\s\\|*_[\]`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** GitHub's heading anchor for a heading text, before de-duplication. */
export function headingSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Assigns GitHub's de-duplicated anchors (`example`, `example-1`, …) to headings in document order. */
export class Slugger {
  private readonly seen = new Map<string, number>();

  slug(text: string): string {
    const base = headingSlug(text);
    let slug = base;
    let n = this.seen.get(base) ?? 0;
    while (this.seen.has(slug)) slug = `${base}-${++n}`;
    this.seen.set(base, n);
    this.seen.set(slug, 0);
    return slug;
  }
}

/** Line breaks, other control characters and Unicode separators, or a run of them and spaces: each becomes one space. */
const BLANK_RUN = /[ \u0000-\u001f\u007f\u0085\u2028\u2029]{2,}|[\u0000-\u001f\u007f\u0085\u2028\u2029]/g;

/** One line: breaks, control characters and runs of spaces become one space; trimmed. */
function flatten(text: string | undefined): string {
  return text ? text.replace(BLANK_RUN, ' ').trim() : '';
}

function escapePlain(text: string): string {
  return text.replace(INLINE_SPECIALS, '\\$&');
}

/** Escapes text but keeps `**strong**` spans (their text escaped): emphasis is inert markup. */
function escapeKeepingStrong(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(/\*\*(?=[^\s*])([^*]*?[^\s*])\*\*/g)) {
    out += `${escapePlain(text.slice(last, m.index))}**${escapePlain(m[1])}**`;
    last = m.index + m[0].length;
  }
  return out + escapePlain(text.slice(last));
}

function escapeLineStart(text: string): string {
  return text.replace(LINE_START, (_m, space: string, mark: string) => `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}`);
}

function runAt(text: string, at: number): number {
  let n = 0;
  while (text[at + n] === '`') n++;
  return n;
}

/** Index of the next backtick run of exactly `len` at or after `from`, or -1. */
function findRun(text: string, from: number, len: number): number {
  for (let i = text.indexOf('`', from); i >= 0; ) {
    const n = runAt(text, i);
    if (n === len) return i;
    i = text.indexOf('`', i + n);
  }
  return -1;
}

/** The smallest n ≥ 1 such that `text` holds no run of exactly n backticks. */
function shortestAbsentRun(text: string): number {
  const runs = new Set((text.match(/`+/g) ?? []).map((r) => r.length));
  let n = 1;
  while (runs.has(n)) n++;
  return n;
}

function longestRun(text: string, ch: string): number {
  let best = 0;
  let run = 0;
  for (const c of text) {
    run = c === ch ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}
