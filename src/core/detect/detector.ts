// Whole-article detection: paragraphs are detected once and cached by their text, so an edit re-detects only the
// paragraph it touched; a cheap document pass then labels names from their other mentions. Offsets out: code points.
import { OffsetIndex } from '../text/offsets';
import { particleStart } from './context';
import { RefDate, detectDates, isoDay, parseIsoDay, statedDate } from './dates';
import { KnownNames, Unresolved, detectEntities } from './entities';
import { LineNames, LocalSuggestion, lineNames, localSuggestions } from './lineSuggestions';

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
  /** Capitalised words the line could not label alone, for the document pass. */
  unresolved: Unresolved[];
  /** The line's own suggestions, in order. */
  local: LocalSuggestion[];
  /** What the line tells the rest of the article. */
  names: LineNames;
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

  /** Clears the line cache when the reference date or the known names changed: cached lines depend on both. */
  private checkCache(ref: RefDate): void {
    const key = `${isoDay(ref)}|${this.known?.version ?? 0}`;
    if (key !== this.cacheKey) {
      this.cache.clear();
      this.cacheKey = key;
    }
  }

  private paragraph(p: string, ref: RefDate): ParagraphResult {
    let r = this.useCache ? this.cache.get(p) : undefined;
    if (!r) {
      const { mentions, unresolved } = detectEntities(p, this.known);
      // Prepare what the document pass needs now, while the work is still sliced by lines.
      r = { unresolved, local: localSuggestions(p, mentions, detectDates(p, ref)), names: lineNames(mentions) };
      if (this.useCache) {
        if (this.cache.size >= MAX_CACHE) this.cache.clear();
        this.cache.set(p, r);
      }
    }
    return r;
  }

  /** Detects everything in `text`. Paragraphs are lines; unchanged lines come from the cache. */
  detect(text: string, ref: RefDate): Suggestion[] {
    const parts = this.paragraphs(text, ref, 0, text.length);
    // Nothing is kept for a later update, so only the names some line needs are gathered.
    return this.finish(text, parts, documentNames(parts, unresolvedWords(parts)));
  }

  /** Detects lines starting in [from, to) (UTF-16), for chunked work; call `finish` with all chunks' parts. */
  paragraphs(text: string, ref: RefDate, from: number, to: number): Part[] {
    this.checkCache(ref);
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

  /** The document pass: names from their other mentions, then code point offsets. */
  finish(text: string, parts: Part[], names = documentNames(parts)): Suggestion[] {
    const out: Suggestion[] = [];
    this.emitParts(text, parts, names, 0, parts.length, out);
    return out;
  }

  /** `finish` in slices, for long articles: `breathe` yields when the slice's time is up (false: cancelled). */
  async finishChunked(text: string, ref: RefDate, parts: Part[], breathe: () => Promise<boolean>): Promise<Detection | undefined> {
    const out: Suggestion[] = [];
    const names = documentNames(parts);
    if (!(await breathe())) return undefined;
    const index = names.indexFor(text);
    if (!(await breathe())) return undefined;
    for (let i = 0; i < parts.length; i += 200) {
      this.emitParts(text, parts, names, i, Math.min(parts.length, i + 200), out, index);
      if (!(await breathe())) return undefined;
    }
    return { text, ref, known: this.known?.version ?? 0, parts, suggestions: out, index, names };
  }

  private emitParts(text: string, parts: Part[], doc: DocumentNames, from: number, to: number, out: Suggestion[], known?: OffsetIndex): void {
    const { people, single, orgs } = doc;
    const index = known ?? doc.indexFor(text);
    const cp = index.isIdentity ? (u: number) => u : (u: number) => index.toCp(u);
    for (let i = from; i < to; i++) {
      const { base, r } = parts[i];
      const local = r.local;
      // Words this line could not label alone, labelled from the rest of the article, merged in order.
      const resolved: LocalSuggestion[] = [];
      for (const u of r.unresolved) {
        const label = orgs.has(u.text) ? 'ORG' : people.has(u.text) ? 'PERSON' : single.get(u.text);
        if (label && !local.some((m) => u.start < m.end && u.end > m.start)) resolved.push({ start: u.start, end: u.end, label, text: u.text, how: 'document' });
      }
      const merged = resolved.length ? [...local, ...resolved].sort((a, b) => a.start - b.start) : local;
      for (const m of merged) {
        const label = documentLabel(m, single, orgs);
        // "thanked van Leeuwen", "de Almeida Prado said": a person's name may open with its particle.
        const from = label === 'PERSON' ? particleStart(parts[i].p, m.start) : m.start;
        const text = from === m.start ? m.text : parts[i].p.slice(from, m.end);
        const sug: Suggestion = { start: cp(base + from), end: cp(base + m.end), label, text, how: m.how };
        if (m.value) sug.value = m.value;
        if (m.canonical) sug.canonical = m.canonical;
        out.push(sug);
      }
    }
  }

  /**
   * Detects after an edit, re-detecting only the lines it touched: `change` gives the edit in UTF-16 offsets of the
   * previous text (start, old end) and of the new text (new end). Falls back to a full pass when it cannot.
   */
  update(prev: Detection | undefined, text: string, ref: RefDate, change?: { start: number; oldEnd: number; newEnd: number }): Detection {
    if (!prev || !change || isoDay(prev.ref) !== isoDay(ref) || prev.known !== (this.known?.version ?? 0)
      || prev.text.length - (change.oldEnd - change.start) + (change.newEnd - change.start) !== text.length) return this.full(text, ref);
    const delta = change.newEnd - change.oldEnd;
    // Lines wholly before the edit's line stay; lines wholly after it move by delta; the rest is split again.
    const from = change.start === 0 ? 0 : text.lastIndexOf('\n', change.start - 1) + 1;
    let to = text.indexOf('\n', change.newEnd);
    to = to === -1 ? text.length : to;
    const before: Part[] = [];
    const removed: Part[] = [];
    const after: Part[] = [];
    for (const p of prev.parts) {
      if (p.base + p.p.length < from) before.push(p);
      else if (p.base > change.oldEnd && p.base + delta > to) after.push({ base: p.base + delta, p: p.p, r: p.r });
      else removed.push(p);
    }
    const mid = this.paragraphs(text, ref, from, to);
    const parts = [...before, ...mid, ...after];
    const index = OffsetIndex.edited(prev.index, text, change.start, change.oldEnd, change.newEnd);
    const sameNames = namesKey(removed) === namesKey(mid);
    if (!sameNames) return this.full(text, ref, parts, index);
    // The names the article knows did not change: keep the suggestions before and after the edited lines as they were
    // (those after, moved by the change in length), and emit only the edited lines.
    const cpFrom = prev.index.toCp(from);
    const cpOldTo = prev.index.toCp(to - delta);
    const cpDelta = index.cpLength - prev.index.cpLength;
    let n = 0;
    while (n < prev.suggestions.length && prev.suggestions[n].end <= cpFrom) n++;
    const out = prev.suggestions.slice(0, n);
    this.emitParts(text, mid, prev.names, 0, mid.length, out, index);
    const old = prev.suggestions;
    let k = old.length;
    while (k > 0 && old[k - 1].start >= cpOldTo) k--;
    for (; k < old.length; k++) out.push(moved(old[k], cpDelta));
    return { text, ref, known: prev.known, parts, suggestions: out, index, names: prev.names };
  }

  /** A full pass (over `parts` when the lines are already detected), keeping what `update` needs. */
  full(text: string, ref: RefDate, parts = this.paragraphs(text, ref, 0, text.length), index = new OffsetIndex(text)): Detection {
    const names = documentNames(parts);
    const suggestions: Suggestion[] = [];
    this.emitParts(text, parts, names, 0, parts.length, suggestions, index);
    return { text, ref, known: this.known?.version ?? 0, parts, suggestions, index, names };
  }
}

