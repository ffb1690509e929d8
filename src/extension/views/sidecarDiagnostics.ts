// Sidecars that cannot be parsed: a diagnostic at each problem's line and column, and a message that work is safe.
import * as vscode from 'vscode';
import { ArticleSession } from '../../core/session/session';
import { createDiagnostics, toDiagnostic } from '../platform/diagnostics';
import { Disposable } from '../platform/lifecycle';
import { SessionEvents } from '../state/sessions';
import { messageText } from '../platform/markdown';

export class SidecarDiagnostics extends Disposable implements SessionEvents {
  private readonly collection = this._register(createDiagnostics('sidecar'));

  onSidecarError(session: ArticleSession): void {
    const err = session.sidecar.error;
    if (!err) return;
    const uri = vscode.Uri.file(session.sidecar.path);
    this.collection.set(uri, err.problems.map((p) => toDiagnostic(p)));
    const first = err.problems[0];
    const at = new vscode.Position(Math.max(0, first.line - 1), Math.max(0, first.col - 1));
    void vscode.window.showErrorMessage(
      messageText(`Sift cannot read ${vscode.workspace.asRelativePath(uri)}:${first.line}:${first.col}: ${first.message}. `)
      + 'It will not be written over; new annotations are kept in a recovery file beside it until it is fixed.',
      'Open Sidecar',
    ).then((b) => { if (b) void vscode.window.showTextDocument(uri, { selection: new vscode.Range(at, at) }); });
  }

  onSidecarOk(session: ArticleSession): void {
    this.collection.delete(vscode.Uri.file(session.sidecar.path));
  }
}
