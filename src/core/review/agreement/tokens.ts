// Token units for chance-corrected agreement: the tokens of the CoNLL export (the same tokeniser, src/core/text/
// tokenize.ts), each labelled with the label of the entity span that covers it, or `O`. A token is covered when the span
// overlaps it (a span need not fall on token boundaries here, unlike the export, which leaves such spans out). Where
// an annotator's spans of different labels cover one token, the longest span wins (then the earlier start, then the
// label's order) and the token is counted as a conflict.
import { Token } from '../../text/tokenize';
import { LabelledSpan } from './spans';

export const OUTSIDE = 'O';

/** The label of each token, and how many tokens spans of different labels competed for. */
export function tokenLabels(tokens: readonly Token[], spans: readonly LabelledSpan[]): { labels: string[]; conflicts: number } {
  const labels = new Array<string>(tokens.length).fill(OUTSIDE);
  // Written in increasing priority, so the span that wins is written last.
  const ordered = [...spans].sort((x, y) => (x.end - x.start) - (y.end - y.start) || y.start - x.start || (x.label < y.label ? 1 : x.label > y.label ? -1 : 0));
  const conflicted = new Set<number>();
  for (const s of ordered) {
    for (let i = firstEndingAfter(tokens, s.start); i < tokens.length && tokens[i].start < s.end; i++) {
      if (labels[i] !== OUTSIDE && labels[i] !== s.label) conflicted.add(i);
      labels[i] = s.label;
    }
  }
  return { labels, conflicts: conflicted.size };
}

/** The first token whose end is after `cp` (tokens are in order, their ends increasing). */
function firstEndingAfter(tokens: readonly Token[], cp: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid].end <= cp) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A label's code in an article's table (1, 2, …; 0 stands for a missing annotator). */
function localCode(table: Map<string, number>, label: string): number {
  let c = table.get(label);
  if (c === undefined) table.set(label, (c = table.size + 1));
  return c;
}

/**
 * Token units pooled over articles, kept as distinct rows with their counts (the coefficients take weights): a row
 * holds one label per compared annotator, `undefined` where the annotator has no layer for the article (missing,
 * never `O`).
 */
export class TokenUnits {
  /** Distinct rows (one label or undefined per annotator) and how many tokens have them. */
  private readonly rows = new Map<string, { row: (string | undefined)[]; count: number }>();
  units = 0;
  conflicts = 0;

  /** Adds one article's tokens; `labels[k]` is annotator k's labels, or undefined when k has no layer. */
  add(tokens: number, labels: readonly (readonly string[] | undefined)[]): void {
    this.units += tokens;
    // Within one article, count rows by the index of their labels in a small local table, then add them once each.
    const local = new Map<string, number>();
    const codes = labels.map((l) => (l ? l.map((x) => localCode(local, x)) : undefined));
    const base = local.size + 1;
    if (base ** labels.length > Number.MAX_SAFE_INTEGER) {
      // Too many annotators and labels for a numeric key: one row per token.
      for (let t = 0; t < tokens; t++) this.addRow(labels.map((l) => l?.[t]), 1);
      return;
    }
    const counts = new Map<number, number>();
    for (let t = 0; t < tokens; t++) {
      let key = 0;
      for (const c of codes) key = key * base + (c ? c[t] : 0);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const names = ['', ...local.keys()];
    for (const [key, count] of counts) {
      const row: (string | undefined)[] = new Array<string | undefined>(labels.length);
      let k = key;
      for (let i = labels.length - 1; i >= 0; i--) { const c = k % base; row[i] = c ? names[c] : undefined; k = (k - c) / base; }
      this.addRow(row, count);
    }
  }

  private addRow(row: (string | undefined)[], count: number): void {
    const key = row.map((v) => (v === undefined ? '\u0001' : v)).join('\u0000');
    const entry = this.rows.get(key);
    if (entry) entry.count += count;
    else this.rows.set(key, { row, count });
  }

  /** Adds another pool's rows (one article's, say) to this one. */
  merge(other: TokenUnits): void {
    this.units += other.units;
    this.conflicts += other.conflicts;
    for (const e of other.rows.values()) this.addRow(e.row, e.count);
  }

  coding(): { rows: (string | undefined)[][]; weights: number[] } {
    const entries = [...this.rows.values()];
    return { rows: entries.map((e) => e.row), weights: entries.map((e) => e.count) };
  }
}
