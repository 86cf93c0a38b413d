/**
 * Questions about schema shapes that resource inference asks: which named
 * schema is the record behind a response (`CallResponse` = ApiResponse & Call
 * → `Call`), which properties it has, where a list keeps its items, and which
 * example records seed the store.
 */
import type { ApiModel, MediaNode, NamedSchema, OperationNode, SchemaNode } from '../../model/types.js';
import type { MockState } from './runtime/types.js';

/** `/Calls/{CallSid}.json` → `/Calls/{CallSid}`; `/Call/` → `/Call`. */
export function normalisePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '') || '/';
  return trimmed.replace(/(\/[^/]*?)\.[A-Za-z0-9]{1,5}$/, '$1');
}

export function isParamSegment(segment: string): boolean {
  return /^\{[^{}]+\}$/.test(segment);
}

export class Shapes {
  private readonly named: Map<string, NamedSchema>;

  constructor(model: ApiModel) {
    this.named = new Map(model.schemas.map((s) => [s.typeName, s]));
  }

  /** The record schema behind a schema: a `$ref`'s target, or the largest `$ref` part of its allOf. */
  coreOf(node: SchemaNode | undefined, depth = 0): string | undefined {
    if (!node || node.kind !== 'ref' || depth > 8) return undefined;
    const target = this.named.get(node.target)?.schema;
    if (target?.kind === 'ref') return this.coreOf(target, depth + 1) ?? node.target;
    if (target?.kind !== 'intersection') return node.target;
    const parts = target.parts.filter((p) => p.kind === 'ref');
    if (parts.length === 0 || target.parts.length !== parts.length) return node.target;
    const sized = parts.map((p) => ({ name: this.coreOf(p, depth + 1) ?? node.target, size: this.props(p).size }));
    return sized.sort((a, b) => b.size - a.size)[0].name;
  }

  /** The property names of a named schema, through refs and allOf. */
  propertyNames(core: string): Set<string> {
    const named = this.named.get(core);
    return named ? new Set(this.props(named.schema).keys()) : new Set();
  }

  propertyNamesOf(node: SchemaNode | undefined): Set<string> {
    return node ? new Set(this.props(node).keys()) : new Set();
  }

  /** For a list operation: the record schema of its items and their property path. */
  listItems(op: OperationNode, schema: SchemaNode | undefined): { core: string; itemsPath: string[] } | undefined {
    if (!schema) return undefined;
    const itemsPath = op.pagination ? op.pagination.items.split('.') : [];
    let node: SchemaNode | undefined = schema;
    for (const key of itemsPath) node = node ? this.props(node).get(key) : undefined;
    const array = this.deref(node);
    if (array?.kind !== 'array') return undefined;
    const core = this.coreOf(array.items);
    return core ? { core, itemsPath } : undefined;
  }

  /** Example records of a resource: list items first, then single reads; one per id. */
  seeds(model: ApiModel, states: Map<OperationNode, MockState>, core: string, idProperty: string | undefined): unknown[] {
    const props = this.propertyNames(core);
    const out: Record<string, unknown>[] = [];
    const seen = new Map<string, Record<string, unknown>>();
    const add = (value: unknown) => {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return;
      const record = pick(value as Record<string, unknown>, props);
      const id = idProperty ? record[idProperty] : undefined;
      const key = typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
      const known = key === undefined ? undefined : seen.get(key);
      // The same record in another example: it fills in what the first one left out or null.
      if (known) for (const k of Object.keys(record)) if (known[k] === undefined || known[k] === null) define(known, k, record[k]);
      if (known) return;
      if (key !== undefined) seen.set(key, record);
      out.push(record);
    };
    for (const action of ['list', 'read'] as const) {
      for (const op of model.operations) {
        const state = states.get(op);
        if (state?.resource !== core || state.action !== action) continue;
        for (const example of examplesOf(successOf(op))) {
          if (action === 'read') add(example);
          else for (const item of itemsAt(example, state.itemsPath ?? [])) add(item);
        }
      }
    }
    return out;
  }

  private deref(node: SchemaNode | undefined, depth = 0): SchemaNode | undefined {
    if (node?.kind !== 'ref' || depth > 8) return node;
    return this.deref(this.named.get(node.target)?.schema, depth + 1);
  }

  private props(node: SchemaNode, depth = 0): Map<string, SchemaNode> {
    const out = new Map<string, SchemaNode>();
    const n = this.deref(node);
    if (!n || depth > 8) return out;
    if (n.kind === 'object') for (const p of n.properties) out.set(p.name, p.schema);
    if (n.kind === 'intersection') for (const part of n.parts) for (const [k, v] of this.props(part, depth + 1)) out.set(k, v);
    return out;
  }
}

function successOf(op: OperationNode): MediaNode | undefined {
  const res = op.responses.find((r) => /^2/.test(r.status));
  return res?.contents.find((c) => /json/.test(c.mediaType));
}

function examplesOf(media: MediaNode | undefined): unknown[] {
  if (!media) return [];
  if (media.examples.length > 0) return media.examples.map((e) => e.value);
  return media.example === undefined ? [] : [media.example];
}

function itemsAt(value: unknown, path: string[]): unknown[] {
  let current = value;
  for (const key of path) current = current && typeof current === 'object' && Object.hasOwn(current, key) ? (current as Record<string, unknown>)[key] : undefined;
  return Array.isArray(current) ? current : [];
}

/** The record's own properties of an example (e.g. without a response envelope's `api_id`). */
function pick(value: Record<string, unknown>, props: Set<string>): Record<string, unknown> {
  if (props.size === 0) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (props.has(key)) define(out, key, value[key]);
  }
  return out;
}

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
