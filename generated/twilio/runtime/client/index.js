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
export { resource } from './resource.js';
