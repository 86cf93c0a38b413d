/** `switchboard lint [SPEC...] [--format text|json] [--max-warnings N] [--quiet]` */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { lintSpecs } from '../lint/index.js';
import { issueLine, jsonReport, summaryLine, totals } from '../lint/report.js';
import { defaultSpecs, UsageError, type Io } from './shared.js';


export async function lintCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      'max-warnings': { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
    },
  });
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not ${JSON.stringify(values.format)}`);
  const maxWarnings = parseMaxWarnings(values['max-warnings']);
  const specs = positionals.length > 0 ? positionals.map((s) => path.resolve(io.cwd, s)) : defaultSpecs(io.cwd);
  const all = await lintSpecs(specs);
  const t = totals(all);
  const results = values.quiet ? all.map((r) => ({ ...r, issues: r.issues.filter((i) => i.severity === 'error'), warnings: 0 })) : all;
  if (values.format === 'json') {
    io.out(jsonReport(results, io.cwd));
  } else {
    for (const r of results) for (const issue of r.issues) io.out(issueLine(issue, io.cwd, io.color));
    io.out(summaryLine(totals(results), io.color));
  }
  const tooManyWarnings = maxWarnings !== undefined && t.warnings > maxWarnings;
  if (tooManyWarnings && values.format === 'text') io.err(`too many warnings: ${t.warnings} (--max-warnings ${maxWarnings})`);
  return t.errors > 0 || tooManyWarnings ? 1 : 0;
}

function parseMaxWarnings(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--max-warnings needs a whole number, not ${JSON.stringify(raw)}`);
  return Number(raw);
}
