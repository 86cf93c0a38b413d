/**
 * Which folders `generate` may write into. A folder is written only when it is
 * absent, empty, or an earlier Switchboard output; `--force` overrides that
 * for any other folder. Never written, whatever the flags: the user's home,
 * the root of the project being worked in, the current folder and every
 * folder above it, and the spec's folder and every folder above it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MANIFEST } from './manifest.js';
import { collisions, folderState, type FolderState } from './ownership.js';

export interface OutputOptions {
  /** Write into a folder Switchboard did not write, replacing what is at the paths it writes. */
  force?: boolean;
  /** The folder the command runs in (default: the process's). */
  cwd?: string;
  /** The spec being generated: its folder is never written into. */
  spec?: string;
}

/** An output folder that may not be written (or not now): the CLI prints the message and exits 1. */
export class OutputError extends Error {
  override name = 'OutputError';
  constructor(
    readonly dir: string,
    private readonly describe: (dir: string) => string,
  ) {
    super(describe(dir));
  }

  /** The message, with the folder shown relative to `cwd` when it is inside it. */
  shown(cwd: string): string {
    return this.describe(shownPath(this.dir, cwd));
  }
}

/**
 * Throws OutputError unless `outDir` may receive `newPaths` (or, before they
 * are known, may receive output at all). Returns what the folder holds.
 */
export function planOutput(outDir: string, newPaths: ReadonlySet<string> | undefined, options: OutputOptions = {}): FolderState {
  const reason = protectedReason(outDir, options.cwd ?? process.cwd(), options.spec);
  if (reason) throw refusal(outDir, reason, 'Generate into a folder of its own, such as generated/<api>; --force does not change this');
  const state = folderState(outDir, newPaths);
  if (state.kind === 'not-a-folder') throw refusal(outDir, 'it is a file, not a folder', 'Choose a folder');
  if (state.kind === 'foreign' && !options.force) {
    const why = state.badManifest ? `its ${MANIFEST} was not written by Switchboard` : `it is not empty and Switchboard did not write it (there is no ${MANIFEST})`;
    throw refusal(outDir, why, 'Choose a new or empty folder, or pass --force to write into this one: files at the paths Switchboard writes are replaced, all others are kept');
  }
  if (newPaths && !options.force) {
    const taken = collisions(outDir, newPaths, state.owned);
    if (taken.length > 0) {
      const listed = taken.length > 5 ? `${taken.slice(0, 5).join(', ')} and ${taken.length - 5} more` : taken.join(', ');
      const what = taken.length === 1 ? '1 entry that Switchboard did not write would be replaced' : `${taken.length} entries that Switchboard did not write would be replaced`;
      throw refusal(outDir, `${what}: ${listed}`, 'Move them away, or pass --force to replace them');
    }
  }
  return state;
}

function refusal(outDir: string, problem: string, advice: string): OutputError {
  return new OutputError(outDir, (dir) => `refusing to write into ${dir}: ${problem}; nothing was written. ${advice}.`);
}

/** Why `outDir` may never be written into, or undefined. Symbolic links are followed. */
export function protectedReason(outDir: string, cwd: string, spec?: string): string | undefined {
  const out = realPath(outDir);
  const here = realPath(cwd);
  if (out === realPath(os.homedir())) return 'it is your home folder';
  const root = projectRoot(here);
  if (root && out === root.dir) return `it is the root of the project you are in (it holds ${root.marker})`;
  if (out === here) return 'it is the current folder';
  if (isInside(here, out)) return 'it holds the current folder';
  if (spec === undefined) return undefined;
  const specDir = path.dirname(realPath(spec));
  const specRoot = projectRoot(specDir);
  if (specRoot && out === specRoot.dir) return `it is the root of the project the spec is in (it holds ${specRoot.marker})`;
  if (out === specDir) return "it is the spec's own folder";
  if (isInside(specDir, out)) return `it holds the spec ${path.basename(spec)}`;
  return undefined;
}

/** The nearest folder at or above `from` holding `.git` or `package.json`: the project's root. */
export function projectRoot(from: string): { dir: string; marker: string } | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    for (const marker of ['.git', 'package.json']) if (fs.existsSync(path.join(dir, marker))) return { dir, marker };
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** `file` with symbolic links resolved as far as it exists; the rest appended. */
function realPath(file: string): string {
  const abs = path.resolve(file);
  const rest: string[] = [];
  for (let dir = abs; ; dir = path.dirname(dir)) {
    try {
      return path.join(fs.realpathSync.native(dir), ...rest.reverse());
    } catch {
      if (path.dirname(dir) === dir) return abs;
      rest.push(path.basename(dir));
    }
  }
}

/** True when `inner` is strictly below `outer`. */
function isInside(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel !== '' && !isOutside(rel);
}

function isOutside(rel: string): boolean {
  return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
}

/** A folder as the user would name it: relative to `cwd` when inside it, `.` for `cwd`, absolute otherwise. */
export function shownPath(dir: string, cwd: string): string {
  const rel = path.relative(cwd, dir);
  if (rel === '') return '.';
  return (isOutside(rel) ? dir : rel).split(path.sep).join('/');
}
