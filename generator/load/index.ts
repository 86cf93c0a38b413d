/**
 * load: read a spec file, follow its `$ref`s, run the loader checks, and hand
 * back either the loaded files or every located problem at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SpecError, sortIssues, type Issue } from '../issues.js';
import { SpecFiles } from './refs.js';
import { parseSource } from './source.js';
import { validateSpec } from './validate.js';

export interface LoadedSpec {
  files: SpecFiles;
  version: '3.0' | '3.1';
  /** Warnings that did not stop the load. */
  warnings: Issue[];
}

/** Loads and checks one spec. Throws SpecError with every error found. */
export function loadSpec(file: string): LoadedSpec {
  const abs = realFile(path.resolve(file));
  let text: string;
  try {
    text = fs.readFileSync(abs, 'utf8');
  } catch (error) {
    throw new SpecError([
      { file: abs, pointer: '#', line: 1, col: 1, code: 'spec-unreadable', severity: 'error', message: (error as Error).message },
    ]);
  }
  const source = parseSource(abs, text);
  if (Array.isArray(source)) throw new SpecError(sortIssues(source));
  const files = new SpecFiles(source);
  const version = validateSpec(files);
  const issues = sortIssues(files.issues);
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0 || !version) throw new SpecError(errors);
  return { files, version, warnings: issues.filter((i) => i.severity === 'warning') };
}

function realFile(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}
