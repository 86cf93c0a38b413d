/**
 * Formatting inside the generator, so `generated/` is the real output byte
 * for byte. Options are fixed here and no config file is read, so the same
 * spec gives the same bytes on every machine.
 */
import type * as Prettier from 'prettier';
import { PRINT_WIDTH } from '../emit/layout.js';
import type { EmittedFile } from '../emit/types.js';
import { formatKey, readCached, writeCached } from './format-cache.js';
import { formatInPool, poolSize, tryWarmFormatPool } from './format-pool.js';

export const PRETTIER_OPTIONS: Prettier.Options = {
  printWidth: PRINT_WIDTH,
  singleQuote: true,
  trailingComma: 'all',
  endOfLine: 'lf',
};

const PARSERS: Record<string, string> = { ts: 'typescript', js: 'babel', md: 'markdown', json: 'json' };
const EXTENSIONS: Record<string, string> = Object.fromEntries(Object.entries(PARSERS).map(([ext, parser]) => [parser, ext]));

/**
 * Formatted text of small inputs seen before in this process, by parser and
 * text. The runtime files copied into every package are the same each time;
 * formatting them once per process instead of once per package is most of a
 * generation's time. Prettier is deterministic, so a hit gives the same bytes.
 */
const cache = new Map<string, string>();
const CACHED_MAX_CHARS = 100_000;
const CACHE_MAX_ENTRIES = 500;

/**
 * Below this many characters to format, or with a single core, a batch is
 * formatted in the main thread: each worker loads and warms up prettier on its
 * own, which costs about a quarter more CPU in all, and the seed specs (under
 * 1 MB each) showed no gain from it (measured: bench/README.md).
 */
const POOL_MIN_CHARS = Number(process.env.SWITCHBOARD_POOL_MIN_CHARS ?? 2_000_000);

/**
 * Files larger than this are written as emitted. Prettier's time and memory
 * grow faster than the input: on GitHub's 11.8 MB mock data file it alone took
 * minutes and more than 2 GiB. Emitters print such files in their final layout.
 */
export const MAX_FORMAT_CHARS = Number(process.env.SWITCHBOARD_MAX_FORMAT_CHARS ?? 4 * 1024 * 1024);

let inline: typeof Prettier | undefined;

/**
 * The options for one parser. The file name tells prettier's typescript
 * parser this is `.ts`, not `.tsx` (which prints `<T,>`).
 */
export function optionsFor(parser: string): Prettier.Options {
  return { ...PRETTIER_OPTIONS, parser, filepath: `file.${EXTENSIONS[parser]}` };
}

async function format(text: string, parser: string, pooled: boolean): Promise<string> {
  const key = `${parser}\0${text}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const options = optionsFor(parser);
  inline ??= await import('prettier');
  const diskKey = formatKey(inline.version, options, text);
  let out = readCached(diskKey);
  if (out === undefined) {
    out = pooled ? await formatInPool(text, options) : await inline.format(text, options);
    writeCached(diskKey, out);
  }
  if (text.length <= CACHED_MAX_CHARS) {
    if (cache.size >= CACHE_MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(key, out);
  }
  return out;
}

/**
 * Formats TypeScript, Markdown and JSON files; other files pass through.
 * `pool` forces the worker pool on or off; by default it is used for large batches.
 */
export async function formatFiles(
  files: EmittedFile[],
  options: { pool?: boolean } = {},
): Promise<EmittedFile[]> {
  const parserOf = (file: EmittedFile): string | undefined =>
    typeof file.content === 'string' ? PARSERS[file.path.split('.').pop() ?? ''] : undefined;
  const chars = files.reduce(
    (n, f) =>
      n +
      (parserOf(f) && !f.formatted && f.content.length <= MAX_FORMAT_CHARS ? f.content.length : 0),
    0,
  );
  const pooled = options.pool ?? (chars >= POOL_MIN_CHARS && poolSize() > 1 && tryWarmFormatPool());
  // Largest first, so the last file to finish is a small one and the threads end together.
  const order = pooled ? [...files].sort((a, b) => b.content.length - a.content.length) : files;
  const formatted = new Map<EmittedFile, Promise<EmittedFile>>();
  for (const file of order) formatted.set(file, formatOne(file, parserOf(file), pooled));
  return Promise.all(files.map((f) => formatted.get(f)!));
}

async function formatOne(
  file: EmittedFile,
  parser: string | undefined,
  pooled: boolean,
): Promise<EmittedFile> {
  if (!parser || typeof file.content !== 'string') return file;
  if (file.formatted || file.content.length > MAX_FORMAT_CHARS)
    return { path: file.path, content: file.content };
  try {
    return { path: file.path, content: await format(file.content, parser, pooled) };
  } catch (error) {
    // A formatting failure means an emitter produced invalid code: a generator bug, never a spec error.
    throw new Error(
      `internal error: cannot format ${file.path}: ${(error as Error).message.split('\n')[0]}`,
    );
  }
}

/**
 * Paths of files claimed `formatted` that prettier would change: for tests,
 * which must check every claim an emitter makes on real output.
 */
export async function falselyFormatted(files: EmittedFile[]): Promise<string[]> {
  const claimed = files.filter((f) => f.formatted && typeof f.content === 'string');
  const checked = await formatFiles(claimed.map((f) => ({ path: f.path, content: f.content })));
  return claimed.filter((f, i) => checked[i].content !== f.content).map((f) => f.path);
}