export interface DocumentNames {
  people: Set<string>;
  single: Map<string, string>;
  orgs: Set<string>;
  indexFor(text: string): OffsetIndex;
}

/**
 * The names every line contributes, gathered once per pass (people and single words only those in `wanted` when
 * given; organisations' short forms always: they are few, and any guess of any line may meet one); the offset index
 * is built once per text.
 */
function documentNames(parts: Part[], wanted?: Set<string>): DocumentNames {
  const people = new Set<string>();
  const single = new Map<string, string>();
  const orgs = new Set<string>();
  const anyWanted = !wanted || wanted.size > 0;
  // Indexed loops: no iterator and no destructured pair per name (this runs over every line of every pass).
  for (let i = 0; i < parts.length; i++) {
    const n = parts[i].r.names;
    for (let j = 0; j < n.orgs.length; j++) orgs.add(n.orgs[j]);
    if (!anyWanted) continue;
    for (let j = 0; j < n.people.length; j++) if (!wanted || wanted.has(n.people[j])) people.add(n.people[j]);
    for (let j = 0; j < n.single.length; j++) {
      const kv = n.single[j];
      if (!wanted || wanted.has(kv[0])) single.set(kv[0], kv[1]);
    }
  }
  // A company's short form is an organisation wherever the article uses it, whatever else guessed.
  for (const x of orgs) if (!x.includes(' ')) single.set(x, 'ORG');
  let cached: { text: string; index: OffsetIndex } | undefined;
  return {
    people,
    single,
    orgs,
    indexFor(text: string) {
      if (cached?.text !== text) cached = { text, index: new OffsetIndex(text) };
      return cached.index;
    },
  };
}

