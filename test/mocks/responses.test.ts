/**
 * Every operation of the three APIs, answered by the generated mock: the
 * status is the spec's success status and the body validates (with ajv, an
 * independent validator) against the response schema — stateful and
 * stateless. Binary downloads are real files; samples are deterministic.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { MockOperation, MockSpec } from '../../generator/emit/mocks/runtime/types.js';
import { ACCOUNTS, APIS, SchemaCheck, emitApis, importMocks, validRequest, type Api } from './helpers.js';

let mods: Record<Api, any>;

beforeAll(async () => {
  const apis = await emitApis();
  mods = {} as Record<Api, any>;
  for (const api of APIS) mods[api] = await importMocks(apis[api].dir);
});

async function call(mock: any, spec: MockSpec, op: MockOperation, account: string, headers: Record<string, string> = {}): Promise<Response> {
  const req = validRequest(spec, op, account);
  return mock.handle(new Request(`https://mock.test${spec.basePath}${req.path}`, { method: req.method, headers: { ...req.headers, ...headers }, body: req.body }));
}

function successStatus(op: MockOperation): number {
  return Number(op.responses.find((r) => /^2\d\d$/.test(r.status))!.status);
}

/** Checks a response against the operation's declared response for its status; returns a problem or undefined. */
async function problemWith(check: SchemaCheck, op: MockOperation, res: Response): Promise<string | undefined> {
  const declared = op.responses.find((r) => r.status === String(res.status));
  if (!declared) return `undeclared status ${res.status}`;
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (declared.contents.length === 0) return bytes.length === 0 ? undefined : `unexpected body for ${res.status}`;
  const type = (res.headers.get('content-type') ?? '').split(';')[0]!;
  const media = declared.contents.find((c) => c.mediaType === type);
  if (!media) return `content-type ${type} is not declared`;
  if (media.binary) return bytes.length > 0 ? undefined : 'empty binary body';
  return check.errors(media.schema, JSON.parse(new TextDecoder().decode(bytes)));
}

describe.each(APIS)('%s', (api) => {
  it('answers every operation with its success status and a body valid against its schema (stateful)', async () => {
    const { spec, createMock } = mods[api];
    const check = new SchemaCheck(spec.schemas);
    const problems: string[] = [];
    for (const op of spec.operations as MockOperation[]) {
      const res = await call(createMock(), spec, op, ACCOUNTS[api]);
      if (res.status !== successStatus(op)) problems.push(`${op.operationId}: status ${res.status} ${await res.text()}`);
      else {
        const problem = await problemWith(check, op, res);
        if (problem) problems.push(`${op.operationId}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
    expect(spec.operations.length).toBeGreaterThanOrEqual(10);
  });

  it('answers every operation the same way when stateless, straight from the examples', async () => {
    const { spec, createMock } = mods[api];
    const check = new SchemaCheck(spec.schemas);
    const mock = createMock({ stateless: true });
    const problems: string[] = [];
    for (const op of spec.operations as MockOperation[]) {
      const res = await call(mock, spec, op, ACCOUNTS[api]);
      const problem = res.status === successStatus(op) ? await problemWith(check, op, res) : `status ${res.status}`;
      if (problem) problems.push(`${op.operationId}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it('answers every declared error status in the API error format, valid against the error schema', async () => {
    const { spec, createMock } = mods[api];
    const check = new SchemaCheck(spec.schemas);
    const problems: string[] = [];
    for (const op of spec.operations as MockOperation[]) {
      for (const r of op.responses.filter((x: { status: string }) => /^[45]\d\d$/.test(x.status))) {
        const res = await call(createMock(), spec, op, ACCOUNTS[api], { prefer: `code=${r.status}` });
        const problem = res.status === Number(r.status) ? await problemWith(check, op, res) : `status ${res.status}`;
        if (problem) problems.push(`${op.operationId} ${r.status}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives the same bytes for the same seed and different samples for another seed', async () => {
    const { spec, createMock } = mods[api];
    const run = async (seed: number) => {
      const mock = createMock({ seed });
      const out: string[] = [];
      for (const op of spec.operations as MockOperation[]) {
        const res = await call(mock, spec, op, ACCOUNTS[api], { prefer: 'dynamic=true' });
        out.push(`${op.operationId} ${res.status} ${Buffer.from(await res.arrayBuffer()).toString('base64')}`);
      }
      return out;
    };
    const [a, b, c] = [await run(5), await run(5), await run(6)];
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
  });
});

describe('binary media (Bandwidth)', () => {
  it('serves a recording as a real WAV or MP3 file with its content type', async () => {
    const { spec, createMock } = mods.bandwidth;
    const op = spec.operations.find((o: MockOperation) => o.operationId === 'downloadCallRecording');
    const wav = await call(createMock(), spec, op, ACCOUNTS.bandwidth, { accept: 'audio/vnd.wave' });
    expect(wav.headers.get('content-type')).toBe('audio/vnd.wave');
    const bytes = new Uint8Array(await wav.arrayBuffer());
    const ascii = (from: number, to: number) => String.fromCharCode(...bytes.slice(from, to));
    expect([ascii(0, 4), ascii(8, 12), ascii(12, 16), ascii(36, 40)]).toEqual(['RIFF', 'WAVE', 'fmt ', 'data']);
    const view = new DataView(bytes.buffer);
    expect(view.getUint32(4, true)).toBe(bytes.length - 8);
    expect(view.getUint32(40, true)).toBe(bytes.length - 44);
    const mp3 = await call(createMock(), spec, op, ACCOUNTS.bandwidth, { accept: 'audio/mpeg' });
    expect(mp3.headers.get('content-type')).toBe('audio/mpeg');
    const frame = new Uint8Array(await mp3.arrayBuffer());
    // MPEG-1 Layer III frame sync, 128 kbit/s at 44.1 kHz: 417-byte frames.
    expect([frame[0], frame[1] & 0xfe, frame[2]]).toEqual([0xff, 0xfa, 0x90]);
    expect(frame.length % 417).toBe(0);
    expect([frame[417], frame[418]]).toEqual([0xff, 0xfb]);
  });
});
