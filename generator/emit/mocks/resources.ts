/**
 * Infers the stateful resources of an API from its paths and schemas, so
 * specs need no extension for it:
 * - an item path ends in a parameter (`/Call/{call_uuid}/`, `/Calls/{CallSid}.json`);
 *   its GET names the record schema (`CallResponse` = ApiResponse & Call → `Call`);
 * - a list returns an array of records (at `x-switchboard-pagination.items`);
 * - a POST to a collection creates when it answers 201/202 or the record itself;
 * - a static segment under an item path is a sub-resource (`…/{recordingId}/media`),
 *   mirrored by a record property of that name or `<name>Url`;
 * - the id property is the one named like the item's path parameter, else `Sid`/`id`.
 * Operations that fit none of these answer statelessly from their examples.
 */
import type { ApiModel, MediaNode, OperationNode, ParamNode } from '../../model/types.js';
import type { MockResource, MockState } from './runtime/types.js';
import { Shapes, isParamSegment, normalisePath } from './shapes.js';

export interface Inferred {
  resources: Record<string, MockResource>;
  states: Map<OperationNode, MockState>;
  accountExample?: string;
}

interface ItemPath {
  core: string;
  idParam: string;
}

const ID_FALLBACKS = ['Sid', 'sid', 'id', 'Id', 'ID', 'uuid', '_id'];

/**
 * What the inference looks up about the API, indexed once: each of these was
 * a scan of every operation (or item path) for every operation, which on
 * GitHub's 1,000 operations was most of the mocks emitter's time.
 */
class Lookup {
  readonly shapes: Shapes;
  /** Each operation's normalised path. */
  readonly pathOf = new Map<OperationNode, string>();
  /** The account path parameters of all operations, in operation order. */
  readonly accountParams: ParamNode[];
  /** Item paths (normalised) → the record schema and the id parameter. */
  readonly items: Map<string, ItemPath>;
  /** For a collection path, the first item path right under it. */
  readonly itemUnder = new Map<string, ItemPath>();
  /** For a record schema, the id parameter of its first item path. */
  readonly idParamOf = new Map<string, string>();
  private readonly firstGet = new Map<string, OperationNode>();
  private readonly listCores = new Map<string, string | undefined>();

  constructor(readonly model: ApiModel) {
    this.shapes = new Shapes(model);
    for (const op of model.operations) {
      const path = normalisePath(op.path);
      this.pathOf.set(op, path);
      if (op.method === 'get' && !this.firstGet.has(path)) this.firstGet.set(path, op);
    }
    this.accountParams = model.operations.flatMap((o) => o.params.path).filter((p) => p.account);
    this.items = this.findItemPaths();
    for (const [path, item] of this.items) {
      const parent = parentPath(path);
      if (!this.itemUnder.has(parent)) this.itemUnder.set(parent, item);
      if (!this.idParamOf.has(item.core)) this.idParamOf.set(item.core, item.idParam);
    }
  }

  /** The record schema listed by a GET on a collection path. */
  listCore(collection: string): string | undefined {
    if (!this.listCores.has(collection)) {
      const op = this.firstGet.get(collection);
      this.listCores.set(collection, op ? this.shapes.listItems(op, successMedia(op)?.schema)?.core : undefined);
    }
    return this.listCores.get(collection);
  }

  private findItemPaths(): Map<string, ItemPath> {
    const out = new Map<string, ItemPath>();
    const byPath = [...this.model.operations].sort((a, b) => Number(b.method === 'get') - Number(a.method === 'get'));
    for (const op of byPath) {
      const path = this.pathOf.get(op)!;
      const last = path.slice(path.lastIndexOf('/') + 1);
      if (!isParamSegment(last) || out.has(path)) continue;
      const core = op.method === 'get' ? this.shapes.coreOf(successMedia(op)?.schema) : undefined;
      const fromList = core ?? this.listCore(parentPath(path));
      if (fromList) out.set(path, { core: fromList, idParam: last.slice(1, -1) });
    }
    return out;
  }
}

/** `/Calls/{CallSid}` → `/Calls`. */
function parentPath(path: string): string {
  return path.slice(0, Math.max(0, path.lastIndexOf('/')));
}

export function inferResources(model: ApiModel): Inferred {
  const lookup = new Lookup(model);
  const states = new Map<OperationNode, MockState>();
  const cores = new Set<string>();
  for (const op of model.operations) {
    const state = stateOf(lookup, op);
    if (!state) continue;
    states.set(op, state);
    cores.add(state.resource);
  }
  const resources: Record<string, MockResource> = {};
  for (const core of [...cores].sort()) resources[core] = resourceOf(lookup, states, core);
  return { resources, states, ...accountExample(lookup, resources) };
}

