import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { runCli } from './helpers/runCli';
import { Layer } from '../../src/core/model';
import { readSidecarFast } from '../../src/core/store/sidecarFormat';
import { BuiltCorpus, aCorpus } from '../builders/corpus';

const A = 'Syrian President Bashar al-Assad met Vladimir Putin in Moscow on Monday, the Kremlin said.';
const B = 'Moscow said on Monday that Damascus had asked for talks in Geneva.';

/**
 * Two articles, three annotators. a.txt: Assad agreed by all; Putin PERSON (ana, bob) vs ORG (cat); Moscow ana and
 * bob, cat nothing. sub/b.txt: Moscow agreed by all; Geneva a boundary disagreement between ana and bob.
 */
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

const run = runCli;

function goldOf(c: BuiltCorpus, article: string): Layer | undefined {
  const file = path.join(c.dir, article.replace(/\.txt$/, '.gold.ann.yaml'));
  return fs.existsSync(file) ? readSidecarFast(fs.readFileSync(file, 'utf8'), file) : undefined;
}

const labels = (l: Layer | undefined) => (l?.entities ?? []).map((e) => `${e.label}:${e.quote}`).sort();

describe('sift review', () => {
  let c: BuiltCorpus;
  beforeEach(() => { c = corpus(); });
  afterEach(() => c.remove());

  it('--merge writes unanimous units into gold sidecars with provenance, and a re-run adds nothing', async () => {
    const r = await run(['review', '--merge', '.', '--adjudicator', 'lead'], c.dir);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /2 article\(s\), unanimous: 2 gold annotation\(s\) added in 2 gold sidecar\(s\) by lead; 0 skipped/);
    const a = goldOf(c, 'a.txt');
    assert.deepStrictEqual(labels(a), ['PERSON:Bashar al-Assad']);
    assert.deepStrictEqual(a?.entities[0].from?.map((t) => t.annotator), ['ana', 'bob', 'cat']);
    assert.strictEqual(a?.entities[0].adjudicator, 'lead');
    assert.strictEqual(a?.header.status, 'in-review');
    assert.deepStrictEqual(labels(goldOf(c, 'sub/b.txt')), ['PLACE:Moscow']);
    const before = fs.readFileSync(c.sidecarPath('a.txt', 'gold'), 'utf8');
    const again = await run(['review', '--merge', '--adjudicator', 'lead'], c.dir);
    assert.match(again.out, /: 0 gold annotation\(s\) added in 0 gold sidecar\(s\)/);
    assert.strictEqual(fs.readFileSync(c.sidecarPath('a.txt', 'gold'), 'utf8'), before, 'the gold sidecar is untouched');
  });

  it('--merge with majority and agreed, on one article; decisions already in gold are kept', async () => {
    const m = await run(['review', '--merge', 'a.txt', '--strategy', 'majority', '--adjudicator', 'lead'], c.dir);
    assert.strictEqual(m.code, 0, m.err);
    assert.deepStrictEqual(labels(goldOf(c, 'a.txt')), ['PERSON:Bashar al-Assad', 'PERSON:Vladimir Putin', 'PLACE:Moscow']);
    assert.strictEqual(goldOf(c, 'sub/b.txt'), undefined, 'only the article named');
    const g = await run(['review', '--merge', 'sub', '--strategy', 'agreed', '--adjudicator', 'lead'], c.dir);
    assert.strictEqual(g.code, 0, g.err);
    assert.deepStrictEqual(labels(goldOf(c, 'sub/b.txt')), ['PLACE:Moscow'], 'Geneva is a boundary disagreement');
    const strict = await run(['review', '--merge', '--strategy', 'majority', '--min-votes', '3', '--adjudicator', 'lead'], c.dir);
    assert.match(strict.out, /0 gold annotation\(s\) added/);
    assert.deepStrictEqual(labels(goldOf(c, 'a.txt')), ['PERSON:Bashar al-Assad', 'PERSON:Vladimir Putin', 'PLACE:Moscow']);
  });

  it('--status prints units and open disagreements per state, and the statuses; --json too', async () => {
    const r = await run(['review', '--status'], c.dir);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /^a\.txt: 3 unit\(s\), 2 open \(label 1, missing 1\); agreed 1, label 1, missing 1; ana annotating, bob annotating, cat annotating$/m);
    assert.match(r.out, /^sub\/b\.txt: 2 unit\(s\), 1 open \(boundary 1\); agreed 1, boundary 1;/m);
    await run(['review', '--merge', '--adjudicator', 'lead'], c.dir);
    const j = await run(['review', '--status', '--json'], c.dir);
    const rows = JSON.parse(j.out) as { article: string; units: number; open: number; byState: Record<string, number>; statuses: { annotator: string; status: string }[] }[];
    assert.deepStrictEqual(rows.map((x) => [x.article, x.units, x.open, x.byState.adjudicated]), [['a.txt', 3, 2, 1], [path.join('sub', 'b.txt'), 2, 1, 1]]);
    assert.deepStrictEqual(rows[0].statuses.at(-1), { annotator: 'gold', status: 'in-review' });
  });

  it('--units prints one article\'s units with state and versions', async () => {
    const r = await run(['review', '--units', 'a.txt'], c.dir);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /^a\.txt: 3 unit\(s\), compared ana, bob, cat$/m);
    assert.match(r.out, /^37-51 entity label$/m);
    assert.match(r.out, /^ {4}PERSON · "Vladimir Putin" 37-51 · ana, bob$/m);
    assert.match(r.out, /^ {4}ORG · "Vladimir Putin" 37-51 · cat$/m);
    assert.match(r.out, /^55-61 entity missing missing: cat$/m);
    const j = JSON.parse((await run(['review', '--units', c.sidecarPath('sub/b.txt', 'bob'), '--json'], c.dir)).out) as { units: { state: string }[] };
    assert.deepStrictEqual(j.units.map((u) => u.state), ['agreed', 'boundary']);
  });

  it('reports a broken sidecar and skips its article, never writing over it', async () => {
    const bad = c.sidecarPath('a.txt', 'cat');
    fs.writeFileSync(bad, 'sift: 1\nentities: [oops\n');
    const brokenGold = c.sidecarPath('sub/b.txt', 'gold');
    fs.writeFileSync(brokenGold, 'not: [valid\n');
    const r = await run(['review', '--merge', '--adjudicator', 'lead'], c.dir);
    assert.strictEqual(r.code, 1);
    assert.match(r.err, /a\.cat\.ann\.yaml cannot be read; a\.txt skipped/);
    assert.match(r.err, /b\.txt skipped/);
    assert.strictEqual(goldOf(c, 'a.txt'), undefined);
    assert.strictEqual(fs.readFileSync(bad, 'utf8'), 'sift: 1\nentities: [oops\n');
    assert.strictEqual(fs.readFileSync(brokenGold, 'utf8'), 'not: [valid\n');
    assert.ok(!fs.existsSync(brokenGold.replace('.ann.yaml', '.ann.recovery.yaml')), 'no recovery file either');
    const s = await run(['review', '--status'], c.dir);
    assert.strictEqual(s.code, 1);
    assert.match(s.err, /a\.txt skipped/);
  });

  it('shows hostile quotes escaped and rejects bad options', async () => {
    const h = aCorpus().withArticle('h.txt', 'Evil \u001b[31mRED\u001b[0m here.').annotatedBy('ana', (l) => l.withEntity('\u001b[31mRED', 'ORG')).build();
    try {
      const r = await run(['review', '--units', 'h.txt'], h.dir);
      assert.strictEqual(r.code, 0, r.err);
      assert.ok(!r.out.includes('\u001b'), 'no raw escape sequence reaches the terminal');
      assert.match(r.out, /"\\u001b\[31mRED"/);
    } finally {
      h.remove();
    }
    assert.strictEqual((await run(['review', '--merge', '--strategy', 'best'], c.dir)).code, 2);
    assert.strictEqual((await run(['review', '--merge', '--min-votes', '2'], c.dir)).code, 2);
    assert.strictEqual((await run(['review'], c.dir)).code, 2);
    assert.strictEqual((await run(['review', '--status', 'nope'], c.dir)).code, 1);
  });
});

describe('sift review on an article changed since it was annotated', () => {
  it('--merge leaves out annotations whose text is gone (orphaned) instead of crashing, and merges the rest', async () => {
    const text = 'Moscow said on Monday that Damascus had asked for talks.\nThe talks in Geneva were put off, Tass reported on a long Tuesday afternoon.';
    const c = aCorpus()
      .withArticle('c.txt', text)
      .annotatedBy(['ana', 'bob'], (l) => l.withEntity('Moscow', 'PLACE').withEntity('Tass', 'ORG'))
      .editedTo('Moscow said on Monday that Damascus had asked for talks.')
      .build();
    try {
      const r = await run(['review', '--merge', '.', '--adjudicator', 'lead'], c.dir);
      assert.strictEqual(r.code, 0, r.err);
      assert.deepStrictEqual(labels(goldOf(c, 'c.txt')), ['PLACE:Moscow'], 'the orphaned Tass is not put into gold at stale offsets');
    } finally {
      c.remove();
    }
  });
});
