// The status bar item: who is annotating, and the active article's claim and entity counts. Click to switch annotator.
import * as vscode from 'vscode';
import { AnnotatorState } from '../state/annotator';
import { Sessions } from '../state/sessions';

export class AnnotatorStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('sift.annotator', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly sessions: Sessions, private readonly annotator: AnnotatorState) {
    this.item.name = 'Sift annotator';
    this.item.command = 'sift.switchAnnotator';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      sessions.onDidChange(() => this.update()),
      annotator.onDidChange(() => this.update()),
    );
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
    this.item.tooltip = new vscode.MarkdownString(`Annotating as **${this.annotator.id}**\n\nSidecar: \`${vscode.workspace.asRelativePath(session.sidecar.path)}\`${session.sidecar.error ? '\n\n$(error) The sidecar cannot be parsed; work goes to a recovery file.' : ''}\n\nClick to switch annotator.`, true);
    this.item.backgroundColor = session.sidecar.error ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
