// Headlines: an all-capitals line or a title-case headline, where capitals say less about names than in running text.
import { isAsciiLower, isGeneralPunctuation } from './runs';

/** What kind of line: see headlineKind. */
export type Headline = 'caps' | 'title' | false;

const HEADLINE_WORD = /[\p{L}][\p{L}’'-]*/gu;
const LOWER = /\p{Ll}/u;
const UPPER_FIRST = /^\p{Lu}/u;

/** 'caps' for an all-capitals line, 'title' for a title-case headline, false for running text (and bylines). */
export function headlineKind(p: string): Headline {
  if (p.length > 160) return false;
  let n = 0;
  let caps = 0;
  let small = 0;
  let lower = false;
  let firstBy = false;
  // Words are letters, then letters, apostrophes (' ’) and hyphens; a line of ASCII and general punctuation (no
  // letters there: read as ASCII marks are) is counted by hand.
  for (let i = 0; i < p.length;) {
    const c = p.charCodeAt(i);
    if (c >= 0x80 && !isGeneralPunctuation(c)) return headlineKindUnicode(p);
    const up = c >= 0x41 && c <= 0x5a;
    if (!up && !isAsciiLower(c)) { i++; continue; }
    const s = i;
    // Over 16 words is running text whatever follows (a Unicode count would find at least as many).
    if (++n > 16) return false;
    if (up) caps++;
    for (i++; i < p.length; i++) {
      const d = p.charCodeAt(i);
      if (d >= 0x80 && d !== 0x2019 && !isGeneralPunctuation(d)) return headlineKindUnicode(p);
      if (isAsciiLower(d)) lower = true;
      else if (!((d >= 0x41 && d <= 0x5a) || d === 0x27 || d === 0x2d || d === 0x2019)) break;
    }
    if (!up) {
      lower = true;
      // Five words in lowercase: no title (at most 11 of 16 words capitalised) and no capitals line, whatever follows.
      if (++small === 5) return false;
    }
    if (n === 1) firstBy = i - s === 2 && p.startsWith('By', s);
  }
  return headlineOf(n, caps, lower, firstBy);
}

function headlineKindUnicode(p: string): Headline {
  const words = p.match(HEADLINE_WORD) ?? [];
  return headlineOf(words.length, words.filter((w) => UPPER_FIRST.test(w)).length, words.some((w) => LOWER.test(w)), words[0] === 'By');
}

function headlineOf(words: number, caps: number, lower: boolean, firstBy: boolean): Headline {
  if (words < 2 || words > 16) return false;
  if (!lower) return 'caps';
  if (firstBy) return false;
  return words >= 4 && caps / words >= 0.75 ? 'title' : false;
}
