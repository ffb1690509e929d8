import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { withLockAsync } from '../../src/core/store/lock';
import { readSidecarFast } from '../../src/core/store/sidecarFormat';
import { runCli } from './helpers/runCli';
import { BuiltCorpus, aCorpus } from '../builders/corpus';

const A = 'Syrian President Bashar al-Assad met Vladimir Putin in Moscow on Monday, the Kremlin said.';

describe('sift review --merge with a gold sidecar locked by another writer', () => {
  let c: BuiltCorpus;
  beforeEach(() => {
    c = aCorpus()
      .withArticle('a.txt', A).annotatedBy(['ana', 'bob'], (l) => l.withEntity('Bashar al-Assad', 'PERSON'))
      .withArticle('b.txt', A).annotatedBy(['ana', 'bob'], (l) => l.withEntity('Moscow', 'PLACE'))
      .withArticle('sub/c.txt', A).annotatedBy(['ana', 'bob'], (l) => l.withEntity('Kremlin', 'ORG'))
      .build();
  });
  afterEach(() => c.remove());

  const annotatorFiles = () => ['a.txt', 'b.txt', 'sub/c.txt'].flatMap((a) => ['ana', 'bob'].map((n) => fs.readFileSync(c.sidecarPath(a, n), 'utf8')));

  it('skips that article with a message, merges the others, lists it at the end and exits 1; a later run merges it', async () => {
    const before = annotatorFiles();
    const gold = c.sidecarPath('b.txt', 'gold');
    // Held (by this process, as another writer would) for the whole run: the merge waits the lock's time, then skips b.
    const r = await withLockAsync(gold, () => runCli(['review', '--merge', '.', '--adjudicator', 'lead', '--seed', '1'], c.dir));
    assert.strictEqual(r.code, 1, r.err);
    assert.match(r.err, /sift review: b\.txt skipped: its gold sidecar is locked by another writer \(b\.gold\.ann\.yaml\.lock\); nothing written/);
    assert.match(r.err, /1 article\(s\) not merged, their gold sidecar locked by another writer: b\.txt; run the merge again for them\n$/);
    assert.match(r.out, /3 article\(s\), unanimous: 2 gold annotation\(s\) added in 2 gold sidecar\(s\) by lead; 1 skipped/);
    assert.ok(!fs.existsSync(gold), 'nothing written to the locked gold sidecar');
    assert.ok(!fs.existsSync(`${gold}.lock`), 'the lock is released');
    for (const [article, quote] of [['a.txt', 'Bashar al-Assad'], ['sub/c.txt', 'Kremlin']]) {
      const file = c.sidecarPath(article, 'gold');
      assert.deepStrictEqual(readSidecarFast(fs.readFileSync(file, 'utf8'), file).entities.map((e) => e.quote), [quote]);
    }
    assert.deepStrictEqual(annotatorFiles(), before, 'the annotators\' sidecars are untouched');
    assert.deepStrictEqual(fs.readdirSync(c.dir).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock')), []);
    const again = await runCli(['review', '--merge', '.', '--adjudicator', 'lead'], c.dir);
    assert.strictEqual(again.code, 0, again.err);
    assert.match(again.out, /1 gold annotation\(s\) added in 1 gold sidecar\(s\)/);
    assert.deepStrictEqual(readSidecarFast(fs.readFileSync(gold, 'utf8'), gold).entities.map((e) => e.quote), ['Moscow']);
  });
});

describe('sift review --merge and gold sidecars outside the workspace', () => {
  it('refuses a gold sidecar that links out of the root, also for the second article of a folder already checked', async () => {
    const c = aCorpus()
      .withArticle('a.txt', A).annotatedBy(['ana', 'bob'], (l) => l.withEntity('Moscow', 'PLACE'))
      .withArticle('b.txt', A).annotatedBy(['ana', 'bob'], (l) => l.withEntity('Moscow', 'PLACE'))
      .build();
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-outside-'));
    try {
      const target = path.join(outside, 'elsewhere.yaml');
      fs.writeFileSync(target, '');
      fs.symlinkSync(target, c.sidecarPath('b.txt', 'gold'));
      const r = await runCli(['review', '--merge', '.', '--adjudicator', 'lead'], c.dir);
      assert.strictEqual(r.code, 1, r.err);
      assert.match(r.err, /b\.txt skipped: .*outside the workspace/);
      assert.strictEqual(fs.readFileSync(target, 'utf8'), '', 'nothing written outside the root');
      assert.ok(fs.existsSync(c.sidecarPath('a.txt', 'gold')));
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
      c.remove();
    }
  });
});
