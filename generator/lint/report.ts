/** How lint results are printed: editor-style lines with a summary, or JSON. */
import path from 'node:path';
import { styleText } from 'node:util';
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
  const sev = styleText(issue.severity === 'error' ? 'red' : 'yellow', issue.severity);
  return `${styleText('dim', line.slice(0, sevStart - 1))} ${sev} ${line.slice(sevStart + issue.severity.length + 1)}`;
}

/** `✖ 2 errors, 1 warning` or `✔ no problems`. */
export function summaryLine({ errors, warnings }: Totals, color: boolean): string {
  if (errors + warnings === 0) return color ? styleText('green', '✔ no problems') : '✔ no problems';
  const text = `✖ ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  return color ? styleText(errors > 0 ? 'red' : 'yellow', text) : text;
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
