/**
 * `switchboard init [--spec FILE] [--out DIR] [--force]`: set Switchboard up
 * in another repository. Writes a starter spec (or uses an existing one),
 * adds a `generate` script to package.json and prints the next steps.
 * Running it again changes nothing; no file is overwritten without --force.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { STARTER_SPEC } from '../lint/starter-spec.js';
import { packageRoot, switchboardVersion } from '../paths.js';
import { outputName, UsageError, type Io } from './shared.js';


const DEFAULT_SPEC = 'specs/api.yaml';

export async function initCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { spec: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean', default: false } },
  });
  if (positionals.length > 0) throw new UsageError(`init takes no arguments (got ${JSON.stringify(positionals[0])}); use --spec FILE`);
  const pkgFile = path.join(io.cwd, 'package.json');
  if (!fs.existsSync(pkgFile)) {
    io.err(`there is no package.json in ${io.cwd}: run \`npm init -y\` first, then \`switchboard init\` again`);
    return 1;
  }
  const specRel = relPosix(io.cwd, path.resolve(io.cwd, values.spec ?? DEFAULT_SPEC));
  const spec = path.resolve(io.cwd, specRel);
  const outRel = relPosix(io.cwd, path.resolve(io.cwd, values.out ?? path.join('generated', outputName(spec))));
  checkOut(io.cwd, spec, path.resolve(io.cwd, outRel));
  const wroteSpec = writeSpec(spec, specRel, values.spec !== undefined, values.force, io);
  const script = `switchboard generate ${shellWord(specRel)} --out ${shellWord(outRel)}`;
  const pkgOk = addScript(pkgFile, script, values.force, io);
  if (pkgOk === undefined) return 1;
  printNextSteps(io, specRel, wroteSpec, installSteps(pkgFile));
  return 0;
}

/** Writes the starter unless a file is there; an existing --spec file is always kept. */
function writeSpec(spec: string, rel: string, given: boolean, force: boolean, io: Io): boolean {
  if (fs.existsSync(spec)) {
    if (!fs.statSync(spec).isFile()) throw new UsageError(`${rel} is not a file`);
    if (given || !force) {
      io.out(`${rel}: exists, kept${given ? '' : ' (use --force to replace it with the starter spec)'}`);
      return false;
    }
  }
  fs.mkdirSync(path.dirname(spec), { recursive: true });
  fs.writeFileSync(spec, STARTER_SPEC);
  io.out(`${rel}: wrote the starter spec`);
  return true;
}

/** Adds `scripts.generate`; returns whether package.json now has it, undefined when it cannot be read. */
function addScript(pkgFile: string, script: string, force: boolean, io: Io): boolean | undefined {
  const text = fs.readFileSync(pkgFile, 'utf8');
  let pkg: unknown;
  try {
    pkg = JSON.parse(text);
  } catch (error) {
    io.err(`package.json is not valid JSON (${(error as Error).message}); fix it and run \`switchboard init\` again`);
    return undefined;
  }
  if (pkg === null || typeof pkg !== 'object' || Array.isArray(pkg)) {
    io.err('package.json must hold a JSON object');
    return undefined;
  }
  const obj = pkg as Record<string, unknown>;
  const scripts = isPlainObject(obj.scripts) ? obj.scripts : {};
  const current = scripts.generate;
  if (current === script) {
    io.out('package.json: "generate" script already there');
    return true;
  }
  if (current !== undefined && !force) {
    io.out(`package.json: kept the existing "generate" script (${JSON.stringify(current)}); use --force to replace it with ${JSON.stringify(script)}`);
    return false;
  }
  obj.scripts = { ...scripts, generate: script };
  fs.writeFileSync(pkgFile, JSON.stringify(obj, null, indentOf(text)) + (text.endsWith('\n') ? '\n' : ''));
  io.out(`package.json: ${current === undefined ? 'added' : 'replaced'} "generate": ${JSON.stringify(script)}`);
  return true;
}

/** The output folder must be inside the repository (not the repository itself) and must not hold the spec. */
function checkOut(cwd: string, spec: string, out: string): void {
  const rel = path.relative(cwd, out);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) throw new UsageError('--out must be a folder inside the repository, not the repository itself');
  if (!path.relative(out, spec).startsWith('..')) throw new UsageError('--out must not contain the spec: generating replaces that folder');
}

/**
 * The commands that add this very Switchboard to the project as a devDependency, or none
 * when package.json already lists it. The generator is not on the npm registry: it is
 * packed from where it runs (a clone, whose `prepare` builds it; or an installed copy,
 * already built) into a tarball in the project, and installed from there.
 */
export function installSteps(pkgFile: string): string[] {
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as Record<string, unknown>;
  const listed = ['dependencies', 'devDependencies'].some((field) => isPlainObject(pkg[field]) && Object.hasOwn(pkg[field], 'switchboard'));
  if (listed) return [];
  const root = packageRoot();
  const fromSource = fs.existsSync(path.join(root, 'generator', 'cli.ts'));
  return [`npm pack ${shellWord(root)}${fromSource ? '' : ' --ignore-scripts'}`, `npm install --save-dev ./switchboard-${switchboardVersion()}.tgz`];
}

function printNextSteps(io: Io, spec: string, wroteSpec: boolean, install: string[]): void {
  const commands: [command: string, why: string][] = [
    [`npx switchboard lint ${shellWord(spec)}`, 'fix problems at file:line:col'],
    ['npm run generate -- --watch', 'regenerate on every save (Ctrl-C stops)'],
    ['npm run generate', 'write the package'],
    [`npx switchboard lint ${shellWord(spec)} && npm run generate -- --check`, 'in CI: fail on problems or stale output'],
  ];
  const width = Math.max(...commands.map(([command]) => command.length)) + 2;
  const steps = [
    ...(install.length > 0 ? [installStep(install)] : []),
    `${wroteSpec ? 'Replace the starter API in' : 'Edit'} ${spec}`,
    ...commands.map(([command, why]) => `${command.padEnd(width)}${why}`),
  ];
  io.out(`\nNext steps:\n${steps.map((step, i) => `  ${i + 1}. ${step}`).join('\n')}`);
}

/** Step 1 when Switchboard is not installed: why a tarball, then the commands, indented under the step. */
function installStep(install: string[]): string {
  return [
    'Add Switchboard to this project. It is not on the npm registry: install it from a tarball,',
    'and commit the .tgz with package-lock.json so `npm ci` works on every machine:',
    ...install.map((command) => `   ${command}`),
  ].join('\n     ');
}

/** Indentation of a JSON text (first indented line), default two spaces. */
function indentOf(text: string): string | number {
  const m = /\n([ \t]+)\S/.exec(text);
  return m ? m[1] : 2;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function relPosix(cwd: string, file: string): string {
  return (path.relative(cwd, file) || '.').split(path.sep).join('/');
}

/** A path as one shell word (sh and cmd both take double quotes). */
function shellWord(word: string): string {
  return /^[A-Za-z0-9_./@:+-]+$/.test(word) ? word : `"${word.replace(/(["\\$`])/g, '\\$1')}"`;
}
