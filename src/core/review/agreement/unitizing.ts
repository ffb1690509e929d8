// Krippendorff's unitizing α (αu; Krippendorff 1995, "On the reliability of unitizing contiguous data", Sociological
// Methodology 25:47–76), computed as DKPro Agreement's KrippendorffAlphaUnitizingAgreement does: per category, the
// observed disagreement sums, for every pair of coders, the squared distances between the overlapping segments (units
// and the gaps between them) of their unitizations of one continuum; the expected disagreement considers every
// placement of every unit in the gaps of all coders. Overall, αu = 1 − mean(D_o)/mean(D_e) over the categories.
//
// Positions and lengths are whatever the caller uses; Sift passes code points. Units of one coder and one category
// must not overlap (DKPro's rule); `unitizingAlpha` merges overlapping ones into their union and counts them.

export interface Segment {
  /** 0 .. coders − 1 */
  coder: number;
  start: number;
  /** > start; end-exclusive. */
  end: number;
  category: string;
}

export interface UnitizingStudy {
  coders: number;
  /** The continuum: [begin, begin + length). */
  begin: number;
  length: number;
  segments: readonly Segment[];
}

export interface CategoryAlphaU {
  value: number | null;
  observed: number;
  expected: number;
  /** Units of the category, all coders. */
  units: number;
}

export interface AlphaU {
  overall: number | null;
  observed: number;
  expected: number;
  categories: Record<string, CategoryAlphaU>;
  /** Overlapping units of one coder and category merged into one (DKPro forbids overlap). */
  merged: number;
}

interface Run {
  start: number;
  length: number;
}

/** One coder's units of one category, sorted, overlaps merged into their union. */
function runsOf(segments: readonly Segment[], coders: number, category: string): { runs: Run[][]; merged: number } {
  const runs: Run[][] = Array.from({ length: coders }, () => []);
  const own = segments.filter((s) => s.category === category && s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
  let merged = 0;
  for (const s of own) {
    const list = runs[s.coder];
    const last = list[list.length - 1];
    if (last && s.start < last.start + last.length) {
      last.length = Math.max(last.length, s.end - last.start);
      merged++;
    } else list.push({ start: s.start, length: s.end - s.start });
  }
  return { runs, merged };
}

/** DKPro's distance between two overlapping segments (a unit or a gap each) of two coders. */
function distance(o1: number, l1: number, c1: boolean, o2: number, l2: number, c2: boolean): number {
  const beginDiff = o1 - o2;
  const lengthDiff = l1 - l2;
  if (c1 && c2 && -l1 < beginDiff && beginDiff < l2) return beginDiff * beginDiff + (beginDiff + lengthDiff) * (beginDiff + lengthDiff);
  if (c1 && !c2 && -lengthDiff >= beginDiff && beginDiff >= 0) return l1 * l1;
  if (!c1 && c2 && -lengthDiff <= beginDiff && beginDiff <= 0) return l2 * l2;
  return 0;
}

/** A cursor over one coder's segments: its units and the gaps between them, in order. */
class Cursor {
  private next = 0;
  offset: number;
  length = 0;
  unit = false;
  constructor(private readonly runs: Run[], begin: number, private readonly end: number) {
    this.offset = begin;
  }
  get more(): boolean {
    return this.next < this.runs.length;
  }
  /** Moves to the segment that starts at `pos` when the current one ends there. */
  step(pos: number): void {
    if (pos !== this.offset + this.length) return;
    const n = this.runs[this.next];
    if (n && pos === n.start) {
      this.length = n.length;
      this.unit = true;
      this.next++;
    } else {
      this.length = (n ? n.start : this.end) - pos;
      this.unit = false;
    }
    this.offset = pos;
  }
}

function observedPair(r1: Run[], r2: Run[], begin: number, end: number): number {
  const a = new Cursor(r1, begin, end);
  const b = new Cursor(r2, begin, end);
  let sum = 0;
  let pos = begin;
  while (pos < end && (a.more || b.more)) {
    a.step(pos);
    b.step(pos);
    sum += distance(a.offset, a.length, a.unit, b.offset, b.length, b.unit);
    pos = Math.min(a.offset + a.length, b.offset + b.length);
  }
  return sum;
}

function observedOf(runs: Run[][], begin: number, length: number): number {
  const R = runs.length;
  let sum = 0;
  for (let i = 0; i < R; i++) for (let j = i + 1; j < R; j++) sum += observedPair(runs[i], runs[j], begin, begin + length);
  return (2 * sum) / (R * (R - 1) * length * length);
}

/** Every coder's gaps (the stretches between units, and before the first and after the last), sorted ascending. */
function gapsOf(runs: Run[][], begin: number, end: number): number[] {
  const gaps: number[] = [];
  for (const list of runs) {
    let pos = begin;
    for (const r of list) {
      if (r.start > pos) gaps.push(r.start - pos);
      pos = r.start + r.length;
    }
    if (end > pos) gaps.push(end - pos);
  }
  return gaps.sort((x, y) => x - y);
}

function expectedOf(runs: Run[][], begin: number, length: number): number {
  const R = runs.length;
  const units = runs.flat();
  const N = units.length;
  const gaps = gapsOf(runs, begin, begin + length);
  // suffix[i] = Σ gaps[i..]; for a unit of length l, Σ over gaps g ≥ l of (g − l + 1) = suffix − (l − 1)·count.
  const suffix = new Array<number>(gaps.length + 1).fill(0);
  for (let i = gaps.length - 1; i >= 0; i--) suffix[i] = suffix[i + 1] + gaps[i];
  let squared = 0;
  let sum = 0;
  for (const { length: l } of units) {
    squared += l * (l - 1);
    const from = lowerBound(gaps, l);
    const placements = suffix[from] - (l - 1) * (gaps.length - from);
    sum += ((N - 1) * (2 * l * l * l - 3 * l * l + l)) / 3 + placements * l * l;
  }
  return (sum * (2 / length)) / (R * length * (R * length - 1) - squared);
}

function lowerBound(xs: number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** αu per category and overall (the categories are those given, else those that occur, sorted). */
export function unitizingAlpha(study: UnitizingStudy, categoryList?: readonly string[]): AlphaU {
  const names = categoryList ?? [...new Set(study.segments.map((s) => s.category))].sort();
  const categories: Record<string, CategoryAlphaU> = {};
  let merged = 0;
  let sumO = 0;
  let sumE = 0;
  for (const c of names) {
    const r = runsOf(study.segments, study.coders, c);
    merged += r.merged;
    const observed = study.length > 0 && study.coders > 1 ? observedOf(r.runs, study.begin, study.length) : 0;
    const expected = study.length > 0 && study.coders > 1 ? expectedOf(r.runs, study.begin, study.length) : 0;
    const units = r.runs.reduce((n, l) => n + l.length, 0);
    // DKPro gives 0 when D_o = D_e; Sift says null when there is nothing to compare (no unit, or no expected disagreement).
    categories[c] = { value: units === 0 || expected === 0 ? null : observed === expected ? 0 : 1 - observed / expected, observed, expected, units };
    sumO += observed;
    sumE += expected;
  }
  const k = names.length;
  const observed = k ? sumO / k : 0;
  const expected = k ? sumE / k : 0;
  return { overall: expected === 0 ? null : 1 - observed / expected, observed, expected, categories, merged };
}
