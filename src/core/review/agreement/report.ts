// Inter-annotator agreement over a corpus (core, no `vscode`; shared by `sift agree` and the editor's report). Every
// figure carries its counts (units, used, incomplete, excluded) and says why units were left out, and when leaving
// them out may flatter it. Offsets and lengths are code points. Gold is never an annotator here: it is adjudicated from
// the annotators, so agreeing with it is not inter-annotator agreement.
import { ArticleText } from '../../text/article';
import { tokenize } from '../../text/tokenize';
import { DETECTOR, GOLD, LayerInput } from '../units';
import { ClaimTally, claimAlphas, factualityKappas } from './claims';
import { Detailed, cohenKappa, coincidences, fleissKappa, krippendorffAlpha } from './coefficients';
import { AgreementReport, ArticleRow, Figure, PairReport, claimsReport, figure } from './shape';
import { LabelledSpan, SpanCounts, addSpans, f1Of, f1Table, microOf } from './spans';
import { TokenUnits, tokenLabels } from './tokens';
import { AlphaU, Segment, UnitizingStudy, unitizingAlpha } from './unitizing';

export interface AgreementArticle {
  /** How the article is named in the report (a path or a name). */
  article: string;
  text: string | ArticleText;
  /** Its layers, placed on `text`; gold and annotators not compared are ignored. */
  layers: readonly LayerInput[];
}

export interface AgreementOptions {
  /** The annotators to compare (default: every one with a layer, but gold). */
  annotators?: string[];
  /** The entity labels to compare (default: every label a compared annotator used). */
  labels?: string[];
}

interface Pair {
  i: number;
  j: number;
  counts: Map<string, SpanCounts>;
  articles: number;
}

/** State pooled over the articles. */
interface Pool {
  annotators: string[];
  labels: Set<string> | undefined;
  pairs: Pair[];
  tokens: TokenUnits;
  segments: Segment[];
  continuum: number;
  unitizedArticles: number;
  claims: ClaimTally;
  rows: ArticleRow[];
  spans: number;
}

const sorted = (xs: Iterable<string>) => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

export function annotatorsOf(articles: readonly AgreementArticle[]): string[] {
  return sorted(new Set(articles.flatMap((a) => a.layers.map((l) => l.annotator)).filter((a) => a !== GOLD)));
}

/** Agreement of the annotators over the articles. */
export function agreement(articles: readonly AgreementArticle[], options: AgreementOptions = {}): AgreementReport {
  const b = new AgreementBuilder(options.annotators ?? annotatorsOf(articles), options);
  for (const a of articles) b.add(a);
  return b.finish();
}

/**
 * The same report built one article at a time, so that a caller can yield between articles (the editor's report
 * keeps the extension host responsive over a big corpus). `agreement` is this builder over a list.
 */
export class AgreementBuilder {
  private readonly pool: Pool;
  private count = 0;

  constructor(annotators: readonly string[], private readonly options: AgreementOptions = {}) {
    const who = sorted(new Set(annotators.filter((a) => a !== GOLD)));
    const pairs: Pair[] = [];
    for (let i = 0; i < who.length; i++) for (let j = i + 1; j < who.length; j++) pairs.push({ i, j, counts: new Map(), articles: 0 });
    this.pool = {
      annotators: who, labels: options.labels ? new Set(options.labels) : undefined, pairs, tokens: new TokenUnits(), segments: [], continuum: 0,
      unitizedArticles: 0, claims: new ClaimTally(who.filter((a) => a !== DETECTOR)), rows: [], spans: 0,
    };
  }

  get annotators(): readonly string[] { return this.pool.annotators; }

  add(a: AgreementArticle): void {
    this.count++;
    addArticle(this.pool, a);
  }

  /** The report; `alphaU` is the unitizing α of `unitizing()` when the caller computed it elsewhere (off-thread). */
  finish(alphaU?: AlphaU): AgreementReport {
    return finish(this.pool, this.count, this.options.labels, alphaU);
  }

