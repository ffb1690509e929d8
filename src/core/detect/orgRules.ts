// Rules for organisations that need more than a head word (issue 16): names with "and" and "at" in them, events and
// legal instruments that are not organisations, cues that make an unknown word an organisation, the all-capitals city
// of a dateline, and the short form of a company's name. Offsets are UTF-16 indices into one paragraph.
import { datelineAt } from './dateline';
import { MONTH_RE } from './dates';
import { COMMON_CAPITALISED, COMPANY_FORMS, COMPANY_WORDS, DEMONYMS, EVENT_HEADS, GIVEN_NAMES, INSTRUMENT_HEADS, ORG_HEADS, PLACE_HEADS } from './lexicon';
import { lastSpace, lastWord } from './tokens';

interface Tok { s: number; e: number; t: string }

const NUMBER_AFTER = /^\s*(?:No\.?\s*)?\d/;
/** Both head lists in one set: most runs end in neither, known with one lookup. */
const EVENT_OR_INSTRUMENT: ReadonlySet<string> = new Set([...EVENT_HEADS, ...INSTRUMENT_HEADS]);

/**
 * Whether the words name an event ("Frankfurt Book Fair", "G20 Summit") or a legal instrument ("Executive Order No.
 * 12345", "Article 5", "Patriot Act"): no organisation, and no entity at all.
 */
export function eventOrInstrument(p: string, toks: readonly Tok[]): boolean {
  let n = toks.length;
  if (n > 1 && toks[n - 1].t === 'No') n--;
  if (!n) return false;
  const last = toks[n - 1];
  if (!EVENT_OR_INSTRUMENT.has(last.t)) return false;
  // "Federal Office for the Protection of the Constitution": an organisation's head word and "of"/"for" come first.
  for (let k = 0; k + 1 < n - 1; k++) if (ORG_HEADS.has(toks[k].t) && (toks[k + 1].t === 'of' || toks[k + 1].t === 'for' || toks[k + 1].t === 'on')) return false;
  if (EVENT_HEADS.has(last.t)) return n > 1;
  // "Order" and "Article" are instruments with their number ("Order No. 12345", "Article 5"); the others as they are.
  if (last.t === 'Order' || last.t === 'Article' || last.t === 'Articles') return n < toks.length || NUMBER_AFTER.test(p.slice(last.e, last.e + 8));
  return n > 1;
}

/**
 * Whether the "and" at toks[and] joins two words of one name: "Party of Socialists and Democrats", "Department of
 * Health and Human Services". It does after a head word and "of" or "for", unless what follows opens another name:
 * "the …", a name known on its own, or a demonym with a head word ("… and Russian Foreign Ministry"). It also does
 * when what follows ends in a head word and what comes before is one or two words no list knows, after at most a
 * country ("Securities and Exchange Board", "U.S. Food and Drug Administration", "Work and Pensions Committee"); and
 * "&" between words no list knows ("Hollis & Crane", "Mehta Raghavan & Associates").
 */
export function andInName(toks: readonly Tok[], and: number, known: (word: string) => boolean): boolean {
  const next = toks[and + 1];
  if (!next || next.t === 'the' || known(next.t)) return false;
  if (toks[and].t === '&') return !known(toks[and - 1].t);
  let headOf = false;
  for (let k = 0; k + 1 < and && !headOf; k++) headOf = ORG_HEADS.has(toks[k].t) && (toks[k + 1].t === 'of' || toks[k + 1].t === 'for');
  const rest = toks.slice(and + 1);
  if (headOf) return !(rest.length > 1 && DEMONYMS.has(next.t) && ORG_HEADS.has(rest[rest.length - 1].t));
  return sharedHead(toks, and, rest, known);
}

/** "Securities and Exchange Board of India": the words before "and" share the head word of those after it. */
function sharedHead(toks: readonly Tok[], and: number, rest: readonly Tok[], known: (word: string) => boolean): boolean {
  const before = toks.slice(0, and);
  if (before.length > 2 || rest.length < 2) return false;
  const headed = ORG_HEADS.has(rest[rest.length - 1].t) || rest.some((t, k) => k > 0 && ORG_HEADS.has(t.t) && rest[k + 1]?.t === 'of');
  if (!headed) return false;
  return before.every((t, k) => !ORG_HEADS.has(t.t) && !DEMONYMS.has(t.t) && !COMMON_CAPITALISED.has(t.t) && (!known(t.t) || (k === 0 && before.length === 2)))
    && rest.every((t, k) => !known(t.t) || rest.slice(0, k).some((x) => x.t === 'of'));
}

