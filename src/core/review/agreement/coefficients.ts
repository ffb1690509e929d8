// Chance-corrected agreement coefficients over coded units (core, no `vscode`): Cohen's κ for two coders, Fleiss' κ
// for many, Krippendorff's α (nominal and interval) with missing data. Each returns its value and the counts it was
// computed on, so no figure travels without them. A value is `null` when it is undefined (no units, or no variation
// at all, where 0/0 has no meaning); `why` says which.
//
// A coding is one row per unit, one cell per coder; `undefined` is a missing value (the coder did not code the unit).
// `weights`, when given, says how many times each row occurs: pooled token units are mostly the same few rows (every
// coder `O`), so callers count distinct rows instead of holding millions of them.

/** A nominal category or an interval value. */
export type Code = string | number;
export type Coding<C extends Code = Code> = readonly (readonly (C | undefined)[])[];

export interface Coefficient {
  value: number | null;
  /** Units the figure was computed on. */
  used: number;
  /** Units left out because they lack values (κ: a coder is missing; α: fewer than two values, not pairable). */
  excluded: number;
  /** Pairable values (α) or ratings (κ) the figure rests on. */
  values: number;
  /** Why the value is null, or what was left out. */
  why?: string;
}

/** Observed and expected agreement (κ) or disagreement (α) behind a value, for readers who check the arithmetic. */
export interface Detailed extends Coefficient {
  observed: number;
  expected: number;
}

const ratio = (observed: number, expected: number, agreement: boolean): number | null => {
  if (agreement) return expected === 1 ? null : (observed - expected) / (1 - expected);
  return expected === 0 ? null : 1 - observed / expected;
};

/** Cohen's κ: two coders, each with their own marginals; units where either is missing are excluded. */
export function cohenKappa<C extends Code>(a: readonly (C | undefined)[], b: readonly (C | undefined)[], weights?: readonly number[]): Detailed {
  const ma = new Map<C, number>();
  const mb = new Map<C, number>();
  let n = 0;
  let same = 0;
  let units = 0;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const w = weights ? weights[i] : 1;
    units += w;
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined) continue;
    n += w;
    if (x === y) same += w;
    ma.set(x, (ma.get(x) ?? 0) + w);
    mb.set(y, (mb.get(y) ?? 0) + w);
  }
  let pe = 0;
  for (const [c, k] of ma) pe += (k / n) * ((mb.get(c) ?? 0) / n);
  const po = n ? same / n : 0;
  const value = n ? ratio(po, pe, true) : null;
  const out: Detailed = { value, used: n, excluded: units - n, values: 2 * n, observed: po, expected: pe };
  if (!n) out.why = 'no unit coded by both';
  else if (value === null) out.why = 'both coders used one and the same category throughout: κ is 0/0';
  return out;
}

/** Fleiss' κ: shared marginals; only units that every coder coded take part (the others are excluded, counted). */
export function fleissKappa<C extends Code>(coding: Coding<C>, weights?: readonly number[]): Detailed {
  const totals = new Map<C, number>();
  let used = 0;
  let units = 0;
  let raters = 0;
  let sumP = 0;
  for (let r = 0; r < coding.length; r++) {
    const row = coding[r];
    const w = weights ? weights[r] : 1;
    units += w;
    if (row.length < 2 || row.some((v) => v === undefined)) continue;
    raters = row.length;
    used += w;
    const counts = new Map<C, number>();
    for (const v of row as C[]) counts.set(v, (counts.get(v) ?? 0) + 1);
    let sq = 0;
    for (const [c, k] of counts) {
      sq += k * k;
      totals.set(c, (totals.get(c) ?? 0) + k * w);
    }
    sumP += (w * (sq - raters)) / (raters * (raters - 1));
  }
  let pe = 0;
  for (const k of totals.values()) pe += (k / (used * raters)) ** 2;
  const po = used ? sumP / used : 0;
  const value = used ? ratio(po, pe, true) : null;
  const out: Detailed = { value, used, excluded: units - used, values: used * raters, observed: po, expected: pe };
  if (!used) out.why = 'no unit coded by every coder';
  else if (value === null) out.why = 'every coder used one and the same category throughout: κ is 0/0';
  return out;
}

