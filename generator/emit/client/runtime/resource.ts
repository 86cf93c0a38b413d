/**
 * The resource groups of a client (`client.calls`). A generated resource file
 * declares the group's methods as an interface and its operations as a wire
 * table (`ops`); `resource()` makes the class from the table, so the package
 * carries no method bodies for tsc to check again.
 */
import type { BaseClient } from './client.js';
import type { Operation, RequestOptions } from './types.js';

/** An instance of a resource group: the client its methods call through. */
interface Group {
  readonly $client: BaseClient<any>;
}

type Method = (this: Group, params?: object, options?: RequestOptions) => unknown;

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
export function resource<T extends object>(
  name: string,
  ops: Readonly<Record<string, Operation>>,
  paginators: Readonly<Record<string, string>> = {},
): ResourceClass<T> {
  const Resource = groupClass(name);
  const proto = Resource.prototype;
  // A stack frame's receiver (`CallsApi.listCalls`) is named after this tag, the class having no name in the source.
  Object.defineProperty(proto, Symbol.toStringTag, { value: name, configurable: true });
  /** Adds the method written in `method` (under a computed key, which becomes its name). */
  const define = (method: Record<string, Method>): void => {
    for (const [key, value] of Object.entries(method)) {
      if (Object.hasOwn(proto, key)) throw new TypeError(`${name}: two methods are named ${key}`);
      // As a class method: writable, configurable, not enumerable.
      Object.defineProperty(proto, key, { value, writable: true, configurable: true });
    }
  };
  for (const key of Object.keys(ops)) {
    const op = ops[key]!;
    define({
      [key](params, options) {
        return this.$client.$request(op, params, options);
      },
    });
  }
  for (const [key, list] of Object.entries(paginators)) {
    const op = Object.hasOwn(ops, list) ? ops[list] : undefined;
    if (!op?.page) throw new TypeError(`${name}.${key}: ${list} is not a paginated operation`);
    define({
      [key](params, options) {
        return this.$client.$paginate(op, params, options);
      },
    });
  }
  // Unchecked: `T` is taken to declare exactly the methods made above (the generator writes both from `ops`).
  return Resource as unknown as ResourceClass<T>;
}

/**
 * A class named `name` (a class written under a computed key takes the key as
 * its name) whose instances keep their client. It is returned at once: a
 * variable would lend the class its own name in stack traces.
 */
function groupClass(name: string): { new (client: BaseClient<any>): Group; prototype: Group } {
  return {
    [name]: class implements Group {
      readonly $client: BaseClient<any>;

      constructor(client: BaseClient<any>) {
        this.$client = client;
      }
    },
  }[name]!;
}
