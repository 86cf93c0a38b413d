/**
 * The checks the loader runs before a model is built. Every problem is
 * collected (never thrown) so the user sees all of them at once.
 */
import { isRef, own, type Cursor, type SpecFiles } from './refs.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

const SUPPORTED_VERSION = /^3\.[01]\.\d+$/;

/** Runs every check; issues land in `files.issues`. Returns the OpenAPI minor version (`3.0` or `3.1`). */
export function validateSpec(files: SpecFiles): '3.0' | '3.1' | undefined {
  const top = files.top();
  const version = checkVersion(files, top);
  checkRefs(files);
  const paths = files.child(top, 'paths');
  if (paths.value !== undefined && !isObject(paths.value)) {
    files.issue(paths, 'paths-invalid', '`paths` must be an object');
    return version;
  }
  const seenIds = new Map<string, Cursor>();
  for (const key of Object.keys((paths.value as object) ?? {})) {
    const item = files.deref(files.child(paths, key));
    if (!item || !isObject(item.value)) continue;
    if (!key.startsWith('/')) files.issue(files.child(paths, key), 'path-invalid', `path ${JSON.stringify(key)} must start with "/"`);
    for (const method of HTTP_METHODS) {
      const op = files.child(item, method);
      if (isObject(op.value)) checkOperation(files, key, item, op, seenIds);
    }
  }
  return version;
}

function checkVersion(files: SpecFiles, top: Cursor): '3.0' | '3.1' | undefined {
  if (!isObject(top.value)) {
    files.issue(top, 'spec-invalid', 'the document must be a YAML or JSON object');
    return undefined;
  }
  const at = files.child(top, 'openapi');
  const v = at.value;
  if (typeof v === 'string' && SUPPORTED_VERSION.test(v)) return v.startsWith('3.0') ? '3.0' : '3.1';
  const swagger = files.child(top, 'swagger');
  const shown = typeof v === 'string' ? `openapi ${JSON.stringify(v)}` : swagger.value !== undefined ? `swagger ${JSON.stringify(swagger.value)}` : 'no `openapi` field';
  files.issue(v === undefined && swagger.value !== undefined ? swagger : at, 'openapi-version-unsupported', `${shown}: only OpenAPI 3.0.x and 3.1.x are supported`);
  return undefined;
}

function checkOperation(files: SpecFiles, path: string, item: Cursor, op: Cursor, seenIds: Map<string, Cursor>): void {
  const responses = files.child(op, 'responses');
  if (!isObject(responses.value) || Object.keys(responses.value).length === 0) {
    files.issue(op, 'responses-missing', `${op.pointer.split('/').pop()!.toUpperCase()} ${path} declares no responses`);
  }
  const id = files.child(op, 'operationId');
  if (typeof id.value === 'string') {
    const first = seenIds.get(id.value);
    if (first) {
      const at = files.loc(first);
      files.issue(id, 'operation-id-duplicate', `operationId ${JSON.stringify(id.value)} is already used at line ${at.line}`);
    } else {
      seenIds.set(id.value, id);
    }
  }
  checkPathParams(files, path, item, op);
}

function checkPathParams(files: SpecFiles, path: string, item: Cursor, op: Cursor): void {
  const inTemplate = [...path.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]);
  const declared = new Map<string, Cursor>();
  for (const list of [files.child(item, 'parameters'), files.child(op, 'parameters')]) {
    if (!Array.isArray(list.value)) continue;
    list.value.forEach((_, i) => {
      const p = files.deref(files.child(list, i));
      if (p && own(p.value, 'in') === 'path' && typeof own(p.value, 'name') === 'string') {
        declared.set(own(p.value, 'name') as string, files.child(list, i));
      }
    });
  }
  const method = op.pointer.split('/').pop()!.toUpperCase();
  for (const name of inTemplate) {
    if (!declared.has(name)) {
      files.issue(op, 'path-param-undeclared', `${method} ${path}: path parameter {${name}} is not declared`);
    }
  }
  for (const [name, at] of declared) {
    if (!inTemplate.includes(name)) {
      files.issue(at, 'path-param-unused', `${method} ${path}: path parameter ${JSON.stringify(name)} is declared but not in the path`);
    }
  }
}

/** Follows every `$ref` in every reachable file once, so each broken one is reported. */
function checkRefs(files: SpecFiles): void {
  const visited = new Set<string>();
  const queue = [files.top()];
  while (queue.length > 0) {
    const start = queue.pop()!;
    if (visited.has(start.file.path)) continue;
    visited.add(start.file.path);
    walk(start.value, start.pointer, (value, pointer) => {
      const c: Cursor = { file: start.file, pointer, value };
      const target = files.follow(c);
      if (target && !visited.has(target.file.path)) queue.push({ file: target.file, pointer: '#', value: target.file.value });
    });
  }
}

function walk(value: unknown, pointer: string, onRef: (value: unknown, pointer: string) => void): void {
  const stack: [unknown, string][] = [[value, pointer]];
  while (stack.length > 0) {
    const [v, p] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (isRef(v)) {
      onRef(v, p);
      continue;
    }
    for (const [k, child] of Object.entries(v)) {
      if (child !== null && typeof child === 'object') stack.push([child, `${p}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`]);
    }
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
