// Assignments: placement (determinism, balance, overlap, stability), the file (layout, schema, hostile input), progress,
// and how review and agreement use it; the `sift assign` CLI.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import {
  ASSIGNMENTS_FILE, AssignmentError, Assignments, loadsOf, parseAssignments, planAssignments, progressOf, queueOf, serializeAssignments,
} from '../../src/core/corpus/assignments';
import { assignedArticle, comparedFor, withAssignmentCounts } from '../../src/core/review/assigned';
import { agreement } from '../../src/core/review/agreement/report';
import { readSidecarFast, serializeSidecar } from '../../src/core/store/sidecarFormat';
import { aLayer } from '../builders/layer';
import { runCli } from './helpers/runCli';

const names = (n: number, prefix = 'a') => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}.txt`);
const spread = (a: Assignments, annotators: readonly string[]) => {
  const loads = [...loadsOf(annotators, a.articles).values()];
  return Math.max(...loads) - Math.min(...loads);
};

function checkPlaced(a: Assignments, articles: readonly string[], overlap: number): void {
  for (const article of articles) {
    const who = a.articles.get(article);
    assert.ok(who, `${article} is assigned`);
    assert.strictEqual(who.length, overlap, `${article} has ${overlap} annotators`);
    assert.strictEqual(new Set(who).size, overlap, `${article}'s annotators are distinct`);
    for (const x of who) assert.ok(a.annotators.includes(x), `${x} is one of the annotators`);
  }
}

