// Orphaned annotations: shown in the Problems view on their article, with quick fixes to re-attach or delete them.
import * as vscode from 'vscode';
import { Annotation, kindOf } from '../../core/model';
import { ArticleSession } from '../../core/session/session';
import { Commands } from '../platform/commandIds';
import { commandOf, registerCommand } from '../platform/commands';
import { DIAGNOSTIC_SOURCE, createDiagnostics, diagnosticCode, toDiagnostic } from '../platform/diagnostics';
import { Disposable } from '../platform/lifecycle';
import { rangeToSpan, spanToRange } from '../platform/positions';
import { Sessions } from '../state/sessions';
import { uriOfPath } from '../platform/articleUri';

const CODE = 'orphaned';
const ORPHAN_ID = /^Orphaned \w+ (\S+):/;

export class Orphans extends Disposable implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];
  private readonly collection = this._register(createDiagnostics('orphans'));

  constructor(private readonly sessions: Sessions) {
    super();
    this._register(sessions.onDidChange((s) => this.refresh(s)));
    this._register(vscode.languages.registerCodeActionsProvider(sessions.selector, this, { providedCodeActionKinds: Orphans.providedCodeActionKinds }));
    this._register(registerCommand(Commands.reattachOrphan, (uri?: vscode.Uri, id?: string) => this.reattach(uri, id)));
    this._register(registerCommand(Commands.deleteOrphan, (uri?: vscode.Uri, id?: string) => this.delete(uri, id)));
  }

  refresh(session: ArticleSession): void {
    // Problems show the current annotator's orphans; other layers' sessions fire changes too.
    if (!this.sessions.isCurrent(session)) return;
    const doc = this.sessions.documentFor(session);
    if (!doc) return;
    const target = uriOfPath(session.sidecar.path);
    const diags = session.all().filter((a) => a.orphaned).map((a) => toDiagnostic({
      file: session.sidecar.path, line: 0, col: 0, severity: 'warning', code: CODE, id: a.id,
      message: `Orphaned ${kindOf(a)} ${a.id}: '${short(a.quote)}' is no longer in the text. Select its new text and re-attach it, or delete it.`,
    }, { range: spanToRange(doc, a.start, a.start), target }));
    this.collection.set(doc.uri, diags);
  }

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range, ctx: vscode.CodeActionContext): vscode.CodeAction[] {
    const session = this.sessions.get(doc);
    if (!session) return [];
    const orphans = ctx.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && diagnosticCode(d) === CODE);
    // Diagnostics come back from the workbench as plain copies: the annotation id travels in the message.
    const ids = orphans.map((d) => ORPHAN_ID.exec(d.message)?.[1]).filter((x): x is string => !!x);
    return ids.flatMap((id) => {
      const a = session.find(id);
      if (!a) return [];
      const reattach = new vscode.CodeAction(`Sift: re-attach '${short(a.quote)}' to the selection`, vscode.CodeActionKind.QuickFix);
      reattach.command = commandOf(Commands.reattachOrphan, 'Re-attach', doc.uri, id);
      reattach.diagnostics = orphans;
      reattach.disabled = range.isEmpty ? { reason: 'Select the text to attach it to first' } : undefined;
      const del = new vscode.CodeAction(`Sift: delete orphaned ${kindOf(a)} '${short(a.quote)}'`, vscode.CodeActionKind.QuickFix);
      del.command = commandOf(Commands.deleteOrphan, 'Delete', doc.uri, id);
      del.diagnostics = orphans;
      return [reattach, del];
    });
  }

  private async target(uri: vscode.Uri | undefined, id: string | undefined): Promise<{ session: ArticleSession; orphan: Annotation; editor?: vscode.TextEditor } | undefined> {
    const editor = uri ? vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString()) : vscode.window.activeTextEditor;
    const doc = editor?.document ?? (uri ? await vscode.workspace.openTextDocument(uri) : undefined);
    const session = doc && this.sessions.get(doc);
    if (!session) return undefined;
    const orphans = session.all().filter((a) => a.orphaned);
    let orphan = id ? orphans.find((a) => a.id === id) : orphans.length === 1 ? orphans[0] : undefined;
    if (!orphan && orphans.length > 1) {
      const pick = await vscode.window.showQuickPick(orphans.map((a) => ({ label: short(a.quote), description: `${kindOf(a)} ${a.id}`, id: a.id })), { title: 'Sift: which orphaned annotation?' });
      orphan = pick && orphans.find((a) => a.id === pick.id);
    }
    if (!orphan) {
      if (!orphans.length) void vscode.window.showInformationMessage('Sift: this article has no orphaned annotations.');
      return undefined;
    }
    return { session, orphan, editor };
  }

  private async reattach(uri?: vscode.Uri, id?: string): Promise<void> {
    const t = await this.target(uri, id);
    if (!t) return;
    if (!t.editor || t.editor.selection.isEmpty) {
      void vscode.window.showWarningMessage('Sift: select the text to attach the orphaned annotation to, then run Re-attach again.');
      return;
    }
    const span = rangeToSpan(t.editor.document, t.editor.selection);
    this.sessions.mutate(t.session, () => t.session.update(t.orphan.id, span));
  }

  private async delete(uri?: vscode.Uri, id?: string): Promise<void> {
    const t = await this.target(uri, id);
    if (!t) return;
    this.sessions.mutate(t.session, () => t.session.remove(t.orphan.id));
  }
}

function short(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > 40 ? `${one.slice(0, 37)}…` : one;
}
