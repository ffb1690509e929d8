// The one place that turns a plain review thread into a VS Code CommentThread, after vscode-pull-request-github's
// createVSCodeCommentThreadForReviewThread (src/github/utils.ts): the thread's state, comments and contextValue
// (which `when` clauses on the thread's buttons read) all come from the plain object. The discussion view
// (views/discussion.ts) builds and updates its threads here, and nowhere else.
//
// A comment's text comes from a file (a colleague's sidecar): it is data, never markup. It is shown exactly as written,
// escaped line by line (escapeMarkdownLines) in an untrusted MarkdownString with no HTML and no theme icons, so a `command:` link, an
// image or HTML in it is inert text. Only while its author edits it is the text given to VS Code as it is (as a plain
// string, the editor's content), and the saved body comes back on Cancel, as vscode-extension-samples comment-sample does.
import * as vscode from 'vscode';
import { escapeMarkdownLines } from './markdown';
import { spanToRange } from './positions';

/** One comment of a thread, as plain data. */
export interface PlainComment {
  author: string;
  /** The comment's text as written in its file: plain data, shown exactly as typed (escaped here). */
  body: string;
  /** ISO 8601 time the comment was written, if known. */
  created?: string;
  /** The comment's id in its author's layer. */
  id?: string;
  /** The current annotator wrote it: they may edit and delete it. */
  own?: boolean;
  /** Shown beside the author, such as "edited". */
  label?: string;
}

/** A review thread on a span of one article, as plain data (offsets in code points, like every core span). */
export interface PlainThread {
  id: string;
  /** The span the thread is on; none (a thread on the whole file) when its annotation is gone. */
  start?: number;
  end?: number;
  comments: readonly PlainComment[];
  resolved: boolean;
  /** Whether the current annotator may resolve (or reopen) it. */
  canResolve: boolean;
  /** A short heading, such as "PERSON or ORG?". */
  label?: string;
}

/** A CommentThread that knows which plain thread it shows. */
export type SiftCommentThread = vscode.CommentThread & { readonly siftThreadId: string };

/** A Comment that knows which plain comment it shows, and the thread it is in (for the edit, save and delete buttons). */
export interface SiftComment extends vscode.Comment {
  readonly siftCommentId?: string;
  readonly siftText: string;
  readonly parent: SiftCommentThread;
}

/** The contextValue of a comment the current annotator wrote (edit and delete buttons), and of anyone else's. */
export const OWN_COMMENT = 'sift.comment.own';
export const OTHER_COMMENT = 'sift.comment';

/** The contextValue menus match on: `sift.thread`, `sift.thread.canResolve` or `sift.thread.canReopen`. */
export function threadContextValue(t: Pick<PlainThread, 'resolved' | 'canResolve'>): string {
  if (!t.canResolve) return 'sift.thread';
  return t.resolved ? 'sift.thread.canReopen' : 'sift.thread.canResolve';
}

/** A comment's text as Markdown that shows it exactly as written: no link, image, HTML or command runs from it. */
export function safeBody(text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(escapeMarkdownLines(text), false);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

function toComment(c: PlainComment, parent: SiftCommentThread, editing = false): SiftComment {
  const created = c.created ? new Date(c.created) : undefined;
  return {
    author: { name: c.author },
    body: editing ? c.body : safeBody(c.body),
    mode: editing ? vscode.CommentMode.Editing : vscode.CommentMode.Preview,
    contextValue: c.own ? OWN_COMMENT : OTHER_COMMENT,
    siftText: c.body,
    parent,
    ...(c.id !== undefined ? { siftCommentId: c.id } : {}),
    ...(c.label !== undefined ? { label: c.label } : {}),
    ...(created && !Number.isNaN(created.getTime()) ? { timestamp: created } : {}),
  };
}

function rangeOf(doc: vscode.TextDocument, t: PlainThread): vscode.Range | undefined {
  return t.start === undefined || t.end === undefined ? undefined : spanToRange(doc, t.start, t.end);
}

/**
 * Shows `thread` in the CommentThread `vt` (made by createThread): range, comments, state, contextValue, heading. The
 * comments whose ids are in `editing` stay in edit mode, with their saved text.
 */
export function updateThread(vt: SiftCommentThread, doc: vscode.TextDocument, thread: PlainThread, editing: ReadonlySet<string> = new Set()): void {
  const range = rangeOf(doc, thread);
  if (!sameRange(vt.range, range)) vt.range = range;
  vt.comments = thread.comments.map((c) => toComment(c, vt, c.id !== undefined && editing.has(c.id)));
  const state = thread.resolved ? vscode.CommentThreadState.Resolved : vscode.CommentThreadState.Unresolved;
  if (vt.state !== state) {
    vt.state = state;
    vt.collapsibleState = thread.resolved ? vscode.CommentThreadCollapsibleState.Collapsed : vscode.CommentThreadCollapsibleState.Expanded;
  }
  vt.contextValue = threadContextValue(thread);
  vt.label = thread.label;
  vt.canReply = !thread.resolved;
}

function sameRange(a: vscode.Range | undefined, b: vscode.Range | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.isEqual(b));
}

/** Builds the CommentThread for `thread` on the article open as `doc`. The caller owns it (dispose to remove it). */
export function createThread(controller: vscode.CommentController, doc: vscode.TextDocument, thread: PlainThread): SiftCommentThread {
  const range = rangeOf(doc, thread);
  const vt = Object.assign(controller.createCommentThread(doc.uri, range ?? new vscode.Range(0, 0, 0, 0), []), { siftThreadId: thread.id });
  if (!range) vt.range = undefined;
  updateThread(vt, doc, thread);
  vt.collapsibleState = thread.resolved ? vscode.CommentThreadCollapsibleState.Collapsed : vscode.CommentThreadCollapsibleState.Expanded;
  return vt;
}

/** Puts one comment of its thread into edit mode (its text as written) or back to preview (its saved text). */
export function setCommentMode(comment: SiftComment, editing: boolean): void {
  const thread = comment.parent;
  thread.comments = thread.comments.map((c) => {
    const sc = c as SiftComment;
    if (sc.siftCommentId !== comment.siftCommentId) return c;
    return { ...sc, mode: editing ? vscode.CommentMode.Editing : vscode.CommentMode.Preview, body: editing ? sc.siftText : safeBody(sc.siftText) };
  });
}

/** The text a comment's edit box holds (the body VS Code gives back to Save). */
export function editedText(comment: vscode.Comment): string {
  return typeof comment.body === 'string' ? comment.body : comment.body.value;
}

/** The comment controller of a feature: one per feature, created here. */
export function createCommentController(id: string, label: string): vscode.CommentController {
  return vscode.comments.createCommentController(id, label);
}