describe('assignments: placement', () => {
  it('places every article with exactly `overlap` distinct annotators and balances the load', () => {
    const articles = names(10);
    const { assignments, placed } = planAssignments(articles, { annotators: ['ana', 'bob', 'cat'], overlap: 2, seed: 3 });
    assert.deepStrictEqual(placed, articles);
    checkPlaced(assignments, articles, 2);
    // 20 places over 3 annotators: 7, 7, 6.
    assert.deepStrictEqual([...loadsOf(assignments.annotators, assignments.articles).values()].sort(), [6, 7, 7]);
  });

  it('property: any articles, annotators, overlap and seed: exactly `overlap` distinct annotators each, loads within one', () => {
    const request = fc.record({
      articles: fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{1,8}(\/[a-z0-9]{1,8})?\.txt$/), { maxLength: 60 }),
      people: fc.integer({ min: 1, max: 9 }),
      seed: fc.nat(),
    }).chain((r) => fc.record({ r: fc.constant(r), overlap: fc.integer({ min: 1, max: r.people }) }));
    fc.assert(fc.property(request, ({ r, overlap }) => {
      const annotators = Array.from({ length: r.people }, (_, i) => `p${i}`);
      const { assignments } = planAssignments(r.articles, { annotators, overlap, seed: r.seed });
      checkPlaced(assignments, r.articles, overlap);
      assert.strictEqual(assignments.articles.size, r.articles.length);
      assert.ok(spread(assignments, annotators) <= 1, 'max - min load <= 1');
    }), { numRuns: 200 });
  });

  it('is deterministic: the same seed and articles give the same file, in any input order; another seed may differ', () => {
    const articles = names(30);
    const request = { annotators: ['cat', 'ana', 'bob', 'dan'], overlap: 2, seed: 42 };
    const one = serializeAssignments(planAssignments(articles, request).assignments);
    const two = serializeAssignments(planAssignments([...articles].reverse(), { ...request, annotators: ['dan', 'bob', 'ana', 'cat'] }).assignments);
    assert.strictEqual(two, one);
    const other = serializeAssignments(planAssignments(articles, { ...request, seed: 43 }).assignments);
    assert.notStrictEqual(other, one, 'the seed decides the ties');
  });

  it('spreads the pairs: with 4 annotators and overlap 2, every pair shares some article', () => {
    const { assignments } = planAssignments(names(24), { annotators: ['ana', 'bob', 'cat', 'dan'], overlap: 2, seed: 1 });
    const pairs = new Set([...assignments.articles.values()].map((w) => w.join('+')));
    assert.strictEqual(pairs.size, 6, [...pairs].join(' '));
  });

  it('is stable: placing again keeps every existing entry and places only new articles, balancing the totals', () => {
    const first = planAssignments(names(7), { annotators: ['ana', 'bob', 'cat'], overlap: 2, seed: 5 }).assignments;
    const more = [...names(7), ...names(5, 'b')];
    const second = planAssignments(more, { annotators: ['ana', 'bob', 'cat'], overlap: 2 }, first);
    assert.deepStrictEqual(second.placed, names(5, 'b'));
    assert.strictEqual(second.assignments.seed, 5, 'the file\'s seed is kept');
    for (const [article, who] of first.articles) assert.deepStrictEqual(second.assignments.articles.get(article), who);
    assert.ok(spread(second.assignments, ['ana', 'bob', 'cat']) <= 1);
    // A new annotator takes the new articles first, so the totals come closer.
    const third = planAssignments([...more, ...names(6, 'c')], { annotators: ['ana', 'bob', 'cat', 'dan'], overlap: 2 }, second.assignments);
    const loads = loadsOf(third.assignments.annotators, third.assignments.articles);
    assert.strictEqual(loads.get('dan'), 6, 'dan gets a place in every new article');
    for (const [article, who] of second.assignments.articles) assert.deepStrictEqual(third.assignments.articles.get(article), who);
  });

  it('property: adding articles in rounds keeps earlier entries and the loads within one', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 1, maxLength: 5 }), fc.nat(), (rounds, seed) => {
      const annotators = ['ana', 'bob', 'cat', 'dan', 'eve'];
      let file: Assignments | undefined;
      let all: string[] = [];
      rounds.forEach((n, k) => {
        all = [...all, ...names(n, `r${k}-`)];
        const next = planAssignments(all, { annotators, overlap: 3, seed }, file).assignments;
        for (const [article, who] of file?.articles ?? []) assert.deepStrictEqual(next.articles.get(article), who);
        file = next;
      });
      assert.ok(file && spread(file, annotators) <= 1);
    }), { numRuns: 100 });
  });

  it('refuses overlap above the number of annotators, and other bad requests, with a clear error', () => {
    const bad = (request: Parameters<typeof planAssignments>[1], message: RegExp, existing?: Assignments) =>
      assert.throws(() => planAssignments(['a.txt'], request, existing), (e: unknown) => e instanceof AssignmentError && message.test(e.message));
    bad({ annotators: ['ana', 'bob'], overlap: 3 }, /--overlap 3 is more than the 2 annotator\(s\) given/);
    bad({ annotators: ['ana'], overlap: 0 }, /--overlap needs a whole number of at least 1/);
    bad({ annotators: [], overlap: 1 }, /at least one annotator/);
    bad({ annotators: ['ana', 'gold'], overlap: 1 }, /'gold' is not an annotator id/);
    bad({ annotators: ['Ana Smith'], overlap: 1 }, /'Ana Smith' is not an annotator id/);
    bad({ annotators: ['ana', 'ana'], overlap: 1 }, /named twice/);
    bad({ annotators: ['ana'], overlap: 1, seed: -1 }, /--seed needs a whole number/);
    const file = planAssignments(['a.txt'], { annotators: ['ana', 'bob'], overlap: 1, seed: 9 }).assignments;
    bad({ annotators: ['ana', 'bob'], overlap: 2 }, /the assignments file has overlap 1/, file);
    bad({ annotators: ['ana', 'bob'], overlap: 1, seed: 10 }, /the assignments file has seed 9/, file);
    bad({ annotators: ['ana'], overlap: 1 }, /bob is in the assignments file but not in --annotators/, file);
    assert.throws(() => planAssignments(['../x.txt'], { annotators: ['ana'], overlap: 1 }), /not a relative article path inside the corpus/);
  });
});

