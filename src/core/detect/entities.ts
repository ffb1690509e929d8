// Entity mentions (PERSON, ORG, PLACE) in one paragraph, by capitalisation runs, word lists, title and suffix rules,
// and context cues. Offsets are UTF-16 indices into the paragraph.
import {
  ARABIC_COMPOUND, CITIES, COMMON_ACRONYMS, COMMON_CAPITALISED, COMPANY_WORDS, COUNTRIES, DEMONYMS, GIVEN_NAMES, NAME_PARTICLES, ORG_HEADS, ORGS, PLACE_HEADS,
  PART_OF_NOUNS, PERSON_ROLES, REGIONS,
} from './lexicon';
import { besidePlaces, loneWordLabel, nextTwo, placeContext, prevWord, sentenceStart, setDatelineEnd, personCue } from './context';
import { Headline, headlineKind } from './headline';
import { andInName, companyPeriods, eventOrInstrument, joinAt, joinLists, orgCue, paragraphDateline, personOfThe } from './orgRules';
import { isJoiner, nextRun } from './runs';
import { TITLE_FIRST, TITLE_SET, TITLE_WORDS, Tok, firstWords, glued, hasDigit, possessive, simpleWord, span, spanIn, startsWithTitle, titleAt, titleCase, titleModifiers, upperOnly } from './tokens';

export type EntityLabel = 'PERSON' | 'ORG' | 'PLACE';

export interface EntityMention {
  start: number;
  end: number;
  text: string;
  label: string;
  /** How it was found, for the hover: 'lexicon', 'gazetteer', 'learned', 'rule', 'context'. */
  how: string;
  canonical?: string;
}

/** A capitalised word that no rule could label; the document pass may label it from other mentions. */
export interface Unresolved {
  start: number;
  end: number;
  text: string;
}

/** Names the workspace knows (gazetteer aliases and strings annotators labelled), looked up before any rule. */
export interface KnownNames {
  get(text: string): { label: string; canonical?: string; how: string } | undefined;
  /** Longest number of words in any known name, to bound the lookups. */
  readonly maxWords: number;
  /** Whether a known name of two or more words starts with this word (in any case), to skip hopeless lookups. */
  startsName(word: string): boolean;
}

/** Common capitalised words that are no demonym ("The", "He"; not "British"): one lookup where two were asked. */
/** Plain words all (a unit test checks): detectEntities looks a run up here only when it is one. */
export const COMMON_NOT_DEMONYM: ReadonlySet<string> = new Set([...COMMON_CAPITALISED].filter((w) => !DEMONYMS.has(w)));
const DEMONYM_FIRST = firstWords(DEMONYMS);

/** The built-in lists as one map, looked up once per candidate: places first, then organisations. */
const BUILTIN = new Map<string, { label: string; how: string }>();
for (const x of ORGS) BUILTIN.set(x, { label: 'ORG', how: 'lexicon' });
for (const x of [...COUNTRIES, ...CITIES, ...REGIONS]) BUILTIN.set(x, { label: 'PLACE', how: 'lexicon' });
const BUILTIN_FIRST = firstWords(BUILTIN.keys());

/** Whether a name the workspace or the built-in lists know, of two or more words, may start with this word. */
function startsKnownName(word: string, known: KnownNames | undefined): boolean {
  return BUILTIN_FIRST.has(word) || (!!known && known.startsName(word));
}

/**
 * Finds entity mentions in one paragraph. `known` names from the workspace win over every rule. Capitalised words that
 * no rule could label are returned as `unresolved`, for the document pass.
 */
