// Rewriting a sidecar without the `yaml` document, for the merge driver's common case: a file in the plain layout Sift
// writes. It gives the bytes `serializeSidecar(layer, parseSidecar(text).doc)` gives, or undefined whenever it is not
// sure to, and the caller takes that slow path. It is sure when (1) the file's data, written by this writer, gives the
// file back byte for byte (so every scalar is in the style `yaml` would choose, and there are no comments but the
// leading block), and (2) the rewrite follows serializeSidecar's rules (sidecarPlan; keys kept in place, new keys
// appended, a scalar changed in place keeping its quotes), and (3) what it writes reads back as the data it meant.
// test/unit/plainWriter.test.ts holds it to the slow path's bytes on generated sidecars.
import { Layer } from '../model';
import { same } from './merge';
import { ItemMemo, PlainValue, readPlainYaml } from './plainYaml';
import { sidecarPlan } from './sidecarFormat';
import { Known, Lines, dash, spaces } from './plainLines';
import { Declined, Quote, Scalar, decline, defaultQuote, keyText, scalarText } from './yamlScalar';

// What the rewrite writes is the file's data as read (and the plan's, for what changed), never copied: only the parts
// it changes become nodes. Plain data is never changed in place; so a list item written once (by the layout check) is
// written again from its lines, and reads back, through the merge's ItemMemo, as the very object it was written from.

/** A scalar changed in place: it keeps the quotes it had (a plain one takes what its value needs). */
class Changed {
  text?: string;
  constructor(readonly scalar: Scalar, readonly keep: Quote | undefined) {}
}
/** A map whose entries the rewrite changed (an item synced, the root). */
class MapNode {
  constructor(readonly map: Entry[]) {}
}
type Entry = [string, unknown];
type Rec = Record<string, unknown>;

// The loops below index their arrays and read entries as e[0] and e[1]: destructuring and for-of go through iterators,
// which V8's interpreter allocates and steps one call at a time, and the merge driver runs this code cold, once per file
// (about a fifth of its allocations were iterator objects); optimised code makes the same of either form.

/** Where `key` is in a map's entries, or -1. */
function indexOfKey(map: Entry[], key: string): number {
  for (let i = 0; i < map.length; i++) if (map[i][0] === key) return i;
  return -1;
}

const own = (r: Rec, k: string): unknown => (Object.prototype.hasOwnProperty.call(r, k) ? r[k] : undefined);
/** A map to write: a changed one, or an object of plain data (not a list, not a changed scalar). */
const isMap = (v: unknown): v is MapNode | Rec => v instanceof MapNode || (typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Changed));

/** An object's entries that have a value, as a map the rewrite can change. */
function editable(r: Rec): MapNode {
  const keys = Object.keys(r);
  const map: Entry[] = [];
  for (let i = 0; i < keys.length; i++) if (r[keys[i]] !== undefined) map.push([keys[i], r[keys[i]]]);
  return new MapNode(map);
}

/** The data a written value stands for (a list the rewrite made may hold changed items). */
function toData(n: unknown): PlainValue {
  if (n instanceof Changed) return n.scalar;
  if (Array.isArray(n)) return n.map(toData);
  if (!(n instanceof MapNode)) return n as PlainValue;
  const pairs: [string, PlainValue][] = [];
  for (let i = 0; i < n.map.length; i++) pairs.push([n.map[i][0], toData(n.map[i][1])]);
  return Object.fromEntries(pairs);
}

function scalarOf(v: unknown): string {
  if (v instanceof Changed) return (v.text ??= scalarText(v.scalar, v.keep === 'plain' ? undefined : v.keep));
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? scalarText(v) : decline();
}

/** Whether a map has an entry to write. */
function hasEntries(m: MapNode | Rec): boolean {
  if (m instanceof MapNode) return m.map.length > 0;
  for (const k in m) if (Object.prototype.hasOwnProperty.call(m, k) && m[k] !== undefined) return true;
  return false;
}