describe('assignments: the file', () => {
  const planned = () => planAssignments(['sub/b.txt', 'a.txt', 'x: y.txt'], { annotators: ['bob', 'ana', 'cat'], overlap: 2, seed: 7 }).assignments;

  it('is written in a fixed, sorted, one-article-a-line layout, and reads back the same', () => {
    const text = serializeAssignments(planned());
    const lines = text.split('\n').filter((l) => !l.startsWith('#') && l);
    assert.deepStrictEqual(lines.slice(0, 4), ['version: 1', 'overlap: 2', 'seed: 7', 'annotators:']);
    const articleLines = lines.slice(lines.indexOf('articles:') + 1);
    assert.deepStrictEqual(articleLines.map((l) => l.trim().split(': [')[0]), ['a.txt', 'sub/b.txt', '"x: y.txt"']);
    for (const l of articleLines) assert.match(l, /^ {2}\S.*: \[[a-z]+, [a-z]+\]$/);
    const back = parseAssignments(text, ASSIGNMENTS_FILE);
    assert.deepStrictEqual(back, planned());
    assert.strictEqual(serializeAssignments(back), text, 'no churn');
  });

  it('property: any article paths and annotator ids read back exactly as written', () => {
    const segment = fc.string({ unit: fc.oneof(fc.constantFrom(...'aZ09_.-: #\'"[]{},&*!|>%@`~?'), fc.constantFrom('é', '中', '😀', '\u00a0')), minLength: 1, maxLength: 10 })
      .filter((x) => x !== '.' && x !== '..' && !/^\s|\s$/.test(x) === !/^\s|\s$/.test(x));
    const articlePath = fc.array(segment, { minLength: 1, maxLength: 3 }).map((xs) => xs.join('/'));
    const slug = fc.oneof(fc.constantFrom('true', 'null', 'false', '123', '1e3', '0x1f', 'no', 'y', 'inf', 'nan'), fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,8}$/)).filter((x) => x !== 'gold');
    fc.assert(fc.property(fc.uniqueArray(slug, { minLength: 1, maxLength: 5 }), fc.uniqueArray(articlePath, { maxLength: 20 }), fc.nat(), (people, paths, seed) => {
      const { assignments } = planAssignments(paths, { annotators: people, overlap: 1, seed });
      const text = serializeAssignments(assignments);
      assert.deepStrictEqual(parseAssignments(text, 'f'), assignments, text);
      assert.deepStrictEqual(parseAssignments(text, 'f', true), assignments, 'the yaml library reads it the same');
    }), { numRuns: 300 });
  });

  it('reads and writes a big file in linear time (a repeated key is found without the quadratic check)', () => {
    const people = Array.from({ length: 10 }, (_, i) => `p${i}`);
    const { assignments } = planAssignments(names(5000), { annotators: people, overlap: 3, seed: 1 });
    const text = serializeAssignments(assignments);
    assert.strictEqual(parseAssignments(text, 'f').articles.size, 5000);
    const twice = `${text}  a000.txt: [p1]\n`;
    const line = text.split('\n').length;
    assert.throws(() => parseAssignments(twice, 'f'), (e: unknown) => e instanceof AssignmentError && e.message === `f:${line}:3: Map keys must be unique ("a000.txt" is repeated)`);
  });

  const header = 'version: 1\noverlap: 1\nseed: 1\nannotators: [ana, bob]\n';
  const rejects = (text: string, message: RegExp) =>
    assert.throws(() => parseAssignments(text, 'f.yaml'), (e: unknown) => e instanceof AssignmentError && message.test(e.message), text);

  it('rejects a malformed or hostile file with a clear error', () => {
    rejects('version: 1\noverlap: [\n', /^f\.yaml:\d+:\d+: /);
    rejects(`${header}articles: {a.txt: [ana], a.txt: [bob]}\n`, /f\.yaml:5:\d+: Map keys must be unique/);
    rejects(`${header}articles:\n  a.txt: &x [ana]\n  b.txt: *x\n`, /Alias/);
    rejects(`${header}articles:\n  ../etc/passwd: [ana]\n`, /propertyName|pattern/);
    rejects(`${header}articles:\n  /abs.txt: [ana]\n`, /pattern/);
    rejects(`${header}articles:\n  a.txt: [eve]\n`, /'eve' is not in annotators/);
    rejects(`${header}articles:\n  a.txt: [ana, ana]\n`, /duplicate items/);
    rejects(`${header}articles:\n  a.txt: [gold]\n`, /pattern/);
    rejects(`${header}articles: {}\nextra: 1\n`, /additional properties/);
    rejects('version: 2\noverlap: 1\nseed: 1\nannotators: [ana]\narticles: {}\n', /\/version: must be equal to constant/);
    rejects('- a\n- b\n', /must be object/);
    rejects('', /must be object/);
  });

  it('checks the layout Sift writes as strictly as any other', () => {
    const written = '# x\n\nversion: 1\noverlap: 1\nseed: 1\nannotators:\n  - ana\n  - bob\narticles:\n';
    assert.strictEqual(parseAssignments(`${written}  a.txt: [ana]\n`, 'f').articles.get('a.txt')?.[0], 'ana');
    rejects(`${written}  ../x.txt: [ana]\n`, /pattern/);
    rejects(`${written}  a.txt: [eve]\n`, /'eve' is not in annotators/);
    rejects(`${written}  a.txt: [ana]\n  a.txt: [bob]\n`, /^f\.yaml:11:3: Map keys must be unique \("a\.txt" is repeated\)$/);
    rejects(`${written}  a.txt: [ana, ana]\n`, /duplicate items/);
    rejects(written.replace('overlap: 1', 'overlap: 0'), /\/overlap: must be >= 1/);
    // A hand edit in another style is read by the yaml library, the same way.
    assert.deepStrictEqual(parseAssignments(`${written}  a.txt:\n    - ana\n  'b.txt': [bob]  # note\n`, 'f').articles, new Map([['a.txt', ['ana']], ['b.txt', ['bob']]]));
  });

  it('reads keys that would be special on an object as plain article names', () => {
    const a = parseAssignments(`${header}articles:\n  __proto__: [ana]\n  constructor: [bob]\n`, 'f.yaml');
    assert.deepStrictEqual([...a.articles.keys()], ['__proto__', 'constructor']);
    assert.strictEqual(({} as Record<string, unknown>).ana, undefined);
  });
});

