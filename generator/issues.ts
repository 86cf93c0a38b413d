/**
 * Problems found in a spec, reported as data. Every issue carries the file and
 * the line:col of the spec node it is about, so the CLI can print it in the
 * editor's `file:line:col` terms.
 */
import path from 'node:path';

export type Severity = 'error' | 'warning';

/** Where a node of a spec lives: the file, its RFC 6901 pointer and position (1-based). */
export interface SpecLocation {
  file: string;
  pointer: string;
  line: number;
  col: number;
}

export interface Issue extends SpecLocation {
  code: string;
  severity: Severity;
  message: string;
}

/** Thrown by library code when a spec cannot be turned into output; the CLI prints `issues`. */
export class SpecError extends Error {
  readonly issues: Issue[];
  constructor(issues: Issue[]) {
    super(issues.map((i) => formatIssue(i)).join('\n'));
    this.name = 'SpecError';
    this.issues = issues;
  }
}

/** `specs/plivo.yaml:120:9 error code message`, with the file relative to `cwd`. */
export function formatIssue(issue: Issue, cwd = process.cwd()): string {
  const rel = path.relative(cwd, issue.file);
  const file = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : issue.file;
  return safeLine(`${file.split(path.sep).join('/')}:${issue.line}:${issue.col} ${issue.severity} ${issue.code} ${issue.message}`);
}

/** Issues in a stable order: file, line, col, code, message (code-unit comparison). */
export function sortIssues(issues: Issue[]): Issue[] {
  return [...issues].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      a.line - b.line ||
      a.col - b.col ||
      compareText(a.code, b.code) ||
      compareText(a.message, b.message),
  );
}

/** Code-unit string comparison; never locale-dependent. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One terminal-safe line: line breaks become spaces, so a hostile spec string
 * cannot forge extra issue lines, and other control characters (ANSI escapes)
 * become U+FFFD, so it cannot rewrite the terminal.
 */
export function safeLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\ufffd');
}