export function detectEntities(p: string, known?: KnownNames): { mentions: EntityMention[]; unresolved: Unresolved[] } {
  const mentions: EntityMention[] = [];
  const unresolved: Unresolved[] = [];
  const headline = headlineKind(p);
  const dateline = paragraphDateline(p);
  setDatelineEnd(dateline ? dateline.end : -1);
  const capsEnd = dateline?.capsEnd ?? 0;
  const emit = (toks: Tok[], label: string, how: string, canonical?: string) => {
    const s = toks[0].s;
    const e = toks[toks.length - 1].e;
    // One word's text is its token's (the same characters), already hashed by the lookups: no second copy.
    const m: EntityMention = { start: s, end: e, text: toks.length === 1 ? toks[0].t : p.slice(s, e), label, how };
    if (canonical) m.canonical = canonical;
    mentions.push(m);
  };
  for (let m = nextRun(p, 0); m; m = nextRun(p, m.index + m.text.length)) {
    const base = m.index;
    const run = m.text;
    if (base > 0 && glued(p.charCodeAt(base - 1))) continue;
    // "KRAMATORSK, Ukraine –": the all-capitals city of a dateline is a place, not an acronym.
    if (base < capsEnd && upperOnly(run.replace(/ /g, ''))) {
      emit([{ s: base, e: base + run.length, t: run }], 'PLACE', 'rule');
      continue;
    }
    // "SEOUL, Oct. 20 (Yonhap) --": the agency of a dateline is an organisation, known by that name in the article.
    if (base === dateline?.agency?.start && base + run.length === dateline.agency.end && !lookup(run, known)) {
      emit([{ s: base, e: base + run.length, t: run }], 'ORG', 'context');
      continue;
    }
    // Fast path for the commonest run of all: one common word starting a sentence ("The", "He", "In"). The common
    // words are plain words: a run that is none is not looked up.
    const simple = simpleWord(run);
    if (simple && COMMON_NOT_DEMONYM.has(run)) continue;
    // Fast path for one plain word ("Russia", "Kremlin", "Lababidi"): what classifyRun does with a single token.
    if (headline !== 'caps' && simple) {
      const tok = { s: base, e: base + run.length, t: run };
      const k = lookup(run, known) ?? (run.length > 2 && upperOnly(run) ? lookup(titleCase(run), known) : undefined);
      if (k) emit([tok], k.label, k.how, k.canonical);
      else if (!DEMONYMS.has(run) && !TITLE_SET.has(run)) classifyUnknown(p, [tok], false, headline === 'title', emit, unresolved);
      continue;
    }
    const toks: Tok[] = [];
    // The run regex joins name words and joiners with single spaces: its words are the pieces between them.
    for (let s = 0; s < run.length;) {
      let e = run.indexOf(' ', s);
      if (e === -1) e = run.length;
      toks.push({ s: base + s, e: base + e, t: run.slice(s, e) });
      s = e + 1;
    }
    for (const group of splitRun(toks)) classifyRun(p, group, headline, known, emit, unresolved);
  }
  const placed = besidePlaces(p, mentions, unresolved);
  return { mentions: companyPeriods(p, joinLists(p, joinAt(p, placed.mentions))), unresolved: placed.unresolved };
}

const NAME_WITH_NUMBER = /^\p{Lu}[\p{L}]+\d+$/u;
const HYPHENATED = /^(\p{Lu}[\p{L}\p{M}]+)-\p{Ll}[\p{L}]*$/u;
const ARTICLE_COMPOUND = new RegExp(`^${ARABIC_COMPOUND}`);
/** A given name of two short syllables after a family name ("Kim Seo-yeon", "Park Ji-hoon"), not "X Moscow-backed". */
const SYLLABLE_NAME = /^[A-Z][a-z]{1,3}-[a-z]{2,5}$(?<!ed|run|born|made)/;

/** Splits a run at possessives ("Russia's Foreign Ministry"), at tokens with digits, and at hyphenated adjectives. */
function splitRun(toks: Tok[]): Tok[][] {
  const out: Tok[][] = [];
  let cur: Tok[] = [];
  const flush = () => { if (cur.length) out.push(cur); cur = []; };
  for (const tk of toks) {
    let t = tk;
    // The possessive, also with the modifier letter apostrophe U+02BC ("Doeʼs").
    const poss = possessive(t.t);
    if (hasDigit(t.t) && !NAME_WITH_NUMBER.test(t.t)) { flush(); continue; }
    // "Moscow-backed", "pro-Kremlin": the capitalised part is a name on its own.
    const hy = t.t.includes('-') ? HYPHENATED.exec(t.t) : null;
    if (hy && !ARTICLE_COMPOUND.test(t.t) && !(cur.length && SYLLABLE_NAME.test(t.t))) {
      flush();
      out.push([{ s: t.s, e: t.s + hy[1].length, t: hy[1] }]);
      continue;
    }
    if (poss) {
      t = { s: t.s, e: t.e - 2, t: t.t.slice(0, -2) };
      cur.push(t);
      flush();
      continue;
    }
    cur.push(t);
  }
  flush();
  return out;
}

