/**
 * The packages as users get them: each generated package is packed as
 * generated with `npm pack` (no build step: `dist/` is generated output), the
 * three tarballs are installed offline into a fresh consumer project, which
 * type-checks a file using them and runs it; publint checks each installed package.
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { publint } from 'publint';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { EMITTERS } from '../../generator/emit/index.js';
import { tempDir, writeTree } from '../helpers/temp.js';
import { APIS, generateApis, type Api, type Generated } from './helpers/generate.js';

const ROOT = path.resolve('.');
const ENV = { ...process.env, npm_config_update_notifier: 'false' };
const sh = (cmd: string, args: string[], cwd: string): string => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: ENV });
const shAsync = async (cmd: string, args: string[], cwd: string): Promise<string> => (await promisify(execFile)(cmd, args, { cwd, encoding: 'utf8', env: ENV })).stdout;

const CONSUMER = `import { PlivoClient, NotFoundError, type Call } from '@switchboard/plivo';
import TwilioClient, { type TwilioClientOptions } from '@switchboard/twilio';
import { BandwidthClient, type BinaryResponse } from '@switchboard/bandwidth';

const reply = (body: unknown, status = 200) => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const seen: string[] = [];
const fake = async (url: string, init: RequestInit): Promise<Response> => {
  seen.push(\`\${init.method} \${url}\`);
  if (url.includes('/media')) return new Response(new Uint8Array([1, 2, 3]), { headers: { 'content-type': 'audio/mpeg' } });
  if (url.includes('/Call/missing/')) return reply({ api_id: 'a', error: 'not found' }, 404);
  return reply(url.includes('/Call/') ? { call_uuid: 'c-1' } : { Sid: 'AC1' });
};

const plivo = new PlivoClient({ authId: 'MA1', authToken: 't', fetch: fake });
const call: Call = await plivo.calls.getCall({ call_uuid: 'c-1' });
// @ts-expect-error call_uuid is required
await plivo.calls.getCall({}).catch(() => undefined);
const missing = await plivo.calls.getCall({ call_uuid: 'missing', auth_id: 'SA1' }).catch((e: unknown) => e);
const options: TwilioClientOptions = { accountSid: 'AC1', authToken: 't', fetch: fake, methodOverride: true };
await new TwilioClient(options).recordings.deleteRecording({ RecordingSid: 'RE1' });
const media: BinaryResponse = await new BandwidthClient({ username: 'u', password: 'p', accountId: '1', fetch: fake }).recordings.downloadCallRecording({ callId: 'c', recordingId: 'r' });
console.log(JSON.stringify({ call, notFound: missing instanceof NotFoundError, media: [...media.data], type: media.contentType, seen }));
`;

let generated: Record<Api, Generated>;
let consumer: string;

beforeAll(async () => {
  generated = await generateApis(APIS, EMITTERS);
  const packs = tempDir('switchboard-packs-');
  const tarballs = await Promise.all(
    APIS.map(async (api) => {
      const dir = generated[api].dir;
      const name = (await shAsync('npm', ['pack', '--silent', '--pack-destination', packs], dir)).trim().split('\n').pop()!;
      return path.join(packs, name);
    }),
  );
  consumer = writeTree({ 'package.json': JSON.stringify({ name: 'consumer', private: true, type: 'module' }), 'consumer.ts': CONSUMER });
  sh('npm', ['install', '--offline', '--no-audit', '--no-fund', ...tarballs], consumer);
}, 240_000);

describe('npm pack → install → use', () => {
  it.each(APIS)('%s: package.json is publishable ESM with types and no dependencies', (api) => {
    const pkg = JSON.parse(fs.readFileSync(path.join(consumer, 'node_modules/@switchboard', api, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name: `@switchboard/${api}`, version: generated[api].model.version.replace(/^2008-08-01$/, '2008.8.1'), type: 'module', sideEffects: false, engines: { node: '>=20' } });
    expect(pkg.exports['.']).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' });
    expect(pkg.files).toContain('dist');
    expect(pkg.dependencies).toBeUndefined();
    for (const file of ['dist/index.js', 'dist/index.d.ts', 'dist/client.js', 'runtime/client/client.js', 'runtime/client/client.d.ts', 'runtime/mocks/core.js']) {
      expect(fs.existsSync(path.join(consumer, 'node_modules/@switchboard', api, file)), file).toBe(true);
    }
  });

  it.each(APIS)('%s: publint reports no errors', async (api) => {
    const { messages } = await publint({ pkgDir: path.join(consumer, 'node_modules/@switchboard', api), pack: false, level: 'error' });
    expect(messages).toEqual([]);
  });

  it('a consumer type-checks against the installed packages (without the DOM lib) and runs', () => {
    // Strict, no DOM lib, and the packages' .d.ts files checked too (not skipped as libraries).
    const options: ts.CompilerOptions = {
      strict: true,
      exactOptionalPropertyTypes: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2022.d.ts'],
      types: ['node'],
      typeRoots: [path.join(ROOT, 'node_modules/@types')],
      outDir: path.join(consumer, 'out'),
    };
    const entry = path.join(consumer, 'consumer.ts');
    const program = ts.createProgram([entry], options);
    const ours = program.getSourceFiles().filter((f) => f.fileName === entry || f.fileName.includes('/node_modules/@switchboard/'));
    expect(ours.filter((f) => f.fileName.endsWith('.d.ts')).length).toBeGreaterThan(10);
    const diagnostics = ours.flatMap((f) => [...program.getSyntacticDiagnostics(f), ...program.getSemanticDiagnostics(f)]);
    expect(diagnostics.map((d) => `${d.file?.fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`)).toEqual([]);
    expect(program.emit(program.getSourceFile(entry)).emitSkipped).toBe(false);
    const out = JSON.parse(sh(process.execPath, ['out/consumer.js'], consumer));
    expect(out).toEqual({
      call: { call_uuid: 'c-1' },
      notFound: true,
      media: [1, 2, 3],
      type: 'audio/mpeg',
      seen: [
        'GET https://api.plivo.com/v1/Account/MA1/Call/c-1/',
        'GET https://api.plivo.com/v1/Account/SA1/Call/missing/',
        'POST https://api.twilio.com/2008-08-01/Accounts/AC1/Recordings/RE1.json?_method=DELETE',
        'GET https://voice.bandwidth.com/api/v2/accounts/1/calls/c/recordings/r/media',
      ],
    });
  });
});
