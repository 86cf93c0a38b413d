/**
 * `rt.resource`, which makes a resource group's class from its wire table:
 * the methods are exactly the table's keys plus the paginators, each passes
 * its own operation and the call's arguments to the client, and the class
 * and methods carry their names. (Generated interfaces against these classes:
 * `behaviour.test.ts` and the type tests.)
 */
import { describe, expect, it } from 'vitest';
import type { BaseClient } from '../../generator/emit/client/runtime/client.js';
import { resource } from '../../generator/emit/client/runtime/resource.js';
import type { Operation, RequestOptions } from '../../generator/emit/client/runtime/types.js';

const ops: Record<string, Operation> = {
  getCall: { method: 'GET', path: '/calls/{id}' },
  listCalls: { method: 'GET', path: '/calls', page: { style: 'page', items: 'items', next: 'next', pageParam: 'page' } },
  makeCall: { method: 'POST', path: '/calls', body: 'application/json' },
};

interface CallsApi {
  getCall(params: { id: string }, options?: RequestOptions): Promise<unknown>;
  listCalls(params?: object, options?: RequestOptions): Promise<unknown>;
  listAllCalls(params?: object, options?: RequestOptions): unknown;
  makeCall(params: object, options?: RequestOptions): Promise<unknown>;
}

/** A client that records what the methods hand it. */
function recorder() {
  const calls: [string, Operation, object | undefined, RequestOptions | undefined][] = [];
  const client = {
    $request: (op: Operation, params?: object, options?: RequestOptions) => (calls.push(['$request', op, params, options]), 'requested'),
    $paginate: (op: Operation, params?: object, options?: RequestOptions) => (calls.push(['$paginate', op, params, options]), 'paginated'),
  };
  return { calls, client: client as unknown as BaseClient<any> };
}

describe('rt.resource', () => {
  const CallsApi = resource<CallsApi>('CallsApi', ops, { listAllCalls: 'listCalls' });

  it('makes a method per key of ops and per paginator, and nothing else', () => {
    expect(Object.getOwnPropertyNames(CallsApi.prototype).sort()).toEqual(['constructor', 'getCall', 'listAllCalls', 'listCalls', 'makeCall']);
    expect(Object.getOwnPropertySymbols(CallsApi.prototype)).toEqual([Symbol.toStringTag]);
    // Like a class's methods: not enumerable, so an instance spreads and logs as its client only.
    expect(Object.keys(CallsApi.prototype)).toEqual([]);
    expect(Object.keys(new CallsApi(recorder().client))).toEqual(['$client']);
  });

  it('each method sends its own operation with the params and options as given', () => {
    const { calls, client } = recorder();
    const api = new CallsApi(client);
    const options = { timeout: 5 };
    expect(api.getCall({ id: 'c1' }, options)).toBe('requested');
    expect(api.listCalls()).toBe('requested');
    expect(api.makeCall({ body: {} })).toBe('requested');
    expect(api.listAllCalls({ page: 2 })).toBe('paginated');
    expect(calls).toEqual([
      ['$request', ops.getCall, { id: 'c1' }, options],
      ['$request', ops.listCalls, undefined, undefined],
      ['$request', ops.makeCall, { body: {} }, undefined],
      ['$paginate', ops.listCalls, { page: 2 }, undefined],
    ]);
    // The very descriptor objects, not copies: the client caches per operation.
    expect(calls[0]![1]).toBe(ops.getCall);
  });

  it('each instance calls through its own client; a method works detached with call()', () => {
    const [a, b] = [recorder(), recorder()];
    const [apiA, apiB] = [new CallsApi(a.client), new CallsApi(b.client)];
    apiB.getCall({ id: 'b' });
    apiA.getCall.call(apiB, { id: 'b2' });
    expect(a.calls).toEqual([]);
    expect(b.calls.map(([, , params]) => params)).toEqual([{ id: 'b' }, { id: 'b2' }]);
  });

  it('the class and its methods carry their names: name, instanceof, console and stack traces', () => {
    const { client } = recorder();
    const api = new CallsApi(client);
    expect(CallsApi.name).toBe('CallsApi');
    expect(api).toBeInstanceOf(CallsApi);
    expect(api.constructor).toBe(CallsApi);
    expect([api.getCall.name, api.listAllCalls.name]).toEqual(['getCall', 'listAllCalls']);
    expect(String(api)).toBe('[object CallsApi]');
    const failing = new CallsApi({ $request: () => { throw new Error('boom'); } } as unknown as BaseClient<any>);
    const stack = (() => {
      try {
        failing.getCall({ id: 'x' });
      } catch (error) {
        return (error as Error).stack!;
      }
    })();
    expect(stack).toMatch(/^ {4}at CallsApi\.getCall \(/m);
  });

  it('two resources are two classes', () => {
    const Other = resource<object>('OtherApi', { getCall: ops.getCall! });
    const other = new Other(recorder().client);
    expect(other).not.toBeInstanceOf(CallsApi);
    expect(new CallsApi(recorder().client)).not.toBeInstanceOf(Other);
    expect(Object.getOwnPropertyNames(Other.prototype).sort()).toEqual(['constructor', 'getCall']);
  });

  it('methods are not constructors, like class methods', () => {
    const api = new CallsApi(recorder().client);
    expect(() => new (api.getCall as unknown as new () => object)()).toThrow(TypeError);
  });

  it('takes only the own keys of ops and of the paginators', () => {
    const inherited = Object.assign(Object.create({ toString: ops.getCall }), { getCall: ops.getCall }) as Record<string, Operation>;
    const Api = resource<object>('Api', inherited);
    expect(Object.getOwnPropertyNames(Api.prototype).sort()).toEqual(['constructor', 'getCall']);
  });

  it.each([
    ['an operation that is not in ops', { listAllCalls: 'listEverything' }, 'CallsApi.listAllCalls: listEverything is not a paginated operation'],
    ['an operation without pages', { getAllCalls: 'getCall' }, 'CallsApi.getAllCalls: getCall is not a paginated operation'],
    ['a key of Object.prototype', { listAllCalls: 'toString' }, 'CallsApi.listAllCalls: toString is not a paginated operation'],
    ['a name an operation has', { makeCall: 'listCalls' }, 'CallsApi: two methods are named makeCall'],
  ])('refuses a paginator of %s', (_, paginators, message) => {
    expect(() => resource('CallsApi', ops, paginators)).toThrow(new TypeError(message));
  });

  it('refuses a method named constructor', () => {
    expect(() => resource('Api', { constructor: ops.getCall! })).toThrow(new TypeError('Api: two methods are named constructor'));
  });
});
