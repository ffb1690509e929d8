import * as assert from 'assert';
import fc from 'fast-check';
import { suggestAttribution } from '../../src/core/detect/attribution';
import { OffsetIndex } from '../../src/core/text/offsets';
import { endsSentence, sentenceAt } from '../../src/core/text/sentences';
import { sentences, tokenize } from '../../src/core/text/tokenize';

/** The sentences the token export finds, as UTF-16 ranges from the first token's start to the last token's end. */
function exportSentences(text: string): { start: number; end: number }[] {
  const index = new OffsetIndex(text);
  return sentences(text, tokenize(text)).map((s) => ({ start: index.toUtf16(s[0].start), end: index.toUtf16(s[s.length - 1].end) }));
}

/** The sentences attribution sees: the sentence at each sentence start the export found. */
function attributionSentences(text: string): { start: number; end: number }[] {
  return exportSentences(text).map((s) => sentenceAt(text, s.start));
}

const split = (text: string) => exportSentences(text).map((s) => text.slice(s.start, s.end));

/** Pieces that decide sentence ends: abbreviations, initials, months, stops, quotes, capitals, digits, breaks, emoji. */
const PIECES = ['Gen', 'J', 'Smith', 'U', 'S', 'Mr', 'Mar', 'Dec', 'No', 'vs', 'a', 'm', 'said', 'he', 'Then', '8', '.', '.', '!', '?',
  '"', '”', '’', '“', '‘', "'", '(', ' ', ' ', '  ', '\n', '\r\n', '\t', '\u00a0', '\u2028', '😀', 'e\u0301', '\ud83d', '-', ','];
const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((p) => p.join(''));

describe('sentences: one rule for attribution and export', () => {
  it('attribution and export find the same sentences, on any text', () => {
    fc.assert(fc.property(textArb, (text) => {
      assert.deepStrictEqual(attributionSentences(text), exportSentences(text));
    }), { numRuns: 3000 });
  });

  it('keeps initials, titles, U.S. and abbreviated months inside the sentence (attribution used to end "Gen. J." there)', () => {
    const cases = ['Gen. J. Smith said the base would close.', 'The U.S. State Department said so on Dec. 8.',
      'On Mar. 3, Apr. 4, Jun. 5 and Jul. 6 the talks resumed.', 'Talks resumed at 9 a.m. Monday, No. 10 said.'];
    for (const text of cases) {
      const whole = `${text} Then it rained.`;
      assert.deepStrictEqual(split(whole), [text, 'Then it rained.']);
      const s = sentenceAt(whole, 5);
      assert.strictEqual(whole.slice(s.start, s.end), text);
    }
  });

  it('names the whole speaker in "Gen. J. Smith said" (attribution used to stop at "Smith")', () => {
    const text = 'The base would close, Gen. J. Smith said. Then it rained.';
    const a = suggestAttribution(text, 0, 20);
    assert.deepStrictEqual([a.source?.name, a.cue?.text], ['Gen. J. Smith', 'said']);
  });

  it('ends a sentence after the closing quote, and only before a capital, digit, quote or bracket', () => {
    assert.deepStrictEqual(split('“We will stay.” The ministry said.'), ['“We will stay.”', 'The ministry said.']);
    assert.deepStrictEqual(split('It fell. the town was taken. 12 died. (Reuters)'), ['It fell. the town was taken.', '12 died.', '(Reuters)']);
    const s = sentenceAt('“We will stay.” The ministry said.', 3);
    assert.deepStrictEqual(s, { start: 0, end: 15 });
  });

  it('ends at "!" and "?" after any word (the export used to treat "B?" like the initial "B.")', () => {
    assert.deepStrictEqual(split('Is it Plan B? Then so be it! Mr! No.'), ['Is it Plan B?', 'Then so be it!', 'Mr!', 'No.']);
  });

  it('ends at a line feed, also in CRLF text, and at a stop at the end of the text', () => {
    assert.deepStrictEqual(split('One\r\ntwo. three\nFour'), ['One', 'two. three', 'Four']);
    assert.ok(endsSentence('It ended.', 8));
    assert.ok(!endsSentence('It ended. and', 8));
  });
});
