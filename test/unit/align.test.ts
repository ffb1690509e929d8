import * as assert from 'assert';
import fc from 'fast-check';
import { alignLayers, hash } from '../../src/core/review/align';
import { detectorLayer } from '../../src/core/review/detectorLayer';
import { DETECTOR, GOLD, LayerInput, Unit } from '../../src/core/review/units';
import { ClaimAnnotation, EntityAnnotation, Layer } from '../../src/core/model';
import { aLayer } from '../builders/layer';

const TEXT = 'Syrian President Bashar al-Assad met Vladimir Putin in Moscow on Monday, the Kremlin said.';
const base = aLayer().forArticle(TEXT, 'a.txt');

function input(annotator: string, layer: Layer): LayerInput {
  return { annotator, layer };
}

function unitAt(units: Unit[], quote: string): Unit {
  const start = Array.from(TEXT.slice(0, TEXT.indexOf(quote))).length;
  const u = units.find((x) => x.start <= start && x.end > start);
  assert.ok(u, `no unit at '${quote}'`);
  return u;
}

describe('alignLayers: hand-made cases', () => {
  it('gives each state: agreed, label, boundary, missing', () => {
    const ana = base.by('ana').withEntity('Bashar al-Assad', 'PERSON').withEntity('Vladimir Putin', 'PERSON')
      .withEntity('Moscow', 'PLACE').withEntity('Monday', 'DATE').build();
    const bob = base.by('bob').withEntity('Bashar al-Assad', 'PERSON').withEntity('Vladimir Putin', 'ORG')
      .withEntity('in Moscow', 'PLACE').build();
    const a = alignLayers([input('ana', ana), input('bob', bob)]);
    assert.deepStrictEqual(a.annotators, ['ana', 'bob']);
    assert.strictEqual(a.units.length, 4);
    assert.strictEqual(unitAt(a.units, 'Bashar').state, 'agreed');
    const putin = unitAt(a.units, 'Vladimir');
    assert.strictEqual(putin.state, 'label');
    assert.deepStrictEqual(putin.versions.map((v) => [v.label, v.annotators]), [['ORG', ['bob']], ['PERSON', ['ana']]]);
    const moscow = unitAt(a.units, 'Moscow');
    assert.strictEqual(moscow.state, 'boundary');
    assert.strictEqual(moscow.end - moscow.start, 'in Moscow'.length);
    const monday = unitAt(a.units, 'Monday');
    assert.strictEqual(monday.state, 'missing');
    assert.deepStrictEqual(monday.missing, ['bob']);
  });

  it('orders versions most common first', () => {
    const layers = ['ana', 'bob', 'cat'].map((n, i) => input(n, base.by(n).withEntity('Kremlin', i === 1 ? 'PLACE' : 'ORG').build()));
    const [u] = alignLayers(layers).units;
    assert.strictEqual(u.state, 'label');
    assert.deepStrictEqual(u.versions.map((v) => [v.label, v.annotators]), [['ORG', ['ana', 'cat']], ['PLACE', ['bob']]]);
    assert.deepStrictEqual(u.versions[0].ids.map((t) => t.annotator), ['ana', 'cat']);
  });

  it('matches nested spans within one layer one-to-one: exact matches first', () => {
    const ana = base.by('ana').withEntity('Syrian President Bashar al-Assad', 'PERSON').withEntity('Bashar al-Assad', 'PERSON').build();
    const bob = base.by('bob').withEntity('Bashar al-Assad', 'PERSON').build();
    const a = alignLayers([input('ana', ana), input('bob', bob)]);
    assert.strictEqual(a.units.length, 2);
    const states = a.units.map((u) => [u.end - u.start, u.state]).sort();
    assert.deepStrictEqual(states, [['Bashar al-Assad'.length, 'agreed'], ['Syrian President Bashar al-Assad'.length, 'missing']]);
    for (const u of a.units) assert.ok(new Set(u.members.map((m) => m.annotator)).size === u.members.length);
  });

  it('takes the best overlap when no span matches exactly', () => {
    const ana = base.by('ana').withEntity('President Bashar', 'PERSON').withEntity('Bashar al-Assad met', 'PERSON').build();
    const bob = base.by('bob').withEntity('Bashar al-Assad', 'PERSON').build();
    const a = alignLayers([input('ana', ana), input('bob', bob)]);
    const withBob = a.units.find((u) => u.members.some((m) => m.annotator === 'bob'));
    assert.ok(withBob);
    assert.strictEqual(withBob.state, 'boundary');
    assert.deepStrictEqual(withBob.members.map((m) => m.annotation.quote), ['Bashar al-Assad met', 'Bashar al-Assad']);
  });

  it('aligns claims by span and compares their features separately; notes and comments never disagree', () => {
    const claim = 'Syrian President Bashar al-Assad met Vladimir Putin in Moscow on Monday';
    const ana = base.by('ana').withClaim(claim, { source: 'Kremlin', factuality: 'reported', note: 'mine' }).build();
    const bob = base.by('bob').withClaim(claim, { source: ' kremlin ', factuality: 'reported', note: 'other' }).build();
    const cat = base.by('cat').withClaim(claim, { source: 'Kremlin', factuality: 'asserted' }).build();
    assert.strictEqual(alignLayers([input('ana', ana), input('bob', bob)]).units[0].state, 'agreed');
    const u = alignLayers([input('ana', ana), input('bob', bob), input('cat', cat)]).units[0];
    assert.strictEqual(u.kind, 'claim');
    assert.strictEqual(u.state, 'feature');
    assert.deepStrictEqual(u.versions.map((v) => [v.claim?.factuality, v.annotators]), [['reported', ['ana', 'bob']], ['asserted', ['cat']]]);
  });

  it('never aligns an entity with a claim', () => {
    const ana = base.by('ana').withEntity('Vladimir Putin', 'PERSON').build();
    const bob = base.by('bob').withClaim('Vladimir Putin', { source: 'x' }).build();
    const a = alignLayers([input('ana', ana), input('bob', bob)]);
    assert.deepStrictEqual(a.units.map((u) => [u.kind, u.state]).sort(), [['claim', 'missing'], ['entity', 'missing']]);
  });

  it('is adjudicated when gold has an annotation in the unit or a dismissal naming a member', () => {
    const ana = base.by('ana').withEntity('Moscow', 'PLACE', { id: 'm' }).withEntity('Monday', 'DATE', { id: 'd' }).build();
    const bob = base.by('bob').withEntity('Moscow', 'ORG').build();
    const gold = base.by(GOLD).withEntity('Moscow', 'PLACE').build();
    gold.dismissed = [{ id: 'x1', kind: 'entity', label: 'DATE', quote: 'Monday', from: [{ annotator: 'ana', id: 'd' }] }];
    const a = alignLayers([input('ana', ana), input('bob', bob), input(GOLD, gold)]);
    assert.deepStrictEqual(a.annotators, ['ana', 'bob']);
    const moscow = unitAt(a.units, 'Moscow');
    assert.strictEqual(moscow.state, 'adjudicated');
    assert.strictEqual(moscow.disagreement, 'label');
    assert.strictEqual(moscow.gold.length, 1);
    assert.ok(moscow.members.every((m) => m.annotator !== GOLD));
    const monday = unitAt(a.units, 'Monday');
    assert.strictEqual(monday.state, 'adjudicated');
    assert.strictEqual(monday.dismissal?.id, 'x1');
  });

  it('links gold to the annotations its `from` names even when the spans moved apart', () => {
    const ana = base.by('ana').withEntity('Moscow', 'PLACE', { id: 'm' }).build();
    const gold = base.by(GOLD).withEntity('Monday', 'DATE').build();
    gold.entities[0].from = [{ annotator: 'ana', id: 'm' }];
    const a = alignLayers([input('ana', ana), input(GOLD, gold)]);
    assert.strictEqual(a.units.length, 1);
    assert.strictEqual(a.units[0].state, 'adjudicated');
  });

  it('compares only the annotators asked for; unknown ones are missing everywhere', () => {
    const ana = base.by('ana').withEntity('Moscow', 'PLACE').build();
    const bob = base.by('bob').withEntity('Monday', 'DATE').build();
    const a = alignLayers([input('ana', ana), input('bob', bob)], { annotators: ['ana', 'zed'] });
    assert.deepStrictEqual(a.annotators, ['ana', 'zed']);
    assert.deepStrictEqual(a.units.map((u) => [u.members.map((m) => m.annotator), u.missing]), [[['ana'], ['zed']]]);
  });

  it('gives unit ids from members, not from order', () => {
    const ana = base.by('ana').withEntity('Moscow', 'PLACE', { id: 'm1' }).build();
    const bob = base.by('bob').withEntity('Moscow', 'PLACE', { id: 'm2' }).build();
    const a = alignLayers([input('ana', ana), input('bob', bob)]).units[0].id;
    const b = alignLayers([input('bob', bob), input('ana', ana)]).units[0].id;
    assert.strictEqual(a, b);
    assert.match(a, /^e-[0-9a-z]+$/);
    assert.notStrictEqual(hash('ana\u0000m1'), hash('ana\u0000m2'));
  });

  it('turns detector suggestions into a sift-detector layer to compare people with the model', () => {
    const det = detectorLayer(TEXT, [
      { start: 37, end: 51, label: 'PERSON', text: 'Vladimir Putin', how: 'lexicon' },
      { start: 37, end: 51, label: 'PERSON', text: 'Vladimir Putin', how: 'lexicon' },
      { start: 500, end: 510, label: 'PLACE', text: 'out', how: 'rule' },
    ], { article: 'a.txt' });
    assert.strictEqual(det.header.annotator, DETECTOR);
    assert.deepStrictEqual(det.entities.map((e) => e.quote), ['Vladimir Putin']);
    const ana = base.by('ana').withEntity('Vladimir Putin', 'PERSON').build();
    const a = alignLayers([input('ana', ana), input(DETECTOR, det)]);
    assert.deepStrictEqual(a.units.map((u) => u.state), ['agreed']);
  });
});

