/**
 * Runs one command as a whole process and measures its wall time and peak
 * resident memory.
 *
 * Peak RSS comes from GNU `/usr/bin/time` when it is installed (`%M`, the
 * kernel's maxrss of the child and its descendants). Without it, `/proc/<pid>`
 * of the child is polled for VmHWM every 10 ms, which misses memory held only
 * in the last few milliseconds and in grandchildren; the report says which
 * source was used.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';

export interface RunResult {
  ms: number;
  /** Peak resident memory, MiB; undefined when it could not be read. */
  rssMiB?: number;
  /** User + system CPU time of the process and its children, ms (GNU time only). */
  cpuMs?: number;
  code: number | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  timeoutMs: number;
  env?: NodeJS.ProcessEnv;
}

const GNU_TIME = '/usr/bin/time';
const RSS_MARK = '__bench_maxrss_kb=';

/** `gnu-time` when GNU time is installed, else `proc-poll`. */
export const RSS_SOURCE: 'gnu-time' | 'proc-poll' = hasGnuTime() ? 'gnu-time' : 'proc-poll';

function hasGnuTime(): boolean {
  try {
    fs.accessSync(GNU_TIME, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Runs `command args` to completion (or until the time limit) and measures it. */
export function run(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  const [file, argv] = RSS_SOURCE === 'gnu-time' ? [GNU_TIME, ['-f', `${RSS_MARK}%M %U %S`, command, ...args]] : [command, args];
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(file, argv, { cwd: options.cwd, env: { ...(options.env ?? process.env), SWITCHBOARD_CACHE: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout = tail(stdout + d.toString())));
    child.stderr.on('data', (d: Buffer) => (stderr = tail(stderr + d.toString())));
    let polledKiB = 0;
    const poll = RSS_SOURCE === 'proc-poll' ? setInterval(() => (polledKiB = Math.max(polledKiB, vmHwmKiB(child.pid))), 10) : undefined;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      const { rest, kib, cpuMs } = takeRss(stderr);
      const peak = RSS_SOURCE === 'gnu-time' ? kib : polledKiB || undefined;
      resolve({ ms, rssMiB: peak === undefined ? undefined : peak / 1024, cpuMs, code, timedOut, stdout, stderr: rest });
    });
  });
}

/** Keeps the last 64 KiB of a stream: enough to show an error, bounded for chatty tools. */
function tail(text: string): string {
  return text.length > 65536 ? text.slice(-65536) : text;
}

/** Splits GNU time's line (`maxrss_kb user_s system_s`) off the child's stderr. */
function takeRss(stderr: string): { rest: string; kib?: number; cpuMs?: number } {
  const at = stderr.lastIndexOf(RSS_MARK);
  if (at < 0) return { rest: stderr };
  const [kib, user, system] = stderr.slice(at + RSS_MARK.length).trim().split(/\s+/).map(Number);
  const cpuMs = Number.isFinite(user) && Number.isFinite(system) ? (user + system) * 1000 : undefined;
  const rest = stderr.slice(0, at).replace(/Command (exited with non-zero status \d+|terminated by signal \d+)\n$/, '');
  return { rest, kib: Number.isFinite(kib) ? kib : undefined, cpuMs };
}

function vmHwmKiB(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** The median of a non-empty list (mean of the two middle values for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
