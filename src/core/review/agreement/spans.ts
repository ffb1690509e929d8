// Span agreement between two annotators (Hripcsak & Rothschild 2005): F1 = 2·|A∩B| / (|A|+|B|), which is symmetric,
// so neither annotator is the reference. Exact: the same (start, end, label), counted as multisets. Overlap: spans of
// the same label that overlap match one to one, in a maximum matching (taken greedily by end, which is optimal for
// intervals and the same whatever the stored order of spans). Counts are pooled over articles (like bratiaa), per label.

export interface LabelledSpan {
  start: number;
  end: number;
  label: string;
}

export interface SpanCounts {
  /** Spans of the first annotator, of the second. */
  a: number;
  b: number;
  /** Exact matches, and overlap matches (one to one). */
  exact: number;
  overlap: number;
}

export const emptyCounts = (): SpanCounts => ({ a: 0, b: 0, exact: 0, overlap: 0 });

/** 2m/(a+b); null when neither annotator has a span (F1 is 0/0 there). */
export function f1Of(matched: number, a: number, b: number): number | null {
  return a + b === 0 ? null : (2 * matched) / (a + b);
}

const byStart = (x: LabelledSpan, y: LabelledSpan) => x.start - y.start || x.end - y.end || (x.label < y.label ? -1 : x.label > y.label ? 1 : 0);

/** Exact matches of two lists of spans, as multisets: a merge of the two lists sorted by (start, end, label). */
export function exactMatches(a: readonly LabelledSpan[], b: readonly LabelledSpan[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const x = [...a].sort(byStart);
  const y = [...b].sort(byStart);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < x.length && j < y.length) {
    const c = byStart(x[i], y[j]);
    if (c === 0) { n++; i++; j++; } else if (c < 0) i++;
    else j++;
  }
  return n;
}

const byEnd = (x: LabelledSpan, y: LabelledSpan) => x.end - y.end || x.start - y.start;

/**
 * The size of a maximum one-to-one matching of overlapping spans (one label): each span of `a`, by end, takes the
 * unmatched overlapping span of `b` that ends first. A zero-length span overlaps only a span with the same bounds.
 */
export function overlapMatches(a: readonly LabelledSpan[], b: readonly LabelledSpan[]): number {
  const left = [...a].sort(byEnd);
  const right = [...b].sort(byEnd);
  const taken = new Array<boolean>(right.length).fill(false);
  let n = 0;
  for (const x of left) {
    for (let j = 0; j < right.length; j++) {
      const y = right[j];
      const hit = (y.start < x.end && x.start < y.end) || (y.start === x.start && y.end === x.end);
      if (taken[j] || !hit) continue;
      taken[j] = true;
      n++;
      break;
    }
  }
  return n;
}

function byLabel(spans: readonly LabelledSpan[]): Map<string, LabelledSpan[]> {
  const m = new Map<string, LabelledSpan[]>();
  for (const s of spans) {
    const l = m.get(s.label);
    if (l) l.push(s);
    else m.set(s.label, [s]);
  }
  return m;
}

/** Adds one article's spans of two annotators to the pooled counts per label. */
export function addSpans(counts: Map<string, SpanCounts>, a: readonly LabelledSpan[], b: readonly LabelledSpan[]): void {
  const la = byLabel(a);
  const lb = byLabel(b);
  for (const label of new Set([...la.keys(), ...lb.keys()])) {
    const x = la.get(label) ?? [];
    const y = lb.get(label) ?? [];
    let c = counts.get(label);
    if (!c) counts.set(label, (c = emptyCounts()));
    c.a += x.length;
    c.b += y.length;
    c.exact += exactMatches(x, y);
    c.overlap += overlapMatches(x, y);
  }
}

/** Micro counts: the sum over labels. */
export function microOf(counts: Iterable<SpanCounts>): SpanCounts {
  const m = emptyCounts();
  for (const c of counts) { m.a += c.a; m.b += c.b; m.exact += c.exact; m.overlap += c.overlap; }
  return m;
}

/** `{micro, LABEL…}` F1 (exact or overlap) from pooled counts; labels no annotator used are left out. */
export function f1Table(counts: Map<string, SpanCounts>, labels: readonly string[], kind: 'exact' | 'overlap'): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  const micro = microOf(labels.map((l) => counts.get(l) ?? emptyCounts()));
  out.micro = f1Of(micro[kind], micro.a, micro.b);
  for (const l of labels) {
    const c = counts.get(l);
    if (c && c.a + c.b > 0) out[l] = f1Of(c[kind], c.a, c.b);
  }
  return out;
}
