// How the agreement report crosses between the extension host and its worker thread without a long block on the host:
// the articles go in batches of bounded size, a big article in pieces put back together in the worker; the report
// comes back in parts, each taken only when the host asks for the next. Pieces and parts give back exactly what was
// split (fast-check), and a corpus big enough to need both gives the report computed on the host.
import * as assert from 'assert';
import * as path from 'path';
import fc from 'fast-check';
import { CorpusIndex } from '../../src/core/corpus/corpusIndex';
import { NodeFileSystem } from '../../src/core/store/fileSystem';
import { FORMAT_VERSION, Layer } from '../../src/core/model';
import { computeAgreement } from '../../src/extension/views/agreement/agreementData';
import { BATCH_ANNOTATIONS, JobArticle, JobResult, Pieces, piecesOf, weightOf } from '../../src/extension/views/agreement/agreementJob';
import { PART, partsOf } from '../../src/extension/views/agreement/agreementWorker';
import { AgreementWorker } from '../../src/extension/views/agreement/offThread';
import { aCorpus } from '../builders/corpus';

/** A layer with `entities` and `claims` stand-in annotations (the pieces only count and move them). */
function layerOf(annotator: string, entities: number, claims: number): Layer {
  const anchor = (i: number) => ({ start: i, end: i + 1, quote: 'x', prefix: '', suffix: '' });
  return {
    header: { sift: FORMAT_VERSION, article: 'a.txt', sha256: '0'.repeat(64), length: 100, annotator },
    entities: Array.from({ length: entities }, (_, i) => ({ id: `e${i}`, ...anchor(i), label: 'PLACE' })),
    claims: Array.from({ length: claims }, (_, i) => ({ id: `c${i}`, ...anchor(i), source: { name: 's' }, confidence: 0.5, factuality: 'asserted' as const })),
  };
}

const article = fc.record({
  layers: fc.array(fc.tuple(fc.constantFrom('ana', 'bob', 'cat', 'ana'), fc.nat(60), fc.nat(20)), { maxLength: 4 }),
  scope: fc.boolean(),
  broken: fc.option(fc.constant('a sidecar cannot be read (a.x.ann.yaml)'), { nil: undefined }),
}).map(({ layers, scope, broken }): JobArticle => ({
  name: 'f/a.txt', path: '/w/f/a.txt', scope, layers: layers.map(([who, e, c]) => ({ annotator: who, layer: layerOf(who, e, c) })), ...(broken ? { broken } : {}),
}));

