/** How a diff is printed as text: changes grouped by kind, each with both locations, then the bump. */
import { safeLine } from '../issues.js';
import { paint } from '../lint/report.js';
import type { Change, ChangeKind, ChangeLocation, DiffReport } from './types.js';

const HEADINGS: Record<ChangeKind, string> = { breaking: 'Breaking', feature: 'Features', fix: 'Fixes and docs' };
const COLORS = { breaking: 'red', feature: 'green', fix: 'cyan' } as const;

export function formatReport(report: DiffReport, color: boolean): string[] {
  const lines: string[] = [];
  for (const kind of ['breaking', 'feature', 'fix'] as const) {
    const changes = report.changes.filter((c) => c.kind === kind);
    if (changes.length === 0) continue;
    lines.push(color ? paint(COLORS[kind], `${HEADINGS[kind]} (${changes.length})`) : `${HEADINGS[kind]} (${changes.length})`);
    for (const c of changes) lines.push(...changeLines(c, color));
    lines.push('');
  }
  lines.push(summary(report));
  return lines.map(safeLine);
}

function changeLines(c: Change, color: boolean): string[] {
  const code = color ? paint('dim', c.code) : c.code;
  const lines = [`  ${code}  ${c.message}${c.decidedBy === 'rules' && c.kind === 'breaking' ? '  (rule)' : ''}`];
  const at = [c.old ? `old ${where(c.old)}` : '', c.new ? `new ${where(c.new)}` : ''].filter(Boolean).join('  ');
  if (at) lines.push(`      ${color ? paint('dim', at) : at}`);
  return lines;
}

function where(loc: ChangeLocation): string {
  return `${loc.file}:${loc.line}:${loc.col}`;
}

/** `bump: major (2 breaking, 1 feature, 3 fixes; type checker: 245 checks, 2 failed, 1.4 s)` */
export function summary(report: DiffReport): string {
  const count = (kind: ChangeKind) => report.changes.filter((c) => c.kind === kind).length;
  const parts = [`${count('breaking')} breaking`, plural(count('feature'), 'feature'), plural(count('fix'), 'fix', 'fixes')];
  const proof = report.proof.checks > 0 ? `; type checker: ${report.proof.checks} checks, ${report.proof.failed} failed, ${(report.proof.ms / 1000).toFixed(1)} s` : '';
  return report.changes.length === 0 ? `bump: none (no change to the package's surface${proof})` : `bump: ${report.bump} (${parts.join(', ')}${proof})`;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
