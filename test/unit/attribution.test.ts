import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { suggestAttribution } from '../../src/core/detect/attribution';
import { sentenceAt } from '../../src/core/text/sentences';

const samples = path.resolve(__dirname, '..', '..', '..', 'samples');
const article = (n: string) => fs.readFileSync(path.join(samples, fs.readdirSync(samples).find((f) => f.startsWith(n))!), 'utf8');

/** Attribution for the claim `claim` (its first occurrence) in `text`: source name, cue text, factuality. */
function attr(text: string, claim: string) {
  const at = text.indexOf(claim);
  assert.ok(at >= 0, `claim not in text: ${claim}`);
  const a = suggestAttribution(text, at, at + claim.length);
  if (a.source) assert.strictEqual(text.slice(a.source.start, a.source.end), a.source.name, 'the source span holds the name');
  if (a.cue) assert.strictEqual(text.slice(a.cue.start, a.cue.end), a.cue.text, 'the cue span holds the cue');
  return { source: a.source?.name, cue: a.cue?.text, factuality: a.factuality, alternatives: a.alternatives.map((x) => x.name) };
}

describe('attribution: source, cue and factuality', () => {
  it('finds the speaker at the end of the sentence: "…, the Russian Foreign Ministry said"', () => {
    assert.deepStrictEqual(attr(article('000'), 'Russia has evacuated some of its diplomats out of the Syrian capital Damascus'),
      { source: 'Russian Foreign Ministry', cue: 'said', factuality: 'asserted', alternatives: [] });
  });

  it('finds "said the press statement" after a quotation', () => {
    assert.deepStrictEqual(attr(article('000'), 'The Russian embassy in Damascus continues to function').source, 'press statement');
  });

  it('prefers the original source of "as reported by TASS, citing an anonymous Kremlin source", and offers TASS too', () => {
    const r = attr(article('001'), 'have pledged to ensure the safety of Russian military bases and diplomatic missions in the country');
    assert.strictEqual(r.source, 'anonymous Kremlin source');
    assert.strictEqual(r.cue, 'citing');
    assert.strictEqual(r.factuality, 'reported');
    assert.ok(r.alternatives.some((a) => a.includes('TASS')), JSON.stringify(r.alternatives));
  });

  it('finds "Lababidi told the Financial Times (FT) that …" before the claim', () => {
    const r = attr(article('003'), 'Russian military envoys negotiated safe passage with HTS from Damascus');
    assert.deepStrictEqual([r.source, r.cue, r.factuality], ['Lababidi', 'told', 'asserted']);
  });

  it('finds "…,” Lababidi told FT." after a quotation', () => {
    const r = attr(article('003'), 'The Russians came by but only for coordination for the retreat of bases');
    assert.deepStrictEqual([r.source, r.cue], ['Lababidi', 'told']);
  });

  it('finds "TASS reports" and marks the claim reported', () => {
    const r = attr(article('001'), 'The rebels have now taken full control of the coastal province of Latakia');
    // "TASS reports …, citing regional sources": the original source, with the relaying agency offered too.
    assert.deepStrictEqual(r, { source: 'regional sources', cue: 'citing', factuality: 'reported', alternatives: ['TASS'] });
  });

  it('recognises a passive "it was reported" with no named source', () => {
    const r = attr('Russia is withdrawing its warships from Tartus, it was reported on Monday.', 'Russia is withdrawing its warships from Tartus');
    assert.deepStrictEqual([r.source, r.cue, r.factuality], [undefined, 'it was reported', 'reported']);
  });

  it('marks hedged claims: "allegedly landed at Khmeimim"', () => {
    const r = attr(article('001'), 'several planes—including heavy military transport aircraft An-124 and Il-76—allegedly landed at Khmeimim airbase');
    assert.strictEqual(r.factuality, 'hedged');
    assert.match(r.source ?? '', /Flightradar24$/);
  });

  it('marks denials: "Syria’s defense ministry denied claims …"', () => {
    const r = attr(article('004'), 'that it had withdrawn its troops from Homs');
    assert.strictEqual(r.factuality, 'denied');
  });

  it('finds a speaker further back: "A Russian official stated on Dec. 8, …, that rebel leaders “…"', () => {
    const r = attr(article('003'), 'have guaranteed the security of Russian military bases and diplomatic missions on Syrian territory');
    assert.deepStrictEqual([r.source, r.cue], ['Russian official', 'stated']);
  });

  it('reads the attribution a whole-sentence claim opens with', () => {
    const text = article('003');
    const s = sentenceAt(text, text.indexOf('Russian military envoys negotiated'));
    const a = suggestAttribution(text, s.start, s.end);
    assert.deepStrictEqual([a.source?.name, a.cue?.text], ['Lababidi', 'told']);
  });

  it('takes the sentence around a position', () => {
    const text = 'First sentence. The second one, said Dr. Smith, ends here. Third.';
    const s = sentenceAt(text, text.indexOf('second'));
    assert.strictEqual(text.slice(s.start, s.end), 'The second one, said Dr. Smith, ends here.');
  });
});
