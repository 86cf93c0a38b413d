/**
 * Versions and changelogs: npm's bump rules (0.x included), `generate
 * --version auto` against the previous output's bundled spec, `--check`
 * failing on breaking changes a fixed version does not announce, and the
 * bundled `openapi.json` itself (a multi-file spec comes back as the same package).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../generator/commands/shared.js';
import { nextVersion } from '../../generator/diff/version.js';
import { clientEmitter } from '../../generator/emit/client/index.js';
import { loadSpec } from '../../generator/load/index.js';
import { main } from '../../generator/main.js';
import { buildModel } from '../../generator/model/build.js';
import { tempDir, writeTree } from '../helpers/temp.js';
import { baseSpec, op, schema, type Spec } from './base-spec.js';

async function run(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), cwd, color: false };
  const code = await main(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function project(spec: Spec): { dir: string; save: (s: Spec) => void; pkg: () => { version: string }; changelog: () => string } {
  const dir = tempDir();
  const save = (s: Spec) => fs.writeFileSync(path.join(dir, 'calls.json'), JSON.stringify(s, null, 2));
  save(spec);
  return {
    dir,
    save,
    pkg: () => JSON.parse(fs.readFileSync(path.join(dir, 'out/package.json'), 'utf8')),
    changelog: () => fs.readFileSync(path.join(dir, 'out/CHANGELOG.md'), 'utf8'),
  };
}

const generate = (dir: string, ...extra: string[]) => run(['generate', 'calls.json', '--out', 'out', '-q', ...extra], dir);

describe('nextVersion: npm caret rules, 0.x included', () => {
  it.each([
    ['1.2.3', 'major', '2.0.0'],
    ['1.2.3', 'minor', '1.3.0'],
    ['1.2.3', 'patch', '1.2.4'],
    ['0.3.1', 'major', '0.4.0'],
    ['0.3.1', 'minor', '0.3.2'],
    ['0.3.1', 'patch', '0.3.2'],
    ['0.0.4', 'major', '0.0.5'],
    ['0.0.4', 'minor', '0.0.5'],
    ['2.0.0-beta.1', 'major', '2.0.0'],
    ['not-a-version', 'minor', '0.0.1'],
  ] as const)('%s + %s → %s', (from, bump, to) => {
    expect(nextVersion(from, bump)).toBe(to);
  });
});

describe('generate --version auto', () => {
  it('starts from info.version, keeps the version while nothing changes, and bumps by the diff with a changelog entry', async () => {
    const p = project(baseSpec());
    expect((await generate(p.dir, '--version', 'auto')).code).toBe(0);
    expect(p.pkg().version).toBe('1.2.3');
    expect(p.changelog()).toBe('# Changelog\n\n## 1.2.3\n\nFirst version, generated from Calls API 1.2.3.\n');
    // Unchanged spec: same version, same changelog, and --check agrees.
    expect((await generate(p.dir, '--version', 'auto')).code).toBe(0);
    expect(p.pkg().version).toBe('1.2.3');
    expect((await generate(p.dir, '--version', 'auto', '--check')).code).toBe(0);
    // A feature: minor.
    const feature = baseSpec();
    op(feature, '/calls', 'get').parameters.push({ name: 'to', in: 'query', schema: { type: 'string' } });
    p.save(feature);
    expect((await generate(p.dir, '--version', 'auto', '--check')).code).toBe(1);
    expect((await generate(p.dir, '--version', 'auto')).code).toBe(0);
    expect(p.pkg().version).toBe('1.3.0');
    // A break on top: major, entries newest first.
    const breaking = structuredClone(feature);
    delete schema(breaking, 'Call').properties.from;
    p.save(breaking);
    expect((await generate(p.dir, '--version', 'auto')).code).toBe(0);
    expect(p.pkg().version).toBe('2.0.0');
    const log = p.changelog();
    expect(log.indexOf('## 2.0.0')).toBeLessThan(log.indexOf('## 1.3.0'));
    expect(log.indexOf('## 1.3.0')).toBeLessThan(log.indexOf('## 1.2.3'));
    expect(log).toContain('### Breaking changes\n\n- Call: property "from" removed (`response-property-removed`)');
    expect(log).toContain('### Features\n\n- listCalls (GET /calls): parameter "to" added (optional) (`param-added-optional`)');
    // Docs only: patch.
    const docs = structuredClone(breaking);
    op(docs, '/calls', 'get').summary = 'List every call';
    p.save(docs);
    expect((await generate(p.dir, '--version', 'auto')).code).toBe(0);
    expect(p.pkg().version).toBe('2.0.1');
  });

  it('follows 0.x rules: a break bumps the minor', async () => {
    const spec = baseSpec();
    spec.info.version = '0.3.0';
    const p = project(spec);
    expect((await generate(p.dir, '--version', 'auto')).code).toBe(0);
    delete spec.paths['/calls/{id}'].delete;
    p.save(spec);
    expect((await generate(p.dir, '--version', 'auto')).code).toBe(0);
    expect(p.pkg().version).toBe('0.4.0');
  });

  it('keeps the changelog on later runs without --version auto: its history cannot be made again', async () => {
    const p = project(baseSpec());
    expect((await generate(p.dir, '--version', 'auto')).code).toBe(0);
    const first = p.changelog();
    expect((await generate(p.dir)).code).toBe(0);
    expect(p.changelog()).toBe(first);
    expect(p.pkg().version).toBe('1.2.3');
    expect((await generate(p.dir, '--version', '9.9.9')).code).toBe(0);
    expect(p.changelog()).toBe(first);
    expect(p.pkg().version).toBe('9.9.9');
    expect((await generate(p.dir, '--check')).code).toBe(1); // 9.9.9 → info.version: package.json drifts, the changelog does not
    expect((await generate(p.dir)).code).toBe(0);
    expect((await generate(p.dir, '--check')).code).toBe(0);
  });

  it('a --version that is neither auto nor semver is bad usage', async () => {
    const p = project(baseSpec());
    expect((await generate(p.dir, '--version', '1.2')).code).toBe(2);
    expect((await generate(p.dir, '--version', '4.5.6')).code).toBe(0);
    expect(p.pkg().version).toBe('4.5.6');
  });
});

describe('generate --check with a fixed version', () => {
  it('fails on breaking changes while the major stays, and passes once info.version announces them', async () => {
    const p = project(baseSpec());
    expect((await generate(p.dir)).code).toBe(0);
    const spec = baseSpec();
    schema(spec, 'CreateCall').required.push('from');
    p.save(spec);
    const check = await generate(p.dir, '--check');
    expect(check.code).toBe(1);
    expect(check.err).toContain('out: 1 breaking change, but version 1.2.3 is still in ^1.2.3:');
    expect(check.err).toContain('request-property-became-required  CreateCall: property "from" became required');
    spec.info.version = '2.0.0';
    p.save(spec);
    const announced = await generate(p.dir, '--check');
    expect(announced.err).not.toContain('breaking change');
    // A feature never trips it.
    const feature = baseSpec();
    op(feature, '/calls', 'get').parameters.push({ name: 'to', in: 'query', schema: { type: 'string' } });
    p.save(feature);
    expect((await generate(p.dir, '--check')).err).not.toContain('breaking change');
  });
});

describe('the bundled openapi.json', () => {
  it('holds a one-file spec as written, and is exported by the package', async () => {
    const p = project(baseSpec());
    expect((await generate(p.dir)).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(p.dir, 'out/openapi.json'), 'utf8'))).toEqual(baseSpec());
    const pkg = JSON.parse(fs.readFileSync(path.join(p.dir, 'out/package.json'), 'utf8'));
    expect(pkg.exports['./openapi.json']).toBe('./openapi.json');
    expect(pkg.files).toContain('openapi.json');
  });

  it('brings the other files of a multi-file spec in, so that it generates the same client again', async () => {
    const fixture = path.resolve('test/fixtures/lint/multi');
    const dir = writeTree(Object.fromEntries(fs.readdirSync(fixture).map((f) => [f, fs.readFileSync(path.join(fixture, f), 'utf8')])));
    const original = buildModel(loadSpec(path.join(dir, 'root.yaml')), 'multi');
    const bundled = JSON.stringify(original.document);
    expect(bundled).not.toContain('schemas.yaml');
    fs.writeFileSync(path.join(dir, 'bundled.json'), bundled);
    const again = buildModel(loadSpec(path.join(dir, 'bundled.json')), 'multi');
    const text = async (m: typeof original) => (await clientEmitter.emit(m)).filter((f) => f.path.startsWith('src/')).map((f) => [f.path, f.content]);
    expect(await text(again)).toEqual(await text(original));
  });
});
