// Suggestions: detected PERSON, ORG, PLACE and DATE mentions shown as dashed highlights. Detection runs off the typing
// path (debounced, incremental, in slices for long articles); accepted and rejected ones stop showing.
import * as vscode from 'vscode';
import { detectChunked, warmUp } from '../../core/detect/chunked';
import { isoDay } from '../../core/detect/dates';
import { Detection, Detector, ReferenceDate, Suggestion, referenceDate } from '../../core/detect/detector';
import { ArticleSession } from '../../core/session/session';
import { WorkspaceKnowledge } from '../state/knowledge';
import { Commands } from '../platform/commandIds';
import { registerCommand } from '../platform/commands';
import { DecorationTypes } from '../platform/decorationTypes';
import { Disposable, disposableTimeout, toDisposable } from '../platform/lifecycle';
import { spanToRange } from '../platform/positions';
import { Sessions } from '../state/sessions';
import { articleTime } from '../state/sessionDisk';
import { yieldTurn } from '../../core/text/turn';

/** Articles longer than this (UTF-16 units) are detected in slices, yielding to the extension host between them. */
const SLICED = 256 * 1024;
const EDIT_DELAY_MS = 150;

interface DocState {
  version: number;
  detection: Detection;
  ref: ReferenceDate;
}

/** Where the on/off switch is remembered (workspace state). */
const ENABLED_KEY = 'sift.suggestions';

export class Suggestions extends Disposable {
  private readonly detector: Detector;
  private readonly state = new Map<string, DocState>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly pendingChange = new Map<string, { start: number; oldEnd: number; newEnd: number } | null>();
  private readonly emitter = this._register(new vscode.EventEmitter<vscode.TextDocument>());
  /** Fires when a document's suggestions were recomputed. */
  readonly onDidUpdate = this.emitter.event;
  private enabled: boolean;

