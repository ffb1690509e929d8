// The workspace's assignments: each workspace folder's sift.assignments.yaml, read through the platform's file port
// (Node's fs on desktop, vscode.workspace.fs in the browser) by core (corpus/folderAssignments.ts), and read again
// when one of them changes on disk. My Queue, review and the agreement report ask it which annotators an article is
// assigned to; the comparison itself is core's (review/assigned.ts), the same the CLI's review and agree use.
import * as path from 'path';
import * as vscode from 'vscode';
import { ASSIGNMENTS_FILE } from '../../core/corpus/assignments';
import { FolderAssignments, assignedIn, readAllAssignments } from '../../core/corpus/folderAssignments';
import { Compared, comparedFor } from '../../core/review/assigned';
import { FileSystemPort } from '../../core/store/fileSystem';
import { Disposable } from '../platform/lifecycle';

/** The core's path of a URI: its file system path on disk, its URI path elsewhere (as the file ports use them). */
export function corePathOf(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.path;
}

export class WorkspaceAssignments extends Disposable {
  private folders: readonly FolderAssignments[] = [];
  private loading: Promise<readonly FolderAssignments[]> | undefined;
  private readonly emitter = this._register(new vscode.EventEmitter<void>());
  /** Fires after a file was read again (changed, created or deleted). */
  readonly onDidChange = this.emitter.event;

  /** `roots`: the workspace folders the port reaches, as its paths (the corpus index's roots). */
  constructor(private readonly fs: FileSystemPort, private readonly roots: readonly string[], private readonly log: (message: string) => void = () => undefined) {
    super();
    const files = new Set(roots.map((r) => path.join(r, ASSIGNMENTS_FILE)));
    const watcher = this._register(vscode.workspace.createFileSystemWatcher(`**/${ASSIGNMENTS_FILE}`));
    const onDisk = (uri: vscode.Uri) => { if (files.has(corePathOf(uri))) this.reload(); };
    this._register(watcher.onDidChange(onDisk));
    this._register(watcher.onDidCreate(onDisk));
    this._register(watcher.onDidDelete(onDisk));
  }

  /** Every folder's file, once read (the first call starts the reading). */
  ready(): Promise<readonly FolderAssignments[]> {
    this.loading ??= this.read();
    return this.loading;
  }

  /** The files as last read (empty before `ready`). */
  get all(): readonly FolderAssignments[] {
    return this.folders;
  }

  /** The annotators an article (its core path) is assigned to; undefined when no file assigns it. */
  assigned(article: string): readonly string[] | undefined {
    return assignedIn(this.folders, article);
  }

  /** Who the article's comparison takes under its assignment (core's comparedFor); undefined when it is not assigned. */
  compared(article: string, present: readonly string[], requested?: readonly string[]): Compared | undefined {
    return comparedFor(this.assigned(article), present, requested);
  }

  private async read(): Promise<readonly FolderAssignments[]> {
    try {
      this.folders = await readAllAssignments(this.fs, this.roots);
    } catch (e) {
      this.log(`assignments: ${e instanceof Error ? e.message : String(e)}`);
      this.folders = [];
    }
    return this.folders;
  }

  /** Reads every file again after the reading under way, then tells the listeners. */
  private reload(): void {
    const before = this.loading ?? Promise.resolve(this.folders);
    this.loading = before.then(() => this.read());
    void this.loading.then(() => this.emitter.fire());
  }
}
