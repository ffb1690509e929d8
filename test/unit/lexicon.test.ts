import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { suggestAttribution } from '../../src/core/detect/attribution';
import { foundNames } from '../builders/names';
import { ARABIC_PARTICLES, PARTICLES, SPEECH_VERBS } from '../../src/core/detect/lexicon';
import { isJoiner, nextRun } from '../../src/core/detect/runs';

const found = foundNames;
const runs = (p: string) => {
  const out: string[] = [];
  for (let m = nextRun(p, 0); m; m = nextRun(p, m.index + m.text.length)) out.push(m.text);
  return out;
};
const NAMES = ['Latifa', 'Mohammed', 'Sina', 'Assad', 'Gaulle', 'Toro', 'Leyen', 'Öcalan'];

describe('word lists: one copy of each', () => {
  it('every speech verb is a claim cue and makes a bare name before it a speaker', () => {
    for (const verb of SPEECH_VERBS) {
      const text = `The base would close, Lababidi ${verb} on Monday.`;
      const a = suggestAttribution(text, 0, 20);
      assert.deepStrictEqual([a.source?.name, a.cue?.text], ['Lababidi', verb], verb);
      assert.deepStrictEqual(found(`Officials met. Later Zarqawi ${verb} it.`), ['PERSON:Zarqawi'], verb);
    }
  });

  it('the article grammar colours exactly the speech verbs as cues', () => {
    const grammar = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'syntaxes', 'article.tmLanguage.json'), 'utf8')) as { repository: { cue: { patterns: { match: string }[] } } };
    const cue = grammar.repository.cue.patterns[0].match;
    const words = /^\\b\(\?:(.*)\)\\b$/.exec(cue)![1].split('|');
    assert.deepStrictEqual(words.filter((w) => !w.includes(' ') && w !== 'citing'), [...SPEECH_VERBS]);
  });

  it('every name particle joins two name words into one run, and every Arabic one also joins by a hyphen (property)', () => {
    fc.assert(fc.property(fc.constantFrom(...NAMES), fc.constantFrom(...PARTICLES), fc.constantFrom(...NAMES), (a, particle, b) => {
      assert.ok(isJoiner(particle));
      assert.deepStrictEqual(runs(`x ${a} ${particle} ${b} y`), [`${a} ${particle} ${b}`]);
      if (ARABIC_PARTICLES.includes(particle)) assert.deepStrictEqual(runs(`x ${a} ${particle}-${b} y`), [`${a} ${particle}-${b}`]);
    }), { numRuns: 300 });
  });

  it('reads "bint" like "bin", and "del" and "di" like "de" (they were missing from the joiners)', () => {
    assert.deepStrictEqual(found('Officials met. Later Latifa bint Mohammed left, and so did Guillermo del Toro.'),
      ['PERSON:Latifa bint Mohammed', 'PERSON:Guillermo del Toro']);
  });
});
