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
import { Declined, Quote, Scalar, decline, defaultQuote, keyText, scalarText } from './yamlScalar';

type Entry = [string, ONode];
/** A node of the file being written: a scalar (with the quotes it keeps, when changed in place), a map or a list. */
type ONode = ScalarNode | { map: Entry[] } | { seq: ONode[] };
/** `text`: the node's text once written (a node is never changed, only replaced, so the rewrite reuses it). */
type ScalarNode = { scalar: Scalar; keep?: Quote; text?: string };

/** A scalar node's text: in the quotes it keeps when it was changed in place (a plain one takes what its value needs). */
const scalarOf = (n: ScalarNode): string => (n.text ??= scalarText(n.scalar, n.keep === 'plain' ? undefined : n.keep));

// The loops below index their arrays and read entries as e[0] and e[1]: destructuring and for-of go through iterators,
// which V8's interpreter allocates and steps one call at a time, and the merge driver runs this code cold, once per file
// (about a fifth of its allocations were iterator objects); optimised code makes the same of either form.

/** Where `key` is in a map's entries, or -1. */
function indexOfKey(map: Entry[], key: string): number {
  for (let i = 0; i < map.length; i++) if (map[i][0] === key) return i;
  return -1;
}

function fromData(v: unknown): ONode {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { scalar: v };
  if (Array.isArray(v)) return { seq: v.map((x) => (x === undefined ? decline() : fromData(x))) };
  if (typeof v !== 'object') return decline();
  const r = v as Record<string, unknown>;
  const keys = Object.keys(r);
  const map: Entry[] = [];
  for (let i = 0; i < keys.length; i++) if (r[keys[i]] !== undefined) map.push([keys[i], fromData(r[keys[i]])]);
  return { map };
}

function toData(n: ONode): PlainValue {
  if ('scalar' in n) return n.scalar;
  if ('seq' in n) return n.seq.map(toData);
  const pairs: [string, PlainValue][] = [];
  for (let i = 0; i < n.map.length; i++) pairs.push([n.map[i][0], toData(n.map[i][1])]);
  return Object.fromEntries(pairs);
}

/** Lines of a block map at `indent`; a list's items at two more, as `yaml` writes them (indentSeq). */
function writeMap(entries: Entry[], indent: string, out: string[]): void {
  for (let i = 0; i < entries.length; i++) {
    const k = entries[i][0];
    const n = entries[i][1];
    keyText(k);
    if ('scalar' in n) out.push(`${indent}${k}: ${scalarOf(n)}`);
    else if ('map' in n && n.map.length) { out.push(`${indent}${k}:`); writeMap(n.map, `${indent}  `, out); } else if ('seq' in n && n.seq.length) { out.push(`${indent}${k}:`); writeSeq(n.seq, `${indent}  `, out); } else out.push(`${indent}${k}: ${'seq' in n ? '[]' : '{}'}`);
  }
}

function writeSeq(items: ONode[], indent: string, out: string[]): void {
  for (let i = 0; i < items.length; i++) {
    const n = items[i];
    if ('scalar' in n) out.push(`${indent}- ${scalarOf(n)}`);
    else if ('seq' in n) { if (n.seq.length) decline(); out.push(`${indent}- []`); } else if (!n.map.length) out.push(`${indent}- {}`);
    else {
      const at = out.length;
      writeMap(n.map, `${indent}  `, out);
      out[at] = `${indent}- ${out[at].slice(indent.length + 2)}`;
    }
  }
}

/** serializeSidecar's syncMap on the file's nodes: owned keys removed when absent, changes in place, new keys at the end. */
function syncMap(map: Entry[], obj: Record<string, unknown>, owned: readonly string[]): void {
  const keys = owned.slice();
  const own = Object.keys(obj);
  for (let i = 0; i < own.length; i++) if (!owned.includes(own[i])) keys.push(own[i]);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const want = obj[key];
    const at = indexOfKey(map, key);
    if (want === undefined) { if (at !== -1) map.splice(at, 1); continue; }
    if (at === -1) { map.push([key, fromData(want)]); continue; }
    const has = map[at][1];
    if (same(toData(has), want)) continue;
    if ('scalar' in has && (want === null || typeof want !== 'object')) {
      // Changed in place: the node keeps its quotes (a plain one takes what the new value needs).
      if (typeof has.scalar !== typeof want) decline();
      map[at][1] = { scalar: want as Scalar, keep: typeof has.scalar === 'string' ? defaultQuote(has.scalar) : undefined };
    } else map[at][1] = fromData(want);
  }
}

/** serializeSidecar's syncSeq: items by id (the file's first of each id), synced in place; new ones written afresh. */
function syncSeq(root: Entry[], key: string, items: Record<string, unknown>[], owned: readonly string[], optional: boolean): void {
  const at = indexOfKey(root, key);
  if (optional && items.length === 0) { if (at !== -1) root.splice(at, 1); return; }
  const old = at === -1 ? undefined : root[at][1];
  const byId = new Map<string, Entry[]>();
  const olds = old && 'seq' in old ? old.seq : [];
  for (let i = 0; i < olds.length; i++) {
    const n = olds[i];
    if (!('map' in n)) continue;
    const j = indexOfKey(n.map, 'id');
    const id = j === -1 ? undefined : n.map[j][1];
    const s = id && 'scalar' in id ? String(id.scalar) : 'undefined';
    if (!byId.has(s)) byId.set(s, n.map);
  }
  const next: ONode[] = items.map((item) => {
    const existing = byId.get(String(item.id));
    if (!existing) return fromData(item);
    syncMap(existing, item, owned);
    return { map: existing };
  });
  if (at === -1) root.push([key, { seq: next }]);
  else root[at][1] = { seq: next };
}

function write(lead: string, root: Entry[]): string {
  const out: string[] = [];
  writeMap(root, '', out);
  return `${lead}${out.join('\n')}\n`;
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
    const tree = fromData(data);
    if (!('map' in tree) || write(lead, tree.map) !== lf) return undefined;
    const plan = sidecarPlan(layer);
    syncMap(tree.map, plan.header, plan.headerOwned);
    for (const l of plan.lists) syncSeq(tree.map, l.key, l.items, l.owned, l.optional);
    const text = write(lead, tree.map);
    const read = readPlainYaml(text, memo);
    return read !== undefined && same(read, toData(tree)) ? { text, read } : undefined;
  } catch (e) {
    if (e instanceof Declined) return undefined;
    throw e;
  }
}
