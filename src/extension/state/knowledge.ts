// What the workspace teaches the detector and the claim commands: the gazetteer file, every string an annotator
// labelled, and every claim, all answered by the core's corpus index. The one sidecar watcher lives here: it keeps the
// index current and passes sidecar events on to the sessions. Sift's own saves reach the index in-process, and the
// detector is told only when the learned strings really change.
import * as vscode from 'vscode';
import { GAZETTEER_FILE, Gazetteer, NameIndex, parseGazetteer } from '../../core/detect/gazetteer';
import { CorpusIndex, IndexedClaim, sameLabels } from '../../core/corpus/corpusIndex';
import { outsideRoot } from '../../core/corpus/workspaceRoot';
import { ArticleSession } from '../../core/session/session';
import { FileSystemPort } from '../../core/store/fileSystem';
import { createDiagnostics, toDiagnostic } from '../platform/diagnostics';
import { Disposable, toDisposable } from '../platform/lifecycle';
import { WorkspaceAssignments } from './assignments';

/** A claim somewhere in the workspace: its article, its annotator, and the claim. */
export type WorkspaceClaim = IndexedClaim;

/** An entity of the gazetteer file: its canonical name and label. */
export interface GazetteerEntry {
  name: string;
  label: string;
}

export class WorkspaceKnowledge extends Disposable {
  names = new NameIndex();
  /** Every sidecar of the workspace folders, read once and kept current. */
  readonly index: CorpusIndex;
  /** Each workspace folder's sift.assignments.yaml, read through the same file port and kept current. */
  readonly assignments: WorkspaceAssignments;
  private readonly emitter = this._register(new vscode.EventEmitter<void>());
  /** Fires when the names the detector knows changed (gazetteer, or learned strings). */
  readonly onDidChange = this.emitter.event;
  private readonly indexEmitter = this._register(new vscode.EventEmitter<void>());
  /** Fires after any change to the index's answers (layers, claims). */
  readonly onDidChangeIndex = this.indexEmitter.event;
  private readonly sidecarEmitter = this._register(new vscode.EventEmitter<vscode.Uri>());
  /** A sidecar changed, appeared or went on disk (from the one watcher): for the sessions' reload path. */
  readonly onSidecarDisk = this.sidecarEmitter.event;
  private readonly diagnostics = this._register(createDiagnostics('gazetteer'));
  private building: Promise<void> | undefined;
  private pending: Promise<unknown> = Promise.resolve();
  private entries: GazetteerEntry[] = [];
  private gazetteerData: Gazetteer | undefined;
  /** The learned strings the names hold now (what the detector was last told). */
  private learned: ReadonlyMap<string, string> = new Map();
  /** Set once the first scan is in: from then on a change of the labelled strings re-teaches the detector. */
  private loaded = false;

  /** `fs`: the platform's file port; `roots`: the workspace folders it reaches, as its paths. */
  constructor(private readonly log: vscode.LogOutputChannel, fs: FileSystemPort, roots: string[]) {
    super();
    // A sidecar whose real path leaves its workspace folder (a link out of it) is not read: it teaches nothing.
    this.index = new CorpusIndex(fs, roots, { admit: (f) => outsideRoot(f.file, f.root) });
    this.assignments = this._register(new WorkspaceAssignments(fs, roots, (m) => log.warn(m)));
    const watcher = this._register(vscode.workspace.createFileSystemWatcher(`**/{*.ann.yaml,${GAZETTEER_FILE}}`));
    const onDisk = (u: vscode.Uri) => this.onDisk(u);
    this._register(watcher.onDidChange(onDisk));
    this._register(watcher.onDidCreate(onDisk));
    this._register(watcher.onDidDelete(onDisk));
    this._register(toDisposable(this.index.onDidChange(() => this.indexEmitter.fire())));
    this._register(toDisposable(this.index.onDidChangeLabels(() => { if (this.loaded) this.relearn(); })));
  }

  private onDisk(uri: vscode.Uri): void {
    if (uri.fsPath.endsWith(GAZETTEER_FILE)) {
      void this.refreshGazetteer();
      return;
    }
    this.sidecarEmitter.fire(uri);
    this.queue(() => this.index.changed(uri.fsPath));
  }

