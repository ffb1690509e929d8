// Review commands: turn review on and off, move through disagreements, adjudicate a unit into gold, merge agreed
// annotations, accept one annotator's label in bulk, compare my work with gold, and layer statuses. The quick picks
// are in views/reviewPick.ts, the gold writes in views/reviewGold.ts, the units in views/reviewModel.ts.
import * as path from 'path';
import * as vscode from 'vscode';
import { Feedback, compareWithGold as feedbackOf } from '../../core/review/feedback';
import { DETECTOR, GOLD, Unit, isOpen } from '../../core/review/units';
import { openByPath } from '../platform/articleUri';
import { Commands } from '../platform/commandIds';
import { registerCommand } from '../platform/commands';
import { messageText } from '../platform/markdown';
import { positionToCp, rangeToSpan, selectSpan } from '../platform/positions';
import { DecorationTypes } from '../platform/decorationTypes';
import { ReviewDecorations } from '../views/reviewDecorations';
import { ReviewGold } from '../views/reviewGold';
import { ReviewHover, UnitRef } from '../views/reviewHover';
import { DetectorSource, ReviewState } from '../views/reviewModel';
import { ReviewView, UnresolvedComments } from '../views/reviewView';
import { MergeChoice, askEdit, pickDecision, pickMerge } from '../views/reviewPick';
import { MergeOutcome, articlesOf } from '../../core/review/corpusReview';
import { mergeArticles } from '../../core/review/corpusMerge';
import { Services } from './services';

interface Deps {
  sv: Services;
  review: ReviewState;
  gold: ReviewGold;
}

function isRef(x: unknown): x is UnitRef {
  return typeof x === 'object' && x !== null && typeof (x as UnitRef).article === 'string' && typeof (x as UnitRef).unit === 'string';
}

/** The editor of an article, opened when needed. */
async function editorOf(article: string): Promise<vscode.TextEditor> {
  const open = vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath === article);
  return open ?? vscode.window.showTextDocument(await openByPath(article));
}

/** The active editor's article, or a message saying there is none. */
function activeArticle(d: Deps): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor && d.sv.sessions.get(editor.document)) return editor;
  void vscode.window.showInformationMessage('Sift: open an article (a file matching the sift.articles setting) first.');
  return undefined;
}

/** What the layer pick says of an annotator: the detector, you, not assigned to the article. */
function pickDescription(d: Deps, a: string, notAssigned: readonly string[]): string {
  if (a === DETECTOR) return 'the detector\'s suggestions';
  return [a === d.sv.annotator.id ? 'you' : '', notAssigned.includes(a) ? 'not assigned to this article' : ''].filter(Boolean).join(' · ');
}

/**
 * Sift: Review Article…: pick the layers to compare and turn review on. By default every annotator with a sidecar,
 * or, when sift.assignments.yaml assigns the article, its assigned annotators with one (as `sift review` compares).
 */
async function reviewArticle(d: Deps, arg?: unknown): Promise<void> {
  const editor = typeof arg === 'string' ? await editorOf(arg) : activeArticle(d);
  if (!editor) return;
  const article = editor.document.uri.fsPath;
  await d.sv.knowledge.settled();
  await d.sv.knowledge.assignments.ready();
  const people = d.review.annotatorsOf(article);
  const assigned = d.review.comparedOf(article);
  const before = d.review.get(article)?.annotators;
  const items = [...people, DETECTOR].map((a) => ({
    label: d.review.displayName(article, a),
    description: pickDescription(d, a, assigned?.notAssigned ?? []),
    picked: before ? before.includes(a) : a !== DETECTOR && (!assigned || assigned.annotators.includes(a)),
    annotator: a,
  }));
  const chosen = typeof arg === 'string' && !before ? items.filter((i) => i.picked)
    : await vscode.window.showQuickPick(items, { canPickMany: true, title: `Review ${path.basename(article)}: layers to compare` });
  if (!chosen) return;
  if (chosen.length === 0) {
    d.review.stop(article);
    return;
  }
  const byDefault = chosen.length === items.filter((i) => i.picked).length && chosen.every((c) => c.picked) && !before;
  const r = await d.review.start(article, chosen.map((c) => c.annotator), 'review', byDefault);
  const open = r.alignment.units.filter(isOpen).length;
  const notYet = r.notYet.length ? `; not annotated yet: ${r.notYet.map((a) => d.review.displayName(article, a)).join(', ')}` : '';
  void vscode.window.setStatusBarMessage(`Sift: reviewing ${r.annotators.length} layer(s): ${open} open of ${r.alignment.units.length} units${notYet}`, 4000);
}

