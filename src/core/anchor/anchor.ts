// Anchoring: keeping annotations on their text while the article is edited (live) or changed on disk (re-anchor).
import { Anchor, SubSpan } from '../model';
import { ArticleText } from '../text/article';

export type AnchorOutcome = 'same' | 'exact' | 'fuzzy' | 'orphaned';

export interface Reanchored {
  anchor: Anchor;
  outcome: AnchorOutcome;
}

/** Quotes shorter than this are never matched fuzzily: too easy to land on the wrong word. */
export const MIN_FUZZY_QUOTE = 5;
/** Edit distance allowed for a fuzzy match, as a share of the quote's length. */
export const FUZZY_RATIO = 0.25;
/** The fuzzy search looks this far (UTF-16 units) either side of the old position at least. */
const FUZZY_WINDOW = 4000;
/** Longest quote matched fuzzily (UTF-16 units); longer ones match their head and tail. */
const FUZZY_MAX_PATTERN = 400;

/** How many characters of context agree: the prefix read backwards from u16 and the suffix forwards from u16End. */
function contextScore(text: string, u16: number, u16End: number, prefix: string, suffix: string): number {
  let score = 0;
  for (let i = 1; i <= prefix.length && u16 - i >= 0 && text[u16 - i] === prefix[prefix.length - i]; i++) score++;
  for (let i = 0; i < suffix.length && u16End + i < text.length && text[u16End + i] === suffix[i]; i++) score++;
  return score;
}

/** True when UTF-16 index `u16` of `text` does not split a surrogate pair: a span may start or end there. */
export function onCodePointBoundary(text: string, u16: number): boolean {
  if (u16 <= 0 || u16 >= text.length) return true;
  const hi = text.charCodeAt(u16 - 1);
  const lo = text.charCodeAt(u16);
  return !(hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff);
}

const onBoundaries = (text: string, start: number, end: number) => onCodePointBoundary(text, start) && onCodePointBoundary(text, end);

/** Exact occurrences of `quote` (on code point boundaries), preferring those whose context agrees most, then the one nearest `hint` (UTF-16). */
function bestExact(text: string, quote: string, prefix: string, suffix: string, hint: number): number | undefined {
  if (quote.length === 0) return undefined;
  let best: number | undefined;
  let bestScore = -1;
  let bestDist = Infinity;
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) {
    if (!onBoundaries(text, i, i + quote.length)) continue;
    const score = contextScore(text, i, i + quote.length, prefix, suffix);
    const dist = Math.abs(i - hint);
    if (score > bestScore || (score === bestScore && dist < bestDist)) {
      best = i;
      bestScore = score;
      bestDist = dist;
    }
  }
  return best;
}

/**
 * Approximate substring match (Sellers' algorithm) of `pattern` in text[from, to), tracking where each match starts.
 * Returns the match with the least edit distance (ties: nearest `hint`), if that distance is at most maxCost. A match
 * starts and ends on code point boundaries: never on half of a surrogate pair.
 */
export function fuzzyFind(text: string, pattern: string, from: number, to: number, hint: number, maxCost: number): { start: number; end: number; cost: number } | undefined {
  const m = pattern.length;
  if (m === 0) return undefined;
  let cost = new Int32Array(m + 1);
  let start = new Int32Array(m + 1);
  let nextCost = new Int32Array(m + 1);
  let nextStart = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) { cost[i] = i; start[i] = from; }
  let best: { start: number; end: number; cost: number } | undefined;
  for (let j = from; j < to; j++) {
    const tc = text.charCodeAt(j);
    nextCost[0] = 0;
    nextStart[0] = j + 1;
    for (let i = 1; i <= m; i++) {
      let c = cost[i - 1] + (pattern.charCodeAt(i - 1) === tc ? 0 : 1);
      let s = start[i - 1];
      if (cost[i] + 1 < c) { c = cost[i] + 1; s = start[i]; }
      if (nextCost[i - 1] + 1 < c) { c = nextCost[i - 1] + 1; s = nextStart[i - 1]; }
      nextCost[i] = c;
      nextStart[i] = s;
    }
    [cost, nextCost] = [nextCost, cost];
    [start, nextStart] = [nextStart, start];
    const c = cost[m];
    if (c <= maxCost && onBoundaries(text, start[m], j + 1)) {
      const cand = { start: start[m], end: j + 1, cost: c };
      if (!best || c < best.cost || (c === best.cost && Math.abs(cand.start - hint) < Math.abs(best.start - hint))) best = cand;
    }
  }
  return best;
}

