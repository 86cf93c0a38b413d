/**
 * `switchboard generate --watch`: generate every target, then regenerate a
 * target when its spec, a file its spec `$ref`s, or a template changes.
 *
 * Folders are watched rather than files, so an editor's save-by-rename is
 * seen. Events are debounced and runs never overlap. A spec that breaks
 * mid-edit prints its located errors and keeps the last good output (the
 * pipeline writes nothing for a failed target); the watcher never exits on a
 * bad spec. It stops on SIGINT/SIGTERM or when `signal` aborts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { reloadTemplates } from '../emit/docs/render.js';
import { formatIssue, SpecError } from '../issues.js';
import { loadForLint } from '../lint/load.js';
import { templatesDir } from '../paths.js';
import { build, outputOptions, type Target, type TargetResult } from '../pipeline.js';
import { OutputError, planOutput, type OutputOptions } from '../write/guard.js';
import { MANIFEST } from '../write/manifest.js';
import { checkOutput, writeOutput } from '../write/output.js';
import { startProgress, type StatusStream } from './progress.js';
import type { Io } from './shared.js';

export interface WatchOptions {
  /** Errors only: no warnings, no progress. */
  quiet: boolean;
  /** Write into output folders Switchboard did not write (never into the protected ones). */
  force?: boolean;
  /** Stops watching when aborted (tests, embedding); SIGINT/SIGTERM also stop it. */
  signal?: AbortSignal;
  /** Where the progress line goes (only drawn on a TTY). */
  status?: StatusStream;
  debounceMs?: number;
  /** One finished target in the caller's summary format (counts, and timings when verbose). */
  describe(result: TargetResult): string;
}

interface Watched {
  target: Target;
  deps: Set<string>;
  ok: boolean;
}

const SPEC_EXT = /\.(ya?ml|json)$/i;

/** Watches until stopped; resolves 0. A refused output folder throws OutputError before anything is watched. */
export async function watchTargets(targets: Target[], io: Io, options: WatchOptions): Promise<number> {
  for (const target of targets) planOutput(target.outDir, undefined, outputOptions(target, { force: options.force, cwd: io.cwd }));
  const stop = stopped(options.signal);
  const session = new WatchSession(targets, io, options);
  await session.runAll(session.watched);
  session.say(`watching ${targets.length === 1 ? shown(targets[0].spec, io.cwd) : `${targets.length} specs`} and templates; Ctrl-C stops`);
  await stop;
  await session.close();
  session.say('stopped watching');
  return 0;
}

/** The folders being watched, the pending changes and the queue of runs. */
class WatchSession {
  readonly watched: Watched[];
  private readonly templateDirs = [templatesDir()].filter((d) => fs.existsSync(d));
  private readonly watchers = new Map<string, fs.FSWatcher>();
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private queue = Promise.resolve();

  constructor(
    targets: Target[],
    private readonly io: Io,
    private readonly options: WatchOptions,
  ) {
    this.watched = targets.map((target) => ({ target, deps: new Set([target.spec]), ok: false }));
  }

  say(line: string): void {
    if (!this.options.quiet) this.io.out(line);
  }

  /** Regenerates `list` one after another, then watches the folders their files are in now. */
  async runAll(list: Watched[]): Promise<void> {
    for (const w of list) await runOne(w, this.io, this.options);
    this.syncWatchers();
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
    await this.queue;
  }

  private syncWatchers(): void {
    const dirs = new Set(this.watched.flatMap((w) => [...w.deps].map((d) => path.dirname(d))));
    for (const [dir, w] of this.watchers) {
      if (!dirs.has(dir) && !this.templateDirs.includes(dir)) (w.close(), this.watchers.delete(dir));
    }
    for (const dir of [...dirs, ...this.templateDirs]) if (!this.watchers.has(dir)) this.watchDir(dir);
  }

  private watchDir(dir: string): void {
    try {
      const recursive = this.templateDirs.includes(dir);
      const w = fs.watch(dir, { recursive }, (_event, name) => this.onEvent(name ? path.join(dir, name.toString()) : dir));
      w.on('error', () => (w.close(), this.watchers.delete(dir)));
      this.watchers.set(dir, w);
    } catch {
      // The folder vanished; it is watched again once a run finds it.
    }
  }

