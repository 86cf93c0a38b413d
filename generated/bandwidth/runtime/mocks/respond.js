import { sampleMedia } from './media.js';
import { hashText, Random } from './random.js';
import { deepFreeze } from './schema.js';

export class Responder {
  /** Per media type: the body every request gets before state is applied (`default`, or `dynamic` samples). */
  cache = new Map();

  schemas;
  sampler;
  seed;

  constructor(schemas, sampler, seed) {
    this.schemas = schemas;
    this.sampler = sampler;
    this.seed = seed;
  }

  /** The operation's first success (2xx) response, else its first declared one. */
  success(op) {
    return op.responses.find((r) => /^2/.test(r.status)) ?? op.responses[0];
  }

  /** The response declared for a status: exact, then its range (`4XX`), then `default`. */
  forStatus(op, status) {
    const s = String(status);
    return (
      op.responses.find((r) => r.status === s) ??
      op.responses.find((r) => r.status === `${s[0]}XX`) ??
      op.responses.find((r) => r.status === 'default')
    );
  }

  /** The media type to answer with: the best match of `Accept`, else the first JSON one, else the first. */
  media(response, accept) {
    const contents = response.contents;
    if (contents.length === 0) return undefined;
    for (const wanted of parseAccept(accept)) {
      const hit = contents.find((c) => matches(wanted, c.mediaType));
      if (hit && wanted !== '*/*') return hit;
    }
    return contents.find((c) => /json/.test(c.mediaType)) ?? contents[0];
  }

  /** The body for a media type: the preferred or first example, or a sample. */
  body(op, status, media, prefs = {}) {
    const named =
      prefs.example !== undefined &&
      !prefs.dynamic &&
      media.examples.some((e) => e.name === prefs.example);
    const key = named ? `example:${prefs.example}` : prefs.dynamic ? 'dynamic' : 'default';
    let cached = this.cache.get(media)?.get(key);
    if (cached === undefined) {
      const value = named
        ? media.examples.find((e) => e.name === prefs.example).value
        : this.compute(op, status, media, prefs.dynamic === true);
      cached = { value: value instanceof Uint8Array ? value : deepFreeze(cloneJson(value)) };
      if (!this.cache.has(media)) this.cache.set(media, new Map());
      this.cache.get(media).set(key, cached);
    }
    // Shared and frozen: whatever builds on it copies what it changes.
    return cached.value instanceof Uint8Array ? cached.value.slice() : cached.value;
  }

  /** The first valid example, else a sample; the same for every request, so it is computed once. */
  compute(op, status, media, dynamic) {
    const random = new Random(
      hashText(`${op.operationId} ${status} ${media.mediaType}`, this.seed),
    );
    if (media.binary) return sampleMedia(media.mediaType, random);
    const first = dynamic
      ? undefined
      : media.examples.find((e) => this.schemas.accepts(media.schema, e.value));
    if (first) return first.value;
    return this.sampler.sample(media.schema, random, { examples: !dynamic });
  }

  /** A complete reply for a declared status, stateless. */
  reply(op, response, accept, prefs = {}) {
    const status = /^\d{3}$/.test(response.status)
      ? Number(response.status)
      : /^[1-5]XX$/.test(response.status)
        ? Number(response.status[0]) * 100
        : 200;
    const media = this.media(response, accept);
    if (!media || status === 204 || status === 304) return { status, headers: {} };
    return {
      status,
      headers: {},
      body: this.body(op, response.status, media, prefs),
      mediaType: media.mediaType,
    };
  }
}

function parseAccept(header) {
  if (!header) return [];
  return header
    .split(',')
    .map((part, i) => {
      const [type, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { type: (type ?? '').trim(), q: q ? Number(q.slice(2)) : 1, i };
    })
    .filter((e) => e.type !== '' && e.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((e) => e.type);
}

function matches(wanted, mediaType) {
  if (wanted === '*/*' || wanted === mediaType) return true;
  return wanted.endsWith('/*') && mediaType.startsWith(wanted.slice(0, -1));
}

/** A deep copy of JSON data (own `__proto__` keys stay own properties). */
export function cloneJson(value) {
  return value === undefined ? value : JSON.parse(JSON.stringify(value));
}
