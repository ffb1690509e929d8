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
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) out.push({ start: index.toCp(m.index), end: index.toCp(m.index + m[0].length), text: m[0] });
  return out;
}

/** Groups tokens into sentences; `spans` (code points) are never split across sentences. */
export function sentences(text: string, tokens: Token[], spans: { start: number; end: number }[] = [], index = new OffsetIndex(text)): Token[][] {
  const out: Token[][] = [];
  let cur: Token[] = [];
  // Positions strictly inside an annotated span, where no sentence may break.
  const within = new Set<number>();
  for (const s of spans) for (let p = s.start + 1; p < s.end; p++) within.add(p);
  const inside = (cp: number) => within.has(cp);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    cur.push(t);
    if (!next) break;
    const between = text.slice(index.toUtf16(t.end), index.toUtf16(next.start));
    let boundary = between.includes('\n');
    if (!boundary && /^[.!?]$/.test(t.text) && /\s/.test(between)) {
      const before = text.slice(Math.max(0, index.toUtf16(t.start) - 6), index.toUtf16(t.start));
      boundary = /^[\p{Lu}\p{N}"“‘'(]/u.test(next.text) && !ABBREV.test(before);
    }
    if (!boundary && /^["”’]$/.test(t.text) && i > 0 && /^[.!?]$/.test(tokens[i - 1].text) && /\s/.test(between) && /^[\p{Lu}"“]/u.test(next.text)) boundary = true;
    if (boundary && !inside(next.start)) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length) out.push(cur);
  return out;
}
