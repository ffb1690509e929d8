import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { closeAll, cpOf, openArticle, openNewArticle, readSidecar, select, siftApi, waitFor, workspaceRoot } from './helpers';

type SidecarJson = { sha256: string; annotator: string; entities: { id: string; start: number; end: number; quote: string; label: string; orphaned?: boolean }[] };

describe('annotation store in the editor', function () {
  this.timeout(60_000);
  before(async () => {
    await vscode.workspace.getConfiguration('sift').update('annotator', 'tester', vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('sift').update('saveDelayMs', 50, vscode.ConfigurationTarget.Global);
    const api = await siftApi();
    await waitFor('annotator tester', () => api.annotator() === 'tester');
  });
  afterEach(closeAll);

  it('labels a selection and writes it to the sidecar in code points (emoji and CRLF)', async () => {
    const text = 'Breaking 🚨🚨 news\r\nPutin 😀 met Bashar al-Assad in Moscow 𝐀𝐁.\r\n';
    const editor = await openNewArticle('emoji.txt', text);
    select(editor, 'Moscow');
    const created = await vscode.commands.executeCommand<{ id: string }>('sift.labelSelection', 'PLACE');
    assert.ok(created, 'the command returned the new annotation');
    const sidecar = path.join(workspaceRoot(), 'emoji.tester.ann.yaml');
    const data = await waitFor('the sidecar on disk', () => { const s = readSidecar(sidecar); return s ? (parse(s) as SidecarJson) : undefined; });
    const e = data.entities[0];
    const u = text.indexOf('Moscow');
    assert.deepStrictEqual([e.start, e.end, e.quote, e.label], [cpOf(text, u), cpOf(text, u) + 6, 'Moscow', 'PLACE']);
    assert.strictEqual(Array.from(text).slice(e.start, e.end).join(''), 'Moscow', 'Python-style slicing gives the quote');
    assert.strictEqual(data.annotator, 'tester');
  });

  it('moves the annotation as the article is edited, and keeps it after close and reopen', async () => {
    const api = await siftApi();
    let editor = await openArticle('000_f5a8d1d13f9f611e.txt');
    select(editor, 'Khmeimim Air Base');
    const a = await vscode.commands.executeCommand<{ id: string; start: number }>('sift.labelSelection', 'PLACE');
    assert.ok(a);
    const before = a.start;
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'UPDATE 🚀: '));
    const session = api.session(editor.document)!;
    const moved = session.find(a.id)!;
    assert.strictEqual(moved.start, before + 10, 'the span moved by the 10 code points typed above it');
    assert.strictEqual(moved.quote, 'Khmeimim Air Base');
    // An edit inside the span grows it.
    const inside = editor.document.getText().indexOf('Air Base');
    await editor.edit((b) => b.insert(editor.document.positionAt(inside), 'Russian '));
    assert.strictEqual(session.find(a.id)!.quote, 'Khmeimim Russian Air Base');
    await editor.document.save();
    const sidecar = session.sidecar.path;
    await waitFor('the moved span on disk', () => (parse(readSidecar(sidecar) ?? '{}') as SidecarJson).entities?.find((x) => x.id === a.id)?.start === before + 10);
    await closeAll();
    editor = await openArticle('000_f5a8d1d13f9f611e.txt');
    const again = (await siftApi()).session(editor.document)!;
    assert.strictEqual(again.find(a.id)?.quote, 'Khmeimim Russian Air Base');
    assert.ok(api.statusText().includes('tester'), api.statusText());
    assert.match(api.statusText(), /1 entity/);
  });

  it('orphans an annotation whose text is deleted, shows it in Problems, and restores it on undo', async () => {
    const api = await siftApi();
    const editor = await openArticle('001_ae3071192ac73a97.txt');
    const sel = select(editor, 'Tartus');
    const a = await vscode.commands.executeCommand<{ id: string }>('sift.labelSelection', 'PLACE');
    await editor.edit((b) => b.delete(sel));
    const session = api.session(editor.document)!;
    assert.strictEqual(session.find(a!.id)!.orphaned, true, 'kept and flagged, not dropped');
    const diag = await waitFor('an orphan diagnostic', () => vscode.languages.getDiagnostics(editor.document.uri).find((d) => d.source === 'sift'));
    assert.match(diag.message, /Orphaned entity .*Tartus/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, diag.range);
    assert.ok(actions.some((x) => x.title.includes('delete orphaned')), actions.map((x) => x.title).join(', '));
    await vscode.commands.executeCommand('undo');
    await waitFor('the orphan restored by undo', () => session.find(a!.id)!.orphaned !== true);
    assert.strictEqual(session.find(a!.id)!.quote, 'Tartus');
    await waitFor('the diagnostic cleared', () => !vscode.languages.getDiagnostics(editor.document.uri).some((d) => d.source === 'sift'));
    await editor.document.save();
  });

  it('re-attaches an orphan to a selection with the quick fix command', async () => {
    const api = await siftApi();
    const editor = await openArticle('002_ec2a2dd01141acf4.txt');
    const sel = select(editor, 'Russia', 1);
    const a = await vscode.commands.executeCommand<{ id: string }>('sift.labelSelection', 'PLACE');
    await editor.edit((b) => b.delete(sel));
    const session = api.session(editor.document)!;
    assert.strictEqual(session.find(a!.id)!.orphaned, true);
    select(editor, 'Syria');
    await vscode.commands.executeCommand('sift.reattachOrphan', editor.document.uri, a!.id);
    assert.strictEqual(session.find(a!.id)!.quote, 'Syria');
    assert.ok(!session.find(a!.id)!.orphaned);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('reloads a sidecar changed outside Sift (a colleague, git pull)', async () => {
    const api = await siftApi();
    const editor = await openArticle('003_e6866273c3032639.txt');
    // A word no other test labels, since labelled strings teach the suggestions.
    select(editor, 'Qudsayya');
    const a = await vscode.commands.executeCommand<{ id: string }>('sift.labelSelection', 'PLACE');
    const session = api.session(editor.document)!;
    api.flush();
    const file = session.sidecar.path;
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('label: PLACE', 'label: ORG'));
    await waitFor('the external change to be loaded', () => (session.find(a!.id) as { label: string }).label === 'ORG');
  });

  it('re-anchors by quote when the open article is changed on disk (git checkout, another program)', async () => {
    const api = await siftApi();
    const editor = await openArticle('001_ae3071192ac73a97.txt');
    select(editor, 'Latakia');
    const a = await vscode.commands.executeCommand<{ id: string; start: number }>('sift.labelSelection', 'PLACE');
    const session = api.session(editor.document)!;
    api.flush();
    const file = editor.document.uri.fsPath;
    const old = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, `Correction appended on 17 December 😀.\n\n${old}`);
    await waitFor('the editor to reload the article', () => editor.document.getText().startsWith('Correction'));
    const prefix = Array.from('Correction appended on 17 December 😀.\n\n').length;
    await waitFor('the annotation to follow its quote', () => session.find(a!.id)!.start === a!.start + prefix);
    assert.strictEqual(session.find(a!.id)!.quote, 'Latakia');
    await waitFor('the sidecar to record the new text', () => session.layer.header.sha256 === session.article.sha256 && !session.sidecar.dirty);
  });

  it('never writes over a sidecar it cannot parse, and keeps new work in a recovery file', async () => {
    const api = await siftApi();
    const editor = await openArticle('004_72a6e1414d8de193.txt');
    select(editor, 'Syria');
    await vscode.commands.executeCommand('sift.labelSelection', 'PLACE');
    const session = api.session(editor.document)!;
    api.flush();
    const file = session.sidecar.path;
    const broken = `${fs.readFileSync(file, 'utf8')}\nentities: [unclosed\n`;
    fs.writeFileSync(file, broken);
    await waitFor('the parse error to be noticed', () => session.sidecar.error);
    const diags = await waitFor('a diagnostic on the sidecar', () => { const d = vscode.languages.getDiagnostics(vscode.Uri.file(file)); return d.length ? d : undefined; });
    assert.ok(diags[0].range.start.line > 0, 'the error points at a line');
    select(editor, 'Russia');
    await vscode.commands.executeCommand('sift.labelSelection', 'PLACE');
    api.flush();
    assert.strictEqual(fs.readFileSync(file, 'utf8'), broken, 'the broken file is untouched');
    const recovery = file.replace('.ann.yaml', '.ann.recovery.yaml');
    assert.match(readSidecar(recovery) ?? '', /quote: Russia/);
  });

  it('does not annotate an article that is not UTF-8 or is over the size limit', async () => {
    const api = await siftApi();
    const file = path.join(workspaceRoot(), 'latin1.txt');
    fs.writeFileSync(file, Buffer.from('Caf\xe9 in Damascus, said the minist\xe8re.', 'latin1'));
    const doc = await vscode.workspace.openTextDocument(file);
    assert.strictEqual(api.session(doc), undefined);
    await vscode.workspace.getConfiguration('sift').update('maxArticleSizeMB', 0.001, vscode.ConfigurationTarget.Global);
    try {
      const big = await vscode.workspace.openTextDocument(path.join(workspaceRoot(), '002_ec2a2dd01141acf4.txt'));
      await vscode.window.showTextDocument(big);
      // 002 may already be open from an earlier test; a fresh copy is refused.
      const copy = path.join(workspaceRoot(), 'big.txt');
      fs.copyFileSync(big.uri.fsPath, copy);
      assert.strictEqual(api.session(await vscode.workspace.openTextDocument(copy)), undefined);
    } finally {
      await vscode.workspace.getConfiguration('sift').update('maxArticleSizeMB', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
