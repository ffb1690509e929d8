// Deterministic tokenisation and sentence splitting for token-level exports (CoNLL, Hugging Face).
//
// Tokens: a maximal run of letters, marks and digits, or any other single non-space character. So "al-Assad" is
// "al", "-", "Assad"; "U.S." is "U", ".", "S", "."; "Russia's" is "Russia", "'", "s". Every entity boundary that falls
// between a letter and a non-letter falls on a token boundary.
// Sentences end where sentences.ts says (the rule attribution uses too): between two tokens when the last character of
// the first, or a line feed between them, ends a sentence. A sentence break never splits an annotated span: the
// sentences around it are joined.
import { OffsetIndex } from './offsets';
import { endsSentence } from './sentences';

export interface Token {
  /** Code points, end-exclusive. */
  start: number;
  end: number;
  text: string;
}

// The tokens are what /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu matches, found by a scan over code points whose
// classes (white space, word, other) come from those same Unicode classes, looked up once per code point.
const SPACE = 1;
const WORD = 2;
const OTHER = 3;
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const SPACE_CHAR = /^\s$/u;
const bmp = new Uint8Array(0x10000);
const astral = new Map<number, number>();
function computeClass(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return WORD_CHAR.test(ch) ? WORD : SPACE_CHAR.test(ch) ? SPACE : OTHER;
}
function classOf(cp: number): number {
  if (cp < 0x10000) return bmp[cp] || (bmp[cp] = computeClass(cp));
  let k = astral.get(cp);
  if (k === undefined) astral.set(cp, (k = computeClass(cp)));
  return k;
}
for (let c = 0; c < 0x80; c++) classOf(c);

export function tokenize(text: string, index = new OffsetIndex(text)): Token[] {
  const out: Token[] = [];
  const identity = index.isIdentity;
  const push = (from: number, to: number) => {
    out.push(identity ? { start: from, end: to, text: text.slice(from, to) } : { start: index.toCp(from), end: index.toCp(to), text: text.slice(from, to) });
  };
  let kind: number;
  let width = 1;
  /** The class of the code point at i; its width in code units is left in `width`. */
  const at = (i: number): number => {
    const c = text.charCodeAt(i);
    width = 1;
    if (c < 0x80) return bmp[c];
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        width = 2;
        return classOf(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
      }
    }
    return classOf(c);
  };
  for (let i = 0; i < text.length;) {
    kind = at(i);
    if (kind === SPACE) {
      i += width;
    } else if (kind === OTHER) {
      push(i, i + width);
      i += width;
    } else {
      let j = i + width;
      while (j < text.length && at(j) === WORD) j += width;
      push(i, j);
      i = j;
    }
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
    // The token's last character, or the space after it, may end the sentence.
    const to = index.toUtf16(next.start);
    let boundary = false;
    for (let k = index.toUtf16(t.end) - 1; k < to && !boundary; k++) boundary = endsSentence(text, k);
    if (boundary && !within(inside, next.start)) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length) out.push(cur);
  return out;
}
