// Discussion on any annotation, in the editor and the Comments panel: one comment controller, and one comment thread
// per discussed annotation of every layer (the annotator's own, colleagues', gold) of every open article. The threads
// are drawn from the core (src/core/review/discussion.ts) over the session's own layer and the corpus index's other
// layers, through the one thread factory (platform/commentThreads.ts); they are redrawn when annotations move (the
// session changed) and when sidecars change on disk (the index changed). VS Code keeps no threads: the files do.
import * as vscode from 'vscode';
import { Layer, Target } from '../../core/model';
import {
  PlacedAnnotation, Thread, annotationsIn, buildThreads, describeAnnotation, describeSpan, discussedKeys, placeLayer, threadKey, unresolvedCount,
} from '../../core/review/discussion';
import { LayerInput } from '../../core/review/units';
import { ArticleSession } from '../../core/session/session';
import { ArticleText } from '../../core/text/article';
import {
  PlainComment, PlainThread, SiftComment, SiftCommentThread, createCommentController, createThread, setCommentMode, updateThread,
} from '../platform/commentThreads';
import { Debouncer, Disposable, toDisposable } from '../platform/lifecycle';
import { LiveCommentController } from '../platform/liveCommentController';
import { spanToRange } from '../platform/positions';
import { WorkspaceKnowledge } from '../state/knowledge';
import { Sessions } from '../state/sessions';

/** The comment threads of one open article, by thread key (`<annotator>/<id>` of the annotation discussed). */
interface ArticleThreads {
  doc: vscode.TextDocument;
  threads: Thread[];
  shown: Map<string, SiftCommentThread>;
}

/** Where the layers of another annotator were last placed on an article's text, so a keystroke does not place them again. */
interface PlacedCache {
  sha: string;
  placed: PlacedAnnotation[];
}

const REFRESH_MS = 60;

export class Discussion extends Disposable {
  private readonly live: LiveCommentController;
  private readonly articles = new Map<string, ArticleThreads>();
  /** Threads opened for a first comment (Discuss Annotation) and not written yet, by article and thread key. */
  private readonly pending = new Map<string, Set<string>>();
  /** Comments in edit mode, as `<thread key>#<comment id>`: they stay so when their thread is redrawn. */
  private readonly editing = new Set<string>();
  private readonly placedCache = new WeakMap<Layer, PlacedCache>();
  private readonly dirty = new Set<string>();
  /**
   * What Sift last answered VS Code's request for an article's commenting ranges: the article's annotations in every
   * layer then, or -1 when it had no session yet. VS Code draws an article's threads from what it computes on such a
   * request; an answer behind the article's annotations now is a reason to have it ask again.
   */
  private readonly answered = new Map<string, number>();
  private readonly debouncer = this._register(new Debouncer(REFRESH_MS, () => this.flushDirty()));
  private readonly emitter = this._register(new vscode.EventEmitter<void>());
  /** Fires when threads (and so unresolved counts) may have changed. */
  readonly onDidChangeThreads = this.emitter.event;

