// A fast reader for the plain block YAML that Sift writes (and most hand edits keep): block mappings and sequences,
// one scalar per line (plain, 'single' or "double" quoted), comments, CRLF, `[]` and `{}`. It gives exactly what
// js-yaml's CORE schema gives for such text. Anything else (block scalars, flow collections, anchors, aliases, tags,
// multi-line scalars, tabs, odd indentation, duplicate keys, control characters, a byte-order mark) makes it return
// undefined, and the caller reads the text with the full parser instead. It never guesses.
import * as jsyaml from 'js-yaml';

export type PlainValue = null | boolean | number | string | PlainValue[] | { [key: string]: PlainValue };

/** js-yaml's own resolvers for plain scalars under the CORE schema (null, bool, int, float), in its order. */
const IMPLICIT: jsyaml.Type[] | undefined = (() => {
  const list = (jsyaml.CORE_SCHEMA as unknown as { compiledImplicit?: jsyaml.Type[] }).compiledImplicit;
  return Array.isArray(list) && list.length === 4 && list.every((t) => typeof t.resolve === 'function' && typeof t.construct === 'function') ? list : undefined;
})();

/** Characters this reader leaves to the full parser wherever they stand (tabs, control characters, a BOM). */
const UNUSUAL = /[\x00-\x09\x0B-\x1F\x7F-\x84\x86-\x9F\uFEFF\uFFFE\uFFFF]/;
/** Keys are plain words ([A-Za-z_][A-Za-z0-9_-]*, x- keys too), never one the CORE schema would turn into null or a boolean. */
const NOT_A_PLAIN_KEY = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '__proto__']);
/** Characters that cannot start a plain scalar, or start something this reader leaves alone. */
const NOT_PLAIN_START = new Set([...'#&*!|>\'"%@`[]{},']);
/** Double-quoted escapes, as js-yaml reads them (\x.. and \u.... are handled apart; \U and line continuations are left alone). */
const SIMPLE_ESCAPES = new Map(Object.entries({
  '0': '\x00', a: '\x07', b: '\x08', t: '\x09', n: '\x0A', v: '\x0B', f: '\x0C', r: '\x0D', e: '\x1B', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
  N: '\x85', _: '\xA0', L: '\u2028', P: '\u2029',
}));
const MAX_DEPTH = 16;
/** The keys Sift writes, by length: a key read is one of these strings when it can be, which builds objects faster. */
const KNOWN_KEYS: string[][] = [];
for (const k of ['sift', 'article', 'annotator', 'sha256', 'length', 'published', 'rejected', 'entities', 'claims', 'id', 'label', 'start', 'end',
  'quote', 'prefix', 'suffix', 'value', 'canonical', 'orphaned', 'note', 'created', 'updated', 'source', 'name', 'span', 'confidence', 'factuality',
  'cue', 'links', 'comments', 'relation', 'claim', 'author', 'at', 'text']) (KNOWN_KEYS[k.length] ??= []).push(k);

/** The key of length n at `from`. */
function keyAt(line: string, from: number, n: number): string {
  for (const k of KNOWN_KEYS[n] ?? []) if (line.startsWith(k, from)) return k;
  return line.slice(from, from + n);
}

class Unusual extends Error {}
const unusual = (): never => { throw new Unusual(); };

/** The value of a plain scalar, as the CORE schema resolves it. */
function plain(s: string): PlainValue {
  const c = s.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39) {
    if (s.length <= 15 && /^[0-9]+$/.test(s)) return Number(s); // what the int resolver makes of plain digits
  } else if (!'+-.~nNtTfF'.includes(s[0])) return s; // only these can start null, a boolean or a number
  for (const type of IMPLICIT!) if (type.resolve(s)) return type.construct(s) as PlainValue;
  return s;
}

/** What may follow a quoted scalar on its line: spaces, then a comment or nothing. */
function restIsEmpty(line: string, from: number): boolean {
  let i = from;
  while (line.charCodeAt(i) === 0x20) i++;
  return i === line.length || (i > from && line[i] === '#');
}

function doubleQuoted(line: string, from: number): string {
  let out = '';
  let seg = from + 1;
  for (;;) {
    const quote = line.indexOf('"', seg);
    const slash = line.indexOf('\\', seg);
    if (quote === -1) return unusual(); // not closed on this line
    if (slash === -1 || slash > quote) {
      if (!restIsEmpty(line, quote + 1)) unusual();
      return out + line.slice(seg, quote);
    }
    out += line.slice(seg, slash);
    const e = line[slash + 1];
    const simple = SIMPLE_ESCAPES.get(e);
    let next = slash + 2;
    if (simple !== undefined) out += simple;
    else if (e === 'x' || e === 'u') {
      const digits = e === 'x' ? 2 : 4;
      const hex = line.slice(next, next + digits);
      if (hex.length !== digits || !/^[0-9A-Fa-f]+$/.test(hex)) unusual();
      out += String.fromCharCode(parseInt(hex, 16));
      next += digits;
    } else unusual(); // \U, an escaped line break, or an unknown escape
    seg = next;
  }
}

