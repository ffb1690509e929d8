// Discussion on any annotation (issue 12), in the real VS Code host: ana discusses bob's entity, replies and resolves;
// her comments are in her own sidecar on disk and never in bob's; the thread comes back with its state after the
// sidecars are read again from disk; bob's reply (his own sidecar, changed on disk) reopens it; the thread follows its
// annotation when the text moves; ana edits and deletes her own comments only; and a hostile comment body is inert.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { parse as parseYaml } from 'yaml';
import { DiscussionComment, Layer } from '../../src/core/model';
import { serializeSidecar } from '../../src/core/store/sidecarFormat';
import type { SiftComment, SiftCommentThread } from '../../src/extension/platform/commentThreads';
import { BuiltCorpus, aCorpus } from '../builders/corpus';
import { closeAll, open, readSidecar, setSettings, siftApi, uniqueName, useSettings, waitFor, workspaceRoot } from './helpers';

interface Renderer { render(src: string): string }
// markdown-it ships no types and is a test-only tool here (installed with the dev dependencies).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options: Record<string, unknown>) => Renderer;
const renderer = new MarkdownIt({ html: true, linkify: true });

const ANA = 'ana';
const TEXT = 'Moscow, Dec 16. Sergei Lavrov said the embassy in Damascus stays open, officials said.\n';
const HOSTILE = '[click](command:sift.deleteAnnotation?%5B%22e-m%22%5D) ![](https://evil.example/x.png) <img src=x onerror=alert(1)> <b>bold</b>\n# heading\n- item';

/** An article in the workspace with bob's sidecar (Moscow and Sergei Lavrov), and bob's own comments, if any. */
function withBob(discussion: DiscussionComment[] = []): BuiltCorpus {
  const corpus = aCorpus().in(workspaceRoot()).withArticle(uniqueName('discuss.txt'), TEXT)
    .annotatedBy('bob', (l) => l.withEntity('Moscow', 'PLACE', { id: 'e-m' }).withEntity('Sergei Lavrov', 'PERSON', { id: 'e-l' }))
    .build();
  if (discussion.length) writeLayer(corpus, 'bob', { ...corpus.layer(corpus.articles[0], 'bob'), discussion });
  return corpus;
}

function writeLayer(corpus: BuiltCorpus, annotator: string, layer: Layer): void {
  fs.writeFileSync(corpus.sidecarPath(corpus.articles[0], annotator), serializeSidecar(layer));
}

function discussionOnDisk(file: string): DiscussionComment[] {
  const text = readSidecar(file);
  return text === undefined ? [] : ((parseYaml(text) as { discussion?: DiscussionComment[] } | null)?.discussion ?? []);
}

/** Puts the cursor inside the first occurrence of `needle`. */
function cursorIn(editor: vscode.TextEditor, needle: string): void {
  const at = editor.document.positionAt(editor.document.getText().indexOf(needle) + 1);
  editor.selection = new vscode.Selection(at, at);
}

async function threadOn(doc: vscode.TextDocument, key: string, ok: (t: SiftCommentThread) => boolean, message: string): Promise<SiftCommentThread> {
  const api = await siftApi();
  return waitFor(() => api.commentThreads(doc).find((t) => t.siftThreadId === key && ok(t)), { message });
}

const texts = (t: vscode.CommentThread) => t.comments.map((c) => (c as SiftComment).siftText);

