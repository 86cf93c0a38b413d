/**
 * `switchboard lint`: the loader's located checks, Redocly's structural
 * validation and built-in rules, and Switchboard's own rules, as one sorted
 * list of issues per spec.
 *
 * Rule codes: struct, operation-id-unique, operation-id-valid,
 * operation-summary, operation-tag, path-params, example-invalid,
 * ref-unresolved, component-unused (warning), security-defined,
 * operation-4xx, extension-invalid — plus the loader's yaml-invalid,
 * ref-forbidden, ref-cycle, openapi-version-unsupported, responses-missing.
 */
import { sortIssues, type Issue } from '../issues.js';
import { loadForLint } from './load.js';
import { redoclyIssues } from './redocly.js';
import { unusedComponents } from './rules/unused.js';

export interface LintResult {
  spec: string;
  issues: Issue[];
  errors: number;
  warnings: number;
}

/** Lints one spec. Never throws for problems in the spec. */
export async function lintSpec(spec: string): Promise<LintResult> {
  const { files, version, issues } = loadForLint(spec);
  const all = [...issues];
  if (files && version) {
    all.push(...unusedComponents(files));
    try {
      all.push(...(await redoclyIssues(files)));
    } catch (error) {
      const at = files.root;
      const message = `structural validation could not run: ${(error as Error).message.split('\n')[0]}`;
      all.push({ file: at.path, pointer: '#', line: 1, col: 1, code: 'struct', severity: 'error', message });
    }
  }
  const unique = dedupe(sortIssues(all));
  const errors = unique.filter((i) => i.severity === 'error').length;
  return { spec, issues: unique, errors, warnings: unique.length - errors };
}

/** Lints each spec in turn. */
export async function lintSpecs(specs: string[]): Promise<LintResult[]> {
  const results: LintResult[] = [];
  for (const spec of specs) results.push(await lintSpec(spec));
  return results;
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.file}\0${i.line}\0${i.col}\0${i.code}\0${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
