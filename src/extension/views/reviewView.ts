// The Review view (sift.review): the units of the active article under review, open disagreements first (click to
// reveal), then the workspace's articles with their review progress (units open of total, gold status, each
// annotator's status, unresolved comments). Progress is aligned from the corpus index, a few articles at a time with
// a yield between, and kept until the index changes. Under sift.assignments.yaml an article's progress is that of its
// assigned annotators, and those without a layer yet are listed as "not annotated yet" (as `sift review --status`).
import * as path from 'path';
import * as vscode from 'vscode';
import { alignLayers } from '../../core/review/align';
import { DETECTOR, GOLD, LayerInput, Unit, UnitState, isOpen } from '../../core/review/units';
import { uriOfPath } from '../platform/articleUri';
import { Commands } from '../platform/commandIds';
import { commandOf } from '../platform/commands';
import { reviewColour } from '../platform/decorationTypes';
import { Debouncer, Disposable } from '../platform/lifecycle';
import { WorkspaceKnowledge } from '../state/knowledge';
import { UnitRef } from './reviewHover';
import { ReviewState } from './reviewModel';
import { STATE_TEXT, shortQuote, unitText } from './reviewText';
import { yieldTurn } from '../../core/text/turn';

const VIEW_ID = 'sift.review';
/** How review words an assigned annotator with no layer yet (`sift review --status` says the same). */
export const NOT_ANNOTATED_YET_TEXT = 'not annotated yet';
/** Articles aligned between two yields to the event loop when the workspace's progress is computed. */
const CHUNK = 20;

/** An article's review progress. */
export interface Progress {
  article: string;
  open: number;
  total: number;
  gold?: string;
  /** Each compared annotator's layer status (annotating when unset; `not annotated yet` for an assigned one without a layer). */
  annotators: { annotator: string; status: string }[];
  comments: number;
}

/** Unresolved discussion threads on an article's annotations (the discussion feature provides it; 0 without it). */
export type UnresolvedComments = (article: string) => number;

type Node =
  | { kind: 'group'; id: 'article' | 'workspace'; label: string; description?: string }
  | { kind: 'unit'; article: string; unit: Unit }
  | { kind: 'notYet'; article: string; annotator: string }
  | { kind: 'article'; progress: Progress }
  | { kind: 'annotator'; article: string; annotator: string; status: string };

const ICON: Record<UnitState, string> = { agreed: 'pass', label: 'tag', boundary: 'whitespace', missing: 'circle-large-outline', feature: 'symbol-property', adjudicated: 'check-all' };

