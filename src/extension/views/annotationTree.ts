// The Sift view: workspace → article → claims and entities of the current annotator, with counts, under a filter.
// Its commands (filter, reveal, edit, delete, next/previous) are in commands/treeCommands.ts.
import * as path from 'path';
import * as vscode from 'vscode';
import { Annotation, ClaimAnnotation, EntityAnnotation, Layer, allAnnotations, kindOf } from '../../core/model';
import { AnnotatorState } from '../state/annotator';
import { uriOfPath } from '../platform/articleUri';
import { BuiltinCommands, Commands } from '../platform/commandIds';
import { commandOf, executeCommand } from '../platform/commands';
import { Debouncer, Disposable } from '../platform/lifecycle';
import { WorkspaceKnowledge } from '../state/knowledge';
import { Sessions } from '../state/sessions';

/** The view's id (package.json contributes.views). */
const VIEW_ID = 'sift.annotations';
/** Context key: a filter is set (shows the view's Clear Filter button). */
const FILTERED_KEY = 'sift.treeFiltered';

export interface Filter {
  label?: string;
  source?: string;
  minConfidence?: number;
}

export type TreeNode = { kind: 'article'; file: string; layer: Layer } | { kind: 'annotation'; file: string; a: Annotation };

export class AnnotationTree extends Disposable implements vscode.TreeDataProvider<TreeNode> {
  private readonly emitter = this._register(new vscode.EventEmitter<TreeNode | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;
  private current: Filter = {};
  private readonly refreshSoon = this._register(new Debouncer(200, () => this.refresh()));

  /** How many times the tree told VS Code it changed (for tests). */
  changes = 0;

  constructor(private readonly sessions: Sessions, private readonly annotator: AnnotatorState, private readonly knowledge: WorkspaceKnowledge) {
    super();
    this._register(vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true }));
    const soon = () => this.refreshSoon.schedule();
    this._register(knowledge.onDidChangeIndex(soon));
    this._register(sessions.onDidChange(soon));
    this._register(annotator.onDidChange(soon));
  }

  refresh(): void {
    this.changes++;
    this.emitter.fire(undefined);
  }

  get filter(): Filter {
    return this.current;
  }

  /** Shows only what matches `f` ({} shows everything). */
  setFilter(f: Filter): void {
    this.current = f;
    void executeCommand(BuiltinCommands.setContext, FILTERED_KEY, Object.keys(f).length > 0);
    this.refresh();
  }

  private matches(a: Annotation): boolean {
    const f = this.current;
    if (kindOf(a) === 'claim') {
      const c = a as ClaimAnnotation;
      if (f.label && f.label !== 'CLAIM') return false;
      if (f.source && c.source.name !== f.source) return false;
      if (f.minConfidence !== undefined && c.confidence < f.minConfidence) return false;
      return true;
    }
    if (f.source || f.minConfidence !== undefined) return false;
    return !f.label || (a as EntityAnnotation).label === f.label;
  }

  /** The current annotator's layer of an article: the open session's, else the corpus index's. */
  private layerOf(file: string): Layer | undefined {
    const open = this.sessions.all().find((s) => s.articlePath === file);
    return open ? open.layer : this.knowledge.index.layer(file, this.annotator.id);
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node?.kind === 'article') return allAnnotations(node.layer).filter((a) => this.matches(a)).map((a) => ({ kind: 'annotation', file: node.file, a }));
    if (node) return [];
    await this.knowledge.ready();
    const files = new Set([...this.knowledge.index.articles(this.annotator.id), ...this.sessions.all().map((s) => s.articlePath)]);
    return [...files].sort().flatMap((file) => {
      const layer = this.layerOf(file);
      return layer && allAnnotations(layer).some((a) => this.matches(a)) ? [{ kind: 'article' as const, file, layer }] : [];
    });
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    if (node.kind === 'article') {
      const claims = node.layer.claims.filter((a) => this.matches(a)).length;
      const entities = node.layer.entities.filter((a) => this.matches(a)).length;
      const item = new vscode.TreeItem(path.basename(node.file), vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${claims} claim${claims === 1 ? '' : 's'} · ${entities} entit${entities === 1 ? 'y' : 'ies'}`;
      item.resourceUri = uriOfPath(node.file);
      item.contextValue = 'sift.article';
      return item;
    }
    const a = node.a;
    const claim = kindOf(a) === 'claim' ? (a as ClaimAnnotation) : undefined;
    const item = new vscode.TreeItem(a.quote.replace(/\s+/g, ' ').slice(0, 80));
    item.description = claim ? `${claim.source.name} · ${claim.confidence}${claim.links?.length ? ` · ${claim.links.length} link(s)` : ''}` : (a as EntityAnnotation).label;
    item.iconPath = new vscode.ThemeIcon(a.orphaned ? 'warning' : claim ? 'comment-discussion' : 'tag');
    item.tooltip = `${claim ? 'Claim' : (a as EntityAnnotation).label}${a.orphaned ? ' (orphaned)' : ''}: ${a.quote}`;
    item.contextValue = claim ? 'sift.claim' : 'sift.entity';
    item.command = commandOf(Commands.revealAnnotation, 'Reveal', node.file, a.id);
    return item;
  }

  /** The tree as text, two levels deep (for tests and for a quick look in the log). */
  async snapshot(): Promise<{ article: string; description: string; children: string[] }[]> {
    const out = [];
    for (const a of await this.getChildren()) {
      const item = this.getTreeItem(a);
      const kids = (await this.getChildren(a)).map((k) => { const i = this.getTreeItem(k); return `${labelText(i)} — ${String(i.description)}`; });
      out.push({ article: labelText(item), description: String(item.description), children: kids });
    }
    return out;
  }
}

/** A tree item's label as plain text (a label may be a string or a highlighted label object). */
function labelText(item: vscode.TreeItem): string {
  const l = item.label;
  return typeof l === 'string' ? l : l?.label ?? '';
}
