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
import { group, indent, join, line, printDoc, PRINT_WIDTH, softline, type Doc } from '../layout.js';
import { builders } from 'prettier/doc';

/** Texts already printed, by document: `generate --version auto` and the spec emitter print the same one. */
const printed = new WeakMap<object, string>();

/** The text of `value` with a final newline. */
export function jsonText(value: unknown): string {
  const known = value !== null && typeof value === 'object' ? printed.get(value) : undefined;
  if (known !== undefined) return known;
  const text = `${print(value, '', '', '')}\n`;
  if (value !== null && typeof value === 'object') printed.set(value, text);
  return text;
}

/** `value`, which starts after `head` on a line indented by `pad`, followed by `after` (`,` or nothing). */
function print(value: unknown, pad: string, head: string, after: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return `[]${after}`;
    if (!breaks(value)) return fitted(value, pad, pad + head, after);
    const inner = `${pad}  `;
    let out = '[';
    for (let i = 0; i < value.length; i++) out += `\n${inner}${print(value[i], inner, '', i < value.length - 1 ? ',' : '')}`;
    return `${out}\n${pad}]${after}`;
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 0) return `{}${after}`;
    const inner = `${pad}  `;
    let out = '{';
    for (let i = 0; i < keys.length; i++) {
      const key = `${JSON.stringify(keys[i])}: `;
      out += `\n${inner}${key}${print((value as Record<string, unknown>)[keys[i]], inner, key, i < keys.length - 1 ? ',' : '')}`;
    }
    return `${out}\n${pad}}${after}`;
  }
  return scalar(value) + after;
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
  // Most arrays in a spec are short lists of strings (enums, required, tags): laid out here
  // when the width is plain to count (ASCII), which is what prettier's group would do.
  if (items.every((item) => typeof item !== 'number' && !Array.isArray(item))) {
    const texts = items.map(scalar);
    const flat = `[${texts.join(', ')}]`;
    if (/^[\x20-\x7e]*$/.test(flat + prefix)) {
      if (prefix.length + flat.length + after.length <= PRINT_WIDTH) return `${flat}${after}`;
      return `[\n${texts.map((t) => `${pad}  ${t}`).join(',\n')}\n${pad}]${after}`;
    }
  }
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
