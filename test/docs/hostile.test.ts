/**
 * A hostile spec (pipes, backticks, newlines, `<script>`, `<img onerror>`,
 * `javascript:` links, `*​/` in titles, descriptions, summaries, enum values
 * and parameter names) renders inert: read with a real Markdown parser, no
 * raw HTML, no live `javascript:` link, tables keep their columns and cells
 * keep their text, code blocks stay closed, no heading is injected.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { docsEmitter } from '../../generator/emit/docs/index.js';
import { buildSpec, type Built } from './build.js';
import { exampleBlocks, flatTokens, outline, parse, sourceCells, tsBlocks } from './markdown-tools.js';

let built: Built;
beforeAll(async () => {
  built = await buildSpec('test/fixtures/hostile-docs/openapi.yaml', [docsEmitter]);
});

/** Text as a cell shows it: whitespace runs collapsed; backticks dropped (spec code spans stay code spans). */
const shown = (text: string) => text.replace(/`/g, '').replace(/\s+/g, ' ').trim();

describe('hostile spec text in the docs', () => {
  it('produces the README, one tag page and one model page', () => {
    expect([...built.markdown.keys()].sort()).toEqual(['README.md', 'docs/EvilTagScriptApi.md', 'docs/models/EvilThing.md']);
  });

  it('never reaches the Markdown as raw HTML, images or live non-http links', () => {
    for (const [file, text] of built.markdown) {
      const tokens = flatTokens(parse(text));
      expect(tokens.filter((t) => t.type === 'html_block' || t.type === 'html_inline').map((t) => t.content), file).toEqual([]);
      expect(tokens.filter((t) => t.type === 'image'), file).toEqual([]);
      const hrefs = tokens.filter((t) => t.type === 'link_open').map((t) => t.attrGet('href') ?? '');
      expect(hrefs.length, file).toBeGreaterThan(0);
      for (const href of hrefs) expect(href, file).toMatch(/^(https:\/\/mswjs\.io\/|#[a-z0-9_-]*|(\.\.\/)*[A-Za-z0-9_/-]+\.md(#[a-z0-9_-]+)?)$/);
    }
  });

  it('keeps one title heading per page and one section per operation', () => {
    for (const [file, text] of built.markdown) {
      expect(outline(text).filter((s) => s.level === 1).length, file).toBe(1);
    }
    const page = outline(built.markdown.get('docs/EvilTagScriptApi.md')!);
    // The page's set-up, then the operations (no error status is common to both: no shared Errors section).
    expect(page.filter((s) => s.level === 2).map((s) => s.title)).toEqual(['Set-up', ...built.model.operations.map((o) => o.methodName).sort()]);
  });

  it('keeps every table row at its header width, in the source as GFM splits it', () => {
    for (const [file, text] of built.markdown) {
      const lines = text.split('\n');
      let width = 0;
      for (const line of lines) {
        if (!line.startsWith('|')) width = 0;
        else if (width === 0) width = sourceCells(line).length;
        else expect(sourceCells(line).length, `${file}: ${line}`).toBe(width);
      }
    }
  });

  it('shows the spec text in table cells, whole', () => {
    const page = outline(built.markdown.get('docs/EvilTagScriptApi.md')!);
    const get = built.model.operations.find((o) => o.method === 'get')!;
    const rows = page.flatMap((s) => s.tables.flatMap((t) => t));
    const param = get.params.path[0];
    expect(rows).toContainEqual([param.name, 'string', shown(param.description!), '[path]']);
    const ok = get.responses.find((r) => r.status === '200')!;
    expect(rows).toContainEqual(['200', shown(ok.description), 'EvilThing (application/json)', `${ok.headers[0].name} - ${shown(ok.headers[0].description!)}`]);
    const notFound = get.responses.find((r) => r.status === '404')!;
    expect(rows).toContainEqual(['404', 'NotFoundError', notFound.description, '-', '-']);
    const methods = page.find((s) => s.level === 1)!.tables[0];
    expect(methods).toContainEqual([get.methodName, `GET ${shown(get.path)}`, shown(get.summary!)]);
    const model = outline(built.markdown.get('docs/models/EvilThing.md')!).flatMap((s) => s.tables.flatMap((t) => t));
    expect(model.map((r) => r[0])).toEqual(['Name', 'id', 'name|x', 'kind`', '*/', '</script>']);
  });

  it('keeps prose as plain paragraphs: no injected lists, quotes, rules or code blocks', () => {
    const readme = parse(built.markdown.get('README.md')!);
    const intro = readme.slice(0, readme.findIndex((t) => t.type === 'bullet_list_open'));
    expect(new Set(intro.map((t) => t.type))).toEqual(new Set(['heading_open', 'inline', 'heading_close', 'paragraph_open', 'paragraph_close']));
    const description = outline(built.markdown.get('README.md')!)[1].paragraphs.slice(1).join(' ');
    // `**strong**` is kept as emphasis, so its asterisks do not show.
    expect(shown(description)).toBe(shown(built.model.description!).replace(/\*\*/g, ''));
    expect(readme.some((t) => t.children?.some((c) => c.type === 'strong_open'))).toBe(true);
  });

  it('keeps code blocks closed: every example is one block, a set-up starting with its imports or a call after it', () => {
    const importsFirst = /^import \{[^}]+\} from '(msw\/node|@switchboard\/openapi(\/mocks)?)';\n/;
    for (const [file, text] of built.markdown) {
      for (const block of exampleBlocks(text)) {
        if (block.setup) {
          expect(block.setup.code, file).toMatch(importsFirst);
          expect(block.code, file).toMatch(/^const result = await client\.evilTagScript\.\w+\(\{\n[^]*\n\}\);\nconsole\.log\(result\);\n$/);
        } else expect(block.code, file).toMatch(importsFirst);
      }
    }
    expect(tsBlocks(built.markdown.get('docs/EvilTagScriptApi.md')!)).toHaveLength(built.model.operations.length + 1);
  });

  it('keeps example response bodies one closed JSON block each, with the spec text intact', () => {
    const page = outline(built.markdown.get('docs/EvilTagScriptApi.md')!);
    const bodies = page.filter((s) => s.title === 'Example response').flatMap((s) => s.fences);
    expect(bodies.map((f) => f.info)).toEqual(['json', 'json']);
    const get = built.model.operations.find((o) => o.method === 'get')!;
    const example = get.responses.find((r) => r.status === '200')!.contents[0].example;
    expect(bodies.map((f) => JSON.parse(f.content))).toContainEqual(example);
    // U+2028 stays an escape: the block's lines are the JSON's lines.
    expect(bodies.every((f) => !f.content.includes('\u2028'))).toBe(true);
  });
});
