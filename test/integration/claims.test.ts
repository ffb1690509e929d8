import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { aCorpus } from '../builders/corpus';
import { TESTER, closeAll, cpOf, open, readSidecar, sample, sampleText, sidecarData, select, sidecarOf, siftApi, uniqueName, useTester, waitFor, workspaceRoot } from './helpers';

type Claim = { id: string; start: number; end: number; quote: string; confidence: number; factuality?: string; source: { name: string; span?: { start: number; end: number; quote: string } }; cue?: { start: number; end: number; quote: string }; links?: { relation: string; article: string; claim: string }[] };

/** Waits until the claim flow shows the quick input whose title includes `step` (Sift reports it once it shows). */
async function showing(step: string): Promise<string> {
  const api = await siftApi();
  return waitFor(() => api.claimStep()?.includes(step) && api.claimStep(), { message: `the quick input "${step}"` });
}

/** Presses Enter in the quick input `step` once it shows, as a user would. */
async function enter(step: string): Promise<void> {
  await showing(step);
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

/** Presses Down in the quick input `step` once it shows, and waits until the next item is the active one. */
async function down(step: string): Promise<void> {
  const api = await siftApi();
  const before = await showing(step);
  await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
  await waitFor(() => { const now = api.claimStep(); return now?.includes(step) && now !== before; }, { message: `the next item in "${step}" (was ${before})` });
}

/**
 * Marks the selection (or, with `sentence`, the sentence at the cursor; with `span`, a selection Sift offers to trim)
 * as a claim, taking every suggestion.
 */
async function markClaim(sentence = false, span = false): Promise<Claim> {
  const marking = vscode.commands.executeCommand<Claim>('sift.markClaim');
  if (sentence) await enter('Sift: no selection');
  if (span) await enter('Sift: mark claim: span');
  await enter('(1/2)'); // the suggested source
  await enter('(2/2)'); // the preselected confidence
  const claim = await marking;
  assert.ok(claim, 'a claim was made');
  return claim;
}

function claimsOnDisk(doc: vscode.TextDocument): Claim[] {
  return (sidecarData(sidecarOf(doc))?.claims ?? []) as Claim[];
}

describe('claims', function () {
  this.timeout(120_000);
  useTester();
  afterEach(closeAll);

  const CLAIM = 'Russia has evacuated some of its diplomats out of the Syrian capital Damascus';

  it('marks a selected claim in three keystrokes: the command, Enter on the suggested source, Enter on the confidence', async () => {
    const api = await siftApi();
    const editor = await sample('000_f5a8d1d13f9f611e.txt', 'c000.txt');
    select(editor, CLAIM);
    const claim = await markClaim();
    api.flush();
    const onDisk = claimsOnDisk(editor.document);
    assert.deepStrictEqual(onDisk.map((c) => c.id), [claim.id]);
    const text = editor.document.getText();
    const start = cpOf(text, text.indexOf(CLAIM));
    assert.deepStrictEqual([onDisk[0].start, onDisk[0].end, onDisk[0].quote], [start, start + Array.from(CLAIM).length, CLAIM]);
    assert.strictEqual(onDisk[0].source.name, 'Russian Foreign Ministry');
    const src = text.indexOf('Russian Foreign Ministry');
    assert.deepStrictEqual(onDisk[0].source.span, { start: cpOf(text, src), end: cpOf(text, src) + 24, quote: 'Russian Foreign Ministry' });
    assert.strictEqual(onDisk[0].confidence, 0.5);
    const said = text.indexOf('said', src);
    assert.deepStrictEqual(onDisk[0].cue, { start: cpOf(text, said), end: cpOf(text, said) + 4, quote: 'said' });
    assert.strictEqual(onDisk[0].factuality, 'asserted');
  });

  it('reads a whole first line with its dateline and attribution clause: the speaker, the cue, the factuality, the claim proper', async () => {
    const api = await siftApi();
    const editor = await sample('000_f5a8d1d13f9f611e.txt', 'c000line.txt');
    const text = editor.document.getText();
    editor.selection = new vscode.Selection(editor.document.positionAt(0), editor.document.lineAt(0).range.end);
    const claim = await markClaim(false, true);
    api.flush();
    const [onDisk] = claimsOnDisk(editor.document);
    assert.strictEqual(onDisk?.id, claim.id);
    const proper = 'Russia has evacuated some of its diplomats out of the Syrian capital Damascus while its embassy continues to function';
    assert.deepStrictEqual([onDisk.start, onDisk.end, onDisk.quote], [cpOf(text, text.indexOf(proper)), cpOf(text, text.indexOf(proper)) + proper.length, proper]);
    const src = text.indexOf('Russian Foreign Ministry said.');
    assert.deepStrictEqual(onDisk.source, { name: 'Russian Foreign Ministry', span: { start: cpOf(text, src), end: cpOf(text, src) + 24, quote: 'Russian Foreign Ministry' } });
    const said = text.indexOf('said.', src);
    assert.deepStrictEqual(onDisk.cue, { start: cpOf(text, said), end: cpOf(text, said) + 4, quote: 'said' });
    assert.strictEqual(onDisk.factuality, 'asserted');
  });

  it('keeps the whole first line when the person chooses their own selection, and offers the dateline agency second', async () => {
    const api = await siftApi();
    const editor = await sample('000_f5a8d1d13f9f611e.txt', 'c000own.txt');
    const line = editor.document.lineAt(0);
    editor.selection = new vscode.Selection(line.range.start, line.range.end);
    const marking = vscode.commands.executeCommand<Claim>('sift.markClaim');
    await down('Sift: mark claim: span');
    await enter('Sift: mark claim: span');
    await down('(1/2)');
    assert.match(api.claimStep() ?? '', /› IANS$/, 'the agency of the dateline is the second source');
    await enter('(1/2)');
    await enter('(2/2)');
    const claim = await marking;
    api.flush();
    const [onDisk] = claimsOnDisk(editor.document);
    assert.deepStrictEqual([onDisk?.id, onDisk?.quote, onDisk?.source.name, onDisk?.cue?.quote, onDisk?.factuality], [claim.id, line.text, 'IANS', 'said', 'asserted']);
  });

  it('leaves nothing behind when Escape cancels', async () => {
    const api = await siftApi();
    const editor = await sample('000_f5a8d1d13f9f611e.txt', 'c000esc.txt');
    select(editor, CLAIM);
    const marking = vscode.commands.executeCommand<Claim>('sift.markClaim');
    await enter('(1/2)');
    await showing('(2/2)');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.strictEqual(await marking, undefined);
    assert.strictEqual(api.session(editor.document)!.layer.claims.length, 0);
    api.flush();
    assert.strictEqual(readSidecar(sidecarOf(editor.document)), undefined, 'no sidecar was written');
  });

  it('shows the claim again on reopening, and edits, deletes and undoes', async () => {
    const api = await siftApi();
    let editor = await sample('000_f5a8d1d13f9f611e.txt', 'c000edit.txt');
    const file = editor.document.uri.fsPath;
    select(editor, CLAIM);
    const made = await markClaim();
    api.flush();
    assert.deepStrictEqual(claimsOnDisk(editor.document).map((c) => c.id), [made.id], 'the claim is on disk');
    await closeAll();
    editor = await open(file);
    const session = api.session(editor.document)!;
    const [claim] = session.layer.claims;
    assert.deepStrictEqual([claim?.id, claim?.quote], [made.id, CLAIM], 'the claim is there after closing and reopening');
    // Edit the confidence: second field, then one level up.
    const editing = vscode.commands.executeCommand('sift.editClaim', claim.id);
    await down('Sift: edit claim "');
    await enter('Sift: edit claim "');
    await down('Sift: edit claim (2/2)');
    await enter('Sift: edit claim (2/2)');
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
    assert.deepStrictEqual(claimsOnDisk(editor.document).map((c) => [c.id, c.confidence, c.quote]), [[claim.id, 0.75, 'Russia has evacuated some of its diplomats']]);
    await closeAll();
    editor = await open(file);
    assert.deepStrictEqual(api.session(editor.document)!.layer.claims.map((c) => c.id), [claim.id]);
  });

  it('offers the sentence at the cursor when nothing is selected, and the lightbulb on a selection', async () => {
    const api = await siftApi();
    const editor = await sample('003_e6866273c3032639.txt', 'c003.txt');
    const text = editor.document.getText();
    const at = editor.document.positionAt(text.indexOf('Russian military envoys negotiated') + 5);
    editor.selection = new vscode.Selection(at, at);
    const claim = await markClaim(true);
    // The sentence opens with its attribution: the claim offered first leaves "Lababidi told the … that" out.
    assert.ok(claim.quote.startsWith('Russian military envoys negotiated'), claim.quote);
    assert.strictEqual(claim.source.name, 'Lababidi');
    assert.deepStrictEqual(api.session(editor.document)!.layer.claims.map((c) => c.id), [claim.id]);
    const range = new vscode.Range(editor.document.positionAt(10), editor.document.positionAt(40));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, range);
    assert.ok(actions.some((a) => a.title === 'Sift: Mark claim…'), actions.map((a) => a.title).join(', '));
  });

  it('links claims across articles and lists them from either side', async () => {
    const api = await siftApi();
    const a = await sample('001_ae3071192ac73a97.txt', 'c001.txt');
    select(a, 'have pledged to ensure the safety of Russian military bases and diplomatic missions in the country');
    const first = await markClaim();
    assert.strictEqual(first.source.name, 'anonymous Kremlin source');
    const b = await sample('003_e6866273c3032639.txt', 'c003b.txt');
    select(b, 'have guaranteed the security of Russian military bases and diplomatic missions on Syrian territory');
    const second = await markClaim();
    assert.strictEqual(second.source.name, 'Russian official');
    api.flush();
    const linked = await vscode.commands.executeCommand<Claim>('sift.linkClaim', second.id, { article: a.document.uri.fsPath, claim: first.id }, 'same');
    const aName = path.basename(a.document.uri.fsPath);
    assert.deepStrictEqual(linked.links?.map((l) => [l.relation, l.article, l.claim]), [['same', aName, first.id]]);
    api.flush();
    assert.deepStrictEqual(claimsOnDisk(b.document).map((c) => c.links?.map((l) => l.claim)), [[first.id]]);
    // From the other side, the link is found too: the list shows, Escape closes it, and it returns what it listed.
    await vscode.window.showTextDocument(a.document);
    const listing = vscode.commands.executeCommand<string[]>('sift.showLinkedClaims', first.id);
    await showing('Sift: claims linked to');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    const items = await listing;
    assert.strictEqual(items.length, 1, JSON.stringify(items));
    assert.match(items[0], /^← same: have guaranteed/);
  });

  it('moves between annotations with Next/Previous Annotation', async () => {
    const api = await siftApi();
    const name = uniqueName('c003nav.txt');
    const told = 'Lababidi told the Financial Times (FT) that Russian military envoys negotiated safe passage';
    aCorpus().in(workspaceRoot()).withArticle(name, sampleText('003_e6866273c3032639.txt'))
      .annotatedBy(TESTER, (l) => l.withClaim(told, { source: 'Lababidi', sourceSpan: true, cue: 'told' }))
      .build();
    const editor = await open(path.join(workspaceRoot(), name));
    select(editor, 'Hayat Tahrir al-Sham');
    const entity = await vscode.commands.executeCommand<{ quote: string; start: number }>('sift.labelSelection', 'ORG');
    assert.strictEqual(entity?.quote, 'Hayat Tahrir al-Sham');
    const claims = api.session(editor.document)!.layer.claims;
    assert.deepStrictEqual(claims.map((c) => c.quote), [told]);
    assert.ok(entity.start < claims[0].start, `entity at ${entity.start}, claim at ${claims[0].start}`);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const first = await vscode.commands.executeCommand<{ quote: string }>('sift.nextAnnotation');
    assert.strictEqual(first.quote, 'Hayat Tahrir al-Sham');
    const second = await vscode.commands.executeCommand<{ quote: string }>('sift.nextAnnotation');
    assert.strictEqual(second.quote, told);
    const back = await vscode.commands.executeCommand<{ quote: string }>('sift.previousAnnotation');
    assert.strictEqual(back.quote, 'Hayat Tahrir al-Sham');
    assert.match(api.statusText(), /1 claim · 1 entity/);
  });

  it('lists articles with counts, claims and entities in the Sift view, with filters', async () => {
    const api = await siftApi();
    // Names no other test uses, so the filters pick out this article alone.
    const text = 'Oksana Zubrytska told Ukrinform that the Zatoka bridge was closed. Port officials in Izmail said traffic resumed.\n';
    const name = uniqueName('tree.txt');
    aCorpus().in(workspaceRoot()).withArticle(name, text)
      .annotatedBy(TESTER, (l) => l.withEntity('Ukrinform', 'ORG')
        .withClaim('the Zatoka bridge was closed', { source: 'Oksana Zubrytska', sourceSpan: true, cue: 'told', confidence: 0.5 })
        .withClaim('traffic resumed', { source: 'Port officials in Izmail', sourceSpan: true, cue: 'said', confidence: 0.9 }))
      .build();
    try {
      const all = await waitFor(async () => { const t = await api.tree(); return t.some((a) => a.article === name) && t; }, { message: `${name} in the Sift view` });
      const mine = all.find((a) => a.article === name)!;
      assert.strictEqual(mine.description, '2 claims · 1 entity');
      assert.deepStrictEqual(mine.children, ['Ukrinform — ORG', 'the Zatoka bridge was closed — Oksana Zubrytska · 0.5', 'traffic resumed — Port officials in Izmail · 0.9']);
      const bySource = await api.tree({ label: 'CLAIM', source: 'Oksana Zubrytska' });
      assert.deepStrictEqual(bySource.map((a) => [a.article, a.description]), [[name, '1 claim · 0 entities']]);
      const confident = await api.tree({ minConfidence: 0.7 });
      assert.deepStrictEqual(confident.find((a) => a.article === name)?.children, ['traffic resumed — Port officials in Izmail · 0.9']);
      const low = confident.flatMap((a) => a.children).filter((c) => / · 0\.[0-6]\d*( ·|$)/.test(c));
      assert.deepStrictEqual(low, [], 'no claim under the minimum confidence is listed');
    } finally {
      await api.tree(); // the filter is the view's state: clear it
    }
  });
});
