// Keeps one core ArticleSession per open article and layer (annotator), in step with the editor and the disk: the
// current annotator's layer and `gold` are editable through `mutate`; any other annotator's layer is read-only.
import * as fs from 'fs';
import * as vscode from 'vscode';
import { ArticleError, readArticle } from '../../core/text/article';
import { ArticleSession, ReanchorReport } from '../../core/session/session';
import { SaveOutcome } from '../../core/store/sidecarFile';
import { Layer } from '../../core/model';
import { GOLD } from '../../core/review/units';
import { ANNOTATOR_PATTERN } from '../../core/store/annotator';
import { UndoStack } from '../../core/session/undo';
import { AnnotatorState } from './annotator';
import { setting } from '../platform/config';
import { Disposable, toDisposable } from '../platform/lifecycle';
import { toCoreEdits } from '../platform/positions';
import { messageText } from '../platform/markdown';

interface Entry {
  session: ArticleSession;
  /** The annotator whose layer this is (also `session.annotator`). */
  annotator: string;
  /** The document text the session's offsets refer to. */
  text: string;
  doc: vscode.TextDocument;
}

export interface SessionEvents {
  onSidecarError(session: ArticleSession): void;
  onSidecarOk(session: ArticleSession): void;
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
  private readonly savedEmitter = this._register(new vscode.EventEmitter<ArticleSession>());
  /** Fires after Sift wrote a session's sidecar itself (so the corpus index takes the layer without reading it). */
  readonly onDidSave = this.savedEmitter.event;
  /** Set while a batch runs: its changes are undone as one. */
  private group: number | undefined;
  private groups = 0;

