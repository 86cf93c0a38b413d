#!/usr/bin/env node
/**
 * The `switchboard` binary. The only module that calls process.exit.
 */
import module from 'node:module';
import type { Io } from './commands/shared.js';

enableCompileCache();
// Imported after the compile cache is on, so the commands' dependencies use it.
const { main } = await import('./main.js');

const io: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
};

main(process.argv.slice(2), io).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`switchboard: ${(error as Error).stack ?? error}\n`);
    process.exit(1);
  },
);

/**
 * Keeps V8's compiled code of the dependencies on disk between runs. Compiling
 * the TypeScript compiler inside ts-morph (9 MB of JavaScript) was 0.4–0.6 s of
 * every run, more than generating the three seed specs takes; from the cache it
 * is about 0.15 s (bench/README.md). Node 22+ has this built in
 * (`module.enableCompileCache`); on Node 20 `v8-compile-cache` does the same for
 * CommonJS modules, which ts-morph, TypeScript and handlebars are.
 * `SWITCHBOARD_COMPILE_CACHE=0` turns it off.
 */
function enableCompileCache(): void {
  if (process.env.SWITCHBOARD_COMPILE_CACHE === '0') return;
  const builtIn = (module as { enableCompileCache?: () => unknown }).enableCompileCache;
  if (typeof builtIn === 'function') builtIn();
  else module.createRequire(import.meta.url)('v8-compile-cache');
}
