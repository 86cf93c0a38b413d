/**
 * The hand-written runtimes as a generated package ships them: compiled once
 * to JavaScript plus declarations, in `runtime/client/` and `runtime/mocks/`
 * at the package root.
 *
 * The sources (`generator/emit/<name>/runtime/*.ts`) are type-checked and
 * tested here. Shipping them as `.ts` made every package's `tsc` check them
 * again, with `@types/node` loaded for the mock server: on the three large
 * benchmark specs that was a quarter to a half of the package's check time.
 * A `.d.ts` is only parsed, and the `.js` keeps the source's layout and
 * comments (types are blanked out by ts-blank-space, then prettier prints it).
 *
 * `npm run build` writes them to dist/runtime.prebuilt.json, which a run uses
 * when it was built from exactly the sources on disk. Otherwise (a run from
 * source after a runtime edit) they are built here, once per process, and the
 * file is rewritten for the next run.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { compareText } from '../issues.js';
import { packageRoot, runtimeDir } from '../paths.js';
import type { EmittedFile } from './types.js';

export type RuntimeName = 'client' | 'mocks';

const NAMES: readonly RuntimeName[] = ['client', 'mocks'];

/** A runtime's folder in a generated package. */
function runtimeFolder(name: RuntimeName): string {
  return `runtime/${name}`;
}

/**
 * The import specifier of runtime module `file` (`index.js`) from a package
 * file at `from` (`src/resources/Calls.ts`): `../../runtime/client/index.js`.
 */
export function runtimeImport(name: RuntimeName, from: string, file: string): string {
  return `${path.posix.relative(path.posix.dirname(from), runtimeFolder(name))}/${file}`;
}

const PREBUILT = 'dist/runtime.prebuilt.json';

/** Bumped when the build below changes what it makes from the same sources. */
const FORMAT = 1;

interface Prebuilt {
  format: number;
  hash: string;
  /** Per runtime: file name (`client.js`, `client.d.ts`) → content. */
  runtimes: Record<RuntimeName, Record<string, string>>;
}

/** Per runtime: source file name (`client.ts`) → text. */
export type Sources = Record<RuntimeName, Record<string, string>>;

export function readSources(): Sources {
  const read = (name: RuntimeName): Record<string, string> => {
    const dir = runtimeDir(name);
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
    return Object.fromEntries(files.sort(compareText).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
  };
  return { client: read('client'), mocks: read('mocks') };
}

function hashOf(sources: Sources): string {
  return createHash('sha256').update(JSON.stringify(sources)).digest('hex');
}

let loaded: Promise<Prebuilt> | undefined;

/** The runtime's files for a package: `runtime/<name>/*.js` and `*.d.ts`, already in prettier's layout. */
export async function runtimeFiles(name: RuntimeName): Promise<EmittedFile[]> {
  loaded ??= loadRuntimes();
  const files = (await loaded).runtimes[name];
  return Object.keys(files)
    .sort(compareText)
    .map((file) => ({
      path: `${runtimeFolder(name)}/${file}`,
      content: files[file]!,
      formatted: true,
    }));
}

async function loadRuntimes(): Promise<Prebuilt> {
  const sources = readSources();
  const file = path.join(packageRoot(), PREBUILT);
  try {
    const prebuilt = JSON.parse(fs.readFileSync(file, 'utf8')) as Prebuilt;
    if (prebuilt.format === FORMAT && prebuilt.hash === hashOf(sources)) return prebuilt;
  } catch {
    // missing or unreadable: built below
  }
  const built = await prebuild(sources);
  try {
    writeAtomically(file, JSON.stringify(built));
  } catch {
    // a read-only install still generates, from this process's build
  }
  return built;
}

/** Writes the prebuilt runtimes into dist/ (run by `npm run build`); returns the file written. */
export async function writePrebuiltRuntimes(): Promise<string> {
  const file = path.join(packageRoot(), PREBUILT);
  writeAtomically(file, JSON.stringify(await prebuild(readSources())));
  return file;
}

async function prebuild(sources: Sources): Promise<Prebuilt> {
  return { format: FORMAT, hash: hashOf(sources), runtimes: await buildRuntimes(sources) };
}

/** Parallel runs (test workers) may build at once: each renames a whole file into place. */
function writeAtomically(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, file);
}

/**
 * Type-checks each runtime (strict, as in a package), and makes its `.d.ts`
 * files with tsc and its `.js` files with ts-blank-space; both through
 * prettier. A type error in a runtime stops the build.
 */