/**
 * Where "of" follows a person's name in a run, after a given name ("Rosalind Achebe-Grant of Illinois"), or "of the"
 * after two words ("Thandeka Mokoena of the University of Cape Town", "Katrin Vollmer of
 * the Munich fund"): two words no list knows, neither a head, a company word, a demonym nor a common word. -1: none.
 */
export function personOfThe(toks: readonly Tok[], known: (word: string) => boolean): number {
  // "Rosalind Achebe-Grant of Illinois", "Kenji van Rooyen of the University of Queensland": a given name first.
  if (toks.length >= 4 && GIVEN_NAMES.has(toks[0].t)) {
    for (let k = 2; k <= 4 && k + 1 < toks.length; k++) {
      if (toks[k].t === 'of') return toks.slice(1, k).some((t) => ORG_HEADS.has(t.t) || COMPANY_WORDS.has(t.t)) ? -1 : k;
    }
  }
  if (toks.length < 5 || toks[2].t !== 'of' || toks[3].t !== 'the') return -1;
  for (const t of toks.slice(0, 2)) {
    if (known(t.t) || ORG_HEADS.has(t.t) || PLACE_HEADS.has(t.t) || COMPANY_WORDS.has(t.t) || DEMONYMS.has(t.t) || COMMON_CAPITALISED.has(t.t)) return -1;
  }
  return 2;
}

/** Nouns for groups of organisations, and for one: "oil companies X and Y", "the company X". */
const CUE_NOUN_WORDS = `company companies firm firms group groups bank banks lender lenders carrier carriers airline airlines insurer insurers
producer producers exporter exporters operator operators majors giant giants rival rivals outlet outlets broadcaster broadcasters newspaper
newspapers militia militias party parties conglomerate conglomerates manufacturer manufacturers maker makers subsidiary subsidiaries
consortium broker brokers trader traders refiner refiners miner miners shipper shippers union unions alliance retailer retailers
watchdog regulator utility fund insurer insurers pollster carmaker automaker chipmaker bookrunners`.split(/\s+/);
const CUE_NOUNS = CUE_NOUN_WORDS.join('|');
const NAME_LIST = String.raw`(?:\p{Lu}[\p{L}\p{N}&'’-]*(?:\s+\p{Lu}[\p{L}\p{N}&'’-]*)*(?:,\s+|\s+(?:and|or)\s+))*`;
/** "sanctions on X", "oil companies X and Y", "the company X", "companies such as X, Y and Z" (before the name). */
const CUE_BEFORE = new RegExp(String.raw`\b(?:sanctions?\s+(?:on|against)|(?:statement|post)\s+on|(?:${CUE_NOUNS})(?:\s+(?:such\s+as|including|like))?)\s+(?:the\s+)?${NAME_LIST}$`, 'u');
const APPOSITION_NOUNS = String.raw`${CUE_NOUNS}|agency|organi[sz]ation|charity|start-?up|watchdog|think\s+tank|NGO|network|movement|news\s+agency|broadcaster|outlet|platform|service|operator`;
/** "X, a company based in …", "X, an oil firm", "X, the state-owned lender," (after the name). */
const CUE_AFTER = new RegExp(String.raw`^,\s+(?:a|an|the)\s+(?:[\p{L}\p{N}’'-]+\s+){0,3}?(?:${APPOSITION_NOUNS})(?=\s*(?:[,.;:)]|$|\s(?:based|that|which|in|from|with|owned|run|of|and|registered|headquartered|listed|operating|founded|controlled|linked|backed|close|whose)\b))`, 'u');
/** How CUE_AFTER starts: checked before running it. */
const APPOSITION_START = /,\s+(?:a|an|the)\s/y;
function appositionAt(p: string, e: number): boolean {
  APPOSITION_START.lastIndex = e;
  return APPOSITION_START.test(p);
}
/** "the X group", "the X militia": a lowercase group noun right after the name. */
const GROUP_NOUNS: ReadonlySet<string> = new Set(['group', 'company', 'firm', 'militia', 'movement', 'consortium', 'conglomerate', 'network', 'outlet', 'broadcaster', 'newspaper', 'daily', 'agency', 'party', 'institute', 'union', 'alliance']);
/** "the X party", "The ruling X party": the article, and at most one lowercase word, before the name. */
const THE_BEFORE = /\b[Tt]he (?:\p{Ll}+ )?$/u;
/** "X shares", "X spokeswoman", "X coach": what only a company, an organisation or a team has, right after the name. */
const MEMBER_NOUNS: ReadonlySet<string> = new Set(['shares', 'stock', 'shareholders', 'spokesperson', 'spokesman', 'spokeswoman', 'employees', 'executives', 'subsidiary',
  'coach', 'striker', 'midfielder', 'goalkeeper', 'defender', 'substitute', 'rider', 'riders', 'chief']);
