/**
 * A small seeded pseudo-random generator. Every sample and every generated id
 * comes from one of these, so the same seed always gives the same bytes.
 */

/** A 32-bit hash of text (FNV-1a), used to derive per-operation seeds. */
export function hashText(text, seed = 0x811c9dc5) {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const HEX = '0123456789abcdef';

/** mulberry32: fast, small and good enough for test data. */
export class Random {
  state;

  constructor(seed) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next() {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick(items) {
    return items[Math.floor(this.next() * items.length)];
  }

  hex(length) {
    let out = '';
    for (let i = 0; i < length; i++) out += HEX.charAt(this.int(0, 15));
    return out;
  }

  /** A version-4-shaped UUID. */
  uuid() {
    const h = this.hex(32);
    const variant = HEX.charAt(8 + this.int(0, 3));
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  /**
   * A new value shaped like `example`: its leading letters (a prefix such as
   * `CA` or `r-`) and separators stay, digits and hex letters are redrawn.
   */
  like(example) {
    const prefix = /^[A-Za-z]+(?=[^A-Za-z]|$)/.exec(example)?.[0] ?? '';
    let out = prefix;
    for (const ch of example.slice(prefix.length)) {
      if (ch >= '0' && ch <= '9') out += String(this.int(0, 9));
      else if (ch >= 'a' && ch <= 'f') out += HEX.charAt(this.int(0, 15));
      else if (ch >= 'A' && ch <= 'F') out += HEX.charAt(this.int(0, 15)).toUpperCase();
      else out += ch;
    }
    return out;
  }
}
