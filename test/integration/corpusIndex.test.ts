import * as assert from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { closeAll, openNewArticle, select, sidecarData, sidecarOf, siftApi, uniqueName, useTester, waitFor, workspaceRoot } from './helpers';

type Sug = { start: number; end: number; label: string; text: string };

/** How many entities of the sidecar on disk are `quote` labelled `label`. */
function labelledOnDisk(file: string, quote: string, label: string): number {
  return (sidecarData(file)?.entities ?? []).filter((e) => e.quote === quote && e.label === label).length;
}

describe('accept everywhere through the session registry', function () {
  this.timeout(60_000);
  useTester({ saveDelayMs: 50 });
  afterEach(closeAll);

  it('is undone as one step by Sift: Undo Last Annotation Change, in open and closed articles, and updates the tree', async () => {
    const api = await siftApi();
    // A made-up place, so that no other test's article holds it.
    const word = `Zorvath${Date.now() % 100000}`;
    const closed = path.join(workspaceRoot(), uniqueName('ix-closed.txt'));
    fs.writeFileSync(closed, `Officials in ${word} declined to comment. ${word} stayed quiet.\n`);
    const editor = await openNewArticle('ix-open.txt', `The mayor of ${word} spoke on Monday. Later ${word} answered.\n`);
    try {
      select(editor, word);
      await vscode.commands.executeCommand('sift.labelSelection', 'PLACE');
      const sug = await waitFor(async () => ((await api.suggestions(editor.document)) as Sug[]).find((s) => s.text === word && s.label === 'PLACE'),
        { message: `${word}, once labelled, to be suggested in the rest of the article` });
      const treeBefore = api.treeChanges();
      const n = await vscode.commands.executeCommand<number>('sift.acceptEverywhere', { uri: editor.document.uri.toString(), start: sug.start, end: sug.end, label: sug.label });
      assert.strictEqual(n, 3, 'one more in the open article, two in the closed one');
      await waitFor(() => labelledOnDisk(sidecarOf(closed), word, 'PLACE') === 2, { message: 'the closed article\'s sidecar to be saved through its session' });
      await waitFor(() => api.treeChanges() > treeBefore, { message: 'the Sift view to be told of the change' });
      await waitFor(async () => (await api.tree()).some((a) => a.article === path.basename(closed) && a.description.includes('2 entities')), { message: 'the tree to list the closed article' });
      const treeAfterAccept = api.treeChanges();
      await vscode.commands.executeCommand('sift.undo');
      assert.strictEqual(api.session(editor.document)?.layer.entities.filter((e) => e.quote === word).length, 1, 'only the hand-labelled one is left');
      await waitFor(() => labelledOnDisk(sidecarOf(closed), word, 'PLACE') === 0, { message: 'the undo to reach the closed article\'s sidecar' });
      await waitFor(() => api.treeChanges() > treeAfterAccept, { message: 'the Sift view to be told of the undo' });
      await waitFor(async () => !(await api.tree()).some((a) => a.article === path.basename(closed)), { message: 'the tree to drop the closed article' });
    } finally {
      await closeAll();
      for (const f of [closed, sidecarOf(closed), editor.document.uri.fsPath, sidecarOf(editor.document)]) fs.rmSync(f, { force: true });
    }
  });
});

describe('sidecar warnings in the Problems view', function () {
  this.timeout(60_000);
  useTester();

  it('shows a key Sift does not know as a warning on the sidecar, from the corpus index, and clears it when fixed', async () => {
    await siftApi();
    const article = path.join(workspaceRoot(), uniqueName('ix-warn.txt'));
    const text = 'Officials in Quillon declined to comment.\n';
    fs.writeFileSync(article, text);
    const sidecar = sidecarOf(article, 'ana');
    const header = `sift: 1\narticle: ${path.basename(article)}\nannotator: ana\nsha256: ${createHash('sha256').update(text).digest('hex')}\nlength: ${[...text].length}\n`;
    const uri = vscode.Uri.file(sidecar);
    const warnings = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'sift' && d.severity === vscode.DiagnosticSeverity.Warning);
    try {
      fs.writeFileSync(sidecar, `${header}colour: blue\nentities: []\n`);
      const shown = await waitFor(() => warnings().find((d) => /unknown key 'colour'/.test(d.message)), { message: 'the unknown key to be shown as a warning' });
      assert.strictEqual(typeof shown.code === 'object' ? shown.code.value : shown.code, 'unknown-key');
      fs.writeFileSync(sidecar, `${header}entities: []\n`);
      await waitFor(() => warnings().length === 0, { message: 'the warning to go once the key is removed' });
    } finally {
      fs.rmSync(sidecar, { force: true });
      fs.rmSync(article, { force: true });
    }
  });
});
