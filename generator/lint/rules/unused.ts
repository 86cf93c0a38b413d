/**
 * `component-unused` (a warning): a `components` entry that no `$ref`, no
 * security requirement and no discriminator mapping uses. Refs are counted in
 * every loaded file and anywhere in it, vendor extensions included (a
 * response used only by `x-switchboard-async` is used).
 */
import type { Issue } from '../../issues.js';
import { isRef, type Cursor, type SpecFiles } from '../../load/refs.js';
import { joinPointer, type SourceFile } from '../../load/source.js';
import { HTTP_METHODS, isObject } from '../../load/validate.js';

/** Every unused component of every loaded file, as warnings. */
export function unusedComponents(files: SpecFiles): Issue[] {
  const used = new Set<string>();
  for (const file of files.all()) collectUses(files, file, used);
  for (const name of securityNames(files)) used.add(`${files.root.path}#/components/securitySchemes/${escape(name)}`);
  const issues: Issue[] = [];
  for (const file of files.all()) {
    const components = (file.value as { components?: unknown } | null)?.components;
    if (!isObject(components)) continue;
    for (const [kind, entries] of Object.entries(components)) {
      if (!isObject(entries) || kind.startsWith('x-')) continue;
      for (const name of Object.keys(entries)) {
        const pointer = joinPointer('#', 'components', kind, name);
        if (isUsed(used, `${file.path}${pointer}`)) continue;
        const pos = file.locate(pointer);
        issues.push({ file: file.path, pointer, line: pos.line, col: pos.col, code: 'component-unused', severity: 'warning', message: `${kind}/${name} is never used` });
      }
    }
  }
  return issues;
}

/** A component is used when a ref points at it or into it. */
function isUsed(used: Set<string>, key: string): boolean {
  if (used.has(key)) return true;
  for (const u of used) if (u.startsWith(`${key}/`)) return true;
  return false;
}

function collectUses(files: SpecFiles, file: SourceFile, used: Set<string>): void {
  const stack: [unknown, string][] = [[file.value, '#']];
  while (stack.length > 0) {
    const [value, pointer] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (isRef(value)) {
      const target = files.follow({ file, pointer, value } satisfies Cursor);
      if (target) used.add(`${target.file.path}${target.pointer}`);
      continue;
    }
    const mapping = (value as { discriminator?: { mapping?: unknown } }).discriminator?.mapping;
    if (isObject(mapping)) {
      for (const m of Object.values(mapping)) if (typeof m === 'string') used.add(mappingTarget(files, file, pointer, m));
    }
    for (const [k, child] of Object.entries(value)) stack.push([child, joinPointer(pointer, k)]);
  }
}

/** A discriminator mapping value is a schema name or a `$ref`-style reference. */
function mappingTarget(files: SpecFiles, file: SourceFile, pointer: string, m: string): string {
  if (!m.includes('#') && !m.includes('/')) return `${file.path}#/components/schemas/${escape(m)}`;
  const target = files.follow({ file, pointer, value: { $ref: m } });
  return target ? `${target.file.path}${target.pointer}` : '';
}

/** Scheme names used by the root's and every operation's `security`. */
function securityNames(files: SpecFiles): Set<string> {
  const names = new Set<string>();
  const add = (security: unknown) => {
    if (Array.isArray(security)) for (const req of security) if (isObject(req)) for (const n of Object.keys(req)) names.add(n);
  };
  const top = files.top();
  add(files.child(top, 'security').value);
  const paths = files.child(top, 'paths');
  for (const key of Object.keys(isObject(paths.value) ? paths.value : {})) {
    const item = files.deref(files.child(paths, key));
    if (!item) continue;
    for (const method of HTTP_METHODS) add(files.child(item, method, 'security').value);
  }
  return names;
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
