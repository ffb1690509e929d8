// A dateline at the top of an article or paragraph: "Moscow, Dec 16 (IANS)", "MOSCOW/BUDAPEST (Worthy News) –",
// "KYIV, Ukraine –". Read by the claim flow (the agency relays the claim) and by entity detection (an all-capitals
// dateline city is a place, not an acronym). Offsets are UTF-16.
import { MONTH_RE } from './dates';

const WORD = String.raw`\p{Lu}[\p{L}.’'-]*`;
const PLACE = String.raw`${WORD}(?:[ /-]${WORD}){0,3}(?:,\s*(?!${MONTH_RE}\b)${WORD}(?:\s${WORD}){0,2})?`;
const DASH = String.raw`\s*[–—-]+\s*`;
/** A dateline: a place, then a date and/or an agency in brackets, and/or a dash ("WASHINGTON –", "Moscow, Dec 16 (IANS)"). */
const DATELINE = new RegExp(String.raw`^\s*(?<place>${PLACE})(?<date>,\s*${MONTH_RE}\.?\s\d{1,2}(?:,?\s\d{4})?)?(?:\s*\((?<agency>[^()\n]{1,40})\))?(?<dash>${DASH}|\s*:\s+)?`, 'u');

const LOWER = /\p{Ll}/u;

export interface Dateline {
  /** Where the dateline ends, with the dash and space after it. */
  end: number;
  /** The place words ("MOSCOW/BUDAPEST", "KYIV, Ukraine"): where they end. */
  placeEnd: number;
  /** Whether the first place is written in capitals. */
  caps: boolean;
  agency?: { name: string; start: number; end: number };
}

/** The dateline at `from` (white space allowed before it), if the text there opens with one. */
export function datelineAt(text: string, from: number): Dateline | undefined {
  const m = DATELINE.exec(text.slice(from, from + 160));
  if (!m?.groups) return undefined;
  const { place, date, agency, dash } = m.groups;
  const comma = place.indexOf(',');
  const caps = !LOWER.test(comma < 0 ? place : place.slice(0, comma));
  if (!(date || caps ? agency || dash : agency && dash)) return undefined;
  const lead = m[0].length - m[0].trimStart().length;
  const out: Dateline = { end: from + m[0].length, placeEnd: from + lead + place.length, caps };
  if (agency) {
    const at = from + m[0].indexOf(`(${agency})`) + 1;
    const name = agency.trim();
    out.agency = { name, start: at + agency.indexOf(name), end: at + agency.indexOf(name) + name.length };
  }
  return out;
}

