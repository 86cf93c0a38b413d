/**
 * A rendered docs page in prettier's Markdown layout (parser `markdown`,
 * width 100, `proseWrap: "preserve"`), and whether that layout is certain.
 *
 * The templates write the page's blocks: headings, paragraphs, `- ` lists,
 * `> ` quotes, tables and fenced code (whose TypeScript `code-layout.ts`
 * already printed in prettier's layout). This pass does what prettier would
 * still do to them: pads table cells to their column's display width
 * (printer-markdown `printTable`), keeps one blank line between blocks and
 * trims trailing spaces. Then it checks that nothing else would change: every
 * line must be one of those blocks, and its inline text only escapes, code
 * spans in prettier's own fence, `**strong**`, links to plain URLs and
 * bracketed notes (`[optional]`). Spec text is escaped before it gets here
 * (`markdown.ts`), so it passes; anything this check does not know (say, a
 * template edited to hold a construct prettier rewrites) makes the page
 * uncertain, and the pipeline formats it with prettier as before.
 */
import { printJson } from './json-layout.js';
import { stringWidth } from './text-width.js';

/** The page, and whether prettier would print it exactly so; if not, the first line in doubt. */
export interface LaidOut {
  text: string;
  formatted: boolean;
  uncertain?: string;
}

type Context = 'paragraph' | 'cell' | 'heading' | 'item' | 'quote';

