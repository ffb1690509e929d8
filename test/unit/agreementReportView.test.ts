// The editor's agreement report without the editor: the report computed in slices from the corpus index equals core's
// `agreement` (what `sift agree --json` prints), where each click leads (the article and the unit), the disagreement
// targets by hand, and the HTML escapes.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { CorpusIndex } from '../../src/core/corpus/corpusIndex';
import { alignLayers } from '../../src/core/review/align';
import { articlesOf } from '../../src/core/review/corpusReview';
import { AgreementBuilder, agreement } from '../../src/core/review/agreement/report';
import { disagreementsOf, pairKey } from '../../src/core/review/agreement/targets';
import { NodeFileSystem } from '../../src/core/store/fileSystem';
import { ArticleText, readArticle } from '../../src/core/text/article';
import { LayerInput } from '../../src/core/review/units';
import { computeAgreement } from '../../src/extension/views/agreement/agreementData';
import { articleFor, annotatorsFor, modelOf, unitFor } from '../../src/extension/views/agreement/agreementModel';
import { escapeHtml, jsonForScript } from '../../src/extension/platform/html';
import { savedHtml } from '../../src/extension/views/agreement/agreementHtml';
import { agreementCsv } from '../../src/core/review/agreement/format';
import { AgreementWorker } from '../../src/extension/views/agreement/offThread';
import { BuiltCorpus, aCorpus } from '../builders/corpus';
import { aLayer } from '../builders/layer';

const A = 'Syrian President Bashar al-Assad met Vladimir Putin in Moscow on Monday, the Kremlin said.';
const B = 'Moscow said on Monday that Damascus had asked for talks in Geneva.';

/** a.txt: Assad agreed; Putin PERSON (ana, bob) against ORG (cat); Moscow by ana and bob only. sub/b.txt: Geneva boundary (bob). */
function corpus(): BuiltCorpus {
  return aCorpus()
    .withArticle('a.txt', A)
    .annotatedBy(['ana', 'bob'], (l) => l.withEntity('Bashar al-Assad', 'PERSON').withEntity('Vladimir Putin', 'PERSON').withEntity('Moscow', 'PLACE'))
    .annotatedBy('cat', (l) => l.withEntity('Bashar al-Assad', 'PERSON').withEntity('Vladimir Putin', 'ORG'))
    .withArticle('sub/b.txt', B)
    .annotatedBy(['ana', 'cat'], (l) => l.withEntity('Moscow', 'PLACE').withEntity('Geneva', 'PLACE'))
    .annotatedBy('bob', (l) => l.withEntity('Moscow', 'PLACE').withEntity('in Geneva', 'PLACE'))
    .build();
}

const layer = (who: string, text: string, f: (l: ReturnType<typeof aLayer>) => ReturnType<typeof aLayer>): LayerInput => ({ annotator: who, layer: f(aLayer().forArticle(text, 'x.txt').by(who)).build() });