/** Builds the rows for Fleiss' κ from a table of counts (units × categories), as textbooks print it. */
export function codingFromCounts(counts: readonly (readonly number[])[]): Coding<number> {
  return counts.map((row) => row.flatMap((k, c) => new Array<number>(k).fill(c)));
}

export type AlphaMetric = 'nominal' | 'interval';

/**
 * Krippendorff's α = 1 − D_o/D_e from the coincidence matrix, computed through sums (no matrix is built): a unit with
 * m values contributes its pairs weighted 1/(m−1); units with fewer than two values are not pairable and drop out.
 * Nominal: δ = 0 for equal values, 1 otherwise. Interval: δ = (c − k)².
 */
export function krippendorffAlpha(coding: Coding, metric: AlphaMetric = 'nominal', weights?: readonly number[]): Detailed {
  const s = metric === 'nominal' ? nominalSums(coding, weights) : intervalSums(coding, weights);
  const { n, used } = s;
  const observed = n > 1 ? s.within / n : 0;
  const expected = n > 1 ? s.between / (n * (n - 1)) : 0;
  const value = used ? ratio(observed, expected, false) : null;
  const out: Detailed = { value, used, excluded: s.units - used, values: n, observed, expected };
  if (!used) out.why = 'no unit has two values to pair';
  else if (value === null) out.why = 'every pairable value is the same: no variation, α is 0/0';
  return out;
}

interface Sums {
  units: number;
  /** Pairable values. */
  n: number;
  used: number;
  /** Σ over units of Σ_{i≠j} δ(v_i, v_j) / (m − 1). */
  within: number;
  /** Σ over all ordered pairs of pairable values of δ. */
  between: number;
}

function nominalSums(coding: Coding, weights?: readonly number[]): Sums {
  const totals = new Map<Code, number>();
  let n = 0;
  let used = 0;
  let within = 0;
  let units = 0;
  const counts = new Map<Code, number>();
  for (let r = 0; r < coding.length; r++) {
    const w = weights ? weights[r] : 1;
    units += w;
    counts.clear();
    let m = 0;
    for (const v of coding[r]) if (v !== undefined) { m++; counts.set(v, (counts.get(v) ?? 0) + 1); }
    if (m < 2) continue;
    used += w;
    n += m * w;
    let sq = 0;
    for (const [c, k] of counts) { sq += k * k; totals.set(c, (totals.get(c) ?? 0) + k * w); }
    within += (w * (m * m - sq)) / (m - 1);
  }
  let sq = 0;
  for (const k of totals.values()) sq += k * k;
  return { units, n, used, within, between: n * n - sq };
}

function intervalSums(coding: Coding, weights?: readonly number[]): Sums {
  let n = 0;
  let used = 0;
  let within = 0;
  let sum = 0;
  let sumSq = 0;
  let units = 0;
  for (let r = 0; r < coding.length; r++) {
    const w = weights ? weights[r] : 1;
    units += w;
    const vs = coding[r].filter((v): v is number => typeof v === 'number');
    const m = vs.length;
    if (m < 2) continue;
    used += w;
    n += m * w;
    let s = 0;
    let s2 = 0;
    for (const v of vs) { s += v; s2 += v * v; }
    sum += s * w;
    sumSq += s2 * w;
    within += (2 * w * (m * s2 - s * s)) / (m - 1);
  }
  return { units, n, used, within, between: 2 * (n * sumSq - sum * sum) };
}

/** The coincidence matrix of a nominal coding: o[c][k], each unit's ordered pairs weighted 1/(m−1). */
export function coincidences(coding: Coding<string>, weights?: readonly number[]): { categories: string[]; matrix: number[][] } {
  const pairs = new Map<string, Map<string, number>>();
  const add = (c: string, k: string, w: number) => {
    let row = pairs.get(c);
    if (!row) pairs.set(c, (row = new Map<string, number>()));
    row.set(k, (row.get(k) ?? 0) + w);
  };
  coding.forEach((row, r) => {
    const vs = row.filter((v): v is string => v !== undefined);
    if (vs.length < 2) return;
    const w = (weights ? weights[r] : 1) / (vs.length - 1);
    for (let i = 0; i < vs.length; i++) for (let j = 0; j < vs.length; j++) if (i !== j) add(vs[i], vs[j], w);
  });
  const categories = [...pairs.keys()].sort();
  return { categories, matrix: categories.map((c) => categories.map((k) => pairs.get(c)?.get(k) ?? 0)) };
}
