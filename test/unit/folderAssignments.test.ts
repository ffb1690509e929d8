// The assignments of a workspace of several folders, as the editor reads them (through the file port, as on the web),
// and the editor's agreement report under an assignment held equal to `sift agree --json` on the same corpus.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ASSIGNMENTS_FILE } from '../../src/core/corpus/assignments';
import { CorpusIndex } from '../../src/core/corpus/corpusIndex';
import { assignedIn, governing, progressAcross, queueAcross, readAllAssignments, readFolderAssignments } from '../../src/core/corpus/folderAssignments';
import { assignedLayers } from '../../src/core/review/assigned';
import { FileSystemPort, NodeFileSystem } from '../../src/core/store/fileSystem';
import { ReadRefusal } from '../../src/core/text/readLimits';
import { computeAgreement } from '../../src/extension/views/agreement/agreementData';
import { AgreementWorker } from '../../src/extension/views/agreement/offThread';
import { BuiltCorpus, aCorpus } from '../builders/corpus';
import { aLayer } from '../builders/layer';
import { CountingPort } from './helpers/ports';
import { runCli } from './helpers/runCli';

const file = (lines: string[]) => `${['version: 1', 'overlap: 2', 'seed: 1', ...lines].join('\n')}\n`;

describe('assignments of every workspace folder (the editor\'s, through the file port)', () => {
  let top: string;
  let one: string;
  let inner: string;
  let two: string;
  let bare: string;
  beforeEach(() => {
    top = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-folders-'));
    [one, inner, two, bare] = [path.join(top, 'one'), path.join(top, 'one', 'inner'), path.join(top, 'two'), path.join(top, 'bare')];
    for (const d of [one, inner, two, bare]) fs.mkdirSync(d, { recursive: true });
    fs.writeFileSync(path.join(one, ASSIGNMENTS_FILE), file(['annotators: [ana, bob, cat]', 'articles:', '  a.txt: [ana, bob]', '  news/b.txt: [bob, cat]', '  inner/x.txt: [ana, cat]']));
    fs.writeFileSync(path.join(inner, ASSIGNMENTS_FILE), file(['annotators: [ana, dan]', 'articles:', '  x.txt: [ana, dan]']));
    fs.writeFileSync(path.join(two, ASSIGNMENTS_FILE), file(['annotators: [ana, bob]', 'articles:', '  c.txt: [ana, bob]', '  d.txt: [ana, bob]']));
  });
  afterEach(() => fs.rmSync(top, { recursive: true, force: true }));

  it('reads each folder\'s file through the port, once each; a folder without one is left out', async () => {
    const port = new CountingPort();
    const all = await readAllAssignments(port, [one, inner, two, bare, two]);
    assert.deepStrictEqual(all.map((f) => [f.root, f.error]), [[one, undefined], [inner, undefined], [two, undefined]]);
    assert.deepStrictEqual([...all[2].at!.assignments.articles.keys()], ['c.txt', 'd.txt']);
    assert.strictEqual(port.reads.get(path.join(two, ASSIGNMENTS_FILE)), 1, 'a root named twice is read once');
    assert.strictEqual(port.reads.get(path.join(bare, ASSIGNMENTS_FILE)), 1, 'the bare folder was looked at');
  });

  it('an article is governed by the deepest folder\'s file; outside every folder, or not named, it is not assigned', async () => {
    const all = await readAllAssignments(new NodeFileSystem(), [one, inner, two, bare]);
    assert.deepStrictEqual(assignedIn(all, path.join(one, 'news', 'b.txt')), ['bob', 'cat']);
    assert.deepStrictEqual(assignedIn(all, path.join(two, 'c.txt')), ['ana', 'bob']);
    assert.strictEqual(governing(all, path.join(inner, 'x.txt'))?.root, inner, 'the inner folder\'s file, not one/\'s inner/x.txt line');
    assert.deepStrictEqual(assignedIn(all, path.join(inner, 'x.txt')), ['ana', 'dan']);
    assert.strictEqual(assignedIn(all, path.join(bare, 'e.txt')), undefined, 'a folder without a file');
    assert.strictEqual(assignedIn(all, path.join(two, 'new.txt')), undefined, 'not named by its folder\'s file');
    assert.strictEqual(assignedIn(all, path.join(top, 'twofold', 'c.txt')), undefined, 'a sibling folder whose name starts alike');
    assert.strictEqual(assignedIn(all, path.join(top, 'z.txt')), undefined, 'outside every folder');
  });

  it('a file that cannot be used says why (line and column), governs nothing, and is never written', async () => {
    const broken = 'version: 1\narticles: [\n';
    fs.writeFileSync(path.join(two, ASSIGNMENTS_FILE), broken);
    fs.mkdirSync(path.join(bare, ASSIGNMENTS_FILE));
    const all = await readAllAssignments(new NodeFileSystem(), [one, two, bare]);
    assert.strictEqual(all.length, 3);
    assert.match(all[1].error ?? '', /sift\.assignments\.yaml:\d+:\d+: /);
    assert.match(all[2].error ?? '', /not a regular file/);
    assert.strictEqual(assignedIn(all, path.join(two, 'c.txt')), undefined);
    assert.deepStrictEqual(assignedIn(all, path.join(one, 'a.txt')), ['ana', 'bob'], 'the other folders still count');
    assert.strictEqual(fs.readFileSync(path.join(two, ASSIGNMENTS_FILE), 'utf8'), broken);
  });

  it('a port\'s refusal (too big, unreadable) is the file\'s problem; any other failure is thrown, not hidden', async () => {
    const refusing = (e: Error): FileSystemPort => new (class extends NodeFileSystem { readText(): Promise<string> { return Promise.reject(e); } })();
    const big = await readFolderAssignments(refusing(new ReadRefusal('f', 'too-large', 'is over the 5 MB limit')), one);
    assert.match(big?.error ?? '', /is over the 5 MB limit/);
    const missing = await readFolderAssignments(refusing(new ReadRefusal('f', 'missing', 'does not exist')), one);
    assert.strictEqual(missing, undefined);
    await assert.rejects(readFolderAssignments(refusing(new TypeError('a bug')), one), /a bug/);
  });

  it('my queue and the progress run over every folder\'s file, asking by the article\'s own path', async () => {
    const all = await readAllAssignments(new NodeFileSystem(), [one, inner, two]);
    const asked: string[] = [];
    const finished = new Set([`${path.join(two, 'c.txt')}|ana`, `${path.join(one, 'a.txt')}|bob`]);
    const isFinished = (article: string, who: string) => { asked.push(article); return finished.has(`${article}|${who}`); };
    assert.deepStrictEqual(queueAcross(all, 'ana', isFinished).map((q) => [q.root, q.key, q.file]), [
      [one, 'a.txt', path.join(one, 'a.txt')],
      [one, 'inner/x.txt', path.join(inner, 'x.txt')],
      [inner, 'x.txt', path.join(inner, 'x.txt')],
      [two, 'd.txt', path.join(two, 'd.txt')],
    ]);
    assert.ok(asked.every((a) => path.isAbsolute(a)));
    assert.deepStrictEqual(progressAcross(all, isFinished), [
      { annotator: 'ana', finished: 1, assigned: 5 },
      { annotator: 'bob', finished: 1, assigned: 4 },
      { annotator: 'cat', finished: 0, assigned: 2 },
      { annotator: 'dan', finished: 0, assigned: 1 },
    ]);
  });
});

