// Three-way merge of two versions of a layer by annotation id: what a colleague or `git pull` changed on disk
// (theirs) against unsaved work in memory (mine), both descended from the version last read or written (base).
import { ClaimAnnotation, DiscussionComment, Dismissal, EntityAnnotation, Layer, SidecarHeader } from '../model';

export interface MergeConflict {
  id: string;
  /** What happened: both edited it differently, or one side deleted what the other edited. */
  kind: 'both-changed' | 'deleted-by-them' | 'deleted-by-me' | 'added-both';
  /** Where my version went, when it was kept beside theirs. */
  keptAs?: string;
}

export interface MergeResult {
  layer: Layer;
  conflicts: MergeConflict[];
}

/**
 * Deep equality of plain data, as comparing the JSON of both with sorted keys would say (a key set to undefined counts
 * as absent), without building that JSON: a layer of 5,000 annotations is compared in a few milliseconds.
 */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let defined = 0;
  for (const k in ra) {
    if (ra[k] === undefined) continue;
    defined++;
    if (!same(ra[k], rb[k])) return false;
  }
  for (const k in rb) if (rb[k] !== undefined) defined--;
  return defined === 0;
}

function freshId(id: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const candidate = `${id}-mine${n === 1 ? '' : n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export interface MergeOptions {
  /**
   * Ids of annotations mine added (or wrote) that were never seen in a version read back from disk. Theirs may have
   * been written by a writer that never saw them (a lost race, a synced folder), so their absence in theirs is not a
   * deletion: they are kept. By default (empty) a missing annotation that mine did not change is taken as deleted.
   */
  unconfirmed?: ReadonlySet<string>;
}

/** Merges one list by id: annotations, and review data (decisions, comments), which have ids too. */
function mergeList<T extends { id: string; note?: string }>(base: T[], mine: T[], theirs: T[], conflicts: MergeConflict[], taken: Set<string>, unconfirmed: ReadonlySet<string>): T[] {
  const b = new Map(base.map((a) => [a.id, a]));
  const m = new Map(mine.map((a) => [a.id, a]));
  const t = new Map(theirs.map((a) => [a.id, a]));
  const out: T[] = [];
  const ids = new Set([...b.keys(), ...m.keys(), ...t.keys()]);
  const keepMineBeside = (mv: T, kind: MergeConflict['kind']) => {
    const id = freshId(mv.id, taken);
    taken.add(id);
    const note = `Merge conflict: your unsaved version of ${mv.id}, kept beside the one on disk.${mv.note ? ` ${mv.note}` : ''}`;
    // Only annotations have a note; a comment or a decision kept beside is told apart by its id alone.
    out.push('start' in mv ? { ...mv, id, note } : { ...mv, id });
    conflicts.push({ id: mv.id, kind, keptAs: id });
  };
  for (const id of ids) {
    const bv = b.get(id);
    const mv = m.get(id);
    const tv = t.get(id);
    if (bv === undefined) {
      // Added on one side or both.
      if (mv && tv && !same(mv, tv)) { out.push(tv); keepMineBeside(mv, 'added-both'); } else out.push((tv ?? mv)!);
      continue;
    }
    if (tv === undefined && mv !== undefined && unconfirmed.has(id)) { out.push(mv); continue; }
    const mineChanged = mv === undefined || !same(mv, bv);
    const theirsChanged = tv === undefined || !same(tv, bv);
    if (!mineChanged) { if (tv) out.push(tv); continue; }
    if (!theirsChanged) { if (mv) out.push(mv); continue; }
    // Both sides changed it.
    if (mv === undefined && tv === undefined) continue;
    if (mv === undefined) { out.push(tv!); conflicts.push({ id, kind: 'deleted-by-me' }); continue; }
    if (tv === undefined) { out.push(mv); conflicts.push({ id, kind: 'deleted-by-them' }); continue; }
    if (same(mv, tv)) { out.push(tv); continue; }
    out.push(tv);
    keepMineBeside(mv, 'both-changed');
  }
  return out;
}

function mergeHeader(base: SidecarHeader, mine: SidecarHeader, theirs: SidecarHeader): SidecarHeader {
  const out = { ...theirs } as unknown as Record<string, unknown>;
  for (const k of Object.keys({ ...base, ...mine, ...theirs }) as (keyof SidecarHeader)[]) {
    if (same(theirs[k], base[k]) && !same(mine[k], base[k])) out[k] = mine[k];
  }
  return out as unknown as SidecarHeader;
}

/**
 * Merges by annotation id. A change on one side wins over no change on the other. Where both sides changed the same
 * annotation, theirs keeps the id and mine is kept beside it under a new id with a note; where one side deleted what
 * the other edited, the edited one is kept. Nothing disappears, and every such case is reported.
 */
export function merge3(base: Layer, mine: Layer, theirs: Layer, options: MergeOptions = {}): MergeResult {
  const unconfirmed = options.unconfirmed ?? new Set<string>();
  const conflicts: MergeConflict[] = [];
  const taken = new Set([...base.entities, ...base.claims, ...mine.entities, ...mine.claims, ...theirs.entities, ...theirs.claims].map((a) => a.id));
  const entities = mergeList<EntityAnnotation>(base.entities, mine.entities, theirs.entities, conflicts, taken, unconfirmed);
  const claims = mergeList<ClaimAnnotation>(base.claims, mine.claims, theirs.claims, conflicts, taken, unconfirmed);
  // Rejections only accumulate: a rejection from either side stays.
  const rejected = [...(theirs.rejected ?? []), ...(mine.rejected ?? [])].filter((r, i, all) => all.findIndex((x) => x.quote === r.quote && x.label === r.label) === i);
  const review = <T extends { id: string }>(key: 'dismissed' | 'discussion') => {
    const list = mergeList<T>((base[key] ?? []) as unknown as T[], (mine[key] ?? []) as unknown as T[], (theirs[key] ?? []) as unknown as T[], conflicts, new Set([...(base[key] ?? []), ...(mine[key] ?? []), ...(theirs[key] ?? [])].map((x) => x.id)), unconfirmed);
    return list.length ? { [key]: list } : {};
  };
  const layer: Layer = {
    header: mergeHeader(base.header, mine.header, theirs.header), entities, claims, ...(rejected.length ? { rejected } : {}),
    ...review<Dismissal>('dismissed'), ...review<DiscussionComment>('discussion'),
  };
  return { layer, conflicts };
}

export function layersEqual(a: Layer, b: Layer): boolean {
  return same(a, b);
}
