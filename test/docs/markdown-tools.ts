/**
 * Reading generated Markdown the way a renderer does: markdown-it (with HTML
 * enabled, so raw HTML shows up as tokens), plus a small outline of headings,
 * tables, paragraphs and code blocks for the layout tests.
 */
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

const markdown = new MarkdownIt({ html: true, linkify: false });

export function parse(text: string): Token[] {
  return markdown.parse(text, {});
}

/** Block tokens and all inline children, in document order. */
export function flatTokens(tokens: Token[]): Token[] {
  return tokens.flatMap((t) => [t, ...(t.children ?? [])]);
}

/** The plain text of an inline token: text, code and link labels; soft breaks as spaces. */
export function inlineText(token: Token | undefined): string {
  return (token?.children ?? [])
    .map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : c.type === 'softbreak' || c.type === 'hardbreak' ? ' ' : ''))
    .join('');
}

export interface Section {
  level: number;
  title: string;
  tables: string[][][];
  paragraphs: string[];
  /** Inline tokens of the paragraphs, for their links. */
  inlines: Token[];
  fences: { info: string; content: string }[];
}

/** The document split at every heading; content before the first heading is a level-0 section. */
export function outline(text: string): Section[] {
  const tokens = parse(text);
  const sections: Section[] = [{ level: 0, title: '', tables: [], paragraphs: [], inlines: [], fences: [] }];
  const current = () => sections[sections.length - 1];
  let row: string[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'heading_open') {
      sections.push({ level: Number(t.tag.slice(1)), title: inlineText(tokens[i + 1]), tables: [], paragraphs: [], inlines: [], fences: [] });
      i += 2;
    } else if (t.type === 'table_open') current().tables.push([]);
    else if (t.type === 'tr_open') row = [];
    else if (t.type === 'tr_close') current().tables.at(-1)!.push(row!);
    else if ((t.type === 'th_open' || t.type === 'td_open') && row) row.push(inlineText(tokens[i + 1]).trim());
    else if (t.type === 'paragraph_open' && tokens[i - 1]?.type !== 'list_item_open') {
      current().paragraphs.push(inlineText(tokens[i + 1]));
      current().inlines.push(tokens[i + 1]);
    } else if (t.type === 'fence') current().fences.push({ info: t.info.trim(), content: t.content });
  }
  return sections;
}

/** Every link target in a document. */
export function links(text: string): string[] {
  return flatTokens(parse(text))
    .filter((t) => t.type === 'link_open')
    .map((t) => String(t.attrGet('href') ?? ''));
}

/** GitHub's heading anchors of a document, de-duplicated the way GitHub does it. */
export function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  const tokens = parse(text);
  tokens.forEach((t, i) => {
    if (t.type !== 'heading_open') return;
    const base = inlineText(tokens[i + 1])
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    // github-slugger: count occurrences of the base slug, try base-1, base-2, … until free.
    let slug = base;
    while (seen.has(slug)) {
      seen.set(base, seen.get(base)! + 1);
      slug = `${base}-${seen.get(base)}`;
    }
    seen.set(slug, 0);
    out.add(slug);
  });
  return out;
}

/** The cells of a table row in the source, split at unescaped pipes (what GFM does), without the outer pipes. */
export function sourceCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\' && i + 1 < line.length) {
      cell += line[i] + line[i + 1];
      i++;
    } else if (line[i] === '|') {
      cells.push(cell);
      cell = '';
    } else cell += line[i];
  }
  cells.push(cell);
  return cells.slice(1, -1).map((c) => c.trim());
}

/** Code blocks whose info string is `ts` or `typescript`. */
export function tsBlocks(text: string): { code: string; line: number }[] {
  return parse(text)
    .filter((t) => t.type === 'fence' && /^(ts|typescript)$/.test(t.info.trim()))
    .map((t) => ({ code: t.content, line: (t.map?.[0] ?? 0) + 1 }));
}

/** The heading of a tag page's set-up section, whose code block every other example on the page continues. */
export const SETUP_HEADING = 'Set-up';

export interface ExampleBlock {
  code: string;
  line: number;
  /** The page's set-up block, which this example continues (tag pages only). */
  setup?: { code: string; line: number };
}

/**
 * The TypeScript examples of a page as they run: on a page with a set-up
 * section, every other block continues the set-up block (the set-up itself is
 * not listed on its own: it is part of every example); elsewhere each block
 * stands alone.
 */
export function exampleBlocks(text: string): ExampleBlock[] {
  const tokens = parse(text);
  let heading = '';
  let setup: { code: string; line: number } | undefined;
  const blocks: { code: string; line: number }[] = [];
  tokens.forEach((t, i) => {
    if (t.type === 'heading_open' && t.tag === 'h2') heading = inlineText(tokens[i + 1]);
    if (t.type !== 'fence' || !/^(ts|typescript)$/.test(t.info.trim())) return;
    const block = { code: t.content, line: (t.map?.[0] ?? 0) + 1 };
    if (heading === SETUP_HEADING && setup === undefined) setup = block;
    else blocks.push(block);
  });
  return blocks.map((b) => (setup ? { ...b, setup } : b));
}
