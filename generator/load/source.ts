/**
 * Reads one YAML or JSON file into plain data while keeping the way back from
 * a JSON pointer to the line:col it came from.
 *
 * JSON files are parsed with `JSON.parse` (fast on multi-megabyte specs); the
 * YAML syntax tree that gives positions is only built when a position is asked
 * for. YAML files need that tree anyway and keep it from the first parse.
 */
import { LineCounter, parseDocument, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { Issue } from '../issues.js';

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
      return makeSource(file, JSON.parse(text), () => parseYaml(text));
    } catch {
      // Fall through: the YAML parser reports JSON syntax errors with positions.
    }
  }
  const parsed = parseYaml(text);
  const errors = parsed.doc.errors.map((e) => yamlIssue(file, e.message, parsed.lines.linePos(e.pos[0])));
  if (errors.length > 0) return errors;
  try {
    const value = parsed.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return makeSource(file, value, () => parsed);
  } catch (error) {
    // toJS throws on an alias bomb; point at the document start.
    return [yamlIssue(file, (error as Error).message, { line: 1, col: 1 })];
  }
}

function parseYaml(text: string): ParsedYaml {
  const lines = new LineCounter();
  // merge: false keeps `<<` an ordinary key, so a merge key can never reach a prototype.
  const doc = parseDocument(text, { lineCounter: lines, merge: false, uniqueKeys: true, prettyErrors: false });
  return { doc, lines };
}

function makeSource(file: string, value: unknown, tree: () => ParsedYaml): SourceFile {
  let parsed: ParsedYaml | undefined;
  const cache = new Map<string, Position>();
  return {
    path: file,
    value,
    locate(pointer) {
      let hit = cache.get(pointer);
      if (!hit) {
        parsed ??= tree();
        hit = locateIn(parsed, pointer);
        cache.set(pointer, hit);
      }
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

function childOf(node: unknown, segment: string): { value: unknown; offset: number } | undefined {
  if (isMap(node)) {
    for (const item of node.items) {
      if (isPair(item) && isScalar(item.key) && String(item.key.value) === segment) {
        return { value: item.value, offset: item.key.range?.[0] ?? 0 };
      }
    }
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