/** One key's lines at `indent` (the first line of a list item starts with its dash: `prefix`). */
function writeEntry(k: string, v: unknown, indent: number, prefix: string, o: Lines): void {
  keyText(k);
  if (Array.isArray(v)) {
    if (v.length) { o.line(prefix, k, ':', ''); writeSeq(v, indent + 2, o); } else o.line(prefix, k, ': ', '[]');
  } else if (isMap(v)) {
    if (hasEntries(v)) { o.line(prefix, k, ':', ''); writeMap(v, indent + 2, o); } else o.line(prefix, k, ': ', '{}');
  } else o.line(prefix, k, ': ', scalarOf(v));
}

/** Lines of a block map at `indent`; a list's items at two more, as `yaml` writes them (indentSeq). */
function writeMap(m: MapNode | Rec, indent: number, o: Lines, first?: string): void {
  if (m instanceof MapNode) {
    for (let i = 0; i < m.map.length; i++) writeEntry(m.map[i][0], m.map[i][1], indent, i === 0 && first !== undefined ? first : spaces(indent), o);
    return;
  }
  const keys = Object.keys(m);
  let prefix = first ?? spaces(indent);
  for (let i = 0; i < keys.length; i++) {
    const v = m[keys[i]];
    if (v === undefined) continue;
    writeEntry(keys[i], v, indent, prefix, o);
    prefix = spaces(indent);
  }
}

function writeSeq(items: unknown[], indent: number, o: Lines): void {
  for (let i = 0; i < items.length; i++) {
    const n = items[i];
    if (Array.isArray(n)) { if (n.length) decline(); o.line(dash(indent), '', '', '[]'); continue; }
    if (!isMap(n)) { o.line(dash(indent), '', '', scalarOf(n)); continue; }
    if (!hasEntries(n)) { o.line(dash(indent), '', '', '{}'); continue; }
    if (o.reuse(n, indent)) continue;
    const at = o.mark();
    writeMap(n, indent + 2, o, dash(indent));
    if (!(n instanceof MapNode)) o.remember(n, indent, at);
  }
}

/** The keys serializeSidecar's syncMap goes through: the owned ones, then the value's others in its order. */
function syncKeys(obj: Rec, owned: readonly string[]): string[] {
  const keys = owned.slice();
  const more = Object.keys(obj);
  for (let i = 0; i < more.length; i++) if (!owned.includes(more[i])) keys.push(more[i]);
  return keys;
}

/** Whether syncMap would leave the file's key `k` as it is. */
function keeps(r: Rec, obj: Rec, k: string): boolean {
  const want = obj[k];
  const has = own(r, k);
  return want === undefined ? has === undefined : has !== undefined && same(has, want);
}

/**
 * Whether syncMap would leave the file's map `r` as it is: every key's value already the same, none to add or remove.
 * The keys of syncKeys, gone through without building their list (for-in takes V8's cached keys of an object's shape;
 * two arrays per annotation took some 40 KB of the merge driver's young generation in a 96-annotation merge).
 */
function unchanged(r: Rec, obj: Rec, owned: readonly string[]): boolean {
  for (let i = 0; i < owned.length; i++) if (!keeps(r, obj, owned[i])) return false;
  for (const k in obj) if (Object.prototype.hasOwnProperty.call(obj, k) && !owned.includes(k) && !keeps(r, obj, k)) return false;
  return true;
}