type Emit = (toks: Tok[], label: string, how: string, canonical?: string) => void;

function lookup(text: string, known: KnownNames | undefined): { label: string; canonical?: string; how: string } | undefined {
  return (known && known.get(text)) || BUILTIN.get(text);
}

/** The text of toks[from, to): the words with the single spaces between them. */

/** The longest known name starting at toks[i] (workspace names first, then the built-in lists), and its length in words. */
function longestKnown(p: string, toks: Tok[], i: number, known: KnownNames | undefined): { n: number; label: string; how: string; canonical?: string } | undefined {
  const maxN = Math.min(toks.length - i, Math.max(known?.maxWords ?? 0, 4));
  const several = startsKnownName(toks[i].t, known);
  for (let n = maxN; n >= 1; n--) {
    if (n > 1 && !several) continue;
    const text = n === 1 ? toks[i].t : p.slice(toks[i].s, toks[i + n - 1].e);
    const k = lookup(text, known) ?? (upperOnly(text) && text.length > 2 ? lookup(titleCase(text), known) : undefined);
    // A literal of fixed shape, not a spread: the same fields, built faster.
    if (k) return { n, label: k.label, how: k.how, canonical: k.canonical };
  }
  return undefined;
}

/**
 * What a head word makes of a run's rest: "Russian Foreign Ministry", "Khmeimim Air Base" (a head word at the end),
 * "Imperial College London" (a head word, then the place the institution is named after), "Ministry of Defense",
 * "Russian Ministry of Foreign Affairs" (a head word before "of").
 */
function headedName(rest: Tok[], hit: { n: number; label: string } | undefined, known: KnownNames | undefined): 'ORG' | 'PLACE' | undefined {
  const last = rest[rest.length - 1].t;
  // "University of Cape Town": an organisation's head word, then "of": the place it names comes after.
  if (rest.length >= 3 && rest[1].t === 'of' && ORG_HEADS.has(rest[0].t) && !PLACE_HEADS.has(rest[0].t)) return 'ORG';
  if (ORG_HEADS.has(last) || PLACE_HEADS.has(last)) return PLACE_HEADS.has(last) && !ORG_HEADS.has(last) ? 'PLACE' : 'ORG';
  if (rest.length >= 3 && ORG_HEADS.has(rest[rest.length - 2].t) && lookup(last, known)?.label === 'PLACE') return 'ORG';
  const of = rest.findIndex((t) => t.t === 'of' || t.t === 'for');
  const ofName = of > 0 && ORG_HEADS.has(rest[of - 1].t) && of < rest.length - 1;
  return ofName && (of === 1 || DEMONYMS.has(rest[0].t) || of === rest.length - 2 || !hit || (hit.label === 'PLACE' && hit.n === of - 1)) ? 'ORG' : undefined;
}

