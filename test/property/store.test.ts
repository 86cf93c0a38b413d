/**
 * Property: the mock store survives interleaved concurrent creates, deletes
 * and lists over real HTTP. Random command lists run in concurrent waves
 * against Plivo's calls (create = makeCall, delete = hangupCall); afterwards
 * paging through the list shows exactly the seeded and created calls minus
 * the deleted ones, each once, with a matching total; every id is deleted
 * successfully at most once; nothing ever answers 5xx.
 */
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from './http.js';
import { basic, emitPackage, importPackage, removeTempDirs, ROOT } from './package.js';

afterAll(removeTempDirs);

const RUNS = 12;
const ACCOUNT = 'MATESTACCOUNT0000001';
const HEADERS = { authorization: basic(ACCOUNT), 'content-type': 'application/json' };

type Command = { kind: 'create'; to: number } | { kind: 'delete'; pick: number } | { kind: 'list'; limit: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 9_999_999 }).map((to) => ({ kind: 'create' as const, to })) },
  { weight: 3, arbitrary: fc.nat().map((pick) => ({ kind: 'delete' as const, pick })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 20 }).map((limit) => ({ kind: 'list' as const, limit })) },
);

/** Commands split into waves that run concurrently. */
const waves = fc.array(fc.array(command, { minLength: 1, maxLength: 25 }), { minLength: 2, maxLength: 6 });

describe('the mock store under concurrent create and delete', () => {
  let server: any;
  let base: string;

  beforeAll(async () => {
    const { dir } = await emitPackage(path.join(ROOT, 'specs', 'plivo.yaml'), 'plivo');
    const { mocks } = await importPackage(dir);
    server = await mocks.startMockServer({ port: 0 });
    base = `${new URL(server.baseUrl).pathname.replace(/\/$/, '')}/Account/${ACCOUNT}/Call/`;
  }, 120_000);

  afterAll(async () => server?.close());

  async function request(method: string, p: string, body?: unknown): Promise<{ status: number; json: any }> {
    const res = await send(server.url, { method, path: p, headers: HEADERS, ...(body ? { body: JSON.stringify(body) } : {}) });
    expect(res.status, `${method} ${p}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
    return { status: res.status, json: res.body ? JSON.parse(res.body) : undefined };
  }

  /** Every call id the list shows, walking `meta.next`; checks the total on each page. */
  async function listAll(limit: number): Promise<string[]> {
    const ids: string[] = [];
    let next: string | null = `${base}?limit=${limit}`;
    while (next) {
      const page = await request('GET', next.replace(/^\/v1/, new URL(server.baseUrl).pathname.replace(/\/$/, '')));
      expect(page.status).toBe(200);
      ids.push(...page.json.objects.map((c: { call_uuid: string }) => c.call_uuid));
      expect(page.json.meta.total_count).toBeGreaterThanOrEqual(ids.length);
      next = page.json.meta.next;
    }
    return ids;
  }

  async function run(cmd: Command, created: string[], deletes: Map<string, number>): Promise<void> {
    if (cmd.kind === 'create') {
      const made = await request('POST', base, { from: '+14151234567', to: `+1415${String(cmd.to).padStart(7, '0')}`, answer_url: 'https://example.com/answer' });
      expect(made.status).toBe(201);
      created.push(made.json.request_uuid);
    } else if (cmd.kind === 'delete' && created.length > 0) {
      const id = created[cmd.pick % created.length];
      const gone = await request('DELETE', `${base}${id}/`);
      expect([204, 404]).toContain(gone.status);
      if (gone.status === 204) deletes.set(id, (deletes.get(id) ?? 0) + 1);
    } else if (cmd.kind === 'list') {
      const page = await request('GET', `${base}?limit=${cmd.limit}`);
      expect(page.status).toBe(200);
      expect(new Set(page.json.objects.map((c: { call_uuid: string }) => c.call_uuid)).size).toBe(page.json.objects.length);
    }
  }

  it('keeps its lists exact', async () => {
    await fc.assert(
      fc.asyncProperty(waves, async (plan) => {
        server.mock.reset();
        const seeded = await listAll(20);
        const created: string[] = [];
        const deletes = new Map<string, number>();
        for (const wave of plan) await Promise.all(wave.map((cmd) => run(cmd, created, deletes)));
        for (const [id, times] of deletes) expect(times, `${id} deleted ${times} times`).toBe(1);
        const want = [...seeded, ...created].filter((id) => !deletes.has(id)).sort();
        for (const limit of [1, 7, 20]) {
          const listed = await listAll(limit);
          expect(new Set(listed).size, 'no call listed twice').toBe(listed.length);
          expect([...listed].sort()).toEqual(want);
        }
        const last = await request('GET', `${base}?limit=1`);
        expect(last.json.meta.total_count).toBe(want.length);
      }),
      { numRuns: RUNS, seed: 7 },
    );
  }, 180_000);
});
