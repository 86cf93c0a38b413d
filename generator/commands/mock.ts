/**
 * `switchboard mock SPEC [--port N] [--host H] …`: the standalone mock server.
 *
 * It serves the very mocks entry a generated package ships: the mocks emitter
 * writes `src/mocks/` for the spec, TypeScript's transpiler (bundled with
 * ts-morph) turns it into JavaScript in a temporary folder, and the server is
 * started from there. This works from source (tsx) and from the installed
 * `dist/` bin alike, with no second implementation of the mocks.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ts } from 'ts-morph';
import { mocksEmitter } from '../emit/mocks/index.js';
import { loadSpec } from '../load/index.js';
import { buildModel } from '../model/build.js';
import { UsageError, type Io } from './shared.js';


interface Started {
  url: string;
  baseUrl: string;
  close(): Promise<void>;
}

export async function mockCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      stateless: { type: 'boolean', default: false },
      seed: { type: 'string' },
      credentials: { type: 'string' },
      latency: { type: 'string' },
      'rate-limit-every': { type: 'string' },
      'fail-next': { type: 'string' },
      'max-body': { type: 'string' },
      'no-cors': { type: 'boolean', default: false },
      quiet: { type: 'boolean', short: 'q', default: false },
    },
  });
  if (positionals.length !== 1) throw new UsageError('switchboard mock needs exactly one SPEC');
  const spec = path.resolve(io.cwd, positionals[0]);
  const dir = await prepareMocks(spec);
  let server: Started;
  try {
    const entry = (await import(pathToFileURL(path.join(dir, 'src', 'mocks', 'index.js')).href)) as { startMockServer(options: object): Promise<Started> };
    server = await entry.startMockServer(serverOptions(values, io));
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE' || (error as NodeJS.ErrnoException).code === 'EACCES') {
      io.err(`cannot listen on ${values.host}:${values.port}: ${(error as Error).message}`);
      return 1;
    }
    throw error;
  }
  io.out(`listening on ${server.url}`);
  io.out(`serving ${specName(spec)} under ${server.baseUrl}`);
  const signal = await untilSignal();
  io.out(`${signal}: shutting down`);
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return 0;
}

function serverOptions(values: Record<string, string | boolean | undefined>, io: Io): object {
  const int = (name: string): number | undefined => {
    const raw = values[name];
    if (raw === undefined) return undefined;
    if (typeof raw !== 'string' || !/^\d+$/.test(raw)) throw new UsageError(`--${name} needs a whole number, got ${JSON.stringify(raw)}`);
    return Number(raw);
  };
  const port = int('port')!;
  if (port > 65535) throw new UsageError(`--port must be at most 65535, got ${port}`);
  const creds = values.credentials as string | undefined;
  if (creds !== undefined && !/^[^:]+:.*$/.test(creds)) throw new UsageError('--credentials needs USERNAME:PASSWORD');
  const faults = { latencyMs: int('latency'), rateLimitEvery: int('rate-limit-every'), failNext: int('fail-next') };
  return {
    port,
    host: values.host,
    stateless: values.stateless,
    seed: int('seed'),
    maxBodyBytes: int('max-body'),
    cors: !values['no-cors'],
    faults: Object.fromEntries(Object.entries(faults).filter(([, v]) => v !== undefined)),
    ...(creds ? { credentials: { username: creds.slice(0, creds.indexOf(':')), password: creds.slice(creds.indexOf(':') + 1) } } : {}),
    ...(values.quiet ? {} : { log: batchedLines(io) }),
  };
}

/**
 * Emits the mocks entry for `spec` and transpiles it to JavaScript in a new
 * temporary folder laid out like the package (`<dir>/src/mocks/index.js`,
 * next to the prebuilt `<dir>/runtime/mocks/`). Throws SpecError for a broken spec.
 */
export async function prepareMocks(spec: string): Promise<string> {
  const model = buildModel(await loadSpec(spec), specName(spec));
  const files = await mocksEmitter.emit(model);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-mock-'));
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  for (const file of files) {
    let text: string;
    if (file.path.endsWith('.js')) text = String(file.content);
    else if (file.path.startsWith('src/') && !file.path.endsWith('.d.ts')) {
      text = ts.transpileModule(String(file.content), {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, isolatedModules: true },
        fileName: file.path,
      }).outputText;
    } else continue;
    const out = path.join(dir, file.path.replace(/\.ts$/, '.js'));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, text);
  }
  return dir;
}

/** `specs/plivo.yaml` → `plivo`. */
function specName(spec: string): string {
  return path.basename(spec).replace(/\.[^.]*$/, '');
}

/**
 * One line per request, written in batches: lines of the same turn of the
 * event loop go out in one write, which keeps logging cheap under load.
 */
function batchedLines(io: Io): (line: string) => void {
  const pending: string[] = [];
  return (line) => {
    if (pending.push(line) > 1) return;
    setImmediate(() => {
      io.out(pending.join('\n'));
      pending.length = 0;
    });
  };
}

/** Resolves with the name of the first SIGINT or SIGTERM. */
function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const on = (signal: string) => () => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(signal);
    };
    const onInt = on('SIGINT');
    const onTerm = on('SIGTERM');
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
  });
}