/**
 * The words whose document label `detect` needs: those some line could not label alone, and the speakers a line took
 * for people from context alone (documentLabel asks `single` for them; what else it asks is in `orgs`, kept whole).
 */
function unresolvedWords(parts: Part[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < parts.length; i++) {
    const { unresolved, names } = parts[i].r;
    for (let j = 0; j < unresolved.length; j++) out.add(unresolved[j].text);
    for (let j = 0; j < names.speakers.length; j++) out.add(names.speakers[j]);
  }
  return out;
}

/** Whether the document pass may change the label of a line's own mention: a guess from context or rules alone. */
const relabelled = (m: { how: string; label: string }) => (m.how === 'context' || m.how === 'rule') && (m.label === 'PERSON' || m.label === 'PLACE');

/**
 * The label of a line's mention after the document pass: a speaker the line took for a person is the organisation
 * the article named in full ("Acme said"), and a company's short form is an organisation ("Acme's board", "Tomsk
 * Refining's shareholder").
 */
function documentLabel(m: LocalSuggestion, single: Map<string, string>, orgs: Set<string>): string {
  if (!relabelled(m)) return m.label;
  if (orgs.has(m.text)) return 'ORG';
  return m.how === 'context' && m.label === 'PERSON' && single.get(m.text) === 'ORG' ? 'ORG' : m.label;
}

/** A copy of a suggestion moved by `d` code points (an object literal of fixed shape: much faster than a spread). */
function moved(x: Suggestion, d: number): Suggestion {
  const y: Suggestion = { start: x.start + d, end: x.end + d, label: x.label, text: x.text, how: x.how };
  if (x.value !== undefined) y.value = x.value;
  if (x.canonical !== undefined) y.canonical = x.canonical;
  return y;
}

/** A fingerprint of what some lines tell the rest of the article. */
function namesKey(parts: Part[]): string {
  const people: string[] = [];
  const single: string[] = [];
  for (const { r } of parts) {
    const n = r.names;
    people.push(...n.people);
    for (const [k, v] of n.single) single.push(`${k}=${v}`);
    for (const x of n.orgs) single.push(`${x}=!ORG`);
  }
  return `${people.sort().join('|')}#${single.sort().join('|')}`;
}

/** What one detection of an article left behind, for the next incremental update. */
export interface Detection {
  text: string;
  ref: RefDate;
  known: number;
  parts: Part[];
  suggestions: Suggestion[];
  index: OffsetIndex;
  names: DocumentNames;
}
