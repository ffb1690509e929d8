import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CorpusIndex } from '../../src/core/corpus/corpusIndex';
import { serializeSidecar } from '../../src/core/store/sidecarFormat';
import { aCorpus, BuiltCorpus } from '../builders/corpus';
import { aLayer } from '../builders/layer';
import { CountingPort, MemoryPort } from './helpers/ports';

const TEXT_A = 'Moscow said on Monday that Damascus had fallen, the Kremlin told TASS.';
const TEXT_B = 'Ankara denied it. Erdogan said Turkey would not send troops to Idlib.';

function threeAnnotators(): BuiltCorpus {
  return aCorpus()
    .withArticle('a.txt', TEXT_A)
      .annotatedBy(['ann1', 'ann2'], (l) => l.withEntity('Moscow', 'PLACE').withClaim('Damascus had fallen', { source: 'Moscow' }))
      .annotatedBy('gold', (l) => l.withEntity('Moscow', 'PLACE').withEntity('Kremlin', 'ORG'))
    .withArticle('sub/b.txt', TEXT_B)
      .annotatedBy('ann3', (l) => l.withEntity('Ankara', 'PLACE').withEntity('Erdogan', 'PERSON').withClaim('Turkey would not send troops', { source: 'Erdogan' }))
    .build();
}

describe('corpus index', () => {
  let corpus: BuiltCorpus;
  beforeEach(() => { corpus = threeAnnotators(); });
  afterEach(() => corpus.remove());

  it('answers layers per article, claims, annotators and labelled strings from one read of each sidecar', async () => {
    const port = new CountingPort();
    const index = new CorpusIndex(port, [corpus.dir]);
    await index.scan();
    assert.deepStrictEqual(index.layersOf(corpus.articlePath('a.txt')).map((l) => l.annotator), ['ann1', 'ann2', 'gold']);
    assert.deepStrictEqual(index.layersOf(corpus.articlePath('sub/b.txt')).map((l) => l.annotator), ['ann3']);
    assert.deepStrictEqual(index.layer(corpus.articlePath('a.txt'), 'gold'), corpus.layer('a.txt', 'gold'));
    assert.deepStrictEqual(index.annotators(), ['ann1', 'ann2', 'ann3', 'gold']);
    assert.deepStrictEqual(index.articles('ann3'), [corpus.articlePath('sub/b.txt')]);
    assert.deepStrictEqual(index.claims().map((c) => `${c.annotator}:${c.claim.quote}:${c.claim.source.name}`).sort(),
      ['ann1:Damascus had fallen:Moscow', 'ann2:Damascus had fallen:Moscow', 'ann3:Turkey would not send troops:Erdogan']);
    assert.deepStrictEqual([...index.labelledStrings()].sort(), [['Ankara', 'PLACE'], ['Erdogan', 'PERSON'], ['Kremlin', 'ORG'], ['Moscow', 'PLACE']]);
    assert.strictEqual(port.totalReads, 4);
    assert.ok([...port.reads.values()].every((n) => n === 1), 'each sidecar read once');
    await index.scan();
    assert.strictEqual(port.totalReads, 4, 'a second scan reads nothing that did not change');
  });

  it('takes a save through update() without reading the file again', async () => {
    const port = new CountingPort();
    const index = new CorpusIndex(port, [corpus.dir]);
    await index.scan();
    const side = corpus.sidecarPath('a.txt', 'ann1');
    const layer = aLayer().forArticle(TEXT_A, 'a.txt').by('ann1').withEntity('Moscow', 'PLACE').withEntity('TASS', 'ORG').build();
    const text = serializeSidecar(layer);
    fs.writeFileSync(side, text);
    const before = port.totalReads;
    await index.update(side, layer, text);
    assert.strictEqual(index.labelledStrings().get('TASS'), 'ORG');
    assert.strictEqual(index.layer(corpus.articlePath('a.txt'), 'ann1')?.entities.length, 2);
    assert.strictEqual(await index.changed(side), false, 'the watcher event for Sift\'s own write changes nothing');
    assert.strictEqual(port.totalReads, before, 'no read after update() and its watcher event');
    assert.strictEqual(index.stats.parses, 4);
  });

  it('reads a sidecar changed outside Sift once, and forgets a deleted one', async () => {
    const port = new CountingPort();
    const index = new CorpusIndex(port, [corpus.dir]);
    await index.scan();
    const side = corpus.sidecarPath('sub/b.txt', 'ann3');
    const layer = aLayer().forArticle(TEXT_B, 'b.txt').by('ann3').withEntity('Idlib', 'PLACE').build();
    fs.writeFileSync(side, serializeSidecar(layer));
    fs.utimesSync(side, new Date(), new Date(Date.now() + 5000));
    assert.strictEqual(await index.changed(side), true);
    assert.strictEqual(await index.changed(side), false, 'a second event for the same change reads nothing');
    assert.strictEqual(port.reads.get(side), 2, 'the scan, then the change: once');
    assert.strictEqual(index.labelledStrings().get('Idlib'), 'PLACE');
    assert.strictEqual(index.labelledStrings().has('Ankara'), false);
    fs.rmSync(side);
    assert.strictEqual(await index.changed(side), true);
    assert.deepStrictEqual(index.annotators(), ['ann1', 'ann2', 'gold']);
  });

  it('keeps a broken sidecar out of the answers and reports it', async () => {
    const bad = aCorpus().withArticle('c.txt', TEXT_A).withRawSidecar('ann9', 'sift: [unclosed\n').annotatedBy('ann1', (l) => l.withEntity('Moscow', 'PLACE')).build();
    try {
      const index = new CorpusIndex(new CountingPort(), [bad.dir]);
      await index.scan();
      assert.deepStrictEqual(index.annotators(), ['ann1']);
      assert.deepStrictEqual(index.broken().map((b) => path.basename(b.sidecar)), ['c.ann9.ann.yaml']);
    } finally {
      bad.remove();
    }
  });
});

