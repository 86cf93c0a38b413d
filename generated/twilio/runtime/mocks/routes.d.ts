import type { MockOperation } from './types.js';
export interface Route {
  op: MockOperation;
  /** Matches a path relative to the base path, without a trailing slash. */
  regex: RegExp;
  /** Path parameter names, in the order of the regex groups. */
  names: string[];
  /** One rank per segment: 0 static, 1 static with a parameter, 2 parameter only. */
  rank: number[];
}
export type RouteMatch =
  | {
      kind: 'found';
      route: Route;
      params: Record<string, string>;
    }
  | {
      kind: 'method-not-allowed';
      allow: string[];
    }
  | {
      kind: 'not-found';
    };
/** Strips trailing slashes (but keeps `/`), so `/Call/` and `/Call` are one route. */
export declare function trimSlash(path: string): string;
/** The route of one operation. */
export declare function compileRoute(op: MockOperation): Route;
/** Most specific first; ties in code-unit order of the template, then method. */
export declare function compareRoutes(a: Route, b: Route): number;
export declare function escapeRegex(text: string): string;
/** The route table of one API. */
export declare class Router {
  readonly routes: Route[];
  readonly basePath: string;
  constructor(operations: MockOperation[], basePath: string);
  /** The path relative to the base path, or undefined when it is outside it. */
  relative(pathname: string): string | undefined;
  /** Finds the operation for a method and a URL path (still percent-encoded). */
  match(method: string, pathname: string): RouteMatch;
}
