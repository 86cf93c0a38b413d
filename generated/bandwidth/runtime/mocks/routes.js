/**
 * Routing: path templates compiled to anchored regular expressions, ordered
 * by specificity (a static segment before a `{param}` segment), so
 * `/Number/search/` is tried before `/Number/{number}/`.
 */
import { setOwn } from './schema.js';

/** Strips trailing slashes (but keeps `/`), so `/Call/` and `/Call` are one route. */
export function trimSlash(path) {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

/** The route of one operation. */
export function compileRoute(op) {
  const names = [];
  const template = trimSlash(op.path);
  let source = '';
  let last = 0;
  for (const m of template.matchAll(/\{([^{}]+)\}/g)) {
    source += escapeRegex(template.slice(last, m.index)) + '([^/]+)';
    names.push(m[1] ?? '');
    last = m.index + m[0].length;
  }
  source += escapeRegex(template.slice(last));
  const rank = template
    .split('/')
    .slice(1)
    .map((s) => (!s.includes('{') ? 0 : /^\{[^{}]+\}$/.test(s) ? 2 : 1));
  return { op, regex: new RegExp(`^${source}$`), names, rank };
}

/** Most specific first; ties in code-unit order of the template, then method. */
export function compareRoutes(a, b) {
  const n = Math.min(a.rank.length, b.rank.length);
  for (let i = 0; i < n; i++)
    if (a.rank[i] !== b.rank[i]) return (a.rank[i] ?? 0) - (b.rank[i] ?? 0);
  if (a.rank.length !== b.rank.length) return b.rank.length - a.rank.length;
  const pa = trimSlash(a.op.path);
  const pb = trimSlash(b.op.path);
  if (pa !== pb) return pa < pb ? -1 : 1;
  return a.op.method < b.op.method ? -1 : a.op.method > b.op.method ? 1 : 0;
}

export function escapeRegex(text) {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The route table of one API. */
export class Router {
  routes;

  basePath;

  constructor(operations, basePath) {
    this.basePath = basePath;
    this.routes = operations.map(compileRoute).sort(compareRoutes);
  }

  /** The path relative to the base path, or undefined when it is outside it. */
  relative(pathname) {
    const base = trimSlash(this.basePath);
    if (base === '/') return trimSlash(pathname);
    if (pathname !== base && !pathname.startsWith(`${base}/`)) return undefined;
    return trimSlash(pathname.slice(base.length) || '/');
  }

  /** Finds the operation for a method and a URL path (still percent-encoded). */
  match(method, pathname) {
    const rel = this.relative(pathname);
    if (rel === undefined) return { kind: 'not-found' };
    const allow = [];
    for (const route of this.routes) {
      const m = route.regex.exec(rel);
      if (!m) continue;
      if (route.op.method !== method) {
        if (!allow.includes(route.op.method)) allow.push(route.op.method);
        continue;
      }
      const params = {};
      route.names.forEach((name, i) => setOwn(params, name, decode(m[i + 1] ?? '')));
      return { kind: 'found', route, params };
    }
    return allow.length > 0
      ? { kind: 'method-not-allowed', allow: allow.sort() }
      : { kind: 'not-found' };
  }
}

function decode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
