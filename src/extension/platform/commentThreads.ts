// The one place that turns a plain review thread into a VS Code CommentThread, after vscode-pull-request-github's
// createVSCodeCommentThreadForReviewThread (src/github/utils.ts): the thread's state, comments and contextValue
// (which `when` clauses on the thread's buttons read) all come from the plain object.
// Review (layers, disagreements, adjudication) will call it; nothing does yet.
import * as vscode from 'vscode';
import { spanToRange } from './positions';

/** One comment of a thread, as plain data. */
export interface PlainComment {
  author: string;
  /** Markdown. */
  body: string;
  /** ISO 8601 time the comment was written, if known. */
  created?: string;
}

/** A review thread on a span of one article, as plain data (offsets in code points, like every core span). */
export interface PlainThread {
  id: string;
  start: number;
  end: number;
  comments: readonly PlainComment[];
  resolved: boolean;
  /** Whether the current annotator may resolve (or reopen) it. */
  canResolve: boolean;
  /** A short heading, such as "PERSON or ORG?". */
  label?: string;
}

/** A CommentThread that knows which plain thread it shows. */
export type SiftCommentThread = vscode.CommentThread & { readonly siftThreadId: string };

/** The contextValue menus match on: `sift.thread`, `sift.thread.canResolve` or `sift.thread.canReopen`. */
export function threadContextValue(t: Pick<PlainThread, 'resolved' | 'canResolve'>): string {
  if (!t.canResolve) return 'sift.thread';
  return t.resolved ? 'sift.thread.canReopen' : 'sift.thread.canResolve';
}

function toComment(c: PlainComment): vscode.Comment {
  const created = c.created ? new Date(c.created) : undefined;
  return {
    author: { name: c.author },
    body: new vscode.MarkdownString(c.body),
    mode: vscode.CommentMode.Preview,
    contextValue: 'sift.comment',
    ...(created && !Number.isNaN(created.getTime()) ? { timestamp: created } : {}),
  };
}

/** Builds the CommentThread for `thread` on the article open as `doc`. The caller owns it (dispose to remove it). */
export function createThread(controller: vscode.CommentController, doc: vscode.TextDocument, thread: PlainThread): SiftCommentThread {
  const vt = controller.createCommentThread(doc.uri, spanToRange(doc, thread.start, thread.end), thread.comments.map(toComment));
  vt.state = thread.resolved ? vscode.CommentThreadState.Resolved : vscode.CommentThreadState.Unresolved;
  vt.contextValue = threadContextValue(thread);
  vt.label = thread.label;
  vt.canReply = !thread.resolved;
  vt.collapsibleState = thread.resolved ? vscode.CommentThreadCollapsibleState.Collapsed : vscode.CommentThreadCollapsibleState.Expanded;
  return Object.assign(vt, { siftThreadId: thread.id });
}