describe('agreement report in the editor (no editor)', () => {
  let c: BuiltCorpus;
  let index: CorpusIndex;
  beforeEach(async () => {
    c = corpus();
    index = new CorpusIndex(new NodeFileSystem(), [c.dir]);
    await index.scan();
  });
  afterEach(() => c.remove());
  const name = (a: string) => path.relative(c.dir, a);

  it('computed in slices, the report is core\'s agreement over the same articles (the JSON `sift agree` prints)', async () => {
    let pauses = 0;
    const run = await computeAgreement(index, {}, { name, budgetMs: 0, pause: () => { pauses++; return Promise.resolve(); } });
    assert.strictEqual(pauses, 6 + 3 * 2, 'with no budget, a yield after each of the 6 layers grouped, and after each of the 2 articles gathered, compared and its disagreements taken back');
    const inputs = articlesOf(index).map((a) => ({ article: name(a.article), text: new ArticleText(readArticle(a.article)), layers: a.layers }));
    assert.deepStrictEqual(run.report, agreement(inputs));
    assert.deepStrictEqual(run.choices, { annotators: ['ana', 'bob', 'cat'], labels: ['ORG', 'PERSON', 'PLACE'], folders: ['.', 'sub'] });
    assert.deepStrictEqual(run.skipped, []);
    const model = modelOf(run);
    assert.strictEqual(model.cells.length, 3);
    const ab = model.cells.find((x) => x.a === 'ana' && x.b === 'bob')!;
    // ana × bob: a.txt 3 = 3; b.txt Moscow matches, Geneva does not: 2·4/(5+5).
    assert.strictEqual(ab.f1.value, 0.8);
    assert.strictEqual(ab.f1.used, 10);
    assert.strictEqual(ab.alpha.total, run.report.counts.tokens);
    const place = model.bars.find((b) => b.label === 'PLACE')!;
    // PLACE spans and exact matches pooled over the pairs: ana×bob 6 (2 matched), ana×cat 5 (2), bob×cat 5 (1).
    assert.deepStrictEqual([place.spans, place.matched], [16, 5]);
    assert.strictEqual(place.f1, 10 / 16);
  });

  it('computed in the worker thread (dist/agreementWorker.js), the run is the one computed here; a missing worker falls back', async () => {
    const worker = path.resolve(__dirname, '..', '..', '..', 'dist', 'agreementWorker.js');
    // An article whose sidecar cannot be read is skipped alike in both.
    fs.writeFileSync(c.articlePath('c.txt'), B);
    fs.writeFileSync(path.join(c.dir, 'c.ana.ann.yaml'), 'entities: [unclosed\n');
    await index.scan();
    let fellBack: string | undefined;
    let pauses = 0;
    const w = new AgreementWorker(worker, (why) => { fellBack = why; });
    const options = { name, runner: w.run, budgetMs: 0, pause: () => { pauses++; return Promise.resolve(); } };
    // Two reports at once in the one worker, each under its own id: each is whole.
    const [off, again] = await Promise.all([computeAgreement(index, {}, options), computeAgreement(index, { annotators: ['ana', 'bob'] }, options)]);
    w.dispose();
    assert.strictEqual(fellBack, undefined, 'the worker ran');
    assert.ok(pauses >= 2, 'the host yields while it posts the inputs');
    const here = await computeAgreement(index, {}, { name });
    const plain = (r: typeof off) => ({ ...r, longestBlockMs: 0, longestBlockIn: '' });
    assert.deepStrictEqual(plain(off), plain(here));
    assert.deepStrictEqual(plain(again), plain(await computeAgreement(index, { annotators: ['ana', 'bob'] }, { name })));
    assert.strictEqual(off.skipped.length, 1);
    assert.match(off.skipped[0], /^c\.txt: a sidecar cannot be read \(c\.ana\.ann\.yaml\)/);
    assert.ok(off.targets.size > 0);
    let missing: string | undefined;
    const fallback = await computeAgreement(index, {}, { name, runner: new AgreementWorker(path.join(c.dir, 'nope.js'), (why) => { missing = why; }).run });
    assert.match(missing ?? '', /nope\.js is missing/);
    assert.deepStrictEqual(plain(fallback), plain(here));
  });

  it('the model carries the claims figures with their counts: span F1 per pair, factuality κ, the features\' α', async () => {
    const t = 'Moscow said on Monday that Damascus had asked for talks in Geneva, the Kremlin said.';
    const o = { source: 'Kremlin', factuality: 'asserted' as const, confidence: 0.8 };
    const k = aCorpus().withArticle('k.txt', t)
      .annotatedBy(['ana', 'bob'], (l) => l.withClaim('Damascus had asked for talks', o))
      .annotatedBy('cat', (l) => l.withClaim('Damascus had asked for talks in Geneva', { ...o, factuality: 'reported' }))
      .build();
    try {
      const kIndex = new CorpusIndex(new NodeFileSystem(), [k.dir]);
      await kIndex.scan();
      const run = await computeAgreement(kIndex, {}, { name: (a) => path.relative(k.dir, a) });
      const m = modelOf(run).claims;
      assert.deepStrictEqual([m.claims, m.units, m.matched], [3, 1, 1], 'three claims aligned into one unit, matched');
      const pair = (a: string, b: string) => m.pairs.find((p) => p.a === a && p.b === b)!;
      assert.deepStrictEqual([pair('ana', 'bob').f1.value, pair('ana', 'bob').overlap.value, pair('ana', 'bob').f1.used], [1, 1, 2]);
      assert.deepStrictEqual([pair('ana', 'cat').f1.value, pair('ana', 'cat').overlap.value], [0, 1]);
      const c = run.report.claims;
      assert.deepStrictEqual(m.features.map((f) => f.score.value), [c.source_alpha.value, c.factuality_alpha.value, c.confidence_alpha.value]);
      assert.deepStrictEqual(m.features.map((f) => [f.score.used, f.score.total]), [[1, 1], [1, 1], [1, 1]]);
      assert.strictEqual(pair('ana', 'cat').factuality.value, c.pairs[1].factuality_kappa.value);
      assert.deepStrictEqual(m.caveats, c.caveats);
      // The saves: CSV one figure a row with its counts; the saved HTML carries the claims for its script to draw.
      const csv = agreementCsv(run.report);
      assert.match(csv, /\nclaim_f1,ana,bob,,1,2,\n/);
      assert.match(csv, /\nclaim_overlap_f1,ana,cat,,1,2,\n/);
      assert.match(csv, /\nclaim_source_alpha,,,,[^,]*,1,0\n/);
      const data = /<script type="application\/json" id="sift-data">(.*?)<\/script>/s.exec(savedHtml({ css: '', js: '' }, modelOf(run), 'N'))![1];
      assert.deepStrictEqual((JSON.parse(data) as { claims: unknown }).claims, m);
    } finally {
      k.remove();
    }
  });

  it('filters by annotators, labels and folders', async () => {
    const run = await computeAgreement(index, { annotators: ['ana', 'bob'], labels: ['PLACE'], folders: ['sub'] }, { name });
    assert.deepStrictEqual(run.report.annotators, ['ana', 'bob']);
    assert.deepStrictEqual(run.report.articles.map((a) => a.article), [path.join('sub', 'b.txt')]);
    assert.deepStrictEqual(run.report.labels, ['PLACE']);
    assert.strictEqual(run.report.pairs[0].f1.micro, 0.5);
  });

  it('a click leads to the first article (lowest agreement first) with that disagreement, and to its unit', async () => {
    const run = await computeAgreement(index, {}, { name });
    const a = c.articlePath('a.txt');
    const b = c.articlePath('sub/b.txt');
    assert.strictEqual(articleFor(run, { kind: 'label', label: 'ORG' }), a);
    assert.strictEqual(articleFor(run, { kind: 'confusion', x: 'PERSON', y: 'ORG' }), a);
    assert.strictEqual(articleFor(run, { kind: 'pair', a: 'ana', b: 'cat' }), run.paths.get(run.report.articles[0].article), 'both articles qualify: the lowest first');
    assert.strictEqual(articleFor(run, { kind: 'article', article: path.join('sub', 'b.txt') }), b);
    assert.strictEqual(articleFor(run, { kind: 'label', label: 'NOPE' }), undefined);
    assert.deepStrictEqual(annotatorsFor(run, { kind: 'pair', a: 'ana', b: 'bob' }), ['ana', 'bob']);
    const units = alignLayers(index.layersOf(a).map((l) => ({ annotator: l.annotator, layer: l.layer }))).units;
    const u = unitFor(units, { kind: 'label', label: 'ORG' })!;
    assert.strictEqual(A.slice(u.start, u.end), 'Vladimir Putin');
    assert.strictEqual(unitFor(units, { kind: 'pair', a: 'ana', b: 'bob' }), undefined, 'ana and bob agree on a.txt');
    const m = unitFor(units, { kind: 'confusion', x: 'PLACE', y: 'O' })!;
    assert.strictEqual(A.slice(m.start, m.end), 'Moscow');
  });

  it('disagreements by hand: pairs, labels, and confusions (a label against another, or against O)', () => {
    const t = 'Moscow said on Monday that Damascus had asked for talks in Geneva.';
    const d = disagreementsOf([
      layer('ana', t, (l) => l.withEntity('Moscow', 'PLACE').withEntity('Damascus', 'PLACE')),
      layer('bob', t, (l) => l.withEntity('Moscow', 'PLACE').withEntity('Damascus', 'ORG')),
      layer('cat', t, (l) => l.withEntity('Moscow', 'PLACE').withEntity('Damascus', 'PLACE').withEntity('Geneva', 'PLACE')),
    ], ['ana', 'bob', 'cat']);
    assert.deepStrictEqual([...d.pairs].sort(), [pairKey('ana', 'bob'), pairKey('ana', 'cat'), pairKey('bob', 'cat')].sort());
    assert.deepStrictEqual([...d.labels].sort(), ['ORG', 'PLACE']);
    assert.deepStrictEqual([...d.confusions].sort(), [pairKey('ORG', 'PLACE'), pairKey('O', 'PLACE')].sort());
    const same = disagreementsOf([layer('ana', t, (l) => l.withEntity('Moscow', 'PLACE')), layer('bob', t, (l) => l.withEntity('Moscow', 'PLACE'))], ['ana', 'bob']);
    assert.strictEqual(same.pairs.size + same.labels.size + same.confusions.size, 0);
  });

  it('the builder fed one article at a time gives agreement()\'s report', () => {
    const t = 'Moscow said on Monday that Damascus had asked for talks in Geneva.';
    const arts = [
      { article: 'x.txt', text: t, layers: [layer('ana', t, (l) => l.withEntity('Moscow', 'PLACE')), layer('bob', t, (l) => l.withEntity('Moscow', 'ORG'))] },
      { article: 'y.txt', text: t, layers: [layer('ana', t, (l) => l.withEntity('Geneva', 'PLACE'))] },
    ];
    const b = new AgreementBuilder(['bob', 'ana', 'gold']);
    for (const a of arts) b.add(a);
    assert.deepStrictEqual(b.finish(), agreement(arts));
    assert.strictEqual(b.pairAlphas().length, 1);
  });
});

