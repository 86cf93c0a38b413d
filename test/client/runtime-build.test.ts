/**
 * The runtimes a package ships prebuilt (`runtime/client/`, `runtime/mocks/`):
 * one `.js` and one `.d.ts` per source module, JavaScript that Node runs and
 * that exports what the source exports, no doc comment left behind by an
 * erased type, and a build that refuses a runtime that does not type-check
 * or has syntax that cannot be erased.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRuntimes, readSources, runtimeFiles, runtimeImport, type RuntimeName, type Sources } from '../../generator/emit/runtime-build.js';
import { tempDir } from '../helpers/temp.js';

const NAMES: RuntimeName[] = ['client', 'mocks'];
const sources = readSources();
const shipped = new Map<RuntimeName, Map<string, string>>();
let root: string;

beforeAll(async () => {
  root = tempDir('switchboard-runtime-');
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ type: 'module' }));
  for (const name of NAMES) {
    const files = await runtimeFiles(name);
    shipped.set(name, new Map(files.map((f) => [path.posix.basename(f.path), f.content as string])));
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(root, f.path)), { recursive: true });
      fs.writeFileSync(path.join(root, f.path), f.content);
    }
  }
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe.each(NAMES)('the %s runtime as shipped', (name) => {
  it('has a .js and a .d.ts for each source module, and nothing else', () => {
    const modules = Object.keys(sources[name]).map((f) => f.replace(/\.ts$/, ''));
    expect(modules.length).toBeGreaterThan(5);
    expect([...shipped.get(name)!.keys()].sort()).toEqual(modules.flatMap((m) => [`${m}.d.ts`, `${m}.js`]).sort());
  });

  it('is JavaScript that Node loads, with the same exports as the source', async () => {
    for (const file of Object.keys(sources[name])) {
      const js = path.join(root, 'runtime', name, file.replace(/\.ts$/, '.js'));
      // A separate Node, so nothing strips types for it: TypeScript left in the .js is a syntax error there.
      const exported = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(js)}); console.log(JSON.stringify(Object.keys(m).sort()))`], { encoding: 'utf8' }));
      // A path Vite does not try to expand into a glob at transform time (it warned that it could not).
      const sourceModule = `../../generator/emit/${name}/runtime/${file.replace(/\.ts$/, '.js')}`;
      const source = await import(/* @vite-ignore */ sourceModule);
      expect(exported, file).toEqual(Object.keys(source).sort());
    }
  }, 60_000);

  it('keeps the source comments, but none of an erased declaration', () => {
    for (const [file, text] of shipped.get(name)!) {
      if (!file.endsWith('.js')) continue;
      // A doc comment directly above another, or at the end of the file, described something erased.
      expect(text, file).not.toMatch(/\*\/\n[ \t]*\/\*\*/);
      if (/^(export|import|const|let|function|class) /m.test(text)) expect(text.trimEnd(), file).not.toMatch(/\*\/$/);
      expect(text, file).not.toMatch(/^\s*(import type|export type|export interface|interface |type \w+ =)/m);
    }
    // A types-only module keeps its header and nothing more.
    const types = shipped.get(name)!.get('types.js')!;
    expect(types).toMatch(/^\/\*\*[^]*?\*\/\n$/);
    const header = sources[name]['types.ts']!.match(/^\/\*\*[^]*?\*\//)![0];
    expect(types).toBe(`${header}\n`);
  });
});

describe('building a runtime', () => {
  const edited = (file: string, edit: (text: string) => string): Sources => ({ ...sources, client: { ...sources.client, [file]: edit(sources.client[file]!) } });

  it('stops at a type error, with file(line,col)', async () => {
    const broken = edited('retry.ts', (text) => `${text}\nexport const wrong: number = 'text';\n`);
    await expect(buildRuntimes(broken)).rejects.toThrow(/the client runtime does not type-check:\n.*retry\.ts\(\d+,\d+\): error TS2322/);
  }, 60_000);

  it('stops at syntax that has JavaScript output of its own (a parameter property)', async () => {
    const broken = edited('retry.ts', (text) => `${text}\nexport class Holder {\n  constructor(private readonly value: number) {}\n}\n`);
    await expect(buildRuntimes(broken)).rejects.toThrow(/retry\.ts\(\d+,\d+\): error TS1294/);
  }, 60_000);
});

describe('runtime imports', () => {
  it('are relative to the importing file', () => {
    expect(runtimeImport('client', 'src/client.ts', 'index.js')).toBe('../runtime/client/index.js');
    expect(runtimeImport('client', 'src/resources/Calls.ts', 'index.js')).toBe('../../runtime/client/index.js');
    expect(runtimeImport('mocks', 'src/mocks/index.ts', 'core.js')).toBe('../../runtime/mocks/core.js');
  });
});
