/**
 * The persistent prettier cache: keyed by version, options, parser and text,
 * read before prettier runs, and written after.
 */
import { describe, expect, it } from 'vitest';
import { formatKey, readCached, writeCached } from '../../generator/write/format-cache.js';
import { formatFiles, optionsFor } from '../../generator/write/format.js';

describe('format cache', () => {
  it('keys differ by version, options and text', () => {
    const a = formatKey('3.0.0', { parser: 'typescript' }, 'x');
    expect(formatKey('3.0.1', { parser: 'typescript' }, 'x')).not.toBe(a);
    expect(formatKey('3.0.0', { parser: 'markdown' }, 'x')).not.toBe(a);
    expect(formatKey('3.0.0', { parser: 'typescript' }, 'y')).not.toBe(a);
  });

  it('a stored entry is what formatFiles returns, and a miss is formatted then stored', async () => {
    const { version } = await import('prettier');
    const text = `export const unique${Date.now()}${Math.random().toString(36).slice(2)} = 1;`;
    const [first] = await formatFiles([{ path: 'a.ts', content: text }]);
    expect(first.content).toBe(`${text}\n`);
    const key = formatKey(version, optionsFor('typescript'), text);
    expect(readCached(key)).toBe(`${text}\n`);

    const marked = `${text} // from the cache\n`;
    const other = `${text}\n// other`;
    writeCached(formatKey(version, optionsFor('typescript'), other), marked);
    const [second] = await formatFiles([{ path: 'b.ts', content: other }]);
    expect(second.content).toBe(marked);
  });
});
