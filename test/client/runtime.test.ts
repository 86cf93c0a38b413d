/** The runtime's pure parts, table-driven: backoff, Retry-After, value encoding, path segments, error messages, paging. */
import { describe, expect, it } from 'vitest';
import { appendParam, formBody, pathSegment, setHeaders, text } from '../../generator/emit/client/runtime/encode.js';
import { ApiError, errorFor } from '../../generator/emit/client/runtime/errors.js';
import { Paginator } from '../../generator/emit/client/runtime/pagination.js';
import { MAX_RETRY_AFTER_MS, retryDelay } from '../../generator/emit/client/runtime/retry.js';

describe('retryDelay', () => {
  it.each([
    ['first retry, no jitter', 0, null, 0, 500],
    ['first retry, full jitter', 0, null, 1, 375],
    ['doubles per attempt', 2, null, 0, 2000],
    ['is capped at 8 s', 10, null, 0, 8000],
    ['Retry-After in seconds', 3, '2', 0.5, 2000],
    ['fractional seconds', 0, '0.25', 0, 250],
    ['Retry-After: 0 means now', 5, '0', 0, 0],
    ['garbage falls back to backoff', 1, 'soon', 0, 1000],
    ['longer than the cap surfaces the error', 0, String(MAX_RETRY_AFTER_MS / 1000 + 1), 0, undefined],
  ] as const)('%s', (_, attempt, header, random, want) => {
    expect(retryDelay(attempt, header, () => random)).toBe(want);
  });

  it('reads an HTTP-date, and a date in the past means now', () => {
    const inTwo = new Date(Math.ceil(Date.now() / 1000) * 1000 + 2000).toUTCString();
    const ms = retryDelay(0, inTwo)!;
    expect(ms).toBeGreaterThan(1000);
    expect(ms).toBeLessThanOrEqual(3000);
    expect(retryDelay(0, 'Wed, 21 Oct 2015 07:28:00 GMT')).toBe(0);
  });

  it('keeps jitter within 75–100 % of the backoff', () => {
    for (let i = 0; i < 200; i++) {
      const ms = retryDelay(1)!;
      expect(ms).toBeGreaterThanOrEqual(750);
      expect(ms).toBeLessThanOrEqual(1000);
    }
  });
});

describe('encoding', () => {
  it.each([
    [true, 'true'],
    [false, 'false'],
    [42, '42'],
    [0.5, '0.5'],
    [1e21, '1000000000000000000000'],
    [1e-7, '0.0000001'],
    [-2.5e-7, '-0.00000025'],
    [new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), '2024-01-02T03:04:05.000Z'],
    [{ a: 1 }, '{"a":1}'],
    ['as is', 'as is'],
  ])('text(%j) = %j', (value, want) => {
    expect(text(value)).toBe(want);
  });

  it('query values: arrays repeat the key or join with commas; undefined and null are left out', () => {
    const q = new URLSearchParams();
    appendParam(q, 'a', [1, 2]);
    appendParam(q, 'b', ['x', 'y'], true);
    appendParam(q, 'c', undefined);
    appendParam(q, 'd', null);
    expect(q.toString()).toBe('a=1&a=2&b=x%2Cy');
  });

  it('form bodies: null clears a field, undefined is left out, arrays repeat', () => {
    expect(formBody({ A: null, B: undefined, C: [true, false], D: 3 })).toBe('A=&C=true&C=false&D=3');
  });

  it.each([
    ['a/b', 'a%2Fb'],
    ['../x', '..%2Fx'],
    ['a?b#c', 'a%3Fb%23c'],
    ['é ü', '%C3%A9%20%C3%BC'],
    ['...', '...'],
  ])('path segment %j → %j', (value, want) => {
    expect(pathSegment('id', value)).toBe(want);
  });

  it.each([[''], ['.'], ['..'], [undefined]])('refuses the path segment %j', (value) => {
    expect(() => pathSegment('id', value)).toThrow(TypeError);
  });

  it('refuses header values with CR, LF or NUL and names that are not tokens', () => {
    for (const bad of [{ a: 'x\r\ny: 1' }, { a: 'x\ny' }, { a: 'x\0' }, { 'a b': 'x' }, { 'a:': 'x' }]) expect(() => setHeaders({}, bad)).toThrow(TypeError);
    const out: Record<string, string> = { keep: '1', drop: '2' };
    setHeaders(out, { 'X-New': 'v', drop: null, keep: undefined });
    expect(out).toEqual({ keep: '1', 'x-new': 'v' });
  });
});

describe('ApiError', () => {
  const headers = new Headers({ 'x-request-id': 'hdr-1' });

  it('falls back to the x-request-id header and to a text body', () => {
    const error = new ApiError(418, headers, 'short and stout', {}, "I'm a teapot");
    expect(error.message).toBe("418 I'm a teapot: short and stout (request id hdr-1)");
    expect(error.requestId).toBe('hdr-1');
  });

  it('picks the subclass by status', () => {
    const res = (status: number) => new Response(null, { status });
    expect([400, 401, 403, 404, 405, 409, 422, 429, 500, 502].map((s) => errorFor(res(s), undefined, {}).name)).toEqual([
      'BadRequestError',
      'AuthenticationError',
      'PermissionDeniedError',
      'NotFoundError',
      'ApiError',
      'ConflictError',
      'UnprocessableEntityError',
      'RateLimitError',
      'InternalServerError',
      'InternalServerError',
    ]);
  });
});

describe('Paginator', () => {
  const spec = { style: 'offset', items: 'objects', next: 'meta.next', limitParam: 'limit', offsetParam: 'offset' } as const;

  it('stops when the next link makes no progress, so a broken server cannot loop it forever', async () => {
    const seen: unknown[] = [];
    const pages = new Paginator<number, unknown>(
      async (params) => (seen.push(params.offset), { objects: [1, 2], meta: { next: '/x?offset=0' } }),
      spec,
      {},
    );
    const items: number[] = [];
    for await (const item of pages) items.push(item);
    expect(items).toEqual([1, 2]);
    expect(seen).toEqual([undefined]);
  });

  it('without offset in the link, advances by the number of items', async () => {
    const seen: unknown[] = [];
    const fetchPage = async (params: Record<string, unknown>) => {
      seen.push(params.offset);
      return { objects: seen.length < 3 ? ['a', 'b', 'c'] : [], meta: { next: 'more' } };
    };
    const items: string[] = [];
    for await (const item of new Paginator<string, unknown>(fetchPage, spec, { offset: 5 })) items.push(item);
    expect(seen).toEqual([5, 8, 11]);
    expect(items).toHaveLength(6);
  });
});
