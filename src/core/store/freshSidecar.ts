// A fast writer for a sidecar written afresh (no document read before, so no comments or key order to keep): the
// bytes `serializeSidecar(layer)` gives, written straight from the plain data instead of through `yaml`'s document
// model (about ten times faster; `sift review --merge` writes thousands of new gold sidecars). It follows `yaml`'s
// own rules for block maps and sequences and for when a string is plain, single- or double-quoted, with the options
// `serializeSidecar` uses (no folding, a line break always escaped); for anything outside what it knows (an odd
// key, a number such as -0, a string that would start a YAML document marker at the top level) it hands the layer to
// `serializeSidecar`. test/unit/freshSidecar.test.ts holds it byte-identical to `serializeSidecar` on generated layers.
import { Document } from 'yaml';
import { Layer } from '../model';
import { SidecarPlan, TOP_COMMENT, serializeSidecar, sidecarPlan } from './sidecarFormat';

/** Thrown inside the writer when a value is outside its rules; the layer then goes to `serializeSidecar`. */
class Declined extends Error {}

/** `yaml`'s tests for the core schema's other types (null, bool, int, float): a string they match must be quoted. */
let otherTypes: RegExp[] | undefined;
function looksLikeOtherType(s: string): boolean {
  otherTypes ??= new Document().schema.tags
    .filter((t) => t.default && t.tag !== 'tag:yaml.org,2002:str' && t.test)
    .map((t) => t.test as RegExp);
  return otherTypes.some((re) => re.test(s));
}

/** As `yaml` writes a double-quoted string with `lineWidth: 0` and no multi-line form (stringifyString.js). */
function doubleQuoted(value: string): string {
  const json = JSON.stringify(value);
  let str = '';
  let start = 0;
  for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
    if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
      str += `${json.slice(start, i)}\\ `;
      i += 1;
      start = i;
      ch = '\\';
    }
    if (ch !== '\\') continue;
    if (json[i + 1] === 'u') {
      str += json.slice(start, i);
      const code = json.substr(i + 2, 4);
      const short: Record<string, string> = { '0000': '\\0', '0007': '\\a', '000b': '\\v', '001b': '\\e', '0085': '\\N', '00a0': '\\_', '2028': '\\L', '2029': '\\P' };
      str += short[code] ?? (code.startsWith('00') ? `\\x${code.slice(2)}` : json.substr(i, 6));
      i += 5;
      start = i + 1;
    } else {
      i += 1;
    }
  }
  return start ? str + json.slice(start) : json;
}

function quoted(value: string): string {
  const hasDouble = value.includes('"');
  const hasSingle = value.includes("'");
  return hasDouble && !hasSingle ? `'${value.replace(/'/g, "''")}'` : doubleQuoted(value);
}

const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;

/**
 * A string value (not a key) inside the top-level map, as `serializeSidecar` writes it (styleNode, then
 * stringifyString). No value here is at indent 0, where `yaml` would write a document marker as a block scalar.
 */
function stringValue(value: string): string {
  // serializeSidecar's styleNode: line breaks, tabs and edge spaces are written double-quoted.
  if (/[\n\r\t]/.test(value) || /^\s|\s$/.test(value)) return doubleQuoted(value);
  // yaml's own test: control characters and lone surrogates force double quotes.
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(value)) return doubleQuoted(value);
  if (NOT_PLAIN.test(value)) return quoted(value);
  return looksLikeOtherType(value) ? quoted(value) : value;
}

function scalar(value: unknown): string {
  if (typeof value === 'string') return stringValue(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || Object.is(value, -0)) throw new Declined();
    return JSON.stringify(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === null) return 'null';
  throw new Declined();
}

/** A key written plain: a simple name that no other type claims (anything else goes to serializeSidecar). */
function key(k: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) || looksLikeOtherType(k)) throw new Declined();
  return k;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The objects and arrays of the value being written (one header value, one list item): `yaml` writes one met twice
 * as an anchor and an alias, and a class instance (a Date) by its toJSON; both are left to serializeSidecar.
 */
