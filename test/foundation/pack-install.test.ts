/**
 * The generator as a new user gets it: `switchboard init` in a fresh project,
 * then its printed next steps, run as printed. The install commands pack this
 * checkout (its `prepare` builds it) and install the tarball as a
 * devDependency; lint, generate and the CI check then run through the
 * installed bin. The installed copy sets up a second project the same way,
 * the generated package installs with the commands its README gives, and a
 * package generated under the project's own name type-checks in the project.
 *
 * Each project is seeded with this repository's locked dependencies
 * (test/helpers/npm.ts), so the installs need the registry for tarballs only,
 * and not at all once `npm ci` has filled the npm cache.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../../generator/commands/shared.js';
import { main } from '../../generator/main.js';
import { seedLockfile, shell } from '../helpers/npm.js';
import { tempDir, writeTree } from '../helpers/temp.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');
const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const SPEC = `openapi: 3.1.0
info: {title: Pets, version: 1.2.3}
servers: [{url: 'https://pets.example.com/v1'}]
paths:
  /pets/{petId}:
    get:
      operationId: getPet
      tags: [Pets]
      parameters:
        - {name: petId, in: path, required: true, schema: {type: string}}
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
        '404': {description: missing}
components:
  schemas:
    Pet:
      type: object
      required: [id, name]
      properties:
        id: {type: string}
        name: {type: string}
        tag: {type: [string, 'null'], enum: [cat, dog, null]}
`;

/** A fresh project: package.json and the seeded lockfile, nothing else. */
function project(name: string): string {
  const dir = writeTree({ 'package.json': `${JSON.stringify({ name, version: '1.0.0', private: true, type: 'module' }, null, 2)}\n` }, tempDir(`${name}-`));
  seedLockfile(dir);
  return dir;
}

/** `switchboard init` run in-process from this checkout. */
async function initHere(cwd: string): Promise<string> {
  const out: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => out.push(l), cwd, color: false };
  expect(await main(['init'], io)).toBe(0);
  return out.join('\n');
}

/** The printed next steps: the install commands of step 1, and the command of each later step. */
function nextSteps(out: string): { install: string[]; commands: string[] } {
  const lines = out.slice(out.indexOf('Next steps:')).split('\n');
  return {
    install: lines.filter((l) => /^ {8}npm /.test(l)).map((l) => l.trim()),
    commands: lines.map((l) => /^ {2}\d+\. ((?:npm|npx) .*?)(?: {2,}\S.*)?$/.exec(l)?.[1]).filter((c): c is string => c !== undefined),
  };
}

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

// Each step starts npm and the CLI a few times: generous bounds for a busy machine (not speed assertions).
describe('a new project follows `switchboard init`', { timeout: 240_000 }, () => {
  let consumer: string;
  let printed: { install: string[]; commands: string[] };

  beforeAll(async () => {
    consumer = project('consumer');
    printed = nextSteps(await initHere(consumer));
    for (const line of printed.install) shell(line, consumer);
  }, 240_000);

  it('prints install commands that pack this checkout and add it as a devDependency', () => {
    expect(printed.install).toEqual([`npm pack ${ROOT}`, `npm install --save-dev ./switchboard-${VERSION}.tgz`]);
    expect(readJson(path.join(consumer, 'package.json')).devDependencies).toEqual({ switchboard: `file:switchboard-${VERSION}.tgz` });
    expect(fs.existsSync(path.join(consumer, 'node_modules/.bin/switchboard'))).toBe(true);
    expect(shell('npx --no-install switchboard --version', consumer).trim()).toBe(VERSION);
  });

  it('then lints, generates and checks with the commands it printed (watch aside)', () => {
    expect(printed.commands).toEqual([
      'npx switchboard lint specs/api.yaml',
      'npm run generate -- --watch',
      'npm run generate',
      'npx switchboard lint specs/api.yaml && npm run generate -- --check',
    ]);
    // --watch runs until stopped; test/cli/watch.test.ts covers it.
    for (const command of printed.commands.filter((c) => !c.includes('--watch'))) shell(command, consumer);
    expect(readJson(path.join(consumer, 'generated/api/package.json')).name).toBe('@switchboard/api');
    fs.writeFileSync(path.join(consumer, 'specs/api.yaml'), fs.readFileSync(path.join(consumer, 'specs/api.yaml'), 'utf8').replace('title: Example API', 'title: Edited API'));
    expect(() => shell(printed.commands.at(-1)!, consumer)).toThrow(/generated output is out of date/);
  });

  it('prints no install step once Switchboard is a devDependency', async () => {
    expect(nextSteps(await initHere(consumer)).install).toEqual([]);
  });

  it('installs the generated package with the commands of its README: the folder, or a tarball of it', () => {
    const readme = fs.readFileSync(path.join(consumer, 'generated/api/README.md'), 'utf8');
    const blocks = [...readme.slice(readme.indexOf('## Installation'), readme.indexOf('## Quick start')).matchAll(/```sh\n([\s\S]*?)\n```/g)].map((m) => m[1].split('\n'));
    expect(blocks).toEqual([['npm install ./generated/api'], ['npm pack --ignore-scripts ./generated/api', 'npm install ./switchboard-api-0.1.0.tgz'], ['npm install @switchboard/api']]);
    const installed = path.join(consumer, 'node_modules/@switchboard/api');
    for (const line of blocks[0]) shell(line, consumer);
    expect(fs.realpathSync(installed)).toBe(path.join(consumer, 'generated/api'));
    for (const line of blocks[1]) shell(line, consumer);
    expect(fs.lstatSync(installed).isSymbolicLink()).toBe(false);
    expect(readJson(path.join(installed, 'package.json')).name).toBe('@switchboard/api');
    expect(fs.existsSync(path.join(installed, 'src/index.ts'))).toBe(true);
  });

  it('generates a package under the name the project chooses, which type-checks there', () => {
    fs.writeFileSync(path.join(consumer, 'specs/pets.yaml'), SPEC);
    const out = shell('npx switchboard generate specs/pets.yaml --out src/generated/pets --package-name @consumer/pets', consumer);
    expect(out).toContain('src/generated/pets: 1 operations, 1 schemas');
    expect(readJson(path.join(consumer, 'src/generated/pets/package.json')).name).toBe('@consumer/pets');
    writeTree(
      {
        'use.ts': `import type { Pet } from './src/generated/pets/src/index.js';\nconst pet: Pet = { id: '1', name: 'Rex', tag: null };\n// @ts-expect-error name is required\nconst bad: Pet = { id: '2' };\nexport { pet, bad };\n`,
        'tsconfig.json': JSON.stringify({
          compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM'], types: [], noEmit: true, skipLibCheck: true },
          files: ['use.ts', 'src/generated/pets/src/index.ts'],
        }),
      },
      consumer,
    );
    shell(`"${process.execPath}" "${TSC}" -p tsconfig.json`, consumer);
  });

  it('lets the installed copy set up another project the same way', () => {
    const second = project('second');
    const out = shell(`"${path.join(consumer, 'node_modules/.bin/switchboard')}" init`, second);
    const { install } = nextSteps(out);
    const installedCopy = path.join(consumer, 'node_modules/switchboard');
    expect(install).toEqual([`npm pack ${installedCopy} --ignore-scripts`, `npm install --save-dev ./switchboard-${VERSION}.tgz`]);
    for (const line of install) shell(line, second);
    expect(shell('npx --no-install switchboard --version', second).trim()).toBe(VERSION);
    shell('npm run generate', second);
    expect(readJson(path.join(second, 'generated/api/package.json')).name).toBe('@switchboard/api');
  });
});
