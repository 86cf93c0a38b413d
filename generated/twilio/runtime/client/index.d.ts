/** The client runtime: copied verbatim into every generated package as `src/runtime/`. */
export { ApiPromise } from './api-promise.js';
export { BaseClient } from './client.js';
export {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  SwitchboardError,
  TimeoutError,
  UnprocessableEntityError,
} from './errors.js';
export { Paginator } from './pagination.js';
export { resource, type ResourceClass } from './resource.js';
export type {
  ApiConfig,
  ApiResult,
  BinaryResponse,
  ClientOptions,
  DownloadOptions,
  LogFn,
  Logger,
  LogLevel,
  Operation,
  Pagination,
  RateLimit,
  RequestOptions,
} from './types.js';
