/**
 * Example response bodies as JSON, laid out the way prettier prints a
 * ```` ```json ```` block inside Markdown (parser `json`, width 100), so the
 * page holding them can skip prettier.
 *
 * Prettier's `json` parser goes through its estree printer with JSON's
 * quirks: strings and keys are kept exactly as written, numbers are
 * normalised (`1e+21` → `1e21`), there are no trailing commas, and a property
 * is `key: value` without the assignment layouts (a long value never moves to
 * the next line). An object written over several lines stays expanded
 * (`objectWrap: "preserve"`), and ours are always written expanded, so every
 * non-empty object takes a line per property. Arrays follow array.js: numbers
 * are filled, two or more objects or arrays of more than one entry each break,
 * the rest fit on one line or take a line per item.
 */
import { fill, group, hardline, indent, join, line, printDoc, softline, type Doc } from '../layout.js';
import { num } from './code-layout.js';

/** A JSON value as prettier prints it in a fenced `json` block, ending with a newline. */
export function printJson(value: unknown): string {
  return `${printDoc(jsonDoc(value, 0))}\n`;
}

/** Deeper values are cut off: a spec's example is data, and a cycle or a 10k-deep nest must not hang the docs. */
const MAX_DEPTH = 64;

function jsonDoc(value: unknown, depth: number): Doc {
  if (typeof value === 'string') return jsonString(value);
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return String(value);
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return 'null';
  if (Array.isArray(value)) return arrayDoc(value, depth);
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  const props = entries.map(([key, v]) => [jsonString(key), ': ', jsonDoc(v, depth + 1)]);
  return ['{', indent([hardline, join([',', hardline], props)]), hardline, '}'];
}

function arrayDoc(items: unknown[], depth: number): Doc {
  if (items.length === 0) return '[]';
  if (items.every((item) => typeof item === 'number')) {
    // array.js `isConciselyPrintedArray`: numbers are filled into as few lines as fit.
    const parts: Doc[] = [];
    items.forEach((item, i) => {
      parts.push(i === items.length - 1 ? numberText(item as number) : [numberText(item as number), ',']);
      if (i < items.length - 1) parts.push(line);
    });
    return group(['[', indent([softline, fill(parts)]), softline, ']']);
  }
  const printed = items.map((item) => group(jsonDoc(item === undefined ? null : item, depth + 1)));
  return group(['[', indent([softline, join([',', line], printed)]), softline, ']'], { shouldBreak: alwaysBreaks(items) });
}

/** array.js: two or more objects (or arrays), each of more than one entry, always take a line each. */
function alwaysBreaks(items: unknown[]): boolean {
  const shape = (item: unknown): 'array' | 'object' | undefined =>
    Array.isArray(item) ? 'array' : item !== null && typeof item === 'object' ? 'object' : undefined;
  const size = (item: unknown): number => (Array.isArray(item) ? item.length : Object.values(item as object).filter((v) => v !== undefined).length);
  return items.length > 1 && items.every((item) => shape(item) !== undefined && shape(item) === shape(items[0]) && size(item) > 1);
}

/** JSON's own escaping, plus U+2028 and U+2029 as escapes so the text stays one line in every tool. */
function jsonString(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A number as prettier prints a numeric literal; NaN and infinities, which JSON cannot hold, as 0. */
function numberText(value: number): string {
  const n = num(value);
  return n.kind === 'number' && n.negative ? `-${n.text}` : n.kind === 'number' ? n.text : '0';
}
