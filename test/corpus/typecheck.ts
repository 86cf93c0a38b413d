/**
 * Type-checking generated packages with the TypeScript compiler API, shared
 * by the corpus test, the hostile suite and `bench/corpus.ts`.
 *
 * Library files (`lib.*.d.ts`, `@types/node`, msw) are parsed once per process
 * and reused by every Program, so checking many packages stays cheap. The
 * packages resolve their dependencies from this repository's node_modules
 * through a `node_modules` link placed beside them (`linkNodeModules`).
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const NODE_MODULES = path.join(REPO, 'node_modules');
const cache = new Map<string, ts.SourceFile>();

/** Makes `dir/node_modules` point at the repository's, so packages below `dir` resolve @types/node and msw. */
export function linkNodeModules(dir: string): void {
  const link = path.join(dir, 'node_modules');
  if (!fs.existsSync(link)) fs.symlinkSync(NODE_MODULES, link, 'dir');
}

/** A compiler host that caches source files which never change during a run (anything in node_modules). */
function cachingHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const stable = fileName.includes(`${path.sep}node_modules${path.sep}`) || fileName.startsWith(path.dirname(ts.getDefaultLibFilePath(options)));
    if (!stable) return read(fileName, languageVersion, onError, shouldCreate);
    const key = `${fileName}\0${JSON.stringify(languageVersion)}`;
    let file = cache.get(key);
    if (!file) {
      file = read(fileName, languageVersion, onError, shouldCreate);
      if (file) cache.set(key, file);
    }
    return file;
  };
  return host;
}

/** The package's type-check config. */
function readConfig(pkgDir: string): ts.ParsedCommandLine {
  const configPath = path.join(pkgDir, 'tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error(`cannot read ${configPath}`);
  return parsed;
}

function format(diagnostics: readonly ts.Diagnostic[]): string[] {
  return diagnostics.map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file || d.start === undefined) return `TS${d.code}: ${text}`;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${d.file.fileName}:${line + 1}:${character + 1} TS${d.code}: ${text}`;
  });
}

/** The hand-written runtimes, shipped prebuilt in every package (`runtime/client/`, `runtime/mocks/`). */
const RUNTIME = /[\\/]runtime[\\/](client|mocks)[\\/]/;

export interface CheckOptions {
  /**
   * Report semantic errors only in the files generated from the spec, not in
   * the prebuilt runtime (which are the same in every package and are
   * type-checked by their own tests). Much faster for many packages.
   */
  generatedOnly?: boolean;
}

/**
 * Type-checks every package folder with its own tsconfig.json (strict) and
 * returns the errors per folder (empty when clean).
 */
export function checkPackages(dirs: string[], { generatedOnly = false }: CheckOptions = {}): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const dir of dirs) {
    const config = readConfig(dir);
    const options = { ...config.options, noEmit: true, declaration: false };
    const program = ts.createProgram({ rootNames: config.fileNames, options, host: cachingHost(options) });
    const diagnostics = [...config.errors, ...(generatedOnly ? generatedDiagnostics(program) : ts.getPreEmitDiagnostics(program))];
    out.set(dir, format(diagnostics));
  }
  return out;
}

function generatedDiagnostics(program: ts.Program): ts.Diagnostic[] {
  const files = program.getSourceFiles().filter((f) => !program.isSourceFileFromExternalLibrary(f) && !program.isSourceFileDefaultLibrary(f) && !f.isDeclarationFile);
  return [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...files.flatMap((f) => [...program.getSyntacticDiagnostics(f), ...(RUNTIME.test(f.fileName) ? [] : program.getSemanticDiagnostics(f))]),
  ];
}
