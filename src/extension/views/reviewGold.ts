// Review decisions, written to the article's `gold` layer through its session and `Sessions.mutate` (undo, events,
// atomic save; the gold sidecar is created on the first write). Each decision records its provenance: `from` (the
// annotations it came from), `adjudicator` (the current annotator) and `created`. A rejection is a `dismissed` entry.
// Merges and bulk accepts never touch a unit gold has already decided.
import * as vscode from 'vscode';
import { Annotation, LayerStatus, Target, isClaim } from '../../core/model';
import { alignLayers } from '../../core/review/align';
import { GOLD, LayerInput, Unit, Version } from '../../core/review/units';
import { ArticleSession } from '../../core/session/session';
import { AnnotatorState } from '../state/annotator';
import { Sessions } from '../state/sessions';
import { ReviewState } from './reviewModel';
import { Edited, MergeChoice } from './reviewPick';

const isoNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Whether a merge strategy accepts a unit's first version (units gold decided are never merged). */
export function mergeable(u: Unit, choice: Pick<MergeChoice, 'strategy' | 'minVotes'>): Version | undefined {
  const [first, second] = u.versions;
  if (u.state === 'adjudicated' || !first) return undefined;
  if (choice.strategy === 'unanimous') return u.disagreement === 'agreed' ? first : undefined;
  if (choice.strategy === 'agreed') return u.versions.length === 1 ? first : undefined;
  const votes = first.annotators.length;
  return votes >= (choice.minVotes ?? 2) && votes > (second?.annotators.length ?? 0) ? first : undefined;
}

export class ReviewGold {
  constructor(private readonly sessions: Sessions, private readonly annotator: AnnotatorState, private readonly review: ReviewState) {}

