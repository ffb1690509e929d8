import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { aCorpus } from '../builders/corpus';
import { aLayer } from '../builders/layer';
import { serializeSidecar } from '../../src/core/store/sidecarFormat';
import { closeAll, open, sampleText, setSettings, sidecarOf, siftApi, uniqueName, useTester, waitFor, workspaceRoot } from './helpers';
import { parse as parseYaml } from 'yaml';

const SAMPLE = '000_f5a8d1d13f9f611e.txt';
const PEOPLE = ['ana', 'bob', 'cal'];

interface GoldData {
  status?: string;
  entities?: { id: string; label: string; quote: string; from?: { annotator: string; id: string }[]; adjudicator?: string; created?: string }[];
  dismissed?: { id: string; quote?: string; from: { annotator: string; id: string }[]; adjudicator?: string }[];
}

function goldOnDisk(article: string): GoldData | undefined {
  const f = sidecarOf(article, 'gold');
  return fs.existsSync(f) ? (parseYaml(fs.readFileSync(f, 'utf8')) as GoldData) : undefined;
}

/**
 * A fresh copy of the sample with three annotators: Moscow agreed by all; Damascus by ana and bob only (missing);
 * Russian Foreign Ministry ORG, ORG, PERSON (label); Khmeimim Air Base (ana, cal) against Khmeimim (bob: boundary); Xinhua by cal only.
 */
function threeAnnotators(): string {
  const name = uniqueName('review.txt');
  aCorpus().in(workspaceRoot()).withArticle(name, sampleText(SAMPLE))
    .annotatedBy('ana', (l) => l.withEntity('Moscow', 'PLACE', { id: 'e-moscow' }).withEntity('Damascus', 'PLACE', { id: 'e-dam' })
      .withEntity('Russian Foreign Ministry', 'ORG', { id: 'e-rfm' }).withEntity('Khmeimim Air Base', 'PLACE', { id: 'e-kh' }))
    .annotatedBy('bob', (l) => l.withEntity('Moscow', 'PLACE', { id: 'e-moscow' }).withEntity('Damascus', 'PLACE', { id: 'e-dam' })
      .withEntity('Russian Foreign Ministry', 'ORG', { id: 'e-rfm' }).withEntity('Khmeimim', 'PLACE', { id: 'e-kh' }))
    .annotatedBy('cal', (l) => l.withEntity('Moscow', 'PLACE', { id: 'e-moscow' }).withEntity('Russian Foreign Ministry', 'PERSON', { id: 'e-rfm' })
      .withEntity('Khmeimim Air Base', 'PLACE', { id: 'e-kh' }).withEntity('Xinhua', 'ORG', { id: 'e-xin' }))
    .build();
  return path.join(workspaceRoot(), name);
}

function cleanup(article: string): void {
  for (const who of [...PEOPLE, 'gold', 'tester']) fs.rmSync(sidecarOf(article, who), { force: true });
  fs.rmSync(article, { force: true });
}

/** Runs a command that shows quick picks, accepting the selected item of each until the command is done. */
async function acceptPicks<T>(run: Thenable<T>): Promise<T> {
  let done = false;
  let result: T | undefined;
  void Promise.resolve(run).then((r) => { result = r; done = true; });
  await waitFor(async () => { if (!done) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem'); return done; }, { message: 'the command\'s quick picks to be answered', interval: 100 });
  return result as T;
}

async function startReview(article: string) {
  const api = await siftApi();
  const editor = await open(article);
  await vscode.commands.executeCommand('sift.reviewArticle', article);
  await waitFor(() => api.review.units(article)?.length === 5, { message: 'review to align the five units' });
  return { api, editor };
}

const unitAt = <U extends { start: number; end: number }>(units: U[] | undefined, text: string, quote: string): U | undefined => {
  const cp = Array.from(text.slice(0, text.indexOf(quote))).length;
  return units?.find((u) => u.start <= cp && cp < u.end);
};

