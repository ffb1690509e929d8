import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { serializeSidecar } from '../../src/core/store/sidecarFormat';
import { aCorpus } from '../builders/corpus';
import { aLayer } from '../builders/layer';
import { closeAll, sampleText, select, setSettings, sidecarOf, siftApi, uniqueName, useTester, waitFor, workspaceRoot } from './helpers';

const SAMPLE = '000_f5a8d1d13f9f611e.txt';
const PEOPLE = ['agr-ana', 'agr-bob', 'agr-cal'];

/**
 * A folder with the sample annotated by three annotators: Moscow agreed by all; Damascus by ana and bob only;
 * Russian Foreign Ministry ORG, ORG, PERSON; Khmeimim Air Base (ana, cal) against Khmeimim (bob).
 */
function threeAnnotators(): { dir: string; article: string } {
  const dir = uniqueName('agreement').replace(/\W/g, '-');
  const [ana, bob, cal] = PEOPLE;
  aCorpus().in(workspaceRoot()).withArticle(`${dir}/article.txt`, sampleText(SAMPLE))
    .annotatedBy(ana, (l) => l.withEntity('Moscow', 'PLACE').withEntity('Damascus', 'PLACE').withEntity('Russian Foreign Ministry', 'ORG').withEntity('Khmeimim Air Base', 'PLACE'))
    .annotatedBy(bob, (l) => l.withEntity('Moscow', 'PLACE').withEntity('Damascus', 'PLACE').withEntity('Russian Foreign Ministry', 'ORG').withEntity('Khmeimim', 'PLACE'))
    .annotatedBy(cal, (l) => l.withEntity('Moscow', 'PLACE').withEntity('Russian Foreign Ministry', 'PERSON').withEntity('Khmeimim Air Base', 'PLACE'))
    .build();
  return { dir, article: path.join(workspaceRoot(), dir, 'article.txt') };
}

const EVACUATED = 'Russia has evacuated some of its diplomats';
const LONGER = 'Russia has evacuated some of its diplomats out of the Syrian capital Damascus';
const EMBASSY = 'The Russian embassy in Damascus continues to function';

/** Claims only: ana and bob mark the same claim; cal marks a longer span over it (an overlap, not an exact match). */
function claimsByThree(): { dir: string; text: string } {
  const dir = uniqueName('agreement-claims').replace(/\W/g, '-');
  const [ana, bob, cal] = PEOPLE;
  const text = sampleText(SAMPLE);
  const o = { source: 'Russian Foreign Ministry', factuality: 'asserted' as const, confidence: 0.8 };
  aCorpus().in(workspaceRoot()).withArticle(`${dir}/article.txt`, text)
    .annotatedBy([ana, bob], (l) => l.withClaim(EVACUATED, o))
    .annotatedBy(cal, (l) => l.withClaim(LONGER, { ...o, factuality: 'reported' }))
    .build();
  return { dir, text };
}

