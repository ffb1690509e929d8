// Keeps one core ArticleSession per open article and layer (annotator), in step with the editor and the disk: the
// current annotator's layer and `gold` are editable through `mutate`; any other annotator's layer is read-only.
import * as vscode from 'vscode';
import { ArticleError } from '../../core/text/article';
import { ArticleSession, SessionOptions } from '../../core/session/session';
import { Layer } from '../../core/model';
import { GOLD } from '../../core/review/units';
import { ANNOTATOR_PATTERN } from '../../core/store/annotator';
import { SidecarCodec } from '../../core/store/sidecarCodec';
import { SidecarPort } from '../../core/store/sidecarPort';
import { ReloadResult } from '../../core/store/sidecarFile';
import { LayerLoads } from './layerLoads';
import { SessionSaves } from './sessionSaves';
import { articleOnDisk, articleRefusal, defaultCodec, isBigSidecar, reportConflicts, reportLeftovers, reportReanchor } from './sessionSupport';
import { UndoStack } from '../../core/session/undo';
import { AnnotatorState } from './annotator';
import { setting } from '../platform/config';
import { Disposable, toDisposable } from '../platform/lifecycle';
import { toCoreEdits } from '../platform/positions';
import { messageText } from '../platform/markdown';

interface Entry {
  session: ArticleSession;
  annotator: string; // the layer's annotator (also `session.annotator`)
  /** The document text the session's offsets refer to. */
  text: string;
  doc: vscode.TextDocument;
}

export interface SessionEvents {
  onSidecarError(session: ArticleSession): void;
  onSidecarOk(session: ArticleSession): void;
}

/** `schemes`: of the articles Sift annotates ('file' on desktop, the workspace folders' on the web). */
export interface SessionsOptions {
  codec?: SidecarCodec;
  port?: SidecarPort;
  schemes?: readonly string[];
}

/** One session per article and layer. */
const layerKey = (file: string, annotator: string): string => `${file}\n${annotator}`;

export class Sessions extends Disposable {
  /** By layerKey(article path, annotator). */
  private readonly entries = new Map<string, Entry>();
  private undo = new UndoStack<string, Layer>();
  /** Articles Sift will not annotate (binary, not UTF-8, too large), with the reason; told once. */
  private readonly refused = new Map<string, string>();
  private readonly emitter = this._register(new vscode.EventEmitter<ArticleSession>());
  /** Fires after any change to an article's annotations: an edit, a reload, a command. */
  readonly onDidChange = this.emitter.event;
  private readonly saves: SessionSaves;
  /** Fires after Sift wrote a session's sidecar itself (so the corpus index takes the layer without reading it). */
  readonly onDidSave: vscode.Event<ArticleSession>;
  /** Set while a batch runs: its changes are undone as one. */
  private group: number | undefined;
  private groups = 0;
  /** Layers whose big sidecar is being parsed off the extension host. */
  private readonly loads = new LayerLoads();

  /** The documents Sift's providers (hovers, code actions) serve: articles in the schemes Sift annotates. */
  readonly selector: vscode.DocumentFilter[];
  private readonly codec: SidecarCodec;
  private readonly port: SidecarPort | undefined;

