import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { aCorpus } from '../builders/corpus';
import { aLayer, cpSpan } from '../builders/layer';
import { findSidecars } from '../../src/core/corpus/findSidecars';
import { ArticleSession } from '../../src/core/session/session';
import { sidecarPathFor } from '../../src/core/store/paths';
import { parseSidecar, serializeSidecar } from '../../src/core/store/sidecarFormat';
import { validateSidecar } from '../../src/core/store/validate';
import { ArticleText, sha256 } from '../../src/core/text/article';
import { A0 } from './helpers/tmp';

// Two emoji, a CRLF, a mathematical bold letter pair: UTF-16 and code point offsets differ from the first line on.
const TEXT = 'Breaking 🚨🚨\r\nPutin 😀 met Assad in Moscow, the Kremlin said.\r\nLater 𝐀𝐁 Moscow denied it.\r\n';

describe('test builders: aLayer', () => {
  it('computes offsets in code points across emoji and CRLF, with quote, prefix and suffix', () => {
    const layer = aLayer().forArticle(TEXT, 'x.txt').by('ann1').withEntity('Assad', 'PERSON').build();
    const [e] = layer.entities;
    // 'Breaking ' 9 + 2 emoji + CRLF 2 = 13; 'Putin ' 6 + emoji 1 + ' met ' 5 = 25.
    assert.deepStrictEqual([e.start, e.end, e.quote], [25, 30, 'Assad']);
    assert.strictEqual(TEXT.indexOf('Assad'), 28, 'in UTF-16 it would be 28');
    assert.strictEqual(e.prefix, 'Breaking 🚨🚨\r\nPutin 😀 met ');
    assert.strictEqual(Array.from(e.suffix).length, 32);
    assert.ok(TEXT.includes(`${e.prefix}${e.quote}${e.suffix}`));
  });

  it('makes the anchors the core makes, for every span, and a header for the text', () => {
    const layer = aLayer().forArticle(TEXT, 'x.txt').by('ann1')
      .withEntity('Moscow', 'PLACE', { nth: 1 })
      .withEntity('Breaking', 'ORG')
      .withEntity({ start: 34, end: 40 }, 'PLACE')
      .withClaim('Putin 😀 met Assad in Moscow', { source: 'Kremlin', sourceSpan: true, cue: 'said', confidence: 0.75, factuality: 'reported' })
      .build();
    const art = new ArticleText(TEXT);
    assert.strictEqual(layer.entities.length + layer.claims.length, 4);
    for (const a of [...layer.entities, ...layer.claims]) {
      assert.deepStrictEqual({ start: a.start, end: a.end, quote: a.quote, prefix: a.prefix, suffix: a.suffix }, art.anchor(a.start, a.end));
    }
    assert.deepStrictEqual(layer.entities.map((e) => [e.quote, e.start]), [['Breaking', 0], ['Moscow', 34], ['Moscow', 70]]);
    const [c] = layer.claims;
    assert.deepStrictEqual(c.source, { name: 'Kremlin', span: { start: 46, end: 53, quote: 'Kremlin' } });
    assert.deepStrictEqual(c.cue, { start: 54, end: 58, quote: 'said' });
    assert.strictEqual(art.slice(c.cue.start, c.cue.end), 'said');
    assert.deepStrictEqual([c.confidence, c.factuality], [0.75, 'reported']);
    assert.deepStrictEqual(layer.header, { sift: 1, article: 'x.txt', annotator: 'ann1', sha256: sha256(TEXT), length: Array.from(TEXT).length });
  });

  it('gives stable ids per annotator, keeps given ones, and orders annotations as a sidecar does', () => {
    const layer = aLayer().forArticle(TEXT).by('ann2').withEntity('Moscow', 'PLACE').withEntity('Putin', 'PERSON').withEntity('Kremlin', 'ORG', { id: 'k' }).build();
    assert.deepStrictEqual(layer.entities.map((e) => e.id), ['e-ann2-2', 'e-ann2-1', 'k']);
    assert.strictEqual(layer.header.article, 'article.txt');
  });

  it('is immutable: a shared base diverges per annotator without changing', () => {
    const base = aLayer().forArticle(TEXT, 'x.txt').withEntity('Moscow', 'PLACE');
    const ann1 = base.by('ann1').build();
    const ann2 = base.by('ann2').withEntity('Kremlin', 'ORG').build();
    assert.deepStrictEqual([ann1.header.annotator, ann1.entities.length], ['ann1', 1]);
    assert.deepStrictEqual([ann2.header.annotator, ann2.entities.length], ['ann2', 2]);
    assert.strictEqual(base.build().entities.length, 1);
  });

  it('round-trips through the core serializer unchanged', () => {
    const layer = aLayer().forArticle(TEXT, 'x.txt').by('ann1').published('2024-12-16')
      .withEntity('Moscow', 'PLACE', { canonical: 'Moskva', note: 'a "quoted" note,\r\nover two lines' })
      .withClaim('Later 𝐀𝐁 Moscow denied it', { source: 'Moscow', links: [{ relation: 'contradicts', article: 'y.txt', claim: 'c-1' }] })
      .rejecting('Putin', 'ORG').rejecting('Assad', 'ORG')
      .build();
    assert.deepStrictEqual(parseSidecar(serializeSidecar(layer), 'x.ann1.ann.yaml').layer, layer);
  });

  it('can stamp the header for an older text, as a stale sidecar', () => {
    const layer = aLayer().forArticle(TEXT).hashedAs('old').withEntity('Moscow', 'PLACE').build();
    assert.deepStrictEqual([layer.header.sha256, layer.header.length], [sha256('old'), 3]);
  });

  it('refuses a quote that is not in the text, or not that often, and a span outside it', () => {
    assert.throws(() => aLayer().forArticle(TEXT).withEntity('Kyiv', 'PLACE').build(), /'Kyiv' occurs 0 time/);
    assert.throws(() => aLayer().forArticle(TEXT).withEntity('Moscow', 'PLACE', { nth: 2 }).build(), /occurs 2 time/);
    assert.throws(() => aLayer().forArticle(TEXT).withEntity({ start: 5, end: 500 }, 'PLACE').build(), RangeError);
    assert.throws(() => aLayer().withEntity('Moscow', 'PLACE').build(), /forArticle/);
    assert.deepStrictEqual(cpSpan('😀a😀a', 'a', 1), { start: 3, end: 4 });
  });
});

