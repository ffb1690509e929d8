import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { readClaim } from '../../src/core/detect/claimReading';
import { datelineAt } from '../../src/core/detect/dateline';

const samples = path.resolve(__dirname, '..', '..', '..', 'samples');
const article = (n: string) => fs.readFileSync(path.join(samples, fs.readdirSync(samples).find((f) => f.startsWith(n))!), 'utf8');

/** Reads the whole line that starts with `opening` in `text` as a claim: claim proper, sources, cue and factuality. */
function wholeLine(text: string, opening: string) {
  const start = text.indexOf(opening);
  assert.ok(start >= 0, `line not in text: ${opening}`);
  const nl = text.indexOf('\n', start);
  const r = readClaim(text, start, nl < 0 ? text.length : nl);
  const a = r.attribution;
  for (const s of [a.source, ...a.alternatives]) if (s) assert.strictEqual(text.slice(s.start, s.end), s.name, 'a source span holds its name');
  if (a.cue) assert.strictEqual(text.slice(a.cue.start, a.cue.end), a.cue.text, 'the cue span holds the cue');
  return { claim: text.slice(r.start, r.end), trimmed: r.trimmed, sources: [a.source?.name, ...a.alternatives.map((x) => x.name)], cue: a.cue?.text, factuality: a.factuality };
}

describe('claim reading: a whole sentence with its dateline and attribution clause', () => {
  it('"Moscow, Dec 16 (IANS) Russia has evacuated …, the Russian Foreign Ministry said.": ministry first, agency second', () => {
    const text = article('000');
    const r = wholeLine(text, 'Moscow, Dec 16 (IANS)');
    assert.deepStrictEqual(r, {
      claim: 'Russia has evacuated some of its diplomats out of the Syrian capital Damascus while its embassy continues to function',
      trimmed: true, sources: ['Russian Foreign Ministry', 'IANS'], cue: 'said', factuality: 'asserted',
    });
    const a = readClaim(text, 0, text.indexOf('\n')).attribution;
    assert.strictEqual(a.cue!.start, text.indexOf('said.'), 'the cue is the "said" of the clause');
    assert.strictEqual(a.source!.start, text.indexOf('Russian Foreign Ministry said'), 'the source span is in the clause');
  });

  it('offers the dateline agency for a claim selected inside the first sentence, after the named speaker', () => {
    const text = article('000');
    const claim = 'Russia has evacuated some of its diplomats';
    const r = readClaim(text, text.indexOf(claim), text.indexOf(claim) + claim.length);
    assert.strictEqual(r.trimmed, false);
    assert.deepStrictEqual([r.attribution.source?.name, ...r.attribution.alternatives.map((x) => x.name)], ['Russian Foreign Ministry', 'IANS']);
  });

  it('an all-capitals dateline with an agency and a dash: "MOSCOW/BUDAPEST (Worthy News) – …"', () => {
    const r = wholeLine(article('002'), 'MOSCOW/BUDAPEST (Worthy News)');
    assert.ok(r.claim.startsWith('Russia evacuated part of its embassy staff'), r.claim);
    assert.ok(r.sources.includes('Worthy News'), JSON.stringify(r.sources));
  });

  it('"…, the Russian Embassy in Damascus said Friday.": the clause and its day are left out, the cue recorded', () => {
    const r = wholeLine(article('004'), 'Russian citizens who live in Syria should flee');
    assert.deepStrictEqual([r.claim, r.sources[0], r.cue, r.factuality], [
      'Russian citizens who live in Syria should flee the lightning Islamist-led rebel offensive using any available commercial passenger flights',
      'Russian Embassy in Damascus', 'said', 'asserted']);
  });

  it('"…, as reported by Russia\'s state news agency TASS, citing an anonymous Kremlin source.": original source first, reported', () => {
    const r = wholeLine(article('001'), 'Rebel forces, who seized power in Syria');
    assert.deepStrictEqual(r, {
      claim: 'Rebel forces, who seized power in Syria, have pledged to ensure the safety of Russian military bases and diplomatic missions in the country',
      trimmed: true, sources: ['anonymous Kremlin source', "Russia's state news agency TASS"], cue: 'citing', factuality: 'reported',
    });
  });

  it('a quotation closed by its attribution: the quote marks and ", said the agency\'s source" are left out', () => {
    const r = wholeLine(article('001'), '"Russian officials are in contact');
    assert.ok(r.claim.startsWith('Russian officials are in contact') && r.claim.endsWith('in Syria'), r.claim);
    assert.deepStrictEqual([r.sources[0], r.cue], ["agency's source", 'said']);
  });

  it('a sentence that opens with its attribution: "Lababidi told the Financial Times (FT) that …"', () => {
    const text = article('003');
    const start = text.indexOf('Lababidi told the Financial Times');
    const end = text.indexOf('.', text.indexOf('evacuation of more troops')) + 1;
    const r = readClaim(text, start, end);
    assert.ok(text.slice(r.start, r.end).startsWith('Russian military envoys negotiated safe passage'), text.slice(r.start, r.end));
    assert.deepStrictEqual([r.attribution.source?.name, r.attribution.cue?.text, r.attribution.factuality], ['Lababidi', 'told', 'asserted']);
  });

  it('"…,” it said.": a pronoun gives the cue and factuality, and no source', () => {
    const r = wholeLine(article('004'), '“The Russian Embassy in Damascus reminds');
    assert.deepStrictEqual([r.sources[0], r.cue, r.factuality], [undefined, 'said', 'asserted']);
    assert.ok(r.claim.startsWith('The Russian Embassy') && r.claim.endsWith('operating airports'), r.claim);
  });

  it('leaves a selection without dateline or attribution as it is', () => {
    const text = 'The flight also carried diplomats from Belarus and North Korea.';
    const r = readClaim(text, 0, text.length);
    assert.deepStrictEqual([r.start, r.end, r.trimmed, r.attribution.factuality], [0, text.length, false, 'unknown']);
  });

  it('keeps the edges of a selection of several sentences', () => {
    const text = 'Another source disclosed that the city fell. "It is calm," the source noted.';
    const r = readClaim(text, 0, text.length);
    assert.deepStrictEqual([r.start, r.end, r.trimmed], [0, text.length, false]);
  });

  it('tells datelines from sentences that open with a name', () => {
    const cases: [string, string | undefined][] = [
      ['LONDON (Reuters) - Oil prices rose.', 'Reuters'],
      ['WASHINGTON, Dec. 3, 2024 — The Senate voted.', ''],
      ['KYIV, Ukraine – The city was shelled.', ''],
      ['Paris, France, March 3 (AFP) - Strikes continued.', 'AFP'],
      ['The Foreign Ministry (MFA) said on Monday that talks resumed.', undefined],
      ['Rebel forces, who seized power, pledged safety.', undefined],
      ['Russia has evacuated some of its diplomats.', undefined],
    ];
    for (const [text, agency] of cases) {
      const d = datelineAt(text, 0);
      assert.strictEqual(d && (d.agency?.name ?? ''), agency, text);
    }
  });
});