/** Moves to the next (or previous) open unit from the cursor, wrapping around. */
async function moveDisagreement(d: Deps, step: 1 | -1): Promise<Unit | undefined> {
  const editor = vscode.window.activeTextEditor;
  const r = editor && d.review.get(editor.document.uri.fsPath);
  if (!editor || !r) {
    void vscode.window.showInformationMessage('Sift: turn review on for this article first (Sift: Review Article).');
    return undefined;
  }
  await d.review.recomputeAll();
  const open = (d.review.get(r.article)?.alignment.units ?? []).filter(isOpen).sort((a, b) => a.start - b.start || a.end - b.end);
  if (!open.length) {
    void vscode.window.setStatusBarMessage('Sift: no open disagreement in this article', 4000);
    return undefined;
  }
  const cp = positionToCp(editor.document, editor.selection.start);
  const next = step === 1 ? open.find((u) => u.start > cp) ?? open[0] : [...open].reverse().find((u) => u.start < cp) ?? open[open.length - 1];
  selectSpan(editor, next.start, next.end);
  return next;
}

/** The unit a command is about: the one named, else the one at the cursor. */
function unitFor(d: Deps, arg: unknown): { article: string; unit: Unit; version?: string } | undefined {
  if (isRef(arg)) {
    const unit = d.review.unit(arg.article, arg.unit);
    return unit && { article: arg.article, unit, ...(arg.version ? { version: arg.version } : {}) };
  }
  const editor = vscode.window.activeTextEditor;
  const article = editor?.document.uri.fsPath;
  const unit = editor && article ? d.review.unitAt(article, positionToCp(editor.document, editor.selection.start)) : undefined;
  if (!unit || !article) {
    void vscode.window.showInformationMessage('Sift: put the cursor in a unit of an article under review (Sift: Next Disagreement).');
    return undefined;
  }
  return { article, unit };
}

/** Sift: Adjudicate Unit…: accept a version, reject, or edit and accept; written to gold. */
async function adjudicate(d: Deps, arg?: unknown): Promise<boolean> {
  const at = unitFor(d, arg);
  if (!at) return false;
  const { article, unit } = at;
  const direct = at.version ? unit.versions.find((v) => v.key === at.version) : undefined;
  const decision = direct ? { kind: 'accept' as const, version: direct } : await pickDecision(unit, (a) => d.review.displayName(article, a), d.sv.steps);
  if (!decision) return false;
  if (decision.kind === 'accept') return d.gold.accept(article, unit, decision.version);
  if (decision.kind === 'reject') return d.gold.reject(article, unit);
  const edited = await askEdit(unit, decision.base);
  if (!edited) return false;
  const editor = vscode.window.activeTextEditor;
  const sel = editor?.document.uri.fsPath === article && !editor.selection.isEmpty ? rangeToSpan(editor.document, editor.selection) : undefined;
  return d.gold.acceptEdited(article, unit, edited, sel && sel.start < unit.end && sel.end > unit.start ? sel : undefined);
}

/** Whether an article is open in the editor (its document, or a session of any of its layers). */
function isOpenArticle(d: Deps, article: string): boolean {
  return vscode.workspace.textDocuments.some((doc) => doc.uri.fsPath === article) || d.sv.sessions.allLayers().some((s) => s.articlePath === article);
}

