// Name tokens of a run and the word-list lookups on them: titles, spans of several words, capitals.
import { ORG_HEADS, TITLES } from './lexicon';

export interface Tok {
  s: number;
  e: number;
  t: string;
}

const UPPER_ONLY = /^[\p{Lu}\d.&-]+$/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Capitals, digits, periods, '&' and hyphens only ("NATO", "U.S."): checked by hand in ASCII. */
export function upperOnly(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0x80) return UPPER_ONLY.test(t);
    if (!((c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x26 || c === 0x2d)) return false;
  }
  return t.length > 0;
}
export const TITLE_WORDS = new Set(TITLES.flatMap((t) => t.split(' ')).concat(['International', 'Senior', 'Deputy', 'Acting', 'Former', 'Interim', 'General']));
export const TITLE_SET = new Set(TITLES);

export const TITLE_FIRST = firstWords(TITLES);

export function titleCase(w: string): string {
  return w.length > 1 ? w[0] + w.slice(1).toLowerCase() : w;
}

export function startsWithTitle(p: string, toks: Tok[]): boolean {
  return titleAt(p, toks, 0) > 0;
}

/** The number of words of the title at toks[i] (0: none); "General" before a head word is no title ("General Staff"). */
export function titleAt(p: string, toks: Tok[], i: number): number {
  for (let n = Math.min(4, toks.length - 1 - i); n >= 1; n--) {
    if (spanIn(TITLE_SET, TITLE_FIRST, p, toks, i, n)) return ORG_HEADS.has(toks[i + n].t) ? 0 : n;
  }
  return 0;
}

/** First words of the entries of two or more words (also in capitals, as headlines write them). */
export function firstWords(names: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const x of names) {
    const space = x.indexOf(' ');
    if (space > 0) out.add(x.slice(0, space)).add(x.slice(0, space).toUpperCase());
  }
  return out;
}

/**
 * Whether toks[i, i+n) is an entry of `set`. A span of several words is looked up only when some entry of several
 * words starts with its first word (`firsts`): most are not, and building the span costs more than the check.
 */
export function spanIn(set: ReadonlySet<string>, firsts: ReadonlySet<string>, p: string, toks: Tok[], i: number, n: number): boolean {
  if (n === 1) return set.has(toks[i].t);
  return firsts.has(toks[i].t) && set.has(span(p, toks, i, i + n));
}

export const span = (p: string, toks: Tok[], from: number, to: number) => p.slice(toks[from].s, toks[Math.min(to, toks.length) - 1].e);

/** Where the last space in t is, or -1: as t.lastIndexOf(' '), which V8 runs outside compiled code, twice as slow. */
export function lastSpace(t: string): number {
  let i = t.length - 1;
  while (i >= 0 && t.charCodeAt(i) !== 0x20) i--;
  return i;
}

/** The last word of a name ("Ministry" of "Russian Foreign Ministry"). */
export const lastWord = (t: string) => t.slice(lastSpace(t) + 1);

/** Words that make a title longer before its head ("Deputy Finance Minister", "Chief Cabinet Secretary", "Rear Adm."). */
const TITLE_MODIFIERS = new Set(`Deputy Vice Chief Acting Interim Senior Junior Union Federal State Cabinet Rear Lieutenant Foreign Finance Home
Interior Defence Defense Health Trade Economy Economic Energy Justice Education Agriculture Transport Labour Labor Environment Culture
Industry Commerce Information Communications Science Technology Tourism Housing Planning Development Security Immigration Budget
Fisheries Water Mining Petroleum Sports Youth Welfare Social Public Works Affairs Attorney Solicitor Managing Executive Press Digital
Climate Infrastructure Investment Revenue Railways Aviation Maritime`.split(/\s+/));

/** Whether toks[i, j) only lengthen the title that starts at toks[j]: not a name. */
export function titleModifiers(toks: readonly Tok[], i: number, j: number): boolean {
  if (j >= toks.length || !TITLE_SET.has(toks[j].t)) return false;
  for (let k = i; k < j; k++) if (!TITLE_MODIFIERS.has(toks[k].t)) return false;
  return true;
}

/** A character that glues a capital to what precedes it: a letter, digit, '_', '@' or '#' ("iPhone", "@Kyivpost"). */
export function glued(c: number): boolean {
  if (c === 0x40 || c === 0x23 || c === 0x5f) return true;
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return true;
  return c > 0x7f && LETTER_OR_DIGIT.test(String.fromCharCode(c));
}

/** One plain word: letters only, no space, hyphen, apostrophe or period. */
export function simpleWord(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x20 || c === 0x2d || c === 0x27 || c === 0x2019 || c === 0x2e || (c >= 0x30 && c <= 0x39)) return false;
  }
  return true;
}

export function hasDigit(t: string): boolean {
  for (let i = 0; i < t.length; i++) { const c = t.charCodeAt(i); if (c >= 0x30 && c <= 0x39) return true; }
  return false;
}

/** Whether the word ends in 's, ’s or ʼs: checked by character, without building the endings. */
export function possessive(t: string): boolean {
  const n = t.length;
  if (n < 2 || t.charCodeAt(n - 1) !== 0x73) return false;
  const a = t.charCodeAt(n - 2);
  return a === 0x27 || a === 0x2019 || a === 0x2bc;
}
