/**
 * The framework-free core every adapter calls: `handle(request)` routes,
 * injects faults, checks credentials and the request against the spec, runs
 * the operation against the store (or answers statelessly) and builds the
 * response. The MSW handlers and the node:http server are thin shells around it.
 */
import { type CallbackRecord } from './callbacks.js';
import { type FaultOptions } from './faults.js';
import { type MockRequest } from './request.js';
import { type Route } from './routes.js';
import type { MockSpec } from './types.js';
import { type MockResult } from './wire.js';
export interface MockOptions {
  /** Seed of every sample and generated id (default 1): the same seed gives the same bytes. */
  seed?: number;
  /** Answer from examples only: no store, nothing is created or deleted. */
  stateless?: boolean;
  /** Require exactly these Basic-auth credentials (any well-formed ones are accepted otherwise). */
  credentials?: {
    username: string;
    password: string;
  };
  /** Faults injected into every request until changed. */
  faults?: FaultOptions;
  /** Receives one line per request, and callback outcomes. */
  log?: (line: string) => void;
  /** Used to deliver async callbacks (default: global fetch). */
  fetch?: typeof fetch;
}
/** What an override sees of the request. */
export interface OverrideContext {
  request: MockRequest;
  operationId: string;
  /** Path, query and header parameters, converted to their types. */
  params: Record<string, unknown>;
  body: unknown;
  /** The account the request is for ('' when the API has none). */
  account: string;
}
/** A typed reply: one of the operation's declared statuses with its body type. */
export type MockReply<R> = {
  [S in keyof R & number]: {
    status: S;
    body?: R[S];
    headers?: Record<string, string>;
  };
}[keyof R & number];
/** Returns the reply, a fetch Response, or undefined to answer as usual. */
export type OverrideResolver<R> = (
  context: OverrideContext,
) => MockReply<R> | Response | undefined | Promise<MockReply<R> | Response | undefined>;
/** A per-operation map of status → body type (the generated `MockResponses`). */
export type ResponseMap = {
  [operationId: string]: {
    [status: number]: unknown;
  };
};
export interface Mock<R extends ResponseMap = ResponseMap> {
  readonly spec: MockSpec;
  /** Routes in the order they are tried (most specific first). */
  readonly routes: readonly Route[];
  /** Answers a fetch Request. */
  handle(request: Request): Promise<Response>;
  /** Answers only a request routed to `only.operationId`; resolves to undefined for any other. */
  handle(request: Request, only: OneOff): Promise<Response | undefined>;
  /** Answers a request already read (used by the node server). */
  handleRaw(request: MockRequest, only?: OneOff): Promise<MockResult | undefined>;
  /** An error response in the API's own format (used by adapters for 413s and internal failures). */
  errorResult(status: number, message: string): MockResult;
  /** Replaces one operation's answer until `reset()` (or until `override(id)` with no resolver). */
  override<K extends keyof R & string>(
    operationId: K,
    resolver?: NoInfer<OverrideResolver<R[K]>>,
  ): void;
  /** Changes the injected faults. */
  setFaults(faults: FaultOptions): void;
  /** The next `count` requests answer 500. */
  failNext(count: number): void;
  /** Empties the store, overrides and callback log, and restores the initial faults and seed. */
  reset(): void;
  /** Every async callback sent or refused so far. */
  readonly callbacks: readonly CallbackRecord[];
  /** Resolves when every callback has been delivered (or has failed). */
  settled(): Promise<void>;
}
/** One override applied to a single request (MSW's `override()` handlers). */
export interface OneOff {
  operationId: string;
  resolver: OverrideResolver<never>;
}
/** Creates a mock of one API. */
export declare function createMock<R extends ResponseMap = ResponseMap>(
  spec: MockSpec,
  options?: MockOptions,
): Mock<R>;
