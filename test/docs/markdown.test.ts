/**
 * The Markdown escapes, checked the way readers meet them: the escaped text
 * goes through prettier (as in the pipeline) and then a real Markdown parser.
 * Property tests over strings made of Markdown and HTML specials.
 */
import fc from 'fast-check';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { mdCode, mdCodeBlock, mdLink, mdProse, mdText, Slugger } from '../../generator/emit/docs/markdown.js';
import { PRETTIER_OPTIONS } from '../../generator/write/format.js';
import { flatTokens, outline, parse } from './markdown-tools.js';

const format = (text: string) => prettier.format(text, { ...PRETTIER_OPTIONS, parser: 'markdown' });

/** Strings built from the characters that break Markdown, HTML and code. */
const hostile = fc
  .array(fc.constantFrom('|', '`', '``', '*', '_', '[', ']', '(', ')', '<', '>', '&', '#', '\\', '\n', '\n\n', ' ', '-', '+', '=', '1.', '!', '~', ':', 'a', 'b', 'javascript:', '<script>', '*/', '&amp;', '\t', '\u2028'), {
    maxLength: 24,
  })
  .map((parts) => parts.join(''));

/** What a reader sees of a text: no whitespace and no backticks (spec code spans stay code spans). */
const visible = (text: string) => text.replace(/[\s`\u2028]+/g, '');

/** The inline tokens of every paragraph and heading. */
const inlineTokens = (text: string) => parse(text).flatMap((t) => (t.type === 'inline' ? (t.children ?? []) : []));

const noHtml = (text: string) => flatTokens(parse(text)).filter((t) => t.type.startsWith('html') || t.type === 'image');

describe('mdText in a table cell', () => {
  it('keeps the table at three columns, the text whole, and no HTML', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (raw) => {
        const out = await format(`| a | b | c |\n| - | - | - |\n| x | ${mdText(raw)} | y |\n`);
        const rows = outline(out)[0].tables[0];
        expect(rows[1]).toHaveLength(3);
        expect([rows[1][0], rows[1][2]]).toEqual(['x', 'y']);
        expect(visible(rows[1][1])).toBe(visible(raw));
        expect(noHtml(out)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('mdProse', () => {
  it('is only paragraphs of the same text: no heading, list, quote, rule, code block or HTML', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (raw) => {
        const out = await format(`# Title\n\n${mdProse(raw)}\n`);
        const blocks = parse(out).filter((t) => t.level === 0).map((t) => t.type);
        expect(blocks.filter((t) => !/^(heading|paragraph)_(open|close)$|^inline$/.test(t))).toEqual([]);
        expect(blocks.filter((t) => t === 'heading_open')).toHaveLength(1);
        // `**strong**` from the spec stays emphasis (the only markup besides code spans), so asterisks may go.
        expect(visible(outline(out)[1].paragraphs.join('')).replace(/\*/g, '')).toBe(visible(raw).replace(/\*/g, ''));
        expect(inlineTokens(out).filter((t) => !/^(text|code_inline|strong_open|strong_close|softbreak)$/.test(t.type))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps strong emphasis and code spans from the spec, escaping what they hold', async () => {
    const out = await format(`${mdProse('**Rate <b>limit</b>.** At most `300` [requests](javascript:x) per *5* s.')}\n`);
    expect(inlineTokens(out).filter((t) => t.content !== '' || t.type !== 'text').map((t) => [t.type, t.content])).toEqual([
      ['strong_open', ''],
      ['text', 'Rate <b>limit</b>.'],
      ['strong_close', ''],
      ['text', ' At most '],
      ['code_inline', '300'],
      ['text', ' [requests](javascript:x) per *5* s.'],
    ]);
  });
});

describe('mdCode', () => {
  it('is one code span holding exactly the (one-line) text, in a table and outside', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (raw) => {
        const flat = raw.replace(/[\u0000-\u001f\u2028\u2029]+/g, ' ').replace(/[ \t]+/g, ' ').trim();
        for (const [inTable, doc] of [
          [true, (c: string) => `| a |\n| - |\n| ${c} |\n`],
          [false, (c: string) => `Text ${c} end.\n`],
        ] as const) {
          const out = await format(doc(mdCode(raw, inTable)));
          const codes = flatTokens(parse(out)).filter((t) => t.type === 'code_inline');
          if (inTable && flat.includes('\\|')) {
            // Plain escaped text there: renderers disagree on `\\|` inside code in a table.
            expect(codes).toEqual([]);
            expect(outline(out)[0].tables[0][1]).toEqual([flat]);
          } else expect(codes.map((c) => c.content)).toEqual(flat === '' ? [' '] : [flat]);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('mdCodeBlock', () => {
  it('holds exactly the code, whatever backtick fences it contains', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (raw) => {
        const code = raw.replace(/\u2028/g, '').replace(/\r/g, '').replace(/\n+$/, '').replace(/^\n+/, '');
        fc.pre(code.trim() !== '' && !/[ \t]$/m.test(code) && !/\t/.test(code));
        const out = await format(`Before\n\n${mdCodeBlock(code, 'text')}\n\nAfter\n`);
        const fences = parse(out).filter((t) => t.type === 'fence');
        expect(fences.map((f) => f.content)).toEqual([`${code}\n`]);
        expect(outline(out)[0].paragraphs).toEqual(['Before', 'After']);
      }),
      { numRuns: 100 },
    );
  });
});

describe('mdLink', () => {
  it.each([
    ['relative model page', 'models/Call.md', 'models/Call.md'],
    ['README anchor', '../README.md#documentation-for-models', '../README.md#documentation-for-models'],
    ['in-page anchor', '#getcall', '#getcall'],
    ['https', 'https://example.com/a(b)', 'https://example.com/a%28b%29'],
    ['javascript:', 'javascript:alert(1)', undefined],
    ['JavaScript: with spaces', ' JavaScript:alert(1)', undefined],
    ['data:', 'data:text/html,<script>alert(1)</script>', undefined],
    ['vbscript:', 'vbscript:msgbox', undefined],
    ['protocol-relative', '//evil.example/x', undefined],
    ['path traversal', '../../../etc/passwd', undefined],
  ])('%s', async (_name, href, expected) => {
    const out = await format(`${mdLink('label [x](javascript:y)', href)}\n`);
    const tokens = flatTokens(parse(out));
    const hrefs = tokens.filter((t) => t.type === 'link_open').map((t) => t.attrGet('href'));
    expect(hrefs).toEqual(expected === undefined ? [] : [expected]);
    expect(outline(out)[0].paragraphs).toEqual(['label [x](javascript:y)']);
  });
});

describe('Slugger', () => {
  it('numbers repeated headings the way GitHub does', () => {
    const s = new Slugger();
    expect(['Example', 'Example', 'example-1', 'HTTP request headers', 'get$Call_x'].map((h) => s.slug(h))).toEqual([
      'example',
      'example-1',
      'example-1-1',
      'http-request-headers',
      'getcall_x',
    ]);
  });
});
