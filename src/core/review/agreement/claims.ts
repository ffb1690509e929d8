// Claim agreement: spans per pair (exact and overlap F1, as for entities, with one label `claim`), then, on the claims
// review aligns into one unit (matched claims: a unit with at least two annotators' claims), the agreement of their
// features: the source (α nominal on the normalised name), factuality (Cohen's κ per pair, α nominal) and the
// annotator's confidence (α interval). Unmatched claims take no part in the feature figures, which always say so.
import { ClaimAnnotation } from '../../model';
import { alignLayers } from '../align';
import { LayerInput } from '../units';
import { Code, Detailed, cohenKappa, krippendorffAlpha } from './coefficients';
import { SpanCounts, addSpans, emptyCounts } from './spans';

export const CLAIM_LABEL = 'claim';

/** A source name as compared: Unicode-normalised, case-folded, spaces collapsed, surrounding punctuation and a leading "the" dropped. */
export function normaliseSource(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').replace(/^the /u, '');
}

/** Pooled claim counts over the corpus; `finish` turns them into figures. */
export class ClaimTally {
  readonly spans = new Map<string, SpanCounts>();
  /** One row per matched claim unit, one cell per annotator. */
  readonly source: (Code | undefined)[][] = [];
  readonly factuality: (Code | undefined)[][] = [];
  readonly confidence: (Code | undefined)[][] = [];
  claims = 0;
  units = 0;

  constructor(readonly annotators: readonly string[]) {
    for (let i = 0; i < annotators.length; i++) for (let j = i + 1; j < annotators.length; j++) this.spans.set(`${i}:${j}`, emptyCounts());
  }

  /** Adds one article: `present[k]` is annotator k's layer, or undefined when k has none. */
  add(layers: readonly (LayerInput | undefined)[]): void {
    const n = this.annotators.length;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = layers[i];
        const b = layers[j];
        if (!a || !b) continue;
        const counts = new Map<string, SpanCounts>([[CLAIM_LABEL, this.spans.get(`${i}:${j}`)!]]);
        addSpans(counts, spansOf(a.layer.claims), spansOf(b.layer.claims));
      }
    }
    const present = layers.filter((l): l is LayerInput => !!l);
    this.claims += present.reduce((k, l) => k + l.layer.claims.length, 0);
    if (present.length < 2) return;
    const claimsOnly = present.map((l) => ({ annotator: l.annotator, layer: { ...l.layer, entities: [] } }));
    for (const u of alignLayers(claimsOnly, { annotators: [...this.annotators] }).units) {
      if (u.kind !== 'claim') continue;
      this.units++;
      if (u.members.length < 2) continue;
      const by = new Map(u.members.map((m) => [m.annotator, m.annotation as ClaimAnnotation]));
      const cell = <T extends Code>(f: (c: ClaimAnnotation) => T | undefined) => this.annotators.map((a) => { const c = by.get(a); return c ? f(c) : undefined; });
      this.source.push(cell((c) => normaliseSource(c.source.name)));
      this.factuality.push(cell((c) => c.factuality));
      this.confidence.push(cell((c) => c.confidence));
    }
  }
}

const spansOf = (claims: readonly ClaimAnnotation[]) => claims.map((c) => ({ start: c.start, end: c.end, label: CLAIM_LABEL }));

/** Cohen's κ on factuality for each pair, over the matched claims both gave a factuality. */
export function factualityKappas(tally: ClaimTally): { a: string; b: string; kappa: Detailed }[] {
  const out: { a: string; b: string; kappa: Detailed }[] = [];
  const { annotators, factuality } = tally;
  for (let i = 0; i < annotators.length; i++) {
    for (let j = i + 1; j < annotators.length; j++) out.push({ a: annotators[i], b: annotators[j], kappa: cohenKappa(factuality.map((r) => r[i]), factuality.map((r) => r[j])) });
  }
  return out;
}

export function claimAlphas(tally: ClaimTally): { source: Detailed; factuality: Detailed; confidence: Detailed } {
  return {
    source: krippendorffAlpha(tally.source, 'nominal'),
    factuality: krippendorffAlpha(tally.factuality, 'nominal'),
    confidence: krippendorffAlpha(tally.confidence, 'interval'),
  };
}
