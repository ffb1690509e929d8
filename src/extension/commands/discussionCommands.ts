// The discussion commands: start a discussion on an annotation of any layer, reply, edit and delete one's own comments,
// resolve and reopen a thread. Every change goes to the current annotator's own sidecar through `Sessions.mutate` (undo,
// events, the atomic save); the threads are then drawn again from the layers (views/discussion.ts).
import * as vscode from 'vscode';
import { Target } from '../../core/model';
import { PlacedAnnotation, describeAnnotation, parseThreadKey } from '../../core/review/discussion';
import { ArticleSession } from '../../core/session/session';
import { Commands } from '../platform/commandIds';
import { registerCommand } from '../platform/commands';
import { SiftComment, SiftCommentThread, editedText } from '../platform/commentThreads';
import { messageText } from '../platform/markdown';
import { rangeToSpan, spanToRange } from '../platform/positions';
import { Sessions } from '../state/sessions';
import { Discussion } from '../views/discussion';
import { StepTracker } from './claimInput';
import { activeArticle } from './services';

type Change = (session: ArticleSession) => unknown;

/** The article session a comment thread is on, if its document is open. */
function sessionOf(sessions: Sessions, thread: vscode.CommentThread): ArticleSession | undefined {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === thread.uri.toString());
  return doc && sessions.get(doc);
}

/** A command argument that names an annotation (the editor's context menu passes a Uri instead). */
function asTarget(arg: unknown): Target | undefined {
  const t = arg as Partial<Target> | undefined;
  return t && typeof t.annotator === 'string' && typeof t.id === 'string' ? { annotator: t.annotator, id: t.id } : undefined;
}

function isSiftThread(t: vscode.CommentThread): t is SiftCommentThread {
  return typeof (t as Partial<SiftCommentThread>).siftThreadId === 'string';
}

export class DiscussionCommands {
  constructor(private readonly sessions: Sessions, private readonly discussion: Discussion, private readonly steps: StepTracker) {}

  /** One annotation of those under the cursor or a new thread's range: the only one, or the one picked. */
  private async pickTarget(candidates: PlacedAnnotation[]): Promise<PlacedAnnotation | undefined> {
    if (candidates.length <= 1) return candidates[0];
    const items = candidates.map((p) => ({ label: describeAnnotation(p.annotator, p.annotation), description: p.annotation.id, p }));
    return (await this.steps.pick(items, { title: 'Sift: discuss which annotation?', matchOnDescription: true }))?.p;
  }

  /** Runs a change to the current annotator's own layer as one undoable step, then draws the threads again. */
  private change(session: ArticleSession, label: string, change: Change): boolean {
    try {
      this.sessions.mutate(session, () => change(session), label);
    } catch (e) {
      void vscode.window.showErrorMessage(messageText(`Sift: ${e instanceof Error ? e.message : String(e)}`));
      return false;
    }
    this.discussion.refresh(session);
    return true;
  }