  /** `sidecarsOnDisk` tells of sidecars changed, created or deleted on disk (the workspace's one sidecar watcher). */
  constructor(private readonly annotator: AnnotatorState, private readonly log: vscode.LogOutputChannel, private readonly events: SessionEvents, sidecarsOnDisk: vscode.Event<vscode.Uri>) {
    super();
    // Registered before the listeners, so disposed after them: pending work is written, then the sessions dropped.
    this._register(toDisposable(() => this.closeAll()));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)));
    this._register(vscode.workspace.onDidCloseTextDocument((doc) => this.close(doc)));
    this._register(annotator.onDidChange(() => this.reset()));
    this._register(sidecarsOnDisk((u) => this.onSidecarDisk(u)));
  }

  isArticle(doc: vscode.TextDocument): boolean {
    return doc.uri.scheme === 'file' && !doc.uri.fsPath.endsWith('.yaml') && vscode.languages.match({ pattern: setting('articles', doc.uri) }, doc) > 0;
  }

  /** The current annotator's session for an article, opened on first use; undefined for other files and refused articles. */
  get(doc: vscode.TextDocument): ArticleSession | undefined {
    return this.getLayer(doc, this.annotator.id);
  }

  /**
   * The session of one layer of an article, opened on first use: the current annotator's (as `get`), `gold` (editable
   * through `mutate`, its sidecar created on the first write), or another annotator's, read-only (it follows the
   * article's edits in memory and reloads from disk, but is never changed or saved).
   */
  getLayer(doc: vscode.TextDocument, annotator: string): ArticleSession | undefined {
    const hit = this.entries.get(layerKey(doc.uri.fsPath, annotator));
    if (hit) return hit.session;
    if (!ANNOTATOR_PATTERN.test(annotator)) throw new Error(`'${annotator}' is not an annotator id (lower-case letters, digits, - and _)`);
    if (!this.isArticle(doc) || this.refused.has(doc.uri.fsPath)) return undefined;
    return this.open(doc, annotator)?.session;
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

  /** A new session on one layer of an article; undefined (told once) for an article Sift will not annotate. */
  private create(doc: vscode.TextDocument, annotator: string, text: string): ArticleSession | undefined {
    const file = doc.uri.fsPath;
    const limitMB = setting('maxArticleSizeMB', doc.uri);
    const max = limitMB * 1024 * 1024;
    try {
      if (fs.existsSync(file)) readArticle(file, max);
      else if (Buffer.byteLength(text) > max) throw new ArticleError(file, 'too-large', `is over the ${limitMB} MB limit (setting sift.maxArticleSizeMB); it is not annotated`);
      const readOnly = annotator !== this.annotator.id && annotator !== GOLD;
      // Refuses (ArticleError 'outside-root') a sidecar that would be written through a link out of the workspace.
      return new ArticleSession(file, annotator, text, { readOnly, viewer: this.annotator.id });
    } catch (e) {
      if (!(e instanceof ArticleError)) throw e;
      this.refused.set(file, e.message);
      this.log.warn(e.message);
      void vscode.window.showWarningMessage(messageText(`Sift: ${e.message}`));
      return undefined;
    }
  }

  private open(doc: vscode.TextDocument, annotator: string): Entry | undefined {
    const file = doc.uri.fsPath;
    const text = doc.getText();
    const session = this.create(doc, annotator, text);
    if (!session) return undefined;
    const entry: Entry = { session, annotator, text, doc };
    this.entries.set(layerKey(file, annotator), entry);
    if (session.sidecar.error) this.events.onSidecarError(session);
    if (session.sidecar.recovered && !session.readOnly) {
      void vscode.window.showInformationMessage(`Sift: merged work from ${session.sidecar.recoveryPath} back into the sidecar.`);
    }
    this.reportLeftovers(session);
    if (session.lastReanchor) this.reportReanchor(session, session.lastReanchor);
    if (session.sidecar.needsSave) this.scheduleSave(session);
    this.log.info(`opened ${annotator}'s layer of ${file}${session.readOnly ? ' (read-only)' : ''}: ${session.all().length} annotations`);
    // Tell the views (orphans, decorations, status) once the caller has its session.
    queueMicrotask(() => { if (this.entries.get(layerKey(file, annotator)) === entry) this.emitter.fire(session); });
    return entry;
  }

  /** Temp files of a crashed save found beside the sidecar: merged back, or kept aside when they do not parse. */
  private reportLeftovers(session: ArticleSession): void {
    for (const l of session.sidecar.leftovers) {
      if (l.outcome === 'merged') this.log.warn(`merged the work of ${l.file}, left by a save that did not finish; it is removed once saved`);
      else if (l.outcome === 'empty') this.log.info(`removed ${l.file}, an empty file left by a save that did not finish`);
      else {
        this.log.warn(`${l.file}, left by a save that did not finish, cannot be read (${l.problem ?? ''}); kept as ${l.movedTo ?? ''}`);
        void vscode.window.showWarningMessage(`Sift: a save of ${session.sidecar.path} did not finish and left a file it cannot read; it is kept as ${l.movedTo ?? ''}.`);
      }
    }
  }

  private reportReanchor(session: ArticleSession, r: ReanchorReport): void {
    const moved = r.exact + r.fuzzy;
    this.log.info(`re-anchored ${session.articlePath}: ${r.same} in place, ${r.exact} moved, ${r.fuzzy} fuzzy, ${r.orphaned.length} orphaned`);
    if (r.orphaned.length) {
      void vscode.window.showWarningMessage(`Sift: the article changed; ${moved} annotation(s) moved and ${r.orphaned.length} could not be found. They are kept as orphans in the Problems view.`);
    }
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
    this.changed(session);
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
      this.changed(entry.session);
      while (e.group !== undefined && this.undo.peek()?.group === e.group) this.undoOne(this.undo.pop());
      return e.label;
    }
    return undefined;
  }

  private undoOne(e: { key: string; before: Layer } | undefined): void {
    const entry = e && this.entries.get(e.key);
    if (!e || !entry) return;
    entry.session.restoreLayer(e.before);
    this.changed(entry.session);
  }

  private changed(session: ArticleSession): void {
    this.emitter.fire(session);
    if (!session.readOnly) this.scheduleSave(session);
  }

  private scheduleSave(session: ArticleSession): void {
    session.sidecar.scheduleSave(setting('saveDelayMs'), (o) => this.saved(session, o), (e) => this.saveFailed(session, e));
  }

  private saved(session: ArticleSession, outcome: SaveOutcome): void {
    if (outcome === 'recovery') this.log.warn(`${session.sidecar.path} cannot be parsed; work kept in ${session.sidecar.recoveryPath}`);
    else if (outcome === 'written') {
      this.log.debug(`saved ${session.sidecar.path}`);
      this.savedEmitter.fire(session);
    }
  }

  private saveFailed(session: ArticleSession, e: Error): void {
    this.log.error(`could not save ${session.sidecar.path}: ${e.message}`);
    void vscode.window.showErrorMessage(`Sift could not save ${session.sidecar.path}: ${e.message}. Your work is kept in memory; it will be saved again on the next change.`);
  }

  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    const entries = this.entriesOf(e.document.uri.fsPath);
    if (entries.length === 0 || e.contentChanges.length === 0) return;
    const after = e.document.getText();
    const fromDisk = !e.document.isDirty && e.reason === undefined && this.diskText(e.document.uri.fsPath) === after;
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
      this.reportReanchor(session, r);
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

  private diskText(file: string): string | undefined {
    try {
      return fs.readFileSync(file, 'utf8').replace(/^\ufeff/, '');
    } catch {
      return undefined;
    }
  }

  private onSidecarDisk(uri: vscode.Uri): void {
    const entry = [...this.entries.values()].find((e) => e.session.sidecar.path === uri.fsPath);
    if (!entry) return;
    const { session } = entry;
    const r = session.sidecar.reload();
    if (r.outcome === 'unchanged') return;
    this.log.info(`${uri.fsPath} changed on disk: ${r.outcome}${r.conflicts.length ? `, ${r.conflicts.length} conflict(s)` : ''}`);
    if (r.outcome === 'broken') {
      this.events.onSidecarError(session);
      this.emitter.fire(session);
      return;
    }
    this.events.onSidecarOk(session);
    const re = session.syncToText();
    if (re) this.reportReanchor(session, re);
    if (r.conflicts.length) {
      const list = r.conflicts.map((c) => (c.keptAs ? `${c.id} (yours kept as ${c.keptAs})` : `${c.id} (${c.kind})`)).join(', ');
      void vscode.window.showWarningMessage(messageText(`Sift merged a change to ${vscode.workspace.asRelativePath(uri)} with your unsaved work. Conflicts, both versions kept: ${list}.`), 'Open Sidecar')
        .then((b) => { if (b) void vscode.window.showTextDocument(uri); });
    }
    this.emitter.fire(session);
    if (session.sidecar.dirty && !session.readOnly) this.scheduleSave(session);
  }

  /** The article was closed: every layer's pending work is written and its session dropped. */
  private close(doc: vscode.TextDocument): void {
    for (const entry of this.entriesOf(doc.uri.fsPath)) {
      const key = layerKey(entry.session.articlePath, entry.annotator);
      this.flushOne(entry.session);
      entry.session.sidecar.dispose();
      this.entries.delete(key);
      this.undo.drop(key);
    }
  }

  private flushOne(session: ArticleSession): void {
    try {
      const outcome = session.sidecar.flush();
      this.saved(session, outcome);
    } catch (e) {
      this.saveFailed(session, e as Error);
    }
  }

  /** Writes every pending change now (on deactivate, before switching annotator). */
  flushAll(): void {
    for (const e of this.entries.values()) this.flushOne(e.session);
  }

  private closeAll(): void {
    this.flushAll();
    for (const e of this.entries.values()) e.session.sidecar.dispose();
    this.entries.clear();
  }

  /**
   * The annotator changed: write every layer's pending work, then open every article again as the new annotator, and
   * every other layer that was open, each editable or read-only as the new annotator sees it.
   */
  private reset(): void {
    const open = [...this.entries.values()].map((e) => ({ doc: e.doc, annotator: e.annotator }));
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