const FENCE = /^(`{3,})([A-Za-z0-9_+-]*)$/;
const DELIMITER_ROW = /^\|(?: *:?-+:? *\|)+$/;
/**
 * Code blocks whose content prettier leaves alone (`sh`, `text`) or that are
 * printed in its layout already (`ts` by code-layout.ts; `json` when it is
 * what json-layout.ts prints for it).
 */
const CODE_LANGUAGES = new Set(['ts', 'sh', 'json', 'text']);

/**
 * Lays out a rendered page; `formatted` is false when any part of it is
 * outside what this pass knows. `printed` holds the content of `json` blocks
 * the caller printed with json-layout.ts itself: those need no second check.
 */
export function layoutMarkdown(rendered: string, printed: ReadonlySet<string> = new Set()): LaidOut {
  const blocks = readBlocks(rendered.split('\n'), printed);
  if (typeof blocks === 'string') return { text: rendered, formatted: false, uncertain: blocks };
  return { text: `${blocks.join('\n\n')}\n`, formatted: true };
}

/** The blocks of a page in their final layout, or the first line of a block this pass does not know. */
function readBlocks(lines: string[], printed: ReadonlySet<string>): string[] | string {
  const blocks: string[] = [];
  let previous: 'list' | 'other' | undefined;
  let i = 0;
  while (i < lines.length) {
    if (lines[i].trim() === '') {
      i++;
      continue;
    }
    if (i > 0 && lines[i - 1].trim() !== '') return lines[i]; // Two blocks without a blank line between them.
    const start = i;
    const line = lines[i];
    let block: string | undefined;
    let kind: 'list' | 'other' = 'other';
    const fence = FENCE.exec(line);
    if (fence) {
      block = codeBlock(lines, i, fence[1], fence[2], printed);
      i = lines.indexOf(fence[1], i + 1) + 1;
    } else if (line.startsWith('|')) {
      while (i < lines.length && lines[i].startsWith('|')) i++;
      block = table(lines.slice(start, i));
    } else if (line.startsWith('- ')) {
      while (i < lines.length && lines[i].startsWith('- ')) i++;
      const items = lines.slice(start, i).map((l) => l.slice(2).trimEnd());
      block = items.every((item) => item !== '' && stableInline(item, 'item', true)) ? items.map((item) => `- ${item}`).join('\n') : undefined;
      kind = 'list';
    } else if (/^#{1,6} /.test(line)) {
      const text = line.slice(line.indexOf(' ') + 1).trimEnd();
      block = text !== '' && stableInline(text, 'heading', true) ? `${line.slice(0, line.indexOf(' '))} ${text}` : undefined;
      i++;
    } else if (line.startsWith('> ')) {
      const text = line.slice(2).trimEnd();
      block = text !== '' && stableInline(text, 'quote', true) ? `> ${text}` : undefined;
      i++;
    } else {
      while (i < lines.length && lines[i].trim() !== '') i++;
      block = paragraph(lines.slice(start, i));
    }
    // A list right after a list (a blank line between) would be one loose list.
    if (block === undefined || (kind === 'list' && previous === 'list')) return line;
    blocks.push(block);
    previous = kind;
  }
  return blocks;
}

/**
 * A fenced code block as prettier prints it: its fence the shortest run of
 * three or more backticks longer than any inside. Its content must already
 * be final: `ts` code comes from `code-layout.ts`, `json` must be what
 * `json-layout.ts` prints for its value (printed by the caller, or else
 * parsed and printed again here);
 * `sh` and `text` prettier leaves as they are (but for trailing spaces, which
 * it trims, so there must be none).
 */
function codeBlock(lines: string[], at: number, fence: string, language: string, printed: ReadonlySet<string>): string | undefined {
  const close = lines.indexOf(fence, at + 1);
  if (close < 0 || !CODE_LANGUAGES.has(language)) return undefined;
  const body = lines.slice(at + 1, close);
  const text = body.join('\n');
  if (fence.length !== Math.max(3, longestBacktickRun(text) + 1) || body.some(endsInSpace)) return undefined;
  if (language === 'json' && !printed.has(text) && !inJsonLayout(text)) return undefined;
  return [lines[at], text, fence].join('\n');
}

/** Whether JSON text is exactly what json-layout.ts (prettier's layout) prints for its value. */
function inJsonLayout(text: string): boolean {
  try {
    return printJson(JSON.parse(text)) === `${text}\n`;
  } catch {
    return false;
  }
}

/** A paragraph: its lines kept as they are (`proseWrap: "preserve"`), the last one's trailing spaces trimmed. */
function paragraph(lines: string[]): string | undefined {
  const last = lines.length - 1;
  lines[last] = lines[last].trimEnd();
  // Trailing spaces inside a paragraph are a hard line break; leading ones are dropped by the parser.
  return lines.every((l, i) => (i === last || !endsInSpace(l)) && stableInline(l, 'paragraph', true)) ? lines.join('\n') : undefined;
}

// ---------------------------------------------------------------------------
// Tables

type Align = 'left' | 'right' | 'center' | 'none';

/** A table with every cell padded to its column's width, as printer-markdown's `printTable` prints it. */
function table(lines: string[]): string | undefined {
  if (lines.length < 2 || !DELIMITER_ROW.test(lines[1])) return undefined;
  const aligns = splitRow(lines[1])!.map((cell): Align => {
    const left = cell.startsWith(':');
    const right = cell.endsWith(':');
    return left && right ? 'center' : left ? 'left' : right ? 'right' : 'none';
  });
  const columns = aligns.length;
  const rows: string[][] = [];
  const rowWidths: number[][] = [];
  const widths = aligns.map(() => 3);
  for (let r = 0; r < lines.length; r++) {
    if (r === 1) continue;
    const cells = splitRow(lines[r]);
    if (cells === undefined || cells.length !== columns) return undefined;
    const cellWidths: number[] = [];
    for (let c = 0; c < columns; c++) {
      if (!stableInline(cells[c], 'cell', false)) return undefined;
      const width = stringWidth(cells[c]);
      cellWidths.push(width);
      if (width > widths[c]) widths[c] = width;
    }
    rows.push(cells);
    rowWidths.push(cellWidths);
  }
  const printRow = (cells: string[], cellWidths: number[]): string => {
    let out = '|';
    for (let c = 0; c < columns; c++) {
      const spaces = widths[c] - cellWidths[c];
      const before = aligns[c] === 'right' ? spaces : aligns[c] === 'center' ? Math.floor(spaces / 2) : 0;
      out += ` ${' '.repeat(before)}${cells[c]}${' '.repeat(spaces - before)} |`;
    }
    return out;
  };
  const delimiter = aligns.map((a, c) => {
    const first = a === 'center' || a === 'left' ? ':' : '-';
    const last = a === 'center' || a === 'right' ? ':' : '-';
    return `${first}${'-'.repeat(widths[c] - 2)}${last}`;
  });
  const out = [printRow(rows[0], rowWidths[0]), `| ${delimiter.join(' | ')} |`];
  for (let r = 1; r < rows.length; r++) out.push(printRow(rows[r], rowWidths[r]));
  return out.join('\n');
}

/** The trimmed cells of `| a | b |`, split at pipes no backslash escapes; undefined when the row is not closed. */
function splitRow(line: string): string[] | undefined {
  const text = line.trimEnd();
  if (text.length < 2 || text[0] !== '|' || text[text.length - 1] !== '|') return undefined;
  const cells: string[] = [];
  let start = 1;
  for (let i = text.indexOf('|', 1); i >= 0; i = text.indexOf('|', i + 1)) {
    // A pipe after an odd number of backslashes is escaped: the cell goes on.
    let backslashes = 0;
    while (text.charCodeAt(i - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 1) continue;
    cells.push(text.slice(start, i).trim());
    start = i + 1;
  }
  return start === text.length ? cells : undefined;
}

// ---------------------------------------------------------------------------
// Inline text

/** What starts a block at the beginning of a line, unescaped (`**strong**` does not). */
const BLOCK_START = /^(?:[-+=>#|~]|\$\$|\*(?!\*)|\*{3}|\d+[.)]|`{3}|\[[ xX]\](?:\s|$))/;
/** What inline text may hold only escaped or as part of a construct checked here. */
const SPECIAL = /[\\`*[!<>&|~_\]]/g;
/** What the parser turns into a link by itself. */
const URL_LITERAL = /https?:\/\/|mailto:|www\./i;
/** URLs in links prettier prints as they are (no spaces, brackets, entities or escapes). */
const PLAIN_URL = /^[A-Za-z0-9_./#:-]+$/;

/**
 * Whether prettier prints this inline Markdown exactly as it is: text with
 * single spaces and no characters that start markup except escaped, code
 * spans with prettier's fence and padding, `**strong**`, links with plain
 * URLs, `[[text]]` and bracketed notes.
 */
export function stableInline(text: string, context: Context, lineStart: boolean): boolean {
  if (text !== text.trim() || /[\u0000-\u001f\u007f]|\s\s/.test(text)) return false;
  if (lineStart && BLOCK_START.test(text)) return false;
  if (context === 'heading' && /(^|\s)#+$/.test(text)) return false;
  // A bare URL becomes a link, which may take in a `**` right after it.
  if (text.includes('**') && /(?:https?:\/\/|mailto:|www\.)\S*\*\*/i.test(text)) return false;
  let strong = -1;
  // Escapes seen inside the open `**strong**`: an escaped `*` and an escaped backslash together are uncertain (prettier rewrites `**\*\\\_b**`).
  let strongStar = false;
  let strongBackslash = false;
  let i = 0;
  for (;;) {
    SPECIAL.lastIndex = i;
    const found = SPECIAL.exec(text);
    if (found === null) break;
    i = found.index;
    const c = text[i];
    if (c === '\\') {
      if (i + 1 === text.length) return false; // A hard break at the end of a line.
      if (strong >= 0) {
        strongStar ||= text[i + 1] === '*';
        strongBackslash ||= text[i + 1] === '\\';
        if (strongStar && strongBackslash) return false;
      }
      i += 2;
    } else if (c === '`') {
      i = codeSpanEnd(text, i, context === 'cell');
      if (i < 0) return false;
    } else if (c === '*') {
      if (text[i + 1] !== '*' || text[i + 2] === '*') return false;
      const closes = strong >= 0;
      // An opening `**` is followed by text, a closing one follows text (and holds no bare URL).
      if (/\s/.test((closes ? text[i - 1] : text[i + 2]) ?? ' ')) return false;
      if (closes && URL_LITERAL.test(text.slice(strong, i))) return false;
      strong = closes ? -1 : i;
      strongStar = strongBackslash = false;
      i += 2;
    } else if (c === '[') {
      i = bracketEnd(text, i, context);
      if (i < 0) return false;
    } else if (c === '!') {
      if (text[i + 1] === '[') return false;
      i++;
    } else return false;
  }
  return strong < 0;
}

