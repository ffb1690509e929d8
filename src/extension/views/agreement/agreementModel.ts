// What the agreement webview draws, made from a computed run (no `vscode`): the heatmap's cells with their counts, the
// per-label bars, the confusion matrix, the articles lowest first, and the notes. The webview only lays it out; every
// figure is core's. Also: which article a click on a cell, bar, confusion cell or row opens review on.
import { ClaimPair, Figure } from '../../../core/review/agreement/shape';
import { f1Of } from '../../../core/review/agreement/spans';
import { pairKey } from '../../../core/review/agreement/targets';
import { OUTSIDE } from '../../../core/review/agreement/tokens';
import { Unit, isOpen } from '../../../core/review/units';
import { AgreementFilter, AgreementRun } from './agreementData';

export type Measure = 'f1' | 'kappa' | 'alpha';

/** One score with what it rests on: `used` of `total` units (spans for F1, tokens for κ and α). */
export interface Score {
  value: number | null;
  used: number;
  total: number;
  excluded: number;
  unit: string;
  why?: string;
  caveat?: string;
}

export interface PairCell {
  a: string;
  b: string;
  f1: Score;
  kappa: Score;
  alpha: Score;
}

export interface LabelBar {
  label: string;
  /** Exact span F1 pooled over the pairs, with its spans and matches. */
  f1: number | null;
  spans: number;
  matched: number;
  alphaU: number | null;
}

/** Claim agreement per pair: spans (exact and overlap F1) and Cohen's κ on the factuality of matched claims. */
export interface ClaimCell {
  a: string;
  b: string;
  f1: Score;
  overlap: Score;
  factuality: Score;
}

/** The claims section: counts, the pairs, the features' α over all annotators, and the notes. */
export interface ClaimsModel {
  claims: number;
  units: number;
  matched: number;
  pairs: ClaimCell[];
  features: { label: string; score: Score }[];
  caveats: string[];
}

export interface AgreementModel {
  annotators: string[];
  labels: string[];
  cells: PairCell[];
  bars: LabelBar[];
  confusion: { categories: string[]; matrix: number[][] };
  articles: { article: string; alpha: number | null; f1: number | null; tokens: number; spans: number; matched: number; annotators: string[] }[];
  summary: { label: string; score: Score }[];
  claims: ClaimsModel;
  caveats: string[];
  skipped: string[];
  filter: AgreementFilter;
  choices: AgreementRun['choices'];
}

/** What a click in the report is on. */
export type ReportTarget =
  | { kind: 'pair'; a: string; b: string }
  | { kind: 'label'; label: string }
  | { kind: 'confusion'; x: string; y: string }
  | { kind: 'article'; article: string };

function scoreOf(f: Figure, unit: string): Score {
  return { value: f.value, used: f.used, total: f.units, excluded: f.excluded, unit, ...(f.why ? { why: f.why } : {}), ...(f.caveat ? { caveat: f.caveat } : {}) };
}

function cellsOf(run: AgreementRun): PairCell[] {
  return run.report.pairs.map((p, k) => {
    const m = p.counts.spans.micro;
    const spans = m ? m.a + m.b : 0;
    return {
      a: p.a, b: p.b,
      f1: { value: p.f1.micro ?? null, used: spans, total: spans, excluded: 0, unit: `spans in ${p.articles} article(s) both annotated` },
      kappa: scoreOf(p.counts.kappa, 'tokens'),
      alpha: scoreOf(run.pairAlphas[k], 'tokens'),
    };
  });
}

function barsOf(run: AgreementRun): LabelBar[] {
  return run.report.labels.map((label) => {
    let spans = 0;
    let matched = 0;
    for (const p of run.report.pairs) {
      const c = p.counts.spans[label];
      if (c) { spans += c.a + c.b; matched += c.exact; }
    }
    return { label, f1: f1Of(matched, spans, 0), spans, matched, alphaU: run.report.alpha_u[label] ?? null };
  });
}

