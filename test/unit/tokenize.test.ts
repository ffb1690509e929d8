import * as assert from 'assert';
import fc from 'fast-check';
import { Token, sentences, tokenize } from '../../src/core/text/tokenize';
import { OffsetIndex } from '../../src/core/text/offsets';

// The definitions the fast tokeniser and sentence splitter must keep to, written the plain way.
const TOKEN = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;
const ABBREV = /(?:^|[^\p{L}])(?:Mr|Ms|Mrs|Dr|St|Gen|Col|Lt|Sen|Rep|Prof|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|No|vs|U\.S|U\.K|a\.m|p\.m|[A-Z])$/u;

function tokensByRegex(text: string): Token[] {
  const index = new OffsetIndex(text);
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) out.push({ start: index.toCp(m.index), end: index.toCp(m.index + m[0].length), text: m[0] });
  return out;
}

function sentencesPlainly(text: string, tokens: Token[], spans: { start: number; end: number }[]): Token[][] {
  const index = new OffsetIndex(text);
  const out: Token[][] = [];
  let cur: Token[] = [];
  const within = new Set<number>();
  for (const s of spans) for (let p = s.start + 1; p < s.end; p++) within.add(p);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    cur.push(t);
    if (!next) break;
    const between = text.slice(index.toUtf16(t.end), index.toUtf16(next.start));
    let boundary = between.includes('\n');
    if (!boundary && /^[.!?]$/.test(t.text) && /\s/.test(between)) {
      const before = text.slice(Math.max(0, index.toUtf16(t.start) - 6), index.toUtf16(t.start));
      // Only a period can end an abbreviation: "Plan B? Then" ends a sentence.
      boundary = /^[\p{Lu}\p{N}"“‘'(]/u.test(next.text) && (t.text !== '.' || !ABBREV.test(before));
    }
    if (!boundary && /^["”’]$/.test(t.text) && i > 0 && /^[.!?]$/.test(tokens[i - 1].text) && /\s/.test(between) && /^[\p{Lu}"“]/u.test(next.text)) boundary = true;
    if (boundary && !within.has(next.start)) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

/** Text with what the splitter looks at: stops, quotes, abbreviations, capitals, digits, line breaks, odd spaces, emoji. */
const PIECES = ['Mr', 'Dec', 'U', 'S', 'A', 'he', 'Then', '8', '.', '!', '?', '"', '”', '’', '“', '‘', "'", '(', ' ', '  ', '\n', '\r\n', '\t',
  '\u00a0', '\u2028', '\u3000', '😀', '𝐀', 'é', 'e\u0301', '٣', '\ud83d', '\udc00', '-', ',', 'al-Assad'];
const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((p) => p.join(''));

describe('tokeniser and sentence splitter', () => {
  it('tokenises exactly as the token regex matches, on any code points (lone surrogates too)', () => {
    fc.assert(fc.property(fc.oneof(textArb, fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 })), (text) => {
      assert.deepStrictEqual(tokenize(text), tokensByRegex(text));
    }), { numRuns: 3000 });
  });

  it('splits sentences exactly as the plain definition, never inside a span', () => {
    fc.assert(fc.property(textArb, fc.array(fc.tuple(fc.nat(80), fc.nat(12)), { maxLength: 6 }), (text, raw) => {
      const tokens = tokenize(text);
      const spans = raw.map(([s, n]) => ({ start: s, end: s + n }));
      assert.deepStrictEqual(sentences(text, tokens, spans), sentencesPlainly(text, tokens, spans));
    }), { numRuns: 3000 });
  });
});