  private onEvent(file: string): void {
    this.pending.add(file);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.options.debounceMs ?? 80);
  }

  private flush(): void {
    const changed = [...this.pending];
    this.pending.clear();
    const hits = affected(this.watched, changed, this.templateDirs);
    if (hits.length === 0) return;
    if (changed.some((f) => inTemplates(f, this.templateDirs))) reloadTemplates();
    const relevant = changed.filter((f) => affected(this.watched, [f], this.templateDirs).length > 0);
    this.say(`changed: ${relevant.map((f) => shown(f, this.io.cwd)).join(', ')}`);
    this.queue = this.queue.then(() => this.runAll(hits));
  }
}

/** Generates one target; on failure prints located errors and keeps the previous output. */
async function runOne(w: Watched, io: Io, options: WatchOptions): Promise<void> {
  const name = shown(w.target.spec, io.cwd);
  const progress = startProgress(options.status ?? { write: () => {} }, `generating ${name}…`, { enabled: !options.quiet, color: io.color });
  const started = performance.now();
  try {
    const { result, changed } = await regenerate(w.target, outputOptions(w.target, { force: options.force, cwd: io.cwd }));
    progress.stop();
    w.ok = true;
    const what = changed === 0 ? 'no file changed' : `${changed} file${changed === 1 ? '' : 's'} changed`;
    if (!options.quiet) for (const warning of result.warnings) io.err(formatIssue(warning, io.cwd));
    if (!options.quiet) io.out(`${options.describe(result)} — ${what} in ${Math.round(performance.now() - started)} ms`);
  } catch (error) {
    progress.stop();
    w.ok = false;
    const kept = fs.existsSync(w.target.outDir) ? `kept the last good output in ${shown(w.target.outDir, io.cwd)}` : 'nothing written';
    if (error instanceof OutputError) {
      io.err(`${name}: ${error.shown(io.cwd)}`);
    } else if (!(error instanceof SpecError)) {
      const message = (error as Error).message.replace(/^internal error: /, '');
      io.err(`${name}: internal error: ${message}; ${kept}`);
    } else {
      for (const issue of error.issues) io.err(formatIssue(issue, io.cwd));
      io.err(`${name}: ${error.issues.length} error${error.issues.length === 1 ? '' : 's'}; ${kept}`);
    }
  }
  const files = loadForLint(w.target.spec).files?.all() ?? [];
  w.deps = new Set([w.target.spec, ...files.map((f) => f.path)]);
}

/** Builds in memory and writes only when some file differs from what is on disk. */
async function regenerate(target: Target, output: OutputOptions): Promise<{ result: TargetResult; changed: number }> {
  const result = await build(target);
  const started = performance.now();
  const drift = Object.values(checkOutput(target.outDir, result.files)).flat();
  if (drift.length > 0) writeOutput(target.outDir, result.files, output);
  // Counted as the summary counts files: the manifest, which follows them, is not one.
  const changed = drift.filter((f) => f !== MANIFEST).length;
  result.timings.push({ phase: 'write', ms: performance.now() - started });
  return { result, changed };
}

/** Targets to regenerate: every one on a template change, else those the changed files touch. */
function affected(watched: Watched[], changed: string[], templateDirs: string[]): Watched[] {
  if (changed.some((f) => inTemplates(f, templateDirs))) return watched;
  return watched.filter((w) => changed.some((f) => touches(w, f)));
}

function inTemplates(file: string, templateDirs: string[]): boolean {
  return templateDirs.some((d) => file === d || file.startsWith(d + path.sep));
}

/** A file of the target; its folder (an event without a file name); or, while the target is broken, any spec-like file beside its files. */
function touches(w: Watched, file: string): boolean {
  if (w.deps.has(file)) return true;
  const dirs = [...w.deps].map((d) => path.dirname(d));
  if (dirs.includes(file)) return true;
  return !w.ok && SPEC_EXT.test(file) && dirs.includes(path.dirname(file));
}

function shown(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file).split(path.sep).join('/');
}

/** Resolves on SIGINT, SIGTERM or `signal` abort. */
function stopped(signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    if (signal?.aborted) done();
    else signal?.addEventListener('abort', done);
  });
}