  /** The unitizing study αu is computed on, and its categories (the report's labels), for a caller that computes it elsewhere. */
  unitizing(): { study: UnitizingStudy; labels: string[] } {
    return { study: studyOf(this.pool), labels: labelsOf(this.pool, this.options.labels) };
  }

  /** Krippendorff's α (nominal) on the token units of each pair, in the order of the report's pairs (not in its JSON). */
  pairAlphas(): Figure[] {
    const { rows, weights } = this.pool.tokens.coding();
    return this.pool.pairs.map((p) => {
      const pair = rows.map((r) => [r[p.i], r[p.j]]);
      const d = krippendorffAlpha(pair, 'nominal', weights);
      return figure(d, this.pool.tokens.units, 0, `${this.pool.annotators[p.i]} or ${this.pool.annotators[p.j]} has no layer for the article`);
    });
  }
}

function addArticle(pool: Pool, a: AgreementArticle): void {
  const text = typeof a.text === 'string' ? new ArticleText(a.text) : a.text;
  const layers = pool.annotators.map((who) => a.layers.find((l) => l.annotator === who));
  const spans = layers.map((l) => l?.layer.entities.filter((e) => !pool.labels || pool.labels.has(e.label)).map((e): LabelledSpan => ({ start: e.start, end: e.end, label: e.label })));
  const present = layers.filter((l) => l).length;
  if (present === 0) return;
  const tokens = tokenize(text.text);
  const own = new TokenUnits();
  own.add(tokens.length, spans.map((s) => {
    if (!s) return undefined;
    const t = tokenLabels(tokens, s);
    own.conflicts += t.conflicts;
    return t.labels;
  }));
  pool.tokens.merge(own);
  const articleCounts = new Map<string, SpanCounts>();
  for (const p of pool.pairs) {
    const x = spans[p.i];
    const y = spans[p.j];
    if (!x || !y) continue;
    p.articles++;
    addSpans(p.counts, x, y);
    addSpans(articleCounts, x, y);
  }
  pool.spans += spans.reduce((n, s) => n + (s?.length ?? 0), 0);
  if (present === pool.annotators.length && present > 1) {
    spans.forEach((s, coder) => { for (const x of s ?? []) pool.segments.push({ coder, start: pool.continuum + x.start, end: pool.continuum + x.end, category: x.label }); });
    pool.continuum += text.length;
    pool.unitizedArticles++;
  }
  // The detector suggests entities only: it takes no part in claim agreement.
  pool.claims.add(layers.filter((_, k) => pool.annotators[k] !== DETECTOR));
  pool.rows.push(articleRow(a.article, pool.annotators.filter((_, k) => layers[k]), own, articleCounts));
}

function articleRow(article: string, annotators: string[], tokens: TokenUnits, counts: Map<string, SpanCounts>): ArticleRow {
  const { rows, weights } = tokens.coding();
  const alpha = krippendorffAlpha(rows, 'nominal', weights);
  const micro = microOf(counts.values());
  return { article, annotators, tokens: tokens.units, alpha: alpha.value, f1: f1Of(micro.exact, micro.a, micro.b), spans: micro.a + micro.b, matched: micro.exact, conflicts: tokens.conflicts };
}

/** Units used by α that some compared annotator left missing (they count, with fewer values). */
function incompleteOf(rows: (string | undefined)[][], weights: number[]): number {
  let n = 0;
  rows.forEach((r, k) => {
    const present = r.filter((v) => v !== undefined).length;
    if (present >= 2 && present < r.length) n += weights[k];
  });
  return n;
}

function pairReport(pool: Pool, p: Pair, labels: string[], rows: (string | undefined)[][], weights: number[]): PairReport {
  const a = pool.annotators[p.i];
  const b = pool.annotators[p.j];
  const kappa: Detailed = cohenKappa(rows.map((r) => r[p.i]), rows.map((r) => r[p.j]), weights);
  const k = figure(kappa, pool.tokens.units, 0, `${a} or ${b} has no layer for the article`);
  const counts: Record<string, SpanCounts> = {};
  for (const l of labels) { const c = p.counts.get(l); if (c && c.a + c.b > 0) counts[l] = c; }
  return {
    a, b,
    f1: f1Table(p.counts, labels, 'exact'),
    overlap_f1: f1Table(p.counts, labels, 'overlap'),
    kappa: kappa.value,
    used: kappa.used,
    excluded: kappa.excluded,
    articles: p.articles,
    counts: { spans: { micro: microOf(Object.values(counts)), ...counts }, kappa: k },
  };
}

