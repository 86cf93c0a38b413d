/**
 * Writing output so that it is never half-written and nothing of the user's
 * is lost. All files go to a staging folder beside the output folder,
 * together with a manifest listing them; the user's entries in the old
 * output (everything its manifest does not list) are moved across, and the
 * staging folder is swapped in. A kill between the two renames of the swap is
 * repaired on the next run (`recoverOutput`). One run at a time writes a
 * folder (`lock.ts`), and only a folder `planOutput` allows (`guard.ts`).
 * Nothing is ever written outside the output folder: every relative path is
 * checked first.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { EmittedFile } from '../emit/types.js';
import { compareText } from '../issues.js';
import { OutputError, planOutput, type OutputOptions } from './guard.js';
import { acquireLock, clearStaleLock, isAlive } from './lock.js';
import { isPlainRelative, MANIFEST, readManifest, withManifest } from './manifest.js';
import { folderState, moveUnowned, walkFiles } from './ownership.js';

const STAGING = '.switchboard-staging';
const BACKUP = '.switchboard-previous';
/** What an earlier version moved into its staging folder, for recovering a staging folder without a manifest. */
const EARLIER_KEPT = ['node_modules', 'dist'];

/** Throws unless `rel` is a plain relative path that stays inside its folder. */
export function assertSafePath(rel: string): void {
  if (!isPlainRelative(rel)) throw new Error(`internal error: refusing to write unsafe output path ${JSON.stringify(rel)}`);
}

/**
 * Replaces Switchboard's files in `outDir` with exactly `files` (plus the
 * manifest), keeping every other entry, atomically from the user's point of
 * view. Throws OutputError when the folder may not be written or another run
 * holds it for longer than the lock wait.
 */
export function writeOutput(outDir: string, files: EmittedFile[], options: OutputOptions = {}): void {
  for (const f of files) assertSafePath(f.path);
  const all = withManifest(files);
  planOutput(outDir, undefined, options); // before anything is created beside the folder
  try {
    fs.mkdirSync(path.dirname(outDir), { recursive: true });
    const release = acquireLock(outDir);
    try {
      recoverOutput(outDir);
      const state = planOutput(outDir, new Set(all.map((f) => f.path)), options);
      replace(outDir, all, state.owned);
    } finally {
      release();
    }
  } catch (error) {
    throw asOutputError(outDir, error);
  }
}

/** A failing file system call (no permission, no space, a file in the way) as a message, not a stack trace. */
function asOutputError(outDir: string, error: unknown): unknown {
  if (error instanceof OutputError || !(error instanceof Error) || typeof (error as { code?: unknown }).code !== 'string') return error;
  return new OutputError(outDir, (dir) => `could not write ${dir}: ${error.message}; it was left as it was`);
}

function replace(outDir: string, files: EmittedFile[], owned: ReadonlySet<string>): void {
  const staging = `${outDir}${STAGING}-${process.pid}`;
  const moved: string[] = [];
  try {
    // The manifest first: recovery tells the user's entries in a staging folder by it.
    const manifest = files.find((f) => f.path === MANIFEST)!;
    for (const file of [manifest, ...files.filter((f) => f !== manifest)]) {
      const target = path.join(staging, ...file.path.split('/'));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, file.content);
    }
    if (fs.existsSync(outDir)) moveUnowned(outDir, staging, owned, moved);
    swap(outDir, staging);
  } catch (error) {
    // Give back what we moved, then drop the staging folder. Should the output
    // folder be missing (a swap that could not be undone), both stay for the
    // next run's recoverOutput, which restores the backup and the user's entries.
    if (fs.existsSync(outDir)) {
      moveBack(staging, outDir, moved);
      fs.rmSync(staging, { recursive: true, force: true });
    }
    throw error;
  }
}

function swap(outDir: string, staging: string): void {
  const backup = outDir + BACKUP;
  const had = fs.existsSync(outDir);
  if (had) fs.renameSync(outDir, backup);
  try {
    fs.renameSync(staging, outDir);
  } catch (error) {
    if (had) fs.renameSync(backup, outDir);
    throw error;
  }
  fs.rmSync(backup, { recursive: true, force: true });
}

function moveBack(from: string, to: string, moved: string[]): void {
  for (const rel of moved) {
    const target = path.join(to, rel);
    if (fs.existsSync(target) || !fs.existsSync(path.join(from, rel))) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.renameSync(path.join(from, rel), target);
  }
}

/** Restores the previous output if an earlier run was killed in the middle of its write, and drops its lock. */
export function recoverOutput(outDir: string): void {
  clearStaleLock(outDir);
  const backup = outDir + BACKUP;
  if (fs.existsSync(backup)) {
    if (!fs.existsSync(outDir)) fs.renameSync(backup, outDir);
    else fs.rmSync(backup, { recursive: true, force: true });
  }
  // Staging folders of runs that died; a live run's folder is left alone.
  for (const staging of listSiblings(outDir, STAGING)) {
    if (isAlive(Number(staging.slice(staging.lastIndexOf('-') + 1)))) continue;
    // A run killed after moving the user's entries into staging: give them back first.
    if (fs.existsSync(outDir)) rescueUserEntries(staging, outDir);
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Moves what is not Switchboard's (not in the staging manifest) from a dead run's staging folder back into `outDir`. */
function rescueUserEntries(staging: string, outDir: string): void {
  const listed = readManifest(staging);
  if (listed instanceof Set) {
    moveUnowned(staging, outDir, new Set([...listed, MANIFEST]));
    return;
  }
  // No manifest: a staging folder of an earlier version, which kept only these.
  for (const entry of EARLIER_KEPT) {
    const from = path.join(staging, entry);
    if (fs.existsSync(from) && !fs.existsSync(path.join(outDir, entry))) fs.renameSync(from, path.join(outDir, entry));
  }
}

export interface Drift {
  changed: string[];
  missing: string[];
  /** Files Switchboard wrote before that it would no longer write; the user's files are never drift. */
  extra: string[];
}

/** Compares `files` (and the manifest listing them) with what is on disk, writing nothing. */
export function checkOutput(outDir: string, files: EmittedFile[]): Drift {
  const expected = withManifest(files);
  const paths = new Set(expected.map((f) => f.path));
  const drift: Drift = { changed: [], missing: [], extra: [] };
  for (const file of expected) {
    const disk = readIfFile(path.join(outDir, file.path));
    if (disk === undefined) drift.missing.push(file.path);
    else if (!sameBytes(disk, file.content)) drift.changed.push(file.path);
  }
  const { owned } = folderState(outDir, paths);
  drift.extra = [...owned].filter((rel) => !paths.has(rel) && readIfFile(path.join(outDir, rel)) !== undefined).sort(compareText);
  return drift;
}

export function hasDrift(d: Drift): boolean {
  return d.changed.length + d.missing.length + d.extra.length > 0;
}

/** Every file below `dir` as a POSIX relative path, `node_modules/` excluded (`dist/` is generated output). */
export function listFiles(dir: string): string[] {
  return walkFiles(dir, '', (name) => name === 'node_modules');
}

function readIfFile(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined; // absent, or a folder where a file belongs
  }
}

function sameBytes(disk: Buffer, content: string | Uint8Array): boolean {
  return disk.equals(typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content));
}

function listSiblings(outDir: string, marker: string): string[] {
  const dir = path.dirname(outDir);
  const base = path.basename(outDir) + marker;
  try {
    return fs.readdirSync(dir).filter((n) => n.startsWith(base)).map((n) => path.join(dir, n));
  } catch {
    return [];
  }
}
