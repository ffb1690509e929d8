// Aligning the layers of one article into units (see units.ts). Entities align with entities and claims with claims.
// Candidate pairs come from a sweep over spans sorted by start (never all pairs); they are taken best first (a gold
// annotation's `from` links, then exact matches, then the same span, then the largest overlap), and two groups join
// only when they share no layer, so a layer contributes at most one annotation to a unit. Every pair is ranked by
// content and (annotator, id) alone, so the units do not depend on file order or layer order. Every annotation that is
// not orphaned belongs to exactly one unit; an orphaned one (its text not found in the current article) to none.
import { Annotation, AnnotationKind, Dismissal, Layer, isClaim } from '../model';
import { Alignment, GOLD, LayerInput, Unit } from './units';
import { cmp, disagreementOf, versionKey, versionsOf } from './versions';

export { detectorLayer } from './detectorLayer';

export interface AlignOptions {
  /** The annotators to compare (default: every layer but gold). Gold always aligns but is never compared. */
  annotators?: string[];
}

interface Node {
  annotator: string;
  a: Annotation;
  gold: boolean;
  /** (annotator, id) and content: orders nodes without looking at their place in a file. */
  key: string;
  vkey: string;
  /** Gold only: the (annotator, id) targets of its `from`. */
  from?: Set<string>;
}

/** A candidate pair; `i < j` are places in the nodes sorted by content, so ties break the same in any file order. */
interface Edge {
  i: number;
  j: number;
  tier: number;
  score: number;
}

const SEP = '\u0000';
const target = (annotator: string, id: string): string => `${annotator}${SEP}${id}`;

/** Aligns the layers of one article into units, sorted by start, then end, then id. */
export function alignLayers(layers: LayerInput[], options: AlignOptions = {}): Alignment {
  const annotators = [...new Set((options.annotators ?? layers.map((l) => l.annotator)).filter((a) => a !== GOLD))].sort(cmp);
  const compared = new Set(annotators);
  const used = layers.filter((l) => l.annotator === GOLD || compared.has(l.annotator));
  const units: Unit[] = [];
  for (const kind of ['entity', 'claim'] as const) units.push(...alignKind(nodesOf(used, kind), annotators));
  attachDismissals(units, used.filter((l) => l.annotator === GOLD).flatMap((l) => l.layer.dismissed ?? []));
  for (const u of units) u.state = u.gold.length > 0 || u.dismissal ? 'adjudicated' : u.disagreement;
  units.sort((a, b) => a.start - b.start || a.end - b.end || cmp(a.id, b.id));
  uniqueIds(units);
  return { annotators, units };
}

function nodesOf(layers: LayerInput[], kind: AnnotationKind): Node[] {
  const out: Node[] = [];
  for (const { annotator, layer } of layers) {
    const gold = annotator === GOLD;
    for (const a of annotationsOf(layer, kind)) {
      // An orphaned annotation has no place in the current text (its offsets are its last, stale ones): it takes no
      // part in review until it is re-attached, so it can never be adjudicated into gold at a wrong span.
      if (a.orphaned) continue;
      const vkey = versionKey(a);
      const node: Node = { annotator, a, gold, vkey, key: [annotator, a.id, vkey].join(SEP) };
      if (gold && a.from?.length) node.from = new Set(a.from.map((t) => target(t.annotator, t.id)));
      out.push(node);
    }
  }
  return out.sort((x, y) => x.a.start - y.a.start || x.a.end - y.a.end || cmp(x.key, y.key));
}

function annotationsOf(layer: Layer, kind: AnnotationKind): Annotation[] {
  return kind === 'entity' ? layer.entities : layer.claims;
}

function overlaps(a: Annotation, b: Annotation): boolean {
  return (a.start < b.end && b.start < a.end) || (a.start === b.start && a.end === b.end);
}

function edgeOf(nodes: Node[], i: number, j: number): Edge {
  const x = nodes[i];
  const y = nodes[j];
  const linked = (x.from?.has(target(y.annotator, y.a.id)) ?? false) || (y.from?.has(target(x.annotator, x.a.id)) ?? false);
  const sameSpan = x.a.start === y.a.start && x.a.end === y.a.end;
  const tier = linked ? 0 : x.vkey === y.vkey ? 1 : sameSpan ? 2 : 3;
  const inter = Math.max(0, Math.min(x.a.end, y.a.end) - Math.max(x.a.start, y.a.start));
  const union = Math.max(x.a.end, y.a.end) - Math.min(x.a.start, y.a.start);
  const sameLabel = !isClaim(x.a) && !isClaim(y.a) && x.a.label === y.a.label;
  const score = (union > 0 ? inter / union : 1) * 2 + (sameLabel ? 1 : 0);
  return i < j ? { i, j, tier, score } : { i: j, j: i, tier, score };
}