function labelsOf(pool: Pool, labelFilter: string[] | undefined): string[] {
  const used = new Set<string>();
  for (const p of pool.pairs) for (const [l, c] of p.counts) if (c.a + c.b > 0) used.add(l);
  for (const s of pool.segments) used.add(s.category);
  return sorted(labelFilter ? labelFilter.filter((l) => used.has(l)) : used);
}

const studyOf = (pool: Pool): UnitizingStudy => ({ coders: pool.annotators.length, begin: 0, length: pool.continuum, segments: pool.segments });

function finish(pool: Pool, articleCount: number, labelFilter: string[] | undefined, computed?: AlphaU): AgreementReport {
  const labels = labelsOf(pool, labelFilter);
  const { rows, weights } = pool.tokens.coding();
  const units = pool.tokens.units;
  const alphaD = krippendorffAlpha(rows, 'nominal', weights);
  const fleissD = fleissKappa(rows, weights);
  const alpha = figure(alphaD, units, incompleteOf(rows, weights), 'fewer than two annotators have a layer for the article (not pairable)');
  const fleiss: Figure = figure(fleissD, units, 0, 'some annotator has no layer for the article (Fleiss\' κ needs every annotator)');
  const u = computed ?? unitizingAlpha(studyOf(pool), labels);
  const alphaU: Record<string, number | null> = { overall: u.overall };
  for (const l of labels) alphaU[l] = u.categories[l]?.value ?? null;
  const confusion = coincidences(rows, weights);
  const caveats = [alpha.caveat && `α: ${alpha.caveat}`, fleiss.caveat && `Fleiss' κ: ${fleiss.caveat}`].filter((c): c is string => !!c);
  if (pool.annotators.length < 2) caveats.unshift('fewer than two annotators: there is nothing to compare');
  if (pool.unitizedArticles < pool.rows.length) caveats.push(`αu is computed on the ${pool.unitizedArticles} of ${pool.rows.length} article(s) that every annotator annotated (αu needs every annotator's unitizing of the same continuum)`);
  if (pool.tokens.conflicts) caveats.push(`${pool.tokens.conflicts} token(s) are covered by one annotator's spans of different labels; the longest span's label was used`);
  return {
    unit: 'code points',
    annotators: pool.annotators,
    labels,
    pairs: pool.pairs.map((p) => pairReport(pool, p, labels, rows, weights)),
    fleiss_kappa: fleissD.value,
    alpha: alphaD.value,
    alpha_u: alphaU,
    claims: claimsReport(pool.claims, claimAlphas(pool.claims), factualityKappas(pool.claims)),
    counts: {
      articles: articleCount, annotated: pool.rows.length, spans: pool.spans, tokens: units, conflicts: pool.tokens.conflicts,
      alpha, fleiss_kappa: fleiss,
      alpha_u: { articles: pool.unitizedArticles, excluded_articles: pool.rows.length - pool.unitizedArticles, length: pool.continuum, merged: u.merged, categories: u.categories, observed: u.observed, expected: u.expected },
    },
    confusion,
    articles: [...pool.rows].sort(byLowest),
    caveats,
  };
}

/** Lowest agreement first (α on tokens, then F1); articles with nothing to compare last. */
function byLowest(x: ArticleRow, y: ArticleRow): number {
  const v = (r: ArticleRow) => r.alpha ?? r.f1 ?? Infinity;
  return v(x) - v(y) || (x.f1 ?? Infinity) - (y.f1 ?? Infinity) || (x.article < y.article ? -1 : x.article > y.article ? 1 : 0);
}
