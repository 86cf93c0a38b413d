/**
 * Reads one YAML or JSON file into plain data while keeping the way back from
 * a JSON pointer to the line:col it came from.
 *
 * JSON files are parsed with `JSON.parse` (fast on multi-megabyte specs) and
 * located by scanning the text on demand (`json-locate.ts`), never through a
 * YAML syntax tree, which costs seconds and hundreds of MiB at that size.
 *
 * YAML files are read with js-yaml, four to five times faster than the `yaml`
 * package's syntax tree (most of a seed spec's load time), and the tree is
 * built only when a position is first asked for: on the way to an error
 * message, almost never on a successful run. Text the two parsers could read
 * differently (aliases, null keys, directives, complex keys, syntax errors) is
 * read by `yaml` alone, as before. Each map's keys are indexed on first visit,
 * so locating is not linear in its size.
 */
import { createRequire } from 'node:module';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import type { Document, LineCounter, Node, YAMLMap } from 'yaml';
import type { Issue } from '../issues.js';
import { jsonLocator } from './json-locate.js';

/** The `yaml` package's own guard against alias bombs ("billion laughs"). */
export const MAX_ALIAS_COUNT = 100;

export interface Position {
  line: number;
  col: number;
}

export interface SourceFile {
  /** Absolute path. */
  path: string;
  value: unknown;
  /** Position of the node at `pointer`, or of its nearest located ancestor. */
  locate(pointer: string): Position;
}

interface ParsedYaml {
  doc: Document.Parsed;
  lines: LineCounter;
}

/** Parses `text`; on failure returns located `yaml-invalid` issues instead of a file. */
export function parseSource(file: string, text: string): SourceFile | Issue[] {
  if (/\.json$/i.test(file)) {
    try {
      const value: unknown = JSON.parse(text);
      const located = jsonLocator(text);
      return makeSource(file, value, (pointer) => located.linePos(located.offsetOf(splitPointer(pointer))));
    } catch {
      // Fall through: the YAML parser reports JSON syntax errors with positions.
    }
  }
  const fast = readPlainYaml(text);
  if (fast !== undefined) {
    let parsed: ParsedYaml | undefined;
    return makeSource(file, fast.value, (pointer) => locateIn((parsed ??= parseYaml(text)), pointer));
  }
  const parsed = parseYaml(text);
  const errors = parsed.doc.errors.map((e) => yamlIssue(file, e.message, parsed.lines.linePos(e.pos[0])));
  if (errors.length > 0) return errors;
  try {
    const value = parsed.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return makeSource(file, value, (pointer) => locateIn(parsed, pointer));
  } catch (error) {
    // toJS throws on an alias bomb; point at the document start.
    return [yamlIssue(file, (error as Error).message, { line: 1, col: 1 })];
  }
}

/**
 * Forms js-yaml and `yaml` read apart, found by a differential fuzz test
 * (test/load/yaml-fast-path.test.ts): null-like keys (`~:`, `null:`, the key
 * "null" for js-yaml, "" for `yaml`) and block scalars with an explicit
 * indentation indicator (`|1-`). `%` directives can switch `yaml` to YAML 1.1.
 */
const NEEDS_FULL_PARSER = /(?:^|[\s{,?-])(?:~|null|Null|NULL)[ \t]*:(?:[ \t]|$)|(?:^|\s)[|>](?:[1-9][-+]?|[-+][1-9])(?:[ \t]|$)|^%/m;

/**
 * The data of `text` by js-yaml (YAML 1.2 core schema: no timestamps, no merge
 * keys, so `<<` stays a plain key as with `merge: false`), or undefined when
 * the text must go through `yaml`: syntax errors (for their positions), tags
 * js-yaml does not know, duplicate keys, and any shared node — an alias to a
 * map or list, which `yaml` counts against MAX_ALIAS_COUNT.
 */
function readPlainYaml(text: string): { value: unknown } | undefined {
  if (NEEDS_FULL_PARSER.test(text)) return undefined;
  let value: unknown;
  try {
    value = loadYaml(text, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
  return hasSharedNode(value) ? undefined : { value };
}

/** True when one object is reached twice: the mark of an alias. Stops at the first repeat. */
function hasSharedNode(root: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (seen.has(node)) return true;
    seen.add(node);
    for (const child of Object.values(node)) if (child !== null && typeof child === 'object') stack.push(child);
  }
  return false;
}

/** The `yaml` package, loaded on first use: a successful run of a YAML spec never needs it. */
let yamlModule: typeof import('yaml') | undefined;
function yaml(): typeof import('yaml') {
  return (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));
}

function parseYaml(text: string): ParsedYaml {
  const { LineCounter, parseDocument } = yaml();
  const lines = new LineCounter();
  // merge: false keeps `<<` an ordinary key, so a merge key can never reach a prototype.
  // logLevel 'error': `yaml` would otherwise print a process warning (a complex key made a string) on the user's terminal.
  const doc = parseDocument(text, { lineCounter: lines, merge: false, uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  return { doc, lines };
}

function makeSource(file: string, value: unknown, find: (pointer: string) => Position): SourceFile {
  const cache = new Map<string, Position>();
  return {
    path: file,
    value,
    locate(pointer) {
      let hit = cache.get(pointer);
      if (!hit) cache.set(pointer, (hit = find(pointer)));
      return hit;
    },
  };
}

function locateIn({ doc, lines }: ParsedYaml, pointer: string): Position {
  let node: unknown = doc.contents;
  let offset = (node as Node | null)?.range?.[0] ?? 0;
  for (const segment of splitPointer(pointer)) {
    const next = childOf(node, segment);
    if (!next) break;
    node = next.value;
    offset = next.offset;
  }
  return lines.linePos(offset);
}

interface Located {
  value: unknown;
  offset: number;
}

/** Each map's scalar keys, indexed on first visit (the first of duplicate keys wins). */
const mapIndex = new WeakMap<YAMLMap, Map<string, Located>>();

function childOf(node: unknown, segment: string): Located | undefined {
  const { isMap, isPair, isScalar, isSeq } = yaml();
  if (isMap(node)) {
    let index = mapIndex.get(node);
    if (!index) {
      index = new Map();
      for (const item of node.items) {
        if (!isPair(item) || !isScalar(item.key)) continue;
        const key = String(item.key.value);
        if (!index.has(key)) index.set(key, { value: item.value, offset: item.key.range?.[0] ?? 0 });
      }
      mapIndex.set(node, index);
    }
    return index.get(segment);
  } else if (isSeq(node)) {
    const item = node.items[Number(segment)];
    if (item && /^\d+$/.test(segment)) return { value: item, offset: (item as Node).range?.[0] ?? 0 };
  }
  return undefined;
}

/** Splits an RFC 6901 pointer (`#/a/b~1c` or `/a/b~1c`) into unescaped segments. */
export function splitPointer(pointer: string): string[] {
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (body === '' || body === '/') return body === '/' ? [''] : [];
  return body
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Joins segments into a `#/…` pointer, escaping `~` and `/`. */
export function joinPointer(base: string, ...segments: (string | number)[]): string {
  let out = base === '' ? '#' : base;
  for (const s of segments) out += '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1');
  return out;
}

function yamlIssue(file: string, message: string, pos: Position): Issue {
  return {
    file,
    pointer: '#',
    line: pos.line,
    col: pos.col,
    code: 'yaml-invalid',
    severity: 'error',
    message: message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''),
  };
}
