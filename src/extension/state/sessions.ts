// Keeps one core ArticleSession per open article for the current annotator, in step with the editor and the disk.
import * as fs from 'fs';
import * as vscode from 'vscode';
import { ArticleError, readArticle } from '../../core/text/article';
import { ArticleSession, ReanchorReport } from '../../core/session/session';
import { SaveOutcome } from '../../core/store/sidecarFile';
import { Layer } from '../../core/model';
import { UndoStack } from '../../core/session/undo';
import { AnnotatorState } from './annotator';
import { setting } from '../platform/config';
import { Disposable, toDisposable } from '../platform/lifecycle';
import { toCoreEdits } from '../platform/positions';
import { messageText } from '../platform/markdown';

interface Entry {
  session: ArticleSession;
  /** The document text the session's offsets refer to. */
  text: string;
  doc: vscode.TextDocument;
}

export interface SessionEvents {
  onSidecarError(session: ArticleSession): void;
  onSidecarOk(session: ArticleSession): void;
}

export class Sessions extends Disposable {
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

  /** The session for an article, opened on first use; undefined for other files and refused articles. */
  get(doc: vscode.TextDocument): ArticleSession | undefined {
    const hit = this.entries.get(doc.uri.fsPath);
    if (hit) return hit.session;
    if (!this.isArticle(doc) || this.refused.has(doc.uri.fsPath)) return undefined;
    return this.open(doc)?.session;
  }

  all(): ArticleSession[] {
    return [...this.entries.values()].map((e) => e.session);
  }

  documentFor(session: ArticleSession): vscode.TextDocument | undefined {
    return this.entries.get(session.articlePath)?.doc;
  }

  private open(doc: vscode.TextDocument): Entry | undefined {
    const file = doc.uri.fsPath;
    const limitMB = setting('maxArticleSizeMB', doc.uri);
    const max = limitMB * 1024 * 1024;
    const text = doc.getText();
    let session: ArticleSession;
    try {
      if (fs.existsSync(file)) readArticle(file, max);
      else if (Buffer.byteLength(text) > max) throw new ArticleError(file, 'too-large', `is over the ${limitMB} MB limit (setting sift.maxArticleSizeMB); it is not annotated`);
      // Refuses (ArticleError 'outside-root') a sidecar that would be written through a link out of the workspace.
      session = new ArticleSession(file, this.annotator.id, text);
    } catch (e) {
      if (!(e instanceof ArticleError)) throw e;
      this.refused.set(file, e.message);
      this.log.warn(e.message);
      void vscode.window.showWarningMessage(messageText(`Sift: ${e.message}`));
      return undefined;
    }
    const entry: Entry = { session, text, doc };
    this.entries.set(file, entry);
    if (session.sidecar.error) this.events.onSidecarError(session);
    if (session.sidecar.recovered) {
      void vscode.window.showInformationMessage(`Sift: merged work from ${session.sidecar.recoveryPath} back into the sidecar.`);
    }
    this.reportLeftovers(session);
    if (session.lastReanchor) this.reportReanchor(session, session.lastReanchor);
    if (session.sidecar.needsSave) this.scheduleSave(session);
    this.log.info(`opened ${file} as ${this.annotator.id}: ${session.all().length} annotations`);
    // Tell the views (orphans, decorations, status) once the caller has its session.
    queueMicrotask(() => { if (this.entries.get(file) === entry) this.emitter.fire(session); });
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

  /** Runs a change to a session's annotations, then tells the views and schedules the save. `label` names it for undo. */
  mutate<T>(session: ArticleSession, change: () => T, label = 'annotation change'): T {
    const before = structuredClone(session.layer);
    const result = change();
    this.undo.push(session.articlePath, before, label, this.group);
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
    this.scheduleSave(session);
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
    const entry = this.entries.get(e.document.uri.fsPath);
    if (!entry || e.contentChanges.length === 0) return;
    const after = e.document.getText();
    try {
      this.follow(entry, e, after);
    } catch (err) {
      // Never go on from a session that missed an edit: take the sidecar from disk and the editor's text again.
      this.log.error(`could not follow an edit of ${entry.session.articlePath}; reloading it from disk and the editor: ${(err as Error).stack ?? String(err)}`);
      this.reload(e.document);
      return;
    }
    this.changed(entry.session);
  }

  /** Moves the session through one change event (or re-anchors, when the article was reloaded from disk). */
  private follow(entry: Entry, e: vscode.TextDocumentChangeEvent, after: string): void {
    const { session } = entry;
    if (!e.document.isDirty && e.reason === undefined && this.diskText(e.document.uri.fsPath) === after) {
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
    this.close(doc);
    const fresh = this.get(doc);
    if (fresh) this.changed(fresh);
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
    if (session.sidecar.dirty) this.scheduleSave(session);
  }

  private close(doc: vscode.TextDocument): void {
    const entry = this.entries.get(doc.uri.fsPath);
    if (!entry) return;
    this.flushOne(entry.session);
    entry.session.sidecar.dispose();
    this.entries.delete(doc.uri.fsPath);
    this.undo.drop(doc.uri.fsPath);
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

  /** The annotator changed: write the old layers, then open every article again as the new annotator. */
  private reset(): void {
    const docs = [...this.entries.values()].map((e) => e.doc);
    this.closeAll();
    // Undo snapshots belong to the annotator who made them.
    this.undo = new UndoStack<string, Layer>();
    for (const doc of docs) {
      const s = this.get(doc);
      if (s) this.emitter.fire(s);
    }
  }
}
