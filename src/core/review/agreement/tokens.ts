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

/**
 * Token units pooled over articles, kept as distinct rows with their counts (the coefficients take weights): a row
 * holds one label per compared annotator, `undefined` where the annotator has no layer for the article (missing,
 * never `O`).
 */
export class TokenUnits {
  private readonly rows = new Map<string, { row: (string | undefined)[]; count: number }>();
  units = 0;
  conflicts = 0;

  /** Adds one article's tokens; `labels[k]` is annotator k's labels, or undefined when k has no layer. */
  add(tokens: number, labels: readonly (readonly string[] | undefined)[]): void {
    this.units += tokens;
    for (let t = 0; t < tokens; t++) {
      let key = '';
      for (const l of labels) key += `${l ? l[t] : ''}\u0000`;
      const entry = this.rows.get(key);
      if (entry) entry.count++;
      else this.rows.set(key, { row: labels.map((l) => l?.[t]), count: 1 });
    }
  }

  /** Adds another pool's rows (one article's, say) to this one. */
  merge(other: TokenUnits): void {
    this.units += other.units;
    this.conflicts += other.conflicts;
    for (const [key, e] of other.rows) {
      const mine = this.rows.get(key);
      if (mine) mine.count += e.count;
      else this.rows.set(key, { row: e.row, count: e.count });
    }
  }

  coding(): { rows: (string | undefined)[][]; weights: number[] } {
    const entries = [...this.rows.values()];
    return { rows: entries.map((e) => e.row), weights: entries.map((e) => e.count) };
  }
}
