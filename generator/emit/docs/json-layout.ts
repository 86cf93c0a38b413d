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
 * non-empty object takes a line per property. Arrays follow array.js: a group
 * that goes flat when it fits (the comma after it counted), else numbers are
 * filled into as few lines as fit and other items take a line each; two or
 * more objects or arrays of more than one entry each always break, and so
 * does any array holding a non-empty object.
 *
 * The layout is simple enough to print as text directly: response examples
 * run to megabytes (GitHub's), and prettier's document printer took a
 * quarter of the docs' time on them. The property test in
 * test/docs/json-layout.test.ts compares the output with prettier itself.
 */
import { PRINT_WIDTH } from '../layout.js';
import { num } from './code-layout.js';
import { stringWidth } from './text-width.js';

/** A JSON value as prettier prints it in a fenced `json` block, ending with a newline. */
export function printJson(value: unknown): string {
  return `${print(value, '', 0, 0, 0)}\n`;
}

/** Deeper values are cut off: a spec's example is data, and a 10k-deep nest must not overflow the stack. */
const MAX_DEPTH = 64;

/** An example body: JSON data, as `JSON.parse` gives it. */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * `value` starting at `column`, its further lines indented by `indent`;
 * `after` is the width of what follows it on its line (a comma).
 */
function print(raw: unknown, indent: string, column: number, after: number, depth: number): string {
  const value = normalise(raw, depth);
  if (Array.isArray(value)) return printArray(value, indent, column, after, depth);
  if (value === null || typeof value !== 'object') return scalar(value);
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  const inner = `${indent}  `;
  const lines = entries.map(([key, v], i) => {
    const head = `${inner}${jsonString(key)}: `;
    const comma = i < entries.length - 1 ? ',' : '';
    return `${head}${print(v, inner, stringWidth(head), comma.length, depth + 1)}${comma}`;
  });
  return `{\n${lines.join('\n')}\n${indent}}`;
}

function printArray(items: Json[], indent: string, column: number, after: number, depth: number): string {
  if (items.length === 0) return '[]';
  if (!breaks(items)) {
    const flat = flatText(items);
    if (column + stringWidth(flat) + after <= PRINT_WIDTH) return flat;
  }
  const inner = `${indent}  `;
  if (items.every((item) => typeof item === 'number')) return `[\n${fill(items.map((n, i) => scalar(n) + (i < items.length - 1 ? ',' : '')), inner)}\n${indent}]`;
  const lines = items.map((item, i) => {
    const comma = i < items.length - 1 ? ',' : '';
    return `${inner}${print(item, inner, stringWidth(inner), comma.length, depth + 1)}${comma}`;
  });
  return `[\n${lines.join('\n')}\n${indent}]`;
}

/** prettier's `fill`: each item joins the line when it still fits, else starts the next one. */
function fill(parts: string[], indent: string): string {
  let out = `${indent}${parts[0]}`;
  let column = stringWidth(out);
  for (const part of parts.slice(1)) {
    const width = stringWidth(part);
    if (column + 1 + width <= PRINT_WIDTH) {
      out += ` ${part}`;
      column += 1 + width;
    } else {
      out += `\n${indent}${part}`;
      column = stringWidth(indent) + width;
    }
  }
  return out;
}

/** Whether an array always breaks: it holds a non-empty object, or array.js's rule for lists of records. */
function breaks(items: Json[]): boolean {
  return alwaysBreaks(items) || items.some((item) => item !== null && typeof item === 'object' && (Array.isArray(item) ? breaks(item) : Object.keys(item).length > 0));
}

/** array.js: two or more objects (or arrays), all of one kind, each of more than one entry, take a line each. */
function alwaysBreaks(items: Json[]): boolean {
  const kind = (item: Json) => (Array.isArray(item) ? 'array' : item !== null && typeof item === 'object' ? 'object' : undefined);
  const size = (item: Json) => (Array.isArray(item) ? item.length : Object.keys(item as object).length);
  return items.length > 1 && items.every((item) => kind(item) !== undefined && kind(item) === kind(items[0]) && size(item) > 1);
}

/** An array without forced breaks, on one line: only scalars, empty objects and such arrays are in it. */
function flatText(items: Json[]): string {
  return `[${items.map((item) => (Array.isArray(item) ? (item.length ? flatText(item) : '[]') : item !== null && typeof item === 'object' ? '{}' : scalar(item))).join(', ')}]`;
}

/** JSON data as printed: past the depth limit, and for `undefined`, `null`. */
function normalise(value: unknown, depth: number): Json {
  return value === undefined || depth > MAX_DEPTH ? null : (value as Json);
}

function scalar(value: Json): string {
  if (typeof value === 'string') return jsonString(value);
  if (typeof value === 'number') return numberText(value);
  return typeof value === 'boolean' ? String(value) : 'null';
}

/** JSON's own escaping, plus U+2028 and U+2029 as escapes so the text stays one line in every tool. */
function jsonString(text: string): string {
  const json = JSON.stringify(text);
  return SEPARATORS.test(json) ? json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029') : json;
}

const SEPARATORS = /[\u2028\u2029]/;

/** A number as prettier prints a numeric literal; NaN and infinities, which JSON cannot hold, as 0. */
function numberText(value: number): string {
  const n = num(value);
  return n.kind === 'number' ? `${n.negative ? '-' : ''}${n.text}` : '0';
}