export async function buildRuntimes(sources: Sources): Promise<Prebuilt['runtimes']> {
  // Build-time tools, loaded only here: a run with a current prebuilt file never needs them.
  const [{ default: ts }, { blankSourceFile }, prettier, { optionsFor }] = await Promise.all([
    import('typescript'),
    import('ts-blank-space'),
    import('prettier'),
    import('../write/format.js'),
  ]);
  const runtimes = {} as Prebuilt['runtimes'];
  for (const name of NAMES) {
    const dir = runtimeDir(name);
    const out: Record<string, string> = {};
    const options: import('typescript').CompilerOptions = {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: ['node'],
      strict: true,
      // Only syntax that ts-blank-space can erase (no enums, namespaces or parameter properties).
      erasableSyntaxOnly: true,
      skipLibCheck: true,
      declaration: true,
      emitDeclarationOnly: true,
      rootDir: dir,
      outDir: dir,
    };
    // The sources given, not the files on disk: what is hashed is what is built.
    const host = ts.createCompilerHost(options);
    const own = (fileName: string): string | undefined => (path.dirname(fileName) === dir ? sources[name][path.basename(fileName)] : undefined);
    const { getSourceFile, fileExists, readFile } = host;
    // Type libraries (`@types/node`) resolve from Switchboard's install, not from where it runs.
    host.getCurrentDirectory = () => packageRoot();
    host.fileExists = (fileName) => own(fileName) !== undefined || (path.dirname(fileName) !== dir && fileExists(fileName));
    host.readFile = (fileName) => own(fileName) ?? (path.dirname(fileName) === dir ? undefined : readFile(fileName));
    host.getSourceFile = (fileName, language, ...rest) => {
      const text = own(fileName);
      return text === undefined ? getSourceFile(fileName, language, ...rest) : ts.createSourceFile(fileName, text, language);
    };
    const program = ts.createProgram(
      Object.keys(sources[name]).map((f) => path.join(dir, f)),
      options,
      host,
    );
    const errors = ts.getPreEmitDiagnostics(program);
    if (errors.length) {
      const format = {
        getCanonicalFileName: (f: string) => f,
        getCurrentDirectory: () => dir,
        getNewLine: () => '\n',
      };
      throw new Error(`the ${name} runtime does not type-check:\n${ts.formatDiagnostics(errors, format)}`);
    }
    const declarations: Record<string, string> = {};
    program.emit(undefined, (fileName, text) => (declarations[path.basename(fileName)] = text));
    for (const [file, source] of Object.entries(sources[name])) {
      const base = file.slice(0, -'.ts'.length);
      const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true);
      const js = withoutErasedLines(source, withoutOrphanedComments(ts, sourceFile, blankSourceFile(sourceFile)));
      out[`${base}.js`] = await prettier.format(js, optionsFor('babel'));
      out[`${base}.d.ts`] = await prettier.format(declarations[`${base}.d.ts`]!, optionsFor('typescript'));
    }
    runtimes[name] = out;
  }
  return runtimes;
}

/**
 * `js` (the source with its types blanked out, same positions) without the
 * doc comments of declarations that were blanked out whole: an interface's
 * JSDoc must not float above unrelated code. A comment followed by a blank
 * line is not attached to what comes next (a file's header), so it stays.
 */
function withoutOrphanedComments(ts: typeof import('typescript'), sourceFile: import('typescript').SourceFile, js: string): string {
  const text = sourceFile.text;
  // UTF-16 units, as TypeScript's positions count them.
  const chars = js.split('');
  const erased = (node: import('typescript').Node): boolean => js.slice(node.getStart(sourceFile), node.end).trim() === '';
  const visit = (nodes: readonly import('typescript').Node[]): void => {
    for (const node of nodes) {
      if (ts.isClassLike(node)) visit(node.members);
      if (!erased(node)) continue;
      const comments = ts.getLeadingCommentRanges(text, node.pos) ?? [];
      comments.forEach((comment, i) => {
        const next = comments[i + 1]?.pos ?? node.getStart(sourceFile);
        if (/\n[ \t]*\r?\n/.test(text.slice(comment.end, next))) return;
        for (let k = comment.pos; k < comment.end; k++) if (chars[k] !== '\n') chars[k] = ' ';
      });
    }
  };
  visit(sourceFile.statements);
  return chars.join('');
}

/** Drops the lines that held only erased text (an `import type`, an interface), so no gaps are left in their place. */
function withoutErasedLines(source: string, js: string): string {
  const before = source.split('\n');
  return js
    .split('\n')
    .filter((line, i) => line.trim() !== '' || before[i]!.trim() === '')
    .join('\n');
}
