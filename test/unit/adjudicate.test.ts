import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { alignLayers } from '../../src/core/review/align';
import { Decider, GoldDecision, acceptLabelFrom, acceptVersion, autoMerge, editAndAccept, rejectUnit } from '../../src/core/review/adjudicate';
import { articleStatus, compareWithGold } from '../../src/core/review/feedback';
import { GOLD, LayerInput, Unit } from '../../src/core/review/units';
import { EntityAnnotation, Layer } from '../../src/core/model';
import { ArticleSession } from '../../src/core/session/session';
import { readSidecarFast } from '../../src/core/store/sidecarFormat';
import { aLayer } from '../builders/layer';
import { aCorpus } from '../builders/corpus';

const TEXT = 'Syrian President Bashar al-Assad met Vladimir Putin in Moscow on Monday, the Kremlin said.';
const base = aLayer().forArticle(TEXT, 'a.txt');
const WHO: Decider = { adjudicator: 'lead', now: '2026-11-30T20:00:00Z' };

/**
 * Three annotators: Assad all agree; Putin 2 PERSON, 1 ORG; Moscow ana and bob agree, cat has nothing; Monday only
 * ana; Kremlin ana ORG, bob PLACE, cat nothing.
 */
function three(): LayerInput[] {
  const ana = base.by('ana').withEntity('Bashar al-Assad', 'PERSON').withEntity('Vladimir Putin', 'PERSON')
    .withEntity('Moscow', 'PLACE').withEntity('Monday', 'DATE', { value: '2024-12-16' }).withEntity('Kremlin', 'ORG').build();
  const bob = base.by('bob').withEntity('Bashar al-Assad', 'PERSON').withEntity('Vladimir Putin', 'PERSON')
    .withEntity('Moscow', 'PLACE').withEntity('Kremlin', 'PLACE').build();
  const cat = base.by('cat').withEntity('Bashar al-Assad', 'PERSON').withEntity('Vladimir Putin', 'ORG').build();
  return [{ annotator: 'ana', layer: ana }, { annotator: 'bob', layer: bob }, { annotator: 'cat', layer: cat }];
}

function merged(decisions: GoldDecision[]): string[] {
  return decisions.map((d) => ('annotation' in d && d.annotation.kind === 'entity' ? `${d.annotation.label}:${TEXT.slice(d.annotation.start, d.annotation.end)}` : '?')).sort();
}

/** Applies decisions to a gold layer in memory, as the session does, for re-merge tests without files. */
function goldFrom(decisions: GoldDecision[], gold: Layer = base.by(GOLD).build()): Layer {
  const entities: EntityAnnotation[] = [...gold.entities];
  decisions.forEach((d, i) => {
    if (!('annotation' in d) || d.annotation.kind !== 'entity') throw new Error('entity decisions only here');
    const { kind: _kind, ...rest } = d.annotation;
    entities.push({ id: `g${entities.length}-${i}`, quote: TEXT.slice(rest.start, rest.end), prefix: '', suffix: '', ...rest });
  });
  return { ...gold, entities };
}

