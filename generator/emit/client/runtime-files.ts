/** The hand-written runtime, copied verbatim into every package as `src/runtime/`. */
import fs from 'node:fs';
import path from 'node:path';
import { compareText } from '../../issues.js';
import { runtimeDir } from '../../paths.js';
import type { EmittedFile } from '../types.js';

/**
 * Every `.ts` file of `generator/emit/client/runtime/`, as `src/runtime/<name>`.
 * The sources are kept in prettier's layout (checked by test/perf/formatted-claims.test.ts).
 */
export function runtimeFiles(): EmittedFile[] {
  const dir = runtimeDir('client');
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.ts'))
    .sort(compareText)
    .map((name) => ({ path: `src/runtime/${name}`, content: fs.readFileSync(path.join(dir, name), 'utf8'), formatted: true }));
}
