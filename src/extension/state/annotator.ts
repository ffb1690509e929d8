// Who is annotating: the sift.annotator setting, else a slug of git's user.name, else the OS user; switchable.
import * as vscode from 'vscode';
import { defaultAnnotator, isReservedAnnotator, isValidAnnotator, slugify } from '../../core/store/annotator';
import { onDidChangeSetting, setting, updateSetting } from '../platform/config';
import { Disposable } from '../platform/lifecycle';

export class AnnotatorState extends Disposable {
  private current: string;
  private readonly emitter = this._register(new vscode.EventEmitter<string>());
  readonly onDidChange = this.emitter.event;

  /** `known` answers the annotators with sidecars in the workspace (the corpus index's). */
  constructor(private readonly known: () => Promise<readonly string[]>) {
    super();
    this.current = this.resolve();
    this._register(onDidChangeSetting('annotator', () => this.set(this.resolve())));
  }

  get id(): string {
    return this.current;
  }

  private resolve(): string {
    const configured = setting('annotator');
    if (configured && isReservedAnnotator(slugify(configured))) {
      void vscode.window.showWarningMessage(`Sift: '${configured}' is reserved for the adjudicated layer; annotating as your own id instead.`);
    }
    return defaultAnnotator(configured, vscode.workspace.workspaceFolders?.[0]?.uri.fsPath);
  }

  set(id: string): void {
    if (id === this.current) return;
    this.current = id;
    this.emitter.fire(id);
  }

  /** Asks for an annotator: those with sidecars in the workspace, or a new id. Saves it to the workspace setting. */
  async pick(): Promise<string | undefined> {
    const found = new Set((await this.known()).filter((a) => isValidAnnotator(a)));
    found.delete(this.current);
    const items: vscode.QuickPickItem[] = [
      { label: this.current, description: 'current' },
      ...[...found].sort().map((a) => ({ label: a, description: 'has sidecars in this workspace' })),
    ];
    const qp = vscode.window.createQuickPick();
    qp.title = 'Sift: annotate as…';
    qp.placeholder = 'Pick an annotator or type a new id (lowercase letters, digits, - and _)';
    qp.items = items;
    const chosen = await new Promise<string | undefined>((resolve) => {
      qp.onDidChangeValue((v) => {
        const slug = slugify(v);
        qp.items = slug && !items.some((i) => i.label === slug) ? [{ label: slug, description: 'new annotator' }, ...items] : items;
      });
      qp.onDidAccept(() => resolve(qp.selectedItems[0]?.label));
      qp.onDidHide(() => resolve(undefined));
      qp.show();
    });
    qp.dispose();
    if (!chosen) return undefined;
    if (!isValidAnnotator(chosen)) {
      void vscode.window.showErrorMessage(`Sift: '${chosen}' cannot be used as an annotator id${isReservedAnnotator(chosen) ? ' (reserved for the adjudicated layer)' : ''}.`);
      return undefined;
    }
    await updateSetting('annotator', chosen);
    this.set(chosen);
    return chosen;
  }
}
