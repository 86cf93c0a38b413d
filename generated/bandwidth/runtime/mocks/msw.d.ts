/**
 * MSW 2 handlers around the core: one `http.<method>` handler per operation,
 * most specific route first, then one `http.all` per path that answers
 * `_method` overrides and 405s in the API's format. msw is an optional peer
 * dependency: it is loaded on demand, and the rest of the mocks work without it.
 */
import type { HttpHandler } from 'msw';
import type { Mock, OverrideResolver, ResponseMap } from './core.js';
import { type Route } from './routes.js';
/** The part of the `msw` module the handlers use. */
export interface MswModule {
  http: Record<
    'all' | 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options',
    (path: RegExp, resolver: (info: { request: Request }) => unknown) => HttpHandler
  >;
}
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
export declare function loadMsw(): MswModule | undefined;
/** Matches the route's path on any origin (MSW matches the URL without its query). */
export declare function routeUrl<R extends ResponseMap>(mock: Mock<R>, route: Route): RegExp;
/** The handlers for `setupServer(...handlers)`: per operation by specificity, then a catch-all per path. */
export declare function createHandlers<R extends ResponseMap>(
  mock: Mock<R>,
  msw: MswModule,
): HttpHandler[];
/** A handler for `server.use(...)` that answers one operation with `resolver` (after auth and validation). */
export declare function overrideHandler<R extends ResponseMap>(
  mock: Mock<R>,
  msw: MswModule,
  operationId: string,
  resolver: OverrideResolver<never>,
): HttpHandler;
/** The error thrown when handlers are asked for without msw installed. */
export declare function mswMissing(): Error;
