// `sift review --merge` in worker threads (src/cli/reviewParallel.ts) against the same merge on one thread, and the
// shares the corpus is cut into.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { runCli } from './helpers/runCli';
import { aCorpus } from '../builders/corpus';
import { shares } from '../../src/cli/reviewParallel';

const A = 'Syrian President Bashar al-Assad met Vladimir Putin in Moscow on Monday, the Kremlin said.';
const B = 'Russian diplomats left Damascus for Hmeimim, where Moscow keeps an air base, on 12 December.';

/** Every file under `dir` with its bytes, times masked (each run adjudicates at its own time). */
function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p), fs.readFileSync(p, 'utf8').replace(/\d{4}-\d\d-\d\dT[\d:]+Z/g, '<time>'));
    }
  };
  walk(dir);
  return out;
}

/** 40 articles in three folders and a flat one: diverging layers, an unreadable sidecar, a gold already begun. */
function corpus(): string {
  let c = aCorpus();
  for (let i = 0; i < 40; i++) {
    const name = `${['news', 'flat', 'deep/er'][i % 3]}/a${String(i).padStart(2, '0')}.txt`;
    c = c.withArticle(name, i % 2 ? A : B).annotatedBy(['ana', 'bob', 'cat'], (l) => {
      const who = l.annotator;
      const t = i % 2 ? A : B;
      const ents = t === A ? [['Bashar al-Assad', 'PERSON'], ['Moscow', 'PLACE'], ['Kremlin', 'ORG']] : [['Damascus', 'PLACE'], ['Hmeimim', 'PLACE'], ['Moscow', 'PLACE']];
      return ents.reduce((x, [q, label], k) => ((i + k) % 4 === 0 && who === 'cat' ? x : x.withEntity(q, (i + k) % 5 === 0 && who === 'bob' ? 'ORG' : label)), l);
    });
    if (i === 7) c = c.withRawSidecar('dan', 'sift: 1\nentities: [oops\n');
    if (i === 11) c = c.annotatedBy('gold', (l) => l.rejecting(i % 2 ? 'Kremlin' : 'Hmeimim', i % 2 ? 'ORG' : 'PLACE'));
  }
  return c.build().dir;
}

describe('sift review --merge in worker threads', function () {
  this.timeout(120_000); // workers start once per run: nine runs of 40 articles
  const made: string[] = [];
  after(() => { for (const d of made) fs.rmSync(d, { recursive: true, force: true }); });
  const copy = (dir: string): string => {
    const to = `${dir}-copy${made.length}`;
    fs.cpSync(dir, to, { recursive: true });
    made.push(to);
    return to;
  };

  it('writes the same gold bytes, output and exit code with 1, 2 and 3 workers, for every strategy in turn', async () => {
    const base = corpus();
    made.push(base);
    const [one, two, three] = [copy(base), copy(base), copy(base)];
    for (const strategy of ['unanimous', 'agreed', 'majority']) {
      const args = ['review', '--merge', '.', '--strategy', strategy, '--seed', 's1', '--adjudicator', 'lead', '--json'];
      const r1 = await runCli([...args, '--jobs', '1'], one);
      for (const [dir, jobs] of [[two, '2'], [three, '3']]) {
        const r = await runCli([...args, '--jobs', jobs], dir);
        assert.strictEqual(r.code, r1.code, `${strategy}, ${jobs} workers: exit code`);
        assert.strictEqual(r.out.replace(/\d{4}-\d\d-\d\dT[\d:]+Z/g, '<time>'), r1.out.replace(/\d{4}-\d\d-\d\dT[\d:]+Z/g, '<time>'), `${strategy}, ${jobs} workers: output`);
        assert.strictEqual(r.err.split(dir).join('<dir>'), r1.err.split(one).join('<dir>'), `${strategy}, ${jobs} workers: messages`);
        assert.deepStrictEqual(files(dir), files(one), `${strategy}, ${jobs} workers: files`);
      }
      assert.strictEqual(r1.code, 1, 'the unreadable sidecar skips its article');
      assert.match(r1.err, /a07\.dan\.ann\.yaml cannot be read/);
    }
    const golds = [...files(one).keys()].filter((f) => f.endsWith('.gold.ann.yaml'));
    assert.ok(golds.length >= 35, `gold written for most articles (${golds.length})`);
  });

  it('falls back to one thread, with the same result, when a sidecar names another article than its file name', async () => {
    const base = corpus();
    made.push(base);
    // Named for zz but saying it annotates a00: only a reader of every sidecar knows a00 has a fourth layer, and with
    // six workers zz's share is not a00's.
    const stray = fs.readFileSync(path.join(base, 'news', 'a00.ana.ann.yaml'), 'utf8').replace('annotator: ana', 'annotator: eve');
    fs.writeFileSync(path.join(base, 'news', 'zz.eve.ann.yaml'), stray);
    const [one, two] = [copy(base), copy(base)];
    const args = ['review', '--merge', '.', '--strategy', 'unanimous', '--seed', 's1', '--adjudicator', 'lead'];
    const r1 = await runCli([...args, '--jobs', '1'], one);
    const r2 = await runCli([...args, '--jobs', '6'], two);
    assert.strictEqual(r2.code, r1.code);
    assert.deepStrictEqual(files(two), files(one));
    assert.match(files(one).get(path.join('news', 'a00.gold.ann.yaml')) ?? '', /annotator: eve/, 'the stray layer took part in a00\'s merge');
  });
});

describe('shares of a corpus for the workers', () => {
  it('puts every sidecar in exactly one share, an article\'s sidecars together, in path order, at most one share per job', () => {
    const name = fc.tuple(fc.constantFrom('', 'x/', 'x/y/', 'x-y/'), fc.constantFrom('a', 'b', 'a.b', 'c'), fc.constantFrom('ana', 'bob', 'gold'));
    fc.assert(fc.property(fc.uniqueArray(name, { selector: (n) => n.join('|'), maxLength: 40 }), fc.integer({ min: 1, max: 6 }), (names, jobs) => {
      const found = names.map(([dir, stem, who]) => ({ file: `/c/${dir}${stem}.${who}.ann.yaml`, root: '/c' }));
      const parts = shares(found, jobs);
      assert.ok(parts.length <= jobs);
      assert.deepStrictEqual(parts.flat().map((f) => f.file).sort(), found.map((f) => f.file).sort());
      const group = (f: string) => f.slice(0, f.lastIndexOf('.', f.length - '.ann.yaml'.length - 1));
      const owner = new Map<string, number>();
      parts.forEach((p, i) => p.forEach((f) => {
        assert.strictEqual(owner.get(group(f.file)) ?? i, i, `${f.file}'s article is in one share`);
        owner.set(group(f.file), i);
      }));
      const firsts = parts.map((p) => group(p[0].file));
      assert.deepStrictEqual([...firsts].sort(), firsts, 'shares in path order');
      for (const p of parts) assert.ok(p.length > 0);
    }));
  });
});
