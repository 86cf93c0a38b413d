/**
 * `$ref` resolution across the spec's own files.
 *
 * Local refs (`#/components/...`) and relative files inside the spec's folder
 * are followed. URLs (`http:`, `file:`, any scheme), absolute paths and paths
 * that leave the folder (also through `%2e%2e` or a symlink) are refused with a
 * located `ref-forbidden` issue: a spec must never make the generator read
 * files or hosts its author does not own.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Issue, SpecLocation } from '../issues.js';
import { joinPointer, parseSource, splitPointer, type SourceFile } from './source.js';

/** A position inside one of the loaded files. */
export interface Cursor {
  file: SourceFile;
  pointer: string;
  value: unknown;
}

const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;
const SPEC_FILE = /\.(ya?ml|json)$/i;

export class SpecFiles {
  readonly root: SourceFile;
  readonly rootDir: string;
  readonly issues: Issue[] = [];
  private readonly files = new Map<string, SourceFile | null>();
  private readonly reported = new Set<string>();

  constructor(root: SourceFile) {
    this.root = root;
    this.rootDir = realDir(path.dirname(root.path));
    this.files.set(root.path, root);
  }

  /** Every file loaded so far, root first. */
  all(): SourceFile[] {
    return [...this.files.values()].filter((f): f is SourceFile => f !== null);
  }

  top(): Cursor {
    return { file: this.root, pointer: '#', value: this.root.value };
  }

  /** The child of `c` at the given segments (no `$ref` following). */
  child(c: Cursor, ...segments: (string | number)[]): Cursor {
    let value = c.value;
    for (const s of segments) value = own(value, String(s));
    return { file: c.file, pointer: joinPointer(c.pointer, ...segments), value };
  }

  /**
   * Where `c` is. Line and column are found on first read: the model records a
   * location for every node, but only the few that reach a message are read,
   * and locating costs a scan of the file (seconds on a 10 MB spec if done for all).
   */
  loc(c: Cursor): SpecLocation {
    const { file, pointer } = c;
    let pos: { line: number; col: number } | undefined;
    return {
      file: file.path,
      pointer,
      get line() {
        return (pos ??= file.locate(pointer)).line;
      },
      get col() {
        return (pos ??= file.locate(pointer)).col;
      },
    };
  }

  issue(c: Cursor, code: string, message: string, severity: Issue['severity'] = 'error'): void {
    const key = `${c.file.path}\0${c.pointer}\0${code}\0${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.issues.push({ ...this.loc(c), code, severity, message });
  }

  /** Follows `$ref` chains from `c`; reports and returns undefined when one cannot be followed. */
  deref(c: Cursor): Cursor | undefined {
    const seen = new Set<string>();
    let current = c;
    while (isRef(current.value)) {
      const key = `${current.file.path}${current.pointer}`;
      if (seen.has(key)) {
        this.issue(c, 'ref-cycle', `$ref chain loops back to ${current.pointer}`);
        return undefined;
      }
      seen.add(key);
      const next = this.follow(current);
      if (!next) return undefined;
      current = next;
    }
    return current;
  }

  /** Resolves one `$ref` at `c` (whose value is `{ $ref }`). */
  follow(c: Cursor): Cursor | undefined {
    const ref = (c.value as { $ref: string }).$ref;
    const at = this.child(c, '$ref');
    const target = this.targetOf(ref, c.file.path);
    if (typeof target === 'string') {
      this.issue(at, target.startsWith('forbidden:') ? 'ref-forbidden' : 'ref-unresolved', target.replace(/^\w+:/, ''));
      return undefined;
    }
    const file = this.load(target.file, at);
    if (!file) return undefined;
    // The fragment is URI-encoded (RFC 6901 §6): `%20` is a space. A spec that wrote a raw `%` in a name is still followed.
    for (const pointer of new Set([decodeFragment(target.pointer), target.pointer])) {
      const value = valueAt(file.value, pointer);
      if (value !== undefined) return { file, pointer: pointer === '' ? '#' : pointer, value };
    }
    this.issue(at, 'ref-unresolved', `$ref ${JSON.stringify(ref)} does not resolve: nothing at ${target.pointer}`);
    return undefined;
  }

  /** Where a ref points, or a `forbidden:`/`unresolved:` message. */
  private targetOf(ref: string, from: string): { file: string; pointer: string } | string {
    const hash = ref.indexOf('#');
    const filePart = hash < 0 ? ref : ref.slice(0, hash);
    const pointer = hash < 0 ? '#' : '#' + ref.slice(hash + 1);
    if (filePart === '') return { file: from, pointer };
    let decoded: string;
    try {
      decoded = decodeURIComponent(filePart);
    } catch {
      return `unresolved:$ref ${JSON.stringify(ref)} is not a valid URI reference`;
    }
    if (SCHEME.test(filePart) || SCHEME.test(decoded)) {
      return `forbidden:$ref ${JSON.stringify(ref)} is a URL; only files inside the spec's folder may be referenced`;
    }
    if (path.isAbsolute(decoded) || decoded.startsWith('/') || decoded.includes('\\') || decoded.includes('\0')) {
      return `forbidden:$ref ${JSON.stringify(ref)} is an absolute path; use a path relative to the spec`;
    }
    const file = path.resolve(path.dirname(from), decoded);
    if (!inside(this.rootDir, file)) {
      return `forbidden:$ref ${JSON.stringify(ref)} leaves the spec's folder`;
    }
    if (!SPEC_FILE.test(file)) {
      return `forbidden:$ref ${JSON.stringify(ref)} is not a .yaml, .yml or .json file`;
    }
    return { file, pointer };
  }

  private load(file: string, at: Cursor): SourceFile | undefined {
    if (this.files.has(file)) return this.files.get(file) ?? undefined;
    let text: string;
    try {
      const real = fs.realpathSync(file);
      if (!inside(this.rootDir, real)) {
        this.issue(at, 'ref-forbidden', `$ref target ${path.basename(file)} is a link that leaves the spec's folder`);
        this.files.set(file, null);
        return undefined;
      }
      text = fs.readFileSync(real, 'utf8');
    } catch {
      this.issue(at, 'ref-unresolved', `$ref target ${path.relative(this.rootDir, file)} does not exist`);
      this.files.set(file, null);
      return undefined;
    }
    const parsed = parseSource(file, text);
    if (Array.isArray(parsed)) {
      this.issues.push(...parsed);
      this.files.set(file, null);
      return undefined;
    }
    this.files.set(file, parsed);
    return parsed;
  }
}

function valueAt(root: unknown, pointer: string): unknown {
  let value = root;
  for (const s of splitPointer(pointer)) {
    value = own(value, s);
    if (value === undefined) return undefined;
  }
  return value;
}

function decodeFragment(pointer: string): string {
  try {
    return decodeURIComponent(pointer);
  } catch {
    return pointer;
  }
}

export function isRef(value: unknown): value is { $ref: string } {
  return typeof value === 'object' && value !== null && typeof (value as { $ref?: unknown }).$ref === 'string';
}

/** Own enumerable property only: `__proto__` or `constructor` in a pointer never reach a prototype. */
export function own(value: unknown, key: string): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) return /^\d+$/.test(key) ? value[Number(key)] : undefined;
  return Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

function inside(dir: string, file: string): boolean {
  return file.startsWith(dir + path.sep);
}

function realDir(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}
