/**
 * The package works the moment it is generated: a fresh Plivo package is
 * installed into a consumer project with `npm install ../generated/plivo`
 * (offline: it has no dependencies) and used with no build step anywhere,
 * - from an ES module and from CommonJS (`require`, Node ≥ 20.19), the client
 *   called against `startMockServer` on 127.0.0.1, without msw installed;
 * - with msw installed, through the MSW `handlers` (ESM and CommonJS);
 * - `tsc` in the consumer project type-checks against `dist/` declarations
 *   (`@ts-expect-error` lines prove the types are real, not `any`);
 * - after a spec change and a regeneration, the installed package's types and
 *   code follow at once (no stale `dist/`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/pipeline.js';
import { tempDir, writeTree } from '../helpers/temp.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const ACCOUNT = 'MATESTACCOUNT0000001';

const ESM_MOCK_SERVER = `import { NotFoundError, PlivoClient } from '@switchboard/plivo';
import { handlers, override, startMockServer } from '@switchboard/plivo/mocks';

const server = await startMockServer({ port: 0 });
try {
  const client = new PlivoClient({ authId: '${ACCOUNT}', authToken: 'token', baseUrl: server.baseUrl, maxRetries: 0 });
  const account = await client.account.getAccount();
  const missing = await client.calls.getCall({ call_uuid: '00000000-0000-4000-8000-000000000000' }).catch((error) => error);
  let overrideError = null;
  try {
    override('getAccount', () => undefined);
  } catch (error) {
    overrideError = error.message;
  }
  console.log(JSON.stringify({ authId: account.auth_id, notFound: missing instanceof NotFoundError, handlers: handlers.length, overrideError, baseUrl: server.baseUrl }));
} finally {
  await server.close();
}
`;

const CJS_MOCK_SERVER = `const { NotFoundError, PlivoClient } = require('@switchboard/plivo');
const { handlers, override, startMockServer } = require('@switchboard/plivo/mocks');

(async () => {
  const server = await startMockServer({ port: 0 });
  try {
    const client = new PlivoClient({ authId: '${ACCOUNT}', authToken: 'token', baseUrl: server.baseUrl, maxRetries: 0 });
    const account = await client.account.getAccount();
    const missing = await client.calls.getCall({ call_uuid: '00000000-0000-4000-8000-000000000000' }).catch((error) => error);
    let overrideError = null;
    try {
      override('getAccount', () => undefined);
    } catch (error) {
      overrideError = error.message;
    }
    console.log(JSON.stringify({ authId: account.auth_id, notFound: missing instanceof NotFoundError, handlers: handlers.length, overrideError, baseUrl: server.baseUrl }));
  } finally {
    await server.close();
  }
})();
`;

const ESM_MSW = `import { setupServer } from 'msw/node';
import { PlivoClient } from '@switchboard/plivo';
import { handlers } from '@switchboard/plivo/mocks';

const server = setupServer(...handlers);
server.listen({ onUnhandledRequest: 'error' });
const account = await new PlivoClient({ authId: '${ACCOUNT}', authToken: 'token', maxRetries: 0 }).account.getAccount();
server.close();
console.log(JSON.stringify({ authId: account.auth_id, handlers: handlers.length > 0 }));
`;

const CJS_MSW = `const { setupServer } = require('msw/node');
const { PlivoClient } = require('@switchboard/plivo');
const { handlers } = require('@switchboard/plivo/mocks');

const server = setupServer(...handlers);
server.listen({ onUnhandledRequest: 'error' });
new PlivoClient({ authId: '${ACCOUNT}', authToken: 'token', maxRetries: 0 }).account.getAccount().then((account) => {
  server.close();
  console.log(JSON.stringify({ authId: account.auth_id, handlers: handlers.length > 0 }));
});
`;

/** What the consumer writes against the spec as generated first. */
const TYPES_BEFORE = `import { PlivoClient, type Account, type GetCallResult } from '@switchboard/plivo';
import { handlers, startMockServer } from '@switchboard/plivo/mocks';
import type { HttpHandler } from 'msw';

const client = new PlivoClient({ authId: 'MA1', authToken: 't' });
export const account: Account = await client.account.getAccount();
export const status: GetCallResult['status'] = 200;
export const list: HttpHandler[] = handlers;
export const server = startMockServer;
// @ts-expect-error call_uuid is required
void client.calls.getCall({});
// @ts-expect-error the spec has no fetchCall (yet)
void client.calls.fetchCall({ call_uuid: 'c' });
`;

/** The same from CommonJS (\`.cts\`): TypeScript's NodeNext types require() of an ES module too. */
const TYPES_CJS = `import { PlivoClient, type Account } from '@switchboard/plivo';

export async function account(): Promise<Account> {
  return new PlivoClient({ authId: 'MA1', authToken: 't' }).account.getAccount();
}
// @ts-expect-error authId is a string
void new PlivoClient({ authId: 1 });
`;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    lib: ['ES2022', 'DOM'],
    types: [],
    strict: true,
    noEmit: true,
    // Our declarations are checked too, as a strict consumer would.
    skipLibCheck: false,
  },
};

let root: string;
let app: string;
let pkg: string;
let spec: string;

function node(file: string): unknown {
  const run = spawnSync(process.execPath, [file], { cwd: app, encoding: 'utf8', timeout: 60_000 });
  expect(run.stderr, file).toBe('');
  expect(run.status, file).toBe(0);
  return JSON.parse(run.stdout);
}