describe('HTML of the report', () => {
  it('escapeHtml leaves no markup characters; jsonForScript cannot end its script element and parses back', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (x, y) => {
      assert.doesNotMatch(escapeHtml(x), /[<>"']/);
      const j = jsonForScript({ x, y });
      assert.doesNotMatch(j, /[<>&\u2028\u2029]/);
      assert.deepStrictEqual(JSON.parse(j), { x, y });
    }));
  });

  it('a saved report carries data only as escaped JSON, with a nonce CSP and nothing remote', async () => {
    const c = corpus();
    try {
      const index = new CorpusIndex(new NodeFileSystem(), [c.dir]);
      await index.scan();
      const run = await computeAgreement(index, {}, { name: () => '</script><img src=x onerror=alert(1)>.txt' });
      const html = savedHtml({ css: 'body{}', js: 'void 0;' }, modelOf(run), 'NONCE');
      assert.ok(!html.includes('<img'), 'no markup from data');
      assert.strictEqual(html.split('</script>').length - 1, 2, 'only the two script elements end');
      assert.match(html, /content="default-src &#39;none&#39;; style-src &#39;nonce-NONCE&#39;; script-src &#39;nonce-NONCE&#39;;"/);
      assert.doesNotMatch(html, /https?:/);
    } finally {
      c.remove();
    }
  });
});
