// The edit path in a real editor: end-of-line changes, whole-document replaces, cut and paste, and a failing handler.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { ClaimAnnotation } from '../../src/core/model';
import { ArticleSession } from '../../src/core/session/session';
import { closeAll, cpOf, openNewArticle, siftApi, useTester, waitFor } from './helpers';

const P1 = 'Rebels took Homs 🚀 overnight, a monitor said, and Assad fled to Moscow.';
const P2 = 'Moscow, Dec 16 (IANS) In a statement on Monday, Russia has evacuated some of its diplomats 😀 from Damascus, the Russian Foreign Ministry said. It gave no figures, and the embassy in the Syrian capital stays open for now, officials added.';

/** Opens a new article and annotates it through its session: every 'Moscow', and a claim with its cue and source. */
async function annotatedArticle(name: string, text: string): Promise<{ editor: vscode.TextEditor; claim: ClaimAnnotation }> {
  const api = await siftApi();
  const editor = await openNewArticle(name, text);
  const s = await waitFor(() => api.session(editor.document), { message: 'the session' });
  for (let u = text.indexOf('Moscow'); u !== -1; u = text.indexOf('Moscow', u + 1)) s.addEntity({ start: cpOf(text, u), end: cpOf(text, u) + 6, label: 'PLACE' });
  const cp = (needle: string, from = 0) => cpOf(text, text.indexOf(needle, from));
  const claim = s.addClaim({
    start: cp('Russia has'), end: cp(' from Damascus'), confidence: 0.9,
    source: { name: 'Russian Foreign Ministry', span: { start: cp('Russian Foreign'), end: cp('Russian Foreign') + 24, quote: '' } },
    cue: { start: cp('said', text.indexOf('Russian Foreign')), end: cp('said', text.indexOf('Russian Foreign')) + 4, quote: '' },
  });
  return { editor, claim };
}

/** The session once it holds the editor's text. */
async function following(doc: vscode.TextDocument): Promise<ArticleSession> {
  const api = await siftApi();
  return waitFor(() => { const s = api.session(doc); return s?.article.text === doc.getText() && s; }, { message: 'the session to hold the editor\'s text' });
}

/** No placed annotation and no sub-span is off its quote; returns the orphans' quotes. */
function orphansOf(s: ArticleSession): string[] {
  for (const a of s.all().filter((x) => !x.orphaned)) assert.strictEqual(s.article.slice(a.start, a.end), a.quote, `${a.id} stands on its quote`);
  for (const c of s.layer.claims.filter((x) => !x.orphaned)) {
    for (const sub of [c.cue, c.source.span]) if (sub && !sub.orphaned) assert.strictEqual(s.article.slice(sub.start, sub.end), sub.quote, `${c.id}'s sub-span stands on its quote`);
  }
  return s.all().filter((a) => a.orphaned).map((a) => a.quote);
}

async function typeAt(editor: vscode.TextEditor, u16: number, text: string): Promise<void> {
  assert.ok(await editor.edit((b) => b.insert(editor.document.positionAt(u16), text)));
}

