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

/** Formats TypeScript, Markdown and JSON files; other files pass through. */
export async function formatFiles(files: EmittedFile[]): Promise<EmittedFile[]> {
  return Promise.all(
    files.map(async (file) => {
      const parser = PARSERS[file.path.split('.').pop() ?? ''];
      if (!parser || typeof file.content !== 'string') return file;
      try {
        return { path: file.path, content: await prettier.format(file.content, { ...PRETTIER_OPTIONS, parser }) };
      } catch (error) {
        // A formatting failure means an emitter produced invalid code: a generator bug, never a spec error.
        throw new Error(`internal error: cannot format ${file.path}: ${(error as Error).message.split('\n')[0]}`);
      }
    }),
  );
}
