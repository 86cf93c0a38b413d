/**
 * The project's TypeScript engine: ts-morph, on an in-memory file system,
 * with one set of strict compiler options.
 *
 * Everything that asks TypeScript a question about generated code goes
 * through `typeCheck` (today: `switchboard diff`'s proof that old calls still
 * compile; meant to serve `generate --verify`, the tests' type tests and the
 * docs examples too). ts-morph and the TypeScript it bundles are loaded on
 * first use only: loading them costs about half a second, which `generate`
 * must not pay.
 *
 * Files are given as text under virtual absolute paths (`/old/src/index.ts`);
 * TypeScript's own lib files come with ts-morph's in-memory file system, so
 * nothing is read from disk and nothing is written.
 */
import type * as TsMorph from 'ts-morph';

/** A diagnostic, located in its virtual file (1-based line and column). */
export interface TypeDiagnostic {
  file: string;
  line: number;
  col: number;
  /** The TS error number (2322 for "not assignable"). */
  code: number;
  /** The whole message chain, one line per level of elaboration. */
  message: string;
}

export interface TypeCheckOptions {
  /**
   * Files whose diagnostics are wanted (default: every file given). Files
   * left out are still parsed and used for types, just not checked.
   */
  check?: readonly string[];
  /** Overrides of the strict options, for the rare caller that needs one (e.g. `lib`). */
  compilerOptions?: Partial<TsMorph.ts.CompilerOptions>;
}

export interface TypeCheckResult {
  /** Every error in the files checked, sorted by file, line and column. */
  diagnostics: TypeDiagnostic[];
  /** Milliseconds spent loading ts-morph (0 after the first call), building the program and checking. */
  timings: { load: number; check: number };
}

let engine: typeof TsMorph | undefined;

/** ts-morph, loaded on first use (about 0.5 s). */
export async function loadEngine(): Promise<typeof TsMorph> {
  return (engine ??= await import('ts-morph'));
}

/**
 * The one set of compiler options generated code is checked with: what a
 * consumer with a strict tsconfig uses (strict, NodeNext, ES2022 + DOM, no
 * ambient `@types`), as in every generated package's own tsconfig.json.
 */
export function strictOptions(ts: typeof TsMorph.ts): TsMorph.ts.CompilerOptions {
  return {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    skipLibCheck: true,
    noEmit: true,
    isolatedModules: true,
    verbatimModuleSyntax: true,
  };
}

/**
 * Type-checks `files` (virtual path → text) in memory and returns the errors
 * of the files in `options.check`. One program holds every file, so checking
 * many things at once (one statement per question in a synthetic file) costs
 * one program, not one per question.
 */
export async function typeCheck(files: ReadonlyMap<string, string>, options: TypeCheckOptions = {}): Promise<TypeCheckResult> {
  const started = performance.now();
  const tsMorph = await loadEngine();
  const loaded = performance.now();
  const project = new tsMorph.Project({
    useInMemoryFileSystem: true,
    compilerOptions: { ...strictOptions(tsMorph.ts), ...options.compilerOptions },
    skipAddingFilesFromTsConfig: true,
  });
  const fs = project.getFileSystem();
  for (const [file, text] of files) fs.writeFileSync(file, text);
  const wanted = options.check ?? [...files.keys()].filter((f) => /\.(c|m)?tsx?$/.test(f));
  const sources = wanted.map((file) => project.addSourceFileAtPath(file));
  project.resolveSourceFileDependencies();
  const program = project.getProgram().compilerObject;
  const ts = tsMorph.ts;
  const raw: TsMorph.ts.Diagnostic[] = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  for (const source of sources) {
    const sf = program.getSourceFile(source.getFilePath())!;
    raw.push(...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf));
  }
  const diagnostics = raw
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map((d) => toDiagnostic(ts, d))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col));
  return { diagnostics, timings: { load: loaded - started, check: performance.now() - loaded } };
}

function toDiagnostic(ts: typeof TsMorph.ts, d: TsMorph.ts.Diagnostic): TypeDiagnostic {
  const at = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
  return {
    file: d.file?.fileName ?? '',
    line: at ? at.line + 1 : 0,
    col: at ? at.character + 1 : 0,
    code: d.code,
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  };
}

/** `/old/src/x.ts:3:7 TS2322 Type … is not assignable …` (first line of the message). */
export function formatDiagnostic(d: TypeDiagnostic): string {
  return `${d.file}:${d.line}:${d.col} TS${d.code} ${d.message.split('\n')[0]}`;
}