export class ReviewView extends Disposable implements vscode.TreeDataProvider<Node> {
  private readonly emitter = this._register(new vscode.EventEmitter<Node | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;
  private progressCache: Progress[] | undefined;
  private readonly refreshSoon = this._register(new Debouncer(200, () => this.emitter.fire(undefined)));
  readonly view: vscode.TreeView<Node>;

  constructor(private readonly review: ReviewState, private readonly knowledge: WorkspaceKnowledge, private readonly unresolved: UnresolvedComments = () => 0) {
    super();
    this.view = this._register(vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true }));
    const stale = () => { this.progressCache = undefined; this.refreshSoon.schedule(); };
    this._register(knowledge.onDidChangeIndex(stale));
    this._register(knowledge.assignments.onDidChange(stale));
    this._register(review.onDidChange(() => this.refreshSoon.schedule()));
    this._register(vscode.window.onDidChangeActiveTextEditor(() => this.refreshSoon.schedule()));
  }

  private activeArticle(): string | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    return doc && this.review.get(doc.uri.fsPath) ? doc.uri.fsPath : this.review.all()[0]?.article;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) return this.roots();
    if (node.kind === 'group' && node.id === 'article') {
      const article = this.activeArticle();
      const r = article ? this.review.get(article) : undefined;
      if (!r || !article) return [];
      return [...r.notYet.map((annotator): Node => ({ kind: 'notYet', article, annotator })), ...r.ordered.map((unit): Node => ({ kind: 'unit', article, unit }))];
    }
    if (node.kind === 'group') return (await this.progress()).map((progress) => ({ kind: 'article', progress }));
    if (node.kind === 'article') return node.progress.annotators.map((a) => ({ kind: 'annotator', article: node.progress.article, annotator: a.annotator, status: a.status }));
    return [];
  }

  private roots(): Node[] {
    const article = this.activeArticle();
    const r = article ? this.review.get(article) : undefined;
    const out: Node[] = [];
    if (r && article) {
      const open = r.alignment.units.filter(isOpen).length;
      const notYet = r.notYet.length ? ` · not annotated yet: ${r.notYet.map((a) => this.review.displayName(article, a)).join(', ')}` : '';
      out.push({ kind: 'group', id: 'article', label: path.basename(article), description: `${open} open of ${r.alignment.units.length} units${notYet}` });
    }
    out.push({ kind: 'group', id: 'workspace', label: 'Workspace', description: 'review progress per article' });
    return out;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.label, node.id === 'article' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `group:${node.id}`;
      item.description = node.description;
      return item;
    }
    if (node.kind === 'unit') return this.unitItem(node.article, node.unit);
    if (node.kind === 'notYet') {
      const item = new vscode.TreeItem(this.review.displayName(node.article, node.annotator));
      item.description = NOT_ANNOTATED_YET_TEXT;
      item.tooltip = 'Assigned to this article (sift.assignments.yaml) and no layer yet: not compared, and not counted as missing';
      item.iconPath = new vscode.ThemeIcon('watch');
      return item;
    }
    if (node.kind === 'annotator') {
      const item = new vscode.TreeItem(this.review.displayName(node.article, node.annotator));
      item.description = node.status;
      item.iconPath = new vscode.ThemeIcon(node.status === 'finished' ? 'pass-filled' : node.status === NOT_ANNOTATED_YET_TEXT ? 'watch' : 'person');
      return item;
    }
    return this.articleItem(node.progress);
  }

  private unitItem(article: string, u: Unit): vscode.TreeItem {
    const item = new vscode.TreeItem(shortQuote(unitText(u), 70));
    const who = u.versions.map((v) => v.annotators.map((a) => this.review.displayName(article, a)).join(', ')).join(' | ');
    item.description = `${STATE_TEXT[u.state]}${who ? ` · ${who}` : ''}`;
    item.iconPath = new vscode.ThemeIcon(ICON[u.state], new vscode.ThemeColor(reviewColour(u.state)));
    item.contextValue = isOpen(u) ? 'sift.unit.open' : 'sift.unit';
    item.tooltip = `${STATE_TEXT[u.state]}: ${u.versions.length} version(s)${u.missing.length ? `, missing in ${u.missing.length} layer(s)` : ''}`;
    const ref: UnitRef = { article, unit: u.id };
    item.command = commandOf(Commands.revealUnit, 'Reveal', ref);
    return item;
  }

  private articleItem(p: Progress): vscode.TreeItem {
    const item = new vscode.TreeItem(path.basename(p.article), p.annotators.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.description = `${p.open} open of ${p.total} · gold: ${p.gold ?? 'none'}${p.comments ? ` · ${p.comments} unresolved comment(s)` : ''}`;
    item.resourceUri = uriOfPath(p.article);
    item.iconPath = new vscode.ThemeIcon(p.gold === 'adjudicated' ? 'pass-filled' : p.open ? 'circle-large-outline' : 'pass');
    item.command = commandOf(Commands.reviewArticle, 'Review', p.article);
    return item;
  }

  /** Every article of the workspace with its review progress (cached until the index changes). */
  async progress(): Promise<Progress[]> {
    if (this.progressCache) return this.progressCache;
    await this.knowledge.ready();
    await this.knowledge.assignments.ready();
    const articles = this.knowledge.index.articles();
    const out: Progress[] = [];
    for (let i = 0; i < articles.length; i += CHUNK) {
      for (const article of articles.slice(i, i + CHUNK)) out.push(this.progressOf(article));
      await yieldTurn();
    }
    this.progressCache = out;
    return out;
  }

  private progressOf(article: string): Progress {
    const layers = this.knowledge.index.layersOf(article);
    const inputs: LayerInput[] = layers.map((l) => ({ annotator: l.annotator, layer: l.layer }));
    const present = inputs.map((l) => l.annotator).filter((a) => a !== GOLD && a !== DETECTOR).sort();
    const assigned = this.knowledge.assignments.compared(article, present);
    const people = assigned?.annotators ?? present;
    const units = people.length ? alignLayers(inputs, { annotators: people }).units : [];
    const gold = layers.find((l) => l.annotator === GOLD)?.layer.header.status;
    return {
      article, open: units.filter(isOpen).length, total: units.length, ...(gold ? { gold } : layers.some((l) => l.annotator === GOLD) ? { gold: 'in-review' } : {}),
      annotators: [
        ...people.map((annotator) => ({ annotator, status: layers.find((l) => l.annotator === annotator)?.layer.header.status ?? 'annotating' })),
        ...(assigned?.notYet ?? []).map((annotator) => ({ annotator, status: NOT_ANNOTATED_YET_TEXT })),
      ],
      comments: this.unresolved(article),
    };
  }

  /** The view as text, for tests: the units of the active article and the workspace's articles. */
  async snapshot(): Promise<{ units: string[]; articles: string[] }> {
    const roots = await this.getChildren();
    const article = roots.find((r) => r.kind === 'group' && r.id === 'article');
    const units = article ? (await this.getChildren(article)).map((n) => { const i = this.getTreeItem(n); return `${typeof i.label === 'string' ? i.label : i.label?.label ?? ''} — ${String(i.description)}`; }) : [];
    const articles = (await this.progress()).map((p) => `${path.basename(p.article)} — ${this.articleItem(p).description as string}`);
    return { units, articles };
  }
}
