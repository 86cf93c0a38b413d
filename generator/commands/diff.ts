/** `switchboard diff OLD NEW [--format text|json] [--rules-only]` */
import { parseArgs } from 'node:util';
import { diffModels, type DiffReport } from '../diff/index.js';
import { formatReport } from '../diff/report.js';
import { loadSide, relativeTo, resolveSide, type Side } from '../diff/source.js';
import { SpecError, type Issue } from '../issues.js';
import { UsageError, type Io } from './shared.js';

/**
 * Prints the report; exits 0 whatever the bump (CI reads the JSON), 1 when
 * a side does not load or its generated package does not type-check.
 */
export async function diffCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      'rules-only': { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 2) throw new UsageError('diff needs two sides: switchboard diff OLD NEW');
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not ${JSON.stringify(values.format)}`);
  const report = await diffArgs(positionals[0], positionals[1], io.cwd, { rulesOnly: values['rules-only'] });
  if (values.format === 'json') io.out(JSON.stringify(report, null, 2));
  else for (const line of formatReport(report, io.color)) io.out(line);
  for (const c of report.contradictions) io.err(`switchboard: the rules and the type checker disagree (a bug, please report it): ${c.message}`);
  return 0;
}

/** Resolves, loads and diffs two sides; both sides' load errors are reported together. */
export async function diffArgs(oldArg: string, newArg: string, cwd: string, options: { rulesOnly?: boolean } = {}): Promise<DiffReport> {
  const sides: Side[] = [];
  try {
    const issues: Issue[] = [];
    for (const arg of [oldArg, newArg]) {
      try {
        sides.push(resolveSide(arg, cwd));
      } catch (error) {
        if (!(error instanceof SpecError)) throw error;
        issues.push(...error.issues);
      }
    }
    if (issues.length > 0) throw new SpecError(issues);
    const [oldSide, newSide] = sides;
    const name = newSide.kind !== 'package' ? newSide.name : oldSide.kind !== 'package' ? oldSide.name : newSide.name;
    const models = [];
    for (const side of sides) {
      try {
        models.push(loadSide(side, name));
      } catch (error) {
        if (!(error instanceof SpecError)) throw error;
        issues.push(...error.issues.map((i) => ({ ...i, file: side.display(i.file) })));
      }
    }
    if (issues.length > 0) throw new SpecError(issues);
    const relative = relativeTo(cwd);
    const display = (file: string) => sides.find((s) => s.owns(file))?.display(file) ?? relative(file);
    return await diffModels(models[0], models[1], { display, rulesOnly: options.rulesOnly });
  } finally {
    for (const side of sides) side.dispose();
  }
}
