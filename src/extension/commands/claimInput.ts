// The quick-input steps of marking and editing a claim: source, then confidence, then (optionally) a note.
// Enter accepts the suggestion in each step; Escape cancels the whole flow and nothing is written.
import * as vscode from 'vscode';
import { FACTUALITY_VALUES, Factuality } from '../../core/model';

/**
 * Which step of a claim flow is showing, if any, and its active item: lets tests (and the log) know the quick input is
 * ready. A window.showQuickPick step counts as showing once the workbench reports its first active item.
 */
export class StepTracker {
  private current: string | undefined;
  private active: string | undefined;

  /** "<title>" or, once the workbench reports the active item, "<title> › <item>". */
  get step(): string | undefined {
    return this.current === undefined || this.active === undefined ? this.current : `${this.current} › ${this.active}`;
  }

  private show(title: string | undefined, active: string | undefined): void {
    this.current = title;
    this.active = active;
  }

  private hide(title: string | undefined): void {
    if (this.current === title) this.show(undefined, undefined);
  }

  /** Tracks a quick pick from show to hide. */
  track(qp: vscode.QuickPick<vscode.QuickPickItem>): void {
    qp.onDidHide(() => this.hide(qp.title));
    qp.onDidChangeActive((items) => { if (this.current === qp.title) this.active = items[0]?.label; });
    this.show(qp.title, qp.activeItems[0]?.label);
  }

  /** window.showQuickPick, tracked from its first active item until it closes. */
  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions & { title: string }): Promise<T | undefined> {
    const shown = vscode.window.showQuickPick(items, { ...options, onDidSelectItem: (i) => this.show(options.title, typeof i === 'string' ? i : i.label) });
    return Promise.resolve(shown).finally(() => this.hide(options.title));
  }
}

export interface SourceOption {
  name: string;
  /** Where the text names it (code points), when it does. */
  span?: { start: number; end: number };
  detail?: string;
  group: 'attribution' | 'article' | 'workspace';
}

const GROUP_TITLE: Record<SourceOption['group'], string> = {
  attribution: 'Named in the text', article: 'Entities in this article', workspace: 'Sources used in the workspace',
};

type SourceItem = vscode.QuickPickItem & { option?: SourceOption };

/**
 * Shows a quick pick and resolves with what `chosen` makes of the accepted item, or undefined on Escape.
 * The step tracker, if any, knows the step is showing.
 */
function ask<I extends vscode.QuickPickItem, R>(qp: vscode.QuickPick<I>, chosen: () => R | undefined, tracker?: StepTracker): Promise<R | undefined> {
  return new Promise((resolve) => {
    qp.onDidAccept(() => {
      resolve(chosen());
      qp.hide();
    });
    qp.onDidHide(() => { resolve(undefined); qp.dispose(); });
    qp.show();
    tracker?.track(qp);
  });
}

/** Step 1: who asserts the claim. The suggested source is first; typing gives a free-text source. */
export function pickSource(options: SourceOption[], title: string, tracker?: StepTracker): Promise<SourceOption | undefined> {
  const qp = vscode.window.createQuickPick<SourceItem>();
  qp.title = `${title} (1/2): source`;
  qp.placeholder = 'Who asserts it? Enter takes the suggestion; type to search or to name another source';
  qp.matchOnDetail = true;
  const base: SourceItem[] = [];
  let group: SourceOption['group'] | undefined;
  for (const o of options) {
    if (o.group !== group) {
      base.push({ label: GROUP_TITLE[o.group], kind: vscode.QuickPickItemKind.Separator });
      group = o.group;
    }
    base.push({ label: o.name, description: o.detail, option: o });
  }
  qp.items = base;
  qp.onDidChangeValue((v) => {
    const typed = v.trim();
    const exact = options.some((o) => o.name.toLowerCase() === typed.toLowerCase());
    qp.items = typed && !exact ? [{ label: typed, description: 'new source', option: { name: typed, group: 'workspace' } }, ...base] : base;
  });
  return ask(qp, () => (qp.selectedItems[0] ?? qp.activeItems[0])?.option, tracker);
}

/** Step 2: the annotator's confidence, a named level or a typed number in 0..1. */
export function pickConfidence(levels: Record<string, number>, last: number | undefined, title: string, tracker?: StepTracker): Promise<number | undefined> {
  type Item = vscode.QuickPickItem & { value: number };
  const qp = vscode.window.createQuickPick<Item>();
  qp.title = `${title} (2/2): your confidence`;
  qp.placeholder = 'How sure are you? A level, or a number from 0 to 1';
  const base: Item[] = Object.entries(levels).sort((a, b) => a[1] - b[1]).map(([name, value]) => ({ label: name, description: String(value), value }));
  qp.items = base;
  const preselected = base.find((i) => i.value === last) ?? base[Math.floor((base.length - 1) / 2)];
  if (preselected) qp.activeItems = [preselected];
  qp.onDidChangeValue((v) => {
    const n = Number(v.trim());
    const ok = v.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 1;
    qp.items = ok ? [{ label: v.trim(), description: 'typed confidence', value: n }, ...base] : base;
    if (ok) qp.activeItems = [qp.items[0]];
  });
  return ask(qp, () => (qp.activeItems[0] ?? qp.selectedItems[0])?.value, tracker);
}

export async function pickFactuality(current: Factuality | undefined): Promise<Factuality | undefined> {
  const describe: Record<Factuality, string> = {
    asserted: 'the source states it as fact', reported: 'the source relays it (citing, according to)',
    hedged: 'allegedly, reportedly, apparently', denied: 'the source denies it', unknown: 'not stated',
  };
  const pick = await vscode.window.showQuickPick(FACTUALITY_VALUES.map((f) => ({ label: f, description: describe[f], picked: f === current })), { title: 'Sift: the source\'s own commitment (factuality)' });
  return pick?.label;
}

export function askNote(current?: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({ title: 'Sift: note (optional)', value: current ?? '', placeHolder: 'Enter to skip' });
}
