/**
 * The in-memory store behind stateful mocks. Records live per account and
 * per resource; each account starts with the spec's examples (its own
 * account id written into them), so lists are never empty. Newly created
 * records list first, then the seeds in example order.
 */
import { isObject, own, setOwn } from './schema.js';

export class Store {
  partitions = new Map();
  seq = 0;

  spec;

  constructor(spec) {
    this.spec = spec;
  }

  reset() {
    this.partitions.clear();
    this.seq = 0;
  }

  /** The records of a resource for an account, seeded on first use. */
  records(resource, account) {
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
  list(resource, account) {
    return [...this.records(resource, account).values()].sort((a, b) => b.seq - a.seq);
  }

  get(resource, account, id) {
    return this.records(resource, account).get(id);
  }

  put(resource, account, id, value) {
    const record = { value, seq: ++this.seq, deleted: new Set() };
    this.records(resource, account).set(id, record);
    return record;
  }

  delete(resource, account, id) {
    return this.records(resource, account).delete(id);
  }

  /** The first seed of a resource for an account: the template of new records. */
  template(resource, account) {
    const def = this.resource(resource);
    const first = def?.seeds.find(isObject);
    return first === undefined ? undefined : this.forAccount(first, account);
  }

  /** The id of a record: its id property, as a string. */
  idOf(resource, value) {
    const prop = this.resource(resource)?.idProperty;
    const id = prop === undefined ? undefined : own(value, prop);
    return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
  }

  resource(name) {
    return Object.hasOwn(this.spec.resources, name) ? this.spec.resources[name] : undefined;
  }

  seed(records, resource, account) {
    const def = this.resource(resource);
    if (!def) return;
    def.seeds.forEach((seed, i) => {
      if (!isObject(seed)) return;
      const value = this.forAccount(seed, account);
      const id = this.idOf(resource, value) ?? `seed-${i}`;
      if (!records.has(id)) records.set(id, { value, seq: -i, deleted: new Set() });
    });
  }

  /** A deep copy with the example account id replaced by `account`. */
  forAccount(value, account) {
    const from = this.spec.accountExample;
    return from && account ? replaceText(value, from, account) : structuredClone(value);
  }
}

/** A deep copy of `value` with every occurrence of `from` in its strings replaced by `to`. */
export function replaceText(value, from, to) {
  if (typeof value === 'string') return value.split(from).join(to);
  if (Array.isArray(value)) return value.map((v) => replaceText(v, from, to));
  if (isObject(value)) {
    const out = {};
    for (const key of Object.keys(value)) setOwn(out, key, replaceText(value[key], from, to));
    return out;
  }
  return value;
}
