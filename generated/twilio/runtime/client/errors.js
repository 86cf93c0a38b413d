/** Base class of every error the client throws. */
export class SwitchboardError extends Error {
  name = 'SwitchboardError';
}

/** The API answered with a status that is not 2xx. */
export class ApiError extends SwitchboardError {
  name = 'ApiError';
  /** HTTP status code. */
  status;
  /** Response headers. */
  headers;
  /** The parsed error body (JSON, else text; undefined when empty). */
  body;
  /** The API's own request id, from the body or a response header (`x-request-id` unless the spec names another). */
  requestId;
  /** The API's error code, when its error body has one. */
  code;
  /** The API's error category, when its error body has one. */
  type;
  /** A link to documentation about the error, when the body has one. */
  moreInfo;

  constructor(status, headers, body, fields = {}, statusText = '') {
    const get = (key) => {
      const value = fields[key] && body && typeof body === 'object' ? body[fields[key]] : undefined;
      return value == null || value === '' ? undefined : value;
    };
    const detail = get('message') ?? (typeof body === 'string' ? body.slice(0, 500) : undefined);
    const requestId = get('requestId') ?? headerId(headers, fields);
    const extra = [
      get('type') && `type ${get('type')}`,
      get('code') && `code ${get('code')}`,
      requestId && `request id ${requestId}`,
      get('moreInfo') && `see ${get('moreInfo')}`,
    ].filter(Boolean);
    super(
      `${status}${statusText ? ` ${statusText}` : ''}: ${detail ?? 'no error message in the response'}${extra.length ? ` (${extra.join('; ')})` : ''}`,
    );
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.requestId = requestId;
    this.code = get('code');
    this.type = get('type');
    this.moreInfo = get('moreInfo');
  }
}

/** 400: the request was malformed or failed validation. */
export class BadRequestError extends ApiError {
  name = 'BadRequestError';
}

/** 401: missing or wrong credentials. */
export class AuthenticationError extends ApiError {
  name = 'AuthenticationError';
}

/** 403: the credentials may not do this. */
export class PermissionDeniedError extends ApiError {
  name = 'PermissionDeniedError';
}

/** 404: no such resource. */
export class NotFoundError extends ApiError {
  name = 'NotFoundError';
}

/** 409: the request conflicts with the resource's current state. */
export class ConflictError extends ApiError {
  name = 'ConflictError';
}

/** 422: the request was well-formed but its content was refused. */
export class UnprocessableEntityError extends ApiError {
  name = 'UnprocessableEntityError';
}

/** 429: too many requests; retried automatically, honouring `Retry-After`. */
export class RateLimitError extends ApiError {
  name = 'RateLimitError';
}

/** 5xx: the API failed; retried automatically for idempotent methods. */
export class InternalServerError extends ApiError {
  name = 'InternalServerError';
}

/** No response: the connection failed or was reset. */
export class ConnectionError extends SwitchboardError {
  name = 'ConnectionError';
  constructor(cause, message) {
    const reason = cause?.cause?.message ?? cause?.message;
    super(message ?? `Connection error${reason ? `: ${reason}` : ''}`, { cause });
  }
}

/** No response within the timeout. */
export class TimeoutError extends ConnectionError {
  name = 'TimeoutError';
  constructor(ms) {
    super(undefined, `Request timed out after ${ms} ms`);
  }
}

/** The call was cancelled through its `signal`; `cause` is the signal's reason, which the message quotes unless it is the default one. */
export class AbortError extends SwitchboardError {
  name = 'AbortError';
  constructor(cause) {
    const why = cause?.name === 'AbortError' ? '' : (cause?.message ?? cause);
    super(`Request aborted${why ? `: ${why}` : ''}`, { cause });
  }
}

const BY_STATUS = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The request id a response header carries. */
export function headerId(headers, fields) {
  return headers.get(fields.requestIdHeader ?? 'x-request-id') ?? undefined;
}

/** The error for a non-2xx response: the subclass for its status, else `ApiError`. */
export function errorFor(res, body, fields) {
  const Class = BY_STATUS[res.status] ?? (res.status >= 500 ? InternalServerError : ApiError);
  return new Class(res.status, res.headers, body, fields, res.statusText);
}
