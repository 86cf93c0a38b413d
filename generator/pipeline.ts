/**
 * load → model → emitters → format → write (or compare, for --check).
 *
 * Every target is built in memory first; files are written only when every
 * target succeeded and every output folder may be written (`planOutput`), so
 * one broken spec or one refused folder leaves all output folders untouched.
 */
import path from 'node:path';
import { EMITTERS, type EmittedFile, type Emitter } from './emit/index.js';
import { compareText, sortIssues, type Issue } from './issues.js';
import { loadSpec } from './load/index.js';
import { buildModel } from './model/build.js';
import type { ApiModel } from './model/types.js';
import { formatFiles } from './write/format.js';
import { planOutput, type OutputOptions } from './write/guard.js';
import { manifestLists, withManifest } from './write/manifest.js';
import { assertSafePath, checkOutput, writeOutput, type Drift } from './write/output.js';

export interface Target {
  spec: string;
  outDir: string;
  /** API short name; defaults to the spec's file stem. */
  name?: string;
  /** npm package name (already validated); defaults to `@switchboard/<name>`. */
  packageName?: string;
  /**
   * The package version: `'auto'` bumps the previous output's version by a diff
   * against its bundled spec and keeps CHANGELOG.md (diff/version.ts); a semver
   * string fixes it; by default it is `info.version`.
   */
  version?: string;
}

export interface PhaseTiming {
  phase: string;
  ms: number;
}

export interface TargetResult {
  target: Target;
  model: ApiModel;
  files: EmittedFile[];
  timings: PhaseTiming[];
  /** Located warnings from loading and modelling (an operation without operationId, …); they never fail a run. */
  warnings: Issue[];
  /** Set in check mode. */
  drift?: Drift;
}

export interface GenerateOptions {
  check?: boolean;
  emitters?: readonly Emitter[];
  /** Write into output folders Switchboard did not write (never into the protected ones). */
  force?: boolean;
  /** The folder the command runs in (default: the process's); it and every folder above it are never written. */
  cwd?: string;
}

/**
 * Builds every target, then writes (or checks) them all. Throws SpecError on
 * spec problems and OutputError (from write/guard.ts) for a folder that may
 * not be written, in both cases before anything is written.
 */
export async function generate(targets: Target[], options: GenerateOptions = {}): Promise<TargetResult[]> {
  // A refused folder fails the run before any spec is loaded.
  if (!options.check) for (const target of targets) planOutput(target.outDir, undefined, outputOptions(target, options));
  // Each target is formatted (in worker threads when it is large) while the next one is loaded and emitted.
  const formatting: Promise<TargetResult>[] = [];
  for (const target of targets) {
    const pending = formatTarget(await emitTarget(target, options.emitters ?? EMITTERS));
    pending.catch(() => undefined); // awaited below; a spec error in a later target must not leave it unhandled
    formatting.push(pending);
  }
  const results = await Promise.all(formatting);
  if (!options.check) for (const r of results) planOutput(r.target.outDir, new Set(withManifest(r.files).map((f) => f.path)), outputOptions(r.target, options));
  for (const result of results) {
    const started = performance.now();
    if (options.check) result.drift = checkOutput(result.target.outDir, result.files);
    else writeOutput(result.target.outDir, result.files, outputOptions(result.target, options));
    result.timings.push({ phase: options.check ? 'check' : 'write', ms: performance.now() - started });
  }
  return results;
}

/** What the writer needs to know to refuse a folder for `target`. */
export function outputOptions(target: Target, options: { force?: boolean; cwd?: string }): OutputOptions {
  return { force: options.force, cwd: options.cwd, spec: target.spec };
}

/** Load, model, emit and format one target, in memory. */
export async function build(target: Target, emitters: readonly Emitter[] = EMITTERS): Promise<TargetResult> {
  return formatTarget(await emitTarget(target, emitters));
}

/** Load, model and emit: the files as the emitters wrote them, sorted and checked. */
async function emitTarget(target: Target, emitters: readonly Emitter[]): Promise<TargetResult> {
  const timings: PhaseTiming[] = [];
  const time = async <T>(phase: string, fn: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const value = await fn();
    timings.push({ phase, ms: performance.now() - started });
    return value;
  };
  const loaded = await time('load', () => loadSpec(target.spec));
  const model = await time('model', () => buildModel(loaded, target.name, target.packageName));
  // A CHANGELOG.md that `--version auto` wrote is kept on every later run.
  if (target.version || manifestLists(target.outDir, 'CHANGELOG.md')) {
    await time('version', async () => (model.release = await (await import('./diff/version.js')).releaseFor(model, target)));
  }
  const emitted: EmittedFile[] = [];
  for (const emitter of emitters) emitted.push(...(await time(`emit:${emitter.name}`, () => emitter.emit(model))));
  const warnings = sortIssues([...loaded.warnings, ...model.warnings]);
  return { target, model, files: dedupe(emitted), timings, warnings };
}

async function formatTarget(result: TargetResult): Promise<TargetResult> {
  const started = performance.now();
  const files = await formatFiles(result.files);
  return { ...result, files, timings: [...result.timings, { phase: 'format', ms: performance.now() - started }] };
}

/** Sorted by path (code units); two emitters writing one path is a generator bug. */
function dedupe(files: EmittedFile[]): EmittedFile[] {
  const seen = new Set<string>();
  for (const f of files) {
    assertSafePath(f.path);
    if (seen.has(f.path)) throw new Error(`internal error: two emitters wrote ${f.path}`);
    seen.add(f.path);
  }
  return [...files].sort((a, b) => compareText(a.path, b.path));
}

/** `specs/plivo.yaml` → `plivo`. */
export function specName(spec: string): string {
  return path.basename(spec).replace(/\.[^.]*$/, '');
}
