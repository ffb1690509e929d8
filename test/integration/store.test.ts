import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { closeAll, cpOf, open, openNewArticle, readSidecar, sample, select, setSettings, sidecarOf, siftApi, useTester, waitFor } from './helpers';

type SidecarJson = { sha256: string; annotator: string; entities: { id: string; start: number; end: number; quote: string; label: string; orphaned?: boolean }[] };

describe('annotation store in the editor', function () {
  this.timeout(60_000);
  useTester({ saveDelayMs: 50 });
  afterEach(closeAll);

  it('labels a selection and writes it to the sidecar in code points (emoji and CRLF)', async () => {
    const text = 'Breaking 🚨🚨 news\r\nPutin 😀 met Bashar al-Assad in Moscow 𝐀𝐁.\r\n';
    const editor = await openNewArticle('emoji.txt', text);
    select(editor, 'Moscow');
    const created = await vscode.commands.executeCommand<{ id: string }>('sift.labelSelection', 'PLACE');
    assert.ok(created, 'the command returned the new annotation');
    const sidecar = sidecarOf(editor.document);
    assert.match(path.basename(sidecar), /^emoji-\d+\.tester\.ann\.yaml$/);
    const data = await waitFor(() => { const s = readSidecar(sidecar); return s ? (parse(s) as SidecarJson) : undefined; }, { message: 'the sidecar on disk' });
    const e = data.entities[0];
    const u = text.indexOf('Moscow');
    assert.deepStrictEqual([e.start, e.end, e.quote, e.label], [cpOf(text, u), cpOf(text, u) + 6, 'Moscow', 'PLACE']);
    assert.strictEqual(Array.from(text).slice(e.start, e.end).join(''), 'Moscow', 'Python-style slicing gives the quote');
    assert.strictEqual(data.annotator, 'tester');
    assert.strictEqual(data.entities.length, 1);
  });

  it('moves the annotation as the article is edited, and keeps it after close and reopen', async () => {
    const api = await siftApi();
    let editor = await sample('000_f5a8d1d13f9f611e.txt', 's-moves.txt');
    const file = editor.document.uri.fsPath;
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
    await waitFor(() => (parse(readSidecar(sidecar) ?? '{}') as SidecarJson).entities?.find((x) => x.id === a.id)?.start === before + 10, { message: 'the moved span on disk' });
    await closeAll();
    editor = await open(file);
    const again = (await siftApi()).session(editor.document)!;
    assert.strictEqual(again.find(a.id)?.quote, 'Khmeimim Russian Air Base');
    assert.ok(api.statusText().includes('tester'), api.statusText());
    assert.match(api.statusText(), /1 entity/);
  });

  it('orphans an annotation whose text is deleted, shows it in Problems, and restores it on undo', async () => {
    const api = await siftApi();
    const editor = await sample('001_ae3071192ac73a97.txt', 's-orphan.txt');
    const sel = select(editor, 'Tartus');
    const a = await vscode.commands.executeCommand<{ id: string }>('sift.labelSelection', 'PLACE');
    await editor.edit((b) => b.delete(sel));
    const session = api.session(editor.document)!;
    assert.strictEqual(session.find(a.id)!.orphaned, true, 'kept and flagged, not dropped');
    const diag = await waitFor(() => vscode.languages.getDiagnostics(editor.document.uri).find((d) => d.source === 'sift'), { message: 'an orphan diagnostic' });
    assert.match(diag.message, /Orphaned entity .*Tartus/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, diag.range);
    assert.ok(actions.some((x) => x.title.includes('delete orphaned')), actions.map((x) => x.title).join(', '));
    await vscode.commands.executeCommand('undo');
    await waitFor(() => session.find(a.id)!.orphaned !== true, { message: 'the orphan restored by undo' });
    assert.strictEqual(session.find(a.id)!.quote, 'Tartus');
    await waitFor(() => !vscode.languages.getDiagnostics(editor.document.uri).some((d) => d.source === 'sift'), { message: 'the diagnostic cleared' });
    await editor.document.save();
  });

  it('re-attaches an orphan to a selection with the quick fix command', async () => {
    const api = await siftApi();
    const editor = await sample('002_ec2a2dd01141acf4.txt', 's-reattach.txt');
    const sel = select(editor, 'Russia', 1);
    const a = await vscode.commands.executeCommand<{ id: string }>('sift.labelSelection', 'PLACE');
    await editor.edit((b) => b.delete(sel));
    const session = api.session(editor.document)!;
    assert.strictEqual(session.find(a.id)!.orphaned, true);
    select(editor, 'Syria');
    await vscode.commands.executeCommand('sift.reattachOrphan', editor.document.uri, a.id);
    assert.strictEqual(session.find(a.id)!.quote, 'Syria');
    assert.ok(!session.find(a.id)!.orphaned);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('reloads a sidecar changed outside Sift (a colleague, git pull)', async () => {
    const api = await siftApi();
    const editor = await sample('003_e6866273c3032639.txt', 's-reload.txt');
    // A word no other test labels, since labelled strings teach the suggestions.
    select(editor, 'Qudsayya');
    const a = await vscode.commands.executeCommand<{ id: string }>('sift.labelSelection', 'PLACE');
    const session = api.session(editor.document)!;
    api.flush();
    const file = session.sidecar.path;
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('label: PLACE', 'label: ORG'));
    await waitFor(() => (session.find(a.id) as { label: string }).label === 'ORG', { message: 'the external change to be loaded' });
  });

  it('re-anchors by quote when the open article is changed on disk (git checkout, another program)', async () => {
    const api = await siftApi();
    const editor = await sample('001_ae3071192ac73a97.txt', 's-reanchor.txt');
    select(editor, 'Latakia');
    const a = await vscode.commands.executeCommand<{ id: string; start: number }>('sift.labelSelection', 'PLACE');
    const session = api.session(editor.document)!;
    api.flush();
    const file = editor.document.uri.fsPath;
    const old = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, `Correction appended on 17 December 😀.\n\n${old}`);
    await waitFor(() => editor.document.getText().startsWith('Correction'), { message: 'the editor to reload the article' });
    const prefix = Array.from('Correction appended on 17 December 😀.\n\n').length;
    await waitFor(() => session.find(a.id)!.start === a.start + prefix, { message: 'the annotation to follow its quote' });
    assert.strictEqual(session.find(a.id)!.quote, 'Latakia');
    await waitFor(() => session.layer.header.sha256 === session.article.sha256 && !session.sidecar.dirty, { message: 'the sidecar to record the new text' });
  });

  it('never writes over a sidecar it cannot parse, and keeps new work in a recovery file', async () => {
    const api = await siftApi();
    const editor = await sample('004_72a6e1414d8de193.txt', 's-broken.txt');
    select(editor, 'Syria');
    await vscode.commands.executeCommand('sift.labelSelection', 'PLACE');
    const session = api.session(editor.document)!;
    api.flush();
    const file = session.sidecar.path;
    const broken = `${fs.readFileSync(file, 'utf8')}\nentities: [unclosed\n`;
    fs.writeFileSync(file, broken);
    await waitFor(() => session.sidecar.error, { message: 'the parse error to be noticed' });
    const diags = await waitFor(() => { const d = vscode.languages.getDiagnostics(vscode.Uri.file(file)); return d.length ? d : undefined; }, { message: 'a diagnostic on the sidecar' });
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
    const latin1 = await openNewArticle('latin1.txt', Buffer.from('Caf\xe9 in Damascus, said the minist\xe8re.', 'latin1'));
    assert.strictEqual(api.session(latin1.document), undefined);
    const fits = await sample('002_ec2a2dd01141acf4.txt', 'fits.txt');
    assert.ok(api.session(fits.document), 'under the default limit it is annotated');
    const restore = await setSettings({ maxArticleSizeMB: 0.001 });
    try {
      const big = await sample('002_ec2a2dd01141acf4.txt', 'big.txt');
      assert.ok(Buffer.byteLength(big.document.getText()) > 0.001 * 1024 * 1024);
      assert.strictEqual(api.session(big.document), undefined);
    } finally {
      await restore();
    }
  });
});