describe('review: compare layers and adjudicate into gold', function () {
  this.timeout(120_000);
  useTester({ saveDelayMs: 50 });
  afterEach(closeAll);

  it('turns review on: units by state, decorations, status bar, the review view and the hover; off clears them', async () => {
    const article = threeAnnotators();
    try {
      const { api } = await startReview(article);
      assert.deepStrictEqual(api.review.annotators(article), PEOPLE);
      const states = api.review.units(article)!.map((u) => u.state);
      assert.deepStrictEqual(states, ['agreed', 'missing', 'label', 'boundary', 'missing']);
      await waitFor(() => api.review.drawn(article).label === 1 && api.review.drawn(article).missing === 2, { message: 'the units to be drawn by state' });
      assert.deepStrictEqual(api.review.drawn(article), { agreed: 1, label: 1, boundary: 1, missing: 2, feature: 0, adjudicated: 0 });
      assert.match(api.review.statusText(), /review: 4 open of 5 units/);
      const view = await waitFor(async () => { const v = await api.review.view(); return v.units.length === 5 && v; }, { message: 'the review view to list the units' });
      assert.match(view.units[0], /^PLACE · Damascus — missing in some layers · ana, bob$/);
      assert.match(view.units[4], /^PLACE · Moscow — agreed/, 'decided and agreed units come after the open ones');
      assert.ok(view.articles.some((a) => a.startsWith(`${path.basename(article)} — 4 open of 5`)), view.articles.join('\n'));
      const text = fs.readFileSync(article, 'utf8');
      const rfm = Array.from(text.slice(0, text.indexOf('Russian Foreign Ministry'))).length;
      const md = api.review.hover(article, rfm)!;
      assert.match(md, /ORG · Russian Foreign Ministry \| ana, bob/);
      assert.match(md, /PERSON · Russian Foreign Ministry \| cal/);
      await vscode.commands.executeCommand('sift.stopReview');
      await waitFor(() => api.review.units(article) === undefined && api.review.statusText() === '', { message: 'review to turn off' });
      assert.deepStrictEqual(api.review.drawn(article), { agreed: 0, label: 0, boundary: 0, missing: 0, feature: 0, adjudicated: 0 });
    } finally {
      cleanup(article);
    }
  });

  it('moves to the next disagreement and adjudicates it with the keyboard into gold, with provenance; undo takes it back', async () => {
    const article = threeAnnotators();
    try {
      const { api, editor } = await startReview(article);
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      await vscode.commands.executeCommand('sift.nextDisagreement');
      assert.strictEqual(editor.document.getText(editor.selection), 'Damascus');
      await acceptPicks(vscode.commands.executeCommand('sift.adjudicateUnit'));
      const gold = await waitFor(() => goldOnDisk(article)?.entities?.find((e) => e.quote === 'Damascus'), { message: 'the decision in the gold sidecar' });
      assert.strictEqual(gold.label, 'PLACE');
      assert.deepStrictEqual(gold.from, [{ annotator: 'ana', id: 'e-dam' }, { annotator: 'bob', id: 'e-dam' }]);
      assert.strictEqual(gold.adjudicator, 'tester');
      assert.ok(gold.created);
      assert.strictEqual(goldOnDisk(article)?.status, 'in-review');
      await waitFor(() => unitAt(api.review.units(article), fs.readFileSync(article, 'utf8'), 'Damascus')?.state === 'adjudicated', { message: 'the unit to be adjudicated' });
      assert.match(api.review.statusText(), /review: 3 open of 5 units/);
      // The next one is the label disagreement: the second version (PERSON, cal's) by the arrow key, then Enter.
      await vscode.commands.executeCommand('sift.nextDisagreement');
      assert.strictEqual(editor.document.getText(editor.selection), 'Russian Foreign Ministry');
      const run = vscode.commands.executeCommand('sift.adjudicateUnit');
      await waitFor(() => api.claimStep()?.startsWith('Adjudicate: ORG · Russian Foreign Ministry › 1.'), { message: 'the adjudication pick, most common version first' });
      await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      await waitFor(() => api.claimStep()?.endsWith('› 2. PERSON · Russian Foreign Ministry'), { message: 'the second version to be selected' });
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await run;
      const rfm = await waitFor(() => goldOnDisk(article)?.entities?.find((e) => e.quote === 'Russian Foreign Ministry'), { message: 'the second decision on disk' });
      assert.strictEqual(rfm.label, 'PERSON');
      assert.deepStrictEqual(rfm.from, [{ annotator: 'cal', id: 'e-rfm' }]);
      await vscode.commands.executeCommand('sift.undo');
      await waitFor(() => !goldOnDisk(article)?.entities?.some((e) => e.quote === 'Russian Foreign Ministry'), { message: 'the undo to reach the gold sidecar' });
      assert.ok(goldOnDisk(article)?.entities?.some((e) => e.quote === 'Damascus'), 'only the last decision is undone');
    } finally {
      cleanup(article);
    }
  });

  it('rejects a unit: a dismissed entry in gold, and the unit stays decided', async () => {
    const article = threeAnnotators();
    try {
      const { api } = await startReview(article);
      const xin = unitAt(api.review.units(article), fs.readFileSync(article, 'utf8'), 'Xinhua')!;
      await vscode.commands.executeCommand('sift.rejectUnit', { article, unit: xin.id });
      const d = await waitFor(() => goldOnDisk(article)?.dismissed?.[0], { message: 'the rejection in the gold sidecar' });
      assert.deepStrictEqual(d.from, [{ annotator: 'cal', id: 'e-xin' }]);
      assert.strictEqual(d.quote, 'Xinhua');
      assert.strictEqual(d.adjudicator, 'tester');
      const after = await waitFor(() => { const u = unitAt(api.review.units(article), fs.readFileSync(article, 'utf8'), 'Xinhua'); return u?.state === 'adjudicated' && u; }, { message: 'the unit to be decided' });
      assert.ok(after.dismissed);
    } finally {
      cleanup(article);
    }
  });

  it('merges agreed annotations into gold (unanimous), and a second merge changes nothing', async () => {
    const article = threeAnnotators();
    try {
      const { api } = await startReview(article);
      await acceptPicks(vscode.commands.executeCommand('sift.mergeAgreed'));
      const gold = await waitFor(() => goldOnDisk(article)?.entities, { message: 'the merge in the gold sidecar' });
      assert.deepStrictEqual(gold.map((e) => `${e.label} ${e.quote}`), ['PLACE Moscow']);
      assert.deepStrictEqual(gold[0].from?.map((f) => f.annotator), PEOPLE);
      await waitFor(() => unitAt(api.review.units(article), fs.readFileSync(article, 'utf8'), 'Moscow')?.state === 'adjudicated', { message: 'Moscow to be decided' });
      await acceptPicks(vscode.commands.executeCommand('sift.mergeAgreed'));
      api.flush();
      assert.strictEqual(goldOnDisk(article)?.entities?.length, 1, 'no unit decided twice');
    } finally {
      cleanup(article);
    }
  });

  it('merges the whole workspace: an open article through its session (one undo step), a closed one by the core without opening it', async () => {
    const openOne = threeAnnotators();
    const closedOne = threeAnnotators();
    const goldFiles = () => fs.readdirSync(workspaceRoot()).filter((f) => f.endsWith('.gold.ann.yaml'));
    const goldBefore = new Set(goldFiles());
    try {
      await open(openOne);
      // Something other than an article is active: the merge asks for no scope and takes the whole workspace.
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: 'not an article' }));
      await acceptPicks(vscode.commands.executeCommand('sift.mergeAgreed'));
      for (const a of [openOne, closedOne]) {
        const gold = await waitFor(() => goldOnDisk(a)?.entities, { message: `the merge in ${path.basename(a)}'s gold sidecar` });
        assert.deepStrictEqual(gold.map((e) => `${e.label} ${e.quote}`), ['PLACE Moscow']);
        assert.deepStrictEqual(gold[0].from?.map((f) => f.annotator), PEOPLE);
        assert.strictEqual(gold[0].adjudicator, 'tester');
        assert.strictEqual(goldOnDisk(a)?.status, 'in-review');
      }
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.fsPath === closedOne), 'the closed article was not opened');
      // Undo takes back the open article's merge; the closed article's gold, written by the core, stays.
      await vscode.commands.executeCommand('sift.undo');
      await waitFor(() => (goldOnDisk(openOne)?.entities ?? []).length === 0, { message: 'the open article\'s merge undone on disk' });
      assert.strictEqual(goldOnDisk(closedOne)?.entities?.length, 1);
    } finally {
      for (const f of goldFiles()) if (!goldBefore.has(f)) fs.rmSync(path.join(workspaceRoot(), f), { force: true });
      cleanup(openOne);
      cleanup(closedOne);
    }
  });

  it('updates the units when a colleague\'s sidecar changes on disk, keeping gold\'s decisions', async () => {
    const article = threeAnnotators();
    try {
      const { api } = await startReview(article);
      const dam = unitAt(api.review.units(article), fs.readFileSync(article, 'utf8'), 'Damascus')!;
      await vscode.commands.executeCommand('sift.adjudicateUnit', { article, unit: dam.id, version: dam.versions[0].key });
      await waitFor(() => goldOnDisk(article)?.entities?.length === 1, { message: 'the decision on disk' });
      const before = api.review.alignments();
      // cal, in another checkout, adds Damascus and Belarus and drops Xinhua.
      const text = fs.readFileSync(article, 'utf8');
      const cal = aLayer().forArticle(text, path.basename(article)).by('cal').withEntity('Moscow', 'PLACE', { id: 'e-moscow' })
        .withEntity('Russian Foreign Ministry', 'PERSON', { id: 'e-rfm' }).withEntity('Khmeimim Air Base', 'PLACE', { id: 'e-kh' })
        .withEntity('Damascus', 'PLACE', { id: 'e-dam2' }).withEntity('Belarus', 'PLACE', { id: 'e-bel' });
      fs.writeFileSync(sidecarOf(article, 'cal'), serializeSidecar(cal.build()));
      const units = await waitFor(() => { const u = api.review.units(article); return api.review.alignments() > before && u?.some((x) => x.versions.some((v) => v.label === 'PLACE' && unitAt([x], text, 'Belarus'))) && u; },
        { message: 'the units to take in cal\'s new sidecar' });
      assert.ok(!unitAt(units, text, 'Xinhua'), 'cal dropped Xinhua');
      const damNow = unitAt(units, text, 'Damascus')!;
      assert.strictEqual(damNow.state, 'adjudicated', 'gold\'s decision is kept');
      assert.deepStrictEqual(damNow.versions[0].annotators, PEOPLE);
      assert.strictEqual(goldOnDisk(article)?.entities?.length, 1);
    } finally {
      cleanup(article);
    }
  });

  it('accepts every annotation of a label from one annotator, shows me what gold did with my work, and marks it finished', async () => {
    const article = threeAnnotators();
    const text = fs.readFileSync(article, 'utf8');
    const mine = aLayer().forArticle(text, path.basename(article)).by('tester').withEntity('Moscow', 'PLACE', { id: 'e-m' })
      .withEntity('Damascus', 'PERSON', { id: 'e-d' }).withEntity('Xinhua', 'ORG', { id: 'e-x' });
    fs.writeFileSync(sidecarOf(article, 'tester'), serializeSidecar(mine.build()));
    try {
      const api = await siftApi();
      await open(article);
      await vscode.commands.executeCommand('sift.reviewArticle', article);
      await waitFor(() => api.review.annotators(article)?.includes('tester') && api.review.units(article)?.length === 5, { message: 'review with the four layers' });
      // The first annotator (ana) and her first label (ORG): the Russian Foreign Ministry, as ana and bob labelled it.
      await acceptPicks(vscode.commands.executeCommand('sift.acceptAllFromAnnotator'));
      const rfm = await waitFor(() => goldOnDisk(article)?.entities?.find((e) => e.quote === 'Russian Foreign Ministry'), { message: 'the bulk accept in gold' });
      assert.strictEqual(rfm.label, 'ORG');
      const units = api.review.units(article);
      await vscode.commands.executeCommand('sift.rejectUnit', { article, unit: unitAt(units, text, 'Xinhua')!.id });
      const dam = unitAt(api.review.units(article), text, 'Damascus')!;
      await vscode.commands.executeCommand('sift.adjudicateUnit', { article, unit: dam.id, version: dam.versions.find((v) => v.label === 'PLACE')!.key });
      await waitFor(() => goldOnDisk(article)?.dismissed?.length === 1 && goldOnDisk(article)?.entities?.length === 2, { message: 'both decisions on disk' });
      const counts = await vscode.commands.executeCommand<Record<string, number>>('sift.compareWithGold');
      assert.deepStrictEqual(counts, { kept: 0, changed: 1, rejected: 1, undecided: 1, missed: 1 });
      assert.deepStrictEqual(api.review.annotators(article), ['tester']);
      assert.match(api.review.statusText(), /compare with gold: 0 open of 4 units/);
      await vscode.commands.executeCommand('sift.markFinished');
      await waitFor(() => /status: finished/.test(fs.readFileSync(sidecarOf(article, 'tester'), 'utf8')), { message: 'my layer marked finished on disk' });
    } finally {
      cleanup(article);
    }
  });

  it('keeps every layer\'s units on their text while the article is edited (colleagues\' layers follow unsaved edits)', async () => {
    const article = threeAnnotators();
    try {
      const { api, editor } = await startReview(article);
      const before = api.review.units(article)!.map((u) => [u.start, u.end, u.state]);
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'BREAKING: '));
      const shifted = before.map(([start, end, state]) => [Number(start) + 10, Number(end) + 10, state]);
      await waitFor(() => JSON.stringify(api.review.units(article)?.map((u) => [u.start, u.end, u.state])) === JSON.stringify(shifted),
        { message: `the units to move with the text: ${JSON.stringify(shifted)}` });
      await vscode.commands.executeCommand('undo');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      cleanup(article);
    }
  });

  it('shows "Annotator 1, 2, 3" instead of ids when sift.review.anonymise is on', async () => {
    const article = threeAnnotators();
    const restore = await setSettings({ 'review.anonymise': true });
    try {
      const { api } = await startReview(article);
      const text = fs.readFileSync(article, 'utf8');
      const md = api.review.hover(article, Array.from(text.slice(0, text.indexOf('Russian Foreign Ministry'))).length)!;
      assert.match(md, /Annotator 1, Annotator 2/);
      assert.ok(!/\bana\b|\bbob\b|\bcal\b/.test(md), md);
      const view = await api.review.view();
      assert.ok(view.units.every((u) => !/\bana\b|\bbob\b|\bcal\b/.test(u)), view.units.join('\n'));
    } finally {
      await restore();
      cleanup(article);
    }
  });
});