describe('assignments: progress and queue', () => {
  const a = planAssignments(['a.txt', 'b.txt', 'c.txt', 'd.txt'], { annotators: ['ana', 'bob'], overlap: 2, seed: 1 }).assignments;
  const finished = new Set(['a.txt ana', 'c.txt ana', 'b.txt bob']);
  const isFinished = (article: string, who: string) => finished.has(`${article} ${who}`);

  it('counts finished / assigned per annotator', () => {
    assert.deepStrictEqual(progressOf(a, isFinished), [{ annotator: 'ana', finished: 2, assigned: 4 }, { annotator: 'bob', finished: 1, assigned: 4 }]);
  });

  it('queues the articles assigned to me and not finished', () => {
    assert.deepStrictEqual(queueOf(a, 'ana', isFinished), ['b.txt', 'd.txt']);
    assert.deepStrictEqual(queueOf(a, 'eve', isFinished), []);
  });
});

describe('assignments: review and agreement', () => {
  it('compares the assigned annotators with a layer; the others are not annotated yet, or not assigned', () => {
    assert.strictEqual(comparedFor(undefined, ['ana', 'bob']), undefined, 'an article not assigned keeps the default');
    assert.deepStrictEqual(comparedFor(['ana', 'bob'], ['ana', 'cat', 'gold']), { annotators: ['ana'], notYet: ['bob'], notAssigned: ['cat'] });
    assert.deepStrictEqual(comparedFor(['ana', 'bob', 'cat'], ['ana', 'bob', 'cat'], ['ana', 'cat']), { annotators: ['ana', 'cat'], notYet: [], notAssigned: [] });
  });

  const TEXT = 'Vladimir Putin met Bashar al-Assad in Moscow.';
  const layer = (who: string, label = 'PERSON') => ({ annotator: who, layer: aLayer().forArticle(TEXT, 'a.txt').by(who).withEntity('Vladimir Putin', label).withEntity('Moscow', 'PLACE').build() });

  it('agreement: an unassigned layer takes no part, a not-yet one is excluded with its reason, not counted as missing', () => {
    // ana and bob are assigned to a.txt; cat's layer (disagreeing) is not assigned; b.txt waits for bob.
    const a = assignedArticle({ article: 'a.txt', text: TEXT, layers: [layer('ana'), layer('bob'), layer('cat', 'ORG')] }, ['ana', 'bob']);
    const b = assignedArticle({ article: 'b.txt', text: TEXT, layers: [layer('ana')] }, ['ana', 'bob']);
    assert.deepStrictEqual(a.article?.layers.map((l) => l.annotator), ['ana', 'bob']);
    assert.strictEqual(b.article, undefined, 'nothing to pair yet: the article waits');
    const inputs = [a.article, b.article].filter((x) => x !== undefined);
    const report = withAssignmentCounts(agreement(inputs), [...a.excluded, ...b.excluded], a.notAssigned + b.notAssigned);
    assert.deepStrictEqual(report.annotators, ['ana', 'bob']);
    assert.strictEqual(report.pairs[0].f1.micro, 1);
    assert.strictEqual(report.counts.alpha.excluded, 0, 'b.txt is not missing data');
    assert.deepStrictEqual(report.counts.assignment, { not_annotated_yet: 1, not_assigned: 1, excluded: [{ article: 'b.txt', annotator: 'bob', reason: 'not-annotated-yet' }] });
    assert.ok(report.caveats.some((c) => /1 assigned layer\(s\) are not annotated yet \(not-annotated-yet\)/.test(c)));
  });
});