function singleQuoted(line: string, from: number): string {
  let out = '';
  let seg = from + 1;
  for (let i = from + 1; i < line.length; i++) {
    if (line[i] !== "'") continue;
    if (line[i + 1] === "'") {
      out += line.slice(seg, i + 1);
      seg = i + 2;
      i++;
      continue;
    }
    if (!restIsEmpty(line, i + 1)) unusual();
    return out + line.slice(seg, i);
  }
  return unusual();
}

/** The scalar that starts at `from` and ends with the line (or at a comment). */
function scalar(line: string, from: number): PlainValue {
  const first = line[from];
  if (first === '"') return doubleQuoted(line, from);
  if (first === "'") return singleQuoted(line, from);
  if ((first === '[' || first === '{') && /^(?:\[\]|\{\}) *(?: #.*)?$/.test(line.slice(from))) return first === '[' ? [] : {};
  if (NOT_PLAIN_START.has(first) || ((first === '-' || first === '?' || first === ':') && (from + 1 >= line.length || line[from + 1] === ' '))) unusual();
  const hash = line.indexOf(' #', from);
  let end = hash === -1 ? line.length : hash;
  while (end > from && line.charCodeAt(end - 1) === 0x20) end--;
  const colon = line.indexOf(': ', from);
  if ((colon !== -1 && colon < end) || line.charCodeAt(end - 1) === 0x3a) unusual();
  return plain(line.slice(from, end));
}

/** The length of the plain key at `from` ("name:" followed by a space or the line's end), or 0. */
function keyLength(line: string, from: number): number {
  let i = from;
  const c0 = line.charCodeAt(i);
  if (!((c0 >= 0x61 && c0 <= 0x7a) || (c0 >= 0x41 && c0 <= 0x5a) || c0 === 0x5f)) return 0;
  for (i++; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d)) break;
  }
  return line.charCodeAt(i) === 0x3a && (i + 1 === line.length || line.charCodeAt(i + 1) === 0x20) ? i - from : 0;
}

class Reader {
  private i = 0;

  constructor(private readonly lines: string[]) {}

  /** Moves past blank lines and comment lines; returns the indentation of the next line, or -1 at the end. */
  private next(): number {
    for (; this.i < this.lines.length; this.i++) {
      const line = this.lines[this.i];
      let k = 0;
      while (line.charCodeAt(k) === 0x20) k++;
      if (k < line.length && line[k] !== '#') return k;
    }
    return -1;
  }

  document(): PlainValue {
    if (this.next() !== 0) unusual();
    const root = this.mapping(0, 0);
    if (this.next() !== -1) unusual();
    return root;
  }

  private mapping(indent: number, depth: number): { [key: string]: PlainValue } {
    if (depth > MAX_DEPTH) unusual();
    const out: { [key: string]: PlainValue } = {};
    for (let at = this.next(); at !== -1 && at >= indent; at = this.next()) {
      if (at > indent) unusual();
      const line = this.lines[this.i];
      const n = keyLength(line, at);
      if (n === 0) unusual();
      const key = keyAt(line, at, n);
      if (((n === 4 || n === 5 || n === 9) && NOT_A_PLAIN_KEY.has(key)) || Object.prototype.hasOwnProperty.call(out, key)) unusual();
      let from = at + n + 1;
      while (line.charCodeAt(from) === 0x20) from++;
      if (from < line.length && line[from] !== '#') {
        out[key] = scalar(line, from);
        this.i++;
        continue;
      }
      // Nothing after the key: a more indented block follows.
      this.i++;
      const inner = this.next();
      if (inner <= indent) unusual();
      out[key] = this.lines[this.i].startsWith('- ', inner) ? this.sequence(inner, depth + 1) : this.mapping(inner, depth + 1);
    }
    return out;
  }

  /** A block sequence of mappings, each item starting `- key: ...`. */
  private sequence(indent: number, depth: number): PlainValue[] {
    if (depth > MAX_DEPTH) unusual();
    const out: PlainValue[] = [];
    for (let at = this.next(); at !== -1 && at >= indent; at = this.next()) {
      const line = this.lines[this.i];
      if (at > indent || !line.startsWith('- ', at)) unusual();
      // The item's first key sits on the dash's line: read it as if the dash were a space.
      const item = `${line.slice(0, at)} ${line.slice(at + 1)}`;
      let k = at + 1;
      while (item.charCodeAt(k) === 0x20) k++;
      if (keyLength(item, k) === 0) unusual();
      this.lines[this.i] = item;
      out.push(this.mapping(k, depth + 1));
    }
    return out;
  }
}

/** No lone surrogates (String.prototype.isWellFormed, Node 20+; the regex where it is missing). */
function wellFormed(s: string): boolean {
  const native = (s as { isWellFormed?: () => boolean }).isWellFormed;
  return native ? native.call(s) : !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}

/** The data in `source` when it is plain block YAML this reader takes whole; undefined when it should go to the full parser. */
export function readPlainYaml(source: string): PlainValue | undefined {
  if (!IMPLICIT) return undefined;
  let text = source;
  if (text.includes('\r')) text = text.replace(/\r\n/g, '\n');
  if (UNUSUAL.test(text) || !wellFormed(text)) return undefined;
  try {
    return new Reader(text.split('\n')).document();
  } catch (e) {
    if (e instanceof Unusual) return undefined;
    throw e;
  }
}