// Property tests: layers of random spans on a fixed text.
const N = Array.from(TEXT).length;
const LABELS = ['PERSON', 'ORG', 'PLACE'];
const spanArb = fc.tuple(fc.integer({ min: 0, max: N - 1 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom(...LABELS), fc.boolean())
  .map(([s, len, label, claim]) => ({ start: s, end: Math.min(N, s + len), label, claim }));
const layerArb = (annotator: string): fc.Arbitrary<Layer> => fc.array(spanArb, { maxLength: 12 }).map((spans) => {
  let b = base.by(annotator);
  spans.forEach((s, i) => {
    b = s.claim ? b.withClaim({ start: s.start, end: s.end }, { id: `c${i}`, source: s.label }) : b.withEntity({ start: s.start, end: s.end }, s.label, { id: `e${i}` });
  });
  return b.build();
});
const layersArb = fc.tuple(layerArb('ana'), layerArb('bob'), layerArb('cat'), layerArb(GOLD));

function shuffled<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = (seed * (i + 7)) % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function reorder(l: Layer, seed: number): Layer {
  return { ...l, entities: shuffled<EntityAnnotation>(l.entities, seed), claims: shuffled<ClaimAnnotation>(l.claims, seed + 1) };
}

function summary(units: Unit[]): string[] {
  return units.map((u) => JSON.stringify([u.id, u.state, u.start, u.end, u.members.map((m) => `${m.annotator}/${m.annotation.id}`), u.gold.map((g) => g.id), u.versions.map((v) => v.key)]));
}

describe('alignLayers: properties', () => {
  it('puts every annotation of every layer in exactly one unit, at most one per layer', () => {
    fc.assert(fc.property(layersArb, ([ana, bob, cat, gold]) => {
      const a = alignLayers([input('ana', ana), input('bob', bob), input('cat', cat), input(GOLD, gold)]);
      const seen = new Map<string, number>();
      for (const u of a.units) {
        const all = [...u.members.map((m) => `${m.annotator}/${m.annotation.id}`), ...u.gold.map((g) => `${GOLD}/${g.id}`)];
        assert.strictEqual(new Set(all.map((x) => x.split('/')[0])).size, all.length, 'one annotation per layer per unit');
        for (const k of all) seen.set(k, (seen.get(k) ?? 0) + 1);
      }
      const expected = [['ana', ana], ['bob', bob], ['cat', cat], [GOLD, gold]] as const;
      const total = expected.reduce((n, [, l]) => n + l.entities.length + l.claims.length, 0);
      assert.strictEqual(seen.size, total);
      assert.ok([...seen.values()].every((n) => n === 1));
    }), { numRuns: 200 });
  });

  it('does not depend on file order or layer order', () => {
    fc.assert(fc.property(layersArb, fc.nat(1000), ([ana, bob, cat, gold], seed) => {
      const one = alignLayers([input('ana', ana), input('bob', bob), input('cat', cat), input(GOLD, gold)]);
      const two = alignLayers(shuffled([input('cat', reorder(cat, seed)), input(GOLD, reorder(gold, seed)), input('ana', reorder(ana, seed + 3)), input('bob', reorder(bob, seed + 5))], seed));
      assert.deepStrictEqual(summary(two.units), summary(one.units));
    }), { numRuns: 200 });
  });

  it('gives only agreed units for a layer compared with itself', () => {
    fc.assert(fc.property(layerArb('x'), (l) => {
      const a = alignLayers([input('ana', { ...l, header: { ...l.header, annotator: 'ana' } }), input('bob', { ...l, header: { ...l.header, annotator: 'bob' } })]);
      assert.strictEqual(a.units.length, l.entities.length + l.claims.length);
      assert.ok(a.units.every((u) => u.state === 'agreed' && u.members.length === 2), JSON.stringify(a.units.map((u) => u.state)));
    }), { numRuns: 200 });
  });
});

describe('alignment and orphaned annotations', () => {
  it('leaves out an orphaned annotation (stale offsets), so it can never be adjudicated at a wrong span', () => {
    const text = 'Moscow said on Monday that Damascus had asked for talks.';
    const base = aLayer().forArticle(text, 'a.txt');
    const ana = base.by('ana').withEntity('Moscow', 'PLACE').withEntity('Damascus', 'PLACE').build();
    ana.entities[1] = { ...ana.entities[1], orphaned: true, start: 500, end: 508 };
    const bob = base.by('bob').withEntity('Moscow', 'PLACE').build();
    const { units } = alignLayers([{ annotator: 'ana', layer: ana }, { annotator: 'bob', layer: bob }]);
    assert.deepStrictEqual(units.map((u) => [u.start, u.end, u.state]), [[0, 6, 'agreed']]);
  });
});