describe('corpus index at scale (5,000 sidecars in memory)', () => {
  const ROOT = path.resolve('/corpus');
  const N = 5000;

  function bigCorpus(): MemoryPort {
    const port = new MemoryPort();
    // One small sidecar, serialised once; each copy names its own article and annotator (the hash is not checked here).
    const template = serializeSidecar(aLayer().forArticle('Report 7: Moscow said the Kremlin met.', 'ARTICLE').by('ANNOTATOR').withEntity('Moscow', 'PLACE').build());
    for (let i = 0; i < N; i++) {
      port.put(path.join(ROOT, `a${i}.ann${i % 3}.ann.yaml`), template.replace('ARTICLE', `a${i}.txt`).replace('ANNOTATOR', `ann${i % 3}`));
    }
    return port;
  }

  it('saving one annotation parses no other sidecar and leaves the labelled strings (and their event) alone', async function () {
    this.timeout(60_000);
    const mem = bigCorpus();
    const port = new CountingPort(mem);
    const index = new CorpusIndex(port, [ROOT]);
    await index.scan();
    assert.strictEqual(index.size, N);
    assert.strictEqual(index.stats.parses, N);
    let labelEvents = 0;
    index.onDidChangeLabels(() => labelEvents++);
    const side = path.join(ROOT, 'a7.ann1.ann.yaml');
    const save = async (b: ReturnType<typeof aLayer>) => {
      const layer = b.build();
      const text = serializeSidecar(layer);
      await port.writeText(side, text);
      await index.update(side, layer, text);
      await index.changed(side);
    };
    const base = aLayer().forArticle('Report 7: Moscow said the Kremlin met.', 'a7.txt').by('ann1').withEntity('Moscow', 'PLACE');
    const readsBefore = port.totalReads;
    await save(base.withEntity('Moscow', 'PLACE', { nth: 0, note: 'checked' }).withClaim('the Kremlin met', { source: 'Moscow' }));
    assert.strictEqual(port.totalReads, readsBefore, 'no sidecar read after the save');
    assert.strictEqual(index.stats.parses, N, 'no sidecar parsed after the save');
    assert.strictEqual(labelEvents, 0, 'a save that labels no new string does not change what suggestions learn');
    assert.strictEqual(index.claims().length, 1);
    await save(base.withEntity('Kremlin', 'ORG'));
    assert.strictEqual(labelEvents, 1, 'a newly labelled string is told once');
    assert.strictEqual(index.stats.parses, N);
  });
});
