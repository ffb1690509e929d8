// Who asserts a claim: the attribution around a span (PARC's source and cue), and the source's commitment
// (FactBank's factuality, separate from the annotator's confidence). Offsets are UTF-16 indices into the text.
import { Factuality } from '../model';
import { sentenceBounds } from '../text/sentences';
import { SPEECH_VERBS } from './lexicon';

export interface Attribution {
  source?: { name: string; start: number; end: number };
  /** Other sources the sentence names: the outlet relaying a cited source, for instance. */
  alternatives: { name: string; start: number; end: number }[];
  cue?: { start: number; end: number; text: string };
  factuality: Factuality;
}

export const SPEECH = [...SPEECH_VERBS].join('|');
/** A source: a noun phrase of up to eight words (names, "the agency's source", "an anonymous Kremlin source"). */
export const SOURCE = String.raw`((?:[\p{L}\p{N}][\p{L}\p{N}’'.-]*\s+){0,7}?[\p{L}\p{N}][\p{L}\p{N}’'.-]*)`;
const HEDGES = /\b(?:allegedly|reportedly|apparently|presumably|purportedly|supposedly|seemingly|possibly|probably|may have|might have|could have|is said to|are said to|is believed to|unconfirmed)\b/i;
const DENIALS = /^(?:denied|denies|rejected|rejects|dismissed|dismisses|refuted|refutes)$/i;
const REPORTING = /^(?:reported|reports|according to|citing|as reported by|reported by|disclosed|revealed)$/i;
/** An unattributed passive report, "it was reported", with the speech verbs whose passive reports hearsay. */
const PASSIVE_AUX = String.raw`(?:it\s+)?(?:was|has been|had been|is|were|are)\s+`;
const PASSIVE = String.raw`${PASSIVE_AUX}(?:reported|claimed|alleged|said|announced)\b`;
const PASSIVE_AFTER = new RegExp(String.raw`^[\s"”’'),]*${PASSIVE}`, 'i');
const PASSIVE_ANYWHERE = new RegExp(String.raw`\b${PASSIVE}`, 'i');
const PASSIVE_LEAD = new RegExp(`^${PASSIVE_AUX}`, 'i');
const NEGATED = /\b(?:did not|didn't|does not|doesn't|has not|hasn't|never)\s+(?:confirm|say|state|acknowledge)\b/i;

/** Leaves determiners and quote marks out of a source's name: "the Russian Foreign Ministry" -> "Russian Foreign Ministry". */
function trimSource(text: string, start: number, end: number): { name: string; start: number; end: number } | undefined {
  let s = start;
  let e = end;
  const lead = /^(?:the|a|an|its|their|his|her)\s+/i.exec(text.slice(s, e));
  if (lead) s += lead[0].length;
  while (e > s && /[\s,.;:"“”']/.test(text[e - 1])) e--;
  if (e <= s) return undefined;
  return { name: text.slice(s, e), start: s, end: e };
}

function factualityOf(cue: string | undefined, sentence: string, claim: string): Factuality {
  if (HEDGES.test(claim) || HEDGES.test(sentence.replace(claim, ''))) return 'hedged';
  if (NEGATED.test(sentence)) return 'denied';
  if (!cue) return 'unknown';
  if (DENIALS.test(cue)) return 'denied';
  if (REPORTING.test(cue)) return 'reported';
  return 'asserted';
}

interface Match {
  source?: { start: number; end: number };
  cue: { start: number; end: number };
  /** Lower wins: an original source ("citing X") before the outlet relaying it ("TASS reports"). */
  rank: number;
}

/** A source phrase must end at punctuation or the end of the clause: otherwise a lazy match would stop after one word. */
const END = String.raw`(?=\s*(?:[,.;:!?"”’)]|$|\s(?:on|in|at|this|last|that|after|before|while)\b|\s\p{Ll}+ed\b))`;
const AUX = /\b(?:was|were|is|are|been|be|has|have|had|it|as)$/i;
const PREPOSITION = /^(?:on|in|at|by|for|to|from|with|of|about|over|after|before)\b/i;

function at(base: number, whole: string, part: string, from = 0): { start: number; end: number } {
  const i = whole.indexOf(part, from);
  return { start: base + i, end: base + i + part.length };
}

/** Attribution after the claim: ", the Ministry said", "," said the statement", ", as reported by X, citing Y". */
function after(text: string, from: number, to: number): Match[] {
  const rest = text.slice(from, to);
  const out: Match[] = [];
  const pass = PASSIVE_AFTER.exec(rest);
  if (pass) out.push({ cue: at(from, rest, pass[0].replace(/^[\s"”’'),]*/, '')), rank: 3 });
  const cueSrc = new RegExp(String.raw`^[\s"”’'),]*(?:as\s+)?(reported by|according to|citing|${SPEECH})\s+${SOURCE}${END}`, 'u').exec(rest);
  if (cueSrc && !AUX.test(cueSrc[2]) && !PREPOSITION.test(cueSrc[2])) out.push({ cue: at(from, cueSrc[0], cueSrc[1]), source: at(from, cueSrc[0], cueSrc[2], cueSrc[0].indexOf(cueSrc[1]) + cueSrc[1].length), rank: 1 });
  const pronoun = new RegExp(String.raw`^[\s"”’'),]*(?:it|he|she|they|we)\s+(${SPEECH})\b`, 'iu').exec(rest);
  if (pronoun) out.push({ cue: at(from, pronoun[0], pronoun[1], pronoun[0].length - pronoun[1].length), rank: 3 });
  const srcCue = new RegExp(String.raw`^[\s"”’'),]*${SOURCE}\s+(${SPEECH})\b`, 'u').exec(rest);
  if (srcCue && !AUX.test(srcCue[1])) out.push({ source: at(from, srcCue[0], srcCue[1]), cue: at(from, srcCue[0], srcCue[2], srcCue[0].indexOf(srcCue[1]) + srcCue[1].length), rank: 1 });
  // After a later comma of the sentence: "…, the Russian Foreign Ministry said.", "…, TASS reports this morning".
  for (const tail of rest.matchAll(new RegExp(String.raw`,\s+${SOURCE}\s+(${SPEECH})\b`, 'gu'))) {
    if (AUX.test(tail[1]) || PREPOSITION.test(tail[1])) continue;
    const base = from + tail.index;
    out.push({ source: at(base, tail[0], tail[1]), cue: at(base, tail[0], tail[2], tail[0].indexOf(tail[1]) + tail[1].length), rank: 2 });
  }
  // "citing X", "according to X" anywhere after: the original source.
  for (const m of rest.matchAll(new RegExp(String.raw`\b(citing|according to)\s+${SOURCE}${END}`, 'gu'))) {
    const base = from + m.index;
    out.push({ cue: at(base, m[0], m[1]), source: at(base, m[0], m[2], m[1].length), rank: 0 });
  }
  return out;
}

/** Attribution before the claim: "Lababidi told the Financial Times (FT) that", "According to X,", "X said:". */
function before(text: string, from: number, to: number): Match[] {
  const head = text.slice(from, to);
  const out: Match[] = [];
  const according = new RegExp(String.raw`\b(according to|citing)\s+${SOURCE}\s*,\s*["“]?$`, 'iu').exec(head);
  if (according) {
    const base = from + according.index;
    out.push({ cue: at(base, according[0], according[1]), source: at(base, according[0], according[2], according[1].length), rank: 0 });
  }
  // Further back in the sentence: "A Russian official stated on Dec. 8, …, that rebel leaders “…".
  let last: RegExpExecArray | undefined;
  for (const m of head.matchAll(new RegExp(String.raw`(?:^|[,;:"“]\s*)${SOURCE}\s+(${SPEECH})\b`, 'gu'))) last = m;
  if (last && !AUX.test(last[1]) && !PREPOSITION.test(last[1]) && /\bthat\b/.test(head.slice(last.index + last[0].length))) {
    const base = from + last.index;
    out.push({ source: at(base, last[0], last[1]), cue: at(base, last[0], last[2], last[0].indexOf(last[1]) + last[1].length), rank: 2 });
  }
  const object = String.raw`(?:\s+(?:the\s+)?\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*){0,3}(?:\s+\([\p{Lu}]+\))?)?`;
  const said = new RegExp(String.raw`${SOURCE}\s+(${SPEECH})(?:\s+(?:claims|reports|allegations|rumou?rs|suggestions))?${object}(?:\s+(?:on\s+)?\p{Lu}\p{Ll}+day)?(?:\s+that)?\s*[,:]?\s*["“]?$`, 'u').exec(head);
  if (said && !AUX.test(said[1])) {
    const base = from + said.index;
    out.push({ source: at(base, said[0], said[1]), cue: at(base, said[0], said[2], said[1].length), rank: 1 });
  }
  return out;
}

/** A whole sentence taken as the claim may open with its own attribution: "Lababidi told the FT that …". */
function inside(text: string, from: number, to: number): Match[] {
  const m = new RegExp(String.raw`^${SOURCE}\s+(${SPEECH})\b`, 'u').exec(text.slice(from, to));
  if (!m || AUX.test(m[1]) || PREPOSITION.test(m[1]) || !/^\p{Lu}/u.test(m[1])) return [];
  return [{ source: at(from, m[0], m[1]), cue: at(from, m[0], m[2], m[1].length), rank: 5 }];
}

/** Passive or unattributed reporting anywhere in the sentence: "it was reported that". */
function passive(text: string, from: number, to: number): Match[] {
  const m = PASSIVE_ANYWHERE.exec(text.slice(from, to));
  return m ? [{ cue: { start: from + m.index, end: from + m.index + m[0].length }, rank: 4 }] : [];
}

/**
 * Suggests the source, the cue and the factuality for a claim spanning [start, end) (UTF-16) in `text`: the attribution
 * in the same sentence after the claim, else before it, else a passive "it was reported"; the source is empty when the
 * text names none.
 */
export function suggestAttribution(text: string, start: number, end: number): Attribution {
  const { s, e } = sentenceBounds(text, start, end);
  const claim = text.slice(start, end);
  const sentence = text.slice(s, e);
  let found = [...after(text, end, e), ...before(text, s, start), ...passive(text, s, e)]
    .filter((m) => m.cue.end <= start || m.cue.start >= end)
    .sort((a, b) => a.rank - b.rank);
  if (!found.length) found = inside(text, start, end);
  if (!found.length) return { factuality: factualityOf(undefined, sentence, claim), alternatives: [] };
  const best = found[0];
  const cueText = text.slice(best.cue.start, best.cue.end);
  const verb = cueText.replace(PASSIVE_LEAD, '');
  const out: Attribution = { cue: { ...best.cue, text: cueText }, factuality: verb !== cueText && verb === 'reported' ? 'reported' : factualityOf(verb, sentence, claim), alternatives: [] };
  const sources = found.filter((m) => m.source).map((m) => trimSource(text, m.source!.start, m.source!.end)).filter((x): x is NonNullable<typeof x> => !!x);
  const unique = sources.filter((x, i) => sources.findIndex((y) => y.name === x.name) === i);
  if (best.source && unique.length) out.source = unique[0];
  out.alternatives = unique.slice(best.source ? 1 : 0);
  return out;
}