describe('the edit path in the editor', function () {
  this.timeout(120_000);
  useTester({ saveDelayMs: 50 });
  afterEach(closeAll);

  it('keeps every annotation, and a claim\'s cue and source, through an end-of-line change (setEndOfLine) and the next keystroke', async () => {
    const { editor, claim } = await annotatedArticle('eol.txt', `Moscow\n\n${P1}\n\n${P2}\nMoscow\n`);
    assert.ok(await editor.edit((b) => b.setEndOfLine(vscode.EndOfLine.CRLF)));
    assert.ok(editor.document.getText().includes('\r\n'), 'the document is CRLF now');
    let s = await following(editor.document);
    assert.deepStrictEqual(orphansOf(s), []);
    await typeAt(editor, 0, 'x');
    s = await following(editor.document);
    const text = editor.document.getText();
    const c = s.find(claim.id) as ClaimAnnotation;
    const said = text.indexOf('said', text.indexOf('Russian Foreign'));
    assert.deepStrictEqual(c.cue, { start: cpOf(text, said), end: cpOf(text, said) + 4, quote: 'said' });
    assert.deepStrictEqual(orphansOf(s), []);
    // And back to LF.
    assert.ok(await editor.edit((b) => b.setEndOfLine(vscode.EndOfLine.LF)));
    s = await following(editor.document);
    assert.deepStrictEqual(orphansOf(s), []);
    assert.strictEqual(s.layer.entities.length, 4);
  });

  it('re-anchors a whole-document replace (editor.edit) by quote and context', async () => {
    const { editor, claim } = await annotatedArticle('whole.txt', `${P1}\n\n${P2}\n`);
    const doc = editor.document;
    const seen: string[] = [];
    const listener = vscode.workspace.onDidChangeTextDocument((e) => { if (e.document === doc) seen.push(JSON.stringify(e.contentChanges.map((c) => [c.rangeOffset, c.rangeLength, c.text.length]))); });
    try {
      assert.ok(await editor.edit((b) => b.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), `BREAKING\n\n${P2}\n\n${P1}\n`)));
      await following(doc);
    } finally {
      listener.dispose();
    }
    assert.deepStrictEqual(seen.filter((c) => c !== '[]').map((c) => (JSON.parse(c) as number[][]).length), [1], `one change over the whole text: ${seen.join(' ')}`);
    const s = await following(doc);
    assert.deepStrictEqual(orphansOf(s), [], `changes: ${seen.join(' ')}`);
    const text = doc.getText();
    assert.strictEqual(s.find(claim.id)!.start, cpOf(text, text.indexOf('Russia has')));
  });

  it('follows a claim cut with its paragraph and pasted back as its sentence, then typing, without losing step', async () => {
    const { editor, claim } = await annotatedArticle('cut.txt', `${P1}\n\n${P2}`);
    const doc = editor.document;
    const text = doc.getText();
    // Cut the last paragraph with the blank line before it; paste back only its sentence with some context, at the top.
    assert.ok(await editor.edit((b) => b.delete(new vscode.Range(doc.positionAt(text.length - P2.length - 2), doc.positionAt(text.length)))));
    const sentence = P2.slice(P2.indexOf('Russia has') - 40, P2.indexOf('said.') + 5);
    await typeAt(editor, 0, `${sentence}\n\n`);
    await typeAt(editor, 0, 'x');
    await typeAt(editor, 1, 'y');
    const s = await following(doc);
    const now = doc.getText();
    const c = s.find(claim.id) as ClaimAnnotation;
    assert.ok(!c.orphaned);
    assert.strictEqual(c.start, cpOf(now, now.indexOf('Russia has')));
    assert.strictEqual(c.cue?.quote, 'said');
    assert.deepStrictEqual(orphansOf(s), ['Moscow'], 'only the entity cut with the paragraph and not pasted back is orphaned');
  });

  it('reloads the session from disk and the editor\'s text when following an edit fails, and follows the next edits', async () => {
    const api = await siftApi();
    const { editor } = await annotatedArticle('fails.txt', `${P1}\n\n${P2}`);
    const doc = editor.document;
    const broken = api.session(doc)!;
    broken.applyEdits = () => { throw new Error('forced failure in the edit handler'); };
    await typeAt(editor, 0, 'AB ');
    const fresh = await waitFor(() => { const s = api.session(doc); return s !== broken && s?.article.text === doc.getText() && s; }, { message: 'a fresh session after the failure' });
    assert.deepStrictEqual(orphansOf(fresh), []);
    const moscow = () => fresh.layer.entities.map((e) => e.start).sort((a, b) => a - b)[0];
    const first = moscow();
    assert.strictEqual(first, cpOf(doc.getText(), doc.getText().indexOf('Moscow')), 'the reloaded annotations stand on the editor\'s text');
    await typeAt(editor, 0, '🚀 ');
    await following(doc);
    assert.strictEqual(api.session(doc), fresh, 'no further reload: the session follows again');
    assert.strictEqual(moscow(), first + 2);
    assert.deepStrictEqual(orphansOf(fresh), []);
  });
});
