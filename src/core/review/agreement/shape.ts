// The agreement report as data (what `sift agree --json` prints and the editor's report reads), and how a figure
// carries its counts. Keys follow the JSON (snake_case), so the CLI prints the object as it is.
import { ClaimTally } from './claims';
import { Detailed } from './coefficients';
import { SpanCounts, f1Table } from './spans';
import { CategoryAlphaU } from './unitizing';

/** A figure with the units it rests on, and what was left out and why. */
export interface Figure {
  value: number | null;
  /** Units there are. */
  units: number;
  /** Units the figure was computed on. */
  used: number;
  /** Of those used, units where some annotator's value is missing (α only: they count with fewer values). */
  incomplete: number;
  /** Units left out. */
  excluded: number;
  /** Why units were left out, or why the value is null. */
  why?: string;
  /** Said when leaving units out may make the figure look better than it is. */
  caveat?: string;
}

const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;

/** A coefficient as a figure: `excluded` units were left out because `reason`. */
export function figure(d: Detailed, units: number, incomplete: number, reason: string): Figure {
  const f: Figure = { value: d.value, units, used: d.used, incomplete, excluded: d.excluded };
  if (d.why) f.why = d.why;
  else if (d.excluded > 0) f.why = reason;
  if (d.excluded > 0 && d.value !== null) {
    f.caveat = `computed on ${d.used} of ${units} units; ${d.excluded} (${pct(d.excluded, units)}) left out because ${reason}. Figures on the rest may look better than they are`;
  }
  return f;
}

export interface PairReport {
  a: string;
  b: string;
  /** Exact-match span F1: micro over all labels and per label (labels neither used are left out). */
  f1: Record<string, number | null>;
  overlap_f1: Record<string, number | null>;
  /** Cohen's κ on the token units both annotated. */
  kappa: number | null;
  used: number;
  excluded: number;
  /** Articles both annotators have a layer for (span F1 is pooled over these). */
  articles: number;
  counts: { spans: Record<string, SpanCounts>; kappa: Figure };
}

export interface ArticleRow {
  article: string;
  /** The compared annotators with a layer for the article. */
  annotators: string[];
  tokens: number;
  /** α nominal on the article's tokens. */
  alpha: number | null;
  /** Exact span F1 pooled over the pairs of annotators. */
  f1: number | null;
  /** Spans and exact matches behind `f1`, summed over the pairs. */
  spans: number;
  matched: number;
  conflicts: number;
}

export interface ClaimPair {
  a: string;
  b: string;
  f1: number | null;
  overlap_f1: number | null;
  counts: SpanCounts;
  /** Cohen's κ on the factuality of the matched claims both gave one. */
  factuality_kappa: Figure;
}

export interface ClaimsReport {
  /** Claims in the compared layers. */
  claims: number;
  /** Claim units after alignment, and those with at least two annotators' claims (matched). */
  units: number;
  matched: number;
  pairs: ClaimPair[];
  source_alpha: Figure;
  factuality_alpha: Figure;
  confidence_alpha: Figure;
  caveats: string[];
}

export interface AgreementReport {
  unit: 'code points';
  annotators: string[];
  labels: string[];
  pairs: PairReport[];
  fleiss_kappa: number | null;
  alpha: number | null;
  alpha_u: Record<string, number | null>;
  claims: ClaimsReport;
  counts: {
    articles: number;
    /** Articles with a layer of at least one compared annotator. */
    annotated: number;
    spans: number;
    tokens: number;
    conflicts: number;
    alpha: Figure;
    fleiss_kappa: Figure;
    alpha_u: { articles: number; excluded_articles: number; length: number; merged: number; observed: number; expected: number; categories: Record<string, CategoryAlphaU> };
  };
  /** Coincidences of token labels between annotators: which labels are confused with which. */
  confusion: { categories: string[]; matrix: number[][] };
  /** Per article, lowest agreement first. */
  articles: ArticleRow[];
  caveats: string[];
}

export function claimsReport(t: ClaimTally, alphas: { source: Detailed; factuality: Detailed; confidence: Detailed }, kappas: { a: string; b: string; kappa: Detailed }[]): ClaimsReport {
  const matched = t.source.length;
  const unmatched = t.units - matched;
  const reason = 'only one annotator gave a value (a claim without factuality has none)';
  const pairs = kappas.map(({ a, b, kappa }, k): ClaimPair => {
    const counts = [...t.spans.values()][k];
    const table = f1Table(new Map([['claim', counts]]), ['claim'], 'exact');
    return { a, b, f1: table.micro, overlap_f1: f1Table(new Map([['claim', counts]]), ['claim'], 'overlap').micro, counts, factuality_kappa: figure(kappa, matched, 0, `${a} or ${b} has no claim or no factuality there`) };
  });
  const caveats: string[] = [];
  if (unmatched > 0) caveats.push(`source, factuality and confidence agreement are measured on the ${matched} matched claim unit(s) only; ${unmatched} unit(s) only one annotator marked are left out (their disagreement shows in the span F1)`);
  return {
    claims: t.claims, units: t.units, matched, pairs,
    source_alpha: figure(alphas.source, matched, 0, reason),
    factuality_alpha: figure(alphas.factuality, matched, 0, reason),
    confidence_alpha: figure(alphas.confidence, matched, 0, reason),
    caveats,
  };
}
