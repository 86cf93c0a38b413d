/**
 * `dist/` against the real compiler: for every generated `src/` module, the
 * source satisfies `isolatedDeclarations` (`ts.transpileDeclaration` reports
 * nothing), our `.d.ts` is the declaration TypeScript emits for it, and our
 * `.js` is what `ts.transpileModule` emits for it. Both sides are compared as
 * syntax trees (layout, comments, trailing commas and quote style aside), the
 * imports as the set of names each brings in (`import type { A }` being
 * `import { type A }`). Shared by dist.test.ts and models-split.test.ts.
 */
import ts from 'typescript';
import { expect } from 'vitest';

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  declaration: true,
  isolatedDeclarations: true,
};

/** Checks every `src/**\/*.ts` module of `files` (path → text) and its two `dist/` files; returns how many modules were checked. */
export function expectDistMatchesCompiler(files: ReadonlyMap<string, string>): number {
  const sources = [...files.keys()].filter((p) => p.startsWith('src/') && p.endsWith('.ts'));
  // Exactly one .js and one .d.ts per source module, nothing else in dist/.
  const expected = sources.flatMap((p) => [`${distStem(p)}.d.ts`, `${distStem(p)}.js`]);
  expect([...files.keys()].filter((p) => p.startsWith('dist/')).sort()).toEqual(expected.sort());
  for (const source of sources) {
    const text = files.get(source)!;
    const stem = distStem(source);
    const declaration = ts.transpileDeclaration(text, { fileName: source, compilerOptions: COMPILER_OPTIONS, reportDiagnostics: true });
    const problems = (declaration.diagnostics ?? []).map((d) => `${source}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    expect(problems, `${source} satisfies isolatedDeclarations`).toEqual([]);
    expect(normalized(`${stem}.d.ts`, files.get(`${stem}.d.ts`)!), `${stem}.d.ts`).toEqual(normalized(`${stem}.d.ts`, declaration.outputText));
    const js = ts.transpileModule(text, { fileName: source, compilerOptions: { ...COMPILER_OPTIONS, module: ts.ModuleKind.ESNext, declaration: false } });
    expect(normalized(`${stem}.js`, files.get(`${stem}.js`)!), `${stem}.js`).toEqual(normalized(`${stem}.js`, js.outputText));
  }
  return sources.length;
}

/** `src/resources/Calls.ts` → `dist/resources/Calls`. */
function distStem(source: string): string {
  return `dist/${source.slice('src/'.length, -'.ts'.length)}`;
}

/** The module's statements as syntax trees, with its imports apart as sorted `kind module name as alias` lines. */
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

/** A node as its kind and children (names and literal values as themselves): no layout, no comments. */
function tree(node: ts.Node): string {
  const kind = ts.SyntaxKind[node.kind];
  if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) return node.text;
  if (ts.isLiteralExpression(node) || ts.isTemplateMiddleOrTemplateTail(node) || ts.isTemplateHead(node)) return `${kind}:${JSON.stringify(node.text)}`;
  const children: string[] = [];
  ts.forEachChild(node, (child) => void children.push(tree(child)));
  return children.length ? `${kind}(${children.join(' ')})` : kind;
}