let seen = new Set<object>();
function visitOnce(v: object): void {
  const proto = Object.getPrototypeOf(v) as unknown;
  if (seen.has(v) || (proto !== Object.prototype && proto !== Array.prototype && proto !== null)) throw new Declined();
  seen.add(v);
}

/** A map's entries at `indent` (the first line's indent written by the caller), each line ending in a newline. */
function mapBody(obj: Record<string, unknown>, indent: string, out: string[], first = true): void {
  let lead = !first;
  for (const k of Object.keys(obj)) {
    const v = obj[k];
    if (v === undefined) continue;
    out.push(`${lead ? indent : ''}${key(k)}:`);
    lead = true;
    value(v, indent, out);
  }
  if (!lead) throw new Declined(); // an empty map here would be `{}` on the line of its parent
}

/** What follows `key:` (or `-`): a scalar or empty collection on the same line, or a block collection below. */
function value(v: unknown, indent: string, out: string[]): void {
  if (typeof v === 'object' && v !== null) visitOnce(v);
  if (Array.isArray(v)) {
    if (v.length === 0) out.push(' []\n');
    else {
      out.push('\n');
      seqBody(v, `${indent}  `, out);
    }
  } else if (isObject(v)) {
    if (Object.values(v).every((x) => x === undefined)) out.push(' {}\n');
    else {
      out.push(`\n${indent}  `);
      mapBody(v, `${indent}  `, out);
    }
  } else {
    out.push(` ${scalar(v)}\n`);
  }
}

/** A block sequence's items at `indent`. */
function seqBody(items: readonly unknown[], indent: string, out: string[]): void {
  for (const item of items) {
    if (typeof item === 'object' && item !== null) visitOnce(item);
    if (isObject(item) && Object.values(item).some((x) => x !== undefined)) {
      out.push(`${indent}- `);
      mapBody(item, `${indent}  `, out);
    } else if (Array.isArray(item) || item === undefined) {
      throw new Declined();
    } else if (isObject(item)) {
      out.push(`${indent}- {}\n`);
    } else {
      out.push(`${indent}- ${scalar(item)}\n`);
    }
  }
}

function write(parts: SidecarPlan): string {
  const out: string[] = [`#${TOP_COMMENT.replace(/\n/g, '\n#')}\n\n`];
  const listKeys: readonly string[] = parts.lists.map((l) => l.key);
  // The order syncMap gives a new map: the keys Sift owns, then the others, each once it has a value.
  const { header, headerOwned: owned } = parts;
  for (const k of [...owned, ...Object.keys(header).filter((x) => !owned.includes(x))]) {
    if (header[k] === undefined) continue;
    if (listKeys.includes(k)) throw new Declined();
    seen = new Set();
    out.push(`${key(k)}:`);
    value(header[k], '', out);
  }
  for (const { key: k, items, optional } of parts.lists) {
    if (optional && items.length === 0) continue;
    out.push(`${key(k)}:`);
    if (items.length === 0) out.push(' []\n');
    else {
      out.push('\n');
      // Each item is its own createNode in syncSeq: an object met in two items is written twice, not aliased.
      for (const item of items) {
        seen = new Set();
        seqBody([item], '  ', out);
      }
    }
  }
  return out.join('');
}

/** The fresh writer's text for `layer`, or undefined when it declines (then serializeSidecar writes it). */
export function freshSidecarText(layer: Layer): string | undefined {
  try {
    return write(sidecarPlan(layer));
  } catch (e) {
    if (e instanceof Declined) return undefined;
    throw e;
  }
}

/**
 * The bytes `serializeSidecar(layer)` writes for a layer with no document before it (a new sidecar): written directly
 * when every value is within this writer's rules, by `serializeSidecar` otherwise.
 */
export function serializeFreshSidecar(layer: Layer): string {
  return freshSidecarText(layer) ?? serializeSidecar(layer);
}
