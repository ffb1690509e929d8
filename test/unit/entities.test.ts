import * as assert from 'assert';
import fc from 'fast-check';
import { Detector } from '../../src/core/detect/detector';
import { MON_16_DEC_2024 as REF, foundNames } from '../builders/names';
import { RUN_RE, nextRun, trieSource } from '../../src/core/detect/runs';
import { NameIndex, addAlias, parseGazetteer } from '../../src/core/detect/gazetteer';
import { learnedLabels } from '../../src/core/corpus/workspaceNames';

const found = foundNames;

describe('entities', () => {
  it('leaves titles and trailing punctuation out of spans', () => {
    assert.deepStrictEqual(found('He fled from the ousted President Bashar al-Assad. The UK\'s Foreign Secretary David Lammy confirmed it.'),
      ['PERSON:Bashar al-Assad', 'PLACE:UK', 'PERSON:David Lammy']);
  });

  it('does not take country adjectives for entities, but keeps them inside organisation names', () => {
    assert.deepStrictEqual(found('Russian diplomats left, the Russian Foreign Ministry said, on a Russian Aerospace Forces flight.'),
      ['ORG:Russian Foreign Ministry', 'ORG:Russian Aerospace Forces']);
  });

  it('labels an organisation named with "of" and an acronym after it', () => {
    assert.deepStrictEqual(found('A statement from the Department of Homeland Security and the Islamist group Hayat Tahrir Al-Sham (HTS) followed.'),
      ['ORG:Department of Homeland Security', 'ORG:Hayat Tahrir Al-Sham', 'ORG:HTS']);
  });

  it('finds little-known places from their context', () => {
    assert.deepStrictEqual(found('The opposition controls the coastal regions of Tartus and Latakia, and the Hmeimim air base.'),
      ['PLACE:Tartus', 'PLACE:Latakia', 'PLACE:Hmeimim']);
  });

  it('labels a place beside a place: the region after a comma, the second of a pair after "in"', () => {
    assert.deepStrictEqual(found('Corvane, based in Austin, Texas, will pay in cash. The lab in Pasadena, California. It hires in Berlin and Kraków now.'),
      ['PLACE:Austin', 'PLACE:Texas', 'PLACE:Pasadena', 'PLACE:California', 'PLACE:Berlin', 'PLACE:Kraków']);
    // Not closed by punctuation ("in Paris, Mirela said"), or a pair not after a place word: left to the other rules.
    assert.ok(!found('Talks in Paris, Mirela Ostrova said, went well.').includes('PLACE:Mirela'));
    assert.ok(!found('Officials of Berlin and Vontaro met on Tuesday to discuss the plan.').includes('PLACE:Vontaro'));
  });

  it('labels the later items of a list of places after a place preposition or a place word, also names guessed to be a person\'s', () => {
    assert.deepStrictEqual(found('Distributors in Telangana and Upper Varsk sold the shares.'), ['PLACE:Telangana', 'PLACE:Upper Varsk']);
    assert.deepStrictEqual(found('Voters from the provinces of Córdoba, Vastra and Entre Morros came.'), ['PLACE:Córdoba', 'PLACE:Vastra', 'PLACE:Entre Morros']);
    // A guess that starts with a given name stays a person; a list that opens without a place word is left alone.
    assert.ok(found('Talks in Berlin and John Varsk went well.').includes('PERSON:John Varsk'));
    assert.ok(!found('Officials of Berlin and Upper Varsk met on Tuesday.').includes('PLACE:Upper Varsk'));
  });

  it('labels the first items of a list of places before a plural place word', () => {
    assert.deepStrictEqual(found('Drones hit plants in the Vorlask and Kharkiv regions overnight.'), ['PLACE:Vorlask', 'PLACE:Kharkiv']);
  });

  it('labels a lone unknown word after a place preposition as a place, also one that opens the sentence or comes before "said"', () => {
    assert.deepStrictEqual(found('The court in Vorlask said the law stands.'), ['PLACE:Vorlask']);
    assert.deepStrictEqual(found('It rained. Near Vorlask, a unit held on. In Tarsino, the mayor spoke.'), ['PLACE:Vorlask', 'PLACE:Tarsino']);
    assert.deepStrictEqual(found('Residents of Vorlask said they had nowhere to go. He lives in the canton of Tarsino.'), ['PLACE:Vorlask', 'PLACE:Tarsino']);
    // After another preposition a speaker is still a speaker.
    assert.deepStrictEqual(found('According to Vorlask said nothing.').filter((x) => x.endsWith('Vorlask')), ['PERSON:Vorlask']);
  });

  it('leaves out acronyms of things (AI, IPO, GDP) and an index\'s name, but keeps an organisation\'s acronym', () => {
    assert.deepStrictEqual(found('It rose on demand for AI before a pre-IPO round; the benchmark KOSPI index was flat, the IMF said.'), ['ORG:IMF']);
  });

  it('labels a surname from the full name elsewhere in the article, and a speaker from "told"', () => {
    assert.deepStrictEqual(found('Secretary of State Antony Blinken spoke. Later Blinken left.\nThe pseudonym Lababidi appeared. Lababidi told the FT.'),
      ['PERSON:Antony Blinken', 'PERSON:Blinken', 'PERSON:Lababidi', 'PERSON:Lababidi', 'ORG:FT']);
  });

  it('keeps a given name of two hyphenated syllables after a family name, but splits a hyphenated adjective after a name', () => {
    assert.deepStrictEqual(found('Industry Minister Kim Seo-yeon told lawmakers. The manager, Bak Ji-hoon, left.'), ['PERSON:Kim Seo-yeon', 'PERSON:Bak Ji-hoon']);
    assert.deepStrictEqual(found('They met in Damascus. Fighters of Idlib Iran-backed groups left.').includes('PLACE:Iran'), true);
  });

  it('splits possessives and hyphenated adjectives', () => {
    assert.deepStrictEqual(found('It hit Russia\'s Khmeimim airbase and the Moscow-backed regime; a pro-Kremlin channel agreed.'),
      ['PLACE:Russia', 'PLACE:Khmeimim', 'PLACE:Moscow', 'ORG:Kremlin']);
  });

  it('reads all-capitals headlines only through the word lists', () => {
    assert.deepStrictEqual(found('LEAVING SYRIA\nJOIN US ON TELEGRAM'), ['PLACE:SYRIA', 'ORG:TELEGRAM']);
  });

  it('reads title-case headlines only through strong cues, in ASCII and in any script', () => {
    // Every word is capitalised, so "Moves" and "Warships" say nothing; the same line in running text would differ.
    assert.deepStrictEqual(found('Russia Moves Warships Out Of Syria Amid Talks'), ['PLACE:Russia', 'PLACE:Syria']);
    assert.deepStrictEqual(found('Russia Moves Warships Out Of Syria’s Ports Amid Talks'), ['PLACE:Russia', 'PLACE:Syria']);
    assert.deepStrictEqual(found('Rússia Moves Warships Out Of Syria Amid Talks'), ['PLACE:Syria']);
  });

  it('uses the workspace gazetteer first, with the canonical name', () => {
    const names = new NameIndex();
    const g = parseGazetteer('entities:\n  - name: Khmeimim Air Base\n    label: PLACE\n    aliases: [Hmeimim, Khmeimim]\n  - name: Tartus\n    label: PLACE\n    aliases: [Tartous]\n', 'g.yaml');
    assert.deepStrictEqual(g.problems, []);
    names.addGazetteer(g.gazetteer);
    const d = new Detector(names);
    const out = d.detect('Planes left Hmeimim for the Tartous naval facility.', REF);
    assert.deepStrictEqual(out.map((s) => [s.text, s.label, s.canonical, s.how]), [['Hmeimim', 'PLACE', 'Khmeimim Air Base', 'gazetteer'], ['Tartous', 'PLACE', 'Tartus', 'gazetteer']]);
  });

  it('learns labelled strings from annotations, by majority', () => {
    const learned = learnedLabels([{ entities: [{ quote: 'Rybar', label: 'ORG' }, { quote: 'Rybar', label: 'ORG' }, { quote: 'Rybar', label: 'PERSON' }] }]);
    assert.strictEqual(learned.get('Rybar'), 'ORG');
    const names = new NameIndex();
    for (const [q, l] of learned) names.add(q, l, 'learned');
    assert.deepStrictEqual(found('The channel Rybar posted a map.', new Detector(names)), ['ORG:Rybar']);
    assert.deepStrictEqual(found('The channel Rybar posted a map.'), [], 'unknown without the annotation');
  });

  it('adds aliases to a gazetteer file without disturbing it', () => {
    const src = '# our names\nentities:\n  - name: Tartus # port\n    label: PLACE\n    aliases: [Tartous]\n';
    const out = addAlias(src, 'Tartus', 'PLACE', 'Tartouss');
    assert.match(out, /# our names/);
    assert.match(out, /# port/);
    assert.deepStrictEqual(parseGazetteer(out, 'g').gazetteer.entities[0].aliases, ['Tartous', 'Tartouss']);
    const added = parseGazetteer(addAlias(out, 'Hayat Tahrir al-Sham', 'ORG', 'HTS'), 'g').gazetteer.entities;
    assert.deepStrictEqual(added[1], { name: 'Hayat Tahrir al-Sham', label: 'ORG', aliases: ['HTS'] });
  });

  it('reports a malformed gazetteer instead of throwing', () => {
    assert.strictEqual(parseGazetteer('entities: [', 'g').problems[0].code, 'yaml-syntax');
    assert.strictEqual(parseGazetteer('entities:\n  - name: X\n    label: place\n', 'g').problems[0].code, 'schema');
  });

  it('returns code point offsets after emoji', () => {
    const text = '🚨🚨 Moscow said.';
    const s = new Detector().detect(text, REF)[0];
    assert.deepStrictEqual([s.start, s.end], [3, 9]);
    assert.strictEqual(Array.from(text).slice(s.start, s.end).join(''), 'Moscow');
  });

  it('re-detects only changed lines: the cache gives the same result as a fresh run', () => {
    const d = new Detector();
    const a = 'Russia said.\nLababidi told the FT.\nMoscow agreed.';
    d.detect(a, REF);
    const b = a.replace('Moscow agreed', 'Damascus agreed');
    assert.deepStrictEqual(d.detect(b, REF), new Detector(undefined, false).detect(b, REF));
  });

  it('finds exactly the runs the plain run regex finds, in any script (property)', () => {
    const units = ['Moscow', ' ', 'said', 'al-Assad', 'Ölüdeniz', 'Γιάννης', 'Москва', 'ИГИЛ', '𝐀𝐁', '😀', 'é', ', ', 'of', 'the', 'U.S.', 'cal-Xy', 'iPhone', '\u00D7', 'Ж',
      'der', 'de', 'al', 'bin', '-', "'", '’', '.', '&', 'X', 'A1', '7', 'van', 'ofx', '\t', 'Ministry', 'J.', 'Al-Sham', "Russia's", '& ', 'of ',
      'Foreign', 'D', 'Moscow-', 'bint', 'bint-Xy', 'ibn-Sina', 'del', 'di', 'abu-', 'Russia’s', '’s', ' – ', '–', '—', '“', '”', '\u2003', '\u206F'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...units), { maxLength: 30 }), (parts) => {
      const p = parts.join('');
      const plain = new RegExp(RUN_RE.source, 'gu');
      const want = [...p.matchAll(plain)].map((m) => `${m.index}:${m[0]}`);
      const got: string[] = [];
      for (let m = nextRun(p, 0); m; m = nextRun(p, m.index + m.text.length)) got.push(`${m.index}:${m.text}`);
      assert.deepStrictEqual(got, want);
    }), { numRuns: 2000 });
  });

  it('falls back to a full pass when a change does not fit the previous text', () => {
    const d = new Detector();
    const prev = d.full('Moscow said.', REF);
    const next = 'Kyiv and Moscow said.';
    // A stale change description (one edit behind): lengths do not add up, so the update must not trust it.
    assert.deepStrictEqual(d.update(prev, next, REF, { start: 0, oldEnd: 0, newEnd: 4 }).suggestions, new Detector(undefined, false).detect(next, REF));
  });

  it('an incremental update after an edit gives what a full pass gives (property)', () => {
    const lines = ['Moscow, Dec 16 (IANS) Russia said.', 'Lababidi told the FT on Sunday.', '', 'President Bashar al-Assad fled 😀 to Moscow.', 'The Hmeimim air base in Latakia.', 'Assad left.'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...lines), { minLength: 1, maxLength: 12 }), fc.nat(), fc.nat(5), fc.constantFrom('', 'x', '\n', 'Kyiv ', ' Assad\nTASS said', '😀'),
      (ls, p0, del, ins) => {
        const before = ls.join('\n');
        const d = new Detector();
        const prev = d.full(before, REF);
        const start = p0 % (before.length + 1);
        const oldEnd = Math.min(before.length, start + del);
        const after = before.slice(0, start) + ins + before.slice(oldEnd);
        const inc = d.update(prev, after, REF, { start, oldEnd, newEnd: start + ins.length });
        assert.deepStrictEqual(inc.suggestions, new Detector(undefined, false).detect(after, REF));
      }), { numRuns: 300 });
  });
});


describe('trieSource', () => {
  it('matches exactly the words it was built from (property)', () => {
    const word = fc.stringMatching(/^[a-z&.]{1,6}$/);
    fc.assert(fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 30 }), fc.array(word, { maxLength: 30 }), (words, probes) => {
      const re = new RegExp(`^${trieSource(words)}$`, 'u');
      for (const w of words) assert.ok(re.test(w), `${w} is one of the words`);
      // Random strings, and the near misses a trie can get wrong: each word cut short or made longer.
      for (const w of [...probes, ...words.map((x) => x.slice(0, -1)), ...words.map((x) => `${x}a`)]) assert.strictEqual(re.test(w), words.includes(w), w);
    }));
  });
});

describe('lists of places with a serial comma', () => {
  it('reads ", and" as the list\'s last gap, as ", " and " and " are', () => {
    assert.deepStrictEqual(found('Aid went to convoys in Berlin, Vorlask, and Tarsino on Monday.'), ['PLACE:Berlin', 'PLACE:Vorlask', 'PLACE:Tarsino']);
  });
});
