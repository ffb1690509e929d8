// The merge driver's core (what `sift merge-driver` does per sidecar after reading its three files): generated 3-way
// cases, each a sidecar of about 40 annotations edited concurrently on two sides (relabels, notes, deletions, additions,
// one side in another order). Reports the median and 95th percentile per sidecar merge, and checks that no addition was lost.
import { Layer } from '../src/core/model';
import { mergeSidecarTexts } from '../src/core/store/gitMerge';
import { parseSidecar, serializeSidecar } from '../src/core/store/sidecarFormat';
import { aLayer } from '../test/builders/layer';

/** A deterministic pseudo-random generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function words(text: string): { start: number; end: number }[] {
  return [...text.slice(0, 4000).matchAll(/\p{Lu}\p{L}{3,}/gu)].map((m) => ({ start: [...text.slice(0, m.index)].length, end: [...text.slice(0, m.index)].length + [...m[0]].length }));
}

function side(baseText: string, spans: { start: number; end: number }[], text: string, tag: string, r: () => number): { text: string; added: string[] } {
  const p = parseSidecar(baseText, 'a.ana.ann.yaml');
  const l: Layer = p.layer;
  l.entities = l.entities.filter(() => r() > 0.05);
  for (const e of l.entities) { if (r() < 0.1) e.label = r() < 0.5 ? 'ORG' : 'PERSON'; if (r() < 0.05) e.note = `${tag} note`; }
  const added: string[] = [];
  for (let i = 0; i < 3; i++) {
    const id = `${tag}-${i}`;
    l.entities.push(aLayer().forArticle(text, 'a.txt').by('ana').withEntity(spans[Math.floor(r() * spans.length)], 'PLACE', { id }).build().entities[0]);
    added.push(id);
  }
  return { text: serializeSidecar(l, p.doc), added };
}

export function gitMergeBench(text: string, cases: number): string[] {
  const spans = words(text);
  const base = spans.slice(0, 40).reduce((b, s, i) => b.withEntity(s, 'PLACE', { id: `e${i}` }), aLayer().forArticle(text, 'a.txt').by('ana')).build();
  const baseText = serializeSidecar(base);
  const r = rng(14);
  const times: number[] = [];
  let lost = 0;
  let conflicts = 0;
  for (let c = 0; c < cases; c++) {
    const o = side(baseText, spans, text, `o${c}`, r);
    const t = side(baseText, spans, text, `t${c}`, r);
    const start = process.hrtime.bigint();
    const m = mergeSidecarTexts(baseText, o.text, t.text, 'a.ana.ann.yaml');
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    conflicts += m.conflicts.length;
    const ids = new Set(parseSidecar(m.text, 'a.ana.ann.yaml').layer.entities.map((e) => e.id));
    lost += [...o.added, ...t.added].filter((id) => !ids.has(id)).length;
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(2);
  return [`merge driver core: ${cases} generated 3-way sidecar merges (~40 annotations, concurrent edits): median ${at(0.5)} ms, p95 ${at(0.95)} ms per sidecar (target ≤ 5 ms); ${conflicts} field conflicts recorded; ${lost} additions lost (must be 0)`];
}
