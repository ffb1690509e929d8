// "My queue" in the Sift view container: the articles sift.assignments.yaml assigns to the current annotator that
// their layer does not mark finished (click opens the article), and each annotator's progress (finished / assigned).
// The file is read as data by core (corpus/assignmentsFile.ts); "finished" is a layer header's `status`, answered by
// the corpus index, so marking an article finished (Sift: Mark Article Finished) takes it off the queue when the index
// takes the save in. The view is shown only in a workspace that has the file (context key sift.hasAssignments).
import * as path from 'path';
import * as vscode from 'vscode';
import { ASSIGNMENTS_FILE, AssignmentError, Assignments, Progress, progressOf, queueOf } from '../../core/corpus/assignments';
import { readAssignmentsFile } from '../../core/corpus/assignmentsFile';
import { AnnotatorState } from '../state/annotator';
import { WorkspaceKnowledge } from '../state/knowledge';
import { BuiltinCommands } from '../platform/commandIds';
import { executeCommand } from '../platform/commands';
import { Debouncer, Disposable } from '../platform/lifecycle';

/** The view's id (package.json contributes.views). */
const VIEW_ID = 'sift.myQueue';
/** Context key: the workspace has an assignments file (shows the view). */
const HAS_ASSIGNMENTS_KEY = 'sift.hasAssignments';

export type QueueNode =
  | { kind: 'group'; group: 'queue' | 'progress'; count: number }
  | { kind: 'article'; key: string; file: string }
  | { kind: 'progress'; progress: Progress; me: boolean }
  | { kind: 'problem'; message: string };

/** What the file holds now: its assignments, or why it cannot be used, or nothing (no file). */
type Loaded = { assignments: Assignments; root: string } | { error: string } | undefined;

export class MyQueue extends Disposable implements vscode.TreeDataProvider<QueueNode> {
  private readonly emitter = this._register(new vscode.EventEmitter<QueueNode | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly refreshSoon = this._register(new Debouncer(150, () => this.refresh()));
  private loaded: Loaded;
  private read = false;

  constructor(private readonly knowledge: WorkspaceKnowledge, private readonly annotator: AnnotatorState) {
    super();
    this._register(vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this }));
    const watcher = this._register(vscode.workspace.createFileSystemWatcher(`**/${ASSIGNMENTS_FILE}`));
    const reread = () => { this.read = false; this.refreshSoon.schedule(); };
    this._register(watcher.onDidChange(reread));
    this._register(watcher.onDidCreate(reread));
    this._register(watcher.onDidDelete(reread));
    const soon = () => this.refreshSoon.schedule();
    this._register(knowledge.onDidChangeIndex(soon));
    this._register(annotator.onDidChange(soon));
    this.load();
  }

  /** The file at the first workspace folder's root. */
  private get file(): string | undefined {
    const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
    return folder && path.join(folder.uri.fsPath, ASSIGNMENTS_FILE);
  }

  private load(): Loaded {
    if (this.read) return this.loaded;
    this.read = true;
    const file = this.file;
    try {
      const assignments = file ? readAssignmentsFile(file) : undefined;
      this.loaded = assignments && file ? { assignments, root: path.dirname(file) } : undefined;
    } catch (e) {
      if (!(e instanceof AssignmentError)) throw e;
      this.loaded = { error: e.message };
    }
    void executeCommand(BuiltinCommands.setContext, HAS_ASSIGNMENTS_KEY, this.loaded !== undefined);
    return this.loaded;
  }

  refresh(): void {
    this.emitter.fire(undefined);
  }

  /** Whether the annotator's layer of the article (a path relative to `root`) says finished. */
  private finished(root: string): (key: string, annotator: string) => boolean {
    return (key, annotator) => this.knowledge.index.layer(path.join(root, ...key.split('/')), annotator)?.header.status === 'finished';
  }

  async getChildren(node?: QueueNode): Promise<QueueNode[]> {
    const loaded = this.load();
    if (!loaded) return [];
    if ('error' in loaded) return node ? [] : [{ kind: 'problem', message: loaded.error }];
    await this.knowledge.ready();
    const { assignments, root } = loaded;
    const me = this.annotator.id;
    const done = this.finished(root);
    if (!node) {
      return [
        { kind: 'group', group: 'queue', count: queueOf(assignments, me, done).length },
        { kind: 'group', group: 'progress', count: assignments.annotators.length },
      ];
    }
    if (node.kind !== 'group') return [];
    if (node.group === 'queue') return queueOf(assignments, me, done).map((key) => ({ kind: 'article', key, file: path.join(root, ...key.split('/')) }));
    return progressOf(assignments, done).map((progress) => ({ kind: 'progress', progress, me: progress.annotator === me }));
  }

  getTreeItem(node: QueueNode): vscode.TreeItem {
    switch (node.kind) {
      case 'group': {
        const item = new vscode.TreeItem(node.group === 'queue' ? `My queue (${this.annotator.id})` : 'Progress', vscode.TreeItemCollapsibleState.Expanded);
        item.description = node.group === 'queue' ? `${node.count} to do` : undefined;
        item.id = `sift.queue.${node.group}`;
        return item;
      }
      case 'article': {
        const item = new vscode.TreeItem(path.posix.basename(node.key));
        const dir = path.posix.dirname(node.key);
        item.description = dir === '.' ? undefined : dir;
        item.resourceUri = vscode.Uri.file(node.file);
        item.tooltip = node.key;
        item.iconPath = new vscode.ThemeIcon('circle-large-outline');
        item.contextValue = 'sift.queuedArticle';
        item.command = { command: BuiltinCommands.open, title: 'Open Article', arguments: [vscode.Uri.file(node.file)] };
        return item;
      }
      case 'progress': {
        const p = node.progress;
        const item = new vscode.TreeItem(p.annotator);
        item.description = `${p.finished}/${p.assigned}${node.me ? ' · you' : ''}`;
        item.iconPath = new vscode.ThemeIcon(p.assigned > 0 && p.finished === p.assigned ? 'pass-filled' : 'person');
        return item;
      }
      case 'problem': {
        const item = new vscode.TreeItem(`${ASSIGNMENTS_FILE} cannot be used`);
        item.description = node.message;
        item.tooltip = node.message;
        item.iconPath = new vscode.ThemeIcon('error');
        return item;
      }
    }
  }

  /** The view as text (for tests): the queue's article paths and the progress lines. */
  async snapshot(): Promise<{ queue: string[]; progress: string[]; problem?: string }> {
    const top = await this.getChildren();
    const problem = top.find((n) => n.kind === 'problem');
    if (problem) return { queue: [], progress: [], problem: problem.message };
    const out = { queue: [] as string[], progress: [] as string[] };
    for (const group of top) {
      for (const n of await this.getChildren(group)) {
        if (n.kind === 'article') out.queue.push(n.key);
        if (n.kind === 'progress') out.progress.push(`${n.progress.annotator} ${n.progress.finished}/${n.progress.assigned}`);
      }
    }
    return out;
  }
}
