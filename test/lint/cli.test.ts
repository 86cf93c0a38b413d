/** `switchboard lint` as a command: output lines, summary, JSON, exit codes, colour. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../generator/main.js';
import type { Io } from '../../generator/commands/shared.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/lint');

async function run(args: string[], color = false) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), cwd: FIXTURES, color };
  const code = await main(['lint', ...args], io);
  return { code, out, err };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-lint-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('switchboard lint', () => {
  it('prints file:line:col problems and a summary, and exits 1 on errors', async () => {
    const r = await run(['path-params.yaml', 'component-unused.yaml']);
    expect(r.out).toEqual([
      'path-params.yaml:9:5 error path-params GET /owners/{ownerId}/pets/{petId}: path parameter {ownerId} is not declared',
      'path-params.yaml:18:11 error path-params GET /owners/{ownerId}/pets/{petId}: path parameter "color" is declared but not in the path',
      'component-unused.yaml:34:5 warning component-unused schemas/Owner is never used',
      '✖ 2 errors, 1 warning',
    ]);
    expect(r.code).toBe(1);
  });

  it('exits 0 on warnings alone, and 1 when they exceed --max-warnings', async () => {
    expect((await run(['component-unused.yaml'])).code).toBe(0);
    expect((await run(['component-unused.yaml', '--max-warnings', '1'])).code).toBe(0);
    const over = await run(['component-unused.yaml', '--max-warnings', '0']);
    expect(over.code).toBe(1);
    expect(over.err.join('\n')).toContain('too many warnings: 1 (--max-warnings 0)');
  });

  it('says so when there is nothing to report', async () => {
    expect(await run(['good.yaml'])).toEqual({ code: 0, out: ['✔ no problems'], err: [] });
  });

  it('--quiet hides warnings', async () => {
    const r = await run(['component-unused.yaml', 'operation-tag.yaml', '--quiet']);
    expect(r.out).toEqual(['operation-tag.yaml:9:5 error operation-tag GET /pets/{petId} has no tag; its first tag picks the client resource group', '✖ 1 error, 0 warnings']);
  });

  it('--format json gives every problem with its position and the totals', async () => {
    const r = await run(['component-unused.yaml', 'operation-4xx.yaml', '--format', 'json']);
    const report = JSON.parse(r.out.join('\n'));
    expect(report).toEqual({
      problems: [
        { file: 'component-unused.yaml', line: 34, col: 5, severity: 'warning', code: 'component-unused', message: 'schemas/Owner is never used', pointer: '#/components/schemas/Owner' },
        { file: 'operation-4xx.yaml', line: 18, col: 7, severity: 'error', code: 'operation-4xx', message: expect.stringContaining('4XX'), pointer: '#/paths/~1pets~1{petId}/get/responses' },
      ],
      errorCount: 1,
      warningCount: 1,
    });
    expect(r.code).toBe(1);
  });

  it('colours the severity only when asked', async () => {
    const plain = await run(['operation-tag.yaml']);
    const coloured = await run(['operation-tag.yaml'], true);
    expect(plain.out.join('')).not.toContain('\x1b[');
    expect(coloured.out[0]).toContain('\x1b[31merror\x1b[39m');
    expect(coloured.out[0].replace(/\x1b\[\d+m/g, '')).toBe(plain.out[0]);
  });

  it('keeps a hostile spec string from adding lines or driving the terminal', async () => {
    const key = '"bogus\\nfake.yaml:1:1 error struct forged\\u001b[2J\\u009b31m": 1';
    const spec = fs.readFileSync(path.join(FIXTURES, 'good.yaml'), 'utf8').replace('      summary: List pets\n', `      summary: List pets\n      ${key}\n`);
    fs.writeFileSync(path.join(tmp, 'hostile.yaml'), spec);
    const r = await run([path.join(tmp, 'hostile.yaml')]);
    expect(r.out).toHaveLength(2);
    expect(r.out[0]).toMatch(/hostile\.yaml:\d+:7 error struct Property `bogus fake\.yaml:1:1 error struct forged\ufffd\[2J\ufffd31m` is not expected here/);
    expect(r.out.join('')).not.toMatch(/[\u001b\u009b]/);
  });

  it('rejects bad usage with exit 2', async () => {
    expect((await run(['--format', 'xml'])).code).toBe(2);
    expect((await run(['--max-warnings', 'lots'])).code).toBe(2);
  });

  it('reports a missing spec as a located error', async () => {
    const r = await run(['nope.yaml']);
    expect(r.out[0]).toMatch(/^nope\.yaml:1:1 error spec-unreadable /);
    expect(r.code).toBe(1);
  });
});
