/** How lint results are printed: editor-style lines with a summary, or JSON. */
import path from 'node:path';
import { formatIssue, type Issue } from '../issues.js';
import type { LintResult } from './index.js';

export interface Totals {
  errors: number;
  warnings: number;
}

export function totals(results: LintResult[]): Totals {
  return results.reduce((t, r) => ({ errors: t.errors + r.errors, warnings: t.warnings + r.warnings }), { errors: 0, warnings: 0 });
}

/** `specs/plivo.yaml:120:9 error example-invalid …`, the severity coloured when `color`. */
export function issueLine(issue: Issue, cwd: string, color: boolean): string {
  const line = formatIssue(issue, cwd);
  if (!color) return line;
  const mark = `:${issue.line}:${issue.col} ${issue.severity} `;
  const at = line.indexOf(mark);
  if (at < 0) return line;
  const sevStart = at + mark.length - issue.severity.length - 1;
  const sev = paint(issue.severity === 'error' ? 'red' : 'yellow', issue.severity);
  return `${paint('dim', line.slice(0, sevStart - 1))} ${sev} ${line.slice(sevStart + issue.severity.length + 1)}`;
}

/** `✖ 2 errors, 1 warning` or `✔ no problems`. */
export function summaryLine({ errors, warnings }: Totals, color: boolean): string {
  if (errors + warnings === 0) return color ? paint('green', '✔ no problems') : '✔ no problems';
  const text = `✖ ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  return color ? paint(errors > 0 ? 'red' : 'yellow', text) : text;
}

const STYLES = { red: [31, 39], yellow: [33, 39], green: [32, 39], cyan: [36, 39], dim: [2, 22] } as const;

/** Wraps `text` in an ANSI style; callers decide whether colour is on (TTY and no NO_COLOR). */
export function paint(style: keyof typeof STYLES, text: string): string {
  const [on, off] = STYLES[style];
  return `\x1b[${on}m${text}\x1b[${off}m`;
}

/** Machine-readable output: every problem with its file relative to `cwd`, and the totals. */
export function jsonReport(results: LintResult[], cwd: string): string {
  const problems = results.flatMap((r) =>
    r.issues.map((i) => ({
      file: relative(i.file, cwd),
      line: i.line,
      col: i.col,
      severity: i.severity,
      code: i.code,
      message: i.message,
      pointer: i.pointer,
    })),
  );
  const t = totals(results);
  return JSON.stringify({ problems, errorCount: t.errors, warningCount: t.warnings }, null, 2);
}

function relative(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
  return shown.split(path.sep).join('/');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
