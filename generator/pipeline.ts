/**
 * load → model → emitters → format → write (or compare, for --check).
 *
 * Every target is built in memory first; files are written only when every
 * target succeeded, so one broken spec leaves all output folders untouched.
 */
import path from 'node:path';
import { EMITTERS, type EmittedFile, type Emitter } from './emit/index.js';
import { compareText } from './issues.js';
import { loadSpec } from './load/index.js';
import { buildModel } from './model/build.js';
import type { ApiModel } from './model/types.js';
import { formatFiles } from './write/format.js';
import { assertSafePath, checkOutput, writeOutput, type Drift } from './write/output.js';

export interface Target {
  spec: string;
  outDir: string;
  /** API short name; defaults to the spec's file stem. */
  name?: string;
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
  /** Set in check mode. */
  drift?: Drift;
}

export interface GenerateOptions {
  check?: boolean;
  emitters?: readonly Emitter[];
}

/** Builds every target, then writes (or checks) them all. Throws SpecError on spec problems. */
export async function generate(targets: Target[], options: GenerateOptions = {}): Promise<TargetResult[]> {
  // Each target is formatted (in worker threads when it is large) while the next one is loaded and emitted.
  const formatting: Promise<TargetResult>[] = [];
  for (const target of targets) {
    const pending = formatTarget(await emitTarget(target, options.emitters ?? EMITTERS));
    pending.catch(() => undefined); // awaited below; a spec error in a later target must not leave it unhandled
    formatting.push(pending);
  }
  const results = await Promise.all(formatting);
  for (const result of results) {
    const started = performance.now();
    if (options.check) result.drift = checkOutput(result.target.outDir, result.files);
    else writeOutput(result.target.outDir, result.files);
    result.timings.push({ phase: options.check ? 'check' : 'write', ms: performance.now() - started });
  }
  return results;
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
  const model = await time('model', () => buildModel(loaded, target.name));
  if (target.version) await time('version', async () => (model.release = await (await import('./diff/version.js')).releaseFor(model, target)));
  const emitted: EmittedFile[] = [];
  for (const emitter of emitters) emitted.push(...(await time(`emit:${emitter.name}`, () => emitter.emit(model))));
  return { target, model, files: dedupe(emitted), timings };
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