/**
 * The merge of articles not open in the editor: the core's, as `sift review --merge` does it, on the corpus index's
 * layers (no document or session is opened; each gold sidecar is written by the store, atomic and locked). It is not
 * part of the undo step; an article that cannot be merged now is skipped and named.
 */
async function mergeClosed(d: Deps, articles: readonly string[], choice: MergeChoice, annotatorsOf: (article: string) => string[]): Promise<{ added: number; kept: number; articles: number; skipped: string[] }> {
  const wanted = new Set(articles);
  const who = { adjudicator: d.sv.annotator.id, now: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') };
  const layers = articlesOf(d.sv.knowledge.index, (a) => wanted.has(a));
  const { results, error } = await mergeArticles(layers, { strategy: choice.strategy, ...(choice.minVotes ? { minVotes: choice.minVotes } : {}), annotatorsOf }, who);
  const total = { added: 0, kept: 0, articles: 0, skipped: [] as string[] };
  for (const o of results.filter((x): x is MergeOutcome => x !== undefined)) {
    total.added += o.added;
    total.kept += o.kept ?? 0;
    if (o.added) total.articles++;
    if (o.skipped) total.skipped.push(`${vscode.workspace.asRelativePath(o.article)} (${o.skipped})`);
  }
  // The index takes in the gold sidecars just written before the units are aligned again.
  await d.sv.knowledge.settled();
  if (error) throw error.error;
  return total;
}

/**
 * Sift: Merge Agreed Annotations into Gold…: never overwrites a decision already in gold. Open articles are merged
 * through their gold sessions (Sessions.mutate: one undo step); the others by the core on the corpus index.
 */
async function mergeAgreed(d: Deps): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const article = editor && d.sv.sessions.get(editor.document) ? editor.document.uri.fsPath : undefined;
  const choice = await pickMerge(!!article);
  if (!choice) return;
  await d.sv.knowledge.settled();
  const articles = choice.scope === 'article' && article ? [article] : d.sv.knowledge.index.articles().filter((a) => d.review.annotatorsOf(a).length > 0);
  // An article under review merges its compared layers; any other, its assigned ones (as `sift review --merge`).
  await d.sv.knowledge.assignments.ready();
  const annotatorsOf = (a: string) => d.review.get(a)?.annotators ?? d.review.defaultAnnotators(a);
  const closed = await mergeClosed(d, articles.filter((a) => !isOpenArticle(d, a)), choice, annotatorsOf);
  const open = await d.gold.merge(articles.filter((a) => isOpenArticle(d, a)), choice, annotatorsOf);
  const skipped = closed.skipped.length ? ` ${closed.skipped.length} article(s) skipped: ${closed.skipped.join('; ')}.` : '';
  const message = `Sift: merged ${open.added + closed.added} annotation(s) into gold in ${open.articles + closed.articles} article(s) (${choice.strategy}); ${open.kept + closed.kept} unit(s) already decided were kept.${skipped}`;
  if (skipped) void vscode.window.showWarningMessage(messageText(message));
  else void vscode.window.showInformationMessage(message);
}

/** Accept every annotation of one label from one annotator in the article under review. */
async function acceptAllFrom(d: Deps): Promise<void> {
  const editor = activeArticle(d);
  if (!editor) return;
  const article = editor.document.uri.fsPath;
  const layers = d.review.layersOf(article);
  const who = await vscode.window.showQuickPick(d.review.annotatorsOf(article).map((a) => ({ label: d.review.displayName(article, a), annotator: a })), { title: 'Accept every annotation of a label from: annotator' });
  const layer = who && layers.get(who.annotator);
  if (!who || !layer) return;
  const labels = [...new Set(layer.entities.map((e) => e.label))].sort();
  const label = await vscode.window.showQuickPick(labels, { title: `Accept every annotation from ${d.review.displayName(article, who.annotator)}: label` });
  if (!label) return;
  const n = await d.gold.acceptAllOf(article, who.annotator, label);
  void vscode.window.showInformationMessage(messageText(`Sift: accepted ${n} ${label} annotation(s) of ${d.review.displayName(article, who.annotator)} into gold.`));
}

