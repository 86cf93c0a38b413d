/**
 * The type checker's half of `switchboard diff`: both client packages are
 * generated in memory and one synthetic file asks TypeScript, one statement
 * per question, whether code written against the old package still compiles
 * against the new one:
 *
 * - per operation: old `<Op>Params` assignable to new (existing calls),
 *   new `<Op>Result` assignable to old (existing reads), the same with every
 *   field made required (a removed optional field), the method still at
 *   `client.<group>.<method>`, and its type names still exported;
 * - per model both versions export: the same three questions, on the sides
 *   the model is used on (`<Model>Input` on the request side when it exists);
 * - the client class name and its options.
 *
 * One program answers them all (about 9,000 statements for GitHub's spec),
 * instead of one program per question; operations and models that are the
 * same on both sides are not asked about (stable.ts). The runtime's declarations are shared
 * by both packages, so its classes are the same types on both sides.
 */
import { clientEmitter } from '../emit/client/index.js';
import { clientNames, type ClientNames } from '../emit/client/client-names.js';
import { findInputVariants } from '../emit/client/type-text.js';
import type { EmittedFile } from '../emit/types.js';
import type { ApiModel, OperationNode } from '../model/types.js';
import { formatDiagnostic, typeCheck, type TypeDiagnostic } from '../typescript-engine/index.js';
import type { RuleResult } from './rules/index.js';
import { stableScopes } from './stable.js';
import type { Proof } from './types.js';

export interface Check {
  /** `op:<operationId>`, `model:<name>` or `client`. */
  scope: string;
  proof: Proof;
  /** What was asked, for messages: `makeCall params`. */
  what: string;
  operationId?: string;
  schema?: string;
  failed: boolean;
  /** The checker's message when it failed. */
  message?: string;
}

export interface ProofResult {
  checks: Check[];
  /** Errors inside either generated package: the answers cannot be trusted then. */
  packageErrors: string[];
  ms: number;
  /** Where the time went (for a batch, the whole batch's): emitting both clients, loading ts-morph, checking. */
  timings: { emit: number; load: number; check: number };
}

const ROOT = '/switchboard-diff';

const PRELUDE = [
  "import type * as O from './old/index.js';",
  "import type * as N from './new/index.js';",
  '/** Every field required, all the way down: a removed optional field then stops being assignable. */',
  'type Req<T> = T extends (...args: never[]) => unknown ? T : T extends object ? { [K in keyof T]-?: Req<T[K]> } : T;',
];

export interface ProofInput {
  old: ApiModel;
  new: ApiModel;
  rules: RuleResult;
}

export async function prove(old: ApiModel, new_: ApiModel, rules: RuleResult): Promise<ProofResult> {
  return (await proveAll([{ old, new: new_, rules }]))[0];
}

/**
 * Answers the questions of several diffs in one program (each pair in a
 * folder of its own): what a batch of diffs costs is then one load of the
 * lib files and one checker, not one per pair.
 */
export async function proveAll(inputs: readonly ProofInput[]): Promise<ProofResult[]> {
  const started = performance.now();
  const files = new Map<string, string>([[`${ROOT}/package.json`, '{ "type": "module" }']]);
  const layouts: { dir: string; checks: { line: number; check: PendingCheck }[]; preludeLines: number }[] = [];
  for (const [i, input] of inputs.entries()) {
    const dir = `${ROOT}/${i}`;
    const [oldFiles, newFiles] = await Promise.all([clientEmitter.emit(input.old), clientEmitter.emit(input.new)]);
    addPackage(files, dir, 'old', oldFiles);
    addPackage(files, dir, 'new', newFiles);
    const { lines, checks } = checkFile(input.old, input.new, input.rules);
    files.set(`${dir}/check.ts`, lines.join('\n'));
    layouts.push({ dir, checks, preludeLines: PRELUDE.length + 1 });
  }
  const emitted = performance.now();
  const result = await typeCheck(files, { check: [...files.keys()].filter((f) => f.endsWith('.ts')) });
  const ms = (performance.now() - started) / Math.max(1, inputs.length);
  const timings = { emit: Math.round(emitted - started), load: Math.round(result.timings.load), check: Math.round(result.timings.check) };
  return layouts.map(({ dir, checks, preludeLines }) => {
    const mine = result.diagnostics.filter((d) => d.file.startsWith(`${dir}/`));
    const byLine = new Map<number, TypeDiagnostic>();
    const packageErrors: string[] = [];
    for (const d of mine) {
      const rel = d.file.slice(dir.length + 1);
      if (rel === 'check.ts' && d.line > preludeLines) {
        if (!byLine.has(d.line)) byLine.set(d.line, d);
      } else packageErrors.push(formatDiagnostic({ ...d, file: rel }));
    }
    const outcomes = checks.map(({ line, check }): Check => {
      const error = byLine.get(line);
      return error ? { ...check, failed: true, message: error.message } : { ...check, failed: false };
    });
    return { checks: outcomes, packageErrors, ms, timings };
  });
}

/** `src/` goes under `old/` or `new/`; the runtime's declarations once under `runtime/`, where `../runtime` from both resolves. */
function addPackage(files: Map<string, string>, dir: string, side: 'old' | 'new', emitted: EmittedFile[]): void {
  for (const f of emitted) {
    if (typeof f.content !== 'string') continue;
    if (f.path.startsWith('src/') && f.path.endsWith('.ts')) files.set(`${dir}/${side}/${f.path.slice(4)}`, f.content);
    else if (f.path.startsWith('runtime/client/') && f.path.endsWith('.d.ts')) files.set(`${dir}/${f.path}`, f.content);
  }
}