  constructor(private readonly sessions: Sessions, private readonly knowledge: WorkspaceKnowledge, private readonly warn: (message: string) => void = () => {}) {
    super();
    this.live = this._register(new LiveCommentController(() => this.makeController(), () => this.remade()));
    this._register(sessions.onDidChange((s) => this.schedule(s.articlePath)));
    this._register(knowledge.onDidChangeIndex(() => this.refreshAll()));
    this._register(vscode.workspace.onDidCloseTextDocument((doc) => this.drop(doc.uri.fsPath)));
    this._register(vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.sessions.get(e.document))));
    this._register(toDisposable(() => { for (const path of [...this.articles.keys()]) this.drop(path); }));
    void knowledge.ready().then(() => this.refreshAll());
  }

  get controller(): vscode.CommentController {
    return this.live.controller;
  }

  private makeController(): vscode.CommentController {
    const controller = createCommentController('sift', 'Sift');
    controller.options = { prompt: 'Discuss this annotation…', placeHolder: 'Your comment (saved in your own sidecar)' };
    controller.commentingRangeProvider = this.rangesProvider();
    return controller;
  }

  private rangesProvider(): vscode.CommentingRangeProvider {
    return { provideCommentingRanges: (doc) => this.commentingRanges(doc) };
  }

  /** The controller was made again (its threads went with the old one): every open article's threads are drawn anew. */
  private remade(): void {
    this.warn(`VS Code did not ask Sift's comment controller for commenting ranges within ${this.live.waitMs / 1000} s (as when another extension host clears all comment controllers on starting): made it again (${this.live.remade} so far) and drew its threads again`);
    for (const entry of this.articles.values()) entry.shown.clear();
    this.answered.clear();
    this.refreshAll();
  }

  private schedule(articlePath: string): void {
    this.dirty.add(articlePath);
    this.debouncer.schedule();
  }

  private flushDirty(): void {
    const paths = [...this.dirty];
    this.dirty.clear();
    for (const s of this.sessions.all()) if (paths.includes(s.articlePath)) this.refresh(s);
    if (paths.length) this.emitter.fire();
    this.rangesChanged();
  }

  /**
   * Asks VS Code for the commenting ranges again when its last answer for an article open in an editor is behind the
   * article's annotations in every layer (or was given before Sift had a session for it); LiveCommentController makes
   * the controller again if VS Code does not ask.
   */
  private rangesChanged(): void {
    const behind = () => {
      const visible = new Set(vscode.window.visibleTextEditors.map((e) => e.document.uri.fsPath));
      return this.sessions.all().some((s) => visible.has(s.articlePath) && this.answered.get(s.articlePath) !== this.annotationCount(s));
    };
    if (behind()) this.live.nudge(this.rangesProvider(), behind, () => ![...this.pending.values()].some((keys) => keys.size > 0));
  }

  private annotationCount(session: ArticleSession): number {
    return this.layersOf(session).reduce((sum, l) => sum + l.layer.entities.length + l.layer.claims.length, 0);
  }

  private refreshAll(): void {
    if (this.isDisposed) return;
    for (const s of this.sessions.all()) this.refresh(s);
    this.emitter.fire();
    this.rangesChanged();
  }

  /** Every layer of the session's article: its own layer from the session (live), the others from the corpus index. */
  layersOf(session: ArticleSession): LayerInput[] {
    const others = this.knowledge.index.layersOf(session.articlePath).filter((l) => l.annotator !== session.annotator);
    return [{ annotator: session.annotator, layer: session.layer }, ...others.map((l) => ({ annotator: l.annotator, layer: l.layer }))];
  }

  /** Every annotation of every layer of the article, on its current text. */
  placed(session: ArticleSession): PlacedAnnotation[] {
    const article = session.article;
    return this.layersOf(session).flatMap((input, i) => (i === 0 ? placeLayer(input, article, { current: true }) : this.placedOther(input, article)));
  }

  private placedOther(input: LayerInput, article: ArticleText): PlacedAnnotation[] {
    const hit = this.placedCache.get(input.layer);
    if (hit?.sha === article.sha256) return hit.placed;
    const placed = placeLayer(input, article);
    this.placedCache.set(input.layer, { sha: article.sha256, placed });
    return placed;
  }

  /** The threads of an open article, as last drawn. */
  threadsOf(articlePath: string): readonly Thread[] {
    return this.articles.get(articlePath)?.threads ?? [];
  }

  thread(articlePath: string, on: Target): Thread | undefined {
    return this.threadsOf(articlePath).find((t) => t.key === threadKey(on));
  }

  /** The VS Code threads drawn for an open article (for tests and commands). */
  shownThreads(articlePath: string): SiftCommentThread[] {
    return [...(this.articles.get(articlePath)?.shown.values() ?? [])];
  }

  /** Open (unresolved) threads of an article, open in an editor or not. */
  unresolvedCount(articlePath: string): number {
    const open = this.articles.get(articlePath);
    if (open) return unresolvedCount(open.threads);
    const layers = this.knowledge.index.layersOf(articlePath).map((l) => ({ annotator: l.annotator, layer: l.layer }));
    return unresolvedCount(buildThreads(layers, []));
  }

  /** Draws the article's threads again from its layers (at once; edits are batched through `schedule`). */
  refresh(session: ArticleSession): void {
    const doc = this.sessions.documentFor(session);
    // Until the corpus index has read the colleagues' layers, their discussed annotations would look deleted: the
    // threads are drawn once it is ready (refreshAll).
    if (!doc || this.isDisposed || !this.knowledge.isReady) return;
    const layers = this.layersOf(session);
    // Only the discussed annotations are placed here: a keystroke re-places no colleague's whole layer.
    const only = discussedKeys(layers);
    const threads = buildThreads(layers, layers.flatMap((l, i) => placeLayer(l, session.article, { ...(i === 0 ? { current: true } : {}), only })));
    const entry = this.articles.get(session.articlePath) ?? { doc, threads, shown: new Map<string, SiftCommentThread>() };
    entry.doc = doc;
    entry.threads = threads;
    this.articles.set(session.articlePath, entry);
    const pending = this.pending.get(session.articlePath);
    const keep = new Set([...threads.map((t) => t.key), ...(pending ?? [])]);
    for (const [key, vt] of entry.shown) if (!keep.has(key)) { vt.dispose(); entry.shown.delete(key); }
    for (const t of threads) {
      pending?.delete(t.key);
      const plain = this.plainThread(t, session.annotator);
      const editing = new Set([...this.editing].filter((k) => k.startsWith(`${t.key}#`)).map((k) => k.slice(t.key.length + 1)));
      const vt = entry.shown.get(t.key);
      if (vt) updateThread(vt, doc, plain, editing);
      else entry.shown.set(t.key, createThread(this.controller, doc, plain));
    }
  }

  private plainThread(t: Thread, me: string): PlainThread {
    const comments = t.comments.map((c): PlainComment => ({
      author: c.author, body: c.text ?? '', created: c.at, id: c.id, own: c.author === me,
      ...(c.resolved !== undefined ? { label: c.resolved ? 'resolved' : 'reopened' } : c.updated ? { label: 'edited' } : {}),
    }));
    return { id: t.key, ...this.spanOf(t), comments, resolved: t.resolved, canResolve: true, label: threadLabel(t) };
  }

  private spanOf(t: Thread): { start?: number; end?: number } {
    return t.target.start === undefined || t.target.end === undefined ? {} : { start: t.target.start, end: t.target.end };
  }

  /**
   * Opens an empty thread on an annotation with no discussion yet, for its first comment (written by the reply
   * command); an annotation that has a thread gets it shown instead. Returns the thread.
   */
  open(session: ArticleSession, target: PlacedAnnotation): SiftCommentThread | undefined {
    const doc = this.sessions.documentFor(session);
    if (!doc) return undefined;
    const on = { annotator: target.annotator, id: target.annotation.id };
    const key = threadKey(on);
    const entry = this.articles.get(session.articlePath) ?? { doc, threads: [], shown: new Map<string, SiftCommentThread>() };
    this.articles.set(session.articlePath, entry);
    const shown = entry.shown.get(key);
    if (shown) {
      shown.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
      return shown;
    }
    const pending = this.pending.get(session.articlePath) ?? new Set<string>();
    pending.add(key);
    this.pending.set(session.articlePath, pending);
    const vt = createThread(this.controller, doc, {
      id: key, start: target.start, end: target.end, comments: [], resolved: false, canResolve: false,
      label: describeAnnotation(target.annotator, target.annotation),
    });
    entry.shown.set(key, vt);
    return vt;
  }

  /** Marks a comment as being edited (or not), so a redraw keeps its edit box. */
  setEditing(comment: SiftComment, editing: boolean): void {
    const key = `${comment.parent.siftThreadId}#${comment.siftCommentId ?? ''}`;
    if (editing) this.editing.add(key);
    else this.editing.delete(key);
    setCommentMode(comment, editing);
  }

  /** The annotations of every layer under a span of an open article (a new thread's range, or the cursor). */
  targetsIn(session: ArticleSession, start: number, end: number): PlacedAnnotation[] {
    return annotationsIn(this.placed(session), start, end);
  }

  private commentingRanges(doc: vscode.TextDocument): vscode.Range[] {
    this.live.asked();
    const session = this.sessions.get(doc);
    if (!session) {
      // Only articles are kept: VS Code also asks for other files, such as the comment box's own input document.
      if (this.sessions.isArticle(doc)) this.answered.set(doc.uri.fsPath, -1);
      return [];
    }
    this.answered.set(doc.uri.fsPath, this.annotationCount(session));
    return this.placed(session).filter((p) => !p.orphaned).map((p) => spanToRange(doc, p.start, p.end));
  }

  private drop(articlePath: string): void {
    this.answered.delete(articlePath);
    const entry = this.articles.get(articlePath);
    if (!entry) return;
    for (const vt of entry.shown.values()) vt.dispose();
    this.articles.delete(articlePath);
    this.pending.delete(articlePath);
    this.emitter.fire();
  }
}

/** "PERSON · Moscow · bob", and what became of the annotation when it is not on its text any more. */
export function threadLabel(t: Thread): string {
  const { target, on } = t;
  if (target.state === 'deleted') return `${on.annotator}'s annotation ${on.id} (deleted)`;
  const orphaned = target.state === 'orphaned' ? ' (orphaned: its text is gone)' : '';
  const status = t.resolved && t.statusBy ? ` — resolved by ${t.statusBy}` : '';
  return `${describeSpan(target.label ?? '?', target.quote ?? '', on.annotator)}${orphaned}${status}`;
}
