import { type Schemas } from './schema.js';
import type { JsonSchema, MockOperation, SchemaObject } from './types.js';
type Obj = SchemaObject;
/** A predicate for records from the operation's query parameters that name record properties. */
export declare function listFilter(
  schemas: Schemas,
  op: MockOperation,
  resourceSchema: JsonSchema,
  query: Record<string, unknown>,
): (record: Obj) => boolean;
export interface PageRequest {
  /** The request path including the base path, as links should show it. */
  path: string;
  /** The query as sent (filters are kept in the links). */
  search: URLSearchParams;
  query: Record<string, unknown>;
}
/** Fills `body` (the example or sample) with one page of `items` and its paging fields. */
export declare function fillPage(
  shared: Obj,
  items: unknown[],
  op: MockOperation,
  req: PageRequest,
  itemsPath: string[],
): Obj;
/** Sets a value at a property path, copying the objects along it. */
export declare function setPath(target: Obj, path: string[], value: unknown): void;
export {};
