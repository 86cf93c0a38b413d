/**
 * The resource groups of a client (`client.calls`). A generated resource file
 * declares the group's methods as an interface and its operations as a wire
 * table (`ops`); `resource()` makes the class from the table, so the package
 * carries no method bodies for tsc to check again.
 */
import type { BaseClient } from './client.js';
import type { Operation } from './types.js';
/** The class of a resource group whose methods interface `T` declares: what `resource()` returns. */
export type ResourceClass<T extends object> = new (client: BaseClient<any>) => T;
/**
 * The class of the resource group `name`, with exactly these methods:
 * - per key of `ops`, `key(params?, options?)`, which returns
 *   `client.$request(ops[key], params, options)`;
 * - per entry `[method, list]` of `paginators`, `method(params?, options?)`,
 *   which returns `client.$paginate(ops[list], params, options)`.
 *
 * `T` is the interface the generated file declares for those methods (the
 * generator writes both from the same operations). The class and its methods
 * carry their names (`CallsApi`, `listCalls`) for stack traces and the
 * console. A paginator of an operation that is not in `ops` or not paginated,
 * and a method name used twice, are errors when the module loads.
 */
export declare function resource<T extends object>(
  name: string,
  ops: Readonly<Record<string, Operation>>,
  paginators?: Readonly<Record<string, string>>,
): ResourceClass<T>;