  /** Runs index work one after another, so `settled()` can wait for it. */
  private queue(work: () => Promise<unknown>): void {
    this.pending = this.pending.then(work).catch((e: unknown) => this.log.error(`corpus index: ${e instanceof Error ? e.message : String(e)}`));
  }

  /** Sift saved a session's sidecar itself: the index takes the layer as it is, with no read. */
  saved(session: ArticleSession): void {
    const layer = structuredClone(session.layer);
    this.queue(() => this.index.update(session.sidecar.path, layer));
  }

  /** The gazetteer file of the first workspace folder. */
  get gazetteerUri(): vscode.Uri | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder && vscode.Uri.joinPath(folder.uri, GAZETTEER_FILE);
  }

  /** Whether the corpus index has been read once (ready() has resolved). */
  get isReady(): boolean {
    return this.loaded;
  }

  /** Resolves once the names are loaded (the first call starts the work). */
  ready(): Promise<void> {
    this.building ??= this.build();
    return this.building;
  }

  private async build(): Promise<void> {
    const started = performance.now();
    await this.readGazetteer();
    await this.index.scan();
    this.loaded = true;
    this.relearn(true);
    this.log.info(`corpus index: ${this.index.size} sidecars in ${(performance.now() - started).toFixed(0)} ms; ${this.entries.length} gazetteer entities, ${this.learned.size} learned strings`);
  }

  private async readGazetteer(): Promise<void> {
    const uri = this.gazetteerUri;
    this.entries = [];
    this.gazetteerData = undefined;
    if (uri) {
      try {
        const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(uri));
        const g = parseGazetteer(text, uri.fsPath);
        this.diagnostics.set(uri, g.problems.map((p) => toDiagnostic(p)));
        this.gazetteerData = g.gazetteer;
        this.entries = g.gazetteer.entities.map((e) => ({ name: e.name, label: e.label }));
      } catch {
        this.diagnostics.delete(uri);
      }
    }
  }

  private async refreshGazetteer(): Promise<void> {
    await this.readGazetteer();
    this.relearn(true);
  }

  /** Rebuilds the names from the gazetteer and the index's labelled strings; tells the detector only if they changed. */
  private relearn(force = false): void {
    const learned = this.index.labelledStrings();
    if (!force && sameLabels(learned, this.learned)) return;
    const names = new NameIndex();
    if (this.gazetteerData) names.addGazetteer(this.gazetteerData);
    for (const [quote, label] of learned) if (!names.get(quote)) names.add(quote, label, 'learned');
    names.version = this.names.version + names.size + 1;
    this.names = names;
    this.learned = learned;
    this.emitter.fire();
  }

  /** Every annotator with a readable sidecar in the workspace (and `gold`, when there is a gold layer), sorted. */
  async annotators(): Promise<string[]> {
    await this.ready();
    return this.index.annotators();
  }

  /** Every claim in the workspace's sidecars, for linking and for source suggestions. */
  get claims(): WorkspaceClaim[] {
    return this.index.claims();
  }

  /** Names used as claim sources in the workspace, most used first. */
  sources(): string[] {
    const n = new Map<string, number>();
    for (const c of this.claims) n.set(c.claim.source.name, (n.get(c.claim.source.name) ?? 0) + 1);
    return [...n].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
  }

  /** The gazetteer's entities as last read. */
  get gazetteer(): readonly GazetteerEntry[] {
    return this.entries;
  }

  /**
   * Waits for the index to take in every save and watcher event so far, then checks the disk for changes it missed
   * (a stat per sidecar; only what changed is read).
   */
  async settled(): Promise<void> {
    await this.ready();
    await this.pending;
    await this.index.scan();
  }

  /** Reads the gazetteer again now (after Sift wrote it), and takes in what the sidecars changed. */
  async refresh(): Promise<void> {
    await this.settled();
    await this.refreshGazetteer();
  }

  /** An annotator just labelled this string: suggest it everywhere at once, without waiting for the save. */
  learn(quote: string, label: string): void {
    if (label === 'DATE' || this.names.get(quote)?.how === 'gazetteer') return;
    if (this.learned.get(quote) === label && this.names.get(quote)) return;
    this.names.add(quote, label, 'learned');
    this.learned = new Map(this.learned).set(quote, label);
    this.emitter.fire();
  }
}
