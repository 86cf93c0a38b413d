/**
 * The generator as users get it: `npm pack` it, install the tarball into a
 * fresh project (offline, from the npm cache `npm ci` filled), run the
 * `switchboard` bin from that project's `npm run generate`, and type-check
 * the generated client.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir, writeTree } from '../helpers/temp.js';

const ROOT = path.resolve('.');
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');
const sh = (cmd: string, args: string[], cwd: string): string =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });

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

describe('pack and install the generator', () => {
  let consumer: string;

  beforeAll(() => {
    const packDir = tempDir();
    const tarball = sh('npm', ['pack', '--silent', '--pack-destination', packDir], ROOT).trim().split('\n').pop()!;
    consumer = writeTree({
      'package.json': JSON.stringify({ name: 'consumer', private: true, type: 'module', scripts: { generate: 'switchboard generate specs/pets.yaml --out src/generated/pets' } }),
      'specs/pets.yaml': SPEC,
    });
    sh('npm', ['install', '--offline', '--no-audit', '--no-fund', '--save-dev', path.join(packDir, tarball)], consumer);
  }, 180_000);

  it('installs a `switchboard` bin that generates from the project\'s own npm script', () => {
    expect(fs.existsSync(path.join(consumer, 'node_modules/.bin/switchboard'))).toBe(true);
    const out = sh('npm', ['run', '--silent', 'generate'], consumer);
    expect(out).toContain('src/generated/pets: 1 operations, 1 schemas');
    expect(sh('npx', ['--no-install', 'switchboard', '--version'], consumer).trim()).toBe(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('the generated client type-checks in the consumer', () => {
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
    expect(() => sh(process.execPath, [TSC, '-p', 'tsconfig.json'], consumer)).not.toThrow();
  });
});