  /**
   * `sidecarsOnDisk`: the workspace's one sidecar watcher. `options.codec` parses and serialises big sidecars off the
   * host; `options.port` (the browser) is the file port every sidecar is read and written through, asynchronously.
   */
  constructor(private readonly annotator: AnnotatorState, private readonly log: vscode.LogOutputChannel, private readonly events: SessionEvents, sidecarsOnDisk: vscode.Event<vscode.Uri>,
    options: SessionsOptions = {}) {
    super();
    this.saves = this._register(new SessionSaves(log));
    this.onDidSave = this.saves.onDidSave;
    const codec = (this.codec = options.codec ?? defaultCodec());
    this.port = options.port;
    this.selector = (options.schemes ?? ['file']).map((scheme) => ({ scheme }));
    // Stopped last, after the sessions were flushed and closed (flushing does not need it).
    this._register(toDisposable(() => codec.dispose()));
    // Registered before the listeners, so disposed after them: pending work is written, then the sessions dropped.
    this._register(toDisposable(() => this.closeAll()));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)));
    this._register(vscode.workspace.onDidCloseTextDocument((doc) => this.close(doc)));
    this._register(annotator.onDidChange(() => this.reset()));
    this._register(sidecarsOnDisk((u) => this.onSidecarDisk(u)));
  }

  isArticle(doc: vscode.TextDocument): boolean {
    return this.selector.some((f) => f.scheme === doc.uri.scheme) && !doc.uri.fsPath.endsWith('.yaml') && vscode.languages.match({ pattern: setting('articles', doc.uri) }, doc) > 0;
  }

  /** The current annotator's session for an article, opened on first use; undefined for other files and refused articles. */
  get(doc: vscode.TextDocument): ArticleSession | undefined {
    return this.getLayer(doc, this.annotator.id);
  }

  /**
   * One layer of an article, opened on first use: the current annotator's (as `get`), `gold` (editable through `mutate`,
   * its sidecar created on the first write), or another's, read-only (follows edits and the disk, never saved).
   */
  getLayer(doc: vscode.TextDocument, annotator: string): ArticleSession | undefined {
    const key = layerKey(doc.uri.fsPath, annotator);
    const hit = this.entries.get(key);
    if (hit) return hit.session;
    if (!ANNOTATOR_PATTERN.test(annotator)) throw new Error(`'${annotator}' is not an annotator id (lower-case letters, digits, - and _)`);
    if (!this.isArticle(doc) || this.refused.has(doc.uri.fsPath) || this.loads.has(key)) return undefined;
    return this.open(doc, annotator)?.session;
  }

  /** Whether a layer is being loaded off the host (big sidecar; every layer on the web): `getLayer` gives undefined. */
  isLoading(doc: vscode.TextDocument, annotator = this.annotator.id): boolean {
    return this.loads.has(layerKey(doc.uri.fsPath, annotator));
  }

  /** A layer (the current annotator's by default), waiting for its load when it is loaded off the host (every layer in the browser); undefined when it cannot be opened. */
  async whenLayer(doc: vscode.TextDocument, annotator = this.annotator.id): Promise<ArticleSession | undefined> {
    return this.getLayer(doc, annotator) ?? (await this.loads.over(layerKey(doc.uri.fsPath, annotator)), this.getLayer(doc, annotator));
  }

  /** Whether a session is the current annotator's own layer (the one the views show). */
  isCurrent(session: ArticleSession): boolean {
    return session.annotator === this.annotator.id;
  }

  /** The current annotator's open sessions. */
  all(): ArticleSession[] {
    return this.allLayers().filter((s) => this.isCurrent(s));
  }

  /** Every open session, of every layer. */
  allLayers(): ArticleSession[] {
    return [...this.entries.values()].map((e) => e.session);
  }

  documentFor(session: ArticleSession): vscode.TextDocument | undefined {
    return this.entries.get(layerKey(session.articlePath, session.annotator))?.doc;
  }

  private entriesOf(file: string): Entry[] {
    return [...this.entries.values()].filter((e) => e.session.articlePath === file);
  }

  /** A new session on one layer of an article; undefined (told once) when its sidecar would be outside the workspace. */
  private create(doc: vscode.TextDocument, annotator: string, text: string): ArticleSession | undefined {
    const file = doc.uri.fsPath;
    try {
      // Refuses (ArticleError 'outside-root') a sidecar that would be written through a link out of the workspace.
      return new ArticleSession(file, annotator, text, this.optionsFor(annotator));
    } catch (e) {
      if (!(e instanceof ArticleError)) throw e;
      this.refuse(file, e);
      return undefined;
    }
  }

  private optionsFor(annotator: string): SessionOptions {
    return { readOnly: annotator !== this.annotator.id && annotator !== GOLD, viewer: this.annotator.id, codec: this.codec, port: this.port };
  }

  /** The article's own checks (size, encoding); refused and told once when they fail. */
  private articleOk(doc: vscode.TextDocument, text: string): boolean {
    const refusal = articleRefusal(doc, text);
    if (refusal) this.refuse(doc.uri.fsPath, refusal);
    return !refusal;
  }

  private refuse(file: string, e: ArticleError): void {
    this.refused.set(file, e.message);
    this.log.warn(e.message);
    void vscode.window.showWarningMessage(messageText(`Sift: ${e.message}`));
  }

  /**
   * Opens a layer whose big sidecar is parsed off the extension host: the session is there once it is loaded (and
   * onDidChange fires); the article's edits made meanwhile are queued and replayed on it.
   */
  private load(doc: vscode.TextDocument, annotator: string): void {
    const file = doc.uri.fsPath;
    const key = layerKey(file, annotator);
    const text = doc.getText();
    const pending = this.loads.start(key, doc, annotator, text);
    this.log.info(`loading ${annotator}'s layer of ${file} off the extension host`);
    ArticleSession.load(file, annotator, text, this.optionsFor(annotator)).then((session) => {
      if (!this.loads.finish(key, pending)) return session.sidecar.dispose();
      LayerLoads.replay(session, pending);
      this.opened({ session, annotator, text: pending.text, doc: pending.doc });
    }, (e: unknown) => {
      const current = this.loads.finish(key, pending);
      if (current && e instanceof ArticleError) return this.refuse(file, e);
      this.log.error(`could not load ${annotator}'s layer of ${file}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    });
  }

  private open(doc: vscode.TextDocument, annotator: string): Entry | undefined {
    const file = doc.uri.fsPath;
    const text = doc.getText();
    if (!this.articleOk(doc, text)) return undefined;
    if (isBigSidecar(file, annotator)) {
      this.load(doc, annotator);
      return undefined;
    }
    const session = this.create(doc, annotator, text);
    if (!session) return undefined;
    return this.opened({ session, annotator, text, doc });
  }

  /** Registers a session just opened or loaded, reports what opening it found, and tells the views. */
  private opened(entry: Entry): Entry {
    const { session, annotator } = entry;
    const file = session.articlePath;
    this.entries.set(layerKey(file, annotator), entry);
    if (session.sidecar.error) this.events.onSidecarError(session);
    if (session.sidecar.recovered && !session.readOnly) {
      void vscode.window.showInformationMessage(`Sift: merged work from ${session.sidecar.recoveryPath} back into the sidecar.`);
    }
    reportLeftovers(this.log, session);
    if (session.lastReanchor) reportReanchor(this.log, session, session.lastReanchor);
    if (session.sidecar.needsSave) this.saves.schedule(session);
    this.log.info(`opened ${annotator}'s layer of ${file}${session.readOnly ? ' (read-only)' : ''}: ${session.layer.entities.length + session.layer.claims.length} annotations`);
    // Tell the views (orphans, decorations, status) once the caller has its session.
    queueMicrotask(() => { if (this.entries.get(layerKey(file, annotator)) === entry) this.emitter.fire(session); });
    return entry;
  }

  /**
   * Runs a change to a session's annotations, then tells the views and schedules the save. `label` names it for undo.
   * A read-only layer (another annotator's) is refused before the change runs.
   */
  mutate<T>(session: ArticleSession, change: () => T, label = 'annotation change'): T {
    session.assertWritable();
    const before = structuredClone(session.layer);
    const result = change();
    this.undo.push(layerKey(session.articlePath, session.annotator), before, label, this.group);
    this.changed(session, 'annotation');
    return result;
  }

  /** Runs `work`; every change it makes through `mutate`, in any article, is undone as one step. */
  async batch<T>(work: () => Promise<T>): Promise<T> {
    const outer = this.group;
    this.group ??= ++this.groups;
    try {
      return await work();
    } finally {
      this.group = outer;
    }
  }

  /** Reverts the last change made through Sift, in whichever open article it was made. */
  undoLast(): string | undefined {
    for (let e = this.undo.pop(); e; e = this.undo.pop()) {
      const entry = this.entries.get(e.key);
      if (!entry) continue;
      entry.session.restoreLayer(e.before);
      this.changed(entry.session, 'annotation');
      while (e.group !== undefined && this.undo.peek()?.group === e.group) this.undoOne(this.undo.pop());
      return e.label;
    }
    return undefined;
  }

  private undoOne(e: { key: string; before: Layer } | undefined): void {
    const entry = e && this.entries.get(e.key);
    if (!e || !entry) return;
    entry.session.restoreLayer(e.before);
    this.changed(entry.session, 'annotation');
  }

  private changed(session: ArticleSession, cause: 'annotation' | 'edit' = 'edit'): void { // saved by SessionSaves
    this.emitter.fire(session);
    if (!session.readOnly) this.saves.schedule(session, cause === 'annotation');
  }

  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    const file = e.document.uri.fsPath;
    const entries = this.entriesOf(file);
    if (e.contentChanges.length === 0 || (entries.length === 0 && !this.loads.hasFile(file))) return;
    const after = e.document.getText();
    const fromDisk = !e.document.isDirty && e.reason === undefined && articleOnDisk(file) === after;
    // Layers still loading get the change when they are there.
    this.loads.follow(e, after, fromDisk);
    try {
      for (const entry of entries) this.follow(entry, e, after, fromDisk);
    } catch (err) {
      // Never go on from a session that missed an edit: take the sidecar from disk and the editor's text again.
      this.log.error(`could not follow an edit of ${e.document.uri.fsPath}; reloading it from disk and the editor: ${(err as Error).stack ?? String(err)}`);
      this.reload(e.document);
      return;
    }
    for (const entry of entries) this.changed(entry.session);
  }

  /** Moves the session through one change event (or re-anchors, when the article was reloaded from disk). */
  private follow(entry: Entry, e: vscode.TextDocumentChangeEvent, after: string, fromDisk: boolean): void {
    const { session } = entry;
    if (fromDisk) {
      // Reloaded from disk (git checkout, another program): find each annotation again by its quote.
      const r = session.replaceText(after);
      reportReanchor(this.log, session, r);
    } else {
      session.applyEdits(after, toCoreEdits(entry.text, e.contentChanges));
      session.restoreOrphans();
    }
    entry.text = after;
    entry.doc = e.document;
  }

  /**
   * Opens an article's session again: its pending work is written first (the layer still refers to the text it was
   * made on, and the header records that text's hash), then the sidecar is read back and re-anchored to the editor's
   * text, as when the article is first opened.
   */
  private reload(doc: vscode.TextDocument): void {
    const layers = this.entriesOf(doc.uri.fsPath).map((e) => e.annotator);
    this.close(doc);
    for (const annotator of layers) {
      const fresh = this.getLayer(doc, annotator);
      if (fresh) this.changed(fresh);
    }
  }

  private onSidecarDisk(uri: vscode.Uri): void {
    const entry = [...this.entries.values()].find((e) => e.session.sidecar.path === uri.fsPath);
    if (!entry) return;
    // A big file is parsed off the extension host; a small one at once. Sift's own saves read back unchanged, unparsed.
    entry.session.sidecar.reloadAsync().then((r) => this.reloaded(entry, uri, r), (e: unknown) => {
      this.log.error(`could not reload ${uri.fsPath}: ${e instanceof Error ? e.message : String(e)}`);
    });
  }

  private reloaded(entry: Entry, uri: vscode.Uri, r: ReloadResult): void {
    const { session } = entry;
    if (r.outcome === 'unchanged' || this.entries.get(layerKey(session.articlePath, entry.annotator)) !== entry) return;
    this.log.info(`${uri.fsPath} changed on disk: ${r.outcome}${r.conflicts.length ? `, ${r.conflicts.length} conflict(s)` : ''}`);
    if (r.outcome === 'broken') {
      this.events.onSidecarError(session);
      this.emitter.fire(session);
      return;
    }
    this.events.onSidecarOk(session);
    const re = session.syncToText();
    if (re) reportReanchor(this.log, session, re);
    if (r.conflicts.length) reportConflicts(uri, r.conflicts);
    this.emitter.fire(session);
    if (session.sidecar.dirty && !session.readOnly) this.saves.schedule(session);
  }

  /** The article was closed: every layer's pending work is written and its session dropped. */
  private close(doc: vscode.TextDocument): void {
    this.loads.drop(doc.uri.fsPath);
    for (const entry of this.entriesOf(doc.uri.fsPath)) {
      const key = layerKey(entry.session.articlePath, entry.annotator);
      this.saves.release(entry.session);
      this.entries.delete(key);
      this.undo.drop(key);
    }
  }

  /** Writes every pending change asynchronously (the web host's deactivate waits for the promise). */
  async flushAllAsync(): Promise<void> {
    await Promise.all([...this.entries.values()].map(({ session }) => this.saves.flushAsync(session)));
  }

  /** Writes every pending change now (on deactivate, before switching annotator); through a port, it is started. */
  flushAll(): void {
    for (const e of this.entries.values()) {
      if (e.session.sidecar.port) void this.saves.flushAsync(e.session);
      else this.saves.flush(e.session);
    }
  }

  private closeAll(): void {
    for (const e of this.entries.values()) this.saves.release(e.session);
    this.entries.clear();
  }

  /**
   * The annotator changed: write every layer's pending work, then open every article again as the new annotator, and
   * every other layer that was open, each editable or read-only as the new annotator sees it.
   */
  private reset(): void {
    const open = [...this.entries.values(), ...this.loads.clear()].map((e) => ({ doc: e.doc, annotator: e.annotator }));
    const docs = new Map(open.map((o) => [o.doc.uri.fsPath, o.doc]));
    this.closeAll();
    // Undo snapshots belong to the annotator who made them.
    this.undo = new UndoStack<string, Layer>();
    for (const doc of docs.values()) {
      const s = this.get(doc);
      if (s) this.emitter.fire(s);
    }
    for (const { doc, annotator } of open) {
      if (this.entries.has(layerKey(doc.uri.fsPath, annotator))) continue;
      const s = this.getLayer(doc, annotator);
      if (s) this.emitter.fire(s);
    }
  }
}