describe('agreement report: what crosses to and from the worker', () => {
  it('an article in pieces of at most `max` annotations, put back together after a structured clone, is the article', () => {
    fc.assert(fc.property(fc.array(article, { minLength: 1, maxLength: 4 }), fc.integer({ min: 2, max: 50 }), (articles, max) => {
      const joiner = new Pieces();
      const back: JobArticle[] = [];
      for (const a of articles) {
        const pieces = piecesOf(a, max);
        if (weightOf(a) <= max) assert.deepStrictEqual(pieces, [a], 'a small article goes whole');
        for (const p of pieces) assert.ok(weightOf(p) <= max, `a piece weighs ${weightOf(p)}, over ${max}`);
        assert.deepStrictEqual(pieces.map((p) => !!p.more), pieces.map((_, i) => i < pieces.length - 1), 'every piece but the last says more follows');
        for (const p of pieces) { const whole = joiner.join(structuredClone(p)); if (whole) back.push(whole); }
      }
      assert.deepStrictEqual(back, articles);
    }));
  });

  it('a piece of another article before the last one\'s end is refused, not mixed in', () => {
    const big: JobArticle = { name: 'a.txt', path: '/w/a.txt', scope: true, layers: [{ annotator: 'ana', layer: layerOf('ana', 30, 0) }] };
    const joiner = new Pieces();
    assert.strictEqual(joiner.join(piecesOf(big, 10)[0]), undefined);
    assert.throws(() => joiner.join({ ...big, path: '/w/b.txt', name: 'b.txt' }), /a piece of another article came before a\.txt was complete/);
  });

  it('the report in parts of at most PART rows and disagreements, then the rest, gives back the report', () => {
    fc.assert(fc.property(fc.nat(3 * PART), fc.nat(2 * PART), (rows, targets) => {
      const r = {
        report: { articles: Array.from({ length: rows }, (_, i) => ({ article: `a${i}` })), unit: 'code points' },
        pairAlphas: [], skipped: [], labels: ['PLACE'],
        targets: Array.from({ length: targets }, (_, i) => ({ name: `a${i}`, pairs: [], labels: [], confusions: [] })),
      } as unknown as JobResult;
      const parts = partsOf(7, r);
      const back = { rows: [] as unknown[], targets: [] as unknown[], ok: undefined as JobResult | undefined };
      for (const p of parts) {
        assert.strictEqual(p.id, 7);
        if ('rows' in p) { assert.ok(p.rows.length <= PART); back.rows.push(...p.rows); } else if ('targets' in p) { assert.ok(p.targets.length <= PART); back.targets.push(...p.targets); } else if ('ok' in p) back.ok = p.ok;
      }
      assert.ok('ok' in parts[parts.length - 1], 'the rest comes last');
      assert.deepStrictEqual({ ...back.ok, report: { ...back.ok!.report, articles: back.rows }, targets: back.targets }, r);
    }));
  });

  it('in the worker thread, a corpus that needs pieces and parts gives the report computed on the host', async function () {
    this.timeout(60_000);
    // One article with more annotations than a batch holds (it goes in pieces), and more articles than a part holds.
    const words = Array.from({ length: 400 }, (_, i) => `Word${i}`);
    const big = `${words.join(' ')} .\n`;
    const spans = (step: number) => words.flatMap((w, i) => (i % step === 0 ? [{ at: big.indexOf(`${w} `), w, i }] : []));
    let c = aCorpus().withArticle('big.txt', big);
    for (const [who, step] of [['ana', 1], ['bob', 1], ['cat', 2]] as const) {
      c = c.annotatedBy(who, (l) => spans(step).reduce((b, s) => b.withEntity({ start: s.at, end: s.at + s.w.length }, s.i % 3 === 0 ? 'PERSON' : 'PLACE'), l));
    }
    for (let i = 0; i < PART + 5; i++) {
      c = c.withArticle(`many/m${i}.txt`, `Moscow and Geneva, ${i}.\n`).annotatedBy(['ana', 'bob'], (l) => l.withEntity('Moscow', 'PLACE')).annotatedBy('cat', (l) => l.withEntity('Geneva', 'PLACE'));
    }
    const built = c.build();
    try {
      const index = new CorpusIndex(new NodeFileSystem(), [built.dir]);
      await index.scan();
      assert.ok(index.layersOf(built.articlePath('big.txt')).reduce((n, l) => n + l.layer.entities.length, 0) > BATCH_ANNOTATIONS, 'the big article needs pieces');
      const name = (a: string) => path.relative(built.dir, a);
      let fellBack: string | undefined;
      const w = new AgreementWorker(path.resolve(__dirname, '..', '..', '..', 'dist', 'agreementWorker.js'), (why) => { fellBack = why; });
      const off = await computeAgreement(index, {}, { name, runner: w.run });
      w.dispose();
      assert.strictEqual(fellBack, undefined, 'the worker ran');
      const here = await computeAgreement(index, {}, { name });
      const plain = (r: typeof off) => ({ ...r, longestBlockMs: 0, longestBlockIn: '' });
      assert.strictEqual(off.report.articles.length, PART + 6, 'every row came back');
      assert.deepStrictEqual(plain(off), plain(here));
    } finally {
      built.remove();
    }
  });
});
