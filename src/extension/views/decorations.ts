// Confirmed annotations in the editor: a solid style in each label's colour for entities, an underline for claims.
// The decoration types come from platform/decorationTypes.ts; editors are redrawn only when their article's
// annotations change.
import * as vscode from 'vscode';
import { ArticleSession } from '../../core/session/session';
import { DecorationTypes } from '../platform/decorationTypes';
import { Disposable } from '../platform/lifecycle';
import { spanToRange } from '../platform/positions';
import { Sessions } from '../state/sessions';

export class AnnotationDecorations extends Disposable {
  constructor(private readonly sessions: Sessions, private readonly types: DecorationTypes) {
    super();
    this._register(sessions.onDidChange((s) => this.refreshSession(s)));
    this._register(vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.refresh(e))));
    vscode.window.visibleTextEditors.forEach((e) => this.refresh(e));
  }

  private refreshSession(session: ArticleSession): void {
    for (const e of vscode.window.visibleTextEditors) if (e.document.uri.fsPath === session.articlePath) this.refresh(e);
  }

  /** What to draw in one editor, by label key (see DecorationTypes.keyOf), plus CLAIM and CUE. */
  private ranges(doc: vscode.TextDocument, session: ArticleSession): Map<string, vscode.Range[]> {
    const drawn = new Map<string, vscode.Range[]>();
    for (const e of session.layer.entities) {
      if (e.orphaned) continue;
      const key = this.types.keyOf(e.label);
      drawn.set(key, [...(drawn.get(key) ?? []), spanToRange(doc, e.start, e.end)]);
    }
    const claims = session.layer.claims.filter((c) => !c.orphaned);
    drawn.set('CLAIM', claims.map((c) => spanToRange(doc, c.start, c.end)));
    drawn.set('CUE', claims.flatMap((c) => (c.cue && !c.cue.orphaned ? [spanToRange(doc, c.cue.start, c.cue.end)] : [])));
    return drawn;
  }

  /** Draws one editor from its session. Also returns what it drew, by label, for tests and the status bar. */
  refresh(editor: vscode.TextEditor): Map<string, vscode.Range[]> {
    const session = this.sessions.get(editor.document);
    const drawn = session ? this.ranges(editor.document, session) : new Map<string, vscode.Range[]>();
    for (const [label, type] of this.types.entityTypes()) editor.setDecorations(type, drawn.get(label) ?? []);
    editor.setDecorations(this.types.claim, drawn.get('CLAIM') ?? []);
    editor.setDecorations(this.types.claimGutter, (drawn.get('CLAIM') ?? []).map((r) => new vscode.Range(r.start, r.start)));
    editor.setDecorations(this.types.cue, drawn.get('CUE') ?? []);
    return drawn;
  }
}
