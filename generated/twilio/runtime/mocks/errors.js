import { isObject, merge, setOwn } from './schema.js';

export const STATUS_TEXT = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Builds error bodies for one API. */
export class ErrorBodies {
  templates = new Map();

  spec;
  schemas;
  sampler;

  constructor(spec, schemas, sampler) {
    this.spec = spec;
    this.schemas = schemas;
    this.sampler = sampler;
    // Any operation's example for a status serves the others that lack one.
    for (const op of spec.operations) {
      for (const res of op.responses) {
        const example = jsonExample(res.contents);
        if (
          /^\d{3}$/.test(res.status) &&
          Number(res.status) >= 400 &&
          example !== undefined &&
          !this.templates.has(Number(res.status))
        ) {
          this.templates.set(Number(res.status), example);
        }
      }
    }
  }

  /** The error body for `status`, with `message` in the API's message field. */
  body(status, message, requestId, random, op) {
    const f = this.spec.errors;
    if (!f.message) return { status, message };
    const own = op?.responses.find((r) => r.status === String(status));
    const template = (own && jsonExample(own.contents)) ?? this.templates.get(status);
    const schema = f.schema ?? true;
    const base =
      template !== undefined && isObject(template)
        ? merge(template)
        : merge(this.sampler.sample(schema, random));
    setOwn(base, f.message, message);
    if (f.requestId) setOwn(base, f.requestId, requestId);
    if (f.status) setOwn(base, f.status, this.numberOrString(f.status, status));
    if (template === undefined) {
      if (f.code) setOwn(base, f.code, this.numberOrString(f.code, status));
      if (f.type)
        setOwn(
          base,
          f.type,
          (STATUS_TEXT[status] ?? `error ${status}`).toLowerCase().replace(/ /g, '-'),
        );
    }
    return this.schemas.accepts(schema, base)
      ? base
      : merge(this.sampler.sample(schema, random), { [f.message]: message });
  }

  /** A status code as the error schema types the field: a number, or a string. */
  numberOrString(field, status) {
    const schema = this.spec.errors.schema ?? true;
    const probe = merge(this.sampler.sample(schema, stableRandom), { [field]: status });
    return this.schemas.accepts(schema, probe) ? status : String(status);
  }
}

/** The first JSON example of a response's contents. */
export function jsonExample(contents) {
  const json = contents.find((c) => /json/.test(c.mediaType) && c.examples.length > 0);
  return json?.examples[0]?.value;
}

/** A fixed generator for probes that must not disturb the main sequence. */
const stableRandom = {
  next: () => 0.5,
  int: (min) => min,
  pick: (items) => items[0],
  hex: (n) => '0'.repeat(n),
  uuid: () => '00000000-0000-4000-8000-000000000000',
  like: (s) => s,
};
