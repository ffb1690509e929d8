// One line's own suggestions (dates and names, before the document pass) and what the line tells the rest of the
// article: detector.ts runs these per paragraph and caches the result.
import { DateMention } from './dates';
import { EntityMention } from './entities';
import { ARABIC_COMPOUND, ORGS } from './lexicon';
import { shortForms } from './orgRules';
import { lastWord } from './tokens';

export interface LineNames {
  /** Surnames of people named in full, and single-word people. */
  people: string[];
  /** Single words labelled by a list or by context: [text, label]. */
  single: [string, string][];
  /** Short forms of organisations named in full ("Acme" of "Acme Oil Company PJSC"): they win over other guesses. */
  orgs: string[];
  /** Names the line took for people from context alone ("Acme said"): the article may know them as organisations. */
  speakers: string[];
}

export interface LocalSuggestion {
  start: number;
  end: number;
  label: string;
  text: string;
  how: string;
  value?: string;
  canonical?: string;
}

/** A line's own suggestions, in order: dates win over names they overlap; acronyms take their expansion's label. */
export function localSuggestions(line: string, entities: EntityMention[], dates: DateMention[]): LocalSuggestion[] {
  const out: LocalSuggestion[] = [];
  for (const d of dates) out.push({ start: d.start, end: d.end, label: 'DATE', text: d.text, how: 'date', value: d.value });
  const firstName = out.length;
  for (const m of entities) {
    if (dates.length && overlapsAny(m, dates)) continue;
    let label = m.label;
    if (m.how === 'rule' && label === 'ORG' && ACRONYM.test(m.text) && !ORGS.has(m.text)) {
      label = expansionLabel(line, m, entities) ?? label;
    }
    if (label === m.label) {
      out.push(m); // the same fields: no copy
      continue;
    }
    const x: LocalSuggestion = { start: m.start, end: m.end, label, text: m.text, how: m.how };
    if (m.canonical) x.canonical = m.canonical;
    out.push(x);
  }
  // Entities come in order; dates are merged in only when there are any.
  if (dates.length) mergeDates(out, firstName);
  // Keep the first of overlapping mentions.
  let kept = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i].start >= out[kept - 1].end) out[kept++] = out[i];
  out.length = kept;
  return out;
}

const ACRONYM = /^[\p{Lu}.]+$/u;

const byStart = (a: LocalSuggestion, b: LocalSuggestion) => a.start - b.start || b.end - a.end;

/**
 * Orders xs[0, k) (the dates) and xs[k, …) (the names) into one list by start, longest first, as a stable sort would:
 * when both parts are in that order already (as they come), by a merge that takes the date first on a tie; else by
 * the sort itself.
 */
function mergeDates(xs: LocalSuggestion[], k: number): void {
  for (let i = 1; i < xs.length; i++) {
    if (i !== k && byStart(xs[i - 1], xs[i]) > 0) {
      xs.sort(byStart);
      return;
    }
  }
  if (k === xs.length || byStart(xs[k - 1], xs[k]) <= 0) return;
  const dates = xs.slice(0, k);
  let i = 0;
  let j = k;
  let o = 0;
  while (i < k && j < xs.length) xs[o++] = byStart(dates[i], xs[j]) <= 0 ? dates[i++] : xs[j++];
  while (i < k) xs[o++] = dates[i++];
}

function overlapsAny(m: { start: number; end: number }, xs: { start: number; end: number }[]): boolean {
  for (const x of xs) if (m.start < x.end && m.end > x.start) return true;
  return false;
}

/** "al-Assad" is also named "Assad". */
const BARE_SURNAME = new RegExp(`^${ARABIC_COMPOUND}(.+)$`, 'i');

/** What a line tells the rest of the article: surnames of people named in full, and words labelled by context. */
export function lineNames(entities: EntityMention[]): LineNames {
  const n: LineNames = { people: [], single: [], orgs: [], speakers: [] };
  for (const m of entities) {
    const t = m.text;
    const firstSpace = t.indexOf(' ');
    if (m.label === 'PERSON') {
      if (m.how === 'context') n.speakers.push(t);
      if (firstSpace === -1) {
        if (m.how !== 'rule') n.people.push(t);
        continue;
      }
      const last = lastWord(t);
      n.people.push(last);
      const bare = last.length > 3 && last.includes('-') ? BARE_SURNAME.exec(last) : null;
      if (bare) n.people.push(bare[1]);
    } else if (firstSpace === -1) {
      if (m.how !== 'rule') n.single.push([t, m.label]);
    } else if (m.label === 'ORG') {
      // "Acme" after "Acme Oil Company PJSC", "Defense" after "Department of Defense".
      for (const w of shortForms(t)) n.orgs.push(w);
    } else if (m.label === 'PLACE' && m.how === 'rule') {
      // "Khmeimim Air Base" also names "Khmeimim" alone (names of two or three words).
      const second = t.indexOf(' ', firstSpace + 1);
      if (second === -1 || t.indexOf(' ', second + 1) === -1) n.single.push([t.slice(0, firstSpace), 'PLACE']);
    }
  }
  return n;
}

/**
 * "SAR [Syrian Arab Republic]" or "Hayat Tahrir al-Sham (HTS)": the label of the multi-word name right beside the
 * acronym in brackets, within the same paragraph (offsets relative to it).
 */
function expansionLabel(p: string, m: EntityMention, all: EntityMention[]): string | undefined {
  const opensAfter = /^ ?[([]/.exec(p.slice(m.end, m.end + 2));
  const opensBefore = /[([]$/.test(p.slice(0, m.start));
  for (const x of all) {
    if (!x.text.includes(' ')) continue;
    if (opensAfter && x.start === m.end + opensAfter[0].length) return x.label;
    if (opensBefore && (x.end === m.start - 1 || (x.end === m.start - 2 && p[x.end] === ' '))) return x.label;
  }
  return undefined;
}
