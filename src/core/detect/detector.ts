// Whole-article detection: paragraphs are detected once and cached by their text, so an edit re-detects only the
// paragraph it touched; a cheap document pass then labels names from their other mentions. Offsets out: code points.
import { OffsetIndex } from '../offsets';
import { DateMention, RefDate, detectDates, isoDay, parseIsoDay, statedDate } from './dates';
import { EntityMention, KnownNames, Unresolved, detectEntities } from './entities';
import { ORGS } from './lexicon';

export interface Suggestion {
  /** Code points, end-exclusive. */
  start: number;
  end: number;
  label: string;
  text: string;
  /** ISO 8601 value, for dates. */
  value?: string;
  canonical?: string;
  /** How it was found: 'lexicon', 'gazetteer', 'learned', 'rule', 'context', 'document', 'date'. */
  how: string;
}

interface ParagraphResult {
  entities: EntityMention[];
  unresolved: Unresolved[];
  dates: DateMention[];
}

/** One line of the article and what was found in it. */
export interface Part {
  base: number;
  p: string;
  r: ParagraphResult;
}

export interface ReferenceDate {
  date: RefDate;
  /** Where it came from: the sidecar, the article's own text, or the file's modification time. */
  source: 'sidecar' | 'article' | 'file';
}

/** The reference for relative dates: the sidecar's publication date, else a date the article states, else the file's date. */
export function referenceDate(text: string, published: string | undefined, fileTime: Date): ReferenceDate {
  const fromSidecar = published ? parseIsoDay(published.length === 10 ? published : `${published}-01`.slice(0, 10)) : undefined;
  if (fromSidecar) return { date: fromSidecar, source: 'sidecar' };
  const stated = statedDate(text, fileTime.getUTCFullYear());
  if (stated) return { date: stated, source: 'article' };
  return { date: { year: fileTime.getUTCFullYear(), month: fileTime.getUTCMonth() + 1, day: fileTime.getUTCDate() }, source: 'file' };
}

const MAX_CACHE = 20_000;

export class Detector {
  private cache = new Map<string, ParagraphResult>();
  private cacheKey = '';

  /** `cache: false` detects every paragraph afresh (for measuring raw speed on repeated text). */
  constructor(private known?: KnownNames & { version?: number }, private readonly useCache = true) {}

  setKnown(known: KnownNames & { version?: number }): void {
    this.known = known;
  }

  private paragraph(p: string, ref: RefDate): ParagraphResult {
    const key = `${isoDay(ref)}|${this.known?.version ?? 0}`;
    if (key !== this.cacheKey) {
      this.cache.clear();
      this.cacheKey = key;
    }
    let r = this.useCache ? this.cache.get(p) : undefined;
    if (!r) {
      const { mentions, unresolved } = detectEntities(p, this.known);
      r = { entities: mentions, unresolved, dates: detectDates(p, ref) };
      if (this.cache.size >= MAX_CACHE) this.cache.clear();
      this.cache.set(p, r);
    }
    return r;
  }

  /** Detects everything in `text`. Paragraphs are lines; unchanged lines come from the cache. */
  detect(text: string, ref: RefDate): Suggestion[] {
    return this.finish(text, this.paragraphs(text, ref, 0, text.length));
  }

  /** Detects lines starting in [from, to) (UTF-16), for chunked work; call `finish` with all chunks' parts. */
  paragraphs(text: string, ref: RefDate, from: number, to: number): Part[] {
    const out: Part[] = [];
    let s = from;
    while (s < to) {
      let e = text.indexOf('\n', s);
      if (e === -1) e = text.length;
      if (e > s) {
        const p = text.slice(s, e);
        out.push({ base: s, p, r: this.paragraph(p, ref) });
      }
      s = e + 1;
    }
    return out;
  }

  /** The document pass: names from their other mentions, acronyms from their expansions, dates over names. */
  finish(text: string, parts: Part[]): Suggestion[] {
    const index = new OffsetIndex(text);
    const people = new Set<string>();
    const single = new Map<string, string>();
    for (const { r } of parts) {
      for (const m of r.entities) {
        if (m.label === 'PERSON') {
          const words = m.text.split(' ');
          if (words.length === 1 && m.how !== 'rule') people.add(m.text);
          if (words.length > 1) {
            const last = words[words.length - 1];
            people.add(last);
            const bare = /^(?:al|el|bin|ibn|abu)-(.+)$/i.exec(last);
            if (bare) people.add(bare[1]);
          }
        } else if (!m.text.includes(' ') && m.how !== 'rule') single.set(m.text, m.label);
        else if (m.label === 'PLACE' && m.how === 'rule') {
          // "Khmeimim Air Base" also names "Khmeimim" alone.
          const words = m.text.split(' ');
          if (words.length === 3 || words.length === 2) single.set(words[0], 'PLACE');
        }
      }
    }
    const out: Suggestion[] = [];
    const u16: { s: number; e: number; label: string; text: string; how: string; value?: string; canonical?: string }[] = [];
    for (const { base, p, r } of parts) {
      const dates = r.dates.map((d) => ({ s: base + d.start, e: base + d.end }));
      const overlapsDate = (s: number, e: number) => dates.some((d) => s < d.e && e > d.s);
      for (const d of r.dates) u16.push({ s: base + d.start, e: base + d.end, label: 'DATE', text: d.text, how: 'date', value: d.value });
      for (const m of r.entities) {
        const s = base + m.start;
        const e = base + m.end;
        if (overlapsDate(s, e)) continue;
        let label = m.label;
        // An acronym takes its expansion's label: "Syrian Arab Republic" makes "SAR" a place.
        if (m.how === 'rule' && label === 'ORG' && /^[\p{Lu}.]+$/u.test(m.text) && !ORGS.has(m.text)) {
          const exp = expansionLabel(p, m, r.entities);
          if (exp) label = exp;
        }
        u16.push({ s, e, label, text: m.text, how: m.how, ...(m.canonical ? { canonical: m.canonical } : {}) });
      }
      for (const u of r.unresolved) {
        const s = base + u.start;
        const e = base + u.end;
        if (overlapsDate(s, e)) continue;
        const label = people.has(u.text) ? 'PERSON' : single.get(u.text);
        if (label) u16.push({ s, e, label, text: u.text, how: 'document' });
      }
    }
    u16.sort((a, b) => a.s - b.s || b.e - a.e);
    let lastEnd = -1;
    for (const m of u16) {
      if (m.s < lastEnd) continue;
      lastEnd = m.e;
      const sug: Suggestion = { start: index.toCp(m.s), end: index.toCp(m.e), label: m.label, text: m.text, how: m.how };
      if (m.value) sug.value = m.value;
      if (m.canonical) sug.canonical = m.canonical;
      out.push(sug);
    }
    return out;
  }
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
