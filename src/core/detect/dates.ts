// Date mentions and their ISO 8601 values, resolved against the article's reference date.
// Offsets here are UTF-16 indices into the string; the detector converts them to code points once, at the end.
import { MONTHS, WEEKDAYS } from './lexicon';

/** A calendar day, the reference for relative and year-less dates. */
export interface RefDate {
  year: number;
  month: number;
  day: number;
}

export interface DateMention {
  start: number;
  end: number;
  text: string;
  value: string;
}

export function parseIsoDay(s: string): RefDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const d = { year: +m[1], month: +m[2], day: +m[3] };
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day));
  return t.getUTCMonth() === d.month - 1 && t.getUTCDate() === d.day ? d : undefined;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
export const isoDay = (d: RefDate) => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
const toUtc = (d: RefDate) => Date.UTC(d.year, d.month - 1, d.day);
const fromUtc = (t: number): RefDate => { const x = new Date(t); return { year: x.getUTCFullYear(), month: x.getUTCMonth() + 1, day: x.getUTCDate() }; };
const addDays = (d: RefDate, n: number) => fromUtc(toUtc(d) + n * 86_400_000);
const weekday = (d: RefDate) => new Date(toUtc(d)).getUTCDay();

/** ISO 8601 week: 2024-W50. */
export function isoWeek(d: RefDate): string {
  const t = new Date(toUtc(d));
  const dow = (t.getUTCDay() + 6) % 7; // Monday = 0
  t.setUTCDate(t.getUTCDate() - dow + 3); // Thursday of this week decides the year
  const year = t.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const week = 1 + Math.round(((t.getTime() - jan4.getTime()) / 86_400_000 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return `${year}-W${pad(week)}`;
}

export const MONTH_RE = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)';
const WEEKDAY_RE = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
export const DATE_RE = new RegExp([
  String.raw`\b(?<iy>(?:19|20)\d{2})-(?<im>0[1-9]|1[0-2])-(?<id>0[1-9]|[12]\d|3[01])\b`,
  String.raw`\b(?<m1>${MONTH_RE})\.?\s(?<d1>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?:,?\s(?<y1>(?:19|20)\d{2})\b)?`,
  String.raw`\b(?<d2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s(?:of\s)?(?<m2>${MONTH_RE})\b\.?(?:,?\s(?<y2>(?:19|20)\d{2})\b)?`,
  String.raw`\b(?:(?<mod>[Ee]arly|[Mm]id|[Ll]ate)[\s-])?(?<m3>${MONTH_RE})\b(?:,?\s(?<y3>(?:19|20)\d{2})\b)?`,
  String.raw`\b[Nn]ext\s(?<nwd>${WEEKDAY_RE})\b`,
  String.raw`\b(?<wd>${WEEKDAY_RE})\b`,
  String.raw`\b(?<rel>[Yy]esterday|[Tt]oday|[Tt]omorrow|(?:(?:[Ee]arly|[Mm]id|[Ll]ate)[\s-])?(?:[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast)\s(?:week|month|year))\b`,
  String.raw`(?<![\d,.$£€-])\b(?<yr>(?:1[89]|20)\d{2})\b(?![\d]|-\d|,\d|\.\d)`,
].join('|'), 'g');
/** The same patterns, matched only where they are told to start. */
const DATE_AT = new RegExp(DATE_RE.source, 'y');
/**
 * Where a date can start: every pattern above begins at a word boundary with a digit or one of these words. Jumping to
 * these and matching there finds exactly what scanning with the whole pattern finds, at about twice the speed. The
 * words are grouped by their first letter (Jan|Jun|Jul as J(?:an|u[nl]), …): the same starts, found faster.
 * Spelled out: \d Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec Mon Tue Wed Thu Fri Sat Sun [Ee]arly [Mm]id [Ll]ate
 * [Yy]esterday [Tt]o(?:day|morrow) [Ll]ast [Nn]ext [Tt]his [Pp]ast.
 */
export const DATE_START = /\b(?:\d|J(?:an|u[nl])|F(?:eb|ri)|M(?:a[ry]|on|id)|A(?:pr|ug)|S(?:ep|at|un)|Oct|N(?:ov|ext)|Dec|T(?:ue|hu|o(?:day|morrow)|his)|Wed|[Ee]arly|mid|[Ll](?:ate|ast)|[Yy]esterday|t(?:o(?:day|morrow)|his)|next|[Pp]ast)/g;

/** The next match of the date patterns at or after `from` in `text`, as a scan with them would find it. */
export function nextDate(text: string, from: number): RegExpExecArray | null {
  DATE_START.lastIndex = from;
  for (let c = DATE_START.exec(text); c; c = DATE_START.exec(text)) {
    DATE_AT.lastIndex = c.index;
    const m = DATE_AT.exec(text);
    if (m) return m;
    DATE_START.lastIndex = c.index + 1;
  }
  return null;
}

/** Cues that a sentence is about the future, for weekdays and year-less dates. */
/**
 * Spelled out: will, shall, won't, should, would (not "would have"), is/are due, is/are scheduled/due/set/expected/
 * slated/planned/going to, plan(s) to, intend(s) to, next, upcoming, ahead of; grouped by first letters, which the
 * engine reads once (a unit test checks that it finds what the list finds).
 */
export const FUTURE_RE = /\b(?:w(?:ill|on't|ould(?! have))|sh(?:all|ould)|(?:is|are) (?:due\b|(?:scheduled|due|set|expected|slated|planned|going) to)|plans? to|intends? to|next|upcoming|ahead of)\b/i;
/** Ambiguous month names count only with a day or a year beside them. */
const NEEDS_NUMBER = new Set(['may', 'march', 'jan', 'mar', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'feb', 'apr']);

/** A reporting or past-tense verb right before the date: "said Friday", "flew out on Saturday". */
const PAST_BEFORE_RE = /\b(?:said|told|met|began|left|fled|flew|took|made|came|went|saw|held|led|won|lost|fell|struck|spoke|wrote|\w+ed)(?: \w+)?(?: on| last| this)? $/;

/** The clause around a date: from the last comma, semicolon or sentence end before it to the next one after it. */
function clauseAround(text: string, start: number, end: number): string {
  let s = start;
  while (s > 0 && !clauseEnd(text.charCodeAt(s - 1)) && start - s < 200) s--;
  let e = end;
  while (e < text.length && !clauseEnd(text.charCodeAt(e)) && e - end < 200) e++;
  return text.slice(s, e);
}

/** . ! ? newline ; , */
const clauseEnd = (c: number) => c === 0x2e || c === 0x21 || c === 0x3f || c === 0x0a || c === 0x3b || c === 0x2c;

/** Whether the date is about the future: a future cue in its clause, and no past verb right before it. */
function isFuture(text: string, start: number, end: number): boolean {
  // The past-verb pattern ends in a space: check that before running it.
  if (text.charCodeAt(start - 1) === 0x20 && PAST_BEFORE_RE.test(text.slice(Math.max(0, start - 30), start))) return false;
  return FUTURE_RE.test(clauseAround(text, start, end));
}

/** The year of a year-less date: the reference year, moved by one when that is over six months off in the wrong direction. */
function inferYear(ref: RefDate, month: number, day: number, future: boolean): number {
  const diff = (toUtc({ year: ref.year, month, day }) - toUtc(ref)) / 86_400_000;
  if (!future && diff >= 183) return ref.year - 1;
  if (future && diff <= -183) return ref.year + 1;
  return ref.year;
}

const MONTH_AFTER = /\b(?:in|since|until|through|last|next|this)\s$/;

/**
 * "in March", "since May", "mid-May": the two month names that are also common words or names count alone after a
 * preposition of time or with a modifier, not before a possessive ("in May's cabinet").
 */
function monthAlone(text: string, start: number, end: number, key: string, mod: boolean): boolean {
  if (key !== 'may' && key !== 'march') return false;
  const next = text.charCodeAt(end);
  if ((next === 0x27 || next === 0x2019) && text.charCodeAt(end + 1) === 0x73) return false;
  return mod || MONTH_AFTER.test(text.slice(Math.max(0, start - 8), start));
}

/** A 4-digit number is a count, not a year, before a plural noun: "2000 troops". */
function isCount(text: string, end: number): boolean {
  const m = /^\s+([a-z]+)/.exec(text.slice(end, end + 24));
  return !!m && m[1].length > 3 && m[1].endsWith('s') && !/^(?:was|has|is|as|this|its|his|years?)$/.test(m[1]);
}

function isCopyright(text: string, start: number): boolean {
  return /(?:Copyright|©|\(c\))\s*$/i.test(text.slice(Math.max(0, start - 12), start));
}

/** Finds dates in text[from, to) and resolves them against `ref`. */
export function detectDates(text: string, ref: RefDate, from = 0, to = text.length): DateMention[] {
  const out: DateMention[] = [];
  const slice = to === text.length ? text : text.slice(0, to);
  for (let m = nextDate(slice, from); m; m = nextDate(slice, m.index + Math.max(1, m[0].length))) {
    const g = m.groups!;
    const start = m.index;
    const end = start + m[0].length;
    const future = () => isFuture(text, start, end);
    let value: string | undefined;
    if (g.iy) {
      value = `${g.iy}-${g.im}-${g.id}`;
    } else if (g.m1 || g.m2) {
      const month = MONTHS.get((g.m1 ?? g.m2).toLowerCase())!;
      const day = Number(g.d1 ?? g.d2);
      const y = g.y1 ?? g.y2;
      const year = y ? Number(y) : inferYear(ref, month, day, future());
      const t = new Date(Date.UTC(year, month - 1, day));
      if (t.getUTCMonth() === month - 1) value = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
    } else if (g.m3) {
      const key = g.m3.toLowerCase();
      if (NEEDS_NUMBER.has(key) && !g.y3 && !(g.mod && key !== 'may' && key !== 'march') && !monthAlone(text, start, end, key, !!g.mod)) continue;
      const month = MONTHS.get(key)!;
      const year = g.y3 ? Number(g.y3) : inferYear(ref, month, 15, future());
      value = `${pad(year, 4)}-${pad(month)}`;
    } else if (g.nwd) {
      // "next Tuesday": the Tuesday of the following week (weeks start on Monday).
      const monday = addDays(ref, -((weekday(ref) + 6) % 7));
      value = isoDay(addDays(monday, 7 + ((WEEKDAYS.get(g.nwd.toLowerCase())! + 6) % 7)));
    } else if (g.wd) {
      const target = WEEKDAYS.get(g.wd.toLowerCase())!;
      const back = (weekday(ref) - target + 7) % 7;
      // The reference date's own weekday is that day, past or future ("votes on Wednesday" in Wednesday's news).
      value = isoDay(back === 0 ? ref : future() ? addDays(ref, 7 - back) : addDays(ref, -back));
    } else if (g.rel) {
      // A modifier is kept in the span and changes nothing in the value: "early next year".
      value = relative(g.rel.toLowerCase().replace(/^(?:early|mid|late)[\s-]/, '').replace(/\s+/g, ' '), ref);
    } else if (g.yr) {
      if (isCopyright(text, start) || isCount(text, end)) continue;
      value = g.yr;
    }
    if (value) out.push({ start, end, text: m[0], value });
  }
  return out;
}

function relative(rel: string, ref: RefDate): string | undefined {
  switch (rel) {
    case 'yesterday': return isoDay(addDays(ref, -1));
    case 'today': return isoDay(ref);
    case 'tomorrow': return isoDay(addDays(ref, 1));
    case 'last week': case 'past week': return isoWeek(addDays(ref, -7));
    case 'this week': return isoWeek(ref);
    case 'next week': return isoWeek(addDays(ref, 7));
    case 'last month': case 'past month': { const d = fromUtc(Date.UTC(ref.year, ref.month - 2, 1)); return `${d.year}-${pad(d.month)}`; }
    case 'this month': return `${ref.year}-${pad(ref.month)}`;
    case 'next month': { const d = fromUtc(Date.UTC(ref.year, ref.month, 1)); return `${d.year}-${pad(d.month)}`; }
    case 'last year': case 'past year': return String(ref.year - 1);
    case 'this year': return String(ref.year);
    case 'next year': return String(ref.year + 1);
    default: return undefined;
  }
}

/**
 * A date the article states about itself: a dateline at the top ("Moscow, Dec 16 (IANS)") or the first full date.
 * Year-less datelines take `fallbackYear` (from the file's date).
 */
export function statedDate(text: string, fallbackYear: number): RefDate | undefined {
  const head = text.slice(0, 400);
  const dateline = new RegExp(String.raw`^[\s\S]{0,80}?\b(${MONTH_RE})\.?\s([12]\d|3[01]|0?[1-9])\b(?:,?\s((?:19|20)\d{2}))?`).exec(head);
  if (dateline && /\(|—|–|-|:/.test(head.slice(dateline.index + dateline[0].length, dateline.index + dateline[0].length + 4))) {
    return { year: dateline[3] ? Number(dateline[3]) : fallbackYear, month: MONTHS.get(dateline[1].toLowerCase())!, day: Number(dateline[2]) };
  }
  const full = new RegExp(String.raw`\b(${MONTH_RE})\.?\s([12]\d|3[01]|0?[1-9]),?\s((?:19|20)\d{2})\b|\b([12]\d|3[01]|0?[1-9])\s(${MONTH_RE})\s((?:19|20)\d{2})\b`).exec(text.slice(0, 5000));
  if (full) {
    return full[1]
      ? { year: Number(full[3]), month: MONTHS.get(full[1].toLowerCase())!, day: Number(full[2]) }
      : { year: Number(full[6]), month: MONTHS.get(full[5].toLowerCase())!, day: Number(full[4]) };
  }
  return undefined;
}
