// Span F1 by hand (overlapping and nested spans), token units, claims, and `sift agree` on a generated
// three-annotator corpus, through main() and through the built dist/cli.js.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { runCli } from './helpers/runCli';
import { LabelledSpan, SpanCounts, addSpans, exactMatches, f1Table, overlapMatches } from '../../src/core/review/agreement/spans';
import { OUTSIDE, tokenLabels } from '../../src/core/review/agreement/tokens';
import { agreement } from '../../src/core/review/agreement/report';
import { AgreementReport } from '../../src/core/review/agreement/shape';
import { normaliseSource } from '../../src/core/review/agreement/claims';
import { agreementCsv } from '../../src/core/review/agreement/format';
import { tokenize } from '../../src/core/text/tokenize';
import { BuiltCorpus, aCorpus } from '../builders/corpus';
import { LayerBuilder, aLayer } from '../builders/layer';

const s = (start: number, end: number, label = 'PERSON'): LabelledSpan => ({ start, end, label });

describe('span F1', () => {
  it('hand-computed: exact and overlap with nested and overlapping spans, matched one to one', () => {
    // A: [0,10) PERSON, its nested [0,4) PERSON, [20,30) ORG.  B: [0,10) PERSON, [2,12) PERSON, [22,28) ORG, [40,45) ORG.
    const a = [s(0, 10), s(0, 4), s(20, 30, 'ORG')];
    const b = [s(0, 10), s(2, 12), s(22, 28, 'ORG'), s(40, 45, 'ORG')];
    const counts = new Map<string, SpanCounts>();
    addSpans(counts, a, b);
    const exact = f1Table(counts, ['PERSON', 'ORG'], 'exact');
    // Exact: only [0,10) PERSON; 2·1/(3+4).
    assert.strictEqual(exact.micro, 2 / 7);
    assert.strictEqual(exact.PERSON, 2 / 4);
    assert.strictEqual(exact.ORG, 0);
    const overlap = f1Table(counts, ['PERSON', 'ORG'], 'overlap');
    // Overlap: both PERSON of A match both of B (one to one), [20,30) matches [22,28); [40,45) has no partner: 2·3/7.
    assert.strictEqual(overlap.micro, 6 / 7);
    assert.strictEqual(overlap.PERSON, 1);
    assert.strictEqual(overlap.ORG, 2 / 3);
  });

  it('one long span overlapping two short ones matches only one of them', () => {
    assert.strictEqual(overlapMatches([s(0, 20)], [s(0, 5), s(10, 15)]), 1);
    assert.strictEqual(exactMatches([s(0, 5), s(0, 5)], [s(0, 5)]), 1);
  });

  it('is symmetric and independent of the stored order of spans, and overlap ≥ exact', () => {
    const span = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 8 }), fc.constantFrom('A', 'B')).map(([st, len, l]) => s(st, st + len, l));
    fc.assert(fc.property(fc.array(span, { maxLength: 12 }), fc.array(span, { maxLength: 12 }), (a, b) => {
      assert.strictEqual(exactMatches(a, b), exactMatches(b, a));
      assert.strictEqual(overlapMatches(a, b), overlapMatches(b, a));
      assert.strictEqual(overlapMatches([...a].reverse(), b), overlapMatches(a, [...b].reverse()));
      assert.ok(overlapMatches(a, b) >= exactMatches(a, b));
    }));
  });

  it('leaves out of f1 the labels no annotator used', () => {
    const counts = new Map<string, SpanCounts>();
    addSpans(counts, [s(0, 3)], [s(0, 3)]);
    assert.deepStrictEqual(Object.keys(f1Table(counts, ['PERSON', 'DATE'], 'exact')), ['micro', 'PERSON']);
  });
});

describe('token units', () => {
  it('labels each token by the span covering it, the longest where spans nest, and counts conflicts', () => {
    const text = 'Bashar al-Assad met Putin in Moscow.';
    const tokens = tokenize(text);
    const { labels, conflicts } = tokenLabels(tokens, [s(0, 15), s(7, 15, 'ORG'), s(29, 35, 'PLACE')]);
    assert.deepStrictEqual(tokens.map((t, k) => `${t.text}/${labels[k]}`), ['Bashar/PERSON', 'al/PERSON', '-/PERSON', 'Assad/PERSON', 'met/O', 'Putin/O', 'in/O', 'Moscow/PLACE', './O']);
    assert.strictEqual(conflicts, 3);
    assert.strictEqual(tokenLabels(tokens, []).labels.every((l) => l === OUTSIDE), true);
  });
});