/** "X's founder", "X's shareholders": what a person does not have, after the name's possessive. */
const POSSESSIVE_MEMBER = /['’]s (?:co-)?(?:founders?|president|chairman|chairwoman|board|shareholders|employees|executives|chief executive|editor|riders?|players|owners?|subsidiary|shares|headquarters)\b/y;
function possessiveMember(p: string, e: number): boolean {
  const c = p.charCodeAt(e);
  if (c !== 0x27 && c !== 0x2019) return false;
  POSSESSIVE_MEMBER.lastIndex = e;
  return POSSESSIVE_MEMBER.test(p);
}
/** "shares of X", "a spokeswoman for X", "the chief executive of X", "a stake in X" (before the name). */
const MEMBER_OF = /\b(?:(?:shares|chief\s+executive|spokes(?:person|man|woman)|employees|executives|founder|co-founder|chairman|chairwoman|board|subsidiary)\s+(?:of|for|at)|(?:[Aa]nalysts?|[Ee]conomists?|[Ss]trategists?|[Rr]esearchers?)\s+at|stake\s+in)\s+(?:the\s+)?$/;

const POLL_BY = /\b(?:poll|survey) by $/;

/** Words right before a name (or its list) after which a cue before it can end: "on", "companies", "of", "and"… */
const CUE_ENDS: ReadonlySet<string> = new Set([...CUE_NOUN_WORDS, 'on', 'against', 'the', 'as', 'including', 'like', 'and', 'or']);

const MEMBER_ENDS: ReadonlySet<string> = new Set(['of', 'for', 'at', 'in', 'the']);

/** The word before s (lowercase ASCII, one space between), ',' after a comma, or '' when there is none. */
function wordBefore(p: string, s: number): string {
  if (s < 2 || p.charCodeAt(s - 1) !== 0x20) return '';
  if (p.charCodeAt(s - 2) === 0x2c) return ',';
  let i = s - 2;
  while (i >= 0 && p.charCodeAt(i) >= 0x61 && p.charCodeAt(i) <= 0x7a) i--;
  return i < s - 2 ? p.slice(i + 1, s - 1) : '';
}

/** Whether the context around the unknown name p[s, e) makes it an organisation. */
export function orgCue(p: string, s: number, e: number, after: [string, string | undefined] | undefined): boolean {
  if (after && GROUP_NOUNS.has(after[0]) && THE_BEFORE.test(p.slice(Math.max(0, s - 24), s))) return true;
  if (after && MEMBER_NOUNS.has(after[0])) return true;
  if (possessiveMember(p, e)) return true;
  if (p.charCodeAt(e) === 0x2c && appositionAt(p, e) && CUE_AFTER.test(p.slice(e, e + 80))) return true;
  const w = wordBefore(p, s);
  // "a poll by X", "a survey by X": checked apart, so that every name after "by" does not run the list pattern.
  if (w === 'by') return POLL_BY.test(p.slice(Math.max(0, s - 10), s));
  if (MEMBER_ENDS.has(w) && MEMBER_OF.test(p.slice(Math.max(0, s - 40), s))) return true;
  // A list ("companies Shell, BP and X") reaches further back than one name.
  return (w === ',' || CUE_ENDS.has(w)) && CUE_BEFORE.test(p.slice(Math.max(0, s - (w === ',' || w === 'and' || w === 'or' ? 160 : 60)), s));
}

const ASCII_UPPER = (c: number) => c >= 0x41 && c <= 0x5a;

/**
 * The paragraph's dateline, if it opens with one: where its all-capitals place words end (0 when the place is not in
 * capitals), and where the dateline ends (a sentence starts there). Cheap for the paragraphs that cannot be one.
 */
export function paragraphDateline(p: string): { capsEnd: number; end: number; agency?: { start: number; end: number } } | undefined {
  const c0 = p.charCodeAt(0);
  if (!(ASCII_UPPER(c0) || c0 >= 0x80)) return undefined;
  // A dateline has a bracket, a colon or a dash after a space within its first 100 characters, and no word before it
  // starts in lowercase ASCII ("Russia has evacuated …", "Open-source analysts …" are none).
  let mark = false;
  for (let i = 1, n = Math.min(p.length, 100); i < n && !mark; i++) {
    const c = p.charCodeAt(i);
    if (c === 0x20 && p.charCodeAt(i + 1) >= 0x61 && p.charCodeAt(i + 1) <= 0x7a) return undefined;
    mark = c === 0x28 || c === 0x3a || ((c === 0x2013 || c === 0x2014 || c === 0x2d) && p.charCodeAt(i - 1) === 0x20);
  }
  if (!mark) return undefined;
  const d = datelineAt(p, 0);
  if (!d) return undefined;
  let end = d.end;
  while (p.charCodeAt(end) === 0x20) end++;
  return { capsEnd: d.caps ? d.placeEnd : 0, end, agency: d.agency };
}

const NONE: string[] = [];

/** A company word, also with the period of its abbreviation ("Co.", "Ltd."). */
const companyWord = (w: string) => COMPANY_WORDS.has(w.endsWith('.') ? w.slice(0, -1) : w);

/**
 * The short forms of an organisation's name that the rest of the article may use alone: "Acme" and "Acme Oil" of
 * "Acme Oil Company PJSC", "Acme" of "Acme Group" (a company form at the end: its first word, and what comes before
 * the company words when that is more than one word), "Defense" of "Department of Defense" (a head word and "of").
 */
export function shortForms(name: string): string[] {
  const space = lastSpace(name);
  if (space < 0 || (!companyWord(name.slice(space + 1)) && !name.includes(' of '))) return NONE;
  const words = name.split(' ');
  let n = words.length;
  let form = false;
  while (n > 1 && companyWord(words[n - 1])) form = COMPANY_FORMS.has(words[--n].replace(/\.$/, '')) || form;
  const out: string[] = [];
  // "Banco Meridional SA" is "Meridional", "PT Sulawesi Nikel Nusantara Tbk" is "Sulawesi Nikel": past a generic first word.
  const from = form && n > 1 && GENERIC_FIRST.has(words[0]) ? 1 : 0;
  if (form && !COMMON_CAPITALISED.has(words[from]) && !DEMONYMS.has(words[from])) out.push(words[from]);
  for (let k = from + 2; form && k < n; k++) if (!isJoinerWord(words[k - 1])) out.push(words.slice(from, k).join(' '));
  if (form && n > 1) out.push(words.slice(0, n).join(' '));
  if (from && n > 2) out.push(words.slice(1, n).join(' '));
  const k = words.length;
  if (k >= 3 && words[k - 2] === 'of' && ORG_HEADS.has(words[k - 3]) && !COMMON_CAPITALISED.has(words[k - 1]) && words[k - 1] !== 'State') out.push(words[k - 1]);
  return out;
}

/** First words of company names that say what the company is, not which ("Banco", "PT"): its short form comes after them. */
const GENERIC_FIRST: ReadonlySet<string> = new Set(['Banco', 'Banca', 'Banque', 'Grupo', 'Groupe', 'PT', 'Compañía', 'Compagnie', 'Société']);
const isJoinerWord = (w: string) => w === 'of' || w === 'and' || w === '&' || w === 'the' || w === 'for';

type Found = { start: number; end: number; text: string; label: string; how: string };

const LIST_AFTER = /(?:, \p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*)?)+,? and (?:the )?\p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*)*/uy;
const LIST_BEFORE = /(?:^|[^\p{L}])((?:\p{Lu}\p{Ll}[\p{L}-]*, )+)$/u;
const HEAD_OF = / (?:of|on|for) /;
/** " on Vaccine Provision" after a head word; not a day or a month ("… Times on Monday"). */
const ON_NAME = new RegExp(String.raw` on (?!(?:${MONTH_RE}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)\p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*)*`, 'uy');

