// A fast reader for the plain block YAML that Sift writes (and most hand edits keep): block mappings and sequences,
// one scalar per line (plain, 'single' or "double" quoted), comments, CRLF, `[]` and `{}`. It gives exactly what YAML
// 1.2's core schema gives for such text, as the `yaml` library (the careful parser it falls back to) and js-yaml (its
// test oracle) both read it. Anything else (block scalars, flow collections, anchors, aliases, tags, multi-line scalars,
// tabs, odd indentation, duplicate keys, control characters, a byte-order mark, numbers the two parsers read
// differently) makes it return undefined, and the caller reads the text with the full parser instead. It never guesses.

import { allSchemaKeys } from './sidecarKeys';

export type PlainValue = null | boolean | number | string | PlainValue[] | { [key: string]: PlainValue };

/** Keys are plain words ([A-Za-z_][A-Za-z0-9_-]*, x- keys too), never one the CORE schema would turn into null or a boolean. */
const NOT_A_PLAIN_KEY = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '__proto__']);
/** Characters that cannot start a plain scalar, or start something this reader leaves alone. */
const NOT_PLAIN_START = new Set([...'#&*!|>\'"%@`[]{},'].map((c) => c.charCodeAt(0)));
/** Only plain scalars starting with one of these (or a digit) can be null, a boolean or a number. */
const MAYBE_NOT_STRING = new Set([...'+-.~nNtTfF'].map((c) => c.charCodeAt(0)));
/** Plain scalars the core schema reads as null or a boolean. */
const WORDS = new Map<string, null | boolean>([['~', null], ['null', null], ['Null', null], ['NULL', null], ['true', true], ['True', true], ['TRUE', true], ['false', false], ['False', false], ['FALSE', false]]);
/** Numbers in decimal notation, ints and floats, as both parsers read them (js-yaml reads a sign before a bare `.5` as text). */
const DECIMAL = /^(?:[-+]?[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/;
const INFINITY_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
/** Numbers one parser reads and the other does not, or reads otherwise: left to the full parser. */
const DISPUTED = /^(?:[-+]?0(?:b[01]+|o[0-7]+|x[0-9a-fA-F]+)|[-+]\.[0-9]+(?:[eE][-+]?[0-9]+)?|-0+)$/;
/** Double-quoted escapes, as both parsers read them (\x.. and \u.... are handled apart; \U and line continuations are left alone). */
const SIMPLE_ESCAPES = new Map(Object.entries({
  '0': '\x00', a: '\x07', b: '\x08', t: '\x09', n: '\x0A', v: '\x0B', f: '\x0C', r: '\x0D', e: '\x1B', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
  N: '\x85', _: '\xA0', L: '\u2028', P: '\u2029',
}));
const MAX_DEPTH = 16;
/** The keys the schema names, by a hash of their characters: a key read is one of these strings when it can be, which builds objects faster. */
const KNOWN_KEYS = new Map<number, string>();
const keyHash = (h: number, c: number) => (Math.imul(h, 31) + c) | 0;
for (const k of allSchemaKeys()) {
  let h = 0;
  for (let i = 0; i < k.length; i++) h = keyHash(h, k.charCodeAt(i));
  KNOWN_KEYS.set(h, k);
}

const SPACE = 0x20;
const LF = 0x0a;
const HASH = 0x23;
const isKeyStart = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
const isKeyChar = (c: number) => isKeyStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

function sameChars(s: string, from: number, key: string): boolean {
  for (let i = 0; i < key.length; i++) if (s.charCodeAt(from + i) !== key.charCodeAt(i)) return false;
  return true;
}

class Unusual extends Error {}
const unusual = (): never => { throw new Unusual(); };

/**
 * Checks a character outside printable ASCII at k: control characters (tabs and lone CRs too), C1 controls but NEL,
 * a BOM, U+FFFE/U+FFFF and lone surrogates are left to the full parser. Returns 1 for a surrogate pair (skip its second half), else 0.
 */
function oddChar(s: string, k: number, c: number): number {
  if (c < 0x20 || (c >= 0x7f && c <= 0x9f && c !== 0x85) || c === 0xfeff || c === 0xfffe || c === 0xffff) unusual();
  if (c >= 0xd800 && c <= 0xdfff) {
    const d = s.charCodeAt(k + 1);
    if (c > 0xdbff || !(d >= 0xdc00 && d <= 0xdfff)) unusual();
    return 1;
  }
  return 0;
}

/** The end of the comment at k (its line break, or the text's end), its characters checked. */
function commentEnd(s: string, k: number): number {
  for (; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === LF) return k;
    if (c < 0x20 || c > 0x7e) k += oddChar(s, k, c);
  }
  return k;
}

/** The value of a plain scalar, as the core schema resolves it; `digits`: it is all digits. */
function plain(s: string, digits: boolean): PlainValue {
  const c = s.charCodeAt(0);
  if (digits && s.length <= 15) return Number(s); // what the int resolver makes of plain digits
  if (!isDigit(c) && !MAYBE_NOT_STRING.has(c)) return s;
  const word = WORDS.get(s);
  if (word !== undefined) return word;
  if (c > 0x39) return s; // a letter or ~ that starts no word: the expressions below all start with a sign, a dot or a digit
  if (INFINITY_NAN.test(s)) return s.endsWith('n') || s.endsWith('N') ? NaN : s.startsWith('-') ? -Infinity : Infinity;
  if (DISPUTED.test(s)) return unusual();
  if (!DECIMAL.test(s)) return s;
  const n = Number(s);
  // Past the float range one parser gives Infinity, the other text; long digit runs are left alone, to be safe.
  if (!Number.isFinite(n) || /^[-+]?[0-9]{16}/.test(s)) unusual();
  return n;
}

/**
 * What a merge's reads of its sides share: each list item's data by its text (every line of it) and its depth. The
 * three sides of a merge and its result hold mostly the same annotations, so each is read once; the others take the
 * same objects, which the reader's callers never change. A text seen twice in one document is read twice (a
 * duplicate's id may be renamed in place).
 */
export class ItemMemo {
  /**
   * `reader`: the document that took the value last (documents are read one after another, each to its end), so that
   * no document takes one object twice.
   */
  readonly items = new Map<string, { depth: number; value: PlainValue; reader: object }>();
  /** Items found valid by the schema, by list (entities, claims…), in a document with no error and no unknown key. */
  readonly valid = new Map<string, Set<object>>();
}

/** Reads the text line by line, each line once; `pos` is always the start of a line. */
class Reader {
  private pos = 0;

  constructor(private readonly s: string, private readonly memo?: ItemMemo) {}

  /** Moves past blank lines and comment lines; returns the indentation of the next line, or -1 at the end. */
  private next(): number {
    const s = this.s;
    let p = this.pos;
    while (p < s.length) {
      let k = p;
      while (s.charCodeAt(k) === SPACE) k++;
      const c = s.charCodeAt(k);
      if (k < s.length && c !== LF && c !== HASH) {
        this.pos = p;
        return k - p;
      }
      p = commentEnd(s, k) + 1;
    }
    this.pos = p;
    return -1;
  }

  /** Ends the line at `p`: spaces, then a comment (after at least one space) or the line's end. */
  private endLine(p: number): void {
    const s = this.s;
    let k = p;
    while (s.charCodeAt(k) === SPACE) k++;
    if (k < s.length && s.charCodeAt(k) !== LF) {
      if (k === p || s.charCodeAt(k) !== HASH) unusual();
      k = commentEnd(s, k);
    }
    this.pos = k + 1;
  }

  document(): PlainValue {
    if (this.next() !== 0) unusual();
    const root = this.mapping(0, 0, false);
    if (this.next() !== -1) unusual();
    return root;
  }

  /** A block mapping whose keys stand at `indent`; `item`: its first key follows a sequence dash on the current line. */
  private mapping(indent: number, depth: number, item: boolean): { [key: string]: PlainValue } {
    if (depth > MAX_DEPTH) unusual();
    const s = this.s;
    const out: { [key: string]: PlainValue } = {};
    for (let at = item ? indent : this.next(); at !== -1 && at >= indent; at = this.next()) {
      if (at > indent) unusual();
      const from = this.pos + at;
      let p = from;
      let c = s.charCodeAt(p);
      if (!isKeyStart(c)) unusual();
      let hash = 0;
      do {
        hash = keyHash(hash, c);
        c = s.charCodeAt(++p);
      } while (isKeyChar(c));
      const n = p - from;
      const after = s.charCodeAt(p + 1);
      if (s.charCodeAt(p) !== 0x3a || (p + 1 < s.length && after !== SPACE && after !== LF)) unusual();
      let key = KNOWN_KEYS.get(hash);
      if (key === undefined || key.length !== n || !sameChars(s, from, key)) key = s.slice(from, p);
      if (((n === 4 || n === 5 || n === 9) && NOT_A_PLAIN_KEY.has(key)) || Object.prototype.hasOwnProperty.call(out, key)) unusual();
      const colon = p;
      while (s.charCodeAt(++p) === SPACE);
      c = s.charCodeAt(p);
      if (p < s.length && c !== LF && c !== HASH) {
        out[key] = this.scalar(p);
        continue;
      }
      // Nothing after the key: a more indented block follows.
      this.endLine(colon + 1);
      const inner = this.next();
      if (inner <= indent) unusual();
      const dash = this.pos + inner;
      out[key] = s.charCodeAt(dash) === 0x2d && s.charCodeAt(dash + 1) === SPACE ? this.sequence(inner, depth + 1) : this.mapping(inner, depth + 1, false);
    }
    return out;
  }

  /** A block sequence of mappings, each item starting `- key: ...`. */
  private sequence(indent: number, depth: number): PlainValue[] {
    if (depth > MAX_DEPTH) unusual();
    const s = this.s;
    const out: PlainValue[] = [];
    for (let at = this.next(); at !== -1 && at >= indent; at = this.next()) {
      const dash = this.pos + at;
      if (at > indent || s.charCodeAt(dash) !== 0x2d || s.charCodeAt(dash + 1) !== SPACE) unusual();
      let k = dash + 1;
      while (s.charCodeAt(k) === SPACE) k++;
      out.push(this.memo ? this.memoItem(k - this.pos, depth + 1) : this.mapping(k - this.pos, depth + 1, true));
    }
    return out;
  }

  /** The item starting on this line (its keys at `indent`), from the memo when its text was read before. */
  private memoItem(indent: number, depth: number): PlainValue {
    const start = this.pos;
    const end = this.itemEnd(indent);
    const text = this.s.slice(start, end);
    // The memo's entry marks the texts this document has taken: a Set of them per document took about 20 KB of the
    // young generation in a 72-annotation merge, in the merge driver's cold process.
    const known = this.memo!.items.get(text);
    if (known !== undefined && known.depth === depth && known.reader !== this) {
      known.reader = this;
      this.pos = end;
      return known.value;
    }
    const value = this.mapping(indent, depth, true);
    if (Math.min(this.pos, this.s.length) !== end) unusual(); // never: an item ends where its text does
    if (known === undefined) this.memo!.items.set(text, { depth, value, reader: this });
    return value;
  }

  /** The start of the first line after this one that is not blank or a comment and is indented less than `indent` (or the text's end). */
  private itemEnd(indent: number): number {
    const s = this.s;
    let p = s.indexOf('\n', this.pos) + 1;
    while (p > 0 && p < s.length) {
      let k = p;
      while (s.charCodeAt(k) === SPACE) k++;
      const c = s.charCodeAt(k);
      if (k < s.length && c !== LF && c !== HASH && k - p < indent) return p;
      p = s.indexOf('\n', k) + 1;
    }
    return s.length;
  }

  /** The one-line scalar at `p`; moves to the next line. */
  private scalar(p: number): PlainValue {
    const s = this.s;
    const first = s.charCodeAt(p);
    if (first === 0x22) return this.doubleQuoted(p);
    if (first === 0x27) return this.singleQuoted(p);
    if ((first === 0x5b && s.charCodeAt(p + 1) === 0x5d) || (first === 0x7b && s.charCodeAt(p + 1) === 0x7d)) {
      this.endLine(p + 2);
      return first === 0x5b ? [] : {};
    }
    const second = s.charCodeAt(p + 1);
    if (NOT_PLAIN_START.has(first) || ((first === 0x2d || first === 0x3f || first === 0x3a) && (p + 1 >= s.length || second === SPACE || second === LF))) unusual();
    // To the line's end or a comment (" #"); trailing spaces are not part of it; ": " or a final ":" is a mapping.
    let end = p;
    let k = p;
    let digits = true;
    for (; k < s.length; k++) {
      const c = s.charCodeAt(k);
      if (c === LF) break;
      if (c === SPACE) {
        digits = false;
        const d = s.charCodeAt(k + 1);
        if (d === HASH) {
          k = commentEnd(s, k);
          break;
        }
        continue;
      }
      if (c < 0x20 || c > 0x7e) {
        k += oddChar(s, k, c);
        digits = false;
        end = k + 1;
        continue;
      }
      if (c === 0x3a) {
        const d = s.charCodeAt(k + 1);
        if (k + 1 >= s.length || d === SPACE || d === LF) unusual();
      }
      digits &&= isDigit(c);
      end = k + 1;
    }
    this.pos = k + 1;
    return plain(s.slice(p, end), digits);
  }

  private doubleQuoted(p: number): string {
    const s = this.s;
    let out = '';
    let seg = p + 1;
    for (let k = seg; k < s.length; k++) {
      const c = s.charCodeAt(k);
      if (c === 0x22) {
        this.endLine(k + 1);
        return out + s.slice(seg, k);
      }
      if (c === LF) break; // not closed on this line
      if (c < 0x20 || c > 0x7e) k += oddChar(s, k, c);
      if (c !== 0x5c) continue;
      out += s.slice(seg, k);
      const e = s[k + 1];
      const simple = SIMPLE_ESCAPES.get(e);
      k += 2;
      if (simple !== undefined) out += simple;
      else if (e === 'x' || e === 'u') {
        const digits = e === 'x' ? 2 : 4;
        const hex = s.slice(k, k + digits);
        if (hex.length !== digits || !/^[0-9A-Fa-f]+$/.test(hex)) unusual();
        out += String.fromCharCode(parseInt(hex, 16));
        k += digits;
      } else unusual(); // \U, an escaped line break, or an unknown escape
      seg = k;
      k--;
    }
    return unusual();
  }

  private singleQuoted(p: number): string {
    const s = this.s;
    let out = '';
    let seg = p + 1;
    for (let k = seg; k < s.length; k++) {
      const c = s.charCodeAt(k);
      if (c === LF) break; // not closed on this line
      if (c < 0x20 || c > 0x7e) k += oddChar(s, k, c);
      if (c !== 0x27) continue;
      if (s.charCodeAt(k + 1) === 0x27) {
        out += s.slice(seg, k + 1);
        seg = k + 2;
        k++;
        continue;
      }
      this.endLine(k + 1);
      return out + s.slice(seg, k);
    }
    return unusual();
  }
}

/** The data in `source` when it is plain block YAML this reader takes whole; undefined when it should go to the full parser. */
export function readPlainYaml(source: string, memo?: ItemMemo): PlainValue | undefined {
  try {
    return new Reader(source.includes('\r') ? source.replace(/\r\n/g, '\n') : source, memo).document();
  } catch (e) {
    if (e instanceof Unusual) return undefined;
    throw e;
  }
}
