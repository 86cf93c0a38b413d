import { escapeRegex, trimSlash } from './routes.js';

/**
 * The `msw` module, or undefined when it is not installed. It is loaded
 * synchronously (`require`), so that the mocks entry needs no top-level
 * `await` and can itself be `require()`d from CommonJS (Node ≥ 20.19).
 * There Node resolves msw's `module-sync` export to the very ES module an
 * `import 'msw'` gets; before 20.19 it gets msw's CommonJS build, whose
 * handlers msw's `setupServer` accepts all the same. Without
 * `process.getBuiltinModule` (Node < 20.16, browsers) there is no
 * synchronous loader: undefined, as without msw.
 */
export function loadMsw() {
  const createRequire = globalThis.process?.getBuiltinModule?.('node:module')?.createRequire;
  if (!createRequire) return undefined;
  try {
    return createRequire(import.meta.url)('msw');
  } catch {
    return undefined;
  }
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);

/** Matches the route's path on any origin (MSW matches the URL without its query). */
export function routeUrl(mock, route) {
  const base = trimSlash(mock.spec.basePath);
  const prefix = base === '/' ? '' : escapeRegex(base);
  const path = route.regex.source.slice(1, -1);
  return new RegExp(`^[A-Za-z][A-Za-z0-9+.-]*://[^/]+${prefix}${path === '\\/' ? '' : path}\\/?$`);
}

/** The handlers for `setupServer(...handlers)`: per operation by specificity, then a catch-all per path. */
export function createHandlers(mock, msw) {
  const answer = ({ request }) => mock.handle(request);
  const handlers = [];
  const paths = new Map();
  for (const route of mock.routes) {
    const method = route.op.method.toLowerCase();
    handlers.push(
      (METHODS.has(method) ? msw.http[method] : msw.http.all)(routeUrl(mock, route), answer),
    );
    if (!paths.has(route.regex.source)) paths.set(route.regex.source, route);
  }
  for (const route of paths.values()) handlers.push(msw.http.all(routeUrl(mock, route), answer));
  return handlers;
}

/** A handler for `server.use(...)` that answers one operation with `resolver` (after auth and validation). */
export function overrideHandler(mock, msw, operationId, resolver) {
  const route = mock.routes.find((r) => r.op.operationId === operationId);
  if (!route) throw new Error(`unknown operation ${JSON.stringify(operationId)}`);
  return msw.http.all(routeUrl(mock, route), ({ request }) =>
    mock.handle(request.clone(), { operationId, resolver }),
  );
}

/** The error thrown when handlers are asked for without msw installed. */
export function mswMissing() {
  return new Error(
    'msw is not installed: `npm install --save-dev msw` to use the MSW handlers (startMockServer works without it; the handlers need Node ≥ 20.16)',
  );
}
