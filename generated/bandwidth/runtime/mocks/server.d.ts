import type { Mock, ResponseMap } from './core.js';
export interface MockServerOptions {
  /** Port to listen on (default 4010; 0 picks a free one). */
  port?: number;
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** Largest request body accepted, in bytes (default 1 MiB); larger ones get 413. */
  maxBodyBytes?: number;
  /** Answer CORS preflights and allow cross-origin calls, so a web app can use the mock (default true). */
  cors?: boolean;
}
export interface MockServer<R extends ResponseMap = ResponseMap> {
  /** `http://127.0.0.1:4010` */
  readonly url: string;
  /** The URL clients use as their base URL: `url` plus the spec's base path. */
  readonly baseUrl: string;
  readonly port: number;
  readonly host: string;
  /** The core behind the server: overrides, faults, reset. */
  readonly mock: Mock<R>;
  /** Stops accepting connections and closes idle ones; resolves when closed. */
  close(): Promise<void>;
}
/** Starts serving `mock` over HTTP. */
export declare function startServer<R extends ResponseMap>(
  mock: Mock<R>,
  options?: MockServerOptions,
): Promise<MockServer<R>>;