  constructor(private readonly sessions: Sessions, private readonly knowledge: WorkspaceKnowledge, private readonly memento: vscode.Memento,
    private readonly types: DecorationTypes) {
    super();
    this.detector = new Detector(knowledge.names);
    this.enabled = memento.get(ENABLED_KEY, true);
    this._register(toDisposable(() => { for (const t of this.timers.values()) clearTimeout(t); }));
    this._register(vscode.window.onDidChangeVisibleTextEditors((eds) => eds.forEach((e) => this.request(e.document, 0))));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)));
    this._register(vscode.workspace.onDidCloseTextDocument((d) => this.forget(d)));
    this._register(sessions.onDidChange((s) => this.onSession(s)));
    this._register(knowledge.onDidChange(() => this.relearn()));
    this._register(registerCommand(Commands.toggleSuggestions, () => this.toggle()));
    void knowledge.ready();
    vscode.window.visibleTextEditors.forEach((e) => this.request(e.document, 0));
    // Compile the detector's regexes in idle time, not in the first slice of a long article or on activation.
    this._register(disposableTimeout(() => warmUp(this.detector), 50));
  }

  /** The workspace taught new names: detect every visible article again. */
  private relearn(): void {
    this.detector.setKnown(this.knowledge.names);
    this.state.clear();
    vscode.window.visibleTextEditors.forEach((e) => this.request(e.document, 0));
  }

  get isEnabled(): boolean {
    return this.enabled;
  }

  private async toggle(): Promise<boolean> {
    this.enabled = !this.enabled;
    await this.memento.update(ENABLED_KEY, this.enabled);
    vscode.window.visibleTextEditors.forEach((e) => this.draw(e));
    void vscode.window.setStatusBarMessage(`Sift suggestions ${this.enabled ? 'on' : 'off'}`, 2000);
    return this.enabled;
  }

  /** The reference date used for this article's dates. */
  reference(doc: vscode.TextDocument): ReferenceDate | undefined {
    return this.state.get(doc.uri.toString())?.ref;
  }

  /** Suggestions still open for the annotator: not accepted (no confirmed entity overlaps) and not rejected. */
  visible(doc: vscode.TextDocument): Suggestion[] {
    const st = this.state.get(doc.uri.toString());
    const session = this.sessions.get(doc);
    if (!st || !session || st.version !== doc.version) return [];
    return st.detection.suggestions.filter((s) => open(session, s));
  }

  at(doc: vscode.TextDocument, cp: number): Suggestion | undefined {
    return this.visible(doc).find((s) => s.start <= cp && cp <= s.end);
  }

  /** Detects now and waits for the result (commands and tests use it). */
  async refresh(doc: vscode.TextDocument): Promise<Suggestion[]> {
    await this.knowledge.ready();
    await this.run(doc);
    return this.visible(doc);
  }

  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0 || !this.sessions.isArticle(e.document)) return;
    const key = e.document.uri.toString();
    // One change since the last finished pass can be applied incrementally; anything else gets a (cached) full pass.
    const c = e.contentChanges.length === 1 ? e.contentChanges[0] : undefined;
    const incremental = c && this.state.has(key) && !this.pendingChange.has(key);
    this.pendingChange.set(key, incremental ? { start: c.rangeOffset, oldEnd: c.rangeOffset + c.rangeLength, newEnd: c.rangeOffset + c.text.length } : null);
    this.request(e.document, EDIT_DELAY_MS);
  }

  private request(doc: vscode.TextDocument, delay: number): void {
    if (!this.sessions.isArticle(doc)) return;
    const key = doc.uri.toString();
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.set(key, setTimeout(() => { this.timers.delete(key); void this.run(doc); }, delay));
  }

  private async run(doc: vscode.TextDocument): Promise<void> {
    const session = this.sessions.get(doc);
    if (!session || doc.isClosed) return;
    const key = doc.uri.toString();
    const version = doc.version;
    const text = doc.getText();
    const prev = this.state.get(key);
    const change = this.pendingChange.get(key) ?? undefined;
    this.pendingChange.delete(key);
    const ref = referenceDate(text, session.layer.header.published, articleTime(doc));
    let detection: Detection | undefined;
    if (prev && change && isoDay(prev.ref.date) === isoDay(ref.date)) {
      detection = this.detector.update(prev.detection, text, ref.date, change);
    } else if (text.length > SLICED) {
      detection = await detectChunked(this.detector, text, ref.date, { pause: yieldTurn, cancelled: () => doc.version !== version || doc.isClosed });
      if (!detection) {
        this.pendingChange.set(key, null);
        return;
      }
    } else {
      detection = this.detector.full(text, ref.date);
    }
    if (doc.version !== version) {
      // This pass is stale; the next one cannot build on it incrementally.
      this.pendingChange.set(key, null);
      return;
    }
    this.state.set(key, { version, detection, ref });
    this.redraw(doc.uri.fsPath);
    this.emitter.fire(doc);
  }

  /**
   * A layer changed or finished loading. A layer loaded off the extension host (a big sidecar; every layer in the
   * browser) comes after the editor asked for suggestions, when `run` found no session: detect now.
   */
  private onSession(session: ArticleSession): void {
    const doc = this.sessions.documentFor(session);
    if (doc && session === this.sessions.get(doc) && !this.state.has(doc.uri.toString()) && !this.timers.has(doc.uri.toString())) this.request(doc, 0);
    this.redraw(session.articlePath);
  }

  private redraw(file: string): void {
    for (const e of vscode.window.visibleTextEditors) if (e.document.uri.fsPath === file) this.draw(e);
  }

  private draw(editor: vscode.TextEditor): void {
    const byLabel = new Map<string, vscode.Range[]>();
    if (this.enabled) {
      for (const s of this.visible(editor.document)) {
        const key = this.types.keyOf(s.label);
        const list = byLabel.get(key) ?? [];
        list.push(spanToRange(editor.document, s.start, s.end));
        byLabel.set(key, list);
      }
    }
    for (const [label, type] of this.types.suggestionTypes()) editor.setDecorations(type, byLabel.get(label) ?? []);
  }

  private forget(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    this.state.delete(key);
    this.pendingChange.delete(key);
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.delete(key);
  }
}

/** A suggestion is still open unless a confirmed entity overlaps it or the annotator rejected it. */
function open(session: ArticleSession, s: Suggestion): boolean {
  if (session.isRejected(s.text, s.label)) return false;
  return !session.layer.entities.some((e) => !e.orphaned && e.start < s.end && s.start < e.end);
}
