// Confirmed annotations in the editor: a solid style in each label's colour for entities, an underline for claims.
// The decoration types are made once; editors are redrawn only when their article's annotations change.
import * as vscode from 'vscode';
import { BUILTIN_LABELS } from '../../core/model';
import { ArticleSession } from '../../core/session/session';
import { spanToRange } from '../platform/positions';
import { Sessions } from '../state/sessions';

const LABEL_KEYS = [...BUILTIN_LABELS, 'OTHER'] as const;

function entityType(label: string): vscode.TextEditorDecorationType {
  const key = label.toLowerCase();
  return vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor(`sift.${key}Background`),
    border: '1px solid',
    borderColor: new vscode.ThemeColor(`sift.${key}Border`),
    borderRadius: '2px',
    overviewRulerColor: new vscode.ThemeColor(`sift.${key}Border`),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
}

export class AnnotationDecorations implements vscode.Disposable {
  private readonly entityTypes = new Map<string, vscode.TextEditorDecorationType>(LABEL_KEYS.map((l) => [l, entityType(l)]));
  private readonly claimType: vscode.TextEditorDecorationType;
  /** The first line of each claim gets the gutter icon (one per claim, not per line). */
  private readonly claimGutter: vscode.TextEditorDecorationType;
  private readonly cueType = vscode.window.createTextEditorDecorationType({
    fontStyle: 'italic',
    borderStyle: 'none none dotted none',
    borderWidth: '0 0 1px 0',
    borderColor: new vscode.ThemeColor('sift.claimUnderline'),
  });
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly sessions: Sessions, extensionUri: vscode.Uri) {
    // Claims are underlined in their own colour, so an entity's background inside a claim stays readable.
    this.claimType = vscode.window.createTextEditorDecorationType({
      textDecoration: 'underline wavy 1px var(--vscode-sift-claimUnderline)',
      overviewRulerColor: new vscode.ThemeColor('sift.claimUnderline'),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    });
    this.claimGutter = vscode.window.createTextEditorDecorationType({ gutterIconPath: vscode.Uri.joinPath(extensionUri, 'media', 'claim.svg'), gutterIconSize: 'contain' });
    this.disposables.push(
      sessions.onDidChange((s) => this.refreshSession(s)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.refresh(e))),
    );
    vscode.window.visibleTextEditors.forEach((e) => this.refresh(e));
  }

  private refreshSession(session: ArticleSession): void {
    for (const e of vscode.window.visibleTextEditors) if (e.document.uri.fsPath === session.articlePath) this.refresh(e);
  }

  /** Draws one editor from its session. Also returns what it drew, by label, for tests and the status bar. */
  refresh(editor: vscode.TextEditor): Map<string, vscode.Range[]> {
    const drawn = new Map<string, vscode.Range[]>();
    const session = this.sessions.get(editor.document);
    const doc = editor.document;
    if (session) {
      for (const e of session.layer.entities) {
        if (e.orphaned) continue;
        const key = this.entityTypes.has(e.label) ? e.label : 'OTHER';
        drawn.set(key, [...(drawn.get(key) ?? []), spanToRange(doc, e.start, e.end)]);
      }
      const claims = session.layer.claims.filter((c) => !c.orphaned);
      drawn.set('CLAIM', claims.map((c) => spanToRange(doc, c.start, c.end)));
      drawn.set('CUE', claims.flatMap((c) => (c.cue && !c.cue.orphaned ? [spanToRange(doc, c.cue.start, c.cue.end)] : [])));
    }
    for (const [label, type] of this.entityTypes) editor.setDecorations(type, drawn.get(label) ?? []);
    editor.setDecorations(this.claimType, drawn.get('CLAIM') ?? []);
    editor.setDecorations(this.claimGutter, (drawn.get('CLAIM') ?? []).map((r) => new vscode.Range(r.start, r.start)));
    editor.setDecorations(this.cueType, drawn.get('CUE') ?? []);
    return drawn;
  }

  dispose(): void {
    for (const t of this.entityTypes.values()) t.dispose();
    this.claimType.dispose();
    this.claimGutter.dispose();
    this.cueType.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
