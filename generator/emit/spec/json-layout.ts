/**
 * JSON data in prettier's layout (parser `json`, our width), printed
 * directly: a spec is megabytes, and building one prettier document for all
 * of it would cost more than the rest of its package.
 *
 * Prettier keeps an object expanded when its text has a line break after
 * `{`, so every non-empty object here is expanded (one property per line).
 * An array breaks when it holds a non-empty object (that object's line
 * breaks force it), or when it holds several arrays (or objects) of more than
 * one element each, as prettier's `shouldBreak` says; any other array goes
 * through prettier's own line-fitting (`printDoc`), a list of numbers with
 * `fill`, as prettier prints it. Numbers are printed as prettier normalises
 * them (`1e+21` → `1e21`); strings and keys keep their JSON text.
 */
import { group, indent, join, line, printDoc, softline, type Doc } from '../layout.js';
import { builders } from 'prettier/doc';

/** Texts already printed, by document: `generate --version auto` and the spec emitter print the same one. */
const printed = new WeakMap<object, string>();

/** The text of `value` with a final newline. */
export function jsonText(value: unknown): string {
  const known = value !== null && typeof value === 'object' ? printed.get(value) : undefined;
  if (known !== undefined) return known;
  const out: string[] = [];
  print(value, '', '', '', out);
  out.push('\n');
  const text = out.join('');
  if (value !== null && typeof value === 'object') printed.set(value, text);
  return text;
}

/** Appends `value`, which starts after `prefix` on a line indented by `pad`, followed by `after` (`,` or nothing). */
function print(value: unknown, pad: string, prefix: string, after: string, out: string[]): void {
  if (Array.isArray(value)) {
    if (value.length === 0) out.push('[]', after);
    else if (breaks(value)) {
      const inner = `${pad}  `;
      out.push('[');
      value.forEach((item, i) => {
        out.push('\n', inner);
        print(item, inner, inner, i < value.length - 1 ? ',' : '', out);
      });
      out.push('\n', pad, ']', after);
    } else out.push(fitted(value, pad, prefix, after));
    return;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return void out.push('{}', after);
    const inner = `${pad}  `;
    out.push('{');
    entries.forEach(([key, item], i) => {
      const head = `${JSON.stringify(key)}: `;
      out.push('\n', inner, head);
      print(item, inner, inner + head, i < entries.length - 1 ? ',' : '', out);
    });
    out.push('\n', pad, '}', after);
    return;
  }
  out.push(scalar(value), after);
}

/** Whether an array must break whatever the width: it holds an expanded object, or prettier's shouldBreak holds. */
function breaks(items: unknown[]): boolean {
  if (items.some(holdsObject)) return true;
  return items.length > 1 && items.every((item) => Array.isArray(item) && item.length > 1);
}

function holdsObject(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(holdsObject);
  return value !== null && typeof value === 'object' && Object.keys(value).length > 0;
}

/**
 * An array of scalars (or of such arrays) laid out by prettier's printer, at
 * its real place: the line so far is printed in front of it and the
 * indentation it sits in wraps it, then the prefix is cut off again.
 */
function fitted(items: unknown[], pad: string, prefix: string, after: string): string {
  let doc: Doc = [arrayDoc(items), after];
  for (let i = 0; i < pad.length / 2; i++) doc = indent(doc);
  return printDoc([prefix, doc]).slice(prefix.length);
}

function arrayDoc(items: unknown[]): Doc {
  if (items.length === 0) return '[]';
  if (items.every((item) => !Array.isArray(item) && (item === null || typeof item !== 'object') && items.length > 1 && typeof item === 'number')) {
    const parts: Doc[] = [];
    items.forEach((item, i) => {
      parts.push([scalar(item), i < items.length - 1 ? ',' : '']);
      if (i < items.length - 1) parts.push(line);
    });
    return group(['[', indent([softline, builders.fill(parts)]), softline, ']']);
  }
  const docs = items.map((item) => (Array.isArray(item) ? arrayDoc(item) : scalar(item)));
  const shouldBreak = items.length > 1 && items.every((item) => Array.isArray(item) && item.length > 1);
  return group(['[', indent([softline, join([',', line], docs)]), softline, ']'], { shouldBreak });
}

function scalar(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).replace('e+', 'e') : 'null';
  if (value !== null && typeof value === 'object') return '{}';
  return JSON.stringify(value) ?? 'null';
}
