import type { Random } from './random.js';
import type { MockRequest, ParsedRequest } from './request.js';
import type { Reply, Responder } from './respond.js';
import type { Sampler } from './sample.js';
import { type Schemas } from './schema.js';
import { type Store } from './store.js';
import type { MockOperation, MockState } from './types.js';
/** Thrown when the record an operation addresses does not exist. */
export declare class NotFound extends Error {}
export interface StateContext {
  schemas: Schemas;
  sampler: Sampler;
  responder: Responder;
  store: Store;
  random: Random;
}
/** Runs an operation's action against the store and builds its reply. */
export declare function runState(
  ctx: StateContext,
  op: MockOperation,
  state: MockState,
  parsed: ParsedRequest,
  req: MockRequest,
  base: Reply,
): Reply;
/** `…/Calls.json` + id → `…/Calls/<id>.json`; `…/Call/` + id → `…/Call/<id>/`. */
export declare function itemUrl(url: URL, id: string): string;
