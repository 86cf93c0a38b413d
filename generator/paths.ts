/** Locations inside the installed Switchboard package (works from source and from `dist/`). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The folder holding Switchboard's own package.json. */
export function packageRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'switchboard') return (root = dir);
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot find the switchboard package root');
    dir = up;
  }
}

export function templatesDir(): string {
  return path.join(packageRoot(), 'templates');
}

/** The hand-written runtime files copied into every generated package. */
export function runtimeDir(emitter: 'client' | 'mocks'): string {
  return path.join(packageRoot(), 'generator', 'emit', emitter, 'runtime');
}

export function switchboardVersion(): string {
  return JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')).version;
}
