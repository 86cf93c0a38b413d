/**
 * Shared by the mocks tests: emits the three seed APIs' mocks (and client)
 * into a folder inside the repository (so the generated `import('msw')`
 * resolves to the repo's msw), imports the generated TypeScript directly,
 * and builds valid requests for any operation from the mock description.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { clientEmitter } from '../../generator/emit/client/index.js';
import { mocksEmitter } from '../../generator/emit/mocks/index.js';
import { Random } from '../../generator/emit/mocks/runtime/random.js';
import { Sampler } from '../../generator/emit/mocks/runtime/sample.js';
import { Schemas } from '../../generator/emit/mocks/runtime/schema.js';
import type { JsonSchema, MockOperation, MockSpec } from '../../generator/emit/mocks/runtime/types.js';
import type { Emitter } from '../../generator/emit/types.js';
import { loadSpec } from '../../generator/load/index.js';
import { buildModel } from '../../generator/model/build.js';
import type { ApiModel } from '../../generator/model/types.js';

export const APIS = ['plivo', 'twilio', 'bandwidth'] as const;
export type Api = (typeof APIS)[number];

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** The account each test uses: valid for the API's account parameter. */
export const ACCOUNTS: Record<Api, string> = {
  plivo: 'MATESTACCOUNT0000001',
  twilio: 'AC0123456789abcdef0123456789abcdef',
  bandwidth: '5550001',
};

/** What the base URL of each API looks like on the mock server. */
export const BASE_PATHS: Record<Api, string> = { plivo: '/v1', twilio: '/2008-08-01', bandwidth: '/api/v2' };

export interface Emitted {
  dir: string;
  model: ApiModel;
}

const made: string[] = [];
process.on('exit', () => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A new folder under `.tmp/` in the repository, removed when the process exits. */
export function repoTempDir(prefix: string): string {
  const dir = path.join(ROOT, '.tmp', `${prefix}${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  fs.mkdirSync(dir, { recursive: true });
  made.push(dir);
  return dir;
}

/** Emits the packages' sources (unformatted: tests do not need prettier) and writes them. */
export async function emitApis(apis: readonly Api[] = APIS, emitters: readonly Emitter[] = [mocksEmitter]): Promise<Record<Api, Emitted>> {
  const root = repoTempDir('test-mocks-');
  const out = {} as Record<Api, Emitted>;
  for (const api of apis) {
    const model = buildModel(await loadSpec(path.join(ROOT, 'specs', `${api}.yaml`)), api);
    const dir = path.join(root, api);
    for (const emitter of emitters) {
      for (const file of await emitter.emit(model)) {
        fs.mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
        fs.writeFileSync(path.join(dir, file.path), file.content);
      }
    }
    out[api] = { dir, model };
  }
  return out;
}

export const WITH_CLIENT: readonly Emitter[] = [clientEmitter, mocksEmitter];

/** The generated mocks entry (`src/mocks/index.ts`). */
export async function importMocks(dir: string): Promise<any> {
  return import(pathToFileURL(path.join(dir, 'src/mocks/index.ts')).href);
}

/** The generated client entry (`src/index.ts`). */
export async function importClient(dir: string): Promise<any> {
  return import(pathToFileURL(path.join(dir, 'src/index.ts')).href);
}

export function basic(username: string, password = 'secret-token'): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

export interface TestRequest {
  method: string;
  /** Path under the base path, with query. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** The path parameters used, by name (the account one included). */
  pathParams: Record<string, string>;
}

/**
 * A request the spec accepts for `op`: path parameters from the first seeded
 * record (so stateful reads find it), required query parameters, and the
 * body from the spec's first example or a schema sample.
 */
export function validRequest(spec: MockSpec, op: MockOperation, account: string): TestRequest {
  const schemas = new Schemas(spec.schemas);
  const sampler = new Sampler(schemas);
  const random = new Random(7);
  const seed = op.state ? (spec.resources[op.state.resource]?.seeds[0] as Record<string, unknown> | undefined) : undefined;
  const value = (name: string, schema: JsonSchema, example: unknown): unknown => {
    if (op.state?.idParam === name && seed && spec.resources[op.state.resource]?.idProperty) return seed[spec.resources[op.state.resource]!.idProperty!];
    const parent = op.state?.parents.find((p) => p.param === name);
    if (parent && seed && seed[parent.property] !== undefined) return seed[parent.property];
    if (example !== undefined && schemas.accepts(schema, example)) return example;
    return sampler.sample(schema, random);
  };
  let path = op.path;
  const query = new URLSearchParams();
  const pathParams: Record<string, string> = {};
  for (const p of op.params) {
    const v = p.account ? account : value(p.name, p.schema, p.example);
    if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent((pathParams[p.name] = String(v))));
    else if (p.in === 'query' && p.required) query.set(p.name, String(v));
  }
  const headers: Record<string, string> = { authorization: basic(account) };
  let body: string | undefined;
  const media = op.body?.contents[0];
  if (media) {
    const example = media.examples.find((e) => schemas.accepts(media.schema, e.value))?.value ?? sampler.sample(media.schema, random);
    headers['content-type'] = media.mediaType;
    body = media.mediaType === 'application/x-www-form-urlencoded' ? formEncode(example as Record<string, unknown>) : JSON.stringify(example);
  }
  const search = query.toString();
  return { method: op.method, path: search ? `${path}?${search}` : path, headers, pathParams, ...(body !== undefined ? { body } : {}) };
}

export function formEncode(value: Record<string, unknown>): string {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(value)) {
    if (Array.isArray(v)) v.forEach((x) => form.append(k, String(x)));
    else if (v !== undefined && v !== null) form.set(k, String(v));
  }
  return form.toString();
}

/** Validates values against a spec's schemas with ajv (JSON Schema 2020-12, formats on): an independent check. */
export class SchemaCheck {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  private readonly cache = new Map<string, ReturnType<Ajv2020['compile']>>();

  constructor(private readonly schemas: Record<string, JsonSchema>) {
    (addFormats as unknown as (ajv: Ajv2020) => void)(this.ajv);
  }

  /** Undefined when valid, else ajv's errors as text. */
  errors(schema: JsonSchema, value: unknown): string | undefined {
    const key = JSON.stringify(schema);
    let validate = this.cache.get(key);
    if (!validate) {
      const root = typeof schema === 'boolean' ? { allOf: [schema] } : { ...schema };
      validate = this.ajv.compile({ ...root, components: { schemas: this.schemas } });
      this.cache.set(key, validate);
    }
    return validate(value) ? undefined : this.ajv.errorsText(validate.errors);
  }
}
