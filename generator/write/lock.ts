/**
 * One writer per output folder at a time. The lock is a file beside the
 * folder (`<dir>.switchboard-lock`; the folder itself is swapped), created
 * exclusively and naming its owner's pid and host. A second run waits for it
 * (SWITCHBOARD_LOCK_WAIT_MS, default 30 s) and then fails with a message.
 *
 * A lock is stale when its process is dead (on this host) or it is older than
 * ten minutes (a write takes seconds; a pid can be reused). Only a run holding
 * `<lock>.break` may delete someone else's lock, and only after reading it
 * again there, so two runs that both find a lock stale cannot both end up
 * holding the folder.
 *
 * The wait blocks the thread: a writer has nothing else to do meanwhile, and
 * a synchronous `writeOutput` cannot be called without waiting by mistake.
 */
import fs from 'node:fs';
import os from 'node:os';
import { OutputError } from './guard.js';

const LOCK = '.switchboard-lock';
const BREAK = '.break';
const STALE_AFTER_MS = 10 * 60_000;
/** A lock file that cannot be read is being written, unless it is older than this. */
const UNREADABLE_GRACE_MS = 5_000;
const DEFAULT_WAIT_MS = 30_000;

interface Owner {
  pid: number;
  host: string;
  since: string;
}

export function lockPath(outDir: string): string {
  return outDir + LOCK;
}

/** Takes `outDir`'s lock, waiting for another run to finish; returns the release. Throws OutputError after the wait. */
export function acquireLock(outDir: string, waitMs = lockWait()): () => void {
  const file = lockPath(outDir);
  const mine = ownerText();
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    if (create(file, mine)) return () => removeIfStill(file, mine);
    if (breakIfStale(file)) continue;
    if (Date.now() >= deadline) throw busy(outDir, file, waitMs);
    sleep(Math.min(20 * 2 ** attempt, 200) + Math.random() * 20);
  }
}

/** Removes `outDir`'s lock (and break file) if the run holding it is dead: part of recovering after a kill. */
export function clearStaleLock(outDir: string): void {
  const file = lockPath(outDir);
  clearStaleBreak(file + BREAK);
  if (fs.existsSync(file)) breakIfStale(file);
}

/** How long to wait for another run's lock: SWITCHBOARD_LOCK_WAIT_MS, or 30 s. */
export function lockWait(): number {
  const raw = process.env.SWITCHBOARD_LOCK_WAIT_MS;
  const ms = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
  return Number.isFinite(ms) && ms >= 0 ? ms : DEFAULT_WAIT_MS;
}

function ownerText(): string {
  const owner: Owner & { nonce: string } = { pid: process.pid, host: os.hostname(), since: new Date().toISOString(), nonce: Math.random().toString(36).slice(2) };
  return JSON.stringify(owner);
}

/** Creates `file` holding `text` unless it exists. */
function create(file: string, text: string): boolean {
  try {
    fs.writeFileSync(file, text, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'EEXIST') return false;
    throw error;
  }
}

/** Deletes the lock if it is stale, under the break file. True when the lock is gone (try again at once). */
function breakIfStale(file: string): boolean {
  const seen = read(file);
  if (seen === undefined) return true;
  if (!isStale(file, seen)) return false;
  const breaker = file + BREAK;
  const mine = ownerText();
  if (!create(breaker, mine)) {
    clearStaleBreak(breaker);
    return false;
  }
  try {
    if (read(file) === seen) fs.rmSync(file, { force: true });
    return true;
  } finally {
    removeIfStill(breaker, mine);
  }
}

/** A break file lives for microseconds; one whose run died is removed. */
function clearStaleBreak(breaker: string): void {
  const text = read(breaker);
  if (text !== undefined && isStale(breaker, text)) fs.rmSync(breaker, { force: true });
}

function isStale(file: string, text: string): boolean {
  const age = ageMs(file);
  const owner = parseOwner(text);
  if (!owner) return age > UNREADABLE_GRACE_MS;
  if (owner.host === os.hostname() && !isAlive(owner.pid)) return true;
  return age > STALE_AFTER_MS;
}

function busy(outDir: string, file: string, waitMs: number): OutputError {
  const owner = parseOwner(read(file) ?? '');
  const who = owner ? ` (pid ${owner.pid}${owner.host === os.hostname() ? '' : ` on ${owner.host}`}, since ${owner.since})` : '';
  const waited = waitMs >= 1000 ? `${Math.round(waitMs / 1000)} s` : `${waitMs} ms`;
  return new OutputError(
    outDir,
    (dir) =>
      `another switchboard run is writing ${dir}${who}; waited ${waited}, nothing was written. ` +
      `Try again when it has finished, or set SWITCHBOARD_LOCK_WAIT_MS to wait longer; if no run is active, delete ${dir}${LOCK}`,
  );
}

function removeIfStill(file: string, text: string): void {
  if (read(file) === text) fs.rmSync(file, { force: true });
}

function read(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function parseOwner(text: string): Owner | undefined {
  try {
    const o = JSON.parse(text) as Partial<Owner>;
    return typeof o.pid === 'number' && typeof o.host === 'string' && typeof o.since === 'string' ? (o as Owner) : undefined;
  } catch {
    return undefined;
  }
}

function ageMs(file: string): number {
  try {
    return Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
