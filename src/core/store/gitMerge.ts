// The three-way merge `sift merge-driver` does for git: sidecars merged by annotation id and, within an annotation,
// field by field. It follows the store's in-editor merge (merge.ts) where its rules fit a merge of two committed
// versions, and is stricter where they do not: the same field changed differently on both sides keeps ours in place
// and records theirs and the base in `x-sift-conflicts` (mergeConflicts.ts) instead of adding a copy under a new id.
import { Layer } from '../model';
import { same } from './merge';
import { CONFLICTS_KEY, FieldConflict, conflictsIn } from './mergeConflicts';
import { assertLoads, parseSidecar, readSidecar, serializeSidecar } from './sidecarFormat';
import { rewritePlainSidecar } from './plainWriter';
import { ItemMemo } from './plainYaml';

type Rec = Record<string, unknown>;
type Where = FieldConflict['in'];

export interface SidecarMergeResult {
  /** The merged sidecar's text, in Sift's layout (ours' document, so its comments survive). */
  text: string;
  /** The conflicts this merge found (also written in the file). */
  conflicts: FieldConflict[];
}

/** A stable key for plain data: JSON with sorted keys. */
function canon(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canon).join(',')}]`;
  if (v && typeof v === 'object') {
    const r = v as Rec;
    return `{${Object.keys(r).filter((k) => r[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canon(r[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** Three-way merge of a list taken as a set (links, comments, `from`, rejections): additions and removals of both. */
export function mergeSet<T>(base: readonly T[], ours: readonly T[], theirs: readonly T[]): T[] {
  const b = new Set(base.map(canon));
  const t = new Set(theirs.map(canon));
  const out: T[] = [];
  const seen = new Set<string>();
  const add = (v: T, k: string) => { if (!seen.has(k)) { seen.add(k); out.push(v); } };
  for (const v of ours) { const k = canon(v); if (t.has(k) || !b.has(k)) add(v, k); }
  const o = new Set(ours.map(canon));
  for (const v of theirs) { const k = canon(v); if (!o.has(k) && !b.has(k)) add(v, k); }
  return out;
}

/** Drops undefined values, so a conflict entry writes only what the sides had. */
function defined(r: Rec): Rec {
  return Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined));
}

/**
 * The strings of `lists` in order, each once (as a Set of them all would iterate). Indexed loops here and below: the
 * merge driver runs this cold, once per file, where V8's interpreter allocates an iterator object for each for-of step.
 */
function union(lists: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (let l = 0; l < lists.length; l++) {
    for (let i = 0; i < lists[l].length; i++) {
      const k = lists[l][i];
      if (!seen.has(k)) { seen.add(k); out.push(k); }
    }
  }
  return out;
}

/** Field by field: a change on one side wins; the same change on both is one; different changes keep ours, recorded. */
function mergeFields(base: Rec | undefined, ours: Rec, theirs: Rec, where: Where, id: string | undefined, conflicts: FieldConflict[]): Rec {
  const out: Rec = {};
  const keys = union([Object.keys(ours), Object.keys(theirs), Object.keys(base ?? {})]);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const b = base?.[k];
    const o = ours[k];
    const t = theirs[k];
    let v: unknown;
    if (same(o, t)) v = o;
    else if (base && same(o, b)) v = t;
    else if (base && same(t, b)) v = o;
    else if (Array.isArray(o) && Array.isArray(t) && (b === undefined || Array.isArray(b))) v = mergeSet((b ?? []) as unknown[], o, t);
    else {
      v = o;
      conflicts.push(defined({ in: where, id, field: k, kind: base ? 'both-changed' : 'added-both', base: b, ours: o, theirs: t }) as unknown as FieldConflict);
    }
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/**
 * Each id's version on the three sides, in one table (where it was first seen: ours' ids in order, then theirs', then
 * the base's): one Map, not a Map per side and a Set of ids, each filled from arrays of pairs. In the merge driver's
 * cold process those took about 500 bytes more per annotation (a merge of 72 annotations: 78 KB, now 41 KB), in a young
 * generation of which the driver has about 500 KB left when it starts.
 * Within a side the last of an id wins, as a Map built from the side would give.
 */
function bySides<T extends { id: string }>(sides: readonly (readonly T[] | undefined)[]): (T | undefined)[] {
  const slot = new Map<string, number>();
  const table: (T | undefined)[] = [];
  for (let side = 0; side < sides.length; side++) {
    const list = sides[side] ?? [];
    for (let i = 0; i < list.length; i++) {
      let at = slot.get(list[i].id);
      if (at === undefined) {
        at = table.length;
        slot.set(list[i].id, at);
        for (let s = 0; s < sides.length; s++) table.push(undefined);
      }
      table[at + side] = list[i];
    }
  }
  return table;
}

/** Merges one list by id (annotations, decisions, comments); an edit against a deletion keeps the edit, recorded. */
function mergeById<T extends { id: string }>(where: Where, base: readonly T[] | undefined, ours: readonly T[], theirs: readonly T[], conflicts: FieldConflict[]): T[] {
  const table = bySides([ours, theirs, base]);
  const out: T[] = [];
  for (let at = 0; at < table.length; at += 3) {
    const ov = table[at];
    const tv = table[at + 1];
    const bv = table[at + 2];
    // The same object on both sides (the merge's reads share an annotation read once): mergeFields would copy it.
    if (ov && tv) { out.push(ov === tv ? ov : mergeFields(bv, ov, tv, where, ov.id, conflicts) as unknown as T); continue; }
    if (!ov && !tv) continue; // deleted on both sides
    const only = (ov ?? tv)!;
    if (bv === undefined) { out.push(only); continue; }
    if (same(only, bv)) continue;
    out.push(only);
    conflicts.push({ in: where, id: only.id, kind: ov ? 'deleted-by-theirs' : 'deleted-by-ours' });
  }
  return out;
}

/** Merges two layers from a common base (absent when both sides added the file). */
export function mergeLayers(base: Layer | undefined, ours: Layer, theirs: Layer): { layer: Layer; conflicts: FieldConflict[] } {
  const conflicts: FieldConflict[] = [];
  const strip = (h: object | undefined): Rec | undefined => {
    if (!h) return undefined;
    const { [CONFLICTS_KEY]: _drop, ...rest } = h as Rec;
    return rest;
  };
  const header = mergeFields(strip(base?.header), strip(ours.header)!, strip(theirs.header)!, 'header', undefined, conflicts);
  const entities = mergeById('entities', base?.entities, ours.entities, theirs.entities, conflicts);
  const claims = mergeById('claims', base?.claims, ours.claims, theirs.claims, conflicts);
  const dismissed = mergeById('dismissed', base?.dismissed, ours.dismissed ?? [], theirs.dismissed ?? [], conflicts);
  const discussion = mergeById('discussion', base?.discussion, ours.discussion ?? [], theirs.discussion ?? [], conflicts);
  const rejected = mergeSet(base?.rejected ?? [], ours.rejected ?? [], theirs.rejected ?? []);
  // Conflicts left from an earlier merge stay until someone deletes them; this merge's are added.
  const left = mergeSet(conflictsIn(base?.header), conflictsIn(ours.header), conflictsIn(theirs.header));
  const all = [...left, ...conflicts];
  const layer: Layer = {
    header: { ...header, ...(all.length ? { [CONFLICTS_KEY]: all } : {}) } as unknown as Layer['header'],
    entities, claims,
    ...(rejected.length ? { rejected } : {}), ...(dismissed.length ? { dismissed } : {}), ...(discussion.length ? { discussion } : {}),
  };
  return { layer, conflicts };
}

/**
 * Merges three sidecar texts: base (empty when both sides added the file), ours and theirs. Throws the SidecarError
 * of a side that does not parse; the caller falls back to a text merge. An unchanged side gives the other's bytes,
 * and a merge that changes nothing in ours gives ours' bytes, so merging an already merged file makes no churn.
 */
export function mergeSidecarTexts(baseText: string, oursText: string, theirsText: string, file: string): SidecarMergeResult {
  if (oursText === theirsText || theirsText === baseText) return { text: oursText, conflicts: [] };
  // All three by the fast reader (the same layers and errors as parseSidecar); ours' document only when it is needed.
  // An annotation with the same text in several sides (most of them) is read once (ItemMemo).
  const memo = new ItemMemo();
  const { layer: ours, read: oursRead } = readSidecar(oursText, file, memo);
  const theirs = readSidecar(theirsText, file, memo);
  if (oursText === baseText) return { text: theirsText, conflicts: [] };
  const base = baseText.trim() === '' ? undefined : readSidecar(baseText, file, memo);
  const { layer, conflicts } = mergeLayers(base?.layer, ours, theirs.layer);
  if (conflicts.length === 0 && same(layer, ours)) return { text: oursText, conflicts };
  // Ours rewritten in Sift's layout on its own document (its comments and layout are kept): without `yaml` when ours
  // is in the plain layout Sift writes (the same bytes; from ours as already read), else through its document.
  const plain = rewritePlainSidecar(oursText, layer, oursRead, memo);
  let text = plain?.text ?? serializeSidecar(layer, parseSidecar(oursText, file).doc);
  const crlf = oursText.includes('\r\n');
  if (crlf) text = text.replace(/\r?\n/g, '\r\n');
  // What is written must load: a result that would not is refused (the caller falls back to a text merge). The fast
  // writer's text was read back already; with CRLF line ends put in, it is read again.
  assertLoads(text, file, crlf ? undefined : plain?.read, memo);
  return { text, conflicts };
}