describe('adjudication: merge strategies', () => {
  it('unanimous takes only what every compared layer has the same', () => {
    assert.deepStrictEqual(merged(autoMerge(alignLayers(three()), { strategy: 'unanimous' }, WHO)), ['PERSON:Bashar al-Assad']);
    assert.deepStrictEqual(merged(autoMerge(alignLayers(three()), {}, WHO)), ['PERSON:Bashar al-Assad'], 'unanimous is the default');
  });

  it('agreed takes what every layer that annotated the position agrees on', () => {
    assert.deepStrictEqual(merged(autoMerge(alignLayers(three()), { strategy: 'agreed' }, WHO)),
      ['DATE:Monday', 'PERSON:Bashar al-Assad', 'PLACE:Moscow']);
  });

  it('majority takes a version with more than half the votes by default, or min-votes, never a tie', () => {
    assert.deepStrictEqual(merged(autoMerge(alignLayers(three()), { strategy: 'majority' }, WHO)),
      ['PERSON:Bashar al-Assad', 'PERSON:Vladimir Putin', 'PLACE:Moscow']);
    assert.deepStrictEqual(merged(autoMerge(alignLayers(three()), { strategy: 'majority', minVotes: 3 }, WHO)), ['PERSON:Bashar al-Assad']);
    assert.deepStrictEqual(merged(autoMerge(alignLayers(three()), { strategy: 'majority', minVotes: 1 }, WHO)),
      ['DATE:Monday', 'PERSON:Bashar al-Assad', 'PERSON:Vladimir Putin', 'PLACE:Moscow'], 'Kremlin is a tie, 1 to 1');
  });

  it('records provenance: from the annotations of the version, who and when; value and canonical carried', () => {
    const a = alignLayers(three());
    const monday = a.units.find((u) => u.versions[0]?.label === 'DATE')!;
    const d = acceptVersion(monday, 0, WHO);
    assert.ok('annotation' in d && d.annotation.kind === 'entity');
    assert.deepStrictEqual(d.annotation.from, [{ annotator: 'ana', id: monday.members[0].annotation.id }]);
    assert.strictEqual(d.annotation.adjudicator, 'lead');
    assert.strictEqual(d.annotation.created, WHO.now);
    assert.strictEqual(d.annotation.value, '2024-12-16');
  });

  it('re-merging keeps decisions already in gold and adds nothing twice', () => {
    const layers = three();
    const first = autoMerge(alignLayers(layers), { strategy: 'majority' }, WHO);
    // The adjudicator overrules Putin as ORG before merging again.
    const putin = alignLayers(layers).units.find((u) => u.state === 'label' && u.versions.length === 2 && u.versions[1].label === 'ORG')!;
    const gold = goldFrom([acceptVersion(putin, 1, WHO)]);
    const again = autoMerge(alignLayers([...layers, { annotator: GOLD, layer: gold }]), { strategy: 'majority' }, WHO);
    assert.deepStrictEqual(merged(again), ['PERSON:Bashar al-Assad', 'PLACE:Moscow'], 'Putin stays ORG, as decided');
    const all = goldFrom(again, gold);
    const third = alignLayers([...layers, { annotator: GOLD, layer: all }]);
    assert.deepStrictEqual(autoMerge(third, { strategy: 'majority' }, WHO), []);
    assert.strictEqual(first.length, 3);
  });

  it('bulk-accepts every undecided entity of one label from one annotator', () => {
    assert.deepStrictEqual(merged(acceptLabelFrom(alignLayers(three()), 'ana', 'PERSON', WHO)), ['PERSON:Bashar al-Assad', 'PERSON:Vladimir Putin']);
    assert.deepStrictEqual(merged(acceptLabelFrom(alignLayers(three()), 'cat', 'ORG', WHO)), ['ORG:Vladimir Putin']);
  });

  it('rejects a unit with a dismissal naming every member, and edits and accepts with a new span and label', () => {
    const kremlin = alignLayers(three()).units.find((u) => u.versions.some((v) => v.label === 'ORG' && v.quote === 'Kremlin'))!;
    const r = rejectUnit(kremlin, WHO);
    assert.ok('dismissal' in r);
    assert.deepStrictEqual(r.dismissal.from.map((t) => t.annotator), ['ana', 'bob']);
    assert.strictEqual(r.dismissal.quote, 'Kremlin');
    const start = TEXT.indexOf('the Kremlin');
    const e = editAndAccept(kremlin, { start, end: start + 'the Kremlin'.length, label: 'ORG' }, WHO);
    assert.ok('annotation' in e && e.annotation.kind === 'entity');
    assert.deepStrictEqual([e.annotation.label, e.annotation.start, e.annotation.from.length], ['ORG', start, 2]);
    assert.throws(() => editAndAccept(kremlin, { start: 5, end: 2 }, WHO), RangeError);
  });
});

