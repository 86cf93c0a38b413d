/**
 * A persistent cache of prettier's output, shared by every process on the
 * machine: `node_modules/.cache/switchboard/format/`. Prettier is a pure
 * function of (version, options, parser, text), so a hit gives the same bytes
 * it would have printed; the key covers all four. Repeated generations
 * (`--watch`, CI with a warm cache, test suites) skip most of prettier, which
 * is most of a generation's time (bench/README.md).
 *
 * `SWITCHBOARD_CACHE=0` turns it off (the benchmark measures cold runs that
 * way). Any I/O failure just means a miss: the cache can never fail a run.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../paths.js';

let dir: string | null | undefined;

function cacheDir(): string | null {
  if (dir !== undefined) return dir;
  if (process.env.SWITCHBOARD_CACHE === '0') return (dir = null);
  const root = packageRoot();
  // Installed: <project>/node_modules/switchboard → <project>/node_modules/.cache; in this repo: ./node_modules/.cache.
  const modules = path.basename(path.dirname(root)) === 'node_modules' ? path.dirname(root) : path.join(root, 'node_modules');
  return (dir = path.join(modules, '.cache', 'switchboard', 'format'));
}

/** The cache key of one formatting job. */
export function formatKey(prettierVersion: string, options: object, text: string): string {
  return createHash('sha256').update(prettierVersion).update('\0').update(JSON.stringify(options)).update('\0').update(text).digest('hex');
}

export function readCached(key: string): string | undefined {
  const base = cacheDir();
  if (!base) return undefined;
  try {
    return fs.readFileSync(path.join(base, key.slice(0, 2), key), 'utf8');
  } catch {
    return undefined;
  }
}

/** Writes through a temporary file and a rename, so a reader never sees half an entry. */
export function writeCached(key: string, text: string): void {
  const base = cacheDir();
  if (!base) return;
  const target = path.join(base, key.slice(0, 2), key);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(temp, text);
    fs.renameSync(temp, target);
  } catch {
    fs.rmSync(temp, { force: true });
  }
}
