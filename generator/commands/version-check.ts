/**
 * The version side of `generate`: `--version auto|X.Y.Z`, and in `--check`
 * mode, a failure when the spec breaks consumers but the package version
 * does not say so (diff/version.ts).
 */
import path from 'node:path';
import semver from 'semver';
import type { Target, TargetResult } from '../pipeline.js';
import { UsageError, type Io } from './shared.js';

/** Targets with the `--version` option applied (checked here, so a typo is a usage error). */
export function withVersion(targets: Target[], version: string | undefined): Target[] {
  if (version === undefined) return targets;
  if (version !== 'auto' && !semver.valid(version)) throw new UsageError(`--version must be auto or a semver version (1.2.3), not ${JSON.stringify(version)}`);
  return targets.map((t) => ({ ...t, version }));
}

/** Exit 1 when a package with a fixed version gets breaking changes without a new major (or 0.x minor). */
export async function reportUnannouncedBreaks(results: TargetResult[], io: Io): Promise<number> {
  const { unannouncedBreaks } = await import('../diff/version.js');
  const { semver: fromInfoVersion } = await import('../emit/package/index.js');
  let failed = 0;
  for (const r of results) {
    if (r.target.version === 'auto') continue;
    const version = r.model.release?.version ?? fromInfoVersion(r.model.version);
    const found = await unannouncedBreaks(r.model, version, r.target.outDir);
    if (!found) continue;
    failed = 1;
    const where = path.relative(io.cwd, r.target.outDir) || '.';
    const breaking = found.report.changes.filter((c) => c.kind === 'breaking');
    io.err(`${where}: ${breaking.length} breaking change${breaking.length === 1 ? '' : 's'}, but version ${version} is still in ^${found.previous}:`);
    for (const c of breaking) io.err(`  ${c.code}  ${c.message}`);
    io.err(`bump the major version (info.version) or generate with --version auto`);
  }
  return failed;
}
