// Sessions keyed by article and annotator: the current annotator's layer, gold (editable through the one write path)
// and another annotator's layer (read-only), in the real VS Code host.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { aCorpus } from '../builders/corpus';
import { closeAll, open, setSettings, sidecarData, sidecarOf, siftApi, uniqueName, useSettings, waitFor, workspaceRoot } from './helpers';

const ANA = 'ana';
const TEXT = 'Moscow, Dec 16 (IANS) Russia has evacuated some of its diplomats from Damascus, the Ministry said on Monday.\n';

describe('layers of an article: own, gold and read-only', function () {
  this.timeout(60_000);
  useSettings({ annotator: ANA, saveDelayMs: 50 });
  before(async () => {
    const api = await siftApi();
    await waitFor(() => api.annotator() === ANA, { message: `Sift to annotate as ${ANA}` });
  });
  afterEach(closeAll);

  /** Runs `test` on a new article with ana's and bob's sidecars, open in an editor, and removes its files after. */
  async function withArticle(test: (editor: vscode.TextEditor, file: string) => Promise<void>): Promise<void> {
    const name = uniqueName('layers.txt');
    aCorpus().in(workspaceRoot()).withArticle(name, TEXT)
      .annotatedBy(ANA, (l) => l.withEntity('Moscow', 'PLACE'))
      .annotatedBy('bob', (l) => l.withEntity('Moscow', 'PLACE').withEntity('Damascus', 'PLACE'))
      .build();
    const file = path.join(workspaceRoot(), name);
    try {
      await test(await open(file), file);
    } finally {
      await closeAll();
      for (const f of [file, ...[ANA, 'bob', 'gold'].map((who) => sidecarOf(file, who))]) fs.rmSync(f, { force: true });
    }
  }

  it('gives bob\'s layer read-only: mutate refuses it, nothing is written, and it follows the article\'s edits', async () => {
    const api = await siftApi();
    await withArticle(async (editor, file) => {
      const bobFile = sidecarOf(file, 'bob');
      const before = fs.readFileSync(bobFile, 'utf8');
      const bob = api.layer(editor.document, 'bob')!;
      assert.ok(bob, 'bob\'s layer is open');
      assert.strictEqual(bob.readOnly, true);
      assert.strictEqual(api.layer(editor.document, ANA), api.session(editor.document), 'the current annotator\'s layer is the session get() gives');
      let ran = false;
      assert.throws(() => api.mutate(bob, () => { ran = true; return bob.addEntity({ start: 0, end: 6, label: 'ORG' }); }), /bob's layer is read-only: you are ana/);
      assert.strictEqual(ran, false, 'the change never ran');
      assert.strictEqual(bob.all().length, 2);
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'UPDATE: '));
      const moscow = bob.layer.entities.find((e) => e.quote === 'Moscow')!;
      assert.strictEqual(moscow.start, 8, 'bob\'s span moved with the text');
      api.flush();
      await editor.document.save();
      api.flush();
      assert.strictEqual(fs.readFileSync(bobFile, 'utf8'), before, 'bob\'s sidecar is byte for byte as it was');
      assert.ok(!fs.existsSync(`${bobFile}.lock`) && !fs.existsSync(bobFile.replace('.ann.yaml', '.ann.recovery.yaml')));
    });
  });

  it('writes gold through mutate to <stem>.gold.ann.yaml, and undo takes the change back out of it', async () => {
    const api = await siftApi();
    await withArticle(async (editor, file) => {
      const goldFile = sidecarOf(file, 'gold');
      const gold = api.layer(editor.document, 'gold')!;
      assert.strictEqual(gold.readOnly, false);
      assert.ok(!fs.existsSync(goldFile), 'no gold sidecar before the first write');
      const saved = new Promise<void>((resolve) => { const d = api.onDidSaveLayer((s) => { if (s === gold) { d.dispose(); resolve(); } }); });
      const a = api.mutate(gold, () => gold.addEntity({ start: 0, end: 6, label: 'PLACE' }), 'adjudicate Moscow');
      await saved;
      const onDisk = await waitFor(() => sidecarData(goldFile), { message: 'the gold sidecar on disk' });
      assert.deepStrictEqual((onDisk.entities ?? []).map((e) => [e.id, e.quote, e.label]), [[a.id, 'Moscow', 'PLACE']]);
      assert.strictEqual((onDisk as { annotator?: string }).annotator, 'gold');
      assert.strictEqual(api.session(editor.document)!.all().length, 1, 'ana\'s own layer is untouched');
      assert.strictEqual(api.undoLast(), 'adjudicate Moscow');
      assert.strictEqual(gold.all().length, 0);
      await waitFor(() => { const d = sidecarData(goldFile); return d !== undefined && (d.entities ?? []).length === 0; }, { message: 'the undo to reach the gold sidecar' });
    });
  });

  it('reloads bob\'s session when his sidecar changes on disk', async () => {
    const api = await siftApi();
    await withArticle(async (editor, file) => {
      const bob = api.layer(editor.document, 'bob')!;
      const bobFile = sidecarOf(file, 'bob');
      fs.writeFileSync(bobFile, fs.readFileSync(bobFile, 'utf8').replace(/label: PLACE/g, 'label: ORG'));
      await waitFor(() => bob.all().every((a) => (a as { label: string }).label === 'ORG'), { message: 'bob\'s change on disk to be loaded' });
      assert.strictEqual(api.layer(editor.document, 'bob'), bob, 'the same session, reloaded');
    });
  });

  it('switching annotator writes every layer and reopens each as the new annotator sees it', async () => {
    const api = await siftApi();
    await withArticle(async (editor) => {
      const bobBefore = api.layer(editor.document, 'bob')!;
      const gold = api.layer(editor.document, 'gold')!;
      const a = api.mutate(gold, () => gold.addEntity({ start: 0, end: 6, label: 'PLACE' }));
      const restore = await setSettings({ annotator: 'bob' });
      try {
        await waitFor(() => api.annotator() === 'bob', { message: 'Sift to annotate as bob' });
        const bob = api.layer(editor.document, 'bob')!;
        assert.notStrictEqual(bob, bobBefore, 'bob\'s layer was reopened');
        assert.strictEqual(bob.readOnly, false, 'bob now edits his own layer');
        assert.strictEqual(api.session(editor.document), bob);
        assert.strictEqual(api.layer(editor.document, ANA)!.readOnly, true, 'ana\'s layer is now read-only');
        assert.ok(api.layer(editor.document, 'gold')!.find(a.id), 'gold\'s pending change was written and read back');
      } finally {
        await restore();
        await waitFor(() => api.annotator() === ANA, { message: `Sift to annotate as ${ANA} again` });
      }
    });
  });
});