/** Candidate pairs: overlapping spans of different layers (a sweep over nodes sorted by start), and gold's links. */
function edgesOf(nodes: Node[]): Edge[] {
  const edges: Edge[] = [];
  const active: number[] = [];
  for (let j = 0; j < nodes.length; j++) {
    const b = nodes[j].a;
    let kept = 0;
    for (const i of active) {
      const a = nodes[i].a;
      if (a.end <= b.start && !(a.start === b.start && a.end === b.end)) continue;
      active[kept++] = i;
      if (nodes[i].annotator !== nodes[j].annotator && overlaps(a, b)) edges.push(edgeOf(nodes, i, j));
    }
    active.length = kept;
    active.push(j);
  }
  edges.push(...linkEdges(nodes));
  return edges.sort((e, f) => e.tier - f.tier || f.score - e.score || e.i - f.i || e.j - f.j);
}

/** Gold annotations and the annotations their `from` names, even where the spans no longer overlap. */
function linkEdges(nodes: Node[]): Edge[] {
  const byTarget = new Map<string, number[]>();
  nodes.forEach((n, i) => {
    if (n.gold) return;
    const t = target(n.annotator, n.a.id);
    const list = byTarget.get(t);
    if (list) list.push(i);
    else byTarget.set(t, [i]);
  });
  const out: Edge[] = [];
  nodes.forEach((n, i) => {
    for (const t of n.from ?? []) {
      for (const j of byTarget.get(t) ?? []) if (!overlaps(n.a, nodes[j].a)) out.push(edgeOf(nodes, i, j));
    }
  });
  return out;
}

/** Groups nodes best pair first; two groups join only when no layer is in both. */
function group(nodes: Node[]): number[][] {
  const parent = nodes.map((_, i) => i);
  const layersOf = nodes.map((n) => [n.annotator]);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  for (const e of edgesOf(nodes)) {
    const [r, s] = [find(e.i), find(e.j)];
    if (r === s) continue;
    const [big, small] = layersOf[r].length >= layersOf[s].length ? [r, s] : [s, r];
    if (layersOf[small].some((l) => layersOf[big].includes(l))) continue;
    layersOf[big].push(...layersOf[small]);
    parent[small] = big;
  }
  const groups = new Map<number, number[]>();
  nodes.forEach((_, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  });
  return [...groups.values()];
}

function alignKind(nodes: Node[], annotators: string[]): Unit[] {
  return group(nodes).map((g) => unitOf(g.map((i) => nodes[i]), annotators));
}

function unitOf(group: Node[], annotators: string[]): Unit {
  const sorted = group.length > 1 ? [...group].sort((x, y) => cmp(x.key, y.key)) : group;
  const compared = sorted.filter((n) => !n.gold);
  const members = compared.map((n) => ({ annotator: n.annotator, annotation: n.a }));
  const gold = sorted.filter((n) => n.gold).map((n) => n.a);
  const present = new Set(members.map((m) => m.annotator));
  const missing = annotators.filter((a) => !present.has(a));
  const versions = versionsOf(members, compared.map((n) => n.vkey));
  const disagreement = disagreementOf(versions, missing);
  const idFrom = members.length ? members.map((m) => target(m.annotator, m.annotation.id)) : gold.map((a) => target(GOLD, a.id));
  const kind: AnnotationKind = isClaim(group[0].a) ? 'claim' : 'entity';
  return {
    id: `${kind === 'claim' ? 'c' : 'e'}-${hash(idFrom.sort().join('\n'))}`,
    kind,
    start: group.reduce((m, n) => Math.min(m, n.a.start), Infinity),
    end: group.reduce((m, n) => Math.max(m, n.a.end), -Infinity),
    members,
    gold,
    state: disagreement,
    disagreement,
    versions,
    missing,
  };
}

/** A dismissal decides every unit with a member it names (of its kind, when it says which). */
function attachDismissals(units: Unit[], dismissed: Dismissal[]): void {
  if (dismissed.length === 0) return;
  const byTarget = new Map<string, Unit[]>();
  for (const u of units) {
    for (const m of u.members) {
      const t = target(m.annotator, m.annotation.id);
      const list = byTarget.get(t);
      if (list) list.push(u);
      else byTarget.set(t, [u]);
    }
  }
  for (const d of [...dismissed].sort((x, y) => cmp(x.id, y.id))) {
    for (const t of d.from ?? []) {
      for (const u of byTarget.get(target(t.annotator, t.id)) ?? []) if (!u.dismissal && (!d.kind || d.kind === u.kind)) u.dismissal = d;
    }
  }
}

/** Two units from the same members never happen; equal hashes of different members get a suffix, in unit order. */
function uniqueIds(units: Unit[]): void {
  const seen = new Map<string, number>();
  for (const u of units) {
    const n = seen.get(u.id) ?? 0;
    seen.set(u.id, n + 1);
    if (n > 0) u.id = `${u.id}~${n}`;
  }
}

/** cyrb53: a fast 53-bit string hash, in base 36. */
export function hash(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
