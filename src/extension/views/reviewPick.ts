// The review quick picks: the adjudication pick (each distinct version, most common first so Enter accepts it, then
// Reject and Edit and accept…; a digit picks that version at once), the edit step, and the merge options. They only
// ask; the decision is written by views/reviewGold.ts through the gold session.
import * as vscode from 'vscode';
import { ClaimFeatures, Unit, Version } from '../../core/review/units';
import { StepTracker } from '../commands/claimInput';
import { pickLabel } from '../commands/labels';
import { versionText, unitText, goldText } from './reviewText';

export type Decision =
  | { kind: 'accept'; version: Version }
  | { kind: 'reject' }
  | { kind: 'edit'; base?: Version };

interface DecisionItem extends vscode.QuickPickItem {
  decision: Decision;
}

/** The pick's items: versions (numbered, most common first), then Reject, then Edit and accept…. */
export function decisionItems(unit: Unit, name: (annotator: string) => string): DecisionItem[] {
  const items: DecisionItem[] = unit.versions.map((v, i) => ({
    label: `${i + 1}. ${versionText(v)}`,
    description: v.annotators.map(name).join(', '),
    decision: { kind: 'accept', version: v },
  }));
  items.push({ label: 'Reject (not an annotation)', description: unit.missing.length ? `as ${unit.missing.map(name).join(', ')}` : '', decision: { kind: 'reject' } });
  items.push({ label: 'Edit and accept…', description: 'another label, or your own selection as the span', decision: { kind: 'edit', ...(unit.versions[0] ? { base: unit.versions[0] } : {}) } });
  return items;
}

/** Asks how to decide a unit; undefined on Escape. Enter takes the first (most common) version; a digit takes that one. */
export function pickDecision(unit: Unit, name: (annotator: string) => string, steps?: StepTracker): Promise<Decision | undefined> {
  const qp = vscode.window.createQuickPick<DecisionItem>();
  const items = decisionItems(unit, name);
  qp.items = items;
  qp.title = `Adjudicate: ${unitText(unit)}`;
  const gold = goldText(unit);
  qp.placeholder = `${gold ? `Gold now: ${gold}. ` : ''}Enter accepts the most common version; 1–${Math.min(items.length, 9)} pick, or type to filter`;
  qp.matchOnDescription = true;
  return new Promise((resolve) => {
    let done = false;
    const finish = (d: Decision | undefined) => { if (done) return; done = true; resolve(d); qp.hide(); };
    qp.onDidChangeValue((value) => {
      const n = /^[1-9]$/.test(value) ? Number(value) : 0;
      if (n && items[n - 1]) finish(items[n - 1].decision);
    });
    qp.onDidAccept(() => finish(qp.selectedItems[0]?.decision ?? qp.activeItems[0]?.decision));
    qp.onDidHide(() => { finish(undefined); qp.dispose(); });
    qp.show();
    steps?.track(qp);
  });
}

/** What Edit and accept… produced: an entity's label, or a claim's features; the span is chosen by the caller. */
export type Edited = { kind: 'entity'; label: string } | { kind: 'claim'; features: ClaimFeatures };

/** The edit step: a label for an entity; source and confidence for a claim (prefilled from `base`). */
export async function askEdit(unit: Unit, base: Version | undefined): Promise<Edited | undefined> {
  if (unit.kind === 'entity') {
    const labels = unit.versions.flatMap((v) => (v.label ? [v.label] : []));
    const label = await pickLabel({ title: 'Edit and accept: label', extra: labels });
    return label ? { kind: 'entity', label } : undefined;
  }
  const c = base?.claim;
  const source = await vscode.window.showInputBox({ title: 'Edit and accept: source', value: c?.source.name ?? '', validateInput: (v) => (v.trim() ? undefined : 'A claim needs a source') });
  if (source === undefined) return undefined;
  const conf = await vscode.window.showInputBox({ title: 'Edit and accept: confidence (0 to 1)', value: String(c?.confidence ?? 0.5), validateInput: (v) => (isConfidence(v) ? undefined : 'A number from 0 to 1') });
  if (conf === undefined) return undefined;
  const features: ClaimFeatures = { source: { name: source.trim() }, confidence: Number(conf) };
  if (c?.factuality) features.factuality = c.factuality;
  if (c?.cue) features.cue = c.cue;
  return { kind: 'claim', features };
}

function isConfidence(v: string): boolean {
  const n = Number(v);
  return v.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 1;
}

export type Strategy = 'unanimous' | 'agreed' | 'majority';

export interface MergeChoice {
  scope: 'article' | 'workspace';
  strategy: Strategy;
  minVotes?: number;
}

/** Asks where to merge (the article, when one is under review or open, or the workspace) and with which strategy. */
export async function pickMerge(hasArticle: boolean): Promise<MergeChoice | undefined> {
  const scopes = [
    ...(hasArticle ? [{ label: 'This article', scope: 'article' as const }] : []),
    { label: 'Every article in the workspace', scope: 'workspace' as const },
  ];
  const scope = scopes.length === 1 ? scopes[0] : await vscode.window.showQuickPick(scopes, { title: 'Merge agreed annotations into gold: where' });
  if (!scope) return undefined;
  const strategies = [
    { label: 'unanimous', description: 'every compared layer has the same annotation (default)', strategy: 'unanimous' as const },
    { label: 'agreed', description: 'all layers that annotated the position agree', strategy: 'agreed' as const },
    { label: 'majority', description: 'the most common version, with a minimum number of votes', strategy: 'majority' as const },
  ];
  const s = await vscode.window.showQuickPick(strategies, { title: 'Merge agreed annotations into gold: strategy' });
  if (!s) return undefined;
  if (s.strategy !== 'majority') return { scope: scope.scope, strategy: s.strategy };
  const votes = await vscode.window.showInputBox({ title: 'Majority: minimum number of votes', value: '2', validateInput: (v) => (/^[1-9]\d*$/.test(v.trim()) ? undefined : 'A whole number, 1 or more') });
  return votes === undefined ? undefined : { scope: scope.scope, strategy: 'majority', minVotes: Number(votes) };
}
