// Where the disagreements of an agreement report are (core, no `vscode`): for one article, which pairs of annotators
// disagree on an entity span, in which labels, and which labels are confused with which (a span of one label that
// overlaps the other annotator's span of another label, or that the other annotator left out: `O`). The editor's
// report uses it to open review on exactly the disagreements a heatmap cell, a label bar or a confusion cell counts.
import { LayerInput } from '../units';
import { LabelledSpan } from './spans';
import { OUTSIDE } from './tokens';

export interface ArticleDisagreements {
  /** Pairs (`a`, `b` sorted) whose spans differ, as `pairKey(a, b)`. */
  pairs: Set<string>;
  /** Labels of the spans that are not matched exactly by every other annotator with a layer. */
  labels: Set<string>;
  /** Labels confused, as `pairKey(x, y)` (`O` when the other annotator has no span there). */
  confusions: Set<string>;
}

/** The key of an unordered pair. */
export function pairKey(x: string, y: string): string {
  return x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`;
}

const spanKey = (s: LabelledSpan) => `${s.start}:${s.end}:${s.label}`;

function countKeys(spans: readonly LabelledSpan[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const s of spans) m.set(spanKey(s), (m.get(spanKey(s)) ?? 0) + 1);
  return m;
}

/** Spans of `x` without an exact twin in `y` (as multisets). */
function unmatched(x: readonly LabelledSpan[], y: readonly LabelledSpan[]): LabelledSpan[] {
  const left = countKeys(y);
  return x.filter((s) => {
    const n = left.get(spanKey(s)) ?? 0;
    if (n > 0) { left.set(spanKey(s), n - 1); return false; }
    return true;
  });
}

function confuse(out: Set<string>, lonely: readonly LabelledSpan[], other: readonly LabelledSpan[]): void {
  for (const s of lonely) {
    const over = other.filter((o) => o.start < s.end && s.start < o.end);
    if (!over.length) out.add(pairKey(s.label, OUTSIDE));
    for (const o of over) if (o.label !== s.label) out.add(pairKey(s.label, o.label));
  }
}

/** The disagreements of one article between the compared annotators that have a layer there. */
export function disagreementsOf(layers: readonly LayerInput[], annotators: readonly string[], labels?: readonly string[]): ArticleDisagreements {
  const keep = labels && new Set(labels);
  const spans = new Map<string, LabelledSpan[]>();
  for (const l of layers) {
    if (!annotators.includes(l.annotator)) continue;
    spans.set(l.annotator, l.layer.entities.filter((e) => !keep || keep.has(e.label)).map((e) => ({ start: e.start, end: e.end, label: e.label })));
  }
  const out: ArticleDisagreements = { pairs: new Set(), labels: new Set(), confusions: new Set() };
  const who = [...spans.keys()].sort();
  for (let i = 0; i < who.length; i++) {
    for (let j = i + 1; j < who.length; j++) {
      const x = spans.get(who[i]) ?? [];
      const y = spans.get(who[j]) ?? [];
      const ux = unmatched(x, y);
      const uy = unmatched(y, x);
      if (!ux.length && !uy.length) continue;
      out.pairs.add(pairKey(who[i], who[j]));
      for (const s of [...ux, ...uy]) out.labels.add(s.label);
      confuse(out.confusions, ux, y);
      confuse(out.confusions, uy, x);
    }
  }
  return out;
}