/**
 * The end of the code span at `at`, or -1 when it is not one prettier prints
 * as it is: prettier writes the content (one space stripped from each side
 * when both have one) in the shortest backtick run absent from it, padded
 * with a space when it starts or ends with a backtick or with spaces on both
 * sides; in a table cell it escapes the content's pipes.
 */
function codeSpanEnd(text: string, at: number, inCell: boolean): number {
  let run = 0;
  while (text[at + run] === '`') run++;
  let close = at + run;
  for (;;) {
    close = text.indexOf('`', close);
    if (close < 0) return -1;
    let n = 0;
    while (text[close + n] === '`') n++;
    if (n === run) break;
    close += n;
  }
  const raw = text.slice(at + run, close);
  if (inCell && raw.includes('\\\\|')) return -1;
  let value = raw.length > 2 && raw.startsWith(' ') && raw.endsWith(' ') && raw.trim() !== '' ? raw.slice(1, -1) : raw;
  if (inCell && value.includes('|')) value = value.replace(/\\\|/g, '|');
  let fence = 1;
  if (value.includes('`')) {
    const runs = new Set(value.match(/`+/g)!.map((r) => r.length));
    while (runs.has(fence)) fence++;
  }
  const pad = value.startsWith('`') || value.endsWith('`') || (/^ /.test(value) && / $/.test(value) && value.trim() !== '') ? ' ' : '';
  const printed = inCell && value.includes('|') ? value.replace(/\|/g, '\\|') : value;
  return fence === run && `${pad}${printed}${pad}` === raw ? close + run : -1;
}

/**
 * The end of the bracketed text at `at`: a link `[text](url)` with a plain
 * URL, `[[text]]`, or a note `[text]` followed by neither `(` nor `[`; -1 for
 * anything else. The text inside is checked like the rest.
 */
function bracketEnd(text: string, at: number, context: Context): number {
  const wiki = text.startsWith('[[', at);
  const open = wiki ? at + 2 : at + 1;
  let i = open;
  for (; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '`') {
      const end = codeSpanEnd(text, i, context === 'cell');
      if (end < 0) return -1;
      i = end - 1;
    } else if (text[i] === '[') return -1;
    else if (text[i] === ']') break;
  }
  if (i >= text.length) return -1;
  const inner = text.slice(open, i);
  if (inner === '' || inner.startsWith('^') || !stableInline(inner, context, false)) return -1;
  if (wiki) return text[i + 1] === ']' ? i + 2 : -1;
  const after = text[i + 1];
  if (after === '(') {
    const close = text.indexOf(')', i + 2);
    return close > 0 && PLAIN_URL.test(text.slice(i + 2, close)) ? close + 1 : -1;
  }
  // `[a][b]` is a reference, `[a]: url` a definition.
  return after === '[' || after === ':' ? -1 : i + 1;
}

/** Whether a line ends in white space (`trimEnd` trims what `\s` matches). */
function endsInSpace(line: string): boolean {
  return line.trimEnd() !== line;
}

function longestBacktickRun(text: string): number {
  return Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
}