function classifyRun(p: string, toks: Tok[], headline: Headline, known: KnownNames | undefined, emit: Emit, unresolved: Unresolved[]): void {
  // Trim joiners at the edges and common words at a sentence start ("The", "Following", "His").
  while (toks.length && isJoiner(toks[0].t)) toks = toks.slice(1);
  while (toks.length && isJoiner(toks[toks.length - 1].t)) toks = toks.slice(0, -1);
  if (!toks.length) return;
  if (COMMON_NOT_DEMONYM.has(toks[0].t) && (sentenceStart(p, toks[0].s) || toks.length === 1)) {
    return classifyRun(p, toks.slice(1), headline, known, emit, unresolved);
  }
  if (headline === 'caps') return classifyHeadline(toks, known, emit);
  // Events and legal instruments are not organisations: "Frankfurt Book Fair", "Executive Order No. 12345".
  if (eventOrInstrument(p, toks) && !lookup(span(p, toks, 0, toks.length), known)) return;
  // Coordinated names are separate mentions: "Belarus and North Korea", "Latakia and the Tartous naval facility";
  // but "Party of Socialists and Democrats" is one.
  const and = andBetweenNames(toks, known);
  if (and > 0) {
    classifyRun(p, toks.slice(0, and), headline, known, emit, unresolved);
    return classifyRun(p, toks.slice(and + 1), headline, known, emit, unresolved);
  }
  // "Shares of Corvane Systems rose": a common noun opening the sentence, then the name.
  if (toks.length >= 3 && toks[1].t === 'of' && partOf(p, toks[0])) return classifyRun(p, toks.slice(2), headline, known, emit, unresolved);
  // "Thandeka Mokoena of the University of Cape Town": a person, then where they work.
  // (personOfThe needs four words at least: fewer are not asked, and no closure is made for them.)
  const of = toks.length >= 4 ? personOfThe(toks, (w) => !!lookup(w, known)) : -1;
  if (of > 0) {
    classifyRun(p, toks.slice(0, of), headline, known, emit, unresolved);
    return classifyRun(p, toks.slice(of + 1), headline, known, emit, unresolved);
  }
  let i = 0;
  // "Lt. Gen. Osman Hamdan Jaber", "Fisherman Renato Ocampo, 52,": a title with a period, or a role opening the sentence.
  let titled = titleBefore(p, toks[0].s);
  if (!titled && toks.length > 1 && ROLES_CAPITALISED.has(toks[0].t) && sentenceStart(p, toks[0].s)) {
    toks = toks.slice(1);
    titled = true;
  }
  while (i < toks.length) {
    if (isJoiner(toks[i].t)) { i++; continue; }
    // "Port Sudan", "Mount Lebanon": a place word before a known place.
    const placed = PLACE_FIRST.has(toks[i].t) && i + 1 < toks.length ? longestKnown(p, toks, i + 1, known) : undefined;
    if (placed?.label === 'PLACE') {
      emit(toks.slice(i, i + 1 + placed.n), 'PLACE', 'rule');
      i += 1 + placed.n;
      continue;
    }
    const hit = longestKnown(p, toks, i, known);
    // A demonym or name that a head word turns into an organisation or place: "Russian Foreign Ministry", "Alawite Mountains".
    const restLength = toks.length - i;
    const rest = (!hit || hit.n < restLength) && restLength > 1 ? toks.slice(i) : undefined;
    const headed = rest && !startsWithTitle(p, rest) ? headedName(rest, hit, known) : undefined;
    if (rest && headed) return emit(rest, headed, 'rule');
    if (hit) {
      emit(toks.slice(i, i + hit.n), hit.label, hit.how, hit.canonical);
      i += hit.n;
      continue;
    }
    if (DEMONYMS.has(toks[i].t) || (i + 1 < toks.length && spanIn(DEMONYMS, DEMONYM_FIRST, p, toks, i, 2))) { i += DEMONYMS.has(toks[i].t) ? 1 : 2; continue; }
    // Titles: skipped, and what follows is a person.
    const tn = titleAt(p, toks, i) || (spanIn(TITLE_SET, TITLE_FIRST, p, toks, i, toks.length - i) && toks.length - i <= 4 ? toks.length - i : 0);
    if (tn) {
      i += tn;
      titled = true;
      while (i < toks.length && TITLE_WORDS.has(toks[i].t)) i++;
      continue;
    }
    // An unknown stretch: up to the next known name, title or demonym.
    let j = i + 1;
    while (j < toks.length && !lookup(toks[j].t, known) && !TITLE_SET.has(toks[j].t) && !DEMONYMS.has(toks[j].t)) j++;
    while (j > i + 1 && isJoiner(toks[j - 1].t)) j--;
    if (!titleModifiers(toks, i, j)) classifyUnknown(p, toks.slice(i, j), titled, headline === 'title', emit, unresolved);
    titled = false;
    i = j;
  }
}

/** Where the first "and" (or "&") after the first word joins two names rather than two words of one; -1 if none does. */
function andBetweenNames(toks: readonly Tok[], known: KnownNames | undefined): number {
  for (let k = 1; k < toks.length; k++) {
    const t = toks[k].t;
    if ((t === 'and' || t === '&') && !andInName(toks, k, (w) => !!lookup(w, known))) return k;
  }
  return -1;
}

function classifyHeadline(toks: Tok[], known: KnownNames | undefined, emit: Emit): void {
  // In headlines every word is capitalised: only names the lists or the workspace know count.
  for (const t of toks) {
    if (t.t.length < 3 && upperOnly(t.t)) continue;
    const k = lookup(t.t, known) ?? lookup(titleCase(t.t), known);
    if (k) emit([t], k.label, k.how, k.canonical);
  }
}

