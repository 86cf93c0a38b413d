/**
 * `switchboard diff` from the command line: the text and JSON reports, the
 * three kinds of side (spec file, git revision, package folder), and bad
 * input (a side that does not load, a missing revision, unrelated specs, a
 * generated package that does not type-check).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Io } from '../../generator/commands/shared.js';
import { clientEmitter } from '../../generator/emit/client/index.js';
import { main } from '../../generator/main.js';
import { tempDir } from '../helpers/temp.js';
import { baseSpec, op, schema, type Spec } from './base-spec.js';

async function run(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), cwd, color: false };
  const code = await main(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function write(dir: string, file: string, spec: Spec): string {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), JSON.stringify(spec, null, 2));
  return file;
}

/** The base spec with `to` of CreateCall no longer required, a new optional query parameter and a new summary. */
function edited(): Spec {
  const s = baseSpec();
  schema(s, 'Call').required = ['id', 'status', 'duration'];
  op(s, '/calls', 'get').parameters.push({ name: 'to', in: 'query', schema: { type: 'string' } });
  op(s, '/calls/{id}', 'get').summary = 'Fetch a call';
  return s;
}

afterEach(() => vi.restoreAllMocks());

describe('switchboard diff', () => {
  it('prints the changes by kind with both locations, and the bump; exit 0 even for a major', async () => {
    const dir = tempDir();
    write(dir, 'old.json', baseSpec());
    write(dir, 'new.json', edited());
    const { code, out, err } = await run(['diff', 'old.json', 'new.json'], dir);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^Breaking \(1\)\n {2}response-property-became-optional {2}Call: property "to" became optional\n {6}old old\.json:\d+:\d+ {2}new new\.json:\d+:\d+$/m);
    expect(out).toContain('Features (1)\n  param-added-optional  listCalls (GET /calls): parameter "to" added (optional)');
    expect(out).toContain('Fixes and docs (1)\n  summary-changed  getCall (GET /calls/{id}): summary changed');
    expect(out).toMatch(/bump: major \(1 breaking, 1 feature, 1 fix; type checker: \d+ checks, \d+ failed, [\d.]+ s\)$/);
  });

  it('--format json gives the bump and every change with its code, names and both locations', async () => {
    const dir = tempDir();
    write(dir, 'old.json', baseSpec());
    write(dir, 'new.json', edited());
    const { code, out } = await run(['diff', 'old.json', 'new.json', '--format', 'json'], dir);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.bump).toBe('major');
    const breaking = report.changes.find((c: { code: string }) => c.code === 'response-property-became-optional');
    expect(breaking).toMatchObject({ kind: 'breaking', schema: 'Call', decidedBy: 'types' });
    expect(breaking.old).toEqual({ file: 'old.json', line: expect.any(Number), col: expect.any(Number), pointer: '#/components/schemas/Call/properties/to' });
    expect(breaking.new.pointer).toBe('#/components/schemas/Call/properties/to');
    const text = fs.readFileSync(path.join(dir, 'old.json'), 'utf8').split('\n');
    expect(text[breaking.old.line - 1].slice(breaking.old.col - 1)).toMatch(/^"to"/);
    expect(report.changes.find((c: { code: string }) => c.code === 'param-added-optional')).toMatchObject({ kind: 'feature', operationId: 'listCalls' });
    expect(report.contradictions).toEqual([]);
  });

  it('a spec against itself is "none"', async () => {
    const dir = tempDir();
    write(dir, 'a.json', baseSpec());
    const { code, out } = await run(['diff', 'a.json', 'a.json', '--format', 'json'], dir);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ bump: 'none', changes: [] });
  });

  it('reads a side from a git revision (rev:path), including ./ paths from a subfolder, and shows rev:path locations', async () => {
    const dir = tempDir();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
    git('init', '-q', '-b', 'main');
    write(dir, 'specs/calls.json', baseSpec());
    git('add', '.');
    git('commit', '-qm', 'first');
    write(dir, 'specs/calls.json', edited());
    const { code, out } = await run(['diff', 'main:specs/calls.json', 'specs/calls.json', '--format', 'json', '--rules-only'], dir);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.bump).toBe('major');
    const change = report.changes.find((c: { code: string }) => c.code === 'response-property-became-optional');
    expect(change.old.file).toBe('main:specs/calls.json');
    expect(change.new.file).toBe('specs/calls.json');
    const fromSub = await run(['diff', 'HEAD:./calls.json', 'calls.json', '--rules-only'], path.join(dir, 'specs'));
    expect(fromSub.code).toBe(0);
    expect(fromSub.out).toContain('old HEAD:specs/calls.json:');
    const missing = await run(['diff', 'main:specs/nope.json', 'specs/calls.json'], dir);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('git has no specs/nope.json at main');
  });

  it('reads a side from a generated package folder (its openapi.json)', async () => {
    const dir = tempDir();
    write(dir, 'specs/calls.json', baseSpec());
    expect((await run(['generate', 'specs/calls.json', '--out', 'out/calls', '-q'], dir)).code).toBe(0);
    write(dir, 'specs/calls.json', edited());
    const { code, out } = await run(['diff', 'out/calls', 'specs/calls.json', '--format', 'json', '--rules-only'], dir);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.changes.map((c: { code: string }) => c.code).sort()).toEqual(['param-added-optional', 'response-property-became-optional', 'summary-changed']);
    expect(report.changes[0].old.file).toBe('out/calls/openapi.json');
    const same = await run(['diff', 'out/calls', 'out/calls', '--format', 'json', '--rules-only'], dir);
    expect(JSON.parse(same.out).bump).toBe('none');
    fs.mkdirSync(path.join(dir, 'empty'));
    const notPackage = await run(['diff', 'empty', 'specs/calls.json'], dir);
    expect(notPackage.code).toBe(1);
    expect(notPackage.err).toContain('empty is a folder without openapi.json');
  });

  it('a side that does not load reports its located errors (both sides at once) and exits 1', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'broken.yaml'), 'openapi: 3.1.0\ninfo: [unclosed\n');
    const bad = baseSpec();
    bad.paths['/calls'].get.responses['200'].content['application/json'].schema = { $ref: '#/components/schemas/Nope' };
    write(dir, 'bad.json', bad);
    const { code, out, err } = await run(['diff', 'broken.yaml', 'bad.json'], dir);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/^broken\.yaml:\d+:\d+ error yaml-invalid /m);
    expect(err).toMatch(/^bad\.json:\d+:\d+ error ref-unresolved /m);
  });

  it('bad usage exits 2', async () => {
    const dir = tempDir();
    write(dir, 'a.json', baseSpec());
    expect((await run(['diff', 'a.json'], dir)).code).toBe(2);
    expect((await run(['diff', 'a.json', 'a.json', '--format', 'yaml'], dir)).code).toBe(2);
    expect((await run(['diff', 'a.json', 'nope.json'], dir)).code).toBe(1);
  });

  it('unrelated specs (no operation in common) give a complete report: every operation removed and added', async () => {
    const dir = tempDir();
    const other = baseSpec();
    other.paths = Object.fromEntries(
      Object.entries(other.paths as Spec).map(([p, item]) => {
        for (const method of ['get', 'post', 'put', 'delete']) if (item[method]) item[method].operationId = `other_${item[method].operationId}`;
        return [`/other${p}`, item];
      }),
    );
    write(dir, 'other.json', other);
    const { code, out } = await run(['diff', path.resolve('specs/plivo.yaml'), 'other.json', '--format', 'json'], dir);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    const count = (code: string) => report.changes.filter((c: { code: string }) => c.code === code).length;
    expect(report.bump).toBe('major');
    expect(count('operation-removed')).toBe(22);
    expect(count('operation-added')).toBe(7);
    expect(count('model-removed')).toBeGreaterThan(30);
    expect(count('client-renamed')).toBe(1);
    expect(report.contradictions).toEqual([]);
  });

  it('a generated package that does not type-check is an error, not "no change"', async () => {
    const dir = tempDir();
    write(dir, 'a.json', baseSpec());
    const emit = clientEmitter.emit.bind(clientEmitter);
    vi.spyOn(clientEmitter, 'emit').mockImplementation(async (model) => [...(await emit(model)), { path: 'src/broken.ts', content: 'export const x: number = "one";\n' }]);
    const { code, err } = await run(['diff', 'a.json', 'a.json'], dir);
    expect(code).toBe(1);
    expect(err).toMatch(/a\.json:\d+:\d+ error package-typecheck the generated package does not type-check: old\/broken\.ts:1:14 TS2322/);
  });
});
