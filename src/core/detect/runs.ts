// Runs of name words in a line: capitalised words joined by single spaces, with at most two joiners ("of", "the",
// "bin") between two of them. Offsets are UTF-16 indices into the line.
import { ARABIC_COMPOUND, ARABIC_PARTICLES, PARTICLES } from './lexicon';

// A name word: an initialism (U.S.), a middle initial (J.), an Arabic article compound (al-Assad) or a capitalised word
// with inner hyphens and apostrophes; entities.ts splits possessive 's off.
const NAME_TOKEN = String.raw`(?:\p{Lu}\.(?:\p{Lu}\.)+|\p{Lu}\.(?= \p{Lu})|${ARABIC_COMPOUND}\p{Lu}[\p{L}\p{M}]*|\p{Lu}[\p{L}\p{M}\p{N}]*(?:[-'’][\p{L}\p{M}\p{N}]+)*)`;
/** Words between the name words of one name: "Ministry of Defense", "Bashar al Assad", "Ursula von der Leyen". */
const JOINERS: ReadonlySet<string> = new Set(['of', 'for', 'and', '&', 'the', ...PARTICLES]);
const JOINER = trieSource([...JOINERS]);
// Module-level regexes are reused (lastIndex reset before each use): compiling one per paragraph costs more than matching.
export const RUN_RE = new RegExp(String.raw`${NAME_TOKEN}(?: (?:${JOINER} ){0,2}${NAME_TOKEN})*`, 'yu');
/**
 * Where a run can start: a capital (any character past Latin-1 is a candidate; the sticky run regex decides), or the
 * hyphen of an Arabic article compound ("al-Assad"). Jumping with this simple class and matching the run only there is
 * about three times faster than scanning the text with the Unicode run regex itself.
 */
const RUN_START = /[A-Z\u00C0-\u00DE\u0100-\uDBFF\uE000-\uFFFF]|-/g;

/** The next run of name words at or after `from`, as the run regex would find it scanning from there. */
export function nextRun(p: string, from: number): { index: number; text: string } | undefined {
  RUN_START.lastIndex = from;
  // `test` and not `exec`: a candidate is one character, so where it is follows from lastIndex, and no match is built.
  while (RUN_START.test(p)) {
    const c = RUN_START.lastIndex - 1;
    let at = c;
    const code = p.charCodeAt(at);
    // General punctuation (dashes, curly quotes, …) has no letter, so no run starts there: no need to ask the regex.
    if (isGeneralPunctuation(code)) continue;
    if (code === 0x2d) {
      // A hyphen is a candidate only after an article ("al-"): the run starts at the article.
      at = articleBefore(p, at, from);
      if (at < 0) continue;
    }
    const end = asciiRun(p, at);
    if (end > 0) return { index: at, text: p.slice(at, end) };
    RUN_RE.lastIndex = at;
    const m = RUN_RE.exec(p);
    if (m) return { index: at, text: m[0] };
    RUN_START.lastIndex = c + 1;
  }
  return undefined;
}

/** Longest first: where "bint-" is read, "bin-" is not tried. */
const COMPOUND_ARTICLES = [...ARABIC_PARTICLES].sort((a, b) => b.length - a.length);

/** Where an Arabic particle ("al", "bin", …) ends right before the hyphen at h (starting at or after `from`), or -1. */
function articleBefore(p: string, h: number, from: number): number {
  for (const a of COMPOUND_ARTICLES) if (h - a.length >= from && p.startsWith(a, h - a.length)) return h - a.length;
  return -1;
}

const LONGEST_JOINER = Math.max(...[...JOINERS].map((j) => j.length));
/**
 * The first characters of the joiners (all ASCII): a word starting otherwise is none, known without cutting it out
 * and hashing it ("said", "Moscow").
 */
const JOINER_FIRST = new Uint8Array(128);
for (const j of JOINERS) JOINER_FIRST[j.charCodeAt(0)] = 1;
const isAsciiAlnum = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
export const isAsciiLower = (c: number) => c >= 0x61 && c <= 0x7a;
/** U+2000–U+206F (dashes, curly quotes, …): no letter among them (a unit test checks), so no name word either. */
export const isGeneralPunctuation = (c: number) => c >= 0x2000 && c <= 0x206f;
const IS_COMPOUND_ARTICLE: ReadonlySet<string> = new Set(ARABIC_PARTICLES);

