// Sidecars that cannot be parsed: a diagnostic at each problem's line and column, and a message that work is safe.
import * as vscode from 'vscode';
import { Problem } from '../../core/store/problems';
import { ArticleSession } from '../../core/session/session';
import { SessionEvents } from '../state/sessions';

export function problemToDiagnostic(p: Problem): vscode.Diagnostic {
  const line = Math.max(0, p.line - 1);
  const col = Math.max(0, p.col - 1);
  const d = new vscode.Diagnostic(new vscode.Range(line, col, line, col + 1), p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
  d.source = 'sift';
  d.code = p.code;
  return d;
}

export class SidecarDiagnostics implements SessionEvents, vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('sift-sidecar');

  onSidecarError(session: ArticleSession): void {
    const err = session.sidecar.error;
    if (!err) return;
    const uri = vscode.Uri.file(session.sidecar.path);
    this.collection.set(uri, err.problems.map(problemToDiagnostic));
    const first = err.problems[0];
    void vscode.window.showErrorMessage(
      `Sift cannot read ${vscode.workspace.asRelativePath(uri)}:${first.line}:${first.col}: ${first.message}. `
      + 'It will not be written over; new annotations are kept in a recovery file beside it until it is fixed.',
      'Open Sidecar',
    ).then((b) => { if (b) void vscode.window.showTextDocument(uri, { selection: new vscode.Range(first.line - 1, first.col - 1, first.line - 1, first.col - 1) }); });
  }

  onSidecarOk(session: ArticleSession): void {
    this.collection.delete(vscode.Uri.file(session.sidecar.path));
  }

  dispose(): void {
    this.collection.dispose();
  }
}
