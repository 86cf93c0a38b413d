/**
 * The tag pages read like a reference: the set-up once per page, the error
 * statuses the operations share in one table (an operation lists only where
 * it differs), the real media types of requests and responses, and the
 * example response body of each operation: the spec's example, or the
 * mock's deterministic sample, exactly what the mock answers. Checked on a
 * small spec written to exercise every case, and on the three APIs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { docsEmitter } from '../../generator/emit/docs/index.js';
import { describeApi } from '../../generator/emit/mocks/describe.js';
import { createMock } from '../../generator/emit/mocks/runtime/core.js';
import type { MockSpec } from '../../generator/emit/mocks/runtime/types.js';
import type { EmittedFile } from '../../generator/emit/types.js';
import { falselyFormatted } from '../../generator/write/format.js';
import { ACCOUNTS, SchemaCheck, validRequest } from '../mocks/helpers.js';
import { APIS, buildSpec, readGenerated, type Built } from './build.js';
import { outline, type Section } from './markdown-tools.js';

const error = (description: string, schema = 'Problem') => ({ description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } } });
const COMMON = { '400': error('Bad request'), '401': error('Unauthorized'), '404': error('Not found') };

/** One page (tag Orders) whose operations share some errors and differ in others, with every kind of body. */
const SHOP = {
  openapi: '3.1.0',
  info: { title: 'Shop', version: '1' },
  servers: [{ url: 'https://shop.example.com/v1' }],
  tags: [{ name: 'Orders' }],
  paths: {
    '/orders': {
      get: {
        operationId: 'listOrders',
        tags: ['Orders'],
        responses: {
          '200': { description: 'The orders', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Order' } } } } },
          ...COMMON,
          '500': error('Server error'),
          default: error('Anything else'),
        },
      },
      post: {
        operationId: 'createOrder',
        tags: ['Orders'],
        requestBody: {
          required: true,
          content: {
            'application/x-www-form-urlencoded': { schema: { $ref: '#/components/schemas/NewOrder' } },
            'application/json': { schema: { $ref: '#/components/schemas/NewOrder' } },
          },
        },
        responses: {
          '201': { description: 'Created', content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' }, example: { id: 'ord_0042', total: 5, placed: '2024-05-01T10:00:00Z', note: 'from the spec' } } } },
          ...COMMON,
          '409': error('Already exists', 'Conflict'),
          '500': error('Server error'),
        },
      },
    },
    '/orders/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^ord_[0-9]{4}$' } }],
      get: {
        operationId: 'getOrder',
        tags: ['Orders'],
        responses: {
          '200': { description: 'The order', content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } } },
          '400': COMMON['400'],
          '401': error('Unauthorized', 'Conflict'),
          '404': error('No such order'),
        },
      },
    },
    '/orders/{id}/receipt': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^ord_[0-9]{4}$' } }],
      get: {
        operationId: 'getReceipt',
        tags: ['Orders'],
        responses: {
          '200': { description: 'The receipt', content: { 'text/plain': { schema: { type: 'string' }, example: 'Receipt ord_0042\nTotal: 5' } } },
          ...COMMON,
          '5XX': error('Server error'),
        },
      },
    },
  },
  components: {
    schemas: {
      Problem: { type: 'object', required: ['message'], properties: { message: { type: 'string' } } },
      Conflict: { type: 'object', required: ['existing'], properties: { existing: { type: 'string' } } },
      NewOrder: { type: 'object', required: ['total'], properties: { total: { type: 'integer', minimum: 1 }, note: { type: 'string' } } },
      Order: {
        type: 'object',
        required: ['id', 'total', 'placed'],
        properties: { id: { type: 'string', pattern: '^ord_[0-9]{4}$' }, total: { type: 'integer', minimum: 1 }, placed: { type: 'string', format: 'date-time' } },
      },
    },
  },
};

let shop: Built;
let shopFiles: EmittedFile[];
let apis: Built[];

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-shop-'));
  fs.writeFileSync(path.join(dir, 'shop.json'), JSON.stringify(SHOP));
  shop = await buildSpec(path.join(dir, 'shop.json'), [docsEmitter]);
  shopFiles = await docsEmitter.emit(shop.model);
  fs.rmSync(dir, { recursive: true, force: true });
  apis = APIS.map(readGenerated);
});

/** The level-2 section of an operation and its level-3 sections, by title. */
function operation(text: string, name: string): Map<string, Section> {
  const sections = outline(text);
  const start = sections.findIndex((s) => s.level === 2 && s.title === name);
  const end = sections.findIndex((s, i) => i > start && s.level <= 2);
  return new Map(sections.slice(start, end < 0 ? undefined : end).map((s) => [s.title, s]));
}

const page = () => shop.markdown.get('docs/OrdersApi.md')!;
const statuses = (table: string[][] | undefined) => (table ?? []).slice(1).map((row) => row[0]);

