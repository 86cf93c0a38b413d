/**
 * One CHANGELOG.md entry: the version, then the changes by kind. No date, so
 * the same spec always gives the same bytes (`generate --check` stays clean).
 * Messages hold spec strings, so they are escaped as Markdown text.
 */
import { mdText } from '../emit/docs/markdown.js';
import type { ApiModel } from '../model/types.js';
import type { ChangeKind, DiffReport } from './types.js';

const SECTIONS: [ChangeKind, string][] = [
  ['breaking', 'Breaking changes'],
  ['feature', 'Features'],
  ['fix', 'Fixes and docs'],
];

export function changelogEntry(model: ApiModel, version: string, report: DiffReport | undefined): string {
  const lines = [`## ${version}`, ''];
  if (!report) {
    lines.push(`First version, generated from ${mdText(model.title)} ${mdText(model.version)}.`, '');
    return lines.join('\n');
  }
  lines.push(`Generated from ${mdText(model.title)} ${mdText(model.version)}: a ${report.bump} release.`, '');
  for (const [kind, heading] of SECTIONS) {
    const changes = report.changes.filter((c) => c.kind === kind);
    if (changes.length === 0) continue;
    lines.push(`### ${heading}`, '');
    for (const c of changes) lines.push(`- ${mdText(c.message)} (\`${c.code}\`)`);
    lines.push('');
  }
  return lines.join('\n');
}