function stateOf(lookup: Lookup, op: OperationNode): MockState | undefined {
  const { shapes, items } = lookup;
  const path = lookup.pathOf.get(op)!;
  const item = items.get(path);
  const success = successMedia(op);
  if (item) {
    const action = op.method === 'get' ? 'read' : op.method === 'delete' ? 'delete' : ['put', 'patch', 'post'].includes(op.method) ? 'update' : undefined;
    if (!action) return undefined;
    return { action, resource: item.core, idParam: item.idParam, parents: parents(shapes, op, item.core, item.idParam), ...recordFlag(shapes, success, item.core) };
  }
  const list = op.method === 'get' ? shapes.listItems(op, success?.schema) : undefined;
  if (list) return { action: 'list', resource: list.core, itemsPath: list.itemsPath, parents: parents(shapes, op, list.core) };
  const created = op.method === 'post' ? createState(lookup, op, path, success) : undefined;
  if (created) return created;
  // A sub-resource: one static segment under an item path, and no collection of its own.
  const parent = items.get(parentPath(path));
  const collection = lookup.listCore(path) ?? lookup.itemUnder.get(path);
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (parent && !isParamSegment(name) && !collection) {
    const action = op.method === 'get' ? 'sub-read' : op.method === 'delete' ? 'sub-delete' : ['put', 'patch', 'post'].includes(op.method) ? 'sub-write' : undefined;
    if (!action) return undefined;
    const property = mirrorProperty(shapes, parent.core, name);
    return { action, resource: parent.core, idParam: parent.idParam, parents: parents(shapes, op, parent.core, parent.idParam), sub: { name, ...(property ? { property } : {}) } };
  }
  return undefined;
}

function createState(lookup: Lookup, op: OperationNode, path: string, success: MediaNode | undefined): MockState | undefined {
  const { shapes } = lookup;
  const core = lookup.itemUnder.get(path)?.core ?? lookup.listCore(path);
  const status = successStatus(op);
  const responseCore = shapes.coreOf(success?.schema);
  if (!core || !(status === 201 || status === 202 || responseCore === core)) return undefined;
  const state: MockState = { action: 'create', resource: core, parents: parents(shapes, op, core), ...recordFlag(shapes, success, core) };
  const idProperty = responseCore === core ? undefined : responseIdProperty(lookup, core, success);
  if (idProperty) state.responseIdProperty = idProperty;
  return state;
}

/** The property of a create's acknowledgement that carries the new id (`request_uuid`, `app_id`). */
function responseIdProperty(lookup: Lookup, core: string, success: MediaNode | undefined): string | undefined {
  const names = [...lookup.shapes.propertyNamesOf(success?.schema)];
  const { idProperty, idParam } = idOf(lookup, core);
  const account = lookup.accountParams[0]?.name;
  return (
    names.find((n) => n === idProperty || n === idParam) ??
    names.find((n) => /(_uuid|_id|Uuid|Id|Sid|uuid)$/.test(n) && n !== lookup.model.errors.requestId && n !== account)
  );
}

/** The id parameter of a record's item path and the property holding the id. */
function idOf(lookup: Lookup, core: string): { idParam?: string; idProperty?: string } {
  const props = lookup.shapes.propertyNames(core);
  const idParam = lookup.idParamOf.get(core);
  const idProperty = idParam && props.has(idParam) ? idParam : ID_FALLBACKS.find((p) => props.has(p));
  return { ...(idParam ? { idParam } : {}), ...(idProperty ? { idProperty } : {}) };
}

function recordFlag(shapes: Shapes, success: MediaNode | undefined, core: string): { responseIsRecord?: true } {
  return success && shapes.coreOf(success.schema) === core ? { responseIsRecord: true } : {};
}

/** Path parameters (not the account, not the id) that name a record property: they select the parent. */
function parents(shapes: Shapes, op: OperationNode, core: string, idParam?: string): MockState['parents'] {
  const props = shapes.propertyNames(core);
  return op.params.path.filter((p) => !p.account && p.name !== idParam && props.has(p.name)).map((p) => ({ param: p.name, property: p.name }));
}

function mirrorProperty(shapes: Shapes, core: string, name: string): string | undefined {
  const props = shapes.propertyNames(core);
  const stem = name.split('/').pop()!;
  return [stem, `${stem}Url`, `${stem}_url`, `${stem[0].toUpperCase()}${stem.slice(1)}Url`].find((p) => props.has(p));
}

function resourceOf(lookup: Lookup, states: Map<OperationNode, MockState>, core: string): MockResource {
  const props = lookup.shapes.propertyNames(core);
  const { idProperty } = idOf(lookup, core);
  const accountParam = lookup.accountParams.find((p) => props.has(p.name));
  const seeds = lookup.shapes.seeds(lookup.model, states, core, idProperty);
  return {
    schema: { $ref: `#/components/schemas/${core}` },
    ...(idProperty ? { idProperty } : {}),
    ...(accountParam ? { accountProperty: accountParam.name } : {}),
    seeds,
  };
}

function accountExample(lookup: Lookup, resources: Record<string, MockResource>): { accountExample?: string } {
  const param = lookup.accountParams.find((p) => typeof p.example === 'string');
  if (param) return { accountExample: param.example as string };
  for (const def of Object.values(resources)) {
    const seed = def.accountProperty ? def.seeds.find((s) => s && typeof s === 'object') : undefined;
    const value = seed ? (seed as Record<string, unknown>)[def.accountProperty!] : undefined;
    if (typeof value === 'string' && value !== '') return { accountExample: value };
  }
  return {};
}

export function successMedia(op: OperationNode): MediaNode | undefined {
  const res = op.responses.find((r) => /^2/.test(r.status));
  return res?.contents.find((c) => /json/.test(c.mediaType)) ?? res?.contents[0];
}

function successStatus(op: OperationNode): number | undefined {
  const res = op.responses.find((r) => /^2\d\d$/.test(r.status));
  return res ? Number(res.status) : undefined;
}

