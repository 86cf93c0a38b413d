/**
 * Formatting inside the generator, so `generated/` is the real output byte
 * for byte. Options are fixed here and no config file is read, so the same
 * spec gives the same bytes on every machine.
 */
import * as prettier from 'prettier';
import type { EmittedFile } from '../emit/types.js';

export const PRETTIER_OPTIONS: prettier.Options = {
  printWidth: 100,
  singleQuote: true,
  trailingComma: 'all',
  endOfLine: 'lf',
};

const PARSERS: Record<string, string> = { ts: 'typescript', md: 'markdown', json: 'json' };

/**
 * Formatted text of small inputs seen before in this process, by parser and
 * text. The runtime files copied into every package are the same each time;
 * formatting them once per process instead of once per package is most of a
 * generation's time. Prettier is deterministic, so a hit gives the same bytes.
 */
const cache = new Map<string, string>();
const CACHED_MAX_CHARS = 100_000;
const CACHE_MAX_ENTRIES = 500;

async function format(text: string, parser: string): Promise<string> {
  const key = `${parser}\0${text}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const out = await prettier.format(text, { ...PRETTIER_OPTIONS, parser });
  if (text.length <= CACHED_MAX_CHARS) {
    if (cache.size >= CACHE_MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(key, out);
  }
  return out;
}

/** Formats TypeScript, Markdown and JSON files; other files pass through. */
export async function formatFiles(files: EmittedFile[]): Promise<EmittedFile[]> {
  return Promise.all(
    files.map(async (file) => {
      const parser = PARSERS[file.path.split('.').pop() ?? ''];
      if (!parser || typeof file.content !== 'string') return file;
      try {
        return { path: file.path, content: await format(file.content, parser) };
      } catch (error) {
        // A formatting failure means an emitter produced invalid code: a generator bug, never a spec error.
        throw new Error(`internal error: cannot format ${file.path}: ${(error as Error).message.split('\n')[0]}`);
      }
    }),
  );
}
