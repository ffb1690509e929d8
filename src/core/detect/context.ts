// The context of a name in its paragraph: sentence starts, the word before, the words after, place and speaker cues.
// Offsets are UTF-16 indices into the paragraph.
import { GIVEN_NAMES, PERSON_ROLES, PLACE_DESCRIPTORS, PLACE_PREPOSITIONS, SPEECH_VERBS } from './lexicon';
import { isAsciiLower } from './runs';

/** Where the current paragraph's dateline ends ("Moscow, Dec 16 (IANS) "): a sentence starts there. Set per paragraph. */
let datelineEnd = -1;

/** detectEntities tells where the dateline of the paragraph it reads ends (-1: none). */
export function setDatelineEnd(end: number): void {
  datelineEnd = end;
}

/** Closing quotes and brackets: ” ’ ) ]. */
const isCloser = (c: number) => c === 0x201d || c === 0x2019 || c === 0x29 || c === 0x5d;

/** True at the start of a sentence, a line or a quotation, where capitals say nothing. */
export function sentenceStart(p: string, s: number): boolean {
  if (s === datelineEnd) return true;
  let i = s - 1;
  for (; i >= 0; i--) {
    const c = p.charCodeAt(i);
    // space " “ ‘ ' ( [
    if (c !== 0x20 && c !== 0x22 && c !== 0x201c && c !== 0x2018 && c !== 0x27 && c !== 0x28 && c !== 0x5b) break;
  }
  if (i < 0) return true;
  const c = p.charCodeAt(i);
  // After a stop and its closing quotes or brackets: "… Damascus.” The", "(… left.) The".
  if (isCloser(c)) {
    while (i > 0 && isCloser(p.charCodeAt(i - 1))) i--;
    const d = p.charCodeAt(i - 1);
    return d === 0x2e || d === 0x21 || d === 0x3f;
  }
  // . ! ? : \n \r – — • |
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3a || c === 0x0a || c === 0x0d || c === 0x2013 || c === 0x2014 || c === 0x2022 || c === 0x7c;
}

const PREV_WORD_RE = /([\p{L}]+)[ ]+$/u;

/** The word right before s and the spaces after it (within 24 characters), or ''. */
export function prevWord(p: string, s: number): string {
  const lo = Math.max(0, s - 24);
  let i = s - 1;
  if (i < lo || p.charCodeAt(i) !== 0x20) return '';
  while (i >= lo && p.charCodeAt(i) === 0x20) i--;
  let j = i;
  for (; j >= lo; j--) {
    const c = p.charCodeAt(j);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) continue;
    // Past ASCII, Unicode decides what a letter is.
    if (c > 0x7f) {
      const m = PREV_WORD_RE.exec(p.slice(lo, s));
      return m ? m[1] : '';
    }
    break;
  }
  return j === i ? '' : p.slice(j + 1, i + 1);
}

const NEXT_WORDS_RE = /^ +(\p{Ll}+)(?: (\p{Ll}+))?/u;
const NEXT_WORDS_AT = / +(\p{Ll}+)(?: (\p{Ll}+))?/uy;

/** The next one or two lowercase words within 40 characters after e (the second undefined when there is none). */
export function nextTwo(p: string, e: number): [string, string | undefined] | undefined {
  if (p.charCodeAt(e) !== 0x20) return undefined;
  const ascii = nextTwoAscii(p, e);
  if (ascii !== null) return ascii;
  NEXT_WORDS_AT.lastIndex = e;
  let m = NEXT_WORDS_AT.exec(p);
  // Words running past the 40-character window are cut where it ends.
  if (m && m.index + m[0].length > e + 40) m = NEXT_WORDS_RE.exec(p.slice(e, e + 40));
  return m ? [m[1], m[2]] : undefined;
}

/**
 * nextTwo by hand where the words are plain ASCII: what the pattern finds (spaces, then lowercase letters, then maybe
 * one space and more), or null when the regex must decide (a character past ASCII where a word may go on, or words
 * running past the window).
 */
