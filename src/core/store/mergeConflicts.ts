// Conflicts a git merge left inside a sidecar, in a form Sift loads: the top-level `x-sift-conflicts` list. The
// annotation (or header field) keeps "ours"; each entry holds what the other side and the common base had, until a
// person decides and deletes the entry. Sift reports every entry as an error (`merge-conflict`).
import { Problem } from './problems';

export const CONFLICTS_KEY = 'x-sift-conflicts';

/** One unresolved difference: the same field changed differently on both sides, or an edit against a deletion. */
export interface FieldConflict {
  /** Where: the header, or a list of annotations or review data. */
  in: 'header' | 'entities' | 'claims' | 'dismissed' | 'discussion';
  /** The annotation's (or comment's, decision's) id; absent for the header. */
  id?: string;
  /** The field changed on both sides; absent when one side deleted what the other edited. */
  field?: string;
  kind: 'both-changed' | 'added-both' | 'deleted-by-ours' | 'deleted-by-theirs';
  base?: unknown;
  ours?: unknown;
  theirs?: unknown;
}

/** The conflicts a sidecar's parsed data holds, or an empty list. */
export function conflictsIn(data: unknown): FieldConflict[] {
  if (!data || typeof data !== 'object') return [];
  const list = (data as Record<string, unknown>)[CONFLICTS_KEY];
  return Array.isArray(list) ? (list.filter((c) => c && typeof c === 'object') as FieldConflict[]) : [];
}

/** What a conflict says, in one line. */
export function describeConflict(c: FieldConflict): string {
  const what = c.in === 'header' ? `header field '${c.field ?? '?'}'` : `${c.in} '${String(c.id)}'${c.field ? ` field '${c.field}'` : ''}`;
  const why = c.kind === 'deleted-by-ours' ? 'deleted on our side and edited on theirs; the edited version is kept'
    : c.kind === 'deleted-by-theirs' ? 'deleted on their side and edited on ours; the edited version is kept'
      : 'changed differently on both sides; ours is kept, theirs is in x-sift-conflicts';
  return `merge conflict: ${what} ${why}; decide, then delete the entry from ${CONFLICTS_KEY}`;
}

/** The `merge-conflict` errors of a sidecar's data, placed by `at` (a JSON pointer to a line and column). */
export function conflictProblems(data: unknown, file: string, at: (pointer: string) => { line: number; col: number }): Problem[] {
  return conflictsIn(data).map((c, i) => ({
    file, ...at(`/${CONFLICTS_KEY}/${i}`), severity: 'error' as const, code: 'merge-conflict', message: describeConflict(c), ...(c.id ? { id: String(c.id) } : {}),
  }));
}