/** Whether no list or workspace name lies in p[s, e): only words the rules guessed may be taken into a longer name. */
const guessedOnly = (mentions: readonly Found[], s: number, e: number) => mentions.every((x) => x.end <= s || x.start >= e || x.how === 'rule' || x.how === 'context');

/** Drops the mentions inside [m.start, m.end) other than m. */
function absorb(mentions: Found[], m: Found, p: string, start: number, end: number): void {
  m.start = start;
  m.end = end;
  m.text = p.slice(start, end);
  for (let k = mentions.length - 1; k >= 0; k--) if (mentions[k] !== m && mentions[k].start < end && mentions[k].end > start) mentions.splice(k, 1);
}

/**
 * Names with a list in them: "Committee on Agriculture, Nutrition and Forestry", "Ministry of Art, Culture, Tourism and
 * the Creative Economy" (a head word, "of", "on" or "for", then a list), "Foreign, Commonwealth and Development Office"
 * (a list before a name with "and" in it), "Group on Vaccine Provision" (a head word, "on" and a name). Only words no
 * list knows are taken in; a list ending in a head word of its own is another organisation.
 */
export function joinLists<M extends Found>(p: string, mentions: M[]): M[] {
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    if (m.label !== 'ORG' || !m.text.includes(' ')) continue;
    const n = mentions.length;
    if (p.startsWith(' on ', m.end) && ORG_HEADS.has(lastWord(m.text))) {
      ON_NAME.lastIndex = m.end;
      const on = ON_NAME.exec(p);
      if (on && guessedOnly(mentions, m.end, m.end + on[0].length)) absorb(mentions, m, p, m.start, m.end + on[0].length);
    }
    if (p.charCodeAt(m.end) === 0x2c && HEAD_OF.test(m.text)) {
      LIST_AFTER.lastIndex = m.end;
      const list = LIST_AFTER.exec(p);
      const end = list ? m.end + list[0].length : 0;
      if (list && !ORG_HEADS.has(lastWord(list[0])) && guessedOnly(mentions, m.end, end)) absorb(mentions, m, p, m.start, end);
    } else if (p.charCodeAt(m.start - 2) === 0x2c && m.text.includes(' and ') && ORG_HEADS.has(lastWord(m.text))) {
      const before = LIST_BEFORE.exec(p.slice(Math.max(0, m.start - 80), m.start));
      if (before && guessedOnly(mentions, m.start - before[1].length, m.start)) absorb(mentions, m, p, m.start - before[1].length, m.end);
    }
    if (mentions.length !== n) i = mentions.indexOf(m);
  }
  return mentions;
}

