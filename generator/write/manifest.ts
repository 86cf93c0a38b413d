/**
 * The manifest: the mark Switchboard leaves in every output folder, listing
 * the files it wrote there. A folder with a manifest is Switchboard's to
 * regenerate; of its files, exactly those listed are Switchboard's, and
 * everything else (a `.git`, notes, `node_modules`) belongs to the user.
 *
 * It is byte-stable (paths sorted by code unit, no dates, no versions), since
 * output folders are committed and pinned by snapshot tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { EmittedFile } from '../emit/types.js';
import { compareText } from '../issues.js';

export const MANIFEST = '.switchboard-manifest.json';

const COMMENT = 'Written by Switchboard. `switchboard generate` replaces exactly the files listed here; anything else in this folder is yours and is kept.';

/** `files` plus the manifest that lists them, sorted by path. */
export function withManifest(files: EmittedFile[]): EmittedFile[] {
  if (files.some((f) => f.path === MANIFEST)) throw new Error(`internal error: an emitter wrote ${MANIFEST}`);
  const paths = files.map((f) => f.path).sort(compareText);
  const manifest: EmittedFile = { path: MANIFEST, content: manifestText(paths), formatted: true };
  return [...files, manifest].sort((a, b) => compareText(a.path, b.path));
}

export function manifestText(paths: string[]): string {
  return `${JSON.stringify({ generator: 'switchboard', comment: COMMENT, files: paths }, null, 2)}\n`;
}

/**
 * The files a folder's manifest lists: undefined when it has none, 'invalid'
 * when one is there but is not a manifest Switchboard wrote. Listed paths that
 * could leave the folder are dropped: a manifest only ever decides which files
 * inside the folder are regenerated.
 */
export function readManifest(dir: string): Set<string> | 'invalid' | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, MANIFEST), 'utf8');
  } catch (error) {
    return (error as { code?: string }).code === 'ENOENT' ? undefined : 'invalid';
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'invalid';
  }
  const files = (parsed as { files?: unknown } | null)?.files;
  if ((parsed as { generator?: unknown } | null)?.generator !== 'switchboard' || !Array.isArray(files)) return 'invalid';
  return new Set(files.filter((f): f is string => typeof f === 'string' && isPlainRelative(f)));
}

/** A relative POSIX path of plain segments (what an emitted file's path always is). */
export function isPlainRelative(rel: string): boolean {
  return (
    rel !== '' &&
    !rel.includes('\\') &&
    !rel.includes('\0') &&
    !path.posix.isAbsolute(rel) &&
    !/^[a-zA-Z]:/.test(rel) &&
    !rel.split('/').some((s) => s === '' || s === '.' || s === '..' || /%2e|%2f|%5c/i.test(s))
  );
}

/** Whether the manifest in `dir` lists `file`: an earlier generation wrote it. */
export function manifestLists(dir: string, file: string): boolean {
  const owned = readManifest(dir);
  return owned instanceof Set && owned.has(file);
}
