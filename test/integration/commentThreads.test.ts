import * as assert from 'assert';
import * as vscode from 'vscode';
import { createThread, threadContextValue } from '../../src/extension/platform/commentThreads';
import { closeAll, openNewArticle } from './helpers';

describe('comment thread factory', () => {
  afterEach(closeAll);

  it('builds a CommentThread from a plain thread: range in code points, comments, state and contextValue', async () => {
    const editor = await openNewArticle('thread-check.txt', '😀 Moscow said on Monday.\n');
    const controller = vscode.comments.createCommentController('sift-test-threads', 'Sift test');
    try {
      const thread = createThread(controller, editor.document, {
        id: 't-1', start: 2, end: 8, resolved: false, canResolve: true, label: 'PLACE or ORG?',
        comments: [{ author: 'ana', body: 'Is this the government?', created: '2024-12-16T10:00:00Z' }, { author: 'ben', body: 'Yes' }],
      });
      // The emoji is one code point and two UTF-16 units: "Moscow" starts at UTF-16 offset 3.
      assert.strictEqual(editor.document.getText(thread.range), 'Moscow');
      assert.strictEqual(thread.siftThreadId, 't-1');
      assert.strictEqual(thread.contextValue, 'sift.thread.canResolve');
      assert.strictEqual(thread.state, vscode.CommentThreadState.Unresolved);
      assert.deepStrictEqual(thread.comments.map((c) => c.author.name), ['ana', 'ben']);
      assert.strictEqual(thread.comments[0].timestamp?.toISOString(), '2024-12-16T10:00:00.000Z');
      assert.strictEqual(threadContextValue({ resolved: true, canResolve: true }), 'sift.thread.canReopen');
      assert.strictEqual(threadContextValue({ resolved: false, canResolve: false }), 'sift.thread');
      thread.dispose();
    } finally {
      controller.dispose();
    }
  });
});
