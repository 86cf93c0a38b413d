/**
 * npm in tests, robust on a machine with an empty npm cache.
 *
 * A consumer project is seeded with a package-lock.json that holds this
 * repository's own locked production dependencies (the packages a packed
 * `switchboard` tarball needs). `npm install ./switchboard-x.tgz` then keeps
 * those exact versions instead of resolving ranges, so it asks the registry
 * for no package metadata: it installs from the npm cache when `npm ci` of
 * this repository filled it, and otherwise fetches only the tarballs. The
 * versions are the ones this repository is tested with, whatever has been
 * published since.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** npm's settings for a test's child processes: cache first, no audit, fund or update notices. */
export const NPM_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  npm_config_prefer_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  NO_COLOR: '1',
};

interface LockEntry {
  dev?: boolean;
  devOptional?: boolean;
  [field: string]: unknown;
}

/** Writes `dir/package-lock.json`: the project's name and this repository's production dependencies, as devDependencies. */
export function seedLockfile(dir: string): void {
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const name = (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string }).name;
  const packages: Record<string, LockEntry> = { '': { name } };
  for (const [where, entry] of Object.entries(lock.packages)) {
    if (where === '' || entry.dev || entry.devOptional) continue;
    packages[where] = { ...entry, dev: true };
  }
  fs.writeFileSync(path.join(dir, 'package-lock.json'), `${JSON.stringify({ name, lockfileVersion: 3, requires: true, packages }, null, 2)}\n`);
}

/** Runs one shell command line as a user would type it; returns stdout, throws with stderr on failure. */
export function shell(line: string, cwd: string): string {
  try {
    return execFileSync('sh', ['-c', line], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: NPM_ENV });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`\`${line}\` failed in ${cwd}:\n${stderr ?? ''}${stdout ?? ''}`);
  }
}
