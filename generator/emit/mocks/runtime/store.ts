/**
 * The in-memory store behind stateful mocks. Records live per account and
 * per resource; each account starts with the spec's examples (its own
 * account id written into them), so lists are never empty. Newly created
 * records list first, then the seeds in example order.
 */
import { isObject, own, setOwn } from './schema.js';
import type { MockResource, MockSpec, SchemaObject } from './types.js';

type Obj = SchemaObject;

export interface StoredRecord {
  value: Obj;
  /** Creation order: seeds count down from 0, new records up from 1. */
  seq: number;
  /** Sub-resources deleted (`media`, `transcription`). */
  deleted: Set<string>;
}

export class Store {
  private readonly partitions = new Map<string, Map<string, Map<string, StoredRecord>>>();
  private seq = 0;

  private readonly spec: MockSpec;

  constructor(spec: MockSpec) {
    this.spec = spec;
  }

  reset(): void {
    this.partitions.clear();
    this.seq = 0;
  }

  /** The records of a resource for an account, seeded on first use. */
  records(resource: string, account: string): Map<string, StoredRecord> {
    let partition = this.partitions.get(account);
    if (!partition) this.partitions.set(account, (partition = new Map()));
    let records = partition.get(resource);
    if (!records) {
      records = new Map();
      partition.set(resource, records);
      this.seed(records, resource, account);
    }
    return records;
  }

  /** Records in list order: newest first, then seeds in example order. */
  list(resource: string, account: string): StoredRecord[] {
    return [...this.records(resource, account).values()].sort((a, b) => b.seq - a.seq);
  }

  get(resource: string, account: string, id: string): StoredRecord | undefined {
    return this.records(resource, account).get(id);
  }

  put(resource: string, account: string, id: string, value: Obj): StoredRecord {
    const record = { value, seq: ++this.seq, deleted: new Set<string>() };
    this.records(resource, account).set(id, record);
    return record;
  }

  delete(resource: string, account: string, id: string): boolean {
    return this.records(resource, account).delete(id);
  }

  /** The first seed of a resource for an account: the template of new records. */
  template(resource: string, account: string): Obj | undefined {
    const def = this.resource(resource);
    const first = def?.seeds.find(isObject);
    return first === undefined ? undefined : (this.forAccount(first, account) as Obj);
  }

  /** The id of a record: its id property, as a string. */
  idOf(resource: string, value: Obj): string | undefined {
    const prop = this.resource(resource)?.idProperty;
    const id = prop === undefined ? undefined : own(value, prop);
    return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
  }

  resource(name: string): MockResource | undefined {
    return Object.hasOwn(this.spec.resources, name) ? this.spec.resources[name] : undefined;
  }

  private seed(records: Map<string, StoredRecord>, resource: string, account: string): void {
    const def = this.resource(resource);
    if (!def) return;
    def.seeds.forEach((seed, i) => {
      if (!isObject(seed)) return;
      const value = this.forAccount(seed, account) as Obj;
      const id = this.idOf(resource, value) ?? `seed-${i}`;
      if (!records.has(id)) records.set(id, { value, seq: -i, deleted: new Set() });
    });
  }

  /** A deep copy with the example account id replaced by `account`. */
  private forAccount(value: unknown, account: string): unknown {
    const from = this.spec.accountExample;
    return from && account ? replaceText(value, from, account) : structuredClone(value);
  }
}

/** A deep copy of `value` with every occurrence of `from` in its strings replaced by `to`. */
export function replaceText(value: unknown, from: string, to: string): unknown {
  if (typeof value === 'string') return value.split(from).join(to);
  if (Array.isArray(value)) return value.map((v) => replaceText(v, from, to));
  if (isObject(value)) {
    const out: Obj = {};
    for (const key of Object.keys(value)) setOwn(out, key, replaceText(value[key], from, to));
    return out;
  }
  return value;
}