/** "Shares of …", "Thousands of …" opening a sentence: a common noun, not the start of a name. */
function partOf(p: string, t: Tok): boolean {
  return PART_OF_NOUNS.has(t.t) && sentenceStart(p, t.s);
}

/**
 * Three or more unknown names next to a person cue, none of them a joiner ("Bank of …"), an all-capitals word (a
 * headline's) or an Arabic article compound ("Hayat Tahrir al-Sham said"). Kept out of classifyUnknown, which is hot.
 */
function namedPerson(p: string, toks: Tok[], after: [string, string | undefined] | undefined): boolean {
  return toks.length >= 3 && toks.every((t) => !isJoiner(t.t) && (!upperOnly(t.t) || isInitial(t.t)) && !ARTICLE_COMPOUND.test(t.t)) && personCue(p, toks[0].s, after);
}

/** Labels capitalised words no list knows. In a title-case headline, where every word has a capital, only strong cues count. */
function classifyUnknown(p: string, toks: Tok[], titled: boolean, headline: boolean, emit: Emit, unresolved: Unresolved[]): void {
  if (!toks.length || eventOrInstrument(p, toks)) return;
  const first = toks[0];
  const text = p.slice(first.s, toks[toks.length - 1].e);
  const last = toks[toks.length - 1].t;
  if (toks.length === 1 && (ORG_HEADS.has(last) || PLACE_HEADS.has(last) || TITLE_WORDS.has(last))) {
    // A word of a title ("Defense" of "Defense Minister") may be the short form of a name the article gives in full.
    if (!ORG_HEADS.has(last) && !PLACE_HEADS.has(last) && !TITLE_SET.has(last)) unresolved.push({ start: first.s, end: first.e, text });
    return;
  }
  if (titled) return emitPerson(p, toks, 'rule', headline, emit, unresolved);
  // "said on X", "a post on X": the platform.
  if (toks.length === 1 && first.t === 'X' && prevWord(p, first.s) === 'on') return emit(toks, 'ORG', 'context');
  if (toks.length === 1 && upperOnly(first.t) && first.t.replace(/\./g, '').length >= 2) {
    // "demand for AI", "a pre-IPO placement", "the KOSPI index": acronyms of things, not of organisations.
    if (COMMON_ACRONYMS.has(first.t) || p.startsWith(' index', first.e)) return;
    return emit(toks, 'ORG', 'rule');
  }
  // "T. R. Selvaganapathy": initials, then a name.
  if (toks.length >= 2 && isInitial(first.t) && !isInitial(last)) return emitPerson(p, toks, 'rule', headline, emit, unresolved);
  const particle = toks.some((t, k) => k > 0 && (NAME_PARTICLES.has(t.t) || ARTICLE_COMPOUND.test(t.t)));
  if (toks.length >= 2 && (GIVEN_NAMES.has(first.t) || (particle && (toks.length === 2 || NAME_PARTICLES.has(toks[1].t))))) {
    return emitPerson(p, toks, 'rule', headline, emit, unresolved);
  }
  const after = nextTwo(p, toks[toks.length - 1].e);
  if (placeContext(p, first.s, after)) return emit(toks, 'PLACE', 'context');
  if (headline) {
    for (const t of toks) unresolved.push({ start: t.s, end: t.e, text: t.t });
    return;
  }
  // "sanctions on X", "oil companies X and Y", "the X group", "X, a company based in …".
  if (orgCue(p, first.s, toks[toks.length - 1].e, after)) return emit(toks, 'ORG', 'context');
  if (toks.length === 1) {
    const label = loneWordLabel(p, first.s, first.e, after);
    if (label) return emit(toks, label, 'context');
    unresolved.push({ start: first.s, end: first.e, text });
    return;
  }
  if (sentenceStart(p, first.s) && COMMON_CAPITALISED.has(first.t)) return;
  // Several unknown capitalised words in a row: a multi-word name, most often an organisation, unless it is the one
  // speaking or named by a role ("said Halima Abdi Noor", "director, Suresh Reddy Gaddam") and has no joiner ("Bank of …").
  if (namedPerson(p, toks, after) || innerGivenName(toks)) return emit(toks, 'PERSON', 'context');
  // "The" inside a sentence opens a title of a paper or an organisation ("told The Hindu"), never a person's name.
  if (toks.length >= 3 || first.t === 'The' || toks.some((t) => isJoiner(t.t))) return emit(toks, 'ORG', 'rule');
  // Two unknown words: a person's name, unless an article stands before it ("the State Chancellery", "The Casa Rosada
  // said") or "in" does ("in Greater Manchester").
  const w = prevWord(p, first.s);
  if (w === 'the' || w === 'The') return emit(toks, 'ORG', 'rule');
  if (w === 'in' || PLACE_ONLY_PREPOSITIONS.has(w) || PLACE_RULER_AFTER.test(p.slice(toks[1].e, toks[1].e + 10))) return emit(toks, 'PLACE', 'context');
  emit(toks, 'PERSON', 'rule');
}

