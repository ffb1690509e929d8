// Generated three-way cases for the merge driver run as git runs it (bench/driverStart.ts): a base sidecar and two
// sides edited concurrently, of every kind the driver meets, deterministic for a seed. Each side is written as Sift
// writes it (a rewrite of the base's document), then some are altered as people and other tools leave files.
import { Layer } from '../src/core/model';
import { parseSidecar, serializeSidecar } from '../src/core/store/sidecarFormat';
import { aLayer } from '../test/builders/layer';
import { rng } from './gitMerge';

export interface Triple { kind: string; name: string; base: string; ours: string; theirs: string }

/**
 * The kinds, in turn: edits on different annotations; the same field changed differently (a conflict left in the
 * file, exit 1); an edit against a deletion; CRLF line ends on one side; a comment between annotations (not Sift's
 * plain layout: the `yaml` path); a key Sift does not know; a file both sides added; claims edited; a side that does
 * not parse (the text fallback); both sides the same.
 */
export const KINDS = ['clean', 'conflict', 'delete-edit', 'crlf', 'comment', 'unknown-key', 'both-added', 'claims', 'unparseable', 'same'] as const;
type Kind = (typeof KINDS)[number];

const LABELS = ['PERSON', 'ORG', 'PLACE', 'DATE'];
const FILE = 'a.ana.ann.yaml';

interface Article { text: string; spans: { start: number; end: number }[] }

function article(text: string): Article {
  const cp = (i: number) => [...text.slice(0, i)].length;
  const spans = [...text.slice(0, 6000).matchAll(/\p{Lu}\p{L}{3,}/gu)].map((m) => ({ start: cp(m.index), end: cp(m.index) + [...m[0]].length }));
  return { text, spans };
}

/** A base sidecar of `size` entities (as many as the article has spans, at most), or of 10 to 60 picked at random. */
function baseLayer(a: Article, r: () => number, name: string, size?: number): Layer {
  const n = size === undefined ? 10 + Math.floor(r() * Math.min(50, a.spans.length - 10)) : Math.min(size, a.spans.length);
  let b = aLayer().forArticle(a.text, name.split('/').pop()!.replace(/\.ana\.ann\.yaml$/, '.txt')).by('ana');
  for (let i = 0; i < n; i++) b = b.withEntity(a.spans[i], LABELS[Math.floor(r() * 4)], { id: `e${i}` });
  const claims = Math.floor(r() * 3);
  for (let i = 0; i < claims; i++) b = b.withClaim({ start: a.spans[i].start, end: a.spans[i + 3].end }, { id: `c${i}`, source: `Source ${i}`, confidence: 0.5 });
  return b.build();
}

/** One side: the base's document with `edit` applied, written as Sift writes it. */
function side(baseText: string, edit: (l: Layer) => void): string {
  const p = parseSidecar(baseText, FILE);
  edit(p.layer);
  return serializeSidecar(p.layer, p.doc);
}

/** Ordinary concurrent work: a few relabels, notes, deletions and additions, on the annotations `mine` picks. */
function work(a: Article, r: () => number, tag: string, mine: (i: number) => boolean): (l: Layer) => void {
  return (l) => {
    l.entities = l.entities.filter((_e, i) => !mine(i) || r() > 0.08);
    l.entities.forEach((e, i) => {
      if (!mine(i)) return;
      if (r() < 0.15) e.label = LABELS[Math.floor(r() * 4)];
      if (r() < 0.08) e.note = `${tag}: checked "${e.quote}"`;
    });
    const adds = 1 + Math.floor(r() * 3);
    for (let i = 0; i < adds; i++) {
      const span = a.spans[a.spans.length - 1 - Math.floor(r() * 10)];
      l.entities.push(aLayer().forArticle(a.text, l.header.article).by('ana').withEntity(span, 'ORG', { id: `${tag}-${i}` }).build().entities[0]);
    }
  };
}

function sides(kind: Kind, a: Article, r: () => number, baseText: string): { base: string; ours: string; theirs: string } {
  const even = (i: number) => i % 2 === 0;
  const odd = (i: number) => i % 2 === 1;
  const plain = { ours: side(baseText, work(a, r, 'o', even)), theirs: side(baseText, work(a, r, 't', odd)) };
  switch (kind) {
    case 'conflict': return { base: baseText, ours: side(plain.ours, (l) => { l.entities[1].label = 'PERSON'; }), theirs: side(plain.theirs, (l) => { l.entities[1].label = 'ORG'; }) };
    case 'delete-edit': return { base: baseText, ours: side(baseText, (l) => { l.entities.splice(2, 1); }), theirs: side(plain.theirs, (l) => { l.entities[2].note = 'kept, with a reason'; }) };
    case 'crlf': return { base: baseText, ours: plain.ours.replace(/\n/g, '\r\n'), theirs: plain.theirs };
    case 'comment': return { base: baseText, ours: plain.ours.replace(/\n {2}- id: e3\n/, '\n  # checked with the desk\n  - id: e3\n'), theirs: plain.theirs };
    case 'unknown-key': return { base: baseText, ours: plain.ours, theirs: plain.theirs.replace(/^annotator: /m, 'x-reviewed: yes\nannotator: ') };
    case 'both-added': return { base: '', ...plain };
    case 'claims': return { base: baseText, ours: side(plain.ours, (l) => { if (l.claims[0]) l.claims[0].source = { name: 'The ministry' }; }), theirs: side(plain.theirs, (l) => { if (l.claims[0]) l.claims[0].confidence = 0.9; }) };
    case 'unparseable': return { base: baseText, ours: plain.ours, theirs: `${plain.theirs.slice(0, 200)}\n  - [unclosed\n` };
    case 'same': return { base: baseText, ours: plain.ours, theirs: plain.ours };
    default: return { base: baseText, ...plain };
  }
}

/** `count` cases over the sample articles, the kinds in turn (or `kind` only), each of `size` entities when given. */
export function driverTriples(samples: string[], count: number, seed = 14, only?: { kind: Kind; size: number }): Triple[] {
  const r = rng(seed);
  const articles = samples.map(article).filter((a) => a.spans.length >= 24);
  return Array.from({ length: count }, (_, i) => {
    const kind = only?.kind ?? KINDS[i % KINDS.length];
    const name = `articles/${String(i).padStart(4, '0')}.ana.ann.yaml`;
    const a = articles[i % articles.length];
    const baseText = serializeSidecar(baseLayer(a, r, name, only?.size));
    return { kind, name, ...sides(kind, a, r, baseText) };
  });
}

/** How many spans the sample articles offer a sidecar at most (the largest size `driverTriples` can make for all). */
export function maxSpans(samples: string[]): number {
  return Math.min(...samples.map(article).filter((a) => a.spans.length >= 24).map((a) => a.spans.length));
}
