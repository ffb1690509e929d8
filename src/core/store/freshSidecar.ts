// A fast writer for a sidecar written afresh (no document read before, so no comments or key order to keep): the
// bytes `serializeSidecar(layer)` gives, written straight from the plain data instead of through `yaml`'s document
// model (about ten times faster; `sift review --merge` writes thousands of new gold sidecars). It follows `yaml`'s
// own rules for block maps and sequences, and for scalars those of yamlScalar.ts, which the merge driver's writer
// (plainWriter.ts) shares; for anything outside what it knows (an odd key, NaN or an infinity, an object met twice,
// a class instance) it hands the layer to `serializeSidecar`. test/unit/freshSidecar.test.ts holds it
// byte-identical to `serializeSidecar` on generated layers.
import { Layer } from '../model';
import { SidecarPlan, TOP_COMMENT, serializeSidecar, sidecarPlan } from './sidecarFormat';
import { Declined, decline, keyText as key, scalarText } from './yamlScalar';

/** A scalar as `yaml` writes it (yamlScalar.ts); anything else (undefined, a function) is declined. */
function scalar(value: unknown): string {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? scalarText(value) : decline();
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The objects and arrays of the value being written (one header value, one list item): `yaml` writes one met twice
 * as an anchor and an alias, and a class instance (a Date) by its toJSON; both are left to serializeSidecar.
 */
let seen = new Set<object>();
function visitOnce(v: object): void {
  const proto = Object.getPrototypeOf(v) as unknown;
  if (seen.has(v) || (proto !== Object.prototype && proto !== Array.prototype && proto !== null)) decline();
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
  if (!lead) decline(); // an empty map here would be `{}` on the line of its parent
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
      decline();
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
    if (listKeys.includes(k)) decline();
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
