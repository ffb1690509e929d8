// Deterministic tokenisation and sentence splitting for token-level exports (CoNLL, Hugging Face).
//
// Tokens: a maximal run of letters, marks and digits, or any other single non-space character. So "al-Assad" is
// "al", "-", "Assad"; "U.S." is "U", ".", "S", "."; "Russia's" is "Russia", "'", "s". Every entity boundary that falls
// between a letter and a non-letter falls on a token boundary.
// Sentences: a line break ends one; so does ".", "!" or "?" (with any closing quotes) before whitespace and a capital,
// digit or opening quote, unless the word before is a common abbreviation (Mr., Dec., U.S.). A sentence break never
// splits an annotated span: the sentences around it are joined.
import { OffsetIndex } from '../offsets';

export interface Token {
  /** Code points, end-exclusive. */
  start: number;
  end: number;
  text: string;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;
const ABBREV = /(?:^|[^\p{L}])(?:Mr|Ms|Mrs|Dr|St|Gen|Col|Lt|Sen|Rep|Prof|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|No|vs|U\.S|U\.K|a\.m|p\.m|[A-Z])$/u;

export function tokenize(text: string, index = new OffsetIndex(text)): Token[] {
  const out: Token[] = [];
  const identity = index.isIdentity;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const end = m.index + m[0].length;
    out.push(identity ? { start: m.index, end, text: m[0] } : { start: index.toCp(m.index), end: index.toCp(end), text: m[0] });
  }
  return out;
}

/** The positions strictly inside any of the spans, as sorted, merged [from, to] ranges (code points, inclusive). */
function interiors(spans: { start: number; end: number }[]): [number, number][] {
  const ranges = spans.filter((s) => s.end - s.start >= 2).map((s): [number, number] => [s.start + 1, s.end - 1]).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

function within(ranges: [number, number][], cp: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (cp < ranges[mid][0]) hi = mid - 1;
    else if (cp > ranges[mid][1]) lo = mid + 1;
    else return true;
  }
  return false;
}

const isStop = (s: string) => s.length === 1 && (s === '.' || s === '!' || s === '?');
const isCloseQuote = (s: string) => s.length === 1 && (s === '"' || s === '”' || s === '’');

/** Groups tokens into sentences; `spans` (code points) are never split across sentences. */
export function sentences(text: string, tokens: Token[], spans: { start: number; end: number }[] = [], index = new OffsetIndex(text)): Token[][] {
  const out: Token[][] = [];
  let cur: Token[] = [];
  // Positions strictly inside an annotated span, where no sentence may break.
  const inside = interiors(spans);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    cur.push(t);
    if (!next) break;
    const from = index.toUtf16(t.end);
    const to = index.toUtf16(next.start);
    let boundary = false;
    for (let k = from; k < to && !boundary; k++) boundary = text.charCodeAt(k) === 0x0a;
    const stop = isStop(t.text);
    if (!boundary && (stop || isCloseQuote(t.text))) {
      const spaced = /\s/.test(text.slice(from, to));
      if (stop && spaced) {
        const before = text.slice(Math.max(0, index.toUtf16(t.start) - 6), index.toUtf16(t.start));
        boundary = /^[\p{Lu}\p{N}"“‘'(]/u.test(next.text) && !ABBREV.test(before);
      }
      if (!boundary && !stop && i > 0 && isStop(tokens[i - 1].text) && spaced && /^[\p{Lu}"“]/u.test(next.text)) boundary = true;
    }
    if (boundary && !within(inside, next.start)) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length) out.push(cur);
  return out;
}
