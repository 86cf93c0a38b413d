/**
 * The docs pages are written in prettier's Markdown layout and claimed
 * `formatted` (markdown-layout.ts): every claim is checked against prettier
 * here, on escaped hostile text in each place a page holds spec text, and
 * on hand-made pages; constructs the pass does not know are left to
 * prettier. Every docs page of the seeds and of the real corpus is claimed.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { docsEmitter } from '../../generator/emit/docs/index.js';
import { layoutMarkdown } from '../../generator/emit/docs/markdown-layout.js';
import { mdCode, mdInline, mdProse, mdText } from '../../generator/emit/docs/markdown.js';
import { loadSpec } from '../../generator/load/index.js';
import { buildModel } from '../../generator/model/build.js';
import { PRETTIER_OPTIONS } from '../../generator/write/format.js';
import { APIS, REPO } from './build.js';

const format = (text: string) => prettier.format(text, { ...PRETTIER_OPTIONS, parser: 'markdown' });

/** Spec text made of Markdown specials, wide and combining characters, URLs and math. */
const hostile = fc
  .array(
    fc.constantFrom(
      ...'|`*_[]()<>&#\\-+=!~:$'.split(''),
      '``', '**', '**a**', '\n', '\n\n', ' ', '  ', '\t', '1.', 'a', 'b c', '日本', 'é', 'e\u0301', '😀', '\u00a0',
      'http://x.com/a_b', 'www.a.com', 'mailto:a@b.co', '{{', '{%', '$$', '$x$', '[x]', '[[a]]', '](', '![', '&amp;', '<!--', '---',
    ),
    { maxLength: 16 },
  )
  .map((parts) => parts.join(''));

/** Pages holding spec text in each way the templates place it. */
const PAGES: Record<string, (s: string, t: string) => string> = {
  prose: (s) => `# Title\n\n${mdProse(s)}\n\nAfter.\n`,
  table: (s, t) =>
    `| A | B | C |\n| --- | :-: | --: |\n| ${mdInline(s, true)} | ${mdCode(s)} | [${mdCode(t)}] [x ${mdText(t)}] |\n| **${mdText(t)}** | ${mdText(t)} | - |\n`,
  list: (s, t) => `- **Type**: ${mdText(s)}\n- **Values**: ${mdCode(s, false)}\n- [${mdText(t)}](docs/models/X.md)\n`,
  heading: (s) => `## ${mdText(s)}\n\n> ${mdCode(s, false)}\n`,
  links: (s) => `[[Back to top]](#) [**${mdText(s)}**](#anchor) **${mdText(s)}**\n`,
};

describe('pages claimed formatted', () => {
  it.each(Object.keys(PAGES))('print unchanged through prettier: spec text in %s', async (name) => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, async (s, t) => {
        const page = layoutMarkdown(PAGES[name](s, t));
        if (page.formatted) expect(await format(page.text)).toBe(page.text);
      }),
      { numRuns: 120 },
    );
  });

  it('include every page with plain spec text', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z][A-Za-z0-9.,:;'"()/? -]{0,40}$/), (s) => {
        for (const page of Object.values(PAGES)) expect(layoutMarkdown(page(s, s)).formatted).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('pad table cells to the display width prettier measures, in each alignment', async () => {
    const page = layoutMarkdown(
      '| Left | Centre | Right | None |\n| :-- | :-: | --: | --- |\n| 日本語 | e\u0301 | 😀 | x |\n| a | bb | ccc | `\\|` \\| |\n',
    );
    expect(page.formatted).toBe(true);
    expect(page.text).toBe(await format(page.text));
    expect(page.text.split('\n')[1]).toBe('| :----- | :----: | ----: | ------- |');
  });

  it('keep one blank line between blocks and no trailing spaces', async () => {
    const page = layoutMarkdown('\n\n# Title  \n\n\n\nSome text.  \n\n- **a**: b \n- c\n\n\n> `x`\n\n\n');
    expect(page).toEqual({ text: '# Title\n\nSome text.\n\n- **a**: b\n- c\n\n> `x`\n', formatted: true });
    expect(await format(page.text)).toBe(page.text);
  });
});

describe('pages left to prettier', () => {
  it.each([
    ['emphasis prettier rewrites', 'Some *emphasis* here.\n'],
    ['a math block', '$$x\n'],
    ['HTML', 'Some <b>bold</b>.\n'],
    ['a code block prettier would format', '```json\n{"a":1}\n```\n'],
    ['two lists one loose list', '- a\n\n- b\n'],
    ['blocks without a blank line between', '# Title\nText.\n'],
    ['a table row with a missing cell', '| a | b |\n| --- | --- |\n| x |\n'],
    ['an image', '![alt](x.png)\n'],
    ['a link definition', '[a]: https://example.com\n'],
    ['a hard line break', 'Line one\\\nline two\n'],
    ['an empty strong span', '| a |\n| --- |\n| **** |\n'],
    // Prettier prints this strong span's text with `\\\\_` (found by the table property above).
    ['a strong span with an escaped star and an escaped backslash', '| a |\n| --- |\n| **\\*\\\\\\_b** |\n'],
  ])('%s', async (_name, text) => {
    const page = layoutMarkdown(text);
    expect(page.formatted).toBe(false);
    expect(page.text).toBe(text);
    // The first line of the block in doubt, for whoever wonders why a page went to prettier.
    expect(text.split('\n')).toContain(page.uncertain);
  });
});

describe('the docs of real specs', () => {
  const corpus = fs.readdirSync(path.join(REPO, 'test', 'fixtures', 'corpus')).filter((f) => f.endsWith('.json'));
  const specs = [...APIS.map((api) => `specs/${api}.yaml`), ...corpus.map((f) => `test/fixtures/corpus/${f}`)];

  it.each(specs)('%s: every page is claimed', async (spec) => {
    const files = await docsEmitter.emit(buildModel(await loadSpec(path.join(REPO, spec))));
    expect(files.filter((f) => !f.formatted).map((f) => f.path)).toEqual([]);
  });
});
