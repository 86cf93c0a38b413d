/**
 * Example response bodies are printed in prettier's layout for a ```` ```json ````
 * block in Markdown (json-layout.ts): any JSON value comes out exactly as
 * prettier prints it there, so a page with example bodies can still be
 * claimed formatted.
 */
import fc from 'fast-check';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { printJson } from '../../generator/emit/docs/json-layout.js';
import { mdCodeBlock } from '../../generator/emit/docs/markdown.js';
import { PRETTIER_OPTIONS } from '../../generator/write/format.js';

/** A page holding the block, formatted the way the pipeline formats Markdown. */
const inPage = (json: string) => `# Example\n\n${mdCodeBlock(json, 'json')}\n`;
const format = (text: string) => prettier.format(text, { ...PRETTIER_OPTIONS, parser: 'markdown', filepath: 'page.md' });

const strings = fc.constantFrom('', 'a', "it's", 'say "hi"', 'x'.repeat(30), 'y'.repeat(72), 'z'.repeat(97), 'é日本😀', 'a\u2028b', 'a\\b', '```', '</script>', 'tab\there');
const keys = fc.constantFrom('a', 'ab', 'abcd', 'id', 'a-b', '日本', '__proto__', '1', '$x', 'k'.repeat(40), 'k'.repeat(95), 'with "quote"');
const numbers = fc.constantFrom(0, 1, -1, 5.5, 1e21, -0, 123456789, 1.5e-7, 0.1, -2.5e-10);

const values = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    strings,
    numbers,
    fc.constantFrom(true, false, null),
    fc.array(numbers, { minLength: 1, maxLength: 40 }),
    fc.array(strings, { maxLength: 8 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(keys, tie('value')), { maxLength: 5 }).map((entries) => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      return out;
    }),
  ),
})).value;

describe('JSON example bodies printed in prettier layout', () => {
  it('any JSON value, at any depth', async () => {
    await fc.assert(
      fc.asyncProperty(values, async (value) => {
        const page = inPage(printJson(value));
        expect(page).toBe(await format(page));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps objects expanded, fills numbers, breaks lists of records and keeps strings whole', async () => {
    const value = { id: 'rec_1', sizes: Array.from({ length: 40 }, (_, i) => i * 7), tags: ['a', 'b'], items: [{ a: 1, b: 2 }, { a: 3, b: 4 }], note: 'n'.repeat(120), empty: {} };
    const text = printJson(value);
    expect(await format(inPage(text))).toBe(inPage(text));
    expect(text.split('\n').slice(0, 3)).toEqual(['{', '  "id": "rec_1",', '  "sizes": [']);
    expect(text).toContain('  "tags": ["a", "b"],\n');
    expect(text).toContain(`  "note": "${'n'.repeat(120)}",\n`);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('decides at the exact width: the comma after an array counts, numbers fill up to column 100', async () => {
    const cases: unknown[] = [];
    for (let n = 80; n <= 96; n++) {
      const list = ['x'.repeat(n - 10), 'y'];
      cases.push({ key: list, last: 1 }, { first: 1, key: list }, [list, list.slice(0, 1)], { nums: Array.from({ length: n / 2 }, (_, i) => i * 97) });
    }
    for (const value of cases) {
      const page = inPage(printJson(value));
      expect(page).toBe(await format(page));
    }
  });

  it('is still JSON for hostile text, and keeps U+2028 escaped', () => {
    const value = JSON.parse('{"__proto__": "x", "a\\u2028b": "```\\n</script>"}');
    const text = printJson(value);
    expect(text).not.toContain('\u2028');
    expect(Object.getOwnPropertyNames(JSON.parse(text))).toEqual(['__proto__', 'a\u2028b']);
  });
});
