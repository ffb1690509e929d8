// Ids of new annotations and dismissals: `e-`, `c-` or `x-` and 8 hex digits. Random by default (crypto bytes, drawn
// in blocks rather than one system call per id: text/random.ts); seeded, for tests and differential runs, when a seed is given
// (`sift review --merge --seed S`, or SIFT_ID_SEED): then the ids depend only on the seed, the layer they are made
// for (article file name and annotator, not the folder, so two copies of a corpus get the same ids) and their order
// in that layer, so two runs write the same bytes.
import { sha256Hex } from '../text/hash';
import { randomHex } from '../text/random';

export type IdKind = 'entity' | 'claim' | 'dismissal';
/** Makes one new id of a kind; the session retries while the id is taken in its layer. */
export type IdSource = (kind: IdKind) => string;

const PREFIX: Record<IdKind, string> = { entity: 'e', claim: 'c', dismissal: 'x' };

/** A random id of `kind`: 4 random bytes. */
export function randomId(kind: IdKind): string {
  return `${PREFIX[kind]}-${randomHex(4)}`;
}

/**
 * Ids from `seed` for one layer (`scope`, e.g. `a1.txt/gold`): the n-th id asked for is the first 8 hex digits of
 * sha256(seed, scope, n), the same from run to run.
 */
export function seededIds(seed: string, scope: string): IdSource {
  let n = 0;
  return (kind) => `${PREFIX[kind]}-${sha256Hex(`${seed}\u0000${scope}\u0000${n++}`).slice(0, 8)}`;
}

/** The ids of one layer: seeded when `seed` is given, random otherwise. */
export function idsFor(scope: string, seed?: string): IdSource {
  return seed === undefined ? randomId : seededIds(seed, scope);
}
