/**
 * The errors a client throws. `ApiError` carries the response; its subclasses
 * name the common statuses so they can be caught by type. `ConnectionError`
 * and `TimeoutError` cover failures with no response at all, `AbortError` a
 * call cancelled through its signal. None of them holds the request's
 * headers, so none can show a credential.
 */
import type { ErrorFields } from './types.js';
/** Base class of every error the client throws. */
export declare class SwitchboardError extends Error {
  name: string;
}
/** The API answered with a status that is not 2xx. */
export declare class ApiError extends SwitchboardError {
  name: string;
  /** HTTP status code. */
  readonly status: number;
  /** Response headers. */
  readonly headers: Headers;
  /** The parsed error body (JSON, else text; undefined when empty). */
  readonly body: unknown;
  /** The API's own request id, from the body or a response header (`x-request-id` unless the spec names another). */
  readonly requestId?: string;
  /** The API's error code, when its error body has one. */
  readonly code?: string | number;
  /** The API's error category, when its error body has one. */
  readonly type?: string;
  /** A link to documentation about the error, when the body has one. */
  readonly moreInfo?: string;
  constructor(
    status: number,
    headers: Headers,
    body: unknown,
    fields?: ErrorFields,
    statusText?: string,
  );
}
/** 400: the request was malformed or failed validation. */
export declare class BadRequestError extends ApiError {
  name: string;
}
/** 401: missing or wrong credentials. */
export declare class AuthenticationError extends ApiError {
  name: string;
}
/** 403: the credentials may not do this. */
export declare class PermissionDeniedError extends ApiError {
  name: string;
}
/** 404: no such resource. */
export declare class NotFoundError extends ApiError {
  name: string;
}
/** 409: the request conflicts with the resource's current state. */
export declare class ConflictError extends ApiError {
  name: string;
}
/** 422: the request was well-formed but its content was refused. */
export declare class UnprocessableEntityError extends ApiError {
  name: string;
}
/** 429: too many requests; retried automatically, honouring `Retry-After`. */
export declare class RateLimitError extends ApiError {
  name: string;
}
/** 5xx: the API failed; retried automatically for idempotent methods. */
export declare class InternalServerError extends ApiError {
  name: string;
}
/** No response: the connection failed or was reset. */
export declare class ConnectionError extends SwitchboardError {
  name: string;
  constructor(cause?: unknown, message?: string);
}
/** No response within the timeout. */
export declare class TimeoutError extends ConnectionError {
  name: string;
  constructor(ms: number);
}
/** The call was cancelled through its `signal`; `cause` is the signal's reason, which the message quotes unless it is the default one. */
export declare class AbortError extends SwitchboardError {
  name: string;
  constructor(cause?: unknown);
}
/** The request id a response header carries. */
export declare function headerId(headers: Headers, fields: ErrorFields): string | undefined;
/** The error for a non-2xx response: the subclass for its status, else `ApiError`. */
export declare function errorFor(res: Response, body: unknown, fields: ErrorFields): ApiError;