/** `tsc -p .` in the consumer project, with the files it read. */
function tsc(): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [TSC, '-p', '.', '--listFiles'], { cwd: app, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, output: run.stdout + run.stderr };
}

beforeAll(async () => {
  root = tempDir('switchboard-consumer-');
  spec = path.join(root, 'specs', 'plivo.yaml');
  fs.mkdirSync(path.dirname(spec));
  fs.copyFileSync(path.join(ROOT, 'specs', 'plivo.yaml'), spec);
  pkg = path.join(root, 'generated', 'plivo');
  await generate([{ spec, outDir: pkg }]);
  app = writeTree({ 'package.json': JSON.stringify({ name: 'app', private: true, type: 'module' }), 'tsconfig.json': JSON.stringify(TSCONFIG) }, path.join(root, 'app'));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '../generated/plivo'], { cwd: app, stdio: 'pipe', env: { ...process.env, npm_config_update_notifier: 'false' } });
}, 120_000);

describe('a freshly generated package, installed and used with no build step', () => {
  it('is installed from the generated folder, and its entry points exist', () => {
    const installed = path.join(app, 'node_modules', '@switchboard', 'plivo');
    expect(fs.realpathSync(installed)).toBe(fs.realpathSync(pkg));
    const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
    const targets = [manifest.main, manifest.types, ...Object.values(manifest.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e as object)))];
    expect(targets.length).toBeGreaterThan(5);
    for (const target of targets) expect(fs.existsSync(path.join(installed, target)), target).toBe(true);
    expect(JSON.stringify(manifest.scripts ?? {})).not.toMatch(/build|prepack|prepare/);
  });

  describe('without msw installed', () => {
    const expected = { authId: ACCOUNT, notFound: true, handlers: 0, overrideError: expect.stringContaining('msw is not installed'), baseUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/v1$/) };

    it('an ES module imports the client and the mocks and calls the mock server', () => {
      fs.writeFileSync(path.join(app, 'esm-server.mjs'), ESM_MOCK_SERVER);
      expect(node('esm-server.mjs')).toEqual(expected);
    });

    it('CommonJS require()s them and calls the mock server', () => {
      fs.writeFileSync(path.join(app, 'cjs-server.cjs'), CJS_MOCK_SERVER);
      expect(node('cjs-server.cjs')).toEqual(expected);
    });
  });

  describe('with msw installed', () => {
    beforeAll(() => {
      // msw where a project keeping its generated package beside its code has it: in the project's node_modules.
      fs.mkdirSync(path.join(root, 'node_modules'), { recursive: true });
      fs.symlinkSync(path.join(ROOT, 'node_modules', 'msw'), path.join(root, 'node_modules', 'msw'), 'dir');
    });

    it('an ES module answers the client through the MSW handlers', () => {
      fs.writeFileSync(path.join(app, 'esm-msw.mjs'), ESM_MSW);
      expect(node('esm-msw.mjs')).toEqual({ authId: ACCOUNT, handlers: true });
    });

    it('CommonJS does the same with require()', () => {
      fs.writeFileSync(path.join(app, 'cjs-msw.cjs'), CJS_MSW);
      expect(node('cjs-msw.cjs')).toEqual({ authId: ACCOUNT, handlers: true });
    });

    it('tsc type-checks the consumer (ESM and CommonJS) against dist/ declarations', () => {
      writeTree({ 'types.ts': TYPES_BEFORE, 'types-cjs.cts': TYPES_CJS }, app);
      const { status, output } = tsc();
      expect(output).not.toMatch(/error TS/);
      expect(status).toBe(0);
      expect(output).toContain(path.join(fs.realpathSync(pkg), 'dist', 'index.d.ts'));
      expect(output).toContain(path.join(fs.realpathSync(pkg), 'dist', 'mocks', 'index.d.ts'));
      expect(output).not.toContain(`${path.sep}src${path.sep}`);
    }, 120_000);

    it('after a spec change and a regeneration, the installed types and code follow', async () => {
      fs.writeFileSync(spec, fs.readFileSync(spec, 'utf8').replace('operationId: getCall\n', 'operationId: fetchCall\n'));
      await generate([{ spec, outDir: pkg }]);
      // The file written against the old spec now fails exactly where the spec changed.
      const before = tsc();
      expect(before.status).not.toBe(0);
      expect(before.output.match(/error TS\d+/g)?.sort()).toEqual(['error TS2578', 'error TS2724']);
      expect(before.output).toMatch(/types\.ts\(1,\d+\): error TS2724: '"@switchboard\/plivo"' has no exported member named 'GetCallResult'. Did you mean 'FetchCallResult'\?/);
      // `client.calls.fetchCall({ call_uuid })` type-checks now: the directive above it has nothing left to expect.
      expect(before.output).toMatch(/types\.ts\(12,1\): error TS2578: Unused '@ts-expect-error' directive/);
      // And the code follows: the installed package has the renamed method, and the old one is gone.
      fs.writeFileSync(path.join(app, 'renamed.mjs'), `import { PlivoClient } from '@switchboard/plivo';\nconst calls = new PlivoClient({ authId: 'MA1', authToken: 't' }).calls;\nconsole.log(JSON.stringify([typeof calls.fetchCall, typeof calls.getCall]));\n`);
      expect(node('renamed.mjs')).toEqual(['function', 'undefined']);
    }, 120_000);
  });
});
