import type { JsonSchema, SchemaObject } from './types.js';
export interface SchemaProblem {
  /** Where the offending value is: property names and array indexes. */
  path: (string | number)[];
  message: string;
  keyword: string;
}
type Obj = SchemaObject;
export declare function isObject(value: unknown): value is Obj;
/** Sets an own property, even `__proto__`, without touching the prototype. */
export declare function setOwn(target: object, key: string, value: unknown): void;
/** Freezes JSON data all the way down, so a shared value cannot be changed by accident. */
export declare function deepFreeze<T>(value: T): T;
/** An own property's value; never one inherited from the prototype. */
export declare function own(target: unknown, key: string): unknown;
/** A shallow copy of `sources` merged left to right, safe for any key. */
export declare function merge(...sources: unknown[]): Obj;
/** Deep equality of JSON values. */
export declare function jsonEqual(a: unknown, b: unknown): boolean;
/** The named schemas of one API, with `$ref` resolution and validation. */
export declare class Schemas {
  private readonly named;
  constructor(named: Record<string, JsonSchema>);
  /** Follows `$ref`s until a schema without one (siblings of a `$ref` are dropped). */
  resolve(schema: JsonSchema): JsonSchema;
  /** The first problem with `value`, or undefined when it is valid. */
  validate(
    schema: JsonSchema,
    value: unknown,
    path?: (string | number)[],
  ): SchemaProblem | undefined;
  /** True when `value` is valid. */
  accepts(schema: JsonSchema, value: unknown): boolean;
  private checkType;
  private checkValue;
  private checkArray;
  private checkObject;
  private extraSchema;
  private checkComposition;
}
export {};
