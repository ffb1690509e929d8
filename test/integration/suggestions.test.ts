import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, closeAll, cpOf, keepFixtureSidecars, open, openNewArticle, sample, sidecarData, sidecarOf, siftApi, uniqueName, useTester, waitFor, workspaceRoot } from './helpers';

type Sug = { start: number; end: number; label: string; text: string; value?: string; canonical?: string };


function hoverText(h: vscode.Hover[]): string {
  return h.flatMap((x) => x.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
}

describe('suggestions in the editor', function () {
  this.timeout(60_000);
  useTester({ saveDelayMs: 50 });
  before(() => {
    // The workspace's gazetteer is a fixture: make sure it is the sample's.
    const repo = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    fs.copyFileSync(path.join(repo, 'samples', 'sift.gazetteer.yaml'), path.join(workspaceRoot(), 'sift.gazetteer.yaml'));
  });
  afterEach(closeAll);

  it('suggests people, organisations, places and dates, with dates resolved against the reference date', async () => {
    const api = await siftApi();
    const editor = await sample('000_f5a8d1d13f9f611e.txt', 's000.txt');
    await vscode.commands.executeCommand('sift.setReferenceDate', '2024-12-16');
    const list = (await api.suggestions(editor.document)) as Sug[];
    const has = (text: string, label: string) => list.find((s) => s.text === text && s.label === label);
    assert.ok(has('Moscow', 'PLACE'), JSON.stringify(list.slice(0, 5)));
    assert.ok(has('David Lammy', 'PERSON'));
    assert.ok(has('Russian Aerospace Forces', 'ORG'));
    assert.strictEqual(has('Sunday', 'DATE')?.value, '2024-12-15', 'the Ministry said on Sunday: the day before a Monday reference');
    assert.strictEqual(has('Wednesday', 'DATE')?.value, '2024-12-11');
    assert.ok(!list.some((s) => s.text === 'now'), '"now" is not a date');
    assert.ok(!list.some((s) => s.text.endsWith(',') || s.text.startsWith('President')), 'no punctuation or titles in spans');
    const text = editor.document.getText();
    const m = has('Moscow', 'PLACE')!;
    assert.strictEqual(m.start, cpOf(text, text.indexOf('Moscow')));
    api.flush();
    const side = sidecarData(sidecarOf(editor.document));
    assert.strictEqual(side?.published, '2024-12-16', 'the reference date is kept in the sidecar');
  });

  it('shows the canonical name and actions in the hover, and accepting makes an entity annotation', async () => {
    const api = await siftApi();
    const editor = await sample('000_f5a8d1d13f9f611e.txt', 's000b.txt');
    await waitFor(async () => ((await api.suggestions(editor.document)) as Sug[]).some((s) => s.canonical === 'Khmeimim Air Base' && s.text === 'Hmeimim'), { message: 'the gazetteer to load' });
    const text = editor.document.getText();
    const at = editor.document.positionAt(text.indexOf('Hmeimim') + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
    const shown = hoverText(hovers);
    assert.match(shown, /\*\*PLACE\*\*/);
    assert.match(shown, /Khmeimim Air Base/);
    assert.match(shown, /sift\.acceptSuggestion/);
    assert.match(shown, /sift\.rejectSuggestion/);
    // Accept from the cursor, as the keybinding does.
    editor.selection = new vscode.Selection(at, at);
    const entity = await vscode.commands.executeCommand<{ id: string; label: string; canonical?: string }>('sift.acceptSuggestion');
    assert.ok(entity);
    assert.deepStrictEqual([entity.label, entity.canonical], ['PLACE', 'Khmeimim Air Base']);
    const after = (await api.suggestions(editor.document)) as Sug[];
    assert.ok(!after.some((s) => s.start === cpOf(text, text.indexOf('Hmeimim'))), 'an accepted suggestion is no longer a suggestion');
    const side = sidecarOf(editor.document);
    await waitFor(() => (sidecarData(side)?.entities ?? []).some((e) => e.quote === 'Hmeimim'), { message: 'the entity on disk' });
    const confirmed = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at));
    assert.match(confirmed, /confirmed by tester/);
  });

  it('rejects a suggestion for good, and changes a label when accepting', async () => {
    const api = await siftApi();
    let editor = await sample('004_72a6e1414d8de193.txt', 's004.txt');
    const list = (await api.suggestions(editor.document)) as Sug[];
    const afp = list.find((s) => s.text === 'AFP')!;
    assert.ok(afp);
    const ref = { uri: editor.document.uri.toString(), start: afp.start, end: afp.end, label: afp.label };
    assert.strictEqual(await vscode.commands.executeCommand('sift.rejectSuggestion', ref), true);
    assert.ok(!((await api.suggestions(editor.document)) as Sug[]).some((s) => s.text === 'AFP' && s.label === afp.label));
    const homs = list.find((s) => s.text === 'Homs')!;
    const relabelled = await vscode.commands.executeCommand<{ label: string }>('sift.changeSuggestionLabel', { uri: editor.document.uri.toString(), start: homs.start, end: homs.end, label: homs.label }, 'ORG');
    assert.strictEqual(relabelled?.label, 'ORG');
    api.flush();
    const file = editor.document.uri.fsPath;
    await closeAll();
    editor = await open(file);
    assert.ok(!((await api.suggestions(editor.document)) as Sug[]).some((s) => s.text === 'AFP' && s.label === afp.label), 'the rejection is remembered');
    assert.deepStrictEqual(sidecarData(sidecarOf(editor.document))?.rejected, [{ quote: 'AFP', label: afp.label }]);
  });

  it('accepts every suggestion of a label in the article', async () => {
    const api = await siftApi();
    const editor = await sample('003_e6866273c3032639.txt', 's003.txt');
    const places = ((await api.suggestions(editor.document)) as Sug[]).filter((s) => s.label === 'PLACE');
    const n = await vscode.commands.executeCommand<number>('sift.acceptAllOfLabel', 'PLACE');
    assert.strictEqual(n, places.length);
    assert.ok(n > 20);
    assert.strictEqual(api.session(editor.document)!.layer.entities.filter((e) => e.label === 'PLACE').length, n);
    assert.ok(!((await api.suggestions(editor.document)) as Sug[]).some((s) => s.label === 'PLACE'));
  });

  it('accepts a string everywhere in the workspace, writing the sidecars of closed articles too', async () => {
    // The command reaches every article in the workspace, the fixtures too: put their sidecars back afterwards.
    const restore = keepFixtureSidecars();
    try {
      const closed = path.join(workspaceRoot(), uniqueName('s-closed.txt'));
      fs.writeFileSync(closed, 'Officials in Moscow declined to comment.\n');
      const editor = await sample('003_e6866273c3032639.txt', 's003b.txt');
      const other = await sample('002_ec2a2dd01141acf4.txt', 's002.txt');
      await vscode.window.showTextDocument(editor.document);
      const api = await siftApi();
      const lab = ((await api.suggestions(editor.document)) as Sug[]).find((s) => s.text === 'Moscow' && s.label === 'PLACE')!;
      assert.ok(lab, 'Moscow is suggested as a place');
      const n = await vscode.commands.executeCommand<number>('sift.acceptEverywhere', { uri: editor.document.uri.toString(), start: lab.start, end: lab.end, label: lab.label });
      assert.ok(n > 10, `labelled ${n}`);
      api.flush();
      for (const doc of [editor.document, other.document, closed]) {
        const text = typeof doc === 'string' ? fs.readFileSync(doc, 'utf8') : doc.getText();
        const moscows = (text.match(/(?<![\p{L}\p{N}])Moscow(?![\p{L}\p{N}])/gu) ?? []).length;
        const side = sidecarData(sidecarOf(doc));
        const labelled = (side?.entities ?? []).filter((e) => e.quote === 'Moscow' && e.label === 'PLACE').length;
        assert.ok(moscows > 0 && labelled === moscows, `${sidecarOf(doc)}: ${labelled} of ${moscows} Moscow labelled`);
      }
    } finally {
      await closeAll();
      restore();
    }
  });

  it('learns from what annotators labelled: a string labelled once is suggested in other articles', async () => {
    const api = await siftApi();
    const first = await openNewArticle('learn1.txt', 'The pro-Kremlin channel Rybar posted a map.\n');
    assert.ok(!((await api.suggestions(first.document)) as Sug[]).some((s) => s.text === 'Rybar'));
    const text = first.document.getText();
    first.selection = new vscode.Selection(first.document.positionAt(text.indexOf('Rybar')), first.document.positionAt(text.indexOf('Rybar') + 5));
    await vscode.commands.executeCommand('sift.labelSelection', 'ORG');
    api.flush();
    const second = await openNewArticle('learn2.txt', 'Later, Rybar deleted the post.\n');
    await waitFor(async () => ((await api.suggestions(second.document)) as Sug[]).some((s) => s.text === 'Rybar' && s.label === 'ORG'), { message: 'Rybar to be suggested as ORG' });
  });

  it('updates suggestions as the article is typed in', async () => {
    const api = await siftApi();
    const editor = await openNewArticle('typing.txt', 'The delegation flew on.\n');
    await api.suggestions(editor.document);
    await editor.edit((b) => b.insert(new vscode.Position(0, 'The delegation flew'.length), ' to Kyiv'));
    await waitFor(async () => ((await api.suggestions(editor.document)) as Sug[]).some((s) => s.text === 'Kyiv' && s.label === 'PLACE'), { message: 'a suggestion for the typed place' });
    await editor.edit((b) => b.insert(new vscode.Position(1, 0), 'Later, Olena Kovalenko told reporters.\n'));
    await waitFor(async () => ((await api.suggestions(editor.document)) as Sug[]).some((s) => s.text === 'Olena Kovalenko' && s.label === 'PERSON'), { message: 'a suggestion on the new line' });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('toggles suggestions off and on', async () => {
    const api = await siftApi();
    const before = api.suggestionsEnabled();
    await vscode.commands.executeCommand('sift.toggleSuggestions');
    try {
      assert.strictEqual(api.suggestionsEnabled(), !before);
    } finally {
      await vscode.commands.executeCommand('sift.toggleSuggestions');
    }
    assert.strictEqual(api.suggestionsEnabled(), before);
  });
});
