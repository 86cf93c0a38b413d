import type { MockResource, MockSpec, SchemaObject } from './types.js';
type Obj = SchemaObject;
export interface StoredRecord {
  value: Obj;
  /** Creation order: seeds count down from 0, new records up from 1. */
  seq: number;
  /** Sub-resources deleted (`media`, `transcription`). */
  deleted: Set<string>;
}
export declare class Store {
  private readonly partitions;
  private seq;
  private readonly spec;
  constructor(spec: MockSpec);
  reset(): void;
  /** The records of a resource for an account, seeded on first use. */
  records(resource: string, account: string): Map<string, StoredRecord>;
  /** Records in list order: newest first, then seeds in example order. */
  list(resource: string, account: string): StoredRecord[];
  get(resource: string, account: string, id: string): StoredRecord | undefined;
  put(resource: string, account: string, id: string, value: Obj): StoredRecord;
  delete(resource: string, account: string, id: string): boolean;
  /** The first seed of a resource for an account: the template of new records. */
  template(resource: string, account: string): Obj | undefined;
  /** The id of a record: its id property, as a string. */
  idOf(resource: string, value: Obj): string | undefined;
  resource(name: string): MockResource | undefined;
  private seed;
  /** A deep copy with the example account id replaced by `account`. */
  private forAccount;
}
/** A deep copy of `value` with every occurrence of `from` in its strings replaced by `to`. */
export declare function replaceText(value: unknown, from: string, to: string): unknown;
export {};