/** Prepositions before which two unknown words are a place's name, not a person's: "near Scarborough Shoal". */
const PLACE_ONLY_PREPOSITIONS: ReadonlySet<string> = new Set(['near', 'towards', 'toward', 'into', 'across', 'outside', 'around', 'throughout', 'off']);

/** A person's name; what follows "of" after it is classified apart ("Rosalind Achebe-Grant of Illinois", "Kenji van Rooyen of the University …"). */
function emitPerson(p: string, toks: Tok[], how: string, headline: boolean, emit: Emit, unresolved: Unresolved[]): void {
  const k = toks.findIndex((t, x) => x >= 1 && t.t === 'of');
  if (k < 1) return emit(toks, 'PERSON', how);
  emit(toks.slice(0, k), 'PERSON', how);
  let rest = toks.slice(k + 1);
  while (rest.length && isJoiner(rest[0].t)) rest = rest.slice(1);
  // One word after "of" takes no cue from the words around the whole name ("… of Illinois said"): the article decides.
  if (rest.length === 1) unresolved.push({ start: rest[0].s, end: rest[0].e, text: rest[0].t });
  else classifyUnknown(p, rest, false, headline, emit, unresolved);
}

/** A single capital and a period: a person's initial ("T."). */
const INITIAL_RE = /^\p{Lu}\.$/u;
const isInitial = (t: string) => t.length === 2 && t.charCodeAt(1) === 0x2e && INITIAL_RE.test(t);
/** "Minas Gerais Governor …", "former São Paulo mayor": the place a governor or mayor runs. */
const PLACE_RULER_AFTER = /^ (?:[Gg]overnor|[Mm]ayor)\b/;
/** Words that open a place's name before a known place: "Port Sudan", "Mount Lebanon", "Lake Chad". */
const PLACE_FIRST: ReadonlySet<string> = new Set(['Port', 'Mount', 'Lake', 'Cape', 'Fort']);
const TITLE_ABBREVIATION = /\b(?:Gen|Lt|Col|Maj|Capt|Adm|Sgt|Dr|Mr|Mrs|Ms|Prof|Sen|Rep|Gov|Rev|Cpl|Pvt|Brig|Cmdr)\. $/;

/** A title with a period right before s, outside the run ("Lt. Gen. Osman …", "Dr. Amal …"). */
function titleBefore(p: string, s: number): boolean {
  return p.charCodeAt(s - 2) === 0x2e && TITLE_ABBREVIATION.test(p.slice(Math.max(0, s - 6), s));
}

/** Three or four unknown words with a given name inside and no joiner or head word: "Fadumo Ali Warsame", "Sidiki Daniel Traoré". */
function innerGivenName(toks: readonly Tok[]): boolean {
  if (toks.length < 3 || toks.length > 4) return false;
  for (const t of toks) if (isJoiner(t.t) || ORG_HEADS.has(t.t) || COMPANY_WORDS.has(t.t) || PLACE_HEADS.has(t.t)) return false;
  return toks.slice(1, -1).some((t) => GIVEN_NAMES.has(t.t));
}
/** The roles before a name, capitalised as a sentence opens them ("Fisherman", "Analyst"). */
const ROLES_CAPITALISED: ReadonlySet<string> = new Set([...PERSON_ROLES].map((w) => w[0].toUpperCase() + w.slice(1)));