function nextTwoAscii(p: string, e: number): [string, string | undefined] | undefined | null {
  let i = e + 1;
  while (p.charCodeAt(i) === 0x20) i++;
  let j = i;
  while (isAsciiLower(p.charCodeAt(j))) j++;
  if (p.charCodeAt(j) >= 0x80) return null;
  if (j === i) return undefined;
  let end = j;
  let second: string | undefined;
  if (p.charCodeAt(j) === 0x20) {
    let k = j + 1;
    while (isAsciiLower(p.charCodeAt(k))) k++;
    if (p.charCodeAt(k) >= 0x80) return null;
    if (k > j + 1) {
      end = k;
      second = p.slice(j + 1, k);
    }
  }
  return end > e + 40 ? null : [p.slice(i, j), second];
}

/** First words of the place words of two words ("air base", "naval facility"): the pair is built only after one. */
const DESCRIPTOR_FIRST: ReadonlySet<string> = new Set([...PLACE_DESCRIPTORS].filter((d) => d.includes(' ')).map((d) => d.slice(0, d.indexOf(' '))));

export const PLACE_OF_RE = /\b(?:(?:[Rr]esidents|canton|county|district|division|island|states|municipality|port|province|city|cities|region|regions|town|village|capital|governorate|suburb|outskirts|provinces) of|(?:[Ss]tates|countries|provinces|regions|cities) (?:such as|including|like)) (?:the )?$/;
export const PLACE_PAIR_RE = /\b(?:port|province|city|cities|region|regions|provinces|towns) of [\p{Lu}][\p{L}’'-]+ (?:and|or) $/u;

/** A lowercase place word right after the name, or a "port of"/"cities of" before it. */
export function placeContext(p: string, s: number, after: [string, string | undefined] | undefined): boolean {
  if (after && (PLACE_DESCRIPTORS.has(after[0]) || (after[1] !== undefined && DESCRIPTOR_FIRST.has(after[0]) && PLACE_DESCRIPTORS.has(`${after[0]} ${after[1]}`)))) return true;
  // Both patterns end in "of ", "the ", "and ", "or ", "as ", "like " or "including ": check that before running them,
  // by the last letter first (f, e, d, r, s, g).
  const c = p.charCodeAt(s - 2);
  if (p.charCodeAt(s - 1) !== 0x20 || !(c === 0x66 || c === 0x65 || c === 0x64 || c === 0x72 || c === 0x73 || c === 0x67)) return false;
  if (!(p.startsWith('of ', s - 3) || p.startsWith('the ', s - 4) || p.startsWith('and ', s - 4) || p.startsWith('or ', s - 3)
    || p.startsWith('as ', s - 3) || p.startsWith('like ', s - 5) || p.startsWith('including ', s - 10))) return false;
  const before = p.slice(Math.max(0, s - 40), s);
  if (PLACE_OF_RE.test(before)) return true;
  // The second of a coordinated pair: "the cities of Tartus and Jableh".
  return PLACE_PAIR_RE.test(before);
}

/**
 * The label of one unknown capitalised word from the words around it, or undefined: a place after "in" (also before a
 * speech verb: "the court in Karlsruhe said") or another place preposition, also one that opens the sentence ("Near
 * Vovchansk,", "In Rosario,"); a person before a speech verb or as a ruler ("the Assad regime").
 */
export function loneWordLabel(p: string, s: number, e: number, after: [string, string | undefined] | undefined): 'PERSON' | 'PLACE' | undefined {
  if (speaker(after) || ruler(p, e)) return prevWord(p, s) === 'in' ? 'PLACE' : 'PERSON';
  if (sentenceStart(p, s)) return undefined;
  const w = prevWord(p, s);
  if (PLACE_PREPOSITIONS.has(w)) return 'PLACE';
  const opening = w.length > 1 && w.charCodeAt(0) < 0x5b && sentenceStart(p, s - w.length - 1);
  return opening && PLACE_PREPOSITIONS.has(w.toLowerCase()) ? 'PLACE' : undefined;
}

const LEADING_PARTICLES: ReadonlySet<string> = new Set(['van', 'von', 'de', 'da', 'dos', 'das', 'del', 'della', 'dela', 'ter', 'ten', 'du', 'zu']);
const SECOND_PARTICLES: ReadonlySet<string> = new Set(['den', 'der', 'la', 'las', 'los']);

const PARTICLE_ENDS: ReadonlySet<number> = new Set([...LEADING_PARTICLES, ...SECOND_PARTICLES].map((w) => w.charCodeAt(w.length - 1)));

/** The lowercase ASCII word (up to 5 letters) that ends at e, followed by a space, and where it starts; or undefined. */
function lowerWordBefore(p: string, e: number): { word: string; start: number } | undefined {
  if (p.charCodeAt(e) !== 0x20) return undefined;
  let i = e;
  while (i > 0 && e - i < 6 && isAsciiLower(p.charCodeAt(i - 1))) i--;
  if (i === e || e - i > 5 || (i > 0 && !wordEdge(p.charCodeAt(i - 1)))) return undefined;
  return { word: p.slice(i, e), start: i };
}

/** A space, a line break, an opening bracket or quote: where a word may start. */
const wordEdge = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x28 || c === 0x22 || c === 0x27 || c === 0x201c || c === 0x2018;

/** Where a person's name starts when a lowercase particle opens it ("van Leeuwen", "de la Cruz"): before s, or s. */
export function particleStart(p: string, s: number): number {
  if (s < 3 || p.charCodeAt(s - 1) !== 0x20 || !isAsciiLower(p.charCodeAt(s - 2))) return s;
  // Every particle ends in one of a, e, n, r, s, l, u: most words before a name do not ("said", "told").
  if (!PARTICLE_ENDS.has(p.charCodeAt(s - 2))) return s;
  const w = lowerWordBefore(p, s - 1);
  if (!w) return s;
  if (LEADING_PARTICLES.has(w.word)) return w.start;
  if (!SECOND_PARTICLES.has(w.word)) return s;
  const first = lowerWordBefore(p, w.start - 1);
  return first && LEADING_PARTICLES.has(first.word) ? first.start : s;
}

export function speaker(after: [string, string | undefined] | undefined): boolean {
  return !!after && SPEECH_VERBS.has(after[0]);
}

/**
 * "said Halima Abdi Noor", "Halima Abdi Noor said", "managing director, Suresh Reddy Gaddam": a name next to a speech
 * verb, or after a person's role or kin (with or without a comma), is a person's.
 */
export function personCue(p: string, s: number, after: [string, string | undefined] | undefined): boolean {
  return speaker(after) || SPEECH_VERBS.has(prevWord(p, s)) || PERSON_ROLES.has(roleBefore(p, s));
}

/** The lower-case ASCII word before s, past one space and an optional comma: "director" in "director, Suresh". */
function roleBefore(p: string, s: number): string {
  let k = s;
  if (p.charCodeAt(k - 1) !== 0x20) return '';
  k--;
  if (p.charCodeAt(k - 1) === 0x2c) k--;
  let j = k;
  while (j > 0 && j > s - 24 && p.charCodeAt(j - 1) >= 0x61 && p.charCodeAt(j - 1) <= 0x7a) j--;
  return p.slice(j, k);
}

/** Matched where the name ends (sticky), without a slice: the words fit well inside the 20 characters once looked at. */
const RULER_RE = /(?:['’]s)? (?:regime|administration|clan|dynasty)\b/y;

/** "the Assad regime", "Assad's administration": a name before these words is a ruler's. */
export function ruler(p: string, e: number): boolean {
  const c = p.charCodeAt(e);
  if (!(c === 0x20 || c === 0x27 || c === 0x2019)) return false;
  RULER_RE.lastIndex = e;
  return RULER_RE.test(p);
}

/** A mention or a word left unlabelled, with offsets in its paragraph. */
interface Spanned { start: number; end: number; text: string }

/**
 * Labels PLACE the names no rule labelled, or only guessed to be a person's, that stand beside a place as places do:
 * the region or country after a place and a comma, closed by punctuation ("based in Austin, Texas, will", "in
 * Pasadena, California."); and the later items of a list of places after a place preposition or a place word ("in
 * Berlin and Kraków", "in Telangana and Andhra Pradesh", "the provinces of Córdoba, Mendoza and Entre Ríos"). A guess
 * that starts with a given name stays a person. Returns the mentions (in order) and the words left.
 */
export function besidePlaces<M extends Spanned & { label: string; how: string }>(p: string, mentions: M[], unresolved: Spanned[]): { mentions: M[]; unresolved: Spanned[] } {
  // A list is read only beside a place or an organisation, and only a name right after or before a list's gap can be
  // in one: most paragraphs have neither, and stop here.
  const listed = (x: Spanned) => nameBefore(p, x.start) || nameAfter(p, x.end);
  let anchored = false;
  for (const m of mentions) if ((m.label === 'PLACE' || m.label === 'ORG') && listed(m)) { anchored = true; break; }
  if (!anchored) return { mentions, unresolved };
  const guesses: M[] = [];
  for (const m of mentions) if (m.label === 'PERSON' && m.how === 'rule' && listed(m) && !GIVEN_NAMES.has(m.text.split(' ', 1)[0])) guesses.push(m);
  const candidates: Spanned[] = [];
  for (const u of unresolved) if (listed(u)) candidates.push(u);
  if (!candidates.length && !guesses.length) return { mentions, unresolved };
  candidates.push(...guesses);
  const items: Items = [...mentions, ...unresolved].sort((a, b) => a.start - b.start);
  const found = new Map<Spanned, string>();
  const isPlace = (x: Spanned) => (found.get(x) ?? (x as Partial<M>).label) === 'PLACE';
  const isOrg = (x: Spanned) => (found.get(x) ?? (x as Partial<M>).label) === 'ORG';
  for (const u of candidates.sort((a, b) => a.start - b.start)) {
    if (beforePlaces(p, items, u, isPlace)) {
      found.set(u, 'PLACE');
      continue;
    }
    const before = itemBefore(p, items, u);
    const closed = /^(?:[,.;:]|\s\(|$)/.test(p.slice(u.end, u.end + 2));
    if (before && isPlace(before.item) && ((before.gap === ', ' && closed && !guesses.includes(u as M)) || listOfPlaces(p, items, before.item, before.gap, u))) found.set(u, 'PLACE');
    else if (listWithOrg(p, items, u, isOrg, (x) => (x as Partial<M>).label === 'PERSON' && !guesses.includes(x as M))) found.set(u, 'ORG');
  }
  if (!found.size) return { mentions, unresolved };
  const added = [...found].map(([u, label]) => ({ start: u.start, end: u.end, text: u.text, label, how: 'context' }) as M);
  return { mentions: [...mentions.filter((m) => !found.has(m)), ...added].sort((a, b) => a.start - b.start), unresolved: unresolved.filter((u) => !found.has(u)) };
}

/** The list's gap that starts at e (", and ", ", or ", " and ", " or ", ", "), or undefined; by character first. */
export function gapAt(p: string, e: number): string | undefined {
  const c = p.charCodeAt(e);
  if (c === 0x2c) {
    if (p.charCodeAt(e + 1) !== 0x20) return undefined;
    return p.startsWith(', and ', e) ? ', and ' : p.startsWith(', or ', e) ? ', or ' : ', ';
  }
  if (c !== 0x20) return undefined;
  // By the letter after the space first: most names are followed by neither word.
  const d = p.charCodeAt(e + 1);
  if (d === 0x61) return p.startsWith(' and ', e) ? ' and ' : undefined;
  return d === 0x6f && p.startsWith(' or ', e) ? ' or ' : undefined;
}

/** A paragraph's names and words, in order. */
type Items = readonly Spanned[];
const startingAt = (items: Items, n: number) => items.find((x) => x.start === n);
const endingAt = (items: Items, n: number) => items.find((x) => x.end === n);

/** The list's gap that ends at s (the longest of ", and ", ", or ", " and ", " or ", ", "), or undefined: gapAt's twin. */
function gapEndingAt(p: string, s: number): string | undefined {
  if (p.charCodeAt(s - 1) !== 0x20) return undefined;
  const c = p.charCodeAt(s - 2);
  if (c === 0x2c) return ', ';
  if (c === 0x64 && p.startsWith(' and ', s - 5)) return p.charCodeAt(s - 6) === 0x2c ? ', and ' : ' and ';
  if (c === 0x72 && p.startsWith(' or ', s - 4)) return p.charCodeAt(s - 5) === 0x2c ? ', or ' : ' or ';
  return undefined;
}

/** Whether a list's gap ends at s with a name's last letter (or period) before it: "Berlin and ", "U.S., ". */
function nameBefore(p: string, s: number): boolean {
  const gap = gapEndingAt(p, s);
  if (!gap) return false;
  const c = p.charCodeAt(s - gap.length - 1);
  return c === 0x2e || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c >= 0x80;
}

/** Whether a list's gap starts at e with a capital (or a letter past ASCII) after it: ", Kadugli", " and Sumy". */
function nameAfter(p: string, e: number): boolean {
  const gap = gapAt(p, e);
  if (!gap) return false;
  const c = p.charCodeAt(e + gap.length);
  return (c >= 0x41 && c <= 0x5a) || c >= 0x80;
}

/**
 * u is in a list with an organisation and no person, joined by "and" or "or": "advised by Deutsche Bank and Lazard",
 * "X, CLSA and UBS"; not "members of the House of the People, Fadumo Ali Warsame and Ibrahim …".
 */
function listWithOrg(p: string, items: Items, u: Spanned, isOrg: (x: Spanned) => boolean, isPerson: (x: Spanned) => boolean): boolean {
  const chain: Spanned[] = [];
  let joined = false;
  for (let x = u, k = 0; k < 8; k++) {
    const b = itemBefore(p, items, x);
    if (!b) break;
    joined ||= b.gap !== ', ';
    chain.push((x = b.item));
  }
  for (let x = u, k = 0; k < 8; k++) {
    const gap = gapAt(p, x.end);
    const next = gap && startingAt(items, x.end + gap.length);
    if (!next) break;
    joined ||= gap !== ', ';
    chain.push((x = next));
  }
  return joined && chain.some(isOrg) && !chain.some(isPerson) && !GIVEN_NAMES.has(u.text);
}

/** The item that ends right before u, with one of the list's gaps between them. */
function itemBefore(p: string, items: Items, u: Spanned): { item: Spanned; gap: string } | undefined {
  const gap = gapEndingAt(p, u.start);
  if (!gap) return undefined;
  const item = endingAt(items, u.start - gap.length);
  return item ? { item, gap } : undefined;
}

const PLURAL_PLACE_WORD = /^ (?:regions|provinces|counties|districts|states|oblasts|governorates|cantons|cities|towns|villages)\b/;

/** u opens a list whose last item is a place before a plural place word: "in the Poltava and Sumy regions". */
function beforePlaces(p: string, items: Items, u: Spanned, isPlace: (x: Spanned) => boolean): boolean {
  let last = u;
  for (let k = 0; k < 8; k++) {
    const gap = gapAt(p, last.end);
    const next = gap && startingAt(items, last.end + gap.length);
    if (!next) break;
    last = next;
    if (gap !== ', ') break;
  }
  return last !== u && isPlace(last) && PLURAL_PLACE_WORD.test(p.slice(last.end, last.end + 16));
}

/**
 * u is an item of a list that opens after a place preposition or a place word ("in A, B and u", "the provinces of A
 * and u"): a middle item (after ", ") must be followed by more of the list.
 */
function listOfPlaces(p: string, items: Items, before: Spanned, gap: string, u: Spanned): boolean {
  if (gap === ', ' && !/^(?:, \p{Lu}|,? (?:and|or) )/u.test(p.slice(u.end, u.end + 6))) return false;
  let head = before;
  for (let k = 0; k < 8; k++) {
    const earlier = itemBefore(p, items, head);
    if (!earlier || earlier.gap !== ', ') break;
    head = earlier.item;
  }
  return PLACE_PAIR_PREPOSITIONS.has(prevWord(p, head.start)) || PLACE_OF_RE.test(p.slice(Math.max(0, head.start - 40), head.start));
}

const PLACE_PAIR_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'from', 'between', 'near', 'across', 'to']);
