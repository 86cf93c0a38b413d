/**
 * The specs against their sources: the Bandwidth operation list matches the
 * seed's table; every operation has an operationId, summary, description and
 * tag; the extensions the generator reads are present.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/index.js';
import { buildModel } from '../../generator/model/build.js';
import { camelCase } from '../../generator/model/names.js';

const model = (api: string) => buildModel(loadSpec(path.resolve(`specs/${api}.yaml`)));

describe('specs', () => {
  it('Bandwidth has exactly the seed table: method, path and operationId', () => {
    const seed = fs.readFileSync(path.resolve('test/fixtures/seeds/bandwidth-recordings-api.md'), 'utf8');
    const rows = [...seed.matchAll(/^(\w+) (GET|POST|PUT|DELETE) (\/\S+) .+$/gm)].map((m) => [camelCase(m[1], ''), m[2], m[3]]);
    expect(rows).toHaveLength(10);
    const ops = model('bandwidth').operations.map((o) => [o.operationId, o.method.toUpperCase(), o.path]);
    expect(ops.sort()).toEqual(rows.sort());
  });

  it.each(['bandwidth', 'plivo', 'twilio'])('%s: every operation has operationId, summary, description and one tag', (api) => {
    for (const op of model(api).operations) {
      expect(op.operationId).toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(op.summary, op.operationId).toBeTruthy();
      expect(op.description, op.operationId).toBeTruthy();
      expect(op.tag, op.operationId).not.toBe('default');
    }
  });

  it('Bandwidth declares 400, 401, 403, 404, 405, 415, 429 and 500 everywhere, with Retry-After on 429', () => {
    for (const op of model('bandwidth').operations) {
      const statuses = op.responses.map((r) => r.status);
      for (const s of ['400', '401', '403', '404', '405', '415', '429', '500']) expect(statuses, op.operationId).toContain(s);
      expect(op.responses.find((r) => r.status === '429')!.headers.map((h) => h.name)).toContain('Retry-After');
    }
    const media = model('bandwidth').operations.find((o) => o.operationId === 'downloadCallRecording')!.responses[0].contents;
    expect(media.map((m) => [m.mediaType, m.schema.kind])).toEqual([['audio/mpeg', 'binary'], ['audio/vnd.wave', 'binary']]);
  });

  it('Plivo: trailing slashes, offset pagination on every list, async on every operation, rate limit', () => {
    const m = model('plivo');
    expect(m.servers[0].url).toBe('https://api.plivo.com/v1');
    expect(m.operations.length).toBeGreaterThanOrEqual(22);
    expect(m.rateLimit).toEqual({ requests: 300, windowSeconds: 5 });
    for (const op of m.operations) {
      expect(op.path).toMatch(/^\/Account\/\{auth_id\}\/(.*\/)?$/);
      expect(op.async?.urlParam, op.operationId).toBe('callback_url');
      if (op.operationId.startsWith('list')) expect(op.pagination?.style, op.operationId).toBe('offset');
    }
  });

  it('Twilio: .json resources, form bodies, page pagination, _method overloading', () => {
    const m = model('twilio');
    expect(m.servers[0].url).toBe('https://api.twilio.com/2008-08-01');
    expect(m.operations.length).toBeGreaterThanOrEqual(28);
    expect(m.methodOverride).toEqual({ param: '_method', via: 'POST', methods: ['PUT', 'DELETE'] });
    for (const op of m.operations) {
      expect(op.path).toMatch(/\.json$/);
      if (op.body) expect(op.body.contents.map((c) => c.mediaType)).toEqual(['application/x-www-form-urlencoded']);
      if (op.operationId.startsWith('list')) expect(op.pagination?.style, op.operationId).toBe('page');
    }
  });
});
