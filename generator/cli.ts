#!/usr/bin/env node
/**
 * The `switchboard` binary. The only module that calls process.exit.
 */
import { main } from './main.js';
import type { Io } from './commands/shared.js';

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
