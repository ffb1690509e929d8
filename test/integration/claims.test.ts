import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { closeAll, cpOf, readSidecar, sample, select, siftApi, waitFor, workspaceRoot } from './helpers';

type Claim = { id: string; start: number; end: number; quote: string; confidence: number; factuality?: string; source: { name: string; span?: { start: number; end: number; quote: string } }; cue?: { start: number; end: number; quote: string }; links?: { relation: string; article: string; claim: string }[] };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Presses Enter in the quick input, as a user would; with `step`, first waits until that step of the flow shows. */
async function enter(step?: string): Promise<void> {
  if (step) {
    const api = await siftApi();
    await waitFor(`the quick input "${step}"`, () => api.claimStep()?.includes(step));
    await sleep(100);
  } else await sleep(700);
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

async function down(): Promise<void> {
  await sleep(500);
  await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
}


function claimsOnDisk(file: string): Claim[] {
  return (parse(readSidecar(path.join(workspaceRoot(), file)) ?? '{}')?.claims ?? []) as Claim[];
}

describe('claims', function () {
  this.timeout(90_000);
  before(async () => {
    await vscode.workspace.getConfiguration('sift').update('annotator', 'tester', vscode.ConfigurationTarget.Global);
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await closeAll();
  });

  const CLAIM = 'Russia has evacuated some of its diplomats out of the Syrian capital Damascus';

  it('marks a selected claim in three keystrokes: the command, Enter on the suggested source, Enter on the confidence', async () => {
    const api = await siftApi();
    const editor = await sample('000_f5a8d1d13f9f611e.txt', 'c000.txt');
    select(editor, CLAIM);
    const marking = vscode.commands.executeCommand<Claim>('sift.markClaim');
    await enter('(1/2)'); // source: the suggested "Russian Foreign Ministry"
    await enter('(2/2)'); // confidence: the preselected level
    const claim = await marking;
    assert.ok(claim, 'a claim was made');
    api.flush();
    const [onDisk] = claimsOnDisk('c000.tester.ann.yaml');
    const text = editor.document.getText();
    const start = cpOf(text, text.indexOf(CLAIM));
    assert.deepStrictEqual([onDisk.start, onDisk.end, onDisk.quote], [start, start + Array.from(CLAIM).length, CLAIM]);
    assert.strictEqual(onDisk.source.name, 'Russian Foreign Ministry');
    const src = text.indexOf('Russian Foreign Ministry');
    assert.deepStrictEqual(onDisk.source.span, { start: cpOf(text, src), end: cpOf(text, src) + 24, quote: 'Russian Foreign Ministry' });
    assert.strictEqual(onDisk.confidence, 0.5);
    const said = text.indexOf('said', src);
    assert.deepStrictEqual(onDisk.cue, { start: cpOf(text, said), end: cpOf(text, said) + 4, quote: 'said' });
    assert.strictEqual(onDisk.factuality, 'asserted');
  });

  it('leaves nothing behind when Escape cancels', async () => {
    const api = await siftApi();
    const editor = await sample('000_f5a8d1d13f9f611e.txt', 'c000esc.txt');
    select(editor, CLAIM);
    const marking = vscode.commands.executeCommand<Claim>('sift.markClaim');
    await enter('(1/2)');
    await waitFor('the confidence step', async () => (await siftApi()).claimStep()?.includes('(2/2)'));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.strictEqual(await marking, undefined);
    assert.strictEqual(api.session(editor.document)!.layer.claims.length, 0);
  });

  it('shows the claim again on reopening, and edits, deletes and undoes', async () => {
    const api = await siftApi();
    let editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(path.join(workspaceRoot(), 'c000.txt')));
    const session = api.session(editor.document)!;
    const [claim] = session.layer.claims;
    assert.ok(claim, 'the claim is there after closing and reopening');
    // Edit the confidence: second field, then one level up.
    const editing = vscode.commands.executeCommand('sift.editClaim', claim.id);
    await down();
    await enter();
    const api2 = await siftApi();
    await waitFor('the confidence step', () => api2.claimStep()?.includes('(2/2)'));
    await down();
    await enter('(2/2)');
    await editing;
    assert.strictEqual((session.find(claim.id) as Claim).confidence, 0.75);
    // Re-span to a selection.
    select(editor, 'Russia has evacuated some of its diplomats');
    await vscode.commands.executeCommand('sift.respanClaim', claim.id);
    assert.strictEqual(session.find(claim.id)!.quote, 'Russia has evacuated some of its diplomats');
    // Delete, then undo.
    assert.strictEqual(await vscode.commands.executeCommand('sift.deleteAnnotation', claim.id), true);
    assert.strictEqual(session.find(claim.id), undefined);
    await vscode.commands.executeCommand('sift.undo');
    assert.strictEqual(session.find(claim.id)?.quote, 'Russia has evacuated some of its diplomats');
    api.flush();
    assert.strictEqual(claimsOnDisk('c000.tester.ann.yaml')[0].confidence, 0.75);
    await closeAll();
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(path.join(workspaceRoot(), 'c000.txt')));
    assert.strictEqual(api.session(editor.document)!.layer.claims.length, 1);
  });

  it('offers the sentence at the cursor when nothing is selected, and the lightbulb on a selection', async () => {
    const api = await siftApi();
    const editor = await sample('003_e6866273c3032639.txt', 'c003.txt');
    const text = editor.document.getText();
    const at = editor.document.positionAt(text.indexOf('Russian military envoys negotiated') + 5);
    editor.selection = new vscode.Selection(at, at);
    const marking = vscode.commands.executeCommand<Claim>('sift.markClaim');
    await enter(); // take the sentence
    await enter('(1/2)'); // source: Lababidi
    await enter('(2/2)'); // confidence
    const claim = await marking;
    assert.ok(claim?.quote.startsWith('Lababidi told the Financial Times'), claim?.quote);
    assert.strictEqual(api.session(editor.document)!.layer.claims.length, 1);
    const range = new vscode.Range(editor.document.positionAt(10), editor.document.positionAt(40));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, range);
    assert.ok(actions.some((a) => a.title === 'Sift: Mark claim…'), actions.map((a) => a.title).join(', '));
  });

  it('links claims across articles and lists them from either side', async () => {
    const api = await siftApi();
    const a = await sample('001_ae3071192ac73a97.txt', 'c001.txt');
    select(a, 'have pledged to ensure the safety of Russian military bases and diplomatic missions in the country');
    const marking = vscode.commands.executeCommand<Claim>('sift.markClaim');
    await enter('(1/2)');
    await enter('(2/2)');
    const first = (await marking)!;
    assert.strictEqual(first.source.name, 'anonymous Kremlin source');
    const b = await sample('003_e6866273c3032639.txt', 'c003b.txt');
    select(b, 'have guaranteed the security of Russian military bases and diplomatic missions on Syrian territory');
    const marking2 = vscode.commands.executeCommand<Claim>('sift.markClaim');
    await enter('(1/2)');
    await enter('(2/2)');
    const second = (await marking2)!;
    assert.strictEqual(second.source.name, 'Russian official');
    api.flush();
    const linked = await vscode.commands.executeCommand<Claim>('sift.linkClaim', second.id, { article: path.join(workspaceRoot(), 'c001.txt'), claim: first.id }, 'same');
    assert.deepStrictEqual(linked.links?.map((l) => [l.relation, l.article, l.claim]), [['same', 'c001.txt', first.id]]);
    api.flush();
    assert.strictEqual(claimsOnDisk('c003b.tester.ann.yaml')[0].links?.[0].claim, first.id);
    // From the other side, the link is found too.
    await vscode.window.showTextDocument(a.document);
    let items: string[] | undefined;
    const listing = vscode.commands.executeCommand<string[]>('sift.showLinkedClaims', first.id).then((v) => { items = v; });
    // Close the list once it shows (it returns what it listed); keep trying while the machine is slow.
    for (let i = 0; i < 60 && items === undefined; i++) {
      await sleep(250);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    }
    await listing;
    assert.ok(items);
    assert.strictEqual(items.length, 1);
    assert.match(items[0], /^← same: have guaranteed/);
  });

  it('moves between annotations with Next/Previous Annotation', async () => {
    const api = await siftApi();
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(path.join(workspaceRoot(), 'c003.txt')));
    select(editor, 'Hayat Tahrir al-Sham');
    const entity = await vscode.commands.executeCommand<{ quote: string; start: number }>('sift.labelSelection', 'ORG');
    assert.strictEqual(entity?.quote, 'Hayat Tahrir al-Sham');
    const claimStart = api.session(editor.document)!.layer.claims[0].start;
    assert.ok(entity.start < claimStart, `entity at ${entity.start}, claim at ${claimStart}`);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const first = await vscode.commands.executeCommand<{ quote: string }>('sift.nextAnnotation');
    assert.strictEqual(first.quote, 'Hayat Tahrir al-Sham');
    const second = await vscode.commands.executeCommand<{ quote: string }>('sift.nextAnnotation');
    assert.match(second.quote, /^Lababidi told/);
    const back = await vscode.commands.executeCommand<{ quote: string }>('sift.previousAnnotation');
    assert.strictEqual(back.quote, 'Hayat Tahrir al-Sham');
    assert.match(api.statusText(), /1 claim · 1 entity/);
  });

  it('lists articles with counts, claims and entities in the Sift view, with filters', async () => {
    const api = await siftApi();
    api.flush();
    const all = await api.tree();
    const c003 = all.find((a) => a.article === 'c003.txt')!;
    assert.ok(c003, JSON.stringify(all.map((a) => a.article)));
    assert.strictEqual(c003.description, '1 claim · 1 entity');
    assert.ok(c003.children.some((c) => c.startsWith('Hayat Tahrir al-Sham — ORG')));
    assert.ok(c003.children.some((c) => c.startsWith('Lababidi told') && c.includes('Lababidi · 0.5')));
    const claimsOnly = await api.tree({ label: 'CLAIM', source: 'Lababidi' });
    assert.deepStrictEqual(claimsOnly.map((a) => a.article).sort(), ['c003.txt']);
    assert.strictEqual(claimsOnly[0].description, '1 claim · 0 entities');
    const confident = await api.tree({ minConfidence: 0.7 });
    assert.ok(confident.every((a) => !a.children.some((c) => c.includes('· 0.5'))));
    await api.tree();
  });
});