function claimsOf(run: AgreementRun): ClaimsModel {
  const c = run.report.claims;
  const spans = (p: ClaimPair): Score => ({ value: null, used: p.counts.a + p.counts.b, total: p.counts.a + p.counts.b, excluded: 0, unit: 'claim spans' });
  return {
    claims: c.claims, units: c.units, matched: c.matched,
    pairs: c.pairs.map((p) => ({ a: p.a, b: p.b, f1: { ...spans(p), value: p.f1 }, overlap: { ...spans(p), value: p.overlap_f1 }, factuality: scoreOf(p.factuality_kappa, 'matched claims') })),
    features: [
      { label: 'Source, Krippendorff\'s α (nominal)', score: scoreOf(c.source_alpha, 'matched claims') },
      { label: 'Factuality, Krippendorff\'s α (nominal)', score: scoreOf(c.factuality_alpha, 'matched claims') },
      { label: 'Confidence, Krippendorff\'s α (interval)', score: scoreOf(c.confidence_alpha, 'matched claims') },
    ],
    caveats: c.caveats,
  };
}

export function modelOf(run: AgreementRun): AgreementModel {
  const r = run.report;
  return {
    annotators: r.annotators,
    labels: r.labels,
    cells: cellsOf(run),
    bars: barsOf(run),
    confusion: r.confusion,
    articles: r.articles.map((a) => ({ article: a.article, alpha: a.alpha, f1: a.f1, tokens: a.tokens, spans: a.spans, matched: a.matched, annotators: a.annotators })),
    summary: [
      { label: 'Fleiss\' κ (tokens)', score: scoreOf(r.counts.fleiss_kappa, 'tokens') },
      { label: 'Krippendorff\'s α (tokens, nominal)', score: scoreOf(r.counts.alpha, 'tokens') },
      { label: 'Krippendorff\'s αu (code points)', score: { value: r.alpha_u.overall ?? null, used: r.counts.alpha_u.articles, total: r.counts.alpha_u.articles + r.counts.alpha_u.excluded_articles, excluded: r.counts.alpha_u.excluded_articles, unit: 'articles' } },
    ],
    claims: claimsOf(run),
    caveats: r.caveats,
    skipped: run.skipped,
    filter: run.filter,
    choices: run.choices,
  };
}

/** The annotators review compares for a target: the pair, or every compared annotator. */
export function annotatorsFor(run: AgreementRun, t: ReportTarget): string[] {
  return t.kind === 'pair' ? [t.a, t.b] : run.report.annotators;
}

/** The article a click opens: the row's, or the first (lowest agreement first) with such a disagreement. */
export function articleFor(run: AgreementRun, t: ReportTarget): string | undefined {
  if (t.kind === 'article') return run.paths.get(t.article);
  const hit = run.report.articles.find((a) => {
    const d = run.targets.get(a.article);
    if (!d) return false;
    if (t.kind === 'pair') return d.pairs.has(pairKey(t.a, t.b));
    if (t.kind === 'label') return d.labels.has(t.label);
    return d.confusions.has(pairKey(t.x, t.y));
  });
  return hit && run.paths.get(hit.article);
}

/** Checks a message's target from the webview (data from outside: checked, never trusted). */
export function isTarget(x: unknown): x is ReportTarget {
  if (typeof x !== 'object' || x === null) return false;
  const t = x as Record<string, unknown>;
  const str = (...keys: string[]) => keys.every((k) => typeof t[k] === 'string');
  return (t.kind === 'pair' && str('a', 'b')) || (t.kind === 'label' && str('label')) || (t.kind === 'confusion' && str('x', 'y')) || (t.kind === 'article' && str('article'));
}

/** The first open unit (by position) that a target is about; undefined when none is. */
export function unitFor(units: readonly Unit[], t: ReportTarget): Unit | undefined {
  const labelsOf = (u: Unit) => u.versions.map((v) => v.label).filter((l): l is string => !!l);
  const about = (u: Unit): boolean => {
    if (t.kind === 'article') return true;
    if (t.kind === 'label') return labelsOf(u).includes(t.label);
    if (t.kind === 'pair') return u.members.some((m) => m.annotator === t.a || m.annotator === t.b) && !u.versions.some((v) => v.annotators.includes(t.a) && v.annotators.includes(t.b));
    const has = (l: string) => (l === OUTSIDE ? u.missing.length > 0 : labelsOf(u).includes(l));
    return has(t.x) && has(t.y);
  };
  return [...units].filter((u) => isOpen(u) && about(u)).sort((x, y) => x.start - y.start || x.end - y.end)[0];
}
