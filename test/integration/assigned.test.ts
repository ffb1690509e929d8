// Review and the agreement report under sift.assignments.yaml, in the real editor: an article is compared among its
// assigned annotators; one with no sidecar yet is "not annotated yet" (shown, never counted as missing or as a
// disagreement); a layer of an annotator not assigned to the article takes no part.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { ASSIGNMENTS_FILE } from '../../src/core/corpus/assignments';
import { serializeSidecar } from '../../src/core/store/sidecarFormat';
import { aCorpus } from '../builders/corpus';
import { aLayer } from '../builders/layer';
import { closeAll, open, sampleText, siftApi, uniqueName, useTester, waitFor, workspaceRoot } from './helpers';

const SAMPLE = '000_f5a8d1d13f9f611e.txt';

/** The workspace's assignments file: these articles (workspace-relative) with these annotators. */
function assign(articles: Record<string, string[]>): void {
  const annotators = [...new Set(Object.values(articles).flat())].sort();
  const lines = ['version: 1', 'overlap: 2', 'seed: 1', `annotators: [${annotators.join(', ')}]`, 'articles:', ...Object.entries(articles).map(([a, who]) => `  ${a}: [${who.join(', ')}]`)];
  fs.writeFileSync(path.join(workspaceRoot(), ASSIGNMENTS_FILE), `${lines.join('\n')}\n`);
}

const cpOfQuote = (text: string, quote: string) => Array.from(text.slice(0, text.indexOf(quote))).length;

