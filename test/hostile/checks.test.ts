/**
 * The hostile suite's detectors fire on known-bad output, so a clean result
 * from them means something: a package that runs code on import, writes a
 * file, pollutes a prototype, or renders live markup is caught.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeTree } from '../helpers/temp.js';
import { importInChild, importWasInert, liveMarkup, unsafeOutputPaths } from './checks.js';
import { CANARY_EXIT, CANARY_FILE, MARKUP_PAYLOADS } from './payloads.js';

function importOf(code: string): ReturnType<typeof importInChild> {
  const dir = writeTree({ 'dist/index.js': code, 'package.json': '{"type":"module"}' });
  return importInChild([path.join(dir, 'dist/index.js')]);
}

describe('import canaries', () => {
  it('a clean module is inert and its exports are seen', () => {
    const o = importOf('export const a = 1;\n');
    expect(importWasInert(o)).toBe(true);
    expect(o.seen?.exports).toEqual(['a']);
  });

  it.each([
    ['a global canary', 'globalThis.__pwned = 1;'],
    ['a forced exit', `process.exit(${CANARY_EXIT});`],
    ['a written file', `process.getBuiltinModule('fs').writeFileSync('${CANARY_FILE}', '1');`],
    ['prototype pollution', 'Object.prototype.polluted = 1;'],
    ['a throw', 'throw new Error("boom");'],
  ])('%s is caught', (_name, code) => {
    expect(importWasInert(importOf(`${code}\nexport const a = 1;\n`))).toBe(false);
  });
});

describe('markup detector', () => {
  it.each(MARKUP_PAYLOADS.filter((p) => /<|javascript/.test(p) && !p.startsWith('[')))('raw %s is live', (payload) => {
    expect(liveMarkup(`Text.\n\n${payload}\n\nMore text.`).length).toBeGreaterThan(0);
  });

  it('escaped markup and code spans are inert', () => {
    expect(liveMarkup('\\<img src=x onerror=alert(1)\\> and `<script>` and &lt;script&gt;')).toEqual([]);
  });
});

describe('output path check', () => {
  it('flags names outside the plain set', () => {
    const dir = tempDir();
    writeTree({ 'ok/File-1.md': '', 'bad name.md': '', '..x/y.md': '', 'src/%2e%2e.ts': '' }, dir);
    expect(unsafeOutputPaths(dir).sort()).toEqual(['..x/y.md', 'bad name.md', 'src/%2e%2e.ts']);
  });
});
