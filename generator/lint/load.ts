/**
 * The loader's checks, run for lint: parse, follow `$ref`s, validate — with
 * every located issue returned instead of thrown. Loader codes are renamed to
 * the lint rule that covers them, so one rule has one code.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Issue } from '../issues.js';
import { SpecFiles } from '../load/refs.js';
import { parseSource } from '../load/source.js';
import { validateSpec } from '../load/validate.js';

export interface LintLoad {
  /** Undefined when the root file could not be read or parsed. */
  files?: SpecFiles;
  version?: '3.0' | '3.1';
  issues: Issue[];
}

/** Loader code → lint rule code. */
const RENAMED: Readonly<Record<string, string>> = {
  'operation-id-duplicate': 'operation-id-unique',
  'path-param-undeclared': 'path-params',
  'path-param-unused': 'path-params',
};

/** Loads `spec` with the loader's checks; never throws for spec problems. */
export function loadForLint(spec: string): LintLoad {
  const abs = realFile(path.resolve(spec));
  let text: string;
  try {
    text = fs.readFileSync(abs, 'utf8');
  } catch (error) {
    const message = (error as Error).message;
    return { issues: [{ file: abs, pointer: '#', line: 1, col: 1, code: 'spec-unreadable', severity: 'error', message }] };
  }
  const source = parseSource(abs, text);
  if (Array.isArray(source)) return { issues: source };
  const files = new SpecFiles(source);
  const version = validateSpec(files);
  const issues = files.issues.map((i) => (Object.hasOwn(RENAMED, i.code) ? { ...i, code: RENAMED[i.code] } : i));
  return { files, version, issues };
}

function realFile(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}