type PendingCheck = Omit<Check, 'failed' | 'message'>;

/** The synthetic file: one line per question, with the line each check is on. */
export function checkFile(old: ApiModel, new_: ApiModel, rules: RuleResult): { lines: string[]; checks: { line: number; check: PendingCheck }[] } {
  const lines = [...PRELUDE];
  const checks: { line: number; check: PendingCheck }[] = [];
  const ask = (check: PendingCheck, text: string) => {
    lines.push(text);
    checks.push({ line: lines.length, check });
  };
  const on = { old: clientNames(old), new: clientNames(new_) };
  const newClass = on.new.className;
  lines.push(`declare const client: N.${newClass};`);
  let i = 0;
  const assign = (from: string, to: string) => `declare const a${i}: ${from}; const b${i}: ${to} = a${i++};`;
  ask({ scope: 'client', proof: 'client', what: `client class ${on.old.className}` }, `type C${i++} = N.${on.old.className};`);
  ask({ scope: 'client', proof: 'client', what: `client options ${on.old.optionsName}` }, assign(`O.${on.old.optionsName}`, `N.${on.new.optionsName}`));
  const paired = new Map(rules.operations.map((p) => [p.old, p.new]));
  const stable = stableScopes(old, new_, rules.operations);
  for (const op of old.operations) {
    const names = on.old.operations.get(op)!;
    const base = { scope: `op:${op.operationId}`, operationId: op.operationId };
    const group = groupOf(old, op);
    ask({ ...base, proof: 'member', what: `client.${group}.${op.methodName}` }, `client[${q(group)}][${q(op.methodName)}];`);
    if (names.iterator) ask({ ...base, proof: 'member', what: `client.${group}.${names.iterator}` }, `client[${q(group)}][${q(names.iterator)}];`);
    const match = paired.get(op);
    const next = match && on.new.operations.get(match);
    const exportsWhat = `${names.params}, ${names.result}, ${names.responses}`;
    if (!next || (next.params === names.params && next.result === names.result)) {
      ask({ ...base, proof: 'exports', what: exportsWhat }, `type E${i++} = [N.${names.params}, N.${names.result}, N.${names.responses}];`);
    } else {
      // Renamed types: the old names must still exist and still mean this operation's params and result.
      ask({ ...base, proof: 'exports', what: exportsWhat }, `${assign(`N.${names.params}`, `N.${next.params}`)} ${assign(`N.${next.result}`, `N.${names.result}`)}`);
    }
    if (!match || !next || stable.has(base.scope)) continue;
    ask({ ...base, proof: 'params', what: `${op.methodName} params` }, assign(`O.${names.params}`, `N.${next.params}`));
    ask({ ...base, proof: 'result', what: `${op.methodName} result` }, assign(`N.${next.result}`, `O.${names.result}`));
    ask({ ...base, proof: 'result-required', what: `${op.methodName} result with every field required` }, assign(`Req<N.${next.result}['data']>`, `Req<O.${names.result}['data']>`));
  }
  modelChecks(old, new_, on, { ...rules, models: rules.models.filter((m) => !stable.has(`model:${m.name}`)) }, ask, assign);
  return { lines, checks };
}

function modelChecks(
  old: ApiModel,
  new_: ApiModel,
  on: { old: ClientNames; new: ClientNames },
  rules: RuleResult,
  ask: (check: PendingCheck, text: string) => void,
  assign: (from: string, to: string) => string,
): void {
  let n = 0;
  const typeNames = new Set(old.schemas.map((s) => s.typeName));
  for (const [key, exported] of on.old.modelExports) {
    const name = typeNames.has(key) ? key : key.replace(/Input$/, '');
    ask({ scope: `model:${name}`, schema: name, proof: 'exports', what: `export ${exported}` }, `type M${n++} = N.${exported};`);
  }
  const inputs = { old: findInputVariants(old), new: findInputVariants(new_) };
  const exported = (side: 'old' | 'new', name: string, request: boolean) =>
    on[side].modelExports.get(request && inputs[side].has(name) ? `${name}Input` : name) ?? name;
  for (const { name, sides } of rules.models) {
    const base = { scope: `model:${name}`, schema: name };
    const both = sides.length === 0 ? ['response' as const] : sides;
    if (both.includes('request')) ask({ ...base, proof: 'model-in', what: `${name} (sent)` }, assign(`O.${exported('old', name, true)}`, `N.${exported('new', name, true)}`));
    if (!both.includes('response')) continue;
    ask({ ...base, proof: 'model-out', what: `${name} (read)` }, assign(`N.${exported('new', name, false)}`, `O.${exported('old', name, false)}`));
    ask({ ...base, proof: 'model-out-required', what: `${name} (read, every field required)` }, assign(`Req<N.${exported('new', name, false)}>`, `Req<O.${exported('old', name, false)}>`));
  }
}

function groupOf(model: ApiModel, op: OperationNode): string {
  return model.tags.find((t) => t.name === op.tag)?.propertyName ?? op.tag;
}

function q(text: string): string {
  return JSON.stringify(text);
}