describe('assignments in the editor: review and agreement', function () {
  this.timeout(180_000);
  useTester();
  let dir: string;
  beforeEach(() => { dir = uniqueName('assigned').replace(/\W/g, '-'); });
  afterEach(async () => {
    await closeAll();
    fs.rmSync(path.join(workspaceRoot(), ASSIGNMENTS_FILE), { force: true });
    fs.rmSync(path.join(workspaceRoot(), dir), { recursive: true, force: true });
  });

  it('review compares the assigned annotators, shows one without a sidecar as not annotated yet, and follows the file and the sidecars', async () => {
    const [ana, bob, cal, dan, eve] = ['asr-ana', 'asr-bob', 'asr-cal', 'asr-dan', 'asr-eve'];
    const text = sampleText(SAMPLE);
    const name = `${dir}/article.txt`;
    aCorpus().in(workspaceRoot()).withArticle(name, text)
      .annotatedBy([ana, bob], (l) => l.withEntity('Moscow', 'PLACE').withEntity('Damascus', 'PLACE'))
      // eve is not assigned to the article: her layer would make Xinhua a `missing` unit and Moscow a `label` one.
      .annotatedBy(eve, (l) => l.withEntity('Moscow', 'ORG').withEntity('Xinhua', 'ORG'))
      .build();
    const article = path.join(workspaceRoot(), name);
    assign({ [name]: [ana, bob, cal] });
    const api = await siftApi();
    await api.indexSettled();
    await open(article);
    await vscode.commands.executeCommand('sift.reviewArticle', article);
    await waitFor(() => api.review.annotators(article)?.join() === `${ana},${bob}`, { message: 'review to compare the two assigned annotators with a layer' });
    const units = api.review.units(article)!;
    assert.deepStrictEqual(units.map((u) => u.state), ['agreed', 'agreed'], 'nothing missing, no disagreement: eve is not compared');
    assert.ok(units.every((u) => u.versions.every((v) => !v.annotators.includes(eve))));
    const view = await waitFor(async () => { const v = await api.review.view(); return v.units.includes(`${cal} — not annotated yet`) && v; }, { message: 'the review view to list cal as not annotated yet' });
    assert.ok(view.articles.includes('article.txt — 0 open of 2 · gold: none'), `the workspace progress counts the assigned layers only: ${view.articles.filter((a) => a.startsWith('article')).join('; ')}`);
    // Markdown: the id is escaped (asr\-cal).
    assert.ok(api.review.hover(article, cpOfQuote(text, 'Moscow'))!.includes(`Not annotated yet (assigned): ${cal.replace('-', '\\-')}`), 'the hover names cal');

    // The file changes: dan is assigned too. Review reads it again.
    assign({ [name]: [ana, bob, cal, dan] });
    await waitFor(async () => (await api.review.view()).units.includes(`${dan} — not annotated yet`), { message: 'review to follow the changed assignments file' });
    // cal's sidecar arrives (a pull): cal was expected, so cal joins the comparison; Damascus is now missing in cal's layer.
    fs.writeFileSync(path.join(workspaceRoot(), dir, `article.${cal}.ann.yaml`), serializeSidecar(aLayer().forArticle(text, 'article.txt').by(cal).withEntity('Moscow', 'PLACE').build()));
    await waitFor(() => api.review.annotators(article)?.join() === `${ana},${bob},${cal}`, { message: 'cal to join the comparison once annotated' });
    await waitFor(() => api.review.units(article)?.map((u) => u.state).join() === 'agreed,missing', { message: 'Damascus to be missing in cal\'s layer' });
    const after = await api.review.view();
    assert.ok(!after.units.some((u) => u.startsWith(`${cal} —`)), 'cal is no longer not annotated yet');
    assert.ok(after.units.includes(`${dan} — not annotated yet`));
  });

  it('review on the default layers follows an assignments file that appears after it started; a choice of layers is kept', async () => {
    const [ana, bob, eve] = ['asl-ana', 'asl-bob', 'asl-eve'];
    const text = sampleText(SAMPLE);
    const [first, second] = [`${dir}/first.txt`, `${dir}/second.txt`];
    aCorpus().in(workspaceRoot())
      .withArticle(first, text).annotatedBy([ana, bob, eve], (l) => l.withEntity('Moscow', 'PLACE'))
      .withArticle(second, text).annotatedBy([ana, bob, eve], (l) => l.withEntity('Moscow', 'PLACE'))
      .build();
    const [a, b] = [first, second].map((n) => path.join(workspaceRoot(), n));
    const api = await siftApi();
    await api.indexSettled();
    // The chosen review first: every review is aligned again in the order started, so when the default one has
    // followed the file, the chosen one has been aligned again too.
    await open(b);
    await api.review.start(b, [bob, eve]);
    await open(a);
    await vscode.commands.executeCommand('sift.reviewArticle', a);
    await waitFor(() => api.review.annotators(a)?.join() === `${ana},${bob},${eve}`, { message: 'review on every layer while no file assigns the article' });
    assign({ [first]: [ana, bob], [second]: [ana, bob] });
    await waitFor(() => api.review.annotators(a)?.join() === `${ana},${bob}`, { message: 'the default review to follow the new assignments file' });
    assert.strictEqual(api.review.annotators(b)?.join(), `${bob},${eve}`, 'a review on chosen layers keeps its choice');
  });

  it('the agreement report leaves out who is not annotated yet and says so in its counts, and opens review on the assigned layers', async () => {
    const [ana, bob, cal, eve] = ['asa-ana', 'asa-bob', 'asa-cal', 'asa-eve'];
    const text = sampleText(SAMPLE);
    aCorpus().in(workspaceRoot())
      .withArticle(`${dir}/a.txt`, text)
      .annotatedBy([ana, bob], (l) => l.withEntity('Moscow', 'PLACE').withEntity('Damascus', 'PLACE'))
      .annotatedBy(eve, (l) => l.withEntity('Moscow', 'ORG'))
      .withArticle(`${dir}/b.txt`, text)
      .annotatedBy(ana, (l) => l.withEntity('Moscow', 'PLACE'))
      .build();
    // a.txt: ana and bob (eve is not assigned); b.txt: ana and cal, and cal has no sidecar yet: b.txt waits.
    assign({ [`${dir}/a.txt`]: [ana, bob], [`${dir}/b.txt`]: [ana, cal] });
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-assigned-'));
    try {
      const api = await siftApi();
      await api.indexSettled();
      await vscode.commands.executeCommand('sift.showAgreement');
      await api.agreement.post({ type: 'filter', filter: { annotators: [ana, bob, cal], folders: [dir] } });
      interface Saved { pairs: { a: string; b: string; f1: { micro: number | null }; articles: number }[]; articles: { article: string }[]; caveats: string[]; counts: { assignment?: { not_annotated_yet: number; not_assigned: number; excluded: { article: string; annotator: string; reason: string }[] } } }
      const report = await waitFor(async () => {
        const r = api.agreement.rendered();
        if (!r || r.annotators.join() !== `${ana},${bob},${cal}`) return undefined;
        const saved = JSON.parse(fs.readFileSync((await api.agreement.saveTo(path.join(out, 'r.json'), 'json'))!, 'utf8')) as Saved;
        return saved.counts.assignment && saved;
      }, { message: 'the filtered report, with the assignment\'s counts' });
      assert.deepStrictEqual(report.counts.assignment, { not_annotated_yet: 1, not_assigned: 1, excluded: [{ article: `${dir}/b.txt`, annotator: cal, reason: 'not-annotated-yet' }] });
      assert.ok(report.caveats.some((c) => /1 assigned layer\(s\) are not annotated yet \(not-annotated-yet\)/.test(c)), report.caveats.join('; '));
      assert.deepStrictEqual(report.articles.map((a) => a.article), [`${dir}/a.txt`], 'b.txt waits for cal: no missing data');
      const ab = report.pairs.find((p) => p.a === ana && p.b === bob)!;
      assert.deepStrictEqual([ab.f1.micro, ab.articles], [1, 1], 'eve\'s ORG on Moscow is no disagreement: she is not assigned');
      assert.strictEqual(report.pairs.find((p) => p.b === cal)?.articles, 0, 'cal is compared nowhere yet');
      const html = fs.readFileSync((await api.agreement.saveTo(path.join(out, 'r.html'), 'html'))!, 'utf8');
      assert.match(html, /not annotated yet/, 'the report shows the note');

      // A row's click opens review on the article's assigned annotators with a layer: not eve, not cal.
      await api.agreement.post({ type: 'open', target: { kind: 'article', article: `${dir}/a.txt` } });
      const a = path.join(workspaceRoot(), dir, 'a.txt');
      await waitFor(() => api.review.annotators(a)?.join() === `${ana},${bob}`, { message: 'review on a.txt comparing ana and bob' });
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