describe('adjudication: feedback and status', () => {
  it('tells an annotator what gold kept, changed, rejected, and what they missed', () => {
    const layers = three();
    const units = alignLayers(layers).units;
    const find = (q: string): Unit => units.find((u) => u.versions[0]?.quote === q)!;
    const decisions = [acceptVersion(find('Bashar al-Assad'), 0, WHO), acceptVersion(find('Vladimir Putin'), 1, WHO), acceptVersion(find('Monday'), 0, WHO)];
    const gold = goldFrom(decisions);
    const kremlin = find('Kremlin');
    const dismissal = rejectUnit(kremlin, WHO);
    gold.dismissed = ['dismissal' in dismissal ? { id: 'x1', ...dismissal.dismissal } : assert.fail()];
    const a = alignLayers([...layers, { annotator: GOLD, layer: gold }]);
    const bob = compareWithGold(a, 'bob');
    assert.deepStrictEqual(bob.counts, { kept: 1, changed: 1, rejected: 1, undecided: 1, missed: 1 });
    assert.deepStrictEqual(bob.items.find((i) => i.outcome === 'changed')?.changes, ['label']);
    assert.strictEqual(bob.missed[0].gold.quote, 'Monday');
    const status = articleStatus(a, [...layers, { annotator: GOLD, layer: { ...gold, header: { ...gold.header, status: 'adjudicated' } } }]);
    assert.deepStrictEqual([status.units, status.open, status.byState.adjudicated, status.openByState.missing], [5, 1, 4, 1]);
    assert.deepStrictEqual(status.statuses.map((s) => `${s.annotator}:${s.status}`), ['ana:annotating', 'bob:annotating', 'cat:annotating', 'gold:adjudicated']);
  });
});

describe('adjudication: the session writes gold decisions', () => {
  it('applies an accepted version and a dismissal to the gold sidecar, with provenance, and reads them back', () => {
    const corpus = aCorpus().withArticle('a.txt', TEXT)
      .annotatedBy(['ana', 'bob'], (l) => l.withEntity('Moscow', 'PLACE').withEntity('Monday', 'DATE')).build();
    try {
      const layers = corpus.annotators.map((n) => ({ annotator: n, layer: corpus.layer('a.txt', n) }));
      const [moscow, monday] = alignLayers(layers).units.sort((x, y) => x.start - y.start);
      const gold = ArticleSession.open(corpus.articlePath('a.txt'), GOLD);
      const added = gold.applyDecision(acceptVersion(moscow, 0, WHO));
      const dismissed = gold.applyDecision(rejectUnit(monday, WHO));
      gold.setStatus('in-review');
      assert.strictEqual(gold.sidecar.save(), 'written');
      const goldFile = path.join(corpus.dir, 'a.gold.ann.yaml');
      const back = readSidecarFast(fs.readFileSync(goldFile, 'utf8'), goldFile);
      assert.strictEqual(back.header.status, 'in-review');
      assert.deepStrictEqual(back.entities.map((e) => [e.id, e.quote, e.label, e.adjudicator, e.from?.length]), [[added.id, 'Moscow', 'PLACE', 'lead', 2]]);
      assert.deepStrictEqual(back.dismissed?.map((d) => [d.id, d.quote, d.from.length]), [[dismissed.id, 'Monday', 2]]);
      const after = alignLayers([...layers, { annotator: GOLD, layer: back }]);
      assert.ok(after.units.every((u) => u.state === 'adjudicated'));
      assert.strictEqual(gold.removeDismissal(dismissed.id)?.id, dismissed.id);
      assert.strictEqual(gold.layer.dismissed, undefined);
      assert.strictEqual(gold.removeDismissal('nope'), undefined);
      assert.ok(fs.existsSync(path.join(corpus.dir, 'a.ana.ann.yaml')));
    } finally {
      corpus.remove();
    }
  });
});
