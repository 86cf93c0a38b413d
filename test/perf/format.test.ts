/**
 * Formatting in worker threads gives the same bytes as in the main thread;
 * files claimed `formatted` pass through, and a false claim is found.
 */
import * as prettier from 'prettier';
import { afterAll, describe, expect, it } from 'vitest';
import { closeFormatPool, formatInPool } from '../../generator/write/format-pool.js';
import { falselyFormatted, formatFiles, MAX_FORMAT_CHARS, PRETTIER_OPTIONS } from '../../generator/write/format.js';

afterAll(() => closeFormatPool());

const ts = "export interface A { b: \"x\" | 'y'; c?: Array<{ d: number }> }\nexport const e = { f: [1,2,3], 'g-h': `i` }\n";
const md = '# Title\n\n| a | bb |\n|-|-|\n| 1 | 2 |\n\n```ts\nconst x = {a:1}\n```\n';

describe('formatting', () => {
  it('gives the same bytes in a worker thread as in the main thread', async () => {
    for (const [text, parser] of [
      [ts, 'typescript'],
      [md, 'markdown'],
      ['{"a":[1,2],"b":{}}', 'json'],
    ]) {
      const options = { ...PRETTIER_OPTIONS, parser };
      expect(await formatInPool(text, options)).toBe(await prettier.format(text, options));
    }
  });

  it('rejects with prettier’s message when the code is invalid', async () => {
    await expect(formatInPool('export const = ;', { ...PRETTIER_OPTIONS, parser: 'typescript' })).rejects.toThrow(/expected/i);
  });

  it('formats a batch in the pool like the main thread, in input order', async () => {
    // One large JSON file (sent first) and small ones around it.
    const big = JSON.stringify(Array.from({ length: 12_000 }, (_, i) => ({ id: i, name: `n${i}` })));
    const files = [
      { path: 'a.ts', content: ts },
      { path: 'big.json', content: big },
      { path: 'c.md', content: md },
      { path: 'd.bin', content: new Uint8Array([1, 2]) },
    ];
    const out = await formatFiles(files, { pool: true });
    expect(out.map((f) => f.path)).toEqual(['a.ts', 'big.json', 'c.md', 'd.bin']);
    expect(out[1].content).toBe(await prettier.format(big, { ...PRETTIER_OPTIONS, parser: 'json' }));
    expect(out[0].content).toBe(await prettier.format(ts, { ...PRETTIER_OPTIONS, parser: 'typescript' }));
    expect(out[3].content).toEqual(new Uint8Array([1, 2]));
  });

  it('writes files claimed formatted as they are, and finds false claims', async () => {
    const pretty = await prettier.format(ts, { ...PRETTIER_OPTIONS, parser: 'typescript' });
    const files = [
      { path: 'ok.ts', content: pretty, formatted: true },
      { path: 'false.ts', content: ts, formatted: true },
    ];
    expect((await formatFiles(files)).map((f) => f.content)).toEqual([pretty, ts]);
    expect(await falselyFormatted(files)).toEqual(['false.ts']);
  });

  it('writes a file over the size limit as emitted, and still formats the small ones', async () => {
    const huge = `export const data = [${'1,'.repeat(MAX_FORMAT_CHARS / 2)}];\n`;
    const out = await formatFiles([
      { path: 'huge.ts', content: huge },
      { path: 'small.ts', content: ts },
    ]);
    expect(out[0].content).toBe(huge);
    expect(out[1].content).toBe(await prettier.format(ts, { ...PRETTIER_OPTIONS, parser: 'typescript' }));
  });
});
