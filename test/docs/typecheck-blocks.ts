/**
 * Type-checks code blocks against generated packages held in memory, with one
 * TypeScript Program for every block: each block is a virtual file (after
 * the set-up it continues, for a tag page's examples), and
 * `@switchboard/<api>` (and `/mocks`) map to the package sources via `paths`.
 * Nothing is written to disk; node_modules (msw, @types/node) come from the repo.
 */
import path from 'node:path';
import ts from 'typescript';
import type { EmittedFile } from '../../generator/emit/types.js';
import { exampleBlocks } from './markdown-tools.js';

const REPO = path.resolve(import.meta.dirname, '..', '..');
/** Virtual folder for the packages: inside the repo, so node_modules resolves by walking up. */
const ROOT = path.join(REPO, '.tmp', 'docs-typecheck');

export interface Package {
  /** npm name, `@switchboard/plivo`. */
  name: string;
  files: EmittedFile[];
}

export interface Block {
  /** Where it came from, for messages: `plivo/README.md:120`. */
  origin: string;
  /** npm name of the package the block belongs to. */
  packageName: string;
  code: string;
  /** Code the block continues (a tag page's set-up): checked in one file with it, errors in it reported at its own origin. */
  setup?: { origin: string; code: string };
}

/** The TypeScript blocks of Markdown pages, each call example with its page's set-up; origins are `<prefix><file>:<line>`. */
export function pageBlocks(pages: Iterable<readonly [string, string]>, packageName: string, prefix = ''): Block[] {
  return [...pages].flatMap(([file, text]) =>
    exampleBlocks(text).map((block) => ({
      origin: `${prefix}${file}:${block.line}`,
      packageName,
      code: block.code,
      ...(block.setup ? { setup: { origin: `${prefix}${file}:${block.setup.line}`, code: block.setup.code } } : {}),
    })),
  );
}

/** Where each line of a checked file came from: the set-up's lines first, then the block's. */
interface Origin {
  block: Block;
  setupLines: number;
}

/** Diagnostics of the blocks, as `origin (block line:col): message`; empty when every block type-checks. */
export function typecheckBlocks(packages: Package[], blocks: Block[]): string[] {
  const virtual = new Map<string, string>();
  const paths: Record<string, string[]> = {};
  for (const pkg of packages) {
    const dir = path.join(ROOT, pkg.name.replace(/[^a-z0-9-]/gi, '_'));
    for (const f of pkg.files) if (f.path.endsWith('.ts') && typeof f.content === 'string') virtual.set(path.join(dir, f.path), f.content);
    paths[pkg.name] = [path.join(dir, 'src', 'index.ts')];
    paths[`${pkg.name}/mocks`] = [path.join(dir, 'src', 'mocks', 'index.ts')];
  }
  const origins = new Map<string, Origin>();
  blocks.forEach((b, i) => {
    const file = path.join(ROOT, b.packageName.replace(/[^a-z0-9-]/gi, '_'), 'examples', `block${i}.ts`);
    const setup = b.setup ? b.setup.code.replace(/\n?$/, '\n') : '';
    virtual.set(file, setup + b.code);
    origins.set(file, { block: b, setupLines: setup ? setup.split('\n').length - 1 : 0 });
  });
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: ['node'],
    typeRoots: [path.join(REPO, 'node_modules', '@types')],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    paths,
  };
  const program = ts.createProgram({ rootNames: [...origins.keys()], options, host: virtualHost(options, virtual) });
  // Only the blocks are checked: the packages' own bodies are the client tests' business (and slow to check).
  const diagnostics = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  for (const file of origins.keys()) {
    const sf = program.getSourceFile(file)!;
    diagnostics.push(...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf));
  }
  // A broken set-up shows up once per example that continues it: reported once.
  return [...new Set(diagnostics.map((d) => describe(d, origins)))];
}

function virtualHost(options: ts.CompilerOptions, files: Map<string, string>): ts.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  const dirs = new Set<string>();
  for (const f of files.keys()) for (let d = path.dirname(f); d.startsWith(ROOT); d = path.dirname(d)) dirs.add(d);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (f) => files.has(f) || (!f.startsWith(ROOT) && ts.sys.fileExists(f));
  host.readFile = (f) => files.get(f) ?? (f.startsWith(ROOT) ? undefined : ts.sys.readFile(f));
  host.directoryExists = (d) => dirs.has(d) || (!d.startsWith(ROOT) && ts.sys.directoryExists(d));
  host.getSourceFile = (f, version, onError) => {
    const text = files.get(f);
    return text !== undefined ? ts.createSourceFile(f, text, version, true) : getSourceFile(f, version, onError);
  };
  return host;
}

function describe(d: ts.Diagnostic, origins: Map<string, Origin>): string {
  const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
  const from = d.file && origins.get(d.file.fileName);
  if (!d.file || d.start === undefined || !from) return `TS${d.code}: ${message}`;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  const source = d.file.text.split('\n')[line]?.trim();
  const inSetup = line < from.setupLines;
  const origin = inSetup ? from.block.setup!.origin : from.block.origin;
  return `${origin} (block ${(inSetup ? line : line - from.setupLines) + 1}:${character + 1}) TS${d.code}: ${message}\n    ${source}`;
}
