// What Sessions needs around a session, kept apart from the registry itself: the article's own checks, whether a
// layer's sidecar is big enough to be loaded off the extension host, the codec that does it, and what opening and
// reloading a layer found, told to the user.
import * as vscode from 'vscode';
import { ArticleSession, ReanchorReport } from '../../core/session/session';
import { MergeConflict } from '../../core/store/merge';
import { messageText } from '../platform/markdown';

export { articleOnDisk, articleRefusal, defaultCodec, isBigSidecar } from './sessionDisk';

/** Temp files of a crashed save found beside the sidecar: merged back, or kept aside when they do not parse. */
export function reportLeftovers(log: vscode.LogOutputChannel, session: ArticleSession): void {
  for (const l of session.sidecar.leftovers) {
    if (l.outcome === 'merged') log.warn(`merged the work of ${l.file}, left by a save that did not finish; it is removed once saved`);
    else if (l.outcome === 'empty') log.info(`removed ${l.file}, an empty file left by a save that did not finish`);
    else {
      log.warn(`${l.file}, left by a save that did not finish, cannot be read (${l.problem ?? ''}); kept as ${l.movedTo ?? ''}`);
      void vscode.window.showWarningMessage(`Sift: a save of ${session.sidecar.path} did not finish and left a file it cannot read; it is kept as ${l.movedTo ?? ''}.`);
    }
  }
}

export function reportReanchor(log: vscode.LogOutputChannel, session: ArticleSession, r: ReanchorReport): void {
  const moved = r.exact + r.fuzzy;
  log.info(`re-anchored ${session.articlePath}: ${r.same} in place, ${r.exact} moved, ${r.fuzzy} fuzzy, ${r.orphaned.length} orphaned`);
  if (r.orphaned.length) {
    void vscode.window.showWarningMessage(`Sift: the article changed; ${moved} annotation(s) moved and ${r.orphaned.length} could not be found. They are kept as orphans in the Problems view.`);
  }
}

/** A change on disk was merged with unsaved work, and both sides changed some annotations. */
export function reportConflicts(uri: vscode.Uri, conflicts: MergeConflict[]): void {
  const list = conflicts.map((c) => (c.keptAs ? `${c.id} (yours kept as ${c.keptAs})` : `${c.id} (${c.kind})`)).join(', ');
  void vscode.window.showWarningMessage(messageText(`Sift merged a change to ${vscode.workspace.asRelativePath(uri)} with your unsaved work. Conflicts, both versions kept: ${list}.`), 'Open Sidecar')
    .then((b) => { if (b) void vscode.window.showTextDocument(uri); });
}
