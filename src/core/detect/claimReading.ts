// A claim read as a whole: when a selection holds a whole sentence with its dateline ("Moscow, Dec 16 (IANS)") and
// its attribution clause (", the Foreign Ministry said."), the claim proper is what lies between; the speaker the
// clause names is the source, and the agency of the dateline, which relays it, comes after. Offsets are UTF-16.
import { Attribution, SOURCE, SPEECH, suggestAttribution } from './attribution';
import { datelineAt } from './dateline';
import { sentenceBounds } from '../text/sentences';

export interface ClaimReading {
  /** The claim proper: the selection without its dateline and attribution clause (the selection when it has none). */
  start: number;
  end: number;
  /** Whether [start, end) differs from the selection. */
  trimmed: boolean;
  /** Source, cue and factuality read from the text around the claim proper; the dateline's agency among the sources. */
  attribution: Attribution;
}

/** What may follow the cue in a closing clause: "said Friday", "said in a statement on Sunday". */
const TAIL = String.raw`(?:\s+[\p{L}\p{N}.’'-]+){0,6}?`;
const CLOSING_PIECE = String.raw`,["”’]?\s*(?:as\s+)?(?:(?:reported\s+by|according\s+to|citing)\s+${SOURCE}|${SOURCE}\s+(?:${SPEECH})${TAIL}|(?:${SPEECH})\s+${SOURCE})`;
/** The attribution clause at the end of a selection, from its comma to the end: ", the Russian Foreign Ministry said.". */
const CLOSING = new RegExp(String.raw`^(?:${CLOSING_PIECE})+\s*[.!?]?["”’]?\s*$`, 'u');
/** The attribution clause a sentence opens with: "According to X, ", "X told the FT that ", "X said: ". */
const OPENING = new RegExp(String.raw`^\s*(?:(?:according\s+to|citing)\s+${SOURCE}\s*,\s*|\p{Lu}${SOURCE}\s+(?:${SPEECH})\b[^,.;:"“]{0,80}?\s+that\s+|\p{Lu}${SOURCE}\s+(?:${SPEECH})\s*:\s*)`, 'iu');

/** Where the claim proper ends: before a closing attribution clause inside [from, to), else `to`. */
function closingAt(text: string, from: number, to: number): number {
  const part = text.slice(from, to);
  for (let i = part.indexOf(','); i > 0; i = part.indexOf(',', i + 1)) {
    if (CLOSING.test(part.slice(i))) return from + i;
  }
  return to;
}

/** Leaves white space, a lone opening quote and trailing commas or stops out of [s, e). */
function tidy(text: string, s: number, e: number): { s: number; e: number } {
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /[\s,;:.]/.test(text[e - 1])) e--;
  const inner = text.slice(s + 1, e);
  if (/^["“]/.test(text[s] ?? '') && !/["”]/.test(inner)) s++;
  if (/^["”’]$/.test(text[e - 1] ?? '') && !/["“]/.test(text.slice(s, e - 1))) e--;
  while (e > s && /[\s,;:]/.test(text[e - 1])) e--;
  return { s, e };
}

/**
 * Reads a selection [start, end) (UTF-16) as a claim: the claim proper without a dateline and attribution clause
 * the selection holds, and the attribution of the claim proper. The dateline of the claim's sentence, if any, adds its
 * agency after the sources the attribution names.
 */
export function readClaim(text: string, start: number, end: number): ClaimReading {
  const { s: sentence } = sentenceBounds(text, start, start);
  const atLine = sentence === 0 || text[sentence - 1] === '\n';
  const found = atLine ? datelineAt(text, sentence) : undefined;
  const dateline = found && found.end < end ? found : undefined;
  let s = dateline && dateline.end > start ? dateline.end : start;
  // The clauses of one sentence only: a selection of several sentences keeps its own edges but the dateline.
  const oneSentence = sentenceBounds(text, end - 1, end - 1).s <= s;
  const opening = oneSentence ? OPENING.exec(text.slice(s, end)) : null;
  if (opening && opening[0].length < end - s) s += opening[0].length;
  const e = oneSentence ? closingAt(text, s, end) : end;
  // Only a selection that loses a dateline or a clause is tidied; any other is the person's own.
  const t = s !== start || e !== end ? tidy(text, s, e) : { s, e };
  const claim = t.e > t.s ? t : { s: start, e: end };
  const attribution = suggestAttribution(text, claim.s, claim.e);
  const agency = dateline?.agency;
  if (agency && ![attribution.source, ...attribution.alternatives].some((x) => x?.name === agency.name)) attribution.alternatives.push(agency);
  return { start: claim.s, end: claim.e, trimmed: claim.s !== start || claim.e !== end, attribution };
}