/** serializeSidecar's syncMap on the file's map: owned keys removed when absent, changes in place, new keys at the end. */
function syncMap(node: MapNode, obj: Rec, owned: readonly string[]): void {
  const map = node.map;
  const keys = syncKeys(obj, owned);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const want = obj[key];
    const at = indexOfKey(map, key);
    if (want === undefined) { if (at !== -1) map.splice(at, 1); continue; }
    if (at === -1) { map.push([key, want]); continue; }
    const has = map[at][1];
    if (same(toData(has), want)) continue;
    const was = has instanceof Changed ? has.scalar : has;
    if ((was === null || typeof was !== 'object') && (want === null || typeof want !== 'object')) {
      // Changed in place: the node keeps its quotes (a plain one takes what the new value needs).
      if (typeof was !== typeof want) decline();
      map[at][1] = new Changed(want as Scalar, typeof was === 'string' ? defaultQuote(was) : undefined);
    } else map[at][1] = want;
  }
}

/** serializeSidecar's syncSeq: items by id (the file's first of each id), synced in place; new ones written afresh. */
function syncSeq(root: MapNode, key: string, items: Rec[], owned: readonly string[], optional: boolean): void {
  const at = indexOfKey(root.map, key);
  if (optional && items.length === 0) { if (at !== -1) root.map.splice(at, 1); return; }
  const old = at === -1 ? undefined : root.map[at][1];
  const byId = new Map<string, Rec>();
  const olds: unknown[] = Array.isArray(old) ? (old as unknown[]) : [];
  for (let i = 0; i < olds.length; i++) {
    const n = olds[i];
    if (!isMap(n) || n instanceof MapNode) continue;
    const id = own(n, 'id');
    const s = id === null || typeof id === 'string' || typeof id === 'number' || typeof id === 'boolean' ? String(id) : 'undefined';
    if (!byId.has(s)) byId.set(s, n);
  }
  const next = items.map((item) => {
    const existing = byId.get(String(item.id));
    if (!existing) return item;
    if (unchanged(existing, item, owned)) return existing;
    const node = editable(existing);
    syncMap(node, item, owned);
    return node;
  });
  if (at === -1) root.map.push([key, next]);
  else root.map[at][1] = next;
}

/** `root`'s text after `lead`; or, given `against`, that text when `root` written gives it exactly, else undefined. */
function write(lead: string, root: MapNode | Rec, known: Map<object, Known>, against?: string): string | undefined {
  const o = new Lines(known, against, lead.length);
  writeMap(root, 0, o);
  return o.finish(lead);
}

/** What the fast writer wrote: the text, and what the plain reader reads from it (read back to check it). */
export interface PlainRewrite {
  text: string;
  read: PlainValue;
}

/**
 * `serializeSidecar(layer, parseSidecar(previous).doc)` without `yaml` (LF line ends, as it gives), when `previous` is
 * in Sift's plain layout; undefined otherwise (the caller then takes that slow path). `previousRead` is what
 * readPlainYaml gives for `previous`, when the caller has read it already (a merge reads ours first); it is used
 * only for text without CRs, which the writer reads as it is. `memo`: the merge's (ItemMemo), for reading back.
 */
export function rewritePlainSidecar(previous: string, layer: Layer, previousRead?: PlainValue, memo?: ItemMemo): PlainRewrite | undefined {
  try {
    const crs = previous.includes('\r');
    const lf = crs ? previous.replace(/\r\n/g, '\n') : previous;
    const data = previousRead !== undefined && !crs ? previousRead : readPlainYaml(lf);
    if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
    const lead = /^(?:#[^\n]*\n)+\n/.exec(lf)?.[0] ?? '';
    // The layout check: the data written against the file (each list item then known by its text there).
    const known = new Map<object, Known>();
    if (write(lead, data, known, lf) === undefined) return undefined;
    const plan = sidecarPlan(layer);
    const root = editable(data);
    syncMap(root, plan.header, plan.headerOwned);
    for (const l of plan.lists) syncSeq(root, l.key, l.items, l.owned, l.optional);
    const text = write(lead, root, known)!;
    const read = readPlainYaml(text, memo);
    return read !== undefined && same(read, toData(root)) ? { text, read } : undefined;
  } catch (e) {
    if (e instanceof Declined) return undefined;
    throw e;
  }
}