describe('test builders: aCorpus', () => {
  it('writes articles and every annotator\'s sidecar, which the core validates and finds', () => {
    const corpus = aCorpus()
      .withArticle('emoji.txt', TEXT)
      .annotatedBy(['ann1', 'ann2'], (l) => l.withEntity('Moscow', 'PLACE').withClaim('Putin 😀 met Assad in Moscow', { source: 'Kremlin', sourceSpan: true, cue: 'said' }))
      .annotatedBy('ann3', (l) => l.withEntity('Moscow', 'ORG'))
      .withSample(A0)
      .annotatedBy('ann1', (l) => l.withEntity('Damascus', 'PLACE'))
      .withArticle('sub/plain.txt', 'Kyiv, Dec 9.\n')
      .annotatedBy('gold', (l) => l.withEntity('Kyiv', 'PLACE').withEntity('Dec 9', 'DATE', { value: '2024-12-09' }))
      .build();
    try {
      assert.deepStrictEqual(corpus.annotators, ['ann1', 'ann2', 'ann3', 'gold']);
      assert.strictEqual(corpus.sidecars.length, 5);
      for (const file of corpus.sidecars) assert.deepStrictEqual(validateSidecar(file), [], file);
      assert.deepStrictEqual(findSidecars([corpus.dir]).map((f) => path.relative(corpus.dir, f)).sort(),
        corpus.sidecars.map((f) => path.relative(corpus.dir, f)).sort());
      assert.strictEqual(fs.readFileSync(corpus.articlePath('emoji.txt'), 'utf8'), TEXT, 'CRLF and emoji written as given');
      for (const l of corpus.layers) assert.strictEqual(l.path, sidecarPathFor(corpus.articlePath(l.article), l.annotator), 'named as the core names sidecars');
      assert.strictEqual(corpus.sidecarPath('sub/plain.txt', 'gold'), path.join(corpus.dir, 'sub', 'plain.gold.ann.yaml'));
      // What the core reads back is what was built.
      const read = ArticleSession.open(corpus.articlePath('emoji.txt'), 'ann3');
      assert.deepStrictEqual(read.layer, corpus.layer('emoji.txt', 'ann3'));
      assert.deepStrictEqual(corpus.layer('emoji.txt', 'ann1').claims[0].source.span, { start: 46, end: 53, quote: 'Kremlin' });
    } finally {
      corpus.remove();
    }
    assert.ok(!fs.existsSync(corpus.dir));
  });

  it('adds layers built elsewhere, hand-written sidecars, and articles changed after annotation', () => {
    const base = aLayer().forArticle(TEXT, 'emoji.txt').withEntity('Moscow', 'PLACE');
    const corpus = aCorpus()
      .withLayer(base.by('ann1'))
      .withLayer(base.by('ann2').withEntity('Kremlin', 'ORG'))
      .withArticle('b.txt', 'Moscow agreed.\n')
      .withRawSidecar('ann1', 'sift: 1\nentities: [unclosed\n')
      .withArticle('c.txt', 'Moscow agreed.\n')
      .annotatedBy('ann1', (l) => l.withEntity('agreed', 'ORG'))
      .editedTo('Later, Moscow refused.\n')
      .build();
    try {
      assert.deepStrictEqual(corpus.articles, ['emoji.txt', 'b.txt', 'c.txt']);
      assert.deepStrictEqual(corpus.layer('emoji.txt', 'ann2').entities.map((e) => e.quote), ['Moscow', 'Kremlin']);
      assert.deepStrictEqual(validateSidecar(corpus.sidecarPath('emoji.txt', 'ann2')), []);
      assert.deepStrictEqual(validateSidecar(corpus.sidecarPath('b.txt', 'ann1')).map((p) => p.code), ['yaml-syntax']);
      assert.deepStrictEqual(validateSidecar(corpus.sidecarPath('c.txt', 'ann1')).map((p) => p.code).sort(), ['orphaned', 'stale']);
      assert.throws(() => corpus.layer('b.txt', 'ann2'), /no layer by ann2/);
    } finally {
      corpus.remove();
    }
  });

  it('writes into a given folder and removes only its own files', () => {
    const outer = aCorpus().withArticle('keep.txt', 'x').build();
    try {
      const inner = aCorpus().in(outer.dir).withArticle('mine.txt', 'Moscow.').annotatedBy('ann1', (l) => l.withEntity('Moscow', 'PLACE')).build();
      assert.strictEqual(inner.dir, outer.dir);
      assert.deepStrictEqual(fs.readdirSync(outer.dir).sort(), ['keep.txt', 'mine.ann1.ann.yaml', 'mine.txt']);
      inner.remove();
      assert.deepStrictEqual(fs.readdirSync(outer.dir), ['keep.txt']);
    } finally {
      outer.remove();
    }
  });

  it('refuses two sidecars by one annotator on one article, and a layer for another text', () => {
    assert.throws(() => aCorpus().withArticle('a.txt', 'x').annotatedBy(['ann1', 'ann1']).build(), /two sidecars by ann1/);
    assert.throws(() => aCorpus().withArticle('a.txt', 'x').withLayer(aLayer().forArticle('y', 'a.txt')), /another text/);
    assert.throws(() => aCorpus().annotatedBy('ann1'), /needs an article first/);
  });
});
