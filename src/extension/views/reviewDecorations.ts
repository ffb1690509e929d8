// Review mode in the editor: each unit drawn by its state (types from platform/decorationTypes.ts), the status bar's
// "review: N open of M units", and the `sift.reviewing` context key the keybindings use. All of it is read from
// ReviewState and redrawn when it changes; turning review off clears it.
import * as vscode from 'vscode';
import { UNIT_STATES, UnitState, isOpen } from '../../core/review/units';
import { BuiltinCommands, Commands } from '../platform/commandIds';
import { executeCommand } from '../platform/commands';
import { DecorationTypes } from '../platform/decorationTypes';
import { Disposable } from '../platform/lifecycle';
import { spanToRange } from '../platform/positions';
import { ReviewState } from './reviewModel';

/** Context key: the active editor's article is under review (next/previous disagreement keys). */
export const REVIEWING_KEY = 'sift.reviewing';

export class ReviewDecorations extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('sift.review', vscode.StatusBarAlignment.Right, 99));
  /** What was drawn last, per article and state (for tests). */
  private readonly drawn = new Map<string, Map<UnitState, vscode.Range[]>>();
  private shown = false;

  constructor(private readonly review: ReviewState, private readonly types: DecorationTypes) {
    super();
    this.item.name = 'Sift review';
    this.item.command = Commands.nextDisagreement;
    this._register(review.onDidChange(() => this.refreshAll()));
    this._register(vscode.window.onDidChangeVisibleTextEditors(() => this.refreshAll()));
    this._register(vscode.window.onDidChangeActiveTextEditor(() => this.updateStatus()));
    this.refreshAll();
  }

  refreshAll(): void {
    this.drawn.clear();
    for (const e of vscode.window.visibleTextEditors) this.refresh(e);
    this.updateStatus();
  }

  private refresh(editor: vscode.TextEditor): void {
    const article = editor.document.uri.fsPath;
    const r = this.review.get(article);
    const byState = new Map<UnitState, vscode.Range[]>(UNIT_STATES.map((s) => [s, []]));
    for (const u of r?.alignment.units ?? []) byState.get(u.state)?.push(spanToRange(editor.document, u.start, u.end));
    for (const [state, type] of this.types.review) editor.setDecorations(type, byState.get(state) ?? []);
    if (r) this.drawn.set(article, byState);
  }

  /** The ranges drawn for an article's units, by state (empty when review is off). */
  ranges(article: string): Record<string, number> {
    const m = this.drawn.get(article);
    return Object.fromEntries(UNIT_STATES.map((s) => [s, m?.get(s)?.length ?? 0]));
  }

  get statusText(): string {
    return this.shown ? this.item.text : '';
  }

  private updateStatus(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const r = doc && this.review.get(doc.uri.fsPath);
    void executeCommand(BuiltinCommands.setContext, REVIEWING_KEY, !!r);
    this.shown = !!r;
    if (!r) {
      this.item.hide();
      return;
    }
    const units = r.alignment.units;
    const open = units.filter(isOpen).length;
    const what = r.mode === 'compare' ? 'compare with gold' : 'review';
    this.item.text = `$(checklist) ${what}: ${open} open of ${units.length} unit${units.length === 1 ? '' : 's'}`;
    const notYet = r.notYet.length ? `\nNot annotated yet (assigned, no layer): ${r.notYet.map((x) => this.review.displayName(r.article, x)).join(', ')}` : '';
    this.item.tooltip = `${open ? 'Click to go to the next disagreement' : 'Every unit is agreed or decided'}${notYet}`;
    this.item.show();
  }
}
