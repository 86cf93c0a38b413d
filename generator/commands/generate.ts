/** `switchboard generate [SPEC...] [--out DIR] [--force] [--package-name NAME] [--check] [--watch] [--quiet | --verbose]` */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatIssue } from '../issues.js';
import { generate, type Target, type TargetResult } from '../pipeline.js';
import { packageNameProblem } from '../model/names.js';
import { hasDrift } from '../write/output.js';
import { startProgress, type StatusStream } from './progress.js';
import { defaultSpecs, outputName, UsageError, type Io } from './shared.js';
import { withVersion } from './version-check.js';


/** `status` is where the progress line goes; it is drawn only when that stream is a TTY. */
export async function generateCommand(args: string[], io: Io, status: StatusStream = process.stderr): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      'package-name': { type: 'string' },
      check: { type: 'boolean', default: false },
      watch: { type: 'boolean', short: 'w', default: false },
      quiet: { type: 'boolean', short: 'q', default: false },
      verbose: { type: 'boolean', short: 'v', default: false },
      version: { type: 'string' },
    },
  });
  if (values.watch && values.check) throw new UsageError('--watch and --check cannot be used together');
  if (values.force && values.check) throw new UsageError('--force and --check cannot be used together: --check writes nothing');
  if (values.watch && values.version === 'auto') throw new UsageError('--watch and --version auto cannot be used together (every save would be a release)');
  if (values.quiet && values.verbose) throw new UsageError('--quiet and --verbose cannot be used together');
  const targets = withVersion(withPackageName(resolveTargets(positionals, values.out, io.cwd), values['package-name']), values.version);
  if (values.watch) {
    const describe = (r: TargetResult) => summaryLine(r, io.cwd, values.verbose);
    const { watchTargets } = await import('./watch.js');
    return watchTargets(targets, io, { quiet: values.quiet, force: values.force, status, describe });
  }
  const started = performance.now();
  const what = targets.length === 1 ? path.relative(io.cwd, targets[0].spec) || targets[0].spec : `${targets.length} specs`;
  const progress = startProgress(status, `${values.check ? 'checking' : 'generating'} ${what}…`, { enabled: !values.quiet, color: io.color });
  let results: TargetResult[];
  try {
    results = await generate(targets, { check: values.check, force: values.force, cwd: io.cwd });
  } finally {
    progress.stop();
  }
  const elapsed = performance.now() - started;
  if (!values.quiet) printWarnings(results, io);
  if (values.check) {
    const drift = reportDrift(results, io, values.quiet);
    return Math.max(drift, await (await import('./version-check.js')).reportUnannouncedBreaks(results, io));
  }
  if (!values.quiet) {
    for (const r of results) io.out(summaryLine(r, io.cwd, values.verbose));
    io.out(`generated ${results.length} package${results.length === 1 ? '' : 's'} in ${Math.round(elapsed)} ms`);
  }
  return 0;
}

/** Which specs go where. */
export function resolveTargets(specs: string[], out: string | undefined, cwd: string): Target[] {
  const list = specs.length > 0 ? specs.map((s) => path.resolve(cwd, s)) : defaultSpecs(cwd);
  if (out !== undefined && out.trim() === '') throw new UsageError('--out needs a folder');
  return list.map((spec) => ({
    spec,
    outDir:
      out === undefined
        ? path.join(cwd, 'generated', outputName(spec))
        : list.length === 1
          ? path.resolve(cwd, out)
          : path.join(path.resolve(cwd, out), outputName(spec)),
  }));
}

/** Located warnings (`file:line:col warning code message`) on stderr; they never fail the run. */
export function printWarnings(results: TargetResult[], io: Io): void {
  for (const r of results) for (const w of r.warnings) io.err(formatIssue(w, io.cwd));
}

/** `--package-name NAME` names the one package being generated; NAME must be a valid npm package name. */
export function withPackageName(targets: Target[], packageName: string | undefined): Target[] {
  if (packageName === undefined) return targets;
  if (targets.length !== 1) throw new UsageError(`--package-name names one package: give exactly one SPEC (got ${targets.length})`);
  const problem = packageNameProblem(packageName);
  if (problem) throw new UsageError(`--package-name ${JSON.stringify(packageName)} is not a valid npm package name: ${problem}`);
  return [{ ...targets[0], packageName }];
}

/** `generated/plivo: 22 operations, 44 schemas, 4 files`, with phase timings when verbose. */
export function summaryLine(r: TargetResult, cwd: string, verbose: boolean): string {
  const m = r.model;
  const version = r.target.version ? `, version ${m.release?.version}` : '';
  const head = `${path.relative(cwd, r.target.outDir) || '.'}: ${m.operations.length} operations, ${m.schemas.length} schemas, ${r.files.length} files${version}`;
  if (!verbose) return head;
  return `${head} (${r.timings.map((t) => `${t.phase} ${t.ms.toFixed(0)} ms`).join(', ')})`;
}

function reportDrift(results: TargetResult[], io: Io, quiet: boolean): number {
  let drifted = false;
  for (const r of results) {
    const d = r.drift!;
    const where = path.relative(io.cwd, r.target.outDir) || '.';
    if (!hasDrift(d)) {
      if (!quiet) io.out(`${where}: up to date`);
      continue;
    }
    drifted = true;
    for (const f of d.changed) io.err(`${where}/${f}: differs`);
    for (const f of d.missing) io.err(`${where}/${f}: missing`);
    for (const f of d.extra) io.err(`${where}/${f}: extra`);
  }
  if (drifted) io.err('generated output is out of date: run `switchboard generate`');
  return drifted ? 1 : 0;
}
