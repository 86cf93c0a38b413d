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
import type { ApiModel, MediaNode, OperationNode } from '../../model/types.js';
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

export function inferResources(model: ApiModel): Inferred {
  const shapes = new Shapes(model);
  const items = findItemPaths(model, shapes);
  const states = new Map<OperationNode, MockState>();
  const cores = new Set<string>();
  for (const op of model.operations) {
    const state = stateOf(model, shapes, items, op);
    if (!state) continue;
    states.set(op, state);
    cores.add(state.resource);
  }
  const resources: Record<string, MockResource> = {};
  for (const core of [...cores].sort()) resources[core] = resourceOf(model, shapes, items, states, core);
  return { resources, states, ...accountExample(model, resources) };
}

/** Item paths (normalised) → the record schema and the id parameter. */
function findItemPaths(model: ApiModel, shapes: Shapes): Map<string, ItemPath> {
  const out = new Map<string, ItemPath>();
  const byPath = [...model.operations].sort((a, b) => Number(b.method === 'get') - Number(a.method === 'get'));
  for (const op of byPath) {
    const segs = normalisePath(op.path).split('/');
    const last = segs[segs.length - 1];
    if (!isParamSegment(last) || out.has(normalisePath(op.path))) continue;
    const core = op.method === 'get' ? shapes.coreOf(successMedia(op)?.schema) : undefined;
    const fromList = core ?? listCore(model, shapes, segs.slice(0, -1).join('/'));
    if (fromList) out.set(normalisePath(op.path), { core: fromList, idParam: last.slice(1, -1) });
  }
  return out;
}

function stateOf(model: ApiModel, shapes: Shapes, items: Map<string, ItemPath>, op: OperationNode): MockState | undefined {
  const path = normalisePath(op.path);
  const segs = path.split('/');
  const item = items.get(path);
  const success = successMedia(op);
  if (item) {
    const action = op.method === 'get' ? 'read' : op.method === 'delete' ? 'delete' : ['put', 'patch', 'post'].includes(op.method) ? 'update' : undefined;
    if (!action) return undefined;
    return { action, resource: item.core, idParam: item.idParam, parents: parents(model, shapes, op, item.core, item.idParam), ...recordFlag(shapes, success, item.core) };
  }
  const list = op.method === 'get' ? shapes.listItems(op, success?.schema) : undefined;
  if (list) return { action: 'list', resource: list.core, itemsPath: list.itemsPath, parents: parents(model, shapes, op, list.core) };
  const created = op.method === 'post' ? createState(model, shapes, items, op, path, success) : undefined;
  if (created) return created;
  // A sub-resource: one static segment under an item path, and no collection of its own.
  const parent = items.get(segs.slice(0, -1).join('/'));
  const collection = listCore(model, shapes, path) ?? [...items.keys()].find((p) => p.split('/').slice(0, -1).join('/') === path);
  if (parent && !isParamSegment(segs[segs.length - 1]) && !collection) {
    const cut = segs.length - 1;
    const action = op.method === 'get' ? 'sub-read' : op.method === 'delete' ? 'sub-delete' : ['put', 'patch', 'post'].includes(op.method) ? 'sub-write' : undefined;
    if (!action) return undefined;
    const name = segs.slice(cut).join('/');
    const property = mirrorProperty(shapes, parent.core, name);
    return { action, resource: parent.core, idParam: parent.idParam, parents: parents(model, shapes, op, parent.core, parent.idParam), sub: { name, ...(property ? { property } : {}) } };
  }
  return undefined;
}

function createState(model: ApiModel, shapes: Shapes, items: Map<string, ItemPath>, op: OperationNode, path: string, success: MediaNode | undefined): MockState | undefined {
  const core = [...items.entries()].find(([p]) => p.split('/').slice(0, -1).join('/') === path)?.[1].core ?? listCore(model, shapes, path);
  const status = successStatus(op);
  const responseCore = shapes.coreOf(success?.schema);
  if (!core || !(status === 201 || status === 202 || responseCore === core)) return undefined;
  const state: MockState = { action: 'create', resource: core, parents: parents(model, shapes, op, core), ...recordFlag(shapes, success, core) };
  const idProperty = responseCore === core ? undefined : responseIdProperty(model, shapes, items, core, success);
  if (idProperty) state.responseIdProperty = idProperty;
  return state;
}

/** The property of a create's acknowledgement that carries the new id (`request_uuid`, `app_id`). */
function responseIdProperty(model: ApiModel, shapes: Shapes, items: Map<string, ItemPath>, core: string, success: MediaNode | undefined): string | undefined {
  const names = [...shapes.propertyNamesOf(success?.schema)];
  const { idProperty, idParam } = idOf(shapes, items, core);
  const account = model.operations.flatMap((o) => o.params.path).find((p) => p.account)?.name;
  return (
    names.find((n) => n === idProperty || n === idParam) ??
    names.find((n) => /(_uuid|_id|Uuid|Id|Sid|uuid)$/.test(n) && n !== model.errors.requestId && n !== account)
  );
}

/** The id parameter of a record's item path and the property holding the id. */
function idOf(shapes: Shapes, items: Map<string, ItemPath>, core: string): { idParam?: string; idProperty?: string } {
  const props = shapes.propertyNames(core);
  const idParam = [...items.values()].find((i) => i.core === core)?.idParam;
  const idProperty = idParam && props.has(idParam) ? idParam : ID_FALLBACKS.find((p) => props.has(p));
  return { ...(idParam ? { idParam } : {}), ...(idProperty ? { idProperty } : {}) };
}

/** The record schema listed by a GET on a collection path. */
function listCore(model: ApiModel, shapes: Shapes, collection: string): string | undefined {
  const op = model.operations.find((o) => o.method === 'get' && normalisePath(o.path) === collection);
  return op ? shapes.listItems(op, successMedia(op)?.schema)?.core : undefined;
}

function recordFlag(shapes: Shapes, success: MediaNode | undefined, core: string): { responseIsRecord?: true } {
  return success && shapes.coreOf(success.schema) === core ? { responseIsRecord: true } : {};
}

/** Path parameters (not the account, not the id) that name a record property: they select the parent. */
function parents(model: ApiModel, shapes: Shapes, op: OperationNode, core: string, idParam?: string): MockState['parents'] {
  const props = shapes.propertyNames(core);
  return op.params.path.filter((p) => !p.account && p.name !== idParam && props.has(p.name)).map((p) => ({ param: p.name, property: p.name }));
}

function mirrorProperty(shapes: Shapes, core: string, name: string): string | undefined {
  const props = shapes.propertyNames(core);
  const stem = name.split('/').pop()!;
  return [stem, `${stem}Url`, `${stem}_url`, `${stem[0].toUpperCase()}${stem.slice(1)}Url`].find((p) => props.has(p));
}

function resourceOf(model: ApiModel, shapes: Shapes, items: Map<string, ItemPath>, states: Map<OperationNode, MockState>, core: string): MockResource {
  const props = shapes.propertyNames(core);
  const { idProperty } = idOf(shapes, items, core);
  const accountParam = model.operations.flatMap((o) => o.params.path).find((p) => p.account && props.has(p.name));
  const seeds = shapes.seeds(model, states, core, idProperty);
  return {
    schema: { $ref: `#/components/schemas/${core}` },
    ...(idProperty ? { idProperty } : {}),
    ...(accountParam ? { accountProperty: accountParam.name } : {}),
    seeds,
  };
}

function accountExample(model: ApiModel, resources: Record<string, MockResource>): { accountExample?: string } {
  const param = model.operations.flatMap((o) => o.params.path).find((p) => p.account && typeof p.example === 'string');
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

