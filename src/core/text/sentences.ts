// Where sentences end: the one rule behind the sentence around a claim (attribution, "mark the sentence at the cursor")
// and the sentences of the token exports (CoNLL, Hugging Face). Offsets here are UTF-16 indices.
//
// A sentence ends:
// - at a line feed;
// - at ".", "!" or "?" followed by white space and a capital, a digit, an opening quote or a bracket, unless the period
//   ends an abbreviation (Mr., Gen., Dec., U.S., a.m., an initial as in "J. Smith");
// - after a closing quote that follows a stop ("… Damascus.” The"), when white space and a capital or an opening quote
//   follow the quote;
// - at a stop at the end of the text.

/** Words whose period does not end a sentence: titles, months, "No.", "vs.", U.S., U.K., a.m., p.m., and initials. */
const ABBREVIATION = /(?:^|[^\p{L}])(?:Mr|Ms|Mrs|Dr|St|Gen|Col|Lt|Sen|Rep|Prof|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|No|vs|U\.S|U\.K|a\.m|p\.m|[A-Z])$/u;
/** What opens a sentence after a stop, and after a stop's closing quote. */
const OPENS_AFTER_STOP = /^[\p{Lu}\p{N}"“‘'(]/u;
const OPENS_AFTER_QUOTE = /^[\p{Lu}"“]/u;
const SPACE = /\s/;

const isStop = (c: number) => c === 0x2e || c === 0x21 || c === 0x3f;
const isCloseQuote = (c: number) => c === 0x22 || c === 0x201d || c === 0x2019;
const isSpace = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c > 0x7f && SPACE.test(String.fromCharCode(c)));

/** Whether the period at `dot` ends an abbreviation (looking at the six code units before it). */
export function endsAbbreviation(text: string, dot: number): boolean {
  return ABBREVIATION.test(text.slice(Math.max(0, dot - 6), dot));
}

/** Whether white space and then what `opens` accepts (or the end of the text) follow the character at i. */
function followedBy(text: string, i: number, opens: RegExp): boolean {
  if (i + 1 >= text.length) return true;
  if (!isSpace(text.charCodeAt(i + 1))) return false;
  let k = i + 2;
  while (k < text.length && isSpace(text.charCodeAt(k))) k++;
  return k === text.length || opens.test(text.slice(k, k + 2));
}

/** Whether the last character before i that is not white space is a stop. */
function stopBefore(text: string, i: number): boolean {
  let h = i - 1;
  while (h >= 0 && isSpace(text.charCodeAt(h))) h--;
  return h >= 0 && isStop(text.charCodeAt(h));
}

/** Whether a sentence ends with the character at i (UTF-16). */
export function endsSentence(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 0x0a) return true;
  if (isStop(c)) return followedBy(text, i, OPENS_AFTER_STOP) && (c !== 0x2e || !endsAbbreviation(text, i));
  return isCloseQuote(c) && stopBefore(text, i) && followedBy(text, i, OPENS_AFTER_QUOTE);
}

/**
 * The sentence, or sentences, around [start, end) (UTF-16): from just after the last sentence end before `start` to
 * just after the first sentence end at or after `end`. Space and line breaks at either edge are included.
 */
export function sentenceBounds(text: string, start: number, end: number): { s: number; e: number } {
  let s = start;
  while (s > 0 && !endsSentence(text, s - 1)) s--;
  let e = end;
  while (e < text.length && !endsSentence(text, e)) e++;
  return { s, e: Math.min(text.length, e + 1) };
}

/** The sentence around a position (UTF-16) without the space around it, for "mark the sentence at the cursor". */
export function sentenceAt(text: string, at: number): { start: number; end: number } {
  const { s, e } = sentenceBounds(text, at, at);
  let start = s;
  let end = e;
  while (start < end && SPACE.test(text[start])) start++;
  while (end > start && SPACE.test(text[end - 1])) end--;
  return { start, end };
}
