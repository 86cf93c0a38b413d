/**
 * Writing output so that it is never half-written. All files go to a staging
 * folder beside the output folder, which is swapped in only when everything
 * was written. A kill between the two renames of the swap is repaired on the
 * next run (`recoverOutput`). Nothing is ever written outside the output
 * folder: every relative path is checked first.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { EmittedFile } from '../emit/types.js';
import { compareText } from '../issues.js';

/** Entries of an output folder that belong to the user, not to us: kept across generations. (`dist/` is generated output.) */
export const KEPT_ENTRIES = ['node_modules'];

const STAGING = '.switchboard-staging';
const BACKUP = '.switchboard-previous';

/** Throws unless `rel` is a plain relative path that stays inside its folder. */
export function assertSafePath(rel: string): void {
  const bad =
    rel === '' ||
    rel.includes('\\') ||
    rel.includes('\0') ||
    path.posix.isAbsolute(rel) ||
    /^[a-zA-Z]:/.test(rel) ||
    rel.split('/').some((s) => s === '' || s === '.' || s === '..' || /%2e|%2f|%5c/i.test(s));
  if (bad) throw new Error(`internal error: refusing to write unsafe output path ${JSON.stringify(rel)}`);
}

/** Restores the previous output if an earlier run was killed in the middle of its swap. */
export function recoverOutput(outDir: string): void {
  const backup = outDir + BACKUP;
  if (fs.existsSync(backup)) {
    if (!fs.existsSync(outDir)) fs.renameSync(backup, outDir);
    else fs.rmSync(backup, { recursive: true, force: true });
  }
  // Staging folders of runs that died; a live concurrent run's folder is left alone.
  for (const entry of listSiblings(outDir, STAGING)) {
    const pid = Number(entry.slice(entry.lastIndexOf('-') + 1));
    if (isAlive(pid)) continue;
    // A run killed after moving the user's build folders into staging: give them back first.
    if (fs.existsSync(outDir)) rescueKept(entry, outDir);
    fs.rmSync(entry, { recursive: true, force: true });
  }
}

/** Moves kept entries (dist, node_modules) from `from` back into `to` where `to` lacks them. */
function rescueKept(from: string, to: string): void {
  for (const entry of KEPT_ENTRIES) {
    const moved = path.join(from, entry);
    if (fs.existsSync(moved) && !fs.existsSync(path.join(to, entry))) fs.renameSync(moved, path.join(to, entry));
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/** Replaces `outDir` with exactly `files` (plus kept entries), atomically from the user's point of view. */
export function writeOutput(outDir: string, files: EmittedFile[]): void {
  for (const f of files) assertSafePath(f.path);
  recoverOutput(outDir);
  fs.mkdirSync(path.dirname(outDir), { recursive: true });
  const staging = `${outDir}${STAGING}-${process.pid}`;
  try {
    for (const file of files) {
      const target = path.join(staging, ...file.path.split('/'));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, file.content);
    }
    for (const entry of KEPT_ENTRIES) {
      const from = path.join(outDir, entry);
      if (fs.existsSync(from) && !fs.existsSync(path.join(staging, entry))) fs.renameSync(from, path.join(staging, entry));
    }
    swap(outDir, staging);
  } catch (error) {
    // Give back anything we moved, then drop the staging folder.
    if (fs.existsSync(outDir)) rescueKept(staging, outDir);
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

function swap(outDir: string, staging: string): void {
  const backup = outDir + BACKUP;
  if (fs.existsSync(outDir)) fs.renameSync(outDir, backup);
  fs.renameSync(staging, outDir);
  fs.rmSync(backup, { recursive: true, force: true });
}

export interface Drift {
  changed: string[];
  missing: string[];
  extra: string[];
}

/** Compares `files` with what is on disk, writing nothing. */
export function checkOutput(outDir: string, files: EmittedFile[]): Drift {
  const onDisk = new Set(listFiles(outDir));
  const drift: Drift = { changed: [], missing: [], extra: [] };
  for (const file of files) {
    if (!onDisk.delete(file.path)) drift.missing.push(file.path);
    else if (!sameBytes(fs.readFileSync(path.join(outDir, file.path)), file.content)) drift.changed.push(file.path);
  }
  drift.extra = [...onDisk].sort(compareText);
  drift.changed.sort(compareText);
  drift.missing.sort(compareText);
  return drift;
}

export function hasDrift(d: Drift): boolean {
  return d.changed.length + d.missing.length + d.extra.length > 0;
}

/** Every file below `dir` as a POSIX relative path, kept entries excluded. */
export function listFiles(dir: string, prefix = ''): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(path.join(dir, prefix), { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (!prefix && KEPT_ENTRIES.includes(e.name)) continue;
    if (e.isDirectory()) out.push(...listFiles(dir, rel));
    else out.push(rel);
  }
  return out;
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
