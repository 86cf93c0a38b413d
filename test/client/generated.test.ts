/**
 * The generated client packages: snapshots pin every emitted client file, and
 * type tests prove with `@ts-expect-error` that a missing required param or a
 * wrong type does not compile — under the strictest compiler options a
 * consumer may use. Each expect-error is also shown to be needed: with the
 * directives stripped, exactly the lines they guarded fail.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientEmitter } from '../../generator/emit/client/index.js';
import { packageEmitter } from '../../generator/emit/package/index.js';
import { build } from '../../generator/pipeline.js';
import { writeOutput } from '../../generator/write/output.js';
import { writeTree } from '../helpers/temp.js';
import { APIS, generateApis, importPackage, type Api, type Generated } from './helpers/generate.js';
import { ScriptServer } from './helpers/server.js';
import { SHAPES_SPEC, SHAPES_TYPE_TESTS } from './helpers/shapes.js';

const STRICTEST: ts.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  noPropertyAccessFromIndexSignature: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  types: ['node'],
  typeRoots: [path.resolve('node_modules/@types')],
  skipLibCheck: true,
  noEmit: true,
};

let generated: Record<Api, Generated>;
let shapesDir: string;
let diagnostics: Map<string, ts.Diagnostic[]>;
const roots: { file: string; stripped: string; source: string }[] = [];

/** Writes a type-test file and its copy with every `@ts-expect-error` line blanked (line numbers kept). */
function addTypeTest(dir: string, source: string): void {
  const file = path.join(dir, 'type-tests.ts');
  const stripped = path.join(dir, 'type-tests-stripped.ts');
  fs.writeFileSync(file, source);
  fs.writeFileSync(stripped, source.replace(/^[ \t]*\/\/ @ts-expect-error.*$/gm, '//'));
  roots.push({ file, stripped, source });
}

beforeAll(async () => {
  generated = await generateApis();
  for (const api of APIS) {
    const fixture = fs.readFileSync(path.resolve(`test/client/types/${api}.ts`), 'utf8');
    addTypeTest(generated[api].dir, fixture.replace(`'../../../generated/${api}/src/index.js'`, `'./src/index.js'`));
  }
  const specDir = writeTree({ 'shapes.yaml': SHAPES_SPEC });
  shapesDir = path.join(specDir, 'out');
  writeOutput(shapesDir, (await build({ spec: path.join(specDir, 'shapes.yaml'), outDir: shapesDir }, [clientEmitter, packageEmitter])).files);
  addTypeTest(shapesDir, SHAPES_TYPE_TESTS);
  const program = ts.createProgram(roots.flatMap((r) => [r.file, r.stripped]), STRICTEST);
  diagnostics = new Map();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const key = d.file?.fileName ?? '(global)';
    diagnostics.set(key, [...(diagnostics.get(key) ?? []), d]);
  }
}, 180_000);

const describeDiagnostic = (d: ts.Diagnostic) => {
  const at = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
  return `${d.file?.fileName ?? ''}:${at ? at.line + 1 : 0} TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
};

describe('type tests', () => {
  it('the packages and their type tests compile under the strictest options (every @ts-expect-error is used)', () => {
    const stripped = new Set(roots.map((r) => r.stripped));
    const errors = [...diagnostics].filter(([file]) => !stripped.has(file)).flatMap(([, list]) => list.map(describeDiagnostic));
    expect(errors).toEqual([]);
  });

  it('each @ts-expect-error guards a line that fails without it, and only those fail', () => {
    for (const { source, stripped } of roots) {
      const guarded = source.split('\n').flatMap((line, i) => (/^[ \t]*\/\/ @ts-expect-error/.test(line) ? [i + 2] : []));
      expect(guarded.length).toBeGreaterThan(3);
      const failing = new Set((diagnostics.get(stripped) ?? []).map((d) => d.file!.getLineAndCharacterOfPosition(d.start!).line + 1));
      expect([...failing].sort((a, b) => a - b)).toEqual(guarded);
    }
  });
});

describe('snapshots', () => {
  it.each(APIS)('%s: every emitted client file is pinned', async (api) => {
    const files = generated[api].result.files.filter((f) => f.path.startsWith('src/') && !f.path.startsWith('src/mocks/'));
    expect(files.map((f) => f.path)).toContain('src/client.ts');
    for (const f of files) await expect(f.content).toMatchFileSnapshot(`__snapshots__/${api}/${f.path}`);
  });
});

describe('names that are not identifiers, and hostile text', () => {
  let server: ScriptServer;
  beforeAll(async () => void (server = await ScriptServer.start()));
  afterAll(() => server.close());

  it('sends wire names as declared; an operation with `security: []` sends no credentials', async () => {
    const sdk = await importPackage(shapesDir);
    const client = new sdk.ShapesClient({ username: 'u', password: 'p', baseUrl: server.url });
    server.script({ json: { id: '1', name: 'n', nickname: null } }, { status: 204 });
    await client.withOptions2.request({ 'user-id': 'a b', 'X-Trace-Id': 't-1', 'filter[name]': 'x', body: { name: 'n', password: 'p', nickname: null } });
    await client.default_.health();
    const [put, health] = server.requests;
    expect([put!.method, put!.url, put!.headers['x-trace-id']]).toEqual(['PUT', '/users/a%20b?filter%5Bname%5D=x', 't-1']);
    expect(put!.headers.authorization).toMatch(/^Basic /);
    expect(health!.headers.authorization).toBeUndefined();
  });

  it('spec text cannot close a comment', () => {
    const resource = fs.readFileSync(path.join(shapesDir, 'src/resources/WithOptions.ts'), 'utf8');
    expect(resource).toContain('Replace a user *\\/ export const pwned = 1; /*');
    expect(resource).not.toMatch(/^export const pwned/m);
  });
});
