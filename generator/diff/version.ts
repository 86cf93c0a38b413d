/**
 * Versions a consumer can trust. The previous output folder carries the spec
 * it was generated from (`openapi.json`) and its version (`package.json`);
 * a diff against it says what the new package must be:
 *
 * - `version: 'auto'`: the previous version bumped by the diff (major for a
 *   break, minor for a feature, patch for a fix, nothing for no change),
 *   with npm's rules for 0.x (a caret range `^0.y.z` accepts only patches,
 *   so a break bumps y; `^0.0.z` accepts nothing, so any change bumps z), and
 *   an entry prepended to the package's CHANGELOG.md;
 * - a fixed version: `generate --check` fails when the diff is breaking and
 *   the new version still satisfies `^previous` (consumers would get it).
 */
import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { semver as fromInfoVersion } from '../emit/package/index.js';
import { loadSpec } from '../load/index.js';
import { buildModel } from '../model/build.js';
import type { ApiModel } from '../model/types.js';
import { changelogEntry } from './changelog.js';
import { diffModels, type DiffReport } from './index.js';
import { jsonText } from '../emit/spec/json-layout.js';
import { BUNDLED_SPEC } from './source.js';
import type { Bump } from './types.js';
import { manifestLists } from '../write/manifest.js';

export const CHANGELOG = 'CHANGELOG.md';

export interface Release {
  version: string;
  /** The whole CHANGELOG.md: the new entry, then what was there. */
  changelog: string;
  /** The diff against the previous output; absent for a first release. */
  report?: DiffReport;
}

interface Previous {
  /** The previous spec's model, built on first use: an unchanged spec never needs it. */
  model(): ApiModel;
  /** Whether the previous output was generated from exactly this spec (its openapi.json has the same bytes). */
  same: boolean;
  version: string;
  changelog: string;
}

/** `model.release` for a target's `version` option: `'auto'`, or a fixed semver. */
export async function releaseFor(model: ApiModel, target: { version?: string; outDir: string }): Promise<ApiModel['release']> {
  if (target.version === 'auto') return autoRelease(model, target.outDir);
  // Without 'auto' the changelog an earlier release wrote is carried over as it is: its history cannot be made again.
  const changelog = ownedChangelog(target.outDir);
  if (target.version === undefined) return changelog === undefined ? undefined : { version: fromInfoVersion(model.version), changelog };
  if (!semver.valid(target.version)) throw new Error(`version ${JSON.stringify(target.version)} is neither 'auto' nor a semver version`);
  return { version: target.version, ...(changelog === undefined ? {} : { changelog }) };
}

/** The CHANGELOG.md an earlier generation wrote into `outDir` (listed in its manifest), if any. */
export function ownedChangelog(outDir: string): string | undefined {
  return manifestLists(outDir, CHANGELOG) ? readText(path.join(outDir, CHANGELOG)) || undefined : undefined;
}

/** The version and changelog for `model` given what `outDir` holds. */
export async function autoRelease(model: ApiModel, outDir: string): Promise<Release> {
  const previous = readPrevious(outDir, model);
  if (!previous) {
    const version = fromInfoVersion(model.version);
    return { version, changelog: withEntry(changelogEntry(model, version, undefined), '') };
  }
  if (previous.same) return { version: previous.version, changelog: previous.changelog };
  const report = await diffModels(previous.model(), model);
  if (report.bump === 'none') return { version: previous.version, changelog: previous.changelog, report };
  const version = nextVersion(previous.version, report.bump);
  return { version, changelog: withEntry(changelogEntry(model, version, report), previous.changelog), report };
}

/**
 * With a fixed version: the breaking changes the version does not announce
 * (empty when it does, or nothing broke). Runs the diff only when the spec
 * differs from the one in the output folder.
 */
export async function unannouncedBreaks(model: ApiModel, version: string, outDir: string): Promise<{ previous: string; report: DiffReport } | undefined> {
  const previous = readPrevious(outDir, model);
  if (!previous || previous.same) return undefined;
  // The rules alone: `--check` must stay about as fast as `generate` (no TypeScript load); `switchboard diff` gives the proof.
  const report = await diffModels(previous.model(), model, { rulesOnly: true });
  if (report.bump !== 'major' || !announcesNoBreak(previous.version, version)) return undefined;
  return { previous: previous.version, report };
}

/** The changelog with `entry` on top, under its one heading. */
function withEntry(entry: string, changelog: string): string {
  const older = changelog.replace(/^# Changelog\s*/, '').trim();
  return `# Changelog\n\n${entry.trim()}\n${older ? `\n${older}\n` : ''}`;
}

/** Whether consumers of `^previous` would receive `next`: then it must not break them. */
function announcesNoBreak(previous: string, next: string): boolean {
  const valid = semver.valid(previous);
  return valid !== null && semver.valid(next) !== null && semver.satisfies(next, `^${valid}`, { includePrerelease: true });
}

/** The next version after `version` for a bump, by the caret rules npm documents for 0.x. */
export function nextVersion(version: string, bump: Exclude<Bump, 'none'>): string {
  const current = semver.valid(version) ?? '0.0.0';
  const [major, minor] = current.split('.').map(Number);
  const level = major > 0 ? bump : minor > 0 ? (bump === 'major' ? 'minor' : 'patch') : 'patch';
  return semver.inc(current, level) ?? current;
}

function readPrevious(outDir: string, current: ApiModel): Previous | undefined {
  const spec = path.join(outDir, BUNDLED_SPEC);
  const text = readText(spec);
  if (!text) return undefined;
  let built: ApiModel | undefined;
  // A previous spec that does not load (edited by hand?) throws its located errors: it is no baseline to guess from.
  const model = () => (built ??= buildModel(loadSpec(spec), current.name));
  const version = readVersion(path.join(outDir, 'package.json')) ?? fromInfoVersion(model().version);
  return { model, same: text === jsonText(current.document), version, changelog: readText(path.join(outDir, CHANGELOG)) };
}

function readVersion(file: string): string | undefined {
  try {
    const version = (JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: unknown }).version;
    return typeof version === 'string' && semver.valid(version) ? version : undefined;
  } catch {
    return undefined;
  }
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
