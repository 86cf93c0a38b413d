/**
 * The TypeScript examples are printed in prettier's layout (code-layout.ts):
 * example values of every shape, in every statement the examples use, come
 * out exactly as prettier's typescript printer prints them.
 */
import fc from 'fast-check';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import {
  awaited,
  block,
  call,
  constStatement,
  expressionStatement,
  forAwait,
  id,
  member,
  num,
  object,
  printProgram,
  str,
  type Expr,
  type Statement,
} from '../../generator/emit/docs/code-layout.js';
import { BytesValue, valueExpr } from '../../generator/emit/docs/examples.js';
import { PRETTIER_OPTIONS } from '../../generator/write/format.js';

const format = (text: string) => prettier.format(text, { ...PRETTIER_OPTIONS, parser: 'typescript', filepath: 'example.ts' });

const strings = fc.constantFrom('', 'a', "it's", 'say "hi"', 'x'.repeat(30), 'y'.repeat(72), 'z'.repeat(97), 'é日本😀', 'a\u2028b', 'a\\b', '`${x}`');
const keys = fc.constantFrom('a', 'ab', 'abcd', 'abcde', 'id', 'a-b', '-', '日-', '日本', 'é-x', '__proto__', '1', '$x', 'class', 'k'.repeat(40));
const numbers = fc.constantFrom(0, 1, -1, 5.5, 1e21, -0, 123456789, 1.5e-7);

/** JSON-like example values, with the bytes of a binary body. */
const values = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    strings,
    numbers,
    fc.constantFrom(true, false, null),
    fc.array(fc.nat(999), { maxLength: 30 }).map((bytes) => new BytesValue(bytes)),
    fc.array(fc.nat(999), { minLength: 1, maxLength: 30 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(keys, tie('value')), { maxLength: 4 }).map((entries) => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      return out;
    }),
  ),
})).value;

const methods = fc.constantFrom('client.a.get', 'client.calls.listAllTheThingsWithAVeryLongMethodName', `client.recordings.${'x'.repeat(60)}`);

/** The statements of the examples around one call with `value` as its params. */
function statements(method: string, value: unknown, shape: number): Statement[] {
  const options = (): Expr => object([['timeout', { kind: 'number', text: '5_000' }], ['signal', member('controller.signal')]]);
  const args = (): Expr[] => [[valueExpr(value)], [valueExpr(value), object([['maxRetries', num(0)]])], [id('undefined'), options()], [str('x'.repeat(shape * 9))]][shape % 4];
  return [
    constStatement('result', awaited(call(method, args()))),
    constStatement(['data', 'contentType'], awaited(call(method, args()))),
    expressionStatement(awaited(call(method, args()))),
    forAwait('item', call(method, args()), ['console.log(item);']),
    constStatement('client', {
      kind: 'new',
      callee: 'SomeVeryLongClientNameForTestingPurposesClient',
      args: [object([['authId', member('process.env', 'SOME_LONG_ENVIRONMENT_VARIABLE_NAME')], ['baseUrl', member('mock.baseUrl')]])],
    }),
  ];
}

describe('examples printed in prettier layout', () => {
  it('calls, assignments and loops with any example value', async () => {
    await fc.assert(
      fc.asyncProperty(methods, values, fc.nat(7), async (method, value, shape) => {
        const text = printProgram([block('try', statements(method, value, shape), ['catch (error)', ['throw error;']]), ...statements(method, value, shape)]);
        expect(text).toBe(await format(text));
      }),
      { numRuns: 150 },
    );
  });

  it('hugs a last object argument, breaks a long string after its key, fills numbers', async () => {
    const text = printProgram([
      constStatement('result', awaited(call('client.calls.getCall', [valueExpr({ id: 'c-1', callbackUrl: 'u'.repeat(90), ids: Array.from({ length: 30 }, (_, i) => i * 11) })]))),
    ]);
    expect(text).toBe(await format(text));
    expect(text.split('\n').slice(0, 3)).toEqual(['const result = await client.calls.getCall({', "  id: 'c-1',", '  callbackUrl:']);
  });

  it("writes keys prettier would unquote, and __proto__, as computed keys", async () => {
    const value = JSON.parse('{"__proto__": 1, "日本": 2, "a-b": 3}');
    const text = printProgram([constStatement('v', valueExpr(value))]);
    expect(text).toBe("const v = {\n  ['__proto__']: 1,\n  ['日本']: 2,\n  'a-b': 3,\n};\n");
    expect(await format(text)).toBe(text);
  });
});