  /** The gold session of an article (opened, with its document, when needed). */
  private async goldOf(article: string): Promise<ArticleSession | undefined> {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === article) ?? await vscode.workspace.openTextDocument(article);
    const s = this.sessions.getLayer(doc, GOLD);
    if (!s) void vscode.window.showWarningMessage(`Sift cannot open the gold layer of ${vscode.workspace.asRelativePath(article)}.`);
    return s;
  }

  /** Adds the annotation a version stands for to gold, with its provenance. */
  private addVersion(gold: ArticleSession, u: Unit, v: Version, span?: { start: number; end: number }, edited?: Edited): Annotation {
    const source = u.members.find((m) => v.ids.some((t) => t.annotator === m.annotator && t.id === m.annotation.id))?.annotation;
    const { start, end } = span ?? v;
    const provenance = { from: v.ids.map((t) => ({ ...t })), adjudicator: this.annotator.id };
    if (u.kind === 'entity') {
      const label = edited?.kind === 'entity' ? edited.label : v.label ?? 'OTHER';
      const extra = source && !isClaim(source) ? { ...(source.value ? { value: source.value } : {}), ...(source.canonical ? { canonical: source.canonical } : {}) } : {};
      const e = gold.addEntity({ start, end, label, ...extra });
      return gold.update(e.id, provenance);
    }
    const f = edited?.kind === 'claim' ? edited.features : v.claim;
    if (!f) throw new Error('a claim version without features');
    const c = gold.addClaim({ start, end, source: { ...f.source }, confidence: f.confidence, ...(f.cue ? { cue: { ...f.cue } } : {}), ...(f.factuality ? { factuality: f.factuality } : {}) });
    return gold.update(c.id, provenance);
  }

  /** Clears what gold decided on a unit before a new decision replaces it. */
  private clearDecision(gold: ArticleSession, u: Unit): void {
    for (const g of u.gold) gold.remove(g.id);
    if (u.dismissal && gold.layer.dismissed) gold.layer.dismissed = gold.layer.dismissed.filter((d) => d.id !== u.dismissal?.id);
    if (gold.layer.dismissed?.length === 0) delete gold.layer.dismissed;
  }

  /** One decision on gold, as one undo step; the first decision marks gold `in-review` when it has no status yet. */
  private decide(gold: ArticleSession, change: () => void, label: string): void {
    this.sessions.mutate(gold, () => {
      change();
      gold.layer.header.status ??= 'in-review';
    }, label);
  }

  /** Accepts a version of a unit into gold (replacing gold's earlier decision on it). */
  async accept(article: string, u: Unit, v: Version): Promise<boolean> {
    const gold = await this.goldOf(article);
    if (!gold) return false;
    this.decide(gold, () => { this.clearDecision(gold, u); this.addVersion(gold, u, v); }, 'adjudicate unit');
    await this.review.recomputeAll();
    return true;
  }

  /** Edit and accept: another label or claim features, on the unit's most common span or the given selection. */
  async acceptEdited(article: string, u: Unit, edited: Edited, span?: { start: number; end: number }): Promise<boolean> {
    const gold = await this.goldOf(article);
    const base = u.versions[0];
    if (!gold || !base) return false;
    this.decide(gold, () => { this.clearDecision(gold, u); this.addVersion(gold, u, base, span, edited); }, 'adjudicate unit (edited)');
    await this.review.recomputeAll();
    return true;
  }

  /** Rejects a unit: a `dismissed` entry naming every compared annotation in it, so the unit stays decided. */
  async reject(article: string, u: Unit): Promise<boolean> {
    const gold = await this.goldOf(article);
    if (!gold) return false;
    const from: Target[] = u.members.filter((m) => m.annotator !== GOLD).map((m) => ({ annotator: m.annotator, id: m.annotation.id }));
    const first = u.members[0]?.annotation;
    this.decide(gold, () => {
      this.clearDecision(gold, u);
      const taken = new Set((gold.layer.dismissed ?? []).map((d) => d.id));
      let n = taken.size + 1;
      while (taken.has(`d-${n}`)) n++;
      const label = first && !isClaim(first) ? first.label : undefined;
      gold.layer.dismissed = [...(gold.layer.dismissed ?? []), {
        id: `d-${n}`, kind: u.kind, ...(label ? { label } : {}), quote: first?.quote ?? '', from, adjudicator: this.annotator.id, created: isoNow(),
      }];
    }, 'reject unit');
    await this.review.recomputeAll();
    return true;
  }

  /** Units of an article aligned from the freshest layers (open sessions over the index). */
  private unitsOf(article: string, annotators: string[]): Unit[] {
    const inputs: LayerInput[] = [...this.review.layersOf(article)].filter(([a]) => a === GOLD || annotators.includes(a)).map(([annotator, layer]) => ({ annotator, layer }));
    return alignLayers(inputs, { annotators }).units;
  }

  /** Auto-merge into gold, article by article; every article's change is one undo step together. */
  async merge(articles: readonly string[], choice: MergeChoice, annotatorsOf: (article: string) => string[]): Promise<{ added: number; kept: number; articles: number }> {
    const total = { added: 0, kept: 0, articles: 0 };
    await this.sessions.batch(async () => {
      for (const article of articles) {
        const units = this.unitsOf(article, annotatorsOf(article));
        total.kept += units.filter((u) => u.state === 'adjudicated').length;
        const take = units.flatMap((u) => { const v = mergeable(u, choice); return v ? [{ u, v }] : []; });
        if (!take.length) continue;
        const gold = await this.goldOf(article);
        if (!gold) continue;
        this.decide(gold, () => { for (const { u, v } of take) this.addVersion(gold, u, v); }, `merge into gold (${choice.strategy})`);
        total.added += take.length;
        total.articles++;
      }
    });
    await this.review.recomputeAll();
    return total;
  }

  /** Accepts every annotation of `label` (CLAIM for claims) from one annotator, where gold has not decided yet. */
  async acceptAllOf(article: string, annotator: string, label: string): Promise<number> {
    const compared = this.review.get(article)?.annotators ?? this.review.annotatorsOf(article);
    const units = this.unitsOf(article, compared.includes(annotator) ? compared : [...compared, annotator]);
    const take = units.flatMap((u) => {
      if (u.state === 'adjudicated') return [];
      const v = u.versions.find((x) => x.annotators.includes(annotator) && (label === 'CLAIM' ? x.kind === 'claim' : x.label === label));
      return v ? [{ u, v }] : [];
    });
    const gold = take.length ? await this.goldOf(article) : undefined;
    if (!gold) return 0;
    this.decide(gold, () => { for (const { u, v } of take) this.addVersion(gold, u, v); }, `accept every ${label} of ${annotator}`);
    await this.review.recomputeAll();
    return take.length;
  }

  /** Sift: Mark Article Finished: the current annotator's layer status. */
  markFinished(doc: vscode.TextDocument): boolean {
    const s = this.sessions.get(doc);
    if (!s) return false;
    this.sessions.mutate(s, () => { s.layer.header.status = 'finished'; }, 'mark finished');
    void vscode.window.setStatusBarMessage('Sift: article marked finished', 4000);
    return true;
  }

  /** Asks for the gold status (in review, adjudicated) and sets it. */
  async pickGoldStatus(article: string): Promise<boolean> {
    const pick = await vscode.window.showQuickPick(['in-review', 'adjudicated'], { title: 'Gold status of this article' });
    const gold = pick ? await this.goldOf(article) : undefined;
    if (!gold || !pick) return false;
    this.sessions.mutate(gold, () => { gold.layer.header.status = pick as LayerStatus; }, 'gold status');
    return true;
  }
}
