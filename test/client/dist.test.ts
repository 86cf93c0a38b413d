/**
 * `dist/` is printed by the emitters, not compiled (printer.ts `printModule`,
 * mocks/entry.ts): here the real compiler checks it. For every generated
 * module of the seeds, the corpus subset and the hostile specs:
 * - the source satisfies `isolatedDeclarations` (`ts.transpileDeclaration`
 *   reports nothing), and our `.d.ts` is the declaration TypeScript emits for
 *   it, statement for statement;
 * - our `.js` is the JavaScript `ts.transpileModule` emits for it.
 * Both sides are compared as syntax trees printed by TypeScript's printer
 * (layout and comments aside; imports as the set of names each brings in,
 * `import type { A }` being `import { type A }`).
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { EMITTERS, type EmittedFile } from '../../generator/emit/index.js';
import { compareText } from '../../generator/issues.js';
import { loadSpec } from '../../generator/load/index.js';
import { buildModel } from '../../generator/model/build.js';
import { tempDir, writeTree } from '../helpers/temp.js';
import { CASES } from '../hostile/specs.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CORPUS = path.join(ROOT, 'test', 'fixtures', 'corpus');

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

function hostileSpecs(): [string, string][] {
  return CASES.filter((c) => 'generates' in c.expect).map((c) => {
    const root = tempDir('switchboard-dist-');
    roots.push(root);
    writeTree({ ...c.files, 'spec/openapi.yaml': typeof c.spec === 'string' ? c.spec : stringify(c.spec) }, root);
    return [`hostile: ${c.name}`, path.join(root, 'spec', 'openapi.yaml')];
  });
}

const SPECS: [string, string][] = [
  ...['bandwidth', 'plivo', 'twilio'].map((api): [string, string] => [api, path.join(ROOT, 'specs', `${api}.yaml`)]),
  ...fs
    .readdirSync(CORPUS)
    .filter((f) => f.endsWith('.json'))
    .sort(compareText)
    .map((f): [string, string] => [`corpus: ${f}`, path.join(CORPUS, f)]),
  ['hostile-docs', path.join(ROOT, 'test', 'fixtures', 'hostile-docs', 'openapi.yaml')],
  ...hostileSpecs(),
];

async function emitted(spec: string): Promise<Map<string, string>> {
  const model = buildModel(await loadSpec(spec));
  const files: EmittedFile[] = [];
  for (const emitter of EMITTERS) files.push(...(await emitter.emit(model)));
  return new Map(files.flatMap((f) => (typeof f.content === 'string' ? [[f.path, f.content] as const] : [])));
}

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  declaration: true,
  isolatedDeclarations: true,
};

/**
 * The module's statements as syntax trees (node kinds, names and literal
 * values: no layout, no comments, no trailing commas, no quote style), with
 * its imports apart as `kind module name as alias` lines (sorted), so that
 * the form of an import does not count, only what it brings in.
 */
function normalized(fileName: string, text: string): { imports: string[]; statements: string[] } {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true, fileName.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  const imports: string[] = [];
  const statements: string[] = [];
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement) && statement.importClause) {
      const clause = statement.importClause;
      const from = (statement.moduleSpecifier as ts.StringLiteral).text;
      const kind = (typeOnly: boolean) => (clause.isTypeOnly || typeOnly ? 'type' : 'value');
      if (clause.name) imports.push(`${kind(false)} ${from} default as ${clause.name.text}`);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) imports.push(`${kind(false)} ${from} * as ${bindings.name.text}`);
      if (bindings && ts.isNamedImports(bindings)) {
        for (const e of bindings.elements) imports.push(`${kind(e.isTypeOnly)} ${from} ${(e.propertyName ?? e.name).getText(file)} as ${e.name.text}`);
      }
    } else statements.push(tree(statement));
  }
  return { imports: imports.sort(), statements };
}

function tree(node: ts.Node): string {
  const kind = ts.SyntaxKind[node.kind];
  if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) return node.text;
  if (ts.isLiteralExpression(node) || ts.isTemplateMiddleOrTemplateTail(node) || ts.isTemplateHead(node)) return `${kind}:${JSON.stringify(node.text)}`;
  const children: string[] = [];
  ts.forEachChild(node, (child) => void children.push(tree(child)));
  return children.length ? `${kind}(${children.join(' ')})` : kind;
}

describe('dist/ is what TypeScript makes of src/', () => {
  it.each(SPECS)('%s', async (_name, spec) => {
    const files = await emitted(spec);
    const sources = [...files.keys()].filter((p) => p.startsWith('src/') && p.endsWith('.ts'));
    expect(sources.length).toBeGreaterThan(3);
    // Exactly one .js and one .d.ts per source module, nothing else in dist/.
    const expected = sources.flatMap((p) => {
      const stem = `dist/${p.slice('src/'.length, -'.ts'.length)}`;
      return [`${stem}.d.ts`, `${stem}.js`];
    });
    expect([...files.keys()].filter((p) => p.startsWith('dist/')).sort()).toEqual(expected.sort());
    for (const source of sources) {
      const text = files.get(source)!;
      const stem = `dist/${source.slice('src/'.length, -'.ts'.length)}`;
      const declaration = ts.transpileDeclaration(text, { fileName: source, compilerOptions: COMPILER_OPTIONS, reportDiagnostics: true });
      const problems = (declaration.diagnostics ?? []).map((d) => `${source}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
      expect(problems, `${source} satisfies isolatedDeclarations`).toEqual([]);
      expect(normalized(`${stem}.d.ts`, files.get(`${stem}.d.ts`)!), `${stem}.d.ts`).toEqual(normalized(`${stem}.d.ts`, declaration.outputText));
      const js = ts.transpileModule(text, { fileName: source, compilerOptions: { ...COMPILER_OPTIONS, module: ts.ModuleKind.ESNext, declaration: false } });
      expect(normalized(`${stem}.js`, files.get(`${stem}.js`)!), `${stem}.js`).toEqual(normalized(`${stem}.js`, js.outputText));
    }
  });
});