describe('the shared error table', () => {
  it('lists the statuses every operation declares, each as most of them declare it, with the class the client throws', () => {
    const errors = outline(page()).find((s) => s.level === 2 && s.title === 'Errors')!;
    expect(errors.tables).toHaveLength(1);
    expect(errors.tables[0]).toEqual([
      ['Status code', 'Error class', 'Description', 'Body', 'Response headers'],
      ['400', 'BadRequestError', 'Bad request', 'Problem (application/json)', '-'],
      ['401', 'AuthenticationError', 'Unauthorized', 'Problem (application/json)', '-'],
      ['404', 'NotFoundError', 'Not found', 'Problem (application/json)', '-'],
    ]);
  });

  it('leaves under each operation only what differs: extra statuses, another description or body', () => {
    const own = (name: string) => operation(page(), name).get('HTTP response details')!.tables[1];
    expect(statuses(own('listOrders'))).toEqual(['500', 'default']);
    expect(statuses(own('createOrder'))).toEqual(['409', '500']);
    expect(own('getOrder')).toEqual([
      ['Status code', 'Error class', 'Description', 'Body', 'Response headers'],
      ['401', 'AuthenticationError', 'Unauthorized', 'Conflict (application/json)', '-'],
      ['404', 'NotFoundError', 'No such order', 'Problem (application/json)', '-'],
    ]);
    expect(own('getReceipt')?.slice(1)).toEqual([['5XX', 'InternalServerError', 'Server error', 'Problem (application/json)', '-']]);
    expect(own('listOrders')?.[2].slice(0, 2)).toEqual(['default', 'ApiError']);
    expect(own('createOrder')?.[1].slice(0, 2)).toEqual(['409', 'ConflictError']);
    for (const name of ['listOrders', 'createOrder', 'getOrder', 'getReceipt']) {
      const details = operation(page(), name).get('HTTP response details')!;
      expect(details.paragraphs.some((p) => /^Errors, besides the page's shared errors:$/.test(p)), name).toBe(true);
    }
  });

  it('is left out where the operations share no error, and each operation lists its own', async () => {
    const noneShared = { ...SHOP, paths: { '/orders/{id}': SHOP.paths['/orders/{id}'], '/orders': { get: { ...SHOP.paths['/orders'].get, responses: { '200': SHOP.paths['/orders'].get.responses['200'] } } } } };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-noshared-'));
    fs.writeFileSync(path.join(dir, 'shop.json'), JSON.stringify(noneShared));
    const built = await buildSpec(path.join(dir, 'shop.json'), [docsEmitter]);
    fs.rmSync(dir, { recursive: true, force: true });
    const text = built.markdown.get('docs/OrdersApi.md')!;
    expect(outline(text).some((s) => s.title === 'Errors')).toBe(false);
    const getOrder = operation(text, 'getOrder').get('HTTP response details')!;
    expect(getOrder.paragraphs).toContain('Errors:');
    expect(statuses(getOrder.tables[1])).toEqual(['400', '401', '404']);
    expect(operation(text, 'listOrders').get('HTTP response details')!.tables).toHaveLength(1);
    // Every page of the three APIs has errors all its operations share.
    for (const b of apis) for (const [file, page] of b.markdown) if (/^docs\/[^/]+\.md$/.test(file)) expect(outline(page).some((s) => s.title === 'Errors'), file).toBe(true);
  });
});

describe('media types', () => {
  const requestHeaders = (b: Built, file: string, name: string) => {
    const raw = b.markdown.get(file)!;
    const section = raw.slice(raw.indexOf(`## ${name}\n`)).split('### HTTP request headers\n')[1]!.split('###')[0]!;
    return section.trim().split('\n');
  };

  it('names what the client sends: the body media type and the Accept header, or that there is no body', () => {
    expect(requestHeaders(shop, 'docs/OrdersApi.md', 'createOrder')).toEqual([
      '- **Content-Type**: `application/json`, as the client sends it; the API also takes `application/x-www-form-urlencoded`',
      '- **Accept**: `application/json`',
    ]);
    expect(requestHeaders(shop, 'docs/OrdersApi.md', 'getOrder')[0]).toBe('- **Content-Type**: none (no request body)');
    const [bandwidth, , twilio] = apis;
    expect(requestHeaders(twilio, 'docs/CallsApi.md', 'makeCall')[0]).toBe('- **Content-Type**: `application/x-www-form-urlencoded`');
    expect(requestHeaders(bandwidth, 'docs/RecordingsApi.md', 'downloadCallRecording')).toEqual([
      '- **Content-Type**: none (no request body)',
      '- **Accept**: `audio/mpeg, audio/vnd.wave`',
    ]);
    expect(requestHeaders(bandwidth, 'docs/RecordingsApi.md', 'updateCallRecordingState')[0]).toBe('- **Content-Type**: `application/json`');
  });

  it('gives each response its media types, and never prints "Not defined"', () => {
    const [bandwidth] = apis;
    const download = operation(bandwidth.markdown.get('docs/RecordingsApi.md')!, 'downloadCallRecording').get('HTTP response details')!;
    expect(download.tables[0][1]).toEqual(['200', 'OK', 'audio/mpeg, audio/vnd.wave', '-']);
    expect(operation(page(), 'getReceipt').get('HTTP response details')!.tables[0][1]).toEqual(['200', 'The receipt', 'text/plain', '-']);
    for (const b of [...apis, shop]) for (const [file, text] of b.markdown) expect(text.includes('Not defined'), `${b.model.name}/${file}`).toBe(false);
  });
});

describe('example response bodies', () => {
  const body = (text: string, name: string) => operation(text, name).get('Example response');

  it("show the spec's example as it is, and sample the schema deterministically where there is none", async () => {
    expect(body(page(), 'createOrder')!.paragraphs).toEqual(['Status 201 (application/json):']);
    expect(JSON.parse(body(page(), 'createOrder')!.fences[0].content)).toEqual({ id: 'ord_0042', total: 5, placed: '2024-05-01T10:00:00Z', note: 'from the spec' });
    const sampled = JSON.parse(body(page(), 'getOrder')!.fences[0].content);
    expect(sampled).toMatchObject({ id: expect.stringMatching(/^ord_[0-9]{4}$/), total: expect.any(Number), placed: expect.any(String) });
    expect(new SchemaCheck(describeApi(shop.model).schemas).errors({ $ref: '#/components/schemas/Order' }, sampled)).toBeUndefined();
    const again = await docsEmitter.emit(shop.model);
    expect(again.find((f) => f.path === 'docs/OrdersApi.md')!.content).toBe(page());
  });

  it('show a text body as text, describe a download, and leave out operations without a body', () => {
    expect(body(page(), 'getReceipt')!.fences).toEqual([{ info: 'text', content: 'Receipt ord_0042\nTotal: 5\n' }]);
    const bandwidth = apis[0].markdown.get('docs/RecordingsApi.md')!;
    const download = body(bandwidth, 'downloadCallRecording')!;
    expect(download.fences).toEqual([]);
    expect(download.paragraphs[0]).toMatch(/^Status 200: binary content \(audio\/mpeg or audio\/vnd\.wave\), not shown here\./);
    expect(body(bandwidth, 'deleteRecording')).toBeUndefined();
  });

  it('are what the mock answers each operation of the three APIs with, and valid against the response schema', async () => {
    let compared = 0;
    for (const b of apis) {
      const spec: MockSpec = describeApi(b.model);
      const mock = createMock(spec, { stateless: true });
      const check = new SchemaCheck(spec.schemas);
      for (const tag of b.model.tags) {
        const text = b.markdown.get(`docs/${tag.fileName}Api.md`)!;
        for (const op of tag.operations) {
          const fence = body(text, op.methodName)?.fences[0];
          if (fence?.info !== 'json') continue;
          const mockOp = spec.operations.find((o) => o.operationId === op.operationId)!;
          const req = validRequest(spec, mockOp, ACCOUNTS[b.model.name as keyof typeof ACCOUNTS]);
          const res = (await mock.handle(new Request(`https://mock.test${spec.basePath}${req.path}`, { method: req.method, headers: req.headers, body: req.body })))!;
          const shown = JSON.parse(fence.content);
          // The mock stamps a fresh request id (Plivo's `api_id`) on every answer; the rest is the body shown.
          const withoutId = (value: Record<string, unknown>) => ({ ...value, ...(spec.errors.requestId ? { [spec.errors.requestId]: undefined } : {}) });
          expect(withoutId(await res.json()), `${b.model.name} ${op.methodName}`).toEqual(withoutId(shown));
          const media = mockOp.responses.find((r) => r.status === String(res.status))!.contents.find((c) => c.mediaType === 'application/json')!;
          expect(check.errors(media.schema, shown), `${b.model.name} ${op.methodName}`).toBeUndefined();
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(50);
  });
});

describe('the page', () => {
  it('shows its set-up once, before the shared errors and the operations', () => {
    const level2 = outline(page()).filter((s) => s.level === 2);
    expect(level2.map((s) => s.title)).toEqual(['Set-up', 'Errors', 'createOrder', 'getOrder', 'getReceipt', 'listOrders']);
    expect(level2[0].fences.map((f) => f.info)).toEqual(['ts']);
    expect(level2[0].fences[0].content).toBe("import { ShopClient } from '@switchboard/shop';\n\nconst client = new ShopClient();\n");
  });

  it('is claimed in prettier layout, and prettier agrees, with JSON and text bodies on it', async () => {
    const pages = shopFiles.filter((f) => f.path.startsWith('docs/'));
    expect(pages.filter((f) => !f.formatted).map((f) => f.path)).toEqual([]);
    expect(await falselyFormatted(pages)).toEqual([]);
  });
});
