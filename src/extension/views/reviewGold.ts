// Review decisions, written to the article's `gold` layer through its session and `Sessions.mutate` (undo, events,
// atomic save; the gold sidecar is created on the first write). Each decision records its provenance: `from` (the
// annotations it came from), `adjudicator` (the current annotator) and `created`. A rejection is a `dismissed` entry.
// Merges and bulk accepts never touch a unit gold has already decided.
import * as vscode from 'vscode';
import { LayerStatus } from '../../core/model';
import { alignLayers } from '../../core/review/align';
import { Decider, GoldDecision, Edit, acceptLabelFrom, acceptVersion, autoMerge, editAndAccept, rejectUnit } from '../../core/review/adjudicate';
import { Alignment, GOLD, LayerInput, Unit, Version } from '../../core/review/units';
import { ArticleSession } from '../../core/session/session';
import { openByPath } from '../platform/articleUri';
import { AnnotatorState } from '../state/annotator';
import { Sessions } from '../state/sessions';
import { ReviewState } from './reviewModel';
import { Edited, MergeChoice } from './reviewPick';

const isoNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

export class ReviewGold {
  constructor(private readonly sessions: Sessions, private readonly annotator: AnnotatorState, private readonly review: ReviewState) {}

  /** The gold session of an article (opened, with its document, when needed). */
  private async goldOf(article: string): Promise<ArticleSession | undefined> {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === article) ?? await openByPath(article);
    const s = await this.sessions.whenLayer(doc, GOLD);
    if (!s) void vscode.window.showWarningMessage(`Sift cannot open the gold layer of ${vscode.workspace.asRelativePath(article)}.`);
    return s;
  }

  /** Who decides now: the current annotator. */
  private who(): Decider {
    return { adjudicator: this.annotator.id, now: isoNow() };
  }

  /** Clears what gold decided on a unit before a new decision replaces it. */
  private clearDecision(gold: ArticleSession, u: Unit): void {
    for (const g of u.gold) gold.remove(g.id);
    if (u.dismissal) gold.removeDismissal(u.dismissal.id);
  }

  /** Decisions on gold, as one undo step; the first decision marks gold `in-review` when it has no status yet. */
  private apply(gold: ArticleSession, decisions: readonly GoldDecision[], label: string, replacing?: Unit): void {
    this.sessions.mutate(gold, () => {
      if (replacing) this.clearDecision(gold, replacing);
      for (const d of decisions) gold.applyDecision(d);
      if (!gold.layer.header.status) gold.setStatus('in-review');
    }, label);
  }

  /** Writes a decision on one unit of an article to its gold layer, then re-aligns. */
  private async decide(article: string, u: Unit, decision: GoldDecision, label: string): Promise<boolean> {
    const gold = await this.goldOf(article);
    if (!gold) return false;
    this.apply(gold, [decision], label, u);
    await this.review.recomputeAll();
    return true;
  }

  /** Accepts a version of a unit into gold (replacing gold's earlier decision on it). */
  accept(article: string, u: Unit, v: Version): Promise<boolean> {
    return this.decide(article, u, acceptVersion(u, v, this.who()), 'adjudicate unit');
  }

  /** Edit and accept: another label or claim features, on the unit's most common span or the given selection. */
  acceptEdited(article: string, u: Unit, edited: Edited, span?: { start: number; end: number }): Promise<boolean> {
    const base = u.versions[0];
    const edit: Edit = { ...(span ?? (base ? { start: base.start, end: base.end } : {})),
      ...(edited.kind === 'entity' ? { label: edited.label } : { source: edited.features.source, confidence: edited.features.confidence }) };
    return this.decide(article, u, editAndAccept(u, edit, this.who()), 'adjudicate unit (edited)');
  }

  /** Rejects a unit: a `dismissed` entry naming every annotation in it, so the unit stays decided. */
  reject(article: string, u: Unit): Promise<boolean> {
    return this.decide(article, u, rejectUnit(u, this.who()), 'reject unit');
  }

  /** Units of an article aligned from the freshest layers (open sessions over the index). */
  private alignmentOf(article: string, annotators: string[]): Alignment {
    const inputs: LayerInput[] = [...this.review.layersOf(article)].filter(([a]) => a === GOLD || annotators.includes(a)).map(([annotator, layer]) => ({ annotator, layer }));
    return alignLayers(inputs, { annotators });
  }

  /** Auto-merge into gold, article by article; the whole merge is undone as one step. */
  async merge(articles: readonly string[], choice: MergeChoice, annotatorsOf: (article: string) => string[]): Promise<{ added: number; kept: number; articles: number }> {
    const total = { added: 0, kept: 0, articles: 0 };
    const who = this.who();
    await this.sessions.batch(async () => {
      for (const article of articles) {
        const alignment = this.alignmentOf(article, annotatorsOf(article));
        total.kept += alignment.units.filter((u) => u.state === 'adjudicated').length;
        const decisions = autoMerge(alignment, { strategy: choice.strategy, ...(choice.minVotes ? { minVotes: choice.minVotes } : {}) }, who);
        const gold = decisions.length ? await this.goldOf(article) : undefined;
        if (!gold) continue;
        this.apply(gold, decisions, `merge into gold (${choice.strategy})`);
        total.added += decisions.length;
        total.articles++;
      }
    });
    await this.review.recomputeAll();
    return total;
  }

  /** Accepts every undecided entity of `label` from one annotator. */
  async acceptAllOf(article: string, annotator: string, label: string): Promise<number> {
    const compared = this.review.get(article)?.annotators ?? this.review.annotatorsOf(article);
    const alignment = this.alignmentOf(article, compared.includes(annotator) ? compared : [...compared, annotator]);
    const decisions = acceptLabelFrom(alignment, annotator, label, this.who());
    const gold = decisions.length ? await this.goldOf(article) : undefined;
    if (!gold) return 0;
    this.apply(gold, decisions, `accept every ${label} of ${annotator}`);
    await this.review.recomputeAll();
    return decisions.length;
  }

  /** Sift: Mark Article Finished: the current annotator's layer status. */
  markFinished(doc: vscode.TextDocument): boolean {
    const s = this.sessions.get(doc);
    if (!s) return false;
    this.sessions.mutate(s, () => s.setStatus('finished'), 'mark finished');
    void vscode.window.setStatusBarMessage('Sift: article marked finished', 4000);
    return true;
  }

  /** Asks for the gold status (in review, adjudicated) and sets it. */
  async pickGoldStatus(article: string): Promise<boolean> {
    const pick = await vscode.window.showQuickPick(['in-review', 'adjudicated'], { title: 'Gold status of this article' });
    const gold = pick ? await this.goldOf(article) : undefined;
    if (!gold || !pick) return false;
    this.sessions.mutate(gold, () => gold.setStatus(pick as LayerStatus), 'gold status');
    return true;
  }
}
