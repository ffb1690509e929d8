// Sidecars that cannot be parsed: a diagnostic at each problem's line and column, and a message that work is safe.
// Sidecars read with something to warn of (a key Sift does not know, a duplicate id renamed): a warning at each, for
// every sidecar the corpus index holds, open or not.
import * as vscode from 'vscode';
import { CorpusIndex } from '../../core/corpus/corpusIndex';
import { ArticleSession } from '../../core/session/session';
import { Problem } from '../../core/store/problems';
import { createDiagnostics, toDiagnostic } from '../platform/diagnostics';
import { Disposable, toDisposable } from '../platform/lifecycle';
import { SessionEvents } from '../state/sessions';
import { messageText } from '../platform/markdown';
import { uriOfPath } from '../platform/articleUri';

export class SidecarDiagnostics extends Disposable implements SessionEvents {
  private readonly collection = this._register(createDiagnostics('sidecar'));
  /** By sidecar path: the errors of an open sidecar that cannot be read, and the index's warnings. */
  private readonly errors = new Map<string, readonly Problem[]>();
  private warnings = new Map<string, readonly Problem[]>();

  /** Shows the warnings the corpus index holds, and keeps them current as it changes. */
  showWarningsOf(index: CorpusIndex): void {
    const sync = () => {
      const now = new Map(index.warned().map((w) => [w.sidecar, w.warnings]));
      const before = this.warnings;
      this.warnings = now;
      for (const f of new Set([...before.keys(), ...now.keys()])) if (before.get(f) !== now.get(f)) this.show(f);
    };
    sync();
    this._register(toDisposable(index.onDidChange(sync)));
  }

  private show(file: string): void {
    const problems = [...this.errors.get(file) ?? [], ...this.warnings.get(file) ?? []];
    const uri = uriOfPath(file);
    if (problems.length) this.collection.set(uri, problems.map((p) => toDiagnostic(p)));
    else this.collection.delete(uri);
  }

  onSidecarError(session: ArticleSession): void {
    const err = session.sidecar.error;
    if (!err) return;
    const uri = uriOfPath(session.sidecar.path);
    this.errors.set(session.sidecar.path, err.problems);
    this.show(session.sidecar.path);
    const first = err.problems[0];
    const at = new vscode.Position(Math.max(0, first.line - 1), Math.max(0, first.col - 1));
    void vscode.window.showErrorMessage(
      messageText(`Sift cannot read ${vscode.workspace.asRelativePath(uri)}:${first.line}:${first.col}: ${first.message}. `)
      + 'It will not be written over; new annotations are kept in a recovery file beside it until it is fixed.',
      'Open Sidecar',
    ).then((b) => { if (b) void vscode.window.showTextDocument(uri, { selection: new vscode.Range(at, at) }); });
  }

  onSidecarOk(session: ArticleSession): void {
    this.errors.delete(session.sidecar.path);
    this.show(session.sidecar.path);
  }
}