const A = 'Syrian President Bashar al-Assad met Vladimir Putin in Moscow on Monday, the Kremlin said.';
const B = 'Moscow said on Monday that Damascus had asked for talks in Geneva.';

describe('agreement over articles', () => {
  it('treats an annotator without a layer as missing, not O, and counts what each figure left out', () => {
    const layer = (who: string, text: string, name: string, f: (l: LayerBuilder) => LayerBuilder) => ({ annotator: who, layer: f(aLayer().by(who).forArticle(text, name)).build() });
    const r = agreement([
      { article: 'a.txt', text: A, layers: [layer('ana', A, 'a.txt', (l) => l.withEntity('Vladimir Putin', 'PERSON')), layer('bob', A, 'a.txt', (l) => l.withEntity('Vladimir Putin', 'PERSON'))] },
      { article: 'b.txt', text: B, layers: [layer('ana', B, 'b.txt', (l) => l.withEntity('Geneva', 'PLACE')), layer('bob', B, 'b.txt', (l) => l.withEntity('Geneva', 'PLACE')), layer('cat', B, 'b.txt', (l) => l.withEntity('Moscow', 'PLACE'))] },
    ]);
    const tokensA = tokenize(A).length;
    const tokensB = tokenize(B).length;
    assert.strictEqual(r.counts.tokens, tokensA + tokensB);
    const anaBob = r.pairs.find((p) => p.a === 'ana' && p.b === 'bob')!;
    assert.strictEqual(anaBob.f1.micro, 1);
    assert.strictEqual(anaBob.kappa, 1);
    const anaCat = r.pairs.find((p) => p.a === 'ana' && p.b === 'cat')!;
    // cat has no layer for a.txt: those tokens are excluded from ana × cat, not counted as O.
    assert.strictEqual(anaCat.used, tokensB);
    assert.strictEqual(anaCat.excluded, tokensA);
    assert.strictEqual(anaCat.f1.micro, 0);
    assert.strictEqual(anaCat.articles, 1);
    assert.match(anaCat.counts.kappa.caveat ?? '', /may look better/);
    assert.strictEqual(r.counts.fleiss_kappa.used, tokensB);
    assert.strictEqual(r.counts.fleiss_kappa.excluded, tokensA);
    assert.strictEqual(r.counts.alpha.used, tokensA + tokensB);
    assert.strictEqual(r.counts.alpha.incomplete, tokensA);
    assert.strictEqual(r.counts.alpha_u.articles, 1);
    assert.strictEqual(r.counts.alpha_u.excluded_articles, 1);
    assert.ok(r.caveats.some((c) => /αu is computed on the 1 of 2/.test(c)));
    assert.strictEqual(r.articles[0].article, 'b.txt', 'the article with the lowest agreement comes first');
  });

  it('measures lengths in code points: an astral character before a span counts once', () => {
    const text = '𝐀 Putin met Assad.';
    const layer = (who: string) => ({ annotator: who, layer: aLayer().by(who).forArticle(text, 'e.txt').withEntity('Putin', 'PERSON').build() });
    const r = agreement([{ article: 'e.txt', text, layers: [layer('ana'), layer('bob')] }]);
    assert.strictEqual(r.counts.alpha_u.length, [...text].length);
    assert.strictEqual(r.counts.alpha_u.length, text.length - 1);
    assert.strictEqual(r.alpha_u.PERSON, 1);
    assert.strictEqual(r.pairs[0].f1.PERSON, 1);
  });

  it('normalises claim sources before comparing them', () => {
    assert.strictEqual(normaliseSource('  The Russian  Foreign Ministry,'), normaliseSource('russian foreign ministry'));
  });
});

const run = runCli;

