// The Sift view: workspace → article → claims and entities of the current annotator, with counts and filters;
// a click reveals the span. Also Next/Previous Annotation.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { sidecarPathFor } from '../../core/store/paths';
import { Annotation, ClaimAnnotation, EntityAnnotation, Layer, allAnnotations, kindOf } from '../../core/model';
import { parseSidecar } from '../../core/store/sidecarFormat';
import { AnnotatorState } from '../state/annotator';
import { readConfig } from '../platform/config';
import { positionToCp, spanToRange } from '../platform/positions';
import { Sessions } from '../state/sessions';

export interface Filter {
  label?: string;
  source?: string;
  minConfidence?: number;
}

type Node = { kind: 'article'; file: string; layer: Layer } | { kind: 'annotation'; file: string; a: Annotation };

export class AnnotationTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private filter: Filter = {};
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly sessions: Sessions, private readonly annotator: AnnotatorState) {
    const view = vscode.window.createTreeView('sift.annotations', { treeDataProvider: this, showCollapseAll: true });
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.ann.yaml');
    const soon = () => this.refreshSoon();
    this.disposables.push(view, watcher, watcher.onDidChange(soon), watcher.onDidCreate(soon), watcher.onDidDelete(soon),
      sessions.onDidChange(soon), annotator.onDidChange(soon),
      vscode.commands.registerCommand('sift.filterTree', () => this.pickFilter()),
      vscode.commands.registerCommand('sift.clearTreeFilter', () => { this.filter = {}; this.refresh(); }),
      vscode.commands.registerCommand('sift.revealAnnotation', (file: string, id: string) => reveal(file, id, sessions)),
      vscode.commands.registerCommand('sift.editFromTree', (n?: Node) => this.act(n, 'edit')),
      vscode.commands.registerCommand('sift.deleteFromTree', (n?: Node) => this.act(n, 'delete')),
      vscode.commands.registerCommand('sift.nextAnnotation', () => step(sessions, 1)),
      vscode.commands.registerCommand('sift.previousAnnotation', () => step(sessions, -1)));
  }

  private refreshSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), 200);
  }

  refresh(): void {
    this.emitter.fire(undefined);
  }

  private matches(a: Annotation): boolean {
    const f = this.filter;
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

  /** The current annotator's layer of an article: the open session's, else the sidecar on disk. */
  private layerOf(file: string): Layer | undefined {
    const open = this.sessions.all().find((s) => s.articlePath === file);
    if (open) return open.layer;
    const side = sidecarPathFor(file, this.annotator.id);
    try {
      return parseSidecar(fs.readFileSync(side, 'utf8'), side).layer;
    } catch {
      return undefined;
    }
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node?.kind === 'article') return allAnnotations(node.layer).filter((a) => this.matches(a)).map((a) => ({ kind: 'annotation', file: node.file, a }));
    if (node) return [];
    const uris = await vscode.workspace.findFiles(readConfig().articles, '**/node_modules/**', 10_000);
    return uris.map((u) => u.fsPath).sort().flatMap((file) => {
      const layer = this.layerOf(file);
      return layer && allAnnotations(layer).some((a) => this.matches(a)) ? [{ kind: 'article' as const, file, layer }] : [];
    });
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'article') {
      const claims = node.layer.claims.filter((a) => this.matches(a)).length;
      const entities = node.layer.entities.filter((a) => this.matches(a)).length;
      const item = new vscode.TreeItem(path.basename(node.file), vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${claims} claim${claims === 1 ? '' : 's'} · ${entities} entit${entities === 1 ? 'y' : 'ies'}`;
      item.resourceUri = vscode.Uri.file(node.file);
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
    item.command = { command: 'sift.revealAnnotation', title: 'Reveal', arguments: [node.file, a.id] };
    return item;
  }

  /** The tree as text, two levels deep (for tests and for a quick look in the log). */
  async snapshot(): Promise<{ article: string; description: string; children: string[] }[]> {
    const out = [];
    for (const a of await this.getChildren()) {
      const item = this.getTreeItem(a);
      const kids = (await this.getChildren(a)).map((k) => { const i = this.getTreeItem(k); return `${i.label} — ${i.description}`; });
      out.push({ article: String(item.label), description: String(item.description), children: kids });
    }
    return out;
  }

  /** Sets the filter directly (the command asks for it). */
  setFilter(f: Filter): void {
    this.filter = f;
    this.refresh();
  }

  private async pickFilter(): Promise<void> {
    const kind = await vscode.window.showQuickPick(['Label', 'Source', 'Minimum confidence', 'Clear filter'], { title: 'Sift: filter the annotations view by…' });
    if (kind === 'Clear filter') this.filter = {};
    else if (kind === 'Label') {
      const l = await vscode.window.showQuickPick(['CLAIM', 'PERSON', 'ORG', 'PLACE', 'DATE'], { title: 'Sift: show only' });
      if (l) this.filter = { ...this.filter, label: l };
    } else if (kind === 'Source') {
      const s = await vscode.window.showInputBox({ title: 'Sift: claims by source', placeHolder: 'Russian Foreign Ministry' });
      if (s) this.filter = { ...this.filter, source: s };
    } else if (kind === 'Minimum confidence') {
      const c = await vscode.window.showInputBox({ title: 'Sift: claims with confidence at least', validateInput: (v) => (Number(v) >= 0 && Number(v) <= 1 ? undefined : 'A number from 0 to 1') });
      if (c) this.filter = { ...this.filter, minConfidence: Number(c) };
    }
    await vscode.commands.executeCommand('setContext', 'sift.treeFiltered', Object.keys(this.filter).length > 0);
    this.refresh();
  }

  private async act(node: Node | undefined, what: 'edit' | 'delete'): Promise<void> {
    if (node?.kind !== 'annotation') return;
    await reveal(node.file, node.a.id, this.sessions);
    if (what === 'delete') await vscode.commands.executeCommand('sift.deleteAnnotation', node.a.id);
    else if (kindOf(node.a) === 'claim') await vscode.commands.executeCommand('sift.editClaim', node.a.id);
    else await vscode.commands.executeCommand('sift.relabelAnnotation', node.a.id);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

async function reveal(file: string, id: string, sessions: Sessions): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(file);
  const editor = await vscode.window.showTextDocument(doc);
  const a = sessions.get(doc)?.find(id);
  if (!a) return;
  const r = spanToRange(doc, a.start, a.end);
  editor.selection = new vscode.Selection(r.start, r.end);
  editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Moves the cursor to the next (or previous) annotation start in the active article. */
function step(sessions: Sessions, dir: 1 | -1): Annotation | undefined {
  const editor = vscode.window.activeTextEditor;
  const session = editor && sessions.get(editor.document);
  if (!editor || !session) return undefined;
  // From the start of the selection: after a jump the annotation itself is selected.
  const cp = positionToCp(editor.document, editor.selection.start);
  const list = session.all().filter((a) => !a.orphaned);
  const next = dir === 1 ? list.find((a) => a.start > cp) ?? list[0] : [...list].reverse().find((a) => a.start < cp) ?? list[list.length - 1];
  if (!next) return undefined;
  const r = spanToRange(editor.document, next.start, next.end);
  editor.selection = new vscode.Selection(r.start, r.end);
  editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return next;
}