describe('agreement report: Sift: Show Agreement', function () {
  this.timeout(120_000);
  useTester();
  afterEach(closeAll);

  it('renders the matrix, filters it, opens review on a cell\'s disagreement, and saves HTML, CSV and JSON', async () => {
    const { dir, article } = threeAnnotators();
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-agree-'));
    try {
      const api = await siftApi();
      await api.indexSettled();
      await vscode.commands.executeCommand('sift.showAgreement');
      await waitFor(() => PEOPLE.every((p) => api.agreement.rendered()?.annotators.includes(p)), { message: 'the report to draw the three annotators' });
      // Filters: the three annotators, in the test's folder only (the workspace holds other suites' layers).
      await api.agreement.post({ type: 'filter', filter: { annotators: PEOPLE, folders: [dir] } });
      const drawn = await waitFor(() => { const r = api.agreement.rendered(); return r && r.annotators.join() === PEOPLE.join() && r.rows === 1 && r; }, { message: 'the filtered report to draw' });
      assert.strictEqual(drawn.cells, 6, 'three annotators: six cells off the diagonal (scores above, counts below)');
      assert.deepStrictEqual(drawn.labels, ['ORG', 'PERSON', 'PLACE']);
      assert.strictEqual(drawn.measure, 'f1');
      // A click on the ana × bob cell posts this message: review opens on their disagreement (Khmeimim's boundary).
      await api.agreement.post({ type: 'open', target: { kind: 'pair', a: 'agr-ana', b: 'agr-bob' } });
      const editor = await waitFor(() => { const e = vscode.window.activeTextEditor; return e?.document.uri.fsPath === article && e; }, { message: 'the article to be the active editor' });
      await waitFor(() => api.review.annotators(article)?.join() === 'agr-ana,agr-bob', { message: 'review on, comparing ana and bob' });
      assert.strictEqual(editor.document.getText(editor.selection), 'Khmeimim Air Base', 'the first unit where ana and bob disagree is selected');
      assert.deepStrictEqual(api.agreement.opened()?.annotators, ['agr-ana', 'agr-bob']);
      // A label bar: PERSON is cal's only, against ORG: the label disagreement is selected, all three compared.
      await api.agreement.post({ type: 'open', target: { kind: 'label', label: 'PERSON' } });
      await waitFor(() => api.review.annotators(article)?.length === 3, { message: 'review comparing all three' });
      assert.strictEqual(vscode.window.activeTextEditor?.document.getText(vscode.window.activeTextEditor.selection), 'Russian Foreign Ministry');
      const json = await api.agreement.saveTo(path.join(out, 'a.json'), 'json');
      const report = JSON.parse(fs.readFileSync(json!, 'utf8')) as { unit: string; annotators: string[]; pairs: { a: string; b: string; f1: Record<string, number> }[] };
      assert.strictEqual(report.unit, 'code points');
      assert.deepStrictEqual(report.annotators, PEOPLE);
      assert.strictEqual(report.pairs.find((p) => p.a === 'agr-ana' && p.b === 'agr-bob')?.f1.micro, 0.75, 'ana and bob match 3 of their 4 spans each');
      const csv = fs.readFileSync((await api.agreement.saveTo(path.join(out, 'a.csv'), 'csv'))!, 'utf8');
      assert.match(csv, /^measure,a,b,label,value,used,excluded\n/);
      assert.match(csv, /\nf1,agr-ana,agr-bob,micro,0\.75,8,\n/);
      const html = fs.readFileSync((await api.agreement.saveTo(path.join(out, 'a.html'), 'html'))!, 'utf8');
      assert.match(html, /Content-Security-Policy/);
      assert.doesNotMatch(html, /https?:\/\//, 'a saved report loads nothing remote');
      assert.match(html, /<script type="application\/json" id="sift-data">\{/);
    } finally {
      fs.rmSync(path.join(workspaceRoot(), dir), { recursive: true, force: true });
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('draws the claims table, and redraws it with the user\'s filters when a sidecar changes on disk', async () => {
    const { dir, text } = claimsByThree();
    try {
      const api = await siftApi();
      await api.indexSettled();
      await vscode.commands.executeCommand('sift.showAgreement');
      await api.agreement.post({ type: 'filter', filter: { annotators: PEOPLE, folders: [dir] } });
      const row = (a: string, b: string) => api.agreement.rendered()?.claims.rows.find((r) => r[0] === `${a} × ${b}`);
      const [ana, bob, cal] = PEOPLE;
      await waitFor(() => api.agreement.rendered()?.rows === 1 && row(ana, bob), { message: 'the claims table of the filtered report to draw' });
      // pair, F1 exact, F1 overlap, κ factuality: ana and bob mark the same claim; cal's longer span only overlaps it.
      assert.deepStrictEqual(row(ana, bob)?.slice(0, 3), [`${ana} × ${bob}`, '1.000', '1.000']);
      assert.deepStrictEqual(row(ana, cal)?.slice(0, 3), [`${ana} × ${cal}`, '0.000', '1.000']);
      const features = api.agreement.rendered()!.claims.features;
      assert.strictEqual(features.length, 3);
      assert.match(features[0], /^Source, Krippendorff's α \(nominal\): /);
      assert.match(features.join('\n'), / of 1 matched claims used/, 'the features are compared on the one matched claim unit, and say so');
      // bob's sidecar changes on disk (another claim): the open report recomputes and redraws, still filtered.
      const sidecar = path.join(workspaceRoot(), dir, `article.${bob}.ann.yaml`);
      fs.writeFileSync(sidecar, serializeSidecar(aLayer().forArticle(text, 'article.txt').by(bob).withClaim(EMBASSY, { source: 'the press statement' }).build()));
      await waitFor(() => row(ana, bob)?.[1] === '0.000', { message: 'the report to redraw ana × bob\'s claim F1 after bob\'s sidecar changed' });
      const r = api.agreement.rendered()!;
      assert.deepStrictEqual([r.rows, r.annotators], [1, PEOPLE], 'the filters are kept: one article, the three annotators');
      assert.deepStrictEqual(row(ana, bob)?.slice(1, 3), ['0.000', '0.000'], 'bob\'s claim no longer overlaps ana\'s');
      assert.deepStrictEqual(row(ana, cal)?.slice(1, 3), ['0.000', '1.000'], 'ana and cal are as they were');
    } finally {
      fs.rmSync(path.join(workspaceRoot(), dir), { recursive: true, force: true });
    }
  });

  it('lists a new annotator whose first layer is saved through Sift\'s own write path while the report is open (drawn live, or when shown again)', async () => {
    const { dir, article } = threeAnnotators();
    // New annotator ids, so that no sidecar in the workspace has them yet.
    const [dan, eve] = ['dan', 'eve'].map((n) => `agr-${n}${Date.now() % 100000}`);
    let restore: (() => Promise<void>) | undefined;
    try {
      const api = await siftApi();
      await api.indexSettled();
      await vscode.commands.executeCommand('sift.showAgreement');
      // Only this test's folder, every annotator (an empty list is all of them, as the webview's Apply sends it).
      await api.agreement.post({ type: 'filter', filter: { annotators: [], folders: [dir] } });
      await waitFor(() => { const r = api.agreement.rendered(); return r?.rows === 1 && r.annotators.join() === PEOPLE.join(); }, { message: 'the report of the three annotators to draw' });
      /** `who` labels Moscow in the article, opened in `column`: the session's first save creates their sidecar. */
      const label = async (who: string, column: vscode.ViewColumn) => {
        await restore?.();
        restore = await setSettings({ annotator: who, saveDelayMs: 50 });
        await waitFor(() => api.annotator() === who, { message: `Sift to annotate as ${who}` });
        const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(article), { viewColumn: column });
        select(editor, 'Moscow');
        await vscode.commands.executeCommand('sift.labelSelection', 'PLACE');
        await waitFor(() => fs.existsSync(sidecarOf(article, who)), { message: `${who}'s sidecar to be written` });
      };
      // Beside the report, which stays in view: it redraws with the newcomer.
      await label(dan, vscode.ViewColumn.Beside);
      const r = await waitFor(() => { const d = api.agreement.rendered(); return d?.annotators.includes(dan) && d; }, { message: `the open report to list ${dan}` });
      assert.deepStrictEqual(r.annotators, [...PEOPLE, dan].sort(), 'the three annotators and the newcomer');
      assert.strictEqual(r.cells, 12, 'four annotators: twelve cells off the diagonal');
      // In the report's own column, over it: a hidden webview is not live (it draws nothing), but the report was
      // recomputed, and once shown again (the article's editor closed) it draws the second newcomer too.
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await label(eve, vscode.ViewColumn.Active);
      await api.indexSettled();
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await waitFor(() => api.agreement.rendered()?.annotators.includes(eve), { message: `the report, shown again, to list ${eve}` });
      assert.deepStrictEqual(api.agreement.rendered()?.annotators, [...PEOPLE, dan, eve].sort());
    } finally {
      await restore?.();
      fs.rmSync(path.join(workspaceRoot(), dir), { recursive: true, force: true });
    }
  });
});
