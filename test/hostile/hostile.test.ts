/**
 * Hostile-input suite: each fixture spec is either rejected with a located
 * error, or its output type-checks, runs nothing when imported, writes
 * nothing outside the output folder and renders its docs with markup inert.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { ApiModel } from '../../generator/model/types.js';
import { SpecError } from '../../generator/issues.js';
import { generate } from '../../generator/pipeline.js';
import { checkPackages, linkNodeModules } from '../corpus/typecheck.js';
import { snapshotTree, tempDir, writeTree } from '../helpers/temp.js';
import { canaryFiles, entries, importInChild, importWasInert, markdownFindings, unsafeOutputPaths, type ImportOutcome } from './checks.js';
import { CASES, type HostileCase } from './specs.js';

interface Run {
  root: string;
  outDir: string;
  model?: ApiModel;
  error?: unknown;
  /** The temp root before generation, without the output folder. */
  before: Map<string, string>;
}

async function run(c: HostileCase): Promise<Run> {
  const root = tempDir('switchboard-hostile-');
  roots.push(root);
  writeTree({ ...c.files, 'spec/openapi.yaml': typeof c.spec === 'string' ? c.spec : stringify(c.spec) }, root);
  const before = snapshotTree(root);
  linkNodeModules(root);
  const outDir = path.join(root, 'out');
  try {
    const [result] = await generate([{ spec: path.join(root, 'spec/openapi.yaml'), outDir }]);
    return { root, outDir, before, model: result.model };
  } catch (error) {
    return { root, outDir, before, error };
  }
}

/** The temp root after generation, without the output folder and the node_modules link. */
function outsideOutput(root: string): Map<string, string> {
  fs.rmSync(path.join(root, 'node_modules'));
  const after = snapshotTree(root);
  for (const key of [...after.keys()]) if (key.startsWith('out/')) after.delete(key);
  linkNodeModules(root);
  return after;
}

// Vitest workers may end without an 'exit' event, so each file removes its own temp folders.
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

const rejected = CASES.filter((c) => 'rejects' in c.expect);
const generated = CASES.filter((c) => 'generates' in c.expect);

describe.each(rejected)('rejected: $name', (c) => {
  let r: Run;
  beforeAll(async () => void (r = await run(c)));

  it('throws a SpecError whose every issue is located and has the expected code', () => {
    expect(r.error).toBeInstanceOf(SpecError);
    const issues = (r.error as SpecError).issues;
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) {
      expect(i.line).toBeGreaterThanOrEqual(1);
      expect(i.col).toBeGreaterThanOrEqual(1);
      expect(i.file).toBe(path.join(r.root, 'spec/openapi.yaml'));
    }
    expect([...new Set(issues.map((i) => i.code))]).toEqual((c.expect as { rejects: string[] }).rejects);
  });

  it('writes nothing at all and leaks nothing it refused to read', () => {
    expect(fs.existsSync(r.outDir)).toBe(false);
    expect(outsideOutput(r.root)).toEqual(r.before);
    expect((r.error as Error).message).not.toMatch(/must never be read|root:x:0:0/);
  });
});

describe.each(generated)('generated: $name', (c) => {
  let r: Run;
  let compileErrors: string[];
  let imported: ImportOutcome;
  beforeAll(async () => {
    r = await run(c);
    if (r.error) return;
    if (c.typeCheck) fs.writeFileSync(path.join(r.outDir, 'src', 'hostile-check.ts'), `${c.typeCheck}\n`);
    compileErrors = checkPackages([r.outDir], { generatedOnly: true }).get(r.outDir) ?? [];
    // The generated dist/ itself, as a consumer loads it: nothing compiled here.
    imported = importInChild(entries(r.outDir));
  }, 120_000);

  it('generates without error and leaves Object.prototype alone', () => {
    expect(r.error).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('keeps every operation and schema, under distinct names', () => {
    const raw = parse(fs.readFileSync(path.join(r.root, 'spec/openapi.yaml'), 'utf8'), { merge: false });
    const methods = Object.values(raw.paths ?? {}).flatMap((item) => Object.keys(item as object).filter((k) => ['get', 'post'].includes(k)));
    const m = r.model!;
    expect(m.operations.length).toBe(methods.length);
    expect(m.schemas.length).toBeGreaterThanOrEqual(Object.keys(raw.components?.schemas ?? {}).length);
    const distinct = (names: string[]): void => expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    distinct(m.schemas.map((s) => s.typeName));
    distinct(m.operations.map((o) => o.typeName));
    distinct(m.tags.map((t) => t.propertyName));
    for (const tag of m.tags) distinct(tag.operations.map((o) => o.methodName));
  });

  it('type-checks and compiles (strict)', () => {
    expect(compileErrors).toEqual([]);
    expect(entries(r.outDir).length).toBeGreaterThan(0);
  });

  it('runs nothing when imported: no canary, no exit, no file, no pollution', () => {
    expect(imported.stderr).toBe('');
    expect(importWasInert(imported), JSON.stringify(imported)).toBe(true);
    expect(canaryFiles(r.root)).toEqual([]);
  });

  it('writes nothing outside the output folder, and only plain file names inside it', () => {
    expect(outsideOutput(r.root)).toEqual(r.before);
    expect(unsafeOutputPaths(r.outDir)).toEqual([]);
  });

  it('renders every Markdown file with the markup inert', () => {
    const findings = markdownFindings(r.outDir);
    expect(findings.filter((f) => f.live.length > 0)).toEqual([]);
  });
});