/** Company forms written as abbreviations, whose period belongs to the name ("Hanul Semiconductor Co. Ltd."). */
const ABBREVIATED_FORM = /^(?:Co|Corp|Inc|Ltd|Pvt|Pte|Bhd)$/;
const FORM_AFTER = / (?:Co|Corp|Inc|Ltd|Pvt|Pte|Bhd)\b\.?/y;

/**
 * Extends an organisation ending in an abbreviated company form over its period and over the forms that follow
 * ("Co." then "Ltd."); the mentions it covers are dropped. Returns the mentions and where they now end.
 */
export function companyPeriods<M extends { start: number; end: number; text: string; label: string }>(p: string, mentions: M[]): M[] {
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    if (m.label !== 'ORG') continue;
    const space = lastSpace(m.text);
    // The forms have at most four letters: a longer last word is none, and is not cut out to be tested.
    if (m.text.length - space > 5 || !ABBREVIATED_FORM.test(m.text.slice(space + 1))) continue;
    let end = m.end;
    if (p.charCodeAt(end) === 0x2e) end++;
    FORM_AFTER.lastIndex = end;
    const more = FORM_AFTER.exec(p);
    if (more) end += more[0].length;
    if (end === m.end) continue;
    m.end = end;
    m.text = p.slice(m.start, end);
    while (i + 1 < mentions.length && mentions[i + 1].start < end) mentions.splice(i + 1, 1);
  }
  return mentions;
}

/** "Union for Democracy at Work": an organisation named with "for" or "of", then "at" and a name, is one name. */
export function joinAt<M extends { start: number; end: number; text: string; label: string }>(p: string, mentions: M[]): M[] {
  for (let i = 0; i + 1 < mentions.length; i++) {
    const m = mentions[i];
    const n = mentions[i + 1];
    if (m.label === 'ORG' && n.start === m.end + 4 && p.startsWith(' at ', m.end) && / (?:for|of) /.test(m.text)) {
      m.end = n.end;
      m.text = p.slice(m.start, m.end);
      mentions.splice(i + 1, 1);
    }
  }
  return mentions;
}
