/**
 * Request params and response bodies for every operation, from the spec's
 * examples where it has them and from the schema otherwise, plus what the
 * server should see on the wire: method, path, query and body.
 */
import type { ApiModel, MediaNode, OperationNode, ParamNode, SchemaNode } from '../../../generator/model/types.js';

/** A value for a schema: its example or default, else a plausible value of its type. */
export function sample(node: SchemaNode, model: ApiModel, depth = 0): unknown {
  if (node.example !== undefined) return node.example;
  if (node.default !== undefined) return node.default;
  switch (node.kind) {
    case 'ref': {
      const target = model.schemas.find((s) => s.typeName === node.target)!;
      return depth > 6 ? undefined : sample(target.schema, model, depth + 1);
    }
    case 'primitive':
      return { string: node.format === 'date-time' ? '2024-01-02T03:04:05Z' : 'text-1', number: 1.5, integer: 7, boolean: true, null: null }[node.type];
    case 'enum':
      return node.values[0];
    case 'array':
      return [sample(node.items, model, depth + 1)];
    case 'object':
      return Object.fromEntries(node.properties.filter((p) => p.required && !p.schema.readOnly).map((p) => [p.name, sample(p.schema, model, depth + 1)]));
    case 'union':
      return sample(node.variants[0]!, model, depth + 1);
    case 'intersection':
      return Object.assign({}, ...node.parts.map((p) => sample(p, model, depth + 1)));
    default:
      return 'value';
  }
}

export interface Case {
  op: OperationNode;
  /** What the test passes to the method. */
  params: Record<string, unknown>;
  /** What the server must see. */
  expect: { method: string; path: string; query: [string, string][]; headers: [string, string][]; body?: { type: string; value: unknown } };
  /** What the server answers. */
  reply: { status: number; type?: string; body?: unknown };
}

/** A call of `op` with every required parameter, optional ones that have examples, and its body. */
export function operationCase(op: OperationNode, model: ApiModel, account: string): Case {
  const params: Record<string, unknown> = {};
  let path = op.path;
  const query: [string, string][] = [];
  const headers: [string, string][] = [];
  for (const p of [...op.params.path, ...op.params.query, ...op.params.header]) {
    const value = paramValue(p, model);
    if (p.account) {
      path = path.replace(`{${p.name}}`, account);
      continue;
    }
    if (!p.required && value === undefined) continue;
    params[p.name] = value;
    if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(String(value)));
    if (p.in === 'query') query.push([p.name, String(value)]);
    if (p.in === 'header') headers.push([p.name.toLowerCase(), String(value)]);
  }
  const media = op.body?.contents[0];
  const body = media && { type: media.mediaType, value: mediaValue(media, model) };
  if (body) params.body = body.value;
  return { op, params, expect: { method: op.method.toUpperCase(), path, query, headers, body }, reply: replyFor(op, model) };
}

function paramValue(p: ParamNode, model: ApiModel): unknown {
  if (p.example !== undefined) return p.example;
  if (!p.required && p.schema.example === undefined) return undefined;
  return p.name === 'callback_url' ? undefined : sample(p.schema, model);
}

function mediaValue(media: MediaNode, model: ApiModel): unknown {
  return media.example ?? sample(media.schema, model);
}

function replyFor(op: OperationNode, model: ApiModel): Case['reply'] {
  const ok = op.responses.find((r) => /^2/.test(r.status))!;
  const status = /^\d+$/.test(ok.status) ? Number(ok.status) : 200;
  const media = ok.contents[0];
  if (!media) return { status };
  if (media.schema.kind === 'binary') return { status, type: media.mediaType, body: Uint8Array.from({ length: 256 }, (_, i) => 255 - i) };
  return { status, type: media.mediaType, body: mediaValue(media, model) };
}

/** The form fields Twilio expects for a body object: booleans as true/false, numbers in decimal, arrays as repeated keys. */
export function formFields(body: Record<string, unknown>): [string, string][] {
  return Object.entries(body).flatMap(([k, v]) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((item): [string, string] => [k, String(item)])));
}
