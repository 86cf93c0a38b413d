/**
 * The generators under test and how each one is run as a whole process:
 * Switchboard's full generation (types, client, mocks, docs) from `dist/`, and
 * the peers with the configuration the issue names. Each tool also says how
 * its output is type-checked.
 */
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const BENCH_MODULES = path.join(ROOT, 'bench', 'node_modules');

export interface Command {
  command: string;
  args: string[];
  cwd: string;
}

export interface Tool {
  id: string;
  /** What the tool produces, for the table. */
  label: string;
  /** The command that writes the tool's output for `specs` into `outDir` (an empty folder). */
  generate(specs: string[], outDir: string): Command;
  /** Writes whatever tsc needs and returns the tsconfig to check `outDir` with. */
  tsconfig(outDir: string): string;
  /** For a package with more than a client in it: the tsconfig that checks the client entry alone. */
  clientTsconfig?(outDir: string): string;
}

const NODE = process.execPath;

/** Compiler options for the peers' outputs: strict, like ours, and libraries skipped. */
const PEER_TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'Bundler',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  },
  include: ['**/*.ts'],
};

function peerTsconfig(outDir: string): string {
  const file = path.join(outDir, 'tsconfig.bench.json');
  fs.writeFileSync(file, JSON.stringify(PEER_TSCONFIG, null, 2));
  return file;
}

/** Switchboard as built in `root` (`npm run build` there): this checkout, or a baseline to compare with. */
function switchboardAt(id: string, root: string): Tool {
  return {
    id,
    label: 'types + client + mocks + docs',
    generate: (specs, outDir) => ({
      command: NODE,
      args: [path.join(root, 'dist', 'generator', 'cli.js'), 'generate', ...specs, '--out', outDir, '--quiet'],
      cwd: root,
    }),
    // The generated package's own tsconfig (strict, NodeNext, no ambient types); msw resolves from the repository.
    tsconfig: (outDir) => path.join(outDir, 'tsconfig.json'),
    // What a project importing the client pays: `src/index.ts` and what it imports, without the mocks' Node and msw types.
    clientTsconfig: (outDir) => {
      const file = path.join(outDir, 'tsconfig.bench-client.json');
      const config = { extends: './tsconfig.json', compilerOptions: { types: [] }, include: [], files: ['src/index.ts'] };
      fs.writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
      return file;
    },
  };
}

const switchboard = switchboardAt('switchboard', ROOT);

/**
 * `BENCH_BASELINE=DIR` adds `switchboard-baseline`: another checkout (built
 * with `npm run build`), for a before/after comparison in one interleaved run.
 */
const baseline = process.env.BENCH_BASELINE ? [switchboardAt('switchboard-baseline', path.resolve(process.env.BENCH_BASELINE))] : [];

const openapiTypescript: Tool = {
  id: 'openapi-typescript',
  label: 'types only',
  generate: ([spec], outDir) => ({
    command: NODE,
    // `.ts`, not `.d.ts`, so skipLibCheck does not skip checking it.
    args: [path.join(ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js'), spec, '--output', path.join(outDir, 'schema.ts')],
    cwd: outDir,
  }),
  tsconfig: peerTsconfig,
};

const orval: Tool = {
  id: 'orval',
  label: 'fetch client + MSW mocks',
  generate: ([spec], outDir) => {
    const config = path.join(outDir, 'orval.config.cjs');
    const options = { input: { target: spec }, output: { target: path.join(outDir, 'api.ts'), client: 'fetch', mode: 'tags-split', mock: true } };
    fs.writeFileSync(config, `module.exports = ${JSON.stringify({ api: options }, null, 2)};\n`);
    return { command: NODE, args: [path.join(BENCH_MODULES, 'orval', 'dist', 'bin', 'orval.js'), '--config', config], cwd: outDir };
  },
  tsconfig: peerTsconfig,
};

const heyApi: Tool = {
  id: 'hey-api',
  label: 'types + sdk (fetch client)',
  generate: ([spec], outDir) => ({
    command: NODE,
    args: [
      path.join(BENCH_MODULES, '@hey-api', 'openapi-ts', 'bin', 'run.js'),
      ...['--input', spec, '--output', path.join(outDir, 'client'), '--client', '@hey-api/client-fetch'],
      ...['--plugins', '@hey-api/typescript', '@hey-api/sdk', '--silent', '--no-log-file'],
    ],
    cwd: outDir,
  }),
  tsconfig: peerTsconfig,
};

/** Every tool, in table order; openapi-typescript is the baseline for ratios. */
export const TOOLS: readonly Tool[] = [switchboard, ...baseline, openapiTypescript, orval, heyApi];
export const BASELINE = 'openapi-typescript';

/** The TypeScript 5.9 compiler of the repository. */
export function tscCommand(tsconfig: string): Command {
  return { command: NODE, args: [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', tsconfig, '--noEmit', '--pretty', 'false'], cwd: path.dirname(tsconfig) };
}

/** Number of `error TSxxxx` diagnostics in tsc's output. */
export function countTscErrors(output: string): number {
  return output.match(/error TS\d+:/g)?.length ?? 0;
}

/** Files and bytes under a folder (excluding the bench's own config files). */
export function outputSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || /^(tsconfig\.bench(-client)?\.json|orval\.config\.cjs)$/.test(entry.name)) continue;
    files++;
    bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}