  /**
   * Sift: Discuss Annotation. On the annotation under the cursor (a quick pick when annotations of several layers
   * cover it), or on `target`: shows its thread, or opens one for a first comment. With `text`, writes that comment.
   */
  async discuss(target?: Target, text?: string): Promise<string | undefined> {
    const active = activeArticle(this.sessions);
    if (!active) return undefined;
    const { editor, session } = active;
    const sel = rangeToSpan(editor.document, editor.selection);
    const candidates = this.discussion.targetsIn(session, sel.start, sel.end);
    const all = target ? this.discussion.placed(session).filter((p) => p.annotator === target.annotator && p.annotation.id === target.id) : candidates;
    const picked = await this.pickTarget(all);
    if (!picked) {
      void vscode.window.showInformationMessage('Sift: there is no annotation here to discuss. Put the cursor on an annotation of any layer.');
      return undefined;
    }
    const on = { annotator: picked.annotator, id: picked.annotation.id };
    if (text !== undefined) {
      if (!this.addComment(session, on, text)) return undefined;
    } else {
      this.discussion.open(session, picked);
    }
    editor.revealRange(spanToRange(editor.document, picked.start, picked.end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return `${on.annotator}/${on.id}`;
  }

  private addComment(session: ArticleSession, on: Target, text: string): boolean {
    const after = this.discussion.thread(session.articlePath, on)?.latestAt;
    return this.change(session, 'comment', (s) => s.addComment(on, text, after));
  }

  /** The reply box's button: a reply on a thread, or the first comment of a thread made from the gutter. */
  async reply(reply: vscode.CommentReply): Promise<void> {
    const session = sessionOf(this.sessions, reply.thread);
    if (!session || !reply.text.trim()) return;
    let on = isSiftThread(reply.thread) ? parseThreadKey(reply.thread.siftThreadId) : undefined;
    if (!on) {
      const doc = this.sessions.documentFor(session);
      const span = doc && reply.thread.range ? rangeToSpan(doc, reply.thread.range) : undefined;
      const picked = span && await this.pickTarget(this.discussion.targetsIn(session, span.start, span.end));
      if (!picked) {
        void vscode.window.showInformationMessage('Sift: a comment is on an annotation; there is none here. Your text is still in the box.');
        return;
      }
      on = { annotator: picked.annotator, id: picked.annotation.id };
    }
    const target = on;
    if (this.addComment(session, target, reply.text) && !isSiftThread(reply.thread)) reply.thread.dispose();
  }

  edit(comment: SiftComment): void {
    this.discussion.setEditing(comment, true);
  }

  cancelEdit(comment: SiftComment): void {
    this.discussion.setEditing(comment, false);
  }

  /** Saves an edited comment into its author's own sidecar (the core refuses anyone else's). */
  save(comment: SiftComment): void {
    const session = sessionOf(this.sessions, comment.parent);
    const text = editedText(comment);
    if (!session || comment.siftCommentId === undefined) return;
    if (text === comment.siftText || !text.trim()) {
      this.discussion.setEditing(comment, false);
      return;
    }
    const ref = { author: comment.author.name, id: comment.siftCommentId };
    this.discussion.setEditing(comment, false);
    this.change(session, 'edit comment', (s) => s.editComment(ref, text));
  }

  delete(comment: SiftComment): void {
    const session = sessionOf(this.sessions, comment.parent);
    if (!session || comment.siftCommentId === undefined) return;
    const ref = { author: comment.author.name, id: comment.siftCommentId };
    this.change(session, 'delete comment', (s) => s.deleteComment(ref));
  }

  /** Resolves (or reopens) a thread: a status entry in the current annotator's own sidecar, after the thread's latest. */
  setResolved(thread: SiftCommentThread, resolved: boolean): void {
    const session = sessionOf(this.sessions, thread);
    const on = parseThreadKey(thread.siftThreadId);
    if (!session || !on) return;
    const after = this.discussion.thread(session.articlePath, on)?.latestAt;
    this.change(session, resolved ? 'resolve thread' : 'reopen thread', (s) => s.setThreadResolved(on, resolved, after));
  }
}

export function registerDiscussionCommands(sessions: Sessions, discussion: Discussion, steps: StepTracker): vscode.Disposable[] {
  const c = new DiscussionCommands(sessions, discussion, steps);
  return [
    registerCommand(Commands.discussAnnotation, (target?: unknown, text?: unknown) => c.discuss(asTarget(target), typeof text === 'string' ? text : undefined)),
    registerCommand(Commands.replyComment, (reply: vscode.CommentReply) => c.reply(reply)),
    registerCommand(Commands.editComment, (comment: SiftComment) => c.edit(comment)),
    registerCommand(Commands.saveComment, (comment: SiftComment) => c.save(comment)),
    registerCommand(Commands.cancelEditComment, (comment: SiftComment) => c.cancelEdit(comment)),
    registerCommand(Commands.deleteComment, (comment: SiftComment) => c.delete(comment)),
    registerCommand(Commands.resolveThread, (thread: SiftCommentThread) => c.setResolved(thread, true)),
    registerCommand(Commands.reopenThread, (thread: SiftCommentThread) => c.setResolved(thread, false)),
  ];
}
