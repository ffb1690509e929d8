// "My queue" in the Sift view container: the articles sift.assignments.yaml assigns to the current annotator that
// their layer does not mark finished (click opens the article), and each annotator's progress (finished / assigned).
// Every workspace folder may have its own file at its top; they are read through the platform's file port
// (state/assignments.ts, on desktop and in the browser alike) and read again when one changes. The queue lists the
// articles of every file, the progress sums them. "Finished" is a layer header's `status`, answered by the corpus
// index, so marking an article finished (Sift: Mark Article Finished) takes it off the queue when the index takes the
// save in. The view is shown only in a workspace that has such a file (context key sift.hasAssignments).
import * as path from 'path';
import * as vscode from 'vscode';
import { ASSIGNMENTS_FILE, Progress } from '../../core/corpus/assignments';
import { FolderAssignments, IsFinished, progressAcross, queueAcross } from '../../core/corpus/folderAssignments';
import { AnnotatorState } from '../state/annotator';
import { corePathOf } from '../state/assignments';
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
  | { kind: 'article'; key: string; file: string; uri: vscode.Uri; folder?: string }
  | { kind: 'progress'; progress: Progress; me: boolean }
  | { kind: 'problem'; message: string; folder?: string };

/** The workspace folder of a root (a core path), for its name and its URIs. */
function folderOf(root: string): vscode.WorkspaceFolder | undefined {
  return vscode.workspace.workspaceFolders?.find((f) => corePathOf(f.uri) === root);
}

export class MyQueue extends Disposable implements vscode.TreeDataProvider<QueueNode> {
  private readonly emitter = this._register(new vscode.EventEmitter<QueueNode | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly refreshSoon = this._register(new Debouncer(150, () => this.refresh()));
  private shown: boolean | undefined;

  constructor(private readonly knowledge: WorkspaceKnowledge, private readonly annotator: AnnotatorState) {
    super();
    this._register(vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this }));
    const soon = () => this.refreshSoon.schedule();
    this._register(knowledge.assignments.onDidChange(soon));
    this._register(knowledge.onDidChangeIndex(soon));
    this._register(annotator.onDidChange(soon));
    void this.load();
  }

  /** Every folder's file; the view is shown while some folder has one (usable or not). */
  private async load(): Promise<readonly FolderAssignments[]> {
    const folders = await this.knowledge.assignments.ready();
    const has = folders.length > 0;
    if (has !== this.shown) {
      this.shown = has;
      void executeCommand(BuiltinCommands.setContext, HAS_ASSIGNMENTS_KEY, has);
    }
    return folders;
  }

  /** Redraws the view, after showing or hiding it: a hidden view is never asked for its children. */
  refresh(): void {
    void this.load().then(() => this.emitter.fire(undefined));
  }

  /** Whether the annotator's layer of the article (its core path) says finished. */
  private readonly finished: IsFinished = (article, annotator) => this.knowledge.index.layer(article, annotator)?.header.status === 'finished';

  async getChildren(node?: QueueNode): Promise<QueueNode[]> {
    const folders = await this.load();
    if (!folders.length) return [];
    const several = folders.length > 1;
    const nameOf = (root: string) => (several ? folderOf(root)?.name ?? path.basename(root) : undefined);
    const problems: QueueNode[] = folders.flatMap((f) => (f.error ? [{ kind: 'problem' as const, message: f.error, folder: nameOf(f.root) }] : []));
    if (problems.length === folders.length) return node ? [] : problems;
    await this.knowledge.ready();
    const me = this.annotator.id;
    if (!node) {
      return [
        ...problems,
        { kind: 'group', group: 'queue', count: queueAcross(folders, me, this.finished).length },
        { kind: 'group', group: 'progress', count: progressAcross(folders, this.finished).length },
      ];
    }
    if (node.kind !== 'group') return [];
    if (node.group === 'progress') return progressAcross(folders, this.finished).map((progress) => ({ kind: 'progress', progress, me: progress.annotator === me }));
    return queueAcross(folders, me, this.finished).map((q) => {
      const folder = folderOf(q.root);
      return { kind: 'article', key: q.key, file: q.file, uri: folder ? vscode.Uri.joinPath(folder.uri, ...q.key.split('/')) : vscode.Uri.file(q.file), folder: nameOf(q.root) };
    });
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
        const where = [node.folder, dir === '.' ? undefined : dir].filter(Boolean).join(' · ');
        item.description = where || undefined;
        item.resourceUri = node.uri;
        item.tooltip = node.folder ? `${node.folder}: ${node.key}` : node.key;
        item.iconPath = new vscode.ThemeIcon('circle-large-outline');
        item.contextValue = 'sift.queuedArticle';
        item.command = { command: BuiltinCommands.open, title: 'Open Article', arguments: [node.uri] };
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
        const item = new vscode.TreeItem(`${node.folder ? `${node.folder}: ` : ''}${ASSIGNMENTS_FILE} cannot be used`);
        item.description = node.message;
        item.tooltip = node.message;
        item.iconPath = new vscode.ThemeIcon('error');
        return item;
      }
    }
  }

  /** The view as text (for tests): the queue's article paths (`folder/path` when several folders have a file), the progress lines, a problem. */
  async snapshot(): Promise<{ queue: string[]; progress: string[]; problem?: string }> {
    const top = await this.getChildren();
    const problem = top.find((n) => n.kind === 'problem');
    const out = { queue: [] as string[], progress: [] as string[], ...(problem ? { problem: problem.message } : {}) };
    for (const group of top.filter((n) => n.kind === 'group')) {
      for (const n of await this.getChildren(group)) {
        if (n.kind === 'article') out.queue.push(n.folder ? `${n.folder}/${n.key}` : n.key);
        if (n.kind === 'progress') out.progress.push(`${n.progress.annotator} ${n.progress.finished}/${n.progress.assigned}`);
      }
    }
    return out;
  }
}
