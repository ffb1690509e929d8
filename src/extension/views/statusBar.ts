// The status bar item: who is annotating, and the active article's claim and entity counts. Click to switch annotator.
import * as vscode from 'vscode';
import { Commands } from '../platform/commandIds';
import { Disposable } from '../platform/lifecycle';
import { escapeMarkdown } from '../platform/markdown';
import { AnnotatorState } from '../state/annotator';
import { Sessions } from '../state/sessions';

export class AnnotatorStatus extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('sift.annotator', vscode.StatusBarAlignment.Right, 100));

  constructor(private readonly sessions: Sessions, private readonly annotator: AnnotatorState) {
    super();
    this.item.name = 'Sift annotator';
    this.item.command = Commands.switchAnnotator;
    this._register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this._register(sessions.onDidChange(() => this.update()));
    this._register(annotator.onDidChange(() => this.update()));
    this._register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.update()));
    this.update();
  }

  /** The text shown, for tests. */
  get text(): string {
    return this.item.text;
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    const session = editor && this.sessions.get(editor.document);
    if (!session) {
      this.item.hide();
      return;
    }
    const { entities, claims } = session.layer;
    const orphans = session.all().filter((a) => a.orphaned).length;
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    this.item.text = `$(tag) ${this.annotator.id} · ${plural(claims.length, 'claim')} · ${plural(entities.length, 'entity').replace('entitys', 'entities')}${orphans ? ` · $(warning) ${orphans}` : ''}`;
    this.item.tooltip = this.tooltip(vscode.workspace.asRelativePath(session.sidecar.path), !!session.sidecar.error);
    this.item.backgroundColor = session.sidecar.error ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
  }

  /** The tooltip: the annotator id and the sidecar's path are data (settings, file names), so they are escaped. */
  private tooltip(sidecar: string, broken: boolean): vscode.MarkdownString {
    const md = new vscode.MarkdownString(`Annotating as **${escapeMarkdown(this.annotator.id)}**\n\nSidecar: ${escapeMarkdown(sidecar)}\n\n`, true);
    md.supportHtml = false;
    md.isTrusted = false;
    if (broken) md.appendMarkdown('$(error) The sidecar cannot be parsed; work goes to a recovery file.\n\n');
    if (!vscode.workspace.isTrusted) md.appendMarkdown('$(shield) Restricted Mode: hovers show no action links until you trust the workspace.\n\n');
    md.appendMarkdown('Click to switch annotator.');
    return md;
  }
}
