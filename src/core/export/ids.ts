// Record ids. An article's id is its file name without the extension, as long as no other article of the export has
// that name; articles that share one (a/x.txt and b/x.txt) take their path relative to the export's root instead, with
// the separators written `__` (a__x, b__x), and an id that is still taken gets `~2`, `~3`… in path order. So an export
// without such collisions keeps the plain names, and ids only change for the articles that collide.
import * as path from 'path';

const withoutExtension = (rel: string) => rel.slice(0, rel.length - path.extname(rel).length);

/** Unique ids for the articles at these paths (relative to the export's root), by path. */
export function articleIds(rels: readonly string[]): Map<string, string> {
  const stem = (rel: string) => path.basename(withoutExtension(rel));
  const count = new Map<string, number>();
  for (const rel of rels) count.set(stem(rel), (count.get(stem(rel)) ?? 0) + 1);
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const rel of rels) {
    if (count.get(stem(rel)) !== 1) continue;
    ids.set(rel, stem(rel));
    taken.add(stem(rel));
  }
  for (const rel of [...rels].sort()) {
    if (ids.has(rel)) continue;
    const base = withoutExtension(rel).replace(/[\\/]+/g, '__');
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}~${n}`;
    ids.set(rel, id);
    taken.add(id);
  }
  return ids;
}