describe('the editor\'s agreement report under an assignment', () => {
  const T = 'Syrian President Bashar al-Assad met Vladimir Putin in Moscow on Monday, the Kremlin said.';
  let c: BuiltCorpus;
  let index: CorpusIndex;
  /** a.txt: ana, bob assigned (cal and eve not, and disagree; eve has no other layer); b.txt: ana, cal assigned, cal has no layer (waits); c.txt: not named. */
  beforeEach(async () => {
    c = aCorpus()
      .withArticle('a.txt', T)
      .annotatedBy(['ana', 'bob'], (l) => l.withEntity('Bashar al-Assad', 'PERSON').withEntity('Moscow', 'PLACE'))
      .annotatedBy('cal', (l) => l.withEntity('Vladimir Putin', 'ORG'))
      .annotatedBy('eve', (l) => l.withEntity('Moscow', 'ORG'))
      .withArticle('b.txt', T)
      .annotatedBy(['ana', 'bob'], (l) => l.withEntity('Moscow', 'PLACE'))
      .withArticle('c.txt', T)
      .annotatedBy(['ana', 'bob', 'cal'], (l) => l.withEntity('Moscow', 'PLACE'))
      .build();
    fs.mkdirSync(path.join(c.dir, '.git'));
    fs.writeFileSync(path.join(c.dir, ASSIGNMENTS_FILE), file(['annotators: [ana, bob, cal]', 'articles:', '  a.txt: [ana, bob]', '  b.txt: [ana, cal]']));
    index = new CorpusIndex(new NodeFileSystem(), [c.dir]);
    await index.scan();
  });
  afterEach(() => c.remove());

  it('is the report `sift agree --json` prints, on the host and in the worker thread: not annotated yet left out and counted', async () => {
    const folders = await readAllAssignments(new NodeFileSystem(), [c.dir]);
    const options = { name: (a: string) => path.relative(c.dir, a), assigned: (a: string) => assignedIn(folders, a) };
    const here = await computeAgreement(index, {}, options);
    const cli = await runCli(['agree', '--json'], c.dir);
    assert.strictEqual(cli.code, 0, cli.err);
    assert.deepStrictEqual(JSON.parse(JSON.stringify(here.report)), JSON.parse(cli.out));
    const counts = (here.report.counts as { assignment?: unknown }).assignment;
    assert.deepStrictEqual(counts, { not_annotated_yet: 1, not_assigned: 3, excluded: [{ article: 'b.txt', annotator: 'cal', reason: 'not-annotated-yet' }] });
    assert.ok(here.report.caveats.some((x) => /1 assigned layer\(s\) are not annotated yet/.test(x)));
    assert.deepStrictEqual(here.report.articles.map((a) => a.article).sort(), ['a.txt', 'c.txt'], 'b.txt waits for cal');
    assert.deepStrictEqual(here.report.annotators, ['ana', 'bob', 'cal'], 'eve, whose only layer is not assigned, is compared with no one');
    assert.ok(here.choices.annotators.includes('eve'), 'but the filter still offers her');
    assert.ok(![...here.targets.keys()].includes('a.txt'), 'cal\'s unassigned ORG is no disagreement on a.txt');

    const worker = new AgreementWorker(path.resolve(__dirname, '..', '..', '..', 'dist', 'agreementWorker.js'), (why) => assert.fail(`the worker did not run: ${why}`));
    try {
      const off = await computeAgreement(index, {}, { ...options, runner: worker.run });
      assert.deepStrictEqual(off.report, here.report);
    } finally {
      worker.dispose();
    }
    const none = await computeAgreement(index, {}, { name: options.name });
    assert.strictEqual((none.report.counts as { assignment?: unknown }).assignment, undefined, 'without the option, as before');
    assert.ok([...none.targets.keys()].includes('a.txt'));
  });

  it('assignedLayers keeps the detector, waits with fewer than two layers, and changes nothing for an unassigned article', () => {
    const l = (who: string) => ({ annotator: who, layer: aLayer().forArticle(T, 'x.txt').by(who).build() });
    const layers = [l('ana'), l('cal'), l('sift-detector')];
    assert.deepStrictEqual(assignedLayers('x.txt', layers, undefined), { layers, excluded: [], notAssigned: 0 });
    const s = assignedLayers('x.txt', layers, ['ana', 'bob']);
    assert.deepStrictEqual(s.layers?.map((x) => x.annotator), ['ana', 'sift-detector'], 'the detector pairs with ana');
    assert.deepStrictEqual([s.excluded.map((e) => e.annotator), s.notAssigned], [['bob'], 1]);
    assert.strictEqual(assignedLayers('x.txt', [l('ana')], ['ana', 'bob']).layers, undefined, 'waits for bob');
  });
});