function fuzzyLocate(text: string, old: Anchor, hint: number): { start: number; end: number } | undefined {
  const q = old.quote;
  if (q.length < MIN_FUZZY_QUOTE) return undefined;
  const window = Math.max(FUZZY_WINDOW, q.length * 4);
  const from = Math.max(0, hint - window);
  const to = Math.min(text.length, hint + q.length + window);
  if (q.length <= FUZZY_MAX_PATTERN) {
    const hit = fuzzyFind(text, q, from, to, hint, Math.floor(q.length * FUZZY_RATIO));
    return hit && { start: hit.start, end: hit.end };
  }
  // A long quote: find its head and its tail separately; both must land, in order, at a plausible length.
  const part = FUZZY_MAX_PATTERN / 2;
  const head = fuzzyFind(text, q.slice(0, part), from, to, hint, Math.floor(part * FUZZY_RATIO));
  if (!head) return undefined;
  const tail = fuzzyFind(text, q.slice(-part), head.end, Math.min(text.length, head.start + q.length * 2), head.start + q.length - part, Math.floor(part * FUZZY_RATIO));
  if (!tail || tail.end - head.start > q.length * 1.5 || tail.end - head.start < q.length * 0.5) return undefined;
  return { start: head.start, end: tail.end };
}

/**
 * Finds an annotation again in a changed article, in this order:
 * 1. its old position, if the quote and its context still stand there;
 * 2. the exact quote, where the context agrees most, then nearest the old position;
 * 3. a fuzzy match of the quote near the old position, within a bounded edit distance.
 * Otherwise it is orphaned: the old anchor is kept as it was.
 */
export function reanchor(old: Anchor, article: ArticleText): Reanchored {
  const { text, index } = article;
  const hint = index.toUtf16(Math.min(Math.max(0, old.start), article.length));
  // 1. Still in place: the quote and its whole context stand at the old offsets. (With the quote alone, a short quote
  // could be another occurrence that an edit happened to move there.)
  if (article.inRange(old.start, old.end) && old.quote.length > 0 && article.slice(old.start, old.end) === old.quote
    && contextScore(text, hint, hint + old.quote.length, old.prefix, old.suffix) === old.prefix.length + old.suffix.length) {
    return { anchor: article.anchor(old.start, old.end), outcome: 'same' };
  }
  const exact = bestExact(text, old.quote, old.prefix, old.suffix, hint);
  if (exact !== undefined) {
    const s = index.toCp(exact);
    return { anchor: article.anchor(s, index.toCp(exact + old.quote.length)), outcome: 'exact' };
  }
  const fuzzy = fuzzyLocate(text, old, hint);
  if (fuzzy) {
    const s = index.toCp(fuzzy.start);
    const e = Math.max(s, index.toCp(fuzzy.end));
    if (e > s) return { anchor: article.anchor(s, e), outcome: 'fuzzy' };
  }
  return { anchor: old, outcome: 'orphaned' };
}

/**
 * Re-places a sub-span (a cue, a source mention) after its annotation moved by `delta` code points: where it was,
 * shifted, if the quote stands there; else the nearest exact occurrence within a short distance; else flagged orphaned.
 */
export function reanchorSubSpan(sub: SubSpan, delta: number, article: ArticleText): SubSpan {
  const s = sub.start + delta;
  const e = sub.end + delta;
  if (article.inRange(s, e) && article.slice(s, e) === sub.quote) return { start: s, end: e, quote: sub.quote };
  const { text, index } = article;
  const hint = index.toUtf16(Math.min(Math.max(0, s), article.length));
  const near = bestExact(text.slice(Math.max(0, hint - 500), hint + sub.quote.length + 500), sub.quote, '', '', Math.min(hint, 500));
  if (near !== undefined) {
    const u = Math.max(0, hint - 500) + near;
    return { start: index.toCp(u), end: index.toCp(u + sub.quote.length), quote: sub.quote };
  }
  return { ...sub, orphaned: true };
}

/** One change to the text, in code points of the text before the change: [start, end) replaced by `insert` code points. */
export interface TextEdit {
  start: number;
  end: number;
  insert: number;
}

/**
 * Moves a span through an edit, as an editor moves its markers. Text inserted at a boundary stays outside the span;
 * an edit inside it grows or shrinks it. Returns undefined when the span's whole text was deleted or replaced.
 */
export function shiftSpan(span: { start: number; end: number }, edit: TextEdit): { start: number; end: number } | undefined {
  const delta = edit.insert - (edit.end - edit.start);
  const map = (p: number, side: 'start' | 'end'): number => {
    if (p < edit.start || (p === edit.start && side === 'end' && edit.end > edit.start)) return p;
    if (p === edit.start && edit.end === edit.start) return side === 'start' ? p + edit.insert : p;
    if (p >= edit.end) return p + delta;
    // Inside the replaced region: the start moves to the region's start, the end past the inserted text.
    return side === 'start' ? edit.start : edit.start + edit.insert;
  };
  if (edit.start <= span.start && edit.end >= span.end && edit.end > edit.start && span.end > span.start) return undefined;
  const start = map(span.start, 'start');
  const end = map(span.end, 'end');
  return end > start ? { start, end } : undefined;
}