describe('sift assign', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-assign-'));
    fs.mkdirSync(path.join(dir, '.git'));
    fs.mkdirSync(path.join(dir, 'news', 'deep'), { recursive: true });
    for (const n of ['a.txt', 'b.txt', 'deep/c.txt']) fs.writeFileSync(path.join(dir, 'news', n), 'Moscow said so.\n');
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.writeFileSync(path.join(dir, 'node_modules', 'x.txt'), 'not an article');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = () => path.join(dir, ASSIGNMENTS_FILE);

  it('writes sift.assignments.yaml at the corpus root, from a subfolder, and a re-run places only new articles', async () => {
    const r = await runCli(['assign', '--annotators', 'ana,bob,cat', '--overlap', '2', '--seed', '4', 'news'], dir);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /sift\.assignments\.yaml: 3 article\(s\) placed\nload: ana 2, bob 2, cat 2\n/);
    const first = parseAssignments(fs.readFileSync(file(), 'utf8'), 'f');
    assert.deepStrictEqual([...first.articles.keys()], ['news/a.txt', 'news/b.txt', 'news/deep/c.txt']);
    const again = await runCli(['assign', '--annotators', 'ana,bob,cat', '--overlap', '2'], path.join(dir, 'news'));
    assert.strictEqual(again.code, 0, again.err);
    assert.match(again.out, /0 article\(s\) placed[\s\S]*nothing changed/);
    fs.writeFileSync(path.join(dir, 'news', 'd.txt'), 'New.\n');
    const more = await runCli(['assign', '--annotators', 'ana,bob,cat', '--overlap', '2'], dir);
    assert.match(more.out, /1 article\(s\) placed/);
    const second = parseAssignments(fs.readFileSync(file(), 'utf8'), 'f');
    for (const [k, v] of first.articles) assert.deepStrictEqual(second.articles.get(k), v);
    assert.strictEqual(second.articles.get('news/d.txt')?.length, 2);
  });

  it('is in the CLI\'s help', async () => {
    const r = await runCli(['help'], dir);
    assert.match(r.out, /sift assign --annotators A,B,C --overlap N \[--seed N\] \[--out FILE\] \[paths\.\.\.\]/);
  });

  it('refuses overlap above the annotators, and never writes over a file it cannot parse', async () => {
    const over = await runCli(['assign', '--annotators', 'ana,bob', '--overlap', '3'], dir);
    assert.strictEqual(over.code, 1);
    assert.match(over.err, /--overlap 3 is more than the 2 annotator\(s\) given/);
    assert.ok(!fs.existsSync(file()));
    const broken = 'version: 1\noverlap: 2\narticles: [\n';
    fs.writeFileSync(file(), broken);
    const r = await runCli(['assign', '--annotators', 'ana,bob', '--overlap', '2'], dir);
    assert.strictEqual(r.code, 1);
    assert.match(r.err, /sift\.assignments\.yaml:\d+:\d+: /);
    assert.strictEqual(fs.readFileSync(file(), 'utf8'), broken, 'left as it was');
    assert.strictEqual((await runCli(['assign', '--overlap', '2'], dir)).code, 2, 'no annotators: usage');
    assert.match((await runCli(['assign', '--annotators', 'a', '--overlap', 'two'], dir)).err, /--overlap needs a whole number/);
  });

  it('review and agree: an assigned annotator without a sidecar is not annotated yet; a bad file stops them', async () => {
    const text = 'Vladimir Putin met Bashar al-Assad in Moscow.';
    fs.writeFileSync(path.join(dir, 'news', 'a.txt'), text);
    for (const who of ['ana', 'cat']) {
      const l = aLayer().forArticle(text, 'a.txt').by(who).withEntity('Moscow', 'PLACE').build();
      fs.writeFileSync(path.join(dir, 'news', `a.${who}.ann.yaml`), serializeSidecar(l));
    }
    fs.writeFileSync(file(), 'version: 1\noverlap: 2\nseed: 1\nannotators: [ana, bob, cat]\narticles:\n  news/a.txt: [ana, bob]\n');
    const status = await runCli(['review', '--status', 'news/a.txt'], dir);
    assert.strictEqual(status.code, 0, status.err);
    assert.match(status.out, /bob not annotated yet/);
    const units = await runCli(['review', '--units', 'news/a.txt', '--json'], dir);
    const parsed = JSON.parse(units.out) as { annotators: string[]; not_annotated_yet: string[]; units: { missing: string[] }[] };
    assert.deepStrictEqual(parsed.annotators, ['ana'], 'cat is not assigned to it: not compared');
    assert.deepStrictEqual(parsed.not_annotated_yet, ['bob']);
    assert.ok(parsed.units.every((u) => u.missing.length === 0), 'bob is not missing');
    const agree = await runCli(['agree', 'news', '--json'], dir);
    const report = JSON.parse(agree.out) as { counts: { assignment: { not_annotated_yet: number; not_assigned: number } } };
    assert.deepStrictEqual([report.counts.assignment.not_annotated_yet, report.counts.assignment.not_assigned], [1, 1]);
    const merge = await runCli(['review', '--merge', 'news/a.txt', '--adjudicator', 'lead'], dir);
    assert.strictEqual(merge.code, 0, merge.err);
    const gold = readSidecarFast(fs.readFileSync(path.join(dir, 'news', 'a.gold.ann.yaml'), 'utf8'), 'gold');
    assert.deepStrictEqual(gold.entities.map((e) => e.from?.map((t) => t.annotator)), [['ana']], 'cat, not assigned, does not vote');
    fs.writeFileSync(file(), 'version: 1\narticles: {a: *x}\n');
    const bad = await runCli(['review', '--status', 'news'], dir);
    assert.strictEqual(bad.code, 2);
    assert.match(bad.err, /sift review: .*sift\.assignments\.yaml/);
  });
});
