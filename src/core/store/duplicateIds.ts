// Duplicate annotation ids on load: the first keeps its id, every later one is renamed `<id>-dup-2`, `-dup-3`… (unique
// across entities and claims), kept, and reported. Merge, update and delete work by id, so two annotations that shared
// one would otherwise collapse into one, or be changed together.
import { Layer } from '../model';

/** One annotation renamed on load: where it is in the file, the id it has there, and the id it was given. */
export interface RenamedId {
  kind: 'entities' | 'claims' | 'dismissed' | 'discussion';
  index: number;
  from: string;
  to: string;
  /** Where the annotation that kept the id is (a JSON pointer, e.g. /entities/0). */
  first: string;
}

/** The longest id the schema allows. */
const MAX_ID = 64;

function freshId(id: string, taken: Set<string>): string {
  for (let n = 2; ; n++) {
    const suffix = `-dup-${n}`;
    const candidate = id.slice(0, MAX_ID - suffix.length) + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}

type WithIds = { entities?: { id: string }[]; claims?: { id: string }[]; dismissed?: { id: string }[]; discussion?: { id: string }[] };

/**
 * Renames duplicate ids in place (entities first, then claims, in file order) and returns what it renamed. Annotations
 * share one id space; review decisions (`dismissed`) and comments (`discussion`) each have their own.
 */
export function renameDuplicateIds(data: WithIds): RenamedId[] {
  return [
    ...renameIn(data, ['entities', 'claims']),
    ...renameIn(data, ['dismissed']),
    ...renameIn(data, ['discussion']),
  ];
}

/** Whether two of the items of `kinds` share an id (most sidecars: no, and nothing more is built). */
function hasDuplicate(data: WithIds, kinds: readonly RenamedId['kind'][]): boolean {
  const ids = new Set<string>();
  let n = 0;
  // Indexed: every read of a sidecar passes here (the merge driver cold), where for-of allocates an iterator.
  for (let k = 0; k < kinds.length; k++) {
    const list = data[kinds[k]] ?? [];
    for (let i = 0; i < list.length; i++) {
      ids.add(list[i].id);
      if (ids.size !== ++n) return true;
    }
  }
  return false;
}

/** Whether two annotations, two review decisions or two comments share an id (nothing is changed). */
export function hasDuplicateIds(data: WithIds): boolean {
  return hasDuplicate(data, ['entities', 'claims']) || hasDuplicate(data, ['dismissed']) || hasDuplicate(data, ['discussion']);
}

function renameIn(data: WithIds, kinds: readonly RenamedId['kind'][]): RenamedId[] {
  if (!hasDuplicate(data, kinds)) return [];
  const taken = new Set(kinds.flatMap((k) => data[k] ?? []).map((a) => a.id));
  const firstAt = new Map<string, string>();
  const renamed: RenamedId[] = [];
  for (const kind of kinds) {
    (data[kind] ?? []).forEach((a, index) => {
      const first = firstAt.get(a.id);
      if (first === undefined) {
        firstAt.set(a.id, `/${kind}/${index}`);
        return;
      }
      const to = freshId(a.id, taken);
      taken.add(to);
      renamed.push({ kind, index, from: a.id, to, first });
      a.id = to;
    });
  }
  return renamed;
}

/** The layer with the ids as the file has them (duplicates and all), for `sift validate`, which reports them. */
export function idsAsInFile(layer: Layer, renamed: readonly RenamedId[]): Layer {
  if (renamed.length === 0) return layer;
  const out: Layer = { ...layer, entities: [...layer.entities], claims: [...layer.claims] };
  for (const r of renamed) {
    const list = out[r.kind] as { id: string }[];
    list[r.index] = { ...list[r.index], id: r.from };
  }
  return out;
}
