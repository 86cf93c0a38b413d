/**
 * One spec through the whole generator, classified the way the corpus run
 * counts it: passed; rejected with located errors; or crashed (an exception
 * that is not a located SpecError, or output that does not type-check).
 * Hangs are caught by the caller, which runs this under a time limit.
 */
import path from 'node:path';
import { SpecError, formatIssue } from '../../generator/issues.js';
import { generate } from '../../generator/pipeline.js';
import { checkPackages } from './typecheck.js';

export type Status = 'passed' | 'rejected' | 'crashed';

export interface Verdict {
  status: Status;
  /** Why it was rejected or crashed (first few lines). */
  reason?: string;
  operations?: number;
  schemas?: number;
}

const SHOWN = 3;

/** Generates `spec` into `outDir` (below a folder with linked node_modules) and type-checks the package. */
export async function generateAndCheck(spec: string, outDir: string): Promise<Verdict> {
  let operations = 0;
  let schemas = 0;
  try {
    const [result] = await generate([{ spec, outDir }]);
    operations = result.model.operations.length;
    schemas = result.model.schemas.length;
  } catch (error) {
    return classifyError(error);
  }
  const errors = checkPackages([outDir], { generatedOnly: true }).get(outDir) ?? [];
  if (errors.length > 0) {
    const shown = errors.slice(0, SHOWN).map((e) => path.relative(outDir, e));
    return { status: 'crashed', reason: `output does not type-check (${errors.length} errors): ${shown.join(' | ')}`, operations, schemas };
  }
  return { status: 'passed', operations, schemas };
}

/** A SpecError whose every issue is located is a rejection; anything else is a crash. */
export function classifyError(error: unknown): Verdict {
  if (error instanceof SpecError && error.issues.length > 0 && error.issues.every(isLocated)) {
    const lines = error.issues.slice(0, SHOWN).map((i) => formatIssue(i, path.dirname(i.file)));
    const more = error.issues.length > SHOWN ? ` (+${error.issues.length - SHOWN} more)` : '';
    return { status: 'rejected', reason: lines.join(' | ') + more };
  }
  const e = error as Error;
  const where = e?.stack?.split('\n').find((l) => l.includes('/generator/'))?.trim() ?? '';
  return { status: 'crashed', reason: `uncaught ${e?.name ?? 'error'}: ${String(e?.message ?? e).split('\n')[0]} ${where}`.trim() };
}

function isLocated(issue: SpecError['issues'][number]): boolean {
  return issue.line >= 1 && issue.col >= 1 && typeof issue.code === 'string' && issue.code !== '' && issue.pointer.startsWith('#');
}
