/**
 * Shared by the property tests: emits a spec's package (client, mocks,
 * package files; unformatted, tests do not need prettier) into a folder under
 * the repository's `.tmp/`, so msw and @types/node resolve from the repo, and
 * imports the generated TypeScript entries directly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { clientEmitter } from '../../generator/emit/client/index.js';
import { mocksEmitter } from '../../generator/emit/mocks/index.js';
import { packageEmitter } from '../../generator/emit/package/index.js';
import { loadSpec } from '../../generator/load/index.js';
import { buildModel } from '../../generator/model/build.js';
import type { ApiModel } from '../../generator/model/types.js';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

const made: string[] = [];
process.on('exit', removeTempDirs);

/** Removes every folder `repoTempDir` made (call from `afterAll`: vitest workers may end without an 'exit' event). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** A new folder under `.tmp/` in the repository, removed when the process exits. */
export function repoTempDir(prefix: string): string {
  const dir = path.join(ROOT, '.tmp', `${prefix}${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  fs.mkdirSync(dir, { recursive: true });
  made.push(dir);
  return dir;
}

export interface Emitted {
  dir: string;
  model: ApiModel;
}

/** Writes `spec` (data, or a path to a spec file) and emits its package next to it. */
export async function emitPackage(spec: object | string, name = 'api'): Promise<Emitted> {
  const root = repoTempDir(`property-${name}-`);
  const specFile = typeof spec === 'string' ? spec : path.join(root, `${name}.yaml`);
  if (typeof spec !== 'string') fs.writeFileSync(specFile, stringify(spec));
  const model = buildModel(loadSpec(specFile), name);
  const dir = path.join(root, 'pkg');
  for (const emitter of [clientEmitter, mocksEmitter, packageEmitter]) {
    for (const file of await emitter.emit(model)) {
      fs.mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
      fs.writeFileSync(path.join(dir, file.path), file.content);
    }
  }
  return { dir, model };
}

/** The generated client entry (`src/index.ts`) and mocks entry (`src/mocks/index.ts`). */
export async function importPackage(dir: string): Promise<{ client: any; mocks: any }> {
  const client = await import(pathToFileURL(path.join(dir, 'src/index.ts')).href);
  const mocks = await import(pathToFileURL(path.join(dir, 'src/mocks/index.ts')).href);
  return { client, mocks };
}

export function basic(username: string, password = 'secret-token'): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}
