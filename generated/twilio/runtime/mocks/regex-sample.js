const DIGITS = '0123456789';
const WORD = `abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ${DIGITS}_`;
const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
const ESCAPES = {
  d: DIGITS,
  w: WORD,
  s: ' ',
  D: 'abc',
  W: '-',
  S: 'a',
  n: '\n',
  t: '\t',
  r: '\r',
};
/** Unbounded quantifiers stop here, so samples stay short. */
const SOFT_MAX = 3;

const compiled = new Map();

/** The RegExp for a schema `pattern` (unicode mode when it allows), cached; undefined when invalid. */
export function compilePattern(pattern) {
  if (compiled.has(pattern)) return compiled.get(pattern);
  let re;
  for (const flags of ['u', '']) {
    try {
      re = new RegExp(pattern, flags);
      break;
    } catch {
      // try the next mode
    }
  }
  compiled.set(pattern, re);
  return re;
}

/** A string matching `pattern`, or undefined when none could be made. */
export function sampleRegex(pattern, random) {
  try {
    const parser = new Parser(pattern);
    const tree = parser.alternatives();
    const out = generate({ kind: 'group', alternatives: tree }, random);
    return compilePattern(pattern)?.test(out) ? out : undefined;
  } catch {
    return undefined;
  }
}

function generate(node, random) {
  switch (node.kind) {
    case 'chars':
      return node.set === '' ? '' : random.pick([...node.set]);
    case 'group':
      return random
        .pick(node.alternatives)
        .map((n) => generate(n, random))
        .join('');
    case 'repeat': {
      const count = random.int(
        node.min,
        Math.max(node.min, Math.min(node.max, node.min + SOFT_MAX)),
      );
      let out = '';
      for (let i = 0; i < count; i++) out += generate(node.node, random);
      return out;
    }
  }
}

class Parser {
  i = 0;
  src;

  constructor(src) {
    this.src = src;
  }

  alternatives() {
    const alts = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    return alts;
  }

  sequence() {
    const nodes = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.atom();
      if (atom) nodes.push(this.quantified(atom));
    }
    return nodes;
  }

  atom() {
    const ch = this.src[this.i++];
    if (ch === '^' || ch === '$') return undefined;
    if (ch === '(') {
      if (this.src[this.i] === '?') {
        if (this.src[this.i + 1] !== ':') throw new Error('unsupported group');
        this.i += 2;
      }
      const alternatives = this.alternatives();
      if (this.src[this.i++] !== ')') throw new Error('unclosed group');
      return { kind: 'group', alternatives };
    }
    if (ch === '[') return { kind: 'chars', set: this.charClass() };
    if (ch === '.') return { kind: 'chars', set: 'a' };
    if (ch === '\\') return { kind: 'chars', set: this.escape() };
    return { kind: 'chars', set: ch ?? '' };
  }

  escape() {
    const ch = this.src[this.i++];
    if (ch === undefined) throw new Error('dangling escape');
    if (ch === 'b' || ch === 'B') return '';
    return ESCAPES[ch] ?? ch;
  }

  charClass() {
    const negated = this.src[this.i] === '^';
    if (negated) this.i++;
    let set = '';
    while (this.src[this.i] !== ']') {
      if (this.i >= this.src.length) throw new Error('unclosed class');
      let ch = this.src[this.i++] ?? '';
      if (ch === '\\') ch = this.escape();
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']' && ch.length === 1) {
        this.i++;
        let end = this.src[this.i++] ?? '';
        if (end === '\\') end = this.escape();
        for (let c = ch.charCodeAt(0); c <= end.charCodeAt(0); c++) set += String.fromCharCode(c);
      } else set += ch;
    }
    this.i++;
    return negated ? [...PRINTABLE].filter((c) => !set.includes(c)).join('') : set;
  }

  quantified(node) {
    const ch = this.src[this.i];
    let min;
    let max;
    if (ch === '?') [min, max] = [0, 1];
    else if (ch === '*') [min, max] = [0, Infinity];
    else if (ch === '+') [min, max] = [1, Infinity];
    else if (ch === '{' && /^\{\d+(,\d*)?\}/.test(this.src.slice(this.i))) {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
    } else return node;
    this.i++;
    if (this.src[this.i] === '?') this.i++;
    return { kind: 'repeat', node, min, max };
  }
}
