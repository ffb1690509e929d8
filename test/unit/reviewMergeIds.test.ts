import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { idsFor, randomId, seededIds } from '../../src/core/session/ids';
import { runCli } from './helpers/runCli';
import { aCorpus } from '../builders/corpus';

const ID = /^[ecx]-[0-9a-f]{8}$/;

describe('ids of new annotations', () => {
  it('random ids have the sidecar id form and do not repeat', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => randomId(i % 3 === 0 ? 'entity' : i % 3 === 1 ? 'claim' : 'dismissal'));
    for (const id of ids) assert.match(id, ID);
    assert.strictEqual(new Set(ids).size, ids.length);
    assert.strictEqual(idsFor('a.txt/gold'), randomId, 'no seed: random');
  });

  it('seeded ids depend on the seed, the layer and their order only', () => {
    const take = (seed: string, scope: string) => { const next = seededIds(seed, scope); return [next('entity'), next('claim'), next('dismissal')]; };
    const a = take('1', 'a.txt/gold');
    for (const id of a) assert.match(id, ID);
    assert.deepStrictEqual(a.map((id) => id[0]), ['e', 'c', 'x']);
    assert.deepStrictEqual(take('1', 'a.txt/gold'), a);
    assert.notDeepStrictEqual(take('2', 'a.txt/gold'), a);
    assert.notDeepStrictEqual(take('1', 'b.txt/gold'), a);
    assert.strictEqual(new Set(a.map((id) => id.slice(2))).size, 3);
  });
});

describe('sift review --merge --seed', () => {
  const A = 'Syrian President Bashar al-Assad met Vladimir Putin in Moscow on Monday, the Kremlin said.';
  const made: string[] = [];
  const copy = (): string => {
    const dir = aCorpus().withArticle('a.txt', A).annotatedBy(['ana', 'bob', 'cat'], (l) => l.withEntity('Bashar al-Assad', 'PERSON').withEntity('Moscow', 'PLACE').withEntity('Kremlin', 'ORG'))
      .withArticle('sub/b.txt', A).annotatedBy(['ana', 'bob'], (l) => l.withEntity('Vladimir Putin', 'PERSON')).build().dir;
    made.push(dir);
    return dir;
  };
  after(() => { for (const d of made) fs.rmSync(d, { recursive: true, force: true }); });
  const gold = (dir: string, f: string) => fs.readFileSync(path.join(dir, f), 'utf8').replace(/\d{4}-\d\d-\d\dT[\d:]+Z/g, '<time>');

  it('two copies merged with the same seed get the same gold bytes (times aside); SIFT_ID_SEED does the same; no seed gives random ids', async () => {
    const [x, y, z, w] = [copy(), copy(), copy(), copy()];
    for (const d of [x, y]) assert.strictEqual((await runCli(['review', '--merge', '.', '--seed', 's1', '--adjudicator', 'lead'], d)).code, 0);
    const before = process.env.SIFT_ID_SEED;
    process.env.SIFT_ID_SEED = 's1';
    try {
      assert.strictEqual((await runCli(['review', '--merge', '.', '--adjudicator', 'lead'], z)).code, 0);
    } finally {
      if (before === undefined) delete process.env.SIFT_ID_SEED;
      else process.env.SIFT_ID_SEED = before;
    }
    assert.strictEqual((await runCli(['review', '--merge', '.', '--adjudicator', 'lead'], w)).code, 0);
    for (const f of ['a.gold.ann.yaml', path.join('sub', 'b.gold.ann.yaml')]) {
      assert.strictEqual(gold(y, f), gold(x, f), f);
      assert.strictEqual(gold(z, f), gold(x, f), `${f} with SIFT_ID_SEED`);
      assert.notStrictEqual(gold(w, f), gold(x, f), `${f} without a seed`);
    }
    assert.match(gold(x, 'a.gold.ann.yaml'), /id: e-[0-9a-f]{8}/);
  });

  it('refuses --seed without a value or outside --merge', async () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-seed-'));
    made.push(d);
    assert.strictEqual((await runCli(['review', '--status', '--seed', 'x'], d)).code, 2);
    assert.strictEqual((await runCli(['review', '--merge', '--seed', ''], d)).code, 2);
  });
});