/** Three annotators. a.txt: Assad agreed; Putin PERSON, PERSON, ORG; Moscow by ana and bob only; one claim each. b.txt: Geneva boundary. */
function corpus(): BuiltCorpus {
  return aCorpus()
    .withArticle('a.txt', A)
    .annotatedBy(['ana', 'bob'], (l) => l.withEntity('Bashar al-Assad', 'PERSON').withEntity('Vladimir Putin', 'PERSON').withEntity('Moscow', 'PLACE')
      .withClaim('met Vladimir Putin in Moscow on Monday', { source: 'the Kremlin', factuality: 'reported', confidence: 0.8 }))
    .annotatedBy('cat', (l) => l.withEntity('Bashar al-Assad', 'PERSON').withEntity('Vladimir Putin', 'ORG')
      .withClaim('met Vladimir Putin in Moscow', { source: 'Kremlin', factuality: 'asserted', confidence: 0.6 }))
    .withArticle('sub/b.txt', B)
    .annotatedBy(['ana', 'cat'], (l) => l.withEntity('Moscow', 'PLACE').withEntity('Geneva', 'PLACE'))
    .annotatedBy('bob', (l) => l.withEntity('Moscow', 'PLACE').withEntity('in Geneva', 'PLACE'))
    .build();
}

describe('sift agree', () => {
  let c: BuiltCorpus;
  beforeEach(() => { c = corpus(); });
  afterEach(() => c.remove());

  it('--json prints the issue\'s shape with counts, on a three-annotator corpus', async () => {
    const r = await run(['agree', '--json'], c.dir);
    assert.strictEqual(r.code, 0, r.err);
    const j = JSON.parse(r.out) as AgreementReport;
    assert.strictEqual(j.unit, 'code points');
    assert.deepStrictEqual(j.annotators, ['ana', 'bob', 'cat']);
    assert.deepStrictEqual(j.pairs.map((p) => `${p.a}-${p.b}`), ['ana-bob', 'ana-cat', 'bob-cat']);
    const [anaBob, anaCat] = j.pairs;
    // ana × bob: 5 spans each; 4 exact (all but Geneva / in Geneva); overlap 5.
    assert.strictEqual(anaBob.f1.micro, 8 / 10);
    assert.strictEqual(anaBob.overlap_f1.micro, 1);
    assert.strictEqual(anaBob.f1.PLACE, 4 / 6);
    // ana × cat: ana 5, cat 4; exact Assad, Moscow, Geneva = 3; PERSON 1 of (2+1).
    assert.strictEqual(anaCat.f1.micro, 6 / 9);
    assert.strictEqual(anaCat.f1.PERSON, 2 / 3);
    assert.strictEqual(anaCat.f1.ORG, 0);
    assert.ok(!('DATE' in anaCat.f1), 'labels nobody used are left out');
    for (const k of ['kappa', 'used', 'excluded']) assert.ok(k in anaBob, k);
    assert.strictEqual(anaBob.excluded, 0);
    for (const v of [j.fleiss_kappa, j.alpha]) assert.ok(v !== null && v < 1 && v > 0, String(v));
    assert.ok(typeof j.alpha_u.overall === 'number' && 'PERSON' in j.alpha_u);
    assert.strictEqual(j.claims.claims, 3);
    assert.strictEqual(j.claims.matched, 1);
    // 'the Kremlin' and 'Kremlin' are one source once normalised: no variation at all, so α is 0/0 and says so.
    assert.strictEqual(j.claims.source_alpha.value, null);
    assert.match(j.claims.source_alpha.why ?? '', /no variation/);
    assert.strictEqual(j.claims.factuality_alpha.used, 1);
    assert.strictEqual(j.claims.pairs[0].f1, 1);
    assert.strictEqual(j.claims.pairs[1].f1, 0);
    assert.strictEqual(j.claims.pairs[1].overlap_f1, 1);
    assert.strictEqual(j.counts.articles, 2);
    assert.strictEqual(j.articles.length, 2);
  });

  it('prints a table by default, CSV with --csv, and gates CI with --min-f1', async () => {
    const t = await run(['agree'], c.dir);
    assert.strictEqual(t.code, 0, t.err);
    assert.match(t.out, /ana × bob\s+0\.800\s+1\.000/);
    assert.match(t.out, /code points/);
    const csv = await run(['agree', '--csv'], c.dir);
    assert.match(csv.out, /^measure,a,b,label,value,used,excluded\n/);
    assert.match(csv.out, /\nf1,ana,bob,micro,0\.8,10,\n/);
    const pass = await run(['agree', '--min-f1', '0.4'], c.dir);
    assert.strictEqual(pass.code, 0, pass.err);
    const fail = await run(['agree', '--min-f1', '0.7', '--json'], c.dir);
    assert.strictEqual(fail.code, 1);
    assert.match(fail.err, /ana × cat micro exact F1 0\.667 is below 0\.7/);
    assert.strictEqual((await run(['agree', '--min-f1', 'x'], c.dir)).code, 2);
  });

  it('--annotators and --labels restrict the comparison; gold is never an annotator', async () => {
    const r = await run(['agree', '--annotators', 'ana,cat', '--labels', 'PERSON', '--json'], c.dir);
    const j = JSON.parse(r.out) as { annotators: string[]; labels: string[]; pairs: { f1: Record<string, number> }[] };
    assert.deepStrictEqual(j.annotators, ['ana', 'cat']);
    assert.deepStrictEqual(j.labels, ['PERSON']);
    assert.strictEqual(j.pairs[0].f1.micro, 2 / 3);
    assert.strictEqual((await run(['agree', '--annotators', 'ana,gold'], c.dir)).code, 2);
  });

  it('--with-detector adds sift-detector as an annotator', async () => {
    const r = await run(['agree', '--with-detector', '--json'], c.dir);
    const j = JSON.parse(r.out) as { annotators: string[]; pairs: { a: string; b: string; f1: Record<string, number> }[] };
    assert.deepStrictEqual(j.annotators, ['ana', 'bob', 'cat', 'sift-detector']);
    assert.strictEqual(j.pairs.length, 6);
    assert.ok(j.pairs.filter((p) => p.b === 'sift-detector').every((p) => p.f1.micro > 0));
    const claims = (j as unknown as AgreementReport).claims;
    assert.ok(claims.pairs.every((p) => p.b !== 'sift-detector'), 'the detector makes no claims and is left out of claim agreement');
  });

  it('escapes control and bidi characters of names from data in the table', async () => {
    const name = 'evil\u202e.txt';
    fs.writeFileSync(path.join(c.dir, name), A);
    for (const who of ['ana', 'bob']) fs.copyFileSync(c.sidecarPath('a.txt', who), path.join(c.dir, `evil\u202e.${who}.ann.yaml`));
    for (const who of ['ana', 'bob']) {
      const f = path.join(c.dir, `evil\u202e.${who}.ann.yaml`);
      fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('article: a.txt', `article: "${name.replace('\u202e', '\\u202E')}"`));
    }
    const r = await run(['agree'], c.dir);
    assert.ok(!r.out.includes('\u202e'), r.out);
    const j = JSON.parse((await run(['agree', '--json'], c.dir)).out) as AgreementReport;
    assert.ok(j.articles.some((a) => a.article === name), 'JSON keeps the name as it is');
  });

  it('reports an unreadable sidecar, skips its article and exits 1', async () => {
    fs.writeFileSync(path.join(c.dir, 'sub', 'b.dan.ann.yaml'), 'sift: [unclosed\n');
    const r = await run(['agree', '--json'], c.dir);
    assert.strictEqual(r.code, 1);
    assert.match(r.err, /b\.dan\.ann\.yaml cannot be read; sub\/b\.txt skipped/);
    assert.strictEqual((JSON.parse(r.out) as { counts: { articles: number } }).counts.articles, 1);
  });

  it('the built dist/cli.js prints the same JSON', function () {
    this.timeout(20_000);
    const cli = path.resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');
    const r = spawnSync(process.execPath, [cli, 'agree', '--json'], { cwd: c.dir, encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    const j = JSON.parse(r.stdout) as { pairs: { f1: { micro: number } }[] };
    assert.strictEqual(j.pairs[0].f1.micro, 0.8);
  });

  it('CSV keeps negative figures as numbers and defuses formula-like text', () => {
    const layer = (who: string, f: (l: LayerBuilder) => LayerBuilder) => ({ annotator: who, layer: f(aLayer().by(who).forArticle(A, 'a.txt')).build() });
    const r = agreement([{ article: 'a.txt', text: A, layers: [layer('ana', (l) => l.withEntity('Vladimir Putin', '=X')), layer('bob', (l) => l.withEntity('Moscow', '=X'))] }]);
    const csv = agreementCsv(r);
    assert.ok(r.pairs[0].kappa !== null && r.pairs[0].kappa < 0);
    assert.match(csv, /\nkappa,ana,bob,,-0\.\d+,/);
    assert.match(csv, /\nf1,ana,bob,'=X,0,/);
    assert.doesNotMatch(csv, /,=X/);
  });
});