describe('discussion on any annotation', function () {
  this.timeout(90_000);
  useSettings({ annotator: ANA, saveDelayMs: 50 });
  let corpus: BuiltCorpus | undefined;
  before(async () => {
    const api = await siftApi();
    await waitFor(() => api.annotator() === ANA, { message: `Sift to annotate as ${ANA}` });
  });
  afterEach(async () => {
    await closeAll();
    for (const f of corpus ? [corpus.articlePath(corpus.articles[0]), corpus.sidecarPath(corpus.articles[0], ANA)] : []) fs.rmSync(f, { force: true });
    corpus?.remove();
    corpus = undefined;
  });

  it('ana comments on bob\'s entity, replies and resolves: in her own sidecar, back after a reload, reopened by bob', async () => {
    const api = await siftApi();
    corpus = withBob();
    const name = corpus.articles[0];
    const bobFile = corpus.sidecarPath(name, 'bob');
    const anaFile = corpus.sidecarPath(name, ANA);
    const bobBefore = readSidecar(bobFile);
    await api.indexSettled();
    const editor = await open(corpus.articlePath(name));
    cursorIn(editor, 'Moscow');
    const key = await vscode.commands.executeCommand<string>('sift.discussAnnotation', undefined, 'PLACE or ORG? The ministry speaks from here.');
    assert.strictEqual(key, 'bob/e-m', 'the only annotation under the cursor is bob\'s');
    let thread = await threadOn(editor.document, key, (t) => t.comments.length === 1, 'the thread on bob\'s Moscow');
    assert.strictEqual(thread.range && editor.document.getText(thread.range), 'Moscow');
    assert.strictEqual(thread.comments[0].author.name, ANA);
    assert.strictEqual(thread.comments[0].contextValue, 'sift.comment.own');
    assert.strictEqual(thread.contextValue, 'sift.thread.canResolve');
    assert.strictEqual(thread.label, 'PLACE · Moscow · bob');
    assert.strictEqual(api.unresolvedCount(editor.document.uri.fsPath), 1);

    await vscode.commands.executeCommand('sift.replyComment', { thread, text: 'Reading it again: the city.' });
    thread = await threadOn(editor.document, key, (t) => t.comments.length === 2, 'the reply');
    await vscode.commands.executeCommand('sift.resolveThread', thread);
    thread = await threadOn(editor.document, key, (t) => t.state === vscode.CommentThreadState.Resolved, 'the thread to be resolved');
    assert.strictEqual(thread.contextValue, 'sift.thread.canReopen');
    assert.strictEqual(api.unresolvedCount(editor.document.uri.fsPath), 0);

    api.flush();
    const mine = await waitFor(() => { const d = discussionOnDisk(anaFile); return d.length === 3 && d; }, { message: 'ana\'s sidecar to hold her comments' });
    assert.deepStrictEqual(mine.map((c) => [c.on.annotator, c.on.id, c.text, c.resolved]),
      [['bob', 'e-m', 'PLACE or ORG? The ministry speaks from here.', undefined], ['bob', 'e-m', 'Reading it again: the city.', undefined], ['bob', 'e-m', undefined, true]]);
    assert.strictEqual(readSidecar(bobFile), bobBefore, 'bob\'s sidecar is never written');

    // Read everything again from disk, as a reload of the window does: annotate as bob for a moment (every session is
    // written and opened again as bob, and ana's layer now comes from the corpus index), then as ana again (her sidecar
    // is read back from disk).
    const asAna = await setSettings({ annotator: 'bob' });
    await waitFor(() => api.annotator() === 'bob', { message: 'Sift to annotate as bob' });
    await threadOn(editor.document, key, (t) => t.state === vscode.CommentThreadState.Resolved && t.comments.length === 2 && t.comments.every((c) => c.contextValue === 'sift.comment'),
      'as bob: ana\'s thread from her sidecar, with nothing of it his to edit');
    await asAna();
    await waitFor(() => api.annotator() === ANA, { message: `Sift to annotate as ${ANA} again` });
    thread = await threadOn(editor.document, key, (t) => t.state === vscode.CommentThreadState.Resolved && t.comments.every((c) => c.contextValue === 'sift.comment.own'),
      'the thread back from ana\'s sidecar, resolved and hers');
    assert.deepStrictEqual(texts(thread), ['PLACE or ORG? The ministry speaks from here.', 'Reading it again: the city.']);
    assert.strictEqual(readSidecar(bobFile), bobBefore, 'bob\'s sidecar is still not written');

    // Bob answers in his own sidecar (a git pull): the thread reopens, with his reply last.
    const later = new Date(Date.now() + 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    writeLayer(corpus, 'bob', { ...corpus.layer(name, 'bob'), discussion: [{ id: 'c-b1', on: { annotator: 'bob', id: 'e-m' }, at: later, resolved: false, text: 'No: the ministry, see the next line.' }] });
    await api.indexSettled();
    thread = await threadOn(editor.document, key, (t) => t.comments.length === 3 && t.state === vscode.CommentThreadState.Unresolved, 'bob\'s reply to reopen the thread');
    assert.strictEqual(thread.comments[2].author.name, 'bob');
    assert.strictEqual(thread.comments[2].contextValue, 'sift.comment', 'bob\'s comment is not ana\'s to edit');
    assert.strictEqual(thread.comments[2].label, 'reopened');
    assert.strictEqual(api.unresolvedCount(editor.document.uri.fsPath), 1);
  });

  it('follows its annotation when the text moves, and ana edits and deletes only her own comments', async () => {
    const api = await siftApi();
    corpus = withBob([{ id: 'c-b1', on: { annotator: 'bob', id: 'e-l' }, at: '2026-11-21T12:00:00Z', text: 'full name?' }]);
    const name = corpus.articles[0];
    const anaFile = corpus.sidecarPath(name, ANA);
    const bobBefore = readSidecar(corpus.sidecarPath(name, 'bob'));
    await api.indexSettled();
    const editor = await open(corpus.articlePath(name));
    const first = await threadOn(editor.document, 'bob/e-l', (t) => t.comments.length === 1, 'bob\'s thread on Sergei Lavrov');
    const before = first.range?.start.character;
    assert.strictEqual(first.range && editor.document.getText(first.range), 'Sergei Lavrov');
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'BREAKING 😀 '));
    let thread = await threadOn(editor.document, 'bob/e-l', (t) => !!t.range && t.range.start.character !== before && editor.document.getText(t.range) === 'Sergei Lavrov', 'the thread to follow its annotation');

    await vscode.commands.executeCommand('sift.replyComment', { thread, text: 'Yes, as in the agency copy.' });
    thread = await threadOn(editor.document, 'bob/e-l', (t) => t.comments.length === 2, 'ana\'s reply');
    const [bobs, mine] = thread.comments as SiftComment[];
    assert.deepStrictEqual([bobs.contextValue, mine.contextValue], ['sift.comment', 'sift.comment.own']);

    await vscode.commands.executeCommand('sift.editComment', mine);
    let editing = await threadOn(editor.document, 'bob/e-l', (t) => t.comments[1].mode === vscode.CommentMode.Editing, 'edit mode');
    assert.strictEqual(editing.comments[1].body, 'Yes, as in the agency copy.', 'the edit box holds the text as written');
    await vscode.commands.executeCommand('sift.cancelEditComment', editing.comments[1]);
    thread = await threadOn(editor.document, 'bob/e-l', (t) => t.comments[1].mode === vscode.CommentMode.Preview, 'cancel');
    assert.strictEqual((thread.comments[1] as SiftComment).siftText, 'Yes, as in the agency copy.', 'cancel keeps the saved text');

    await vscode.commands.executeCommand('sift.editComment', thread.comments[1]);
    editing = await threadOn(editor.document, 'bob/e-l', (t) => t.comments[1].mode === vscode.CommentMode.Editing, 'edit mode again');
    const edited = editing.comments[1] as SiftComment & { body: string | vscode.MarkdownString };
    edited.body = 'Yes: the agency copy has it.';
    await vscode.commands.executeCommand('sift.saveComment', edited);
    api.flush();
    await waitFor(() => discussionOnDisk(anaFile).some((c) => c.text === 'Yes: the agency copy has it.' && c.updated), { message: 'the edit on disk, with its time' });

    thread = await threadOn(editor.document, 'bob/e-l', (t) => (t.comments[1] as SiftComment).siftText === 'Yes: the agency copy has it.', 'the edited comment');
    await vscode.commands.executeCommand('sift.deleteComment', thread.comments[0]);
    await vscode.commands.executeCommand('sift.deleteComment', thread.comments[1]);
    api.flush();
    thread = await threadOn(editor.document, 'bob/e-l', (t) => t.comments.length === 1, 'ana\'s comment to go');
    assert.strictEqual(thread.comments[0].author.name, 'bob', 'bob\'s comment stays: it is not ana\'s to delete');
    await waitFor(() => discussionOnDisk(anaFile).length === 0, { message: 'ana\'s comment to go from her sidecar' });
    assert.strictEqual(readSidecar(corpus.sidecarPath(name, 'bob')), bobBefore, 'bob\'s sidecar is never written');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('picks among the annotations of several layers under the cursor, and starts threads from the command and the gutter', async () => {
    const api = await siftApi();
    const built = aCorpus().in(workspaceRoot()).withArticle(uniqueName('discuss.txt'), TEXT)
      .annotatedBy('bob', (l) => l.withEntity('Moscow', 'PLACE', { id: 'e-m' }).withEntity('Sergei Lavrov', 'PERSON', { id: 'e-l' }))
      .annotatedBy(ANA, (l) => l.withEntity('Moscow', 'ORG', { id: 'e-a' }))
      .build();
    corpus = built;
    await api.indexSettled();
    const editor = await open(built.articlePath(built.articles[0]));
    await waitFor(() => api.session(editor.document)?.layer.entities.length === 1, { message: 'ana\'s session' });
    cursorIn(editor, 'Moscow');
    const discussing = vscode.commands.executeCommand<string>('sift.discussAnnotation', undefined, 'Which of us is right?');
    const title = 'Sift: discuss which annotation?';
    const first = await waitFor(() => api.claimStep()?.startsWith(title) && api.claimStep(), { message: 'the quick pick of the annotations under the cursor' });
    assert.strictEqual(first, `${title} › ORG · Moscow · ana`, 'every layer\'s annotation is offered (same span: by annotator)');
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await waitFor(() => api.claimStep() === `${title} › PLACE · Moscow · bob`, { message: 'bob\'s Moscow to be the active item' });
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.strictEqual(await discussing, 'bob/e-m');
    await threadOn(editor.document, 'bob/e-m', (t) => t.comments.length === 1, 'the thread on bob\'s Moscow');

    // Discuss Annotation with no text opens an empty thread for the first comment, written by the reply button.
    assert.strictEqual(await vscode.commands.executeCommand<string>('sift.discussAnnotation', { annotator: ANA, id: 'e-a' }), 'ana/e-a');
    const empty = await threadOn(editor.document, 'ana/e-a', (t) => t.comments.length === 0 && t.canReply === true, 'an empty thread on ana\'s Moscow');
    await vscode.commands.executeCommand('sift.replyComment', { thread: empty, text: 'ORG: the ministry.' });
    const mine = await threadOn(editor.document, 'ana/e-a', (t) => t.comments.length === 1, 'the first comment in the empty thread');
    assert.strictEqual(mine, empty, 'the same thread, now with its comment');

    // The gutter's + makes a thread of VS Code's own on the line; its first comment goes to the annotation there.
    let disposed = false;
    const start = editor.document.getText().indexOf('Sergei Lavrov');
    const range = new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(start + 'Sergei Lavrov'.length));
    const template = { uri: editor.document.uri, range, comments: [], dispose: () => { disposed = true; } };
    await vscode.commands.executeCommand('sift.replyComment', { thread: template, text: 'Full name: fine.' });
    await threadOn(editor.document, 'bob/e-l', (t) => t.comments.length === 1 && (t.comments[0] as SiftComment).siftText === 'Full name: fine.', 'the thread from the gutter');
    assert.ok(disposed, 'VS Code\'s template thread gives way to Sift\'s');
    assert.strictEqual(api.unresolvedCount(editor.document.uri.fsPath), 3);
    api.flush();
    await waitFor(() => discussionOnDisk(built.sidecarPath(built.articles[0], ANA)).length === 3, { message: 'the three comments in ana\'s sidecar' });
  });

  it('shows a hostile comment body as inert text, and keeps the thread of a deleted annotation on the file', async () => {
    const api = await siftApi();
    corpus = withBob([
      { id: 'c-b1', on: { annotator: 'bob', id: 'e-m' }, at: '2026-11-21T12:00:00Z', text: HOSTILE },
      { id: 'c-b2', on: { annotator: 'bob', id: 'e-gone' }, at: '2026-11-21T12:00:00Z', text: 'I deleted this one since.' },
    ]);
    await api.indexSettled();
    assert.strictEqual(api.unresolvedCount(corpus.articlePath(corpus.articles[0])), 2, 'counted from the index before the article is open');
    const editor = await open(corpus.articlePath(corpus.articles[0]));
    const gone = await threadOn(editor.document, 'bob/e-gone', (t) => t.comments.length === 1, 'the thread of a deleted annotation');
    assert.strictEqual(gone.range, undefined, 'on the file, not on a span');
    assert.strictEqual(gone.label, 'bob\'s annotation e-gone (deleted)');
    const thread = await threadOn(editor.document, 'bob/e-m', (t) => t.comments.length === 1, 'the thread with the hostile comment');
    const body = thread.comments[0].body;
    assert.ok(typeof body !== 'string', 'a Markdown body, escaped');
    assert.ok(!body.isTrusted, 'not trusted: no command link runs');
    assert.strictEqual(body.supportHtml, false);
    assert.ok(!body.supportThemeIcons);
    const html = renderer.render(body.value);
    assert.strictEqual((html.match(/<a /g) ?? []).length, 0, `no link: ${html}`);
    assert.strictEqual((html.match(/<img/g) ?? []).length, 0, `no image: ${html}`);
    assert.ok(!/<(b|h1|ul|li)>/.test(html), `no HTML, heading or list: ${html}`);
    const text = html.replace(/<br>\n/g, '\n').replace(/<[^>]*>/g, '').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').trim();
    assert.strictEqual(text, HOSTILE, 'shown exactly as written, line by line');
  });
});
