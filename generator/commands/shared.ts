/** What every command shares: output streams, usage errors, spec discovery. */
import fs from 'node:fs';
import path from 'node:path';
import { compareText } from '../issues.js';
import { fileStem } from '../model/names.js';

export interface Io {
  out(line: string): void;
  err(line: string): void;
  cwd: string;
  /** Colour output only on a TTY and when NO_COLOR is unset. */
  color: boolean;
}

/** Bad command-line usage: the CLI prints the message and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export type Command = (args: string[], io: Io) => Promise<number>;

const SPEC_EXT = /\.(ya?ml|json)$/i;

/** Every `specs/<name>.yaml|yml|json` under `cwd`, sorted. */
export function defaultSpecs(cwd: string): string[] {
  const dir = path.join(cwd, 'specs');
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    throw new UsageError('no SPEC given and there is no specs/ folder here');
  }
  const specs = names.filter((n) => SPEC_EXT.test(n)).sort(compareText).map((n) => path.join(dir, n));
  if (specs.length === 0) throw new UsageError('no SPEC given and specs/ holds no .yaml, .yml or .json file');
  return specs;
}

/** The output folder name for a spec: its file stem, made safe. */
export function outputName(spec: string): string {
  return fileStem(path.basename(spec).replace(SPEC_EXT, ''), 'api');
}