/**
 * The end of the run at `s` when it is made of plain ASCII name words and joiners ("Moscow", "Russian Foreign Ministry",
 * "Ministry of Defense"), found without the run regex; -1 when the regex must decide (other scripts, initials and
 * initialisms, article compounds). It follows the run regex: name words joined by single spaces, with at most two
 * joiners between two of them.
 */
function asciiRun(p: string, s: number): number {
  let end = asciiNameWord(p, s);
  if (end < 0) return -1;
  for (;;) {
    if (p.charCodeAt(end) !== 0x20 || end + 1 >= p.length) return end;
    let k = end + 1;
    let joiners = 0;
    for (;;) {
      const c = p.charCodeAt(k);
      if (c >= 0x41 && c <= 0x5a) {
        const e = asciiNameWord(p, k);
        if (e < 0) return -1;
        end = e;
        break;
      }
      // Past ASCII the regex decides, but general punctuation ("Syria – the …") can neither join nor start a word.
      if (c >= 0x80 || Number.isNaN(c)) return c >= 0x80 && !isGeneralPunctuation(c) ? -1 : end;
      if (c === 0x26) {
        if (p.charCodeAt(k + 1) !== 0x20 || joiners === 2) return end;
        joiners++;
        k += 2;
        continue;
      }
      if (!isAsciiLower(c)) return end;
      let w = k + 1;
      while (w < p.length && isAsciiLower(p.charCodeAt(w))) w++;
      const after = p.charCodeAt(w);
      if (after === 0x2d && IS_COMPOUND_ARTICLE.has(p.slice(k, w))) return -1;
      if (after !== 0x20 || joiners === 2 || w - k > LONGEST_JOINER || !JOINER_FIRST[c] || !JOINERS.has(p.slice(k, w))) return end;
      joiners++;
      k = w + 1;
    }
  }
}

/** Where the plain ASCII name word at i ends ("Moscow", "Al-Sham", "Russia's"); -1 when the run regex must decide. */
function asciiNameWord(p: string, i: number): number {
  const first = p.charCodeAt(i);
  if (first < 0x41 || first > 0x5a) return -1;
  let j = i + 1;
  while (j < p.length && isAsciiAlnum(p.charCodeAt(j))) j++;
  // Inner hyphens and apostrophes (' and ’) followed by letters or digits stay in the word ("Russia’s").
  while (innerMark(p.charCodeAt(j)) && isAsciiAlnum(p.charCodeAt(j + 1))) {
    j += 2;
    while (j < p.length && isAsciiAlnum(p.charCodeAt(j))) j++;
  }
  if (j === p.length) return j;
  const q = p.charCodeAt(j);
  // A period after one capital may make an initialism or an initial ("U.S.", "J. Smith").
  if (q === 0x2e) return j === i + 1 ? -1 : j;
  return q >= 0x80 || q === 0x2d || q === 0x27 ? -1 : j;
}

/** - ' ’: inside a name word when a letter or digit follows. */
const innerMark = (c: number) => c === 0x2d || c === 0x27 || c === 0x2019;

export const isJoiner = (t: string) => t.charCodeAt(0) < 0x80 && JOINER_FIRST[t.charCodeAt(0)] === 1 && JOINERS.has(t);

/**
 * A regex source matching exactly the given words, as a trie ("d(?:e(?:l(?:a|la)?)?|…)") rather than a list of
 * alternatives: the engine then reads each character once instead of trying every word in turn.
 */
export function trieSource(words: readonly string[]): string {
  type Node = Map<string, Node> & { end?: boolean };
  const root: Node = new Map();
  for (const w of words) {
    let n = root;
    for (const ch of w) {
      if (!n.has(ch)) n.set(ch, new Map());
      n = n.get(ch)!;
    }
    n.end = true;
  }
  const esc = (ch: string) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const walk = (n: Node): string => {
    const parts = [...n].map(([ch, next]) => esc(ch) + (next.size ? walk(next) : ''));
    const body = parts.length === 1 ? parts[0] : `(?:${parts.join('|')})`;
    return n.size && n.end ? `(?:${body})?` : body;
  };
  return `(?:${walk(root)})`;
}
