/**
 * The example response body of each operation, as the generated mock answers
 * the client: the mocks' own Responder and Sampler (generator/emit/mocks/
 * runtime), with the mock's default seed, pick the spec's first valid example
 * or else sample the schema deterministically. So the docs show the body the
 * mock answers the page's example with (statelessly, and but for the request
 * id it stamps on each answer), and there is one sampler, not one per emitter.
 */
import type { ApiModel, OperationNode } from '../../model/types.js';
import { acceptOf, isBinary, isJson, successes } from '../client/operation-types.js';
import { describeOperation, mockSchemas } from '../mocks/describe.js';
import { Responder } from '../mocks/runtime/respond.js';
import { Sampler } from '../mocks/runtime/sample.js';
import { Schemas } from '../mocks/runtime/schema.js';
import { printJson } from './json-layout.js';
import { mdCode, mdCodeBlock, mdText } from './markdown.js';

/** What a successful call's body looks like. */
export type ExampleBody =
  /** A JSON body, printed (json-layout.ts). */
  | { kind: 'json'; status: string; mediaType: string; json: string }
  /** A text body (`text/*`). */
  | { kind: 'text'; status: string; mediaType: string; text: string }
  /** A download: described by its media types, never dumped. */
  | { kind: 'binary'; status: string; mediaTypes: string[] };

/** The mock's seed when none is given (runtime/core.ts): the bytes the mock serves by default. */
const MOCK_DEFAULT_SEED = 1;

/** The example body of an operation, from one Responder per API. */
export type ExampleBodies = (op: OperationNode) => ExampleBody | undefined;

export function exampleBodies(model: ApiModel): ExampleBodies {
  const schemas = new Schemas(mockSchemas(model));
  const responder = new Responder(schemas, new Sampler(schemas), MOCK_DEFAULT_SEED);
  return (op) => exampleBody(model, op, responder);
}

function exampleBody(model: ApiModel, op: OperationNode, responder: Responder): ExampleBody | undefined {
  const index = op.responses.findIndex((r) => successes(op).includes(r) && r.contents.length > 0);
  if (index < 0) return undefined;
  const status = op.responses[index].status;
  // The client resolves a download to its bytes (`BinaryResponse`): described, not dumped.
  if (isBinary(op)) return { kind: 'binary', status, mediaTypes: op.responses[index].contents.map((m) => m.mediaType) };
  const mock = describeOperation(model, op);
  const media = responder.media(mock.responses[index], acceptOf(op));
  if (!media) return undefined;
  const value = responder.body(mock, status, media);
  if (isJson(media.mediaType)) return { kind: 'json', status, mediaType: media.mediaType, json: printJson(value) };
  return typeof value === 'string' ? { kind: 'text', status, mediaType: media.mediaType, text: value } : undefined;
}

/** The Example response section: the status and media type, then the body (a download is only described). */
export function exampleResponseMarkdown(body: ExampleBody): string {
  if (body.kind === 'binary') {
    const types = body.mediaTypes.map((t) => mdCode(t, false)).join(' or ');
    return `Status ${mdText(body.status)}: binary content (${types}), not shown here. The call resolves to its bytes and media type, a ${mdCode('BinaryResponse', false)}.`;
  }
  const head = `Status ${mdText(body.status)} (${mdCode(body.mediaType, false)})`;
  if (body.kind === 'json') return `${head}:\n\n${mdCodeBlock(body.json, 'json')}`;
  return body.text.trim() === '' ? `${head}: an empty body.` : `${head}:\n\n${mdCodeBlock(body.text, 'text')}`;
}
