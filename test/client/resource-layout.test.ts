/**
 * The statements a resource file ends with, printed in prettier's layout:
 * `export const XApi: rt.ResourceClass<XApi> = /* @__PURE__ *\/ rt.resource('XApi', ops, { … })`
 * on one line, with the paginators hugged, with every argument on its own
 * line, and after a break at `=`; and the interface's method signatures, one
 * line or broken, with overloads. The same for the module's JavaScript and
 * declarations (`dist/`). prettier checks every claim.
 */
import { describe, expect, it } from 'vitest';
import { namespaceImport, printFile, printModule, type MethodSignature, type Statement } from '../../generator/emit/client/printer.js';
import { generic, nameType } from '../../generator/emit/client/type-text.js';
import type { EmittedFile } from '../../generator/emit/types.js';
import { falselyFormatted } from '../../generator/write/format.js';

/** A name of `width` characters. */
const named = (prefix: string, width: number) => (prefix + 'x'.repeat(width)).slice(0, Math.max(width, prefix.length));

function resourceFile(className: string, paginators: [string, string][], methods: MethodSignature[]): Statement[] {
  return [
    namespaceImport('rt', '../runtime/index.js'),
    { kind: 'const', name: 'ops', docs: 'How each operation goes on the wire.', type: generic('Record', [nameType('string'), nameType('rt.Operation')]), value: { entries: [['get', { entries: [['method', 'GET'], ['path', '/']] }]], multiline: true } },
    { kind: 'interface', name: className, docs: 'The operations.', properties: [], methods },
    // An object constant whose head may not fit on its first line (the object is then not printed apart).
    {
      kind: 'const',
      exported: true,
      name: named('table', className.length * 2),
      type: generic('Record', [nameType('string'), nameType(`${className}Value`)]),
      value: { entries: [['key', { entries: [['method', 'GET'], ['path', `/${className}`]] }]], multiline: true },
    },
    {
      kind: 'const',
      exported: true,
      name: className,
      docs: 'The class, which the runtime builds from `ops`.',
      type: generic('rt.ResourceClass', [nameType(className)]),
      value: { kind: 'call', pure: true, callee: 'rt.resource', args: [className, { variable: 'ops' }, ...(paginators.length ? [{ entries: paginators }] : [])] },
    },
  ];
}

function method(name: string, paramsType: string, overloads: number): MethodSignature {
  const signature = (i: number) => ({
    docs: i ? `Overload ${i}.` : undefined,
    parameters: [
      { name: 'params', type: nameType(paramsType), optional: i === 0 },
      { name: 'options', type: nameType('rt.RequestOptions'), optional: true },
    ],
    returnType: generic('rt.ApiPromise', [nameType(`${paramsType}Result`), nameType(`${paramsType}Result['data']`)]),
  });
  return { name, signatures: Array.from({ length: overloads }, (_, i) => signature(i)) };
}

describe('resource files in prettier layout', () => {
  it('the class made by rt.resource and the interface it implements, at every width', async () => {
    const files: EmittedFile[] = [];
    for (let width = 4; width <= 72; width += 2) {
      for (const count of [0, 1, 2, 3]) {
        const className = named('Api', width);
        const paginators = Array.from({ length: count }, (_, i): [string, string] => [named(`listAll${i}`, (width * (i + 1)) % 50), named(`list${i}`, (width * (i + 2)) % 40)]);
        const methods = [method(named('get', width), named('GetParams', (width * 3) % 60), 1 + (count % 3)), method('x', 'P', 1)];
        const printed = printModule(resourceFile(className, paginators, methods));
        files.push({ path: `src/resources/R${width}x${count}.ts`, content: printed.ts.text, formatted: printed.ts.formatted });
        files.push({ path: `dist/resources/R${width}x${count}.js`, content: printed.js.text, formatted: printed.js.formatted });
        files.push({ path: `dist/resources/R${width}x${count}.d.ts`, content: printed.dts.text, formatted: printed.dts.formatted });
      }
    }
    const texts = files.filter((f) => f.path.startsWith('src/')).map((f) => String(f.content));
    const js = files.filter((f) => f.path.endsWith('.js')).map((f) => String(f.content));
    // Every layout shows up: one line, hugged paginators, one argument per line, a break at `=`.
    expect(texts.some((t) => /^export const \w+: rt\.ResourceClass<\w+> = \/\* @__PURE__ \*\/ rt\.resource\('\w+', ops\);$/m.test(t))).toBe(true);
    expect(js.some((t) => /^export const \w+ = \/\* @__PURE__ \*\/ rt\.resource\('\w+', ops, \{ \w+: '\w+' \}\);$/m.test(t))).toBe(true);
    expect(texts.some((t) => /rt\.resource\('\w+', ops, \{\n/.test(t))).toBe(true);
    expect(texts.some((t) => /rt\.resource\(\n {2}'\w+',\n {2}ops,\n/.test(t))).toBe(true);
    expect(texts.some((t) => /^export const \w+: rt\.ResourceClass<\w+> =\n {2}\/\* @__PURE__ \*\/ rt\.resource/m.test(t))).toBe(true);
    expect(js.some((t) => /^export const \w+ =\n {2}\/\* @__PURE__ \*\/ rt\.resource/m.test(t))).toBe(true);
    expect(js.some((t) => /^export const \w+ = \/\* @__PURE__ \*\/ rt\.resource\('\w+', ops, \{\n/m.test(t))).toBe(true);
    // The object constant: after its head on one line, and after a break at `=` when the head is too long.
    expect(texts.some((t) => /^export const table\w*: Record<string, \w+> = \{$/m.test(t))).toBe(true);
    expect(texts.some((t) => /^export const table\w*: Record<\n/m.test(t) || /^export const table\w*:\s*Record<string, \w+> =\n/m.test(t))).toBe(true);
    expect(files.filter((f) => !f.formatted)).toEqual([]);
    expect(await falselyFormatted(files)).toEqual([]);
  }, 60_000);

  it('a call with fewer than two arguments is left to prettier (it may break after `=` instead)', () => {
    const printed = printFile([{ kind: 'const', exported: true, name: 'A', value: { kind: 'call', callee: 'make', args: [{ variable: 'ops' }] } }]);
    expect(printed.formatted).toBe(false);
  });
});
