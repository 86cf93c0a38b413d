/**
 * The JSON locator must put every node where the YAML syntax tree puts it
 * (members at their key, array items at their value), for any JSON layout,
 * and fall back to the nearest existing ancestor for a missing pointer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { jsonLocator } from '../../generator/load/json-locate.js';
import { joinPointer, parseSource, splitPointer } from '../../generator/load/source.js';

/** Where the `yaml` package's tree puts the node at `pointer` (the previous implementation). */
function treePosition({ doc, lines }: Tree, pointer: string): { line: number; col: number } {
  let node: unknown = doc.contents;
  let offset = (node as Node).range?.[0] ?? 0;
  for (const segment of splitPointer(pointer)) {
    let next: { value: unknown; offset: number } | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment);
      if (pair) next = { value: pair.value, offset: (pair.key as Node).range![0] };
    } else if (isSeq(node) && /^\d+$/.test(segment) && node.items[Number(segment)]) {
      next = { value: node.items[Number(segment)], offset: (node.items[Number(segment)] as Node).range![0] };
    }
    if (!next) break;
    ({ value: node, offset } = next);
  }
  return lines.linePos(offset);
}

/** Every pointer in `value`, each followed by a pointer to a missing child. */
function pointers(value: unknown, at = '#'): string[] {
  const out = [at, joinPointer(at, 'no such key')];
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...pointers(v, joinPointer(at, Array.isArray(value) ? Number(k) : k)));
  }
  return out;
}

type Tree = { doc: ReturnType<typeof parseDocument>; lines: LineCounter };

function expectSamePositions(text: string): void {
  const locator = jsonLocator(text);
  const lines = new LineCounter();
  const tree = { doc: parseDocument(text, { lineCounter: lines }), lines };
  for (const pointer of pointers(JSON.parse(text))) {
    expect(locator.linePos(locator.offsetOf(splitPointer(pointer))), pointer).toEqual(treePosition(tree, pointer));
  }
}

describe('JSON positions without a syntax tree', () => {
  it('match the YAML tree for keys that need escaping and for nested arrays', () => {
    const text = '{\r\n  "a\\"b": {"~0/1": [1, [true, {"x": null}], "s\\\\"]},\n\t"\\u00e9": "v", "": {"": 0}\n}\n';
    expectSamePositions(text);
  });

  it('match the YAML tree for any JSON value in any indentation', () => {
    const key = fc.string({ maxLength: 8 });
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string(), tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 4 }),
      object: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
    })).object;
    fc.assert(
      fc.property(json, fc.constantFrom(undefined, 0, 2, '\t'), (value, indent) => expectSamePositions(JSON.stringify(value, null, indent))),
      { numRuns: 150 },
    );
  });

  it('locate through parseSource, for JSON files only', () => {
    const source = parseSource('/spec/openapi.json', '{\n  "openapi": "3.1.0",\n  "paths": {\n    "/a~b": {}\n  }\n}\n');
    if (Array.isArray(source)) throw new Error('expected a source');
    expect(source.locate('#/paths/~1a~0b')).toEqual({ line: 4, col: 5 });
    expect(source.locate('#/paths/missing')).toEqual({ line: 3, col: 3 });
    expect(source.locate('#')).toEqual({ line: 1, col: 1 });
  });
});
