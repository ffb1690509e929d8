// The hand-written ASCII paths of detection (there for speed) against the Unicode patterns they stand in for.
import * as assert from 'assert';
import fc from 'fast-check';
import { PLACE_OF_RE, PLACE_PAIR_RE, gapAt, nextTwo, placeContext } from '../../src/core/detect/context';
import { COMMON_NOT_DEMONYM } from '../../src/core/detect/entities';
import { headlineKind } from '../../src/core/detect/headline';
import { isGeneralPunctuation, isJoiner } from '../../src/core/detect/runs';
import { lastSpace, simpleWord } from '../../src/core/detect/tokens';
import { PARTICLES } from '../../src/core/detect/lexicon';

/** nextTwo as the patterns alone decide it. */
function nextTwoByRegex(p: string, e: number): [string, string | undefined] | undefined {
  if (p.charCodeAt(e) !== 0x20) return undefined;
  const at = / +(\p{Ll}+)(?: (\p{Ll}+))?/uy;
  at.lastIndex = e;
  let m = at.exec(p);
  if (m && m.index + m[0].length > e + 40) m = /^ +(\p{Ll}+)(?: (\p{Ll}+))?/u.exec(p.slice(e, e + 40));
  return m ? [m[1], m[2]] : undefined;
}

/** headlineKind as the Unicode word pattern alone decides it. */
function headlineByRegex(p: string): ReturnType<typeof headlineKind> {
  if (p.length > 160) return false;
  const words = p.match(/[\p{L}][\p{L}’'-]*/gu) ?? [];
  const n = words.length;
  if (n < 2 || n > 16) return false;
  if (!words.some((w) => /\p{Ll}/u.test(w))) return 'caps';
  if (words[0] === 'By') return false;
  return n >= 4 && words.filter((w) => /^\p{Lu}/u.test(w)).length / n >= 0.75 ? 'title' : false;
}

describe('detection hand paths', () => {
  it('general punctuation (U+2000-U+206F) holds no letter, so no name word starts or goes on there', () => {
    for (let c = 0; c < 0x10000; c++) {
      if (isGeneralPunctuation(c)) assert.ok(!/\p{L}/u.test(String.fromCharCode(c)), c.toString(16));
    }
    assert.ok(isGeneralPunctuation(0x2013) && isGeneralPunctuation(0x201d) && !isGeneralPunctuation(0x2100));
  });

  it('the next two lowercase words are what the pattern finds, past ASCII and past the window too (property)', () => {
    const units = [' ', '  ', 'said', 'a', 'company', 'based', 'é', 'école', 'Éd', 'X', ',', '’', '’s', '–', '😀', '𝐚', 'ab', 'ß',
      'abcdefghijklmnopqrstuvwxyz', '.', '\n', '7'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...units), { maxLength: 24 }), (parts) => {
      const p = parts.join('');
      for (let e = 0; e <= p.length; e++) assert.deepStrictEqual(nextTwo(p, e), nextTwoByRegex(p, e), `${JSON.stringify(p)} at ${e}`);
    }), { numRuns: 1500 });
    assert.deepStrictEqual(nextTwo('Acme said on Monday', 4), ['said', 'on']);
    assert.deepStrictEqual(nextTwo('Acme’s board', 4), undefined);
    assert.deepStrictEqual(nextTwo('Acme   group – the', 4), ['group', undefined]);
  });

  it('a line is a headline exactly when the Unicode word count says so, with curly quotes and dashes (property)', () => {
    const units = [' ', 'Russia', 'RUSSIA', 'says', 'By', 'Evacuates', 'Its', 'Bases', 'in', 'Syria', '’s', '’', '–', '—', '“', '”', '…',
      "'", '-', 'Ölüdeniz', 'é', 'ÉTÉ', 'Москва', '😀', ':', ',', 'U.S.', '\u2003', '\u2060', 'x'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...units), { maxLength: 30 }), (parts) => {
      const p = parts.join('');
      assert.strictEqual(headlineKind(p), headlineByRegex(p), JSON.stringify(p));
    }), { numRuns: 3000 });
    assert.strictEqual(headlineKind('Russia’s Forces Leave Syria’s Bases – Report'), 'title');
    assert.strictEqual(headlineKind('RUSSIA’S FORCES LEAVE “SYRIA”'), 'caps');
  });

  it('the common capitalised words are plain words, so a run that is none need not be looked up among them', () => {
    assert.ok(COMMON_NOT_DEMONYM.size > 100);
    for (const w of COMMON_NOT_DEMONYM) assert.ok(simpleWord(w), w);
    assert.ok(!simpleWord('Foreign Ministry') && !simpleWord("Russia's") && !simpleWord('U.S.') && !simpleWord('G20'));
  });

  it('a joiner is known by its first character before the set is asked; nothing else is one', () => {
    for (const j of ['of', 'for', 'and', '&', 'the', ...PARTICLES]) assert.ok(isJoiner(j), j);
    for (const w of ['', 'Of', 'The', 'said', 'ofx', 'é', 'élan', '😀', 'OF', 'van ', ' of']) assert.ok(!isJoiner(w), w);
  });

  it('lastSpace finds what lastIndexOf(" ") finds (property)', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(' ', 'a', 'Acme', '😀', '\t', 'é', ''), { maxLength: 12 }), (parts) => {
      const t = parts.join('');
      assert.strictEqual(lastSpace(t), t.lastIndexOf(' '), JSON.stringify(t));
    }));
  });

  it('a list gap is what the spelled-out gaps say, letter checks first (property)', () => {
    const byList = (p: string, e: number) => [', and ', ', or ', ', ', ' and ', ' or '].find((g) => p.startsWith(g, e));
    const units = [' ', ',', 'and', 'or', 'an', 'o', 'a', 'Berlin', 'andes', 'ore', ', ', '\n'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...units), { maxLength: 12 }), (parts) => {
      const p = parts.join('');
      for (let e = 0; e <= p.length; e++) assert.strictEqual(gapAt(p, e), byList(p, e), `${JSON.stringify(p)} at ${e}`);
    }), { numRuns: 1500 });
  });

  it('a place word before a name is found where the two patterns alone find it, letter checks first (property)', () => {
    const units = ['the ', 'of ', 'and ', 'or ', 'as ', 'like ', 'including ', 'such ', 'cities ', 'port ', 'residents ', 'countries ', 'states ',
      'Tartus ', 'Jableh ', 'town ', 'off ', 'oft ', 'in ', 'a'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...units), { maxLength: 8 }), (parts) => {
      const p = `${parts.join('')}Latakia`;
      const s = p.length - 'Latakia'.length;
      const before = p.slice(Math.max(0, s - 40), s);
      assert.strictEqual(placeContext(p, s, undefined), PLACE_OF_RE.test(before) || PLACE_PAIR_RE.test(before), JSON.stringify(p));
    }), { numRuns: 3000 });
    assert.ok(placeContext('the cities of Tartus and Latakia', 25, undefined));
    assert.ok(placeContext('countries such as Latakia', 18, undefined));
  });

  it('four lowercase words in sixteen still make a title; a fifth does not (where the count stops early)', () => {
    const title = 'Russia Moves Ships Tartus Base as Syria Rebels Take Over the Coast and Port of Latakia';
    assert.strictEqual(headlineKind(title), 'title');
    assert.strictEqual(headlineByRegex(title), 'title');
    const five = 'Russia Moves Ships to Tartus as Syria Rebels Take Over the Coast and Port of Latakia';
    assert.strictEqual(headlineKind(five), false);
    assert.strictEqual(headlineByRegex(five), false);
  });
});