/** Sift: Compare My Annotations with Gold: my layer against gold, in the same unit view; returns the counts. */
async function compareWithGold(d: Deps): Promise<Feedback['counts'] | undefined> {
  const editor = activeArticle(d);
  if (!editor) return;
  const article = editor.document.uri.fsPath;
  await d.sv.knowledge.settled();
  if (!d.review.layersOf(article).has(GOLD)) {
    void vscode.window.showInformationMessage('Sift: this article has no gold layer yet; nothing has been adjudicated.');
    return undefined;
  }
  const r = await d.review.start(article, [d.sv.annotator.id], 'compare');
  const { counts } = feedbackOf(r.alignment, d.sv.annotator.id);
  void vscode.window.showInformationMessage(`Sift: gold kept ${counts.kept} of your annotations, changed ${counts.changed}, rejected ${counts.rejected}; ${counts.undecided} not decided yet, ${counts.missed} in gold that you did not annotate. Each is marked by its state; hover for details.`);
  return counts;
}

export function registerReviewCommands(sv: Services, review: ReviewState, gold: ReviewGold): vscode.Disposable[] {
  const d: Deps = { sv, review, gold };
  return [
    registerCommand(Commands.reviewArticle, (arg?: unknown) => reviewArticle(d, arg)),
    registerCommand(Commands.stopReview, () => { const e = vscode.window.activeTextEditor; if (e) review.stop(e.document.uri.fsPath); }),
    registerCommand(Commands.nextDisagreement, () => moveDisagreement(d, 1)),
    registerCommand(Commands.previousDisagreement, () => moveDisagreement(d, -1)),
    registerCommand(Commands.adjudicateUnit, (arg?: unknown) => adjudicate(d, arg)),
    registerCommand(Commands.rejectUnit, (arg?: unknown) => { const at = unitFor(d, arg); return at ? gold.reject(at.article, at.unit) : false; }),
    registerCommand(Commands.revealUnit, async (arg?: unknown) => {
      const at = isRef(arg) ? d.review.unit(arg.article, arg.unit) : undefined;
      if (isRef(arg) && at) selectSpan(await editorOf(arg.article), at.start, at.end);
    }),
    registerCommand(Commands.mergeAgreed, () => mergeAgreed(d)),
    registerCommand(Commands.acceptAllFromAnnotator, () => acceptAllFrom(d)),
    registerCommand(Commands.compareWithGold, () => compareWithGold(d)),
    registerCommand(Commands.markFinished, () => { const e = activeArticle(d); return e ? gold.markFinished(e.document) : false; }),
    registerCommand(Commands.setGoldStatus, () => { const e = activeArticle(d); return e ? gold.pickGoldStatus(e.document.uri.fsPath) : false; }),
  ];
}

/** Review's parts, made once on activation (main.ts) and handed to the test hooks. */
export interface ReviewParts {
  state: ReviewState;
  decorations: ReviewDecorations;
  view: ReviewView;
  hover: ReviewHover;
  disposables: vscode.Disposable[];
}

/** Builds review mode: its state, views, hover and commands. The detector joins as `sift-detector` on request. */
export function createReview(sv: Services, types: DecorationTypes, unresolved?: UnresolvedComments): ReviewParts {
  const detect: DetectorSource = async (article) => {
    const doc = vscode.workspace.textDocuments.find((x) => x.uri.fsPath === article) ?? await openByPath(article);
    return { text: doc.getText(), suggestions: await sv.suggestions.refresh(doc) };
  };
  const state = new ReviewState(sv.sessions, sv.knowledge, detect);
  const decorations = new ReviewDecorations(state, types);
  const view = new ReviewView(state, sv.knowledge, unresolved);
  const hover = new ReviewHover(state);
  const gold = new ReviewGold(sv.sessions, sv.annotator, state);
  const disposables = [state, decorations, view, vscode.languages.registerHoverProvider(sv.sessions.selector, hover), ...registerReviewCommands(sv, state, gold)];
  return { state, decorations, view, hover, disposables };
}
