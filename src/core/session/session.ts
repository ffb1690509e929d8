// An article open for annotation by one annotator: its text, its sidecar, and the operations that change them.
import * as path from 'path';
import { TextEdit, onCodePointBoundary } from '../anchor/anchor';
import { moveAnnotation, needsReanchor, placeSubSpans } from '../anchor/live';
import { Placed, hasMisplaced, needsPlacing, place } from '../anchor/place';
import { ArticleText, readArticle, DEFAULT_MAX_ARTICLE_BYTES } from '../text/article';
import { Annotation, ClaimAnnotation, DiscussionComment, Dismissal, EntityAnnotation, FORMAT_VERSION, Layer, LayerStatus, ReadonlyLayer, SidecarHeader, Target, allAnnotations, isClaim, kindOf } from '../model';
import { GoldDecision } from '../review/adjudicate';
import { SidecarFile } from '../store/sidecarFile';
import { CommentRef, addComment, deleteComment, editComment, setResolved } from '../review/discussion';
import { SidecarCodec, nextTurn } from '../store/sidecarCodec';
import type { SidecarPort } from '../store/sidecarPort';
import { sidecarPathInRoot } from '../corpus/workspaceRoot';
import { IdSource, idsFor } from './ids';
import * as review from './sessionReview';

export interface ReanchorReport {
  same: number;
  exact: number;
  fuzzy: number;
  orphaned: string[];
}

export interface SessionOptions {
  maxArticleBytes?: number;
  now?: () => string;
  newId?: (kind: 'entity' | 'claim') => string;
  /** Seeds the ids of new annotations and dismissals (ids.ts): the same seed gives the same ids. Default: random. */
  idSeed?: string;
  /**
   * Another annotator's layer, shown but never changed: every method that changes the layer throws, and the sidecar
   * is never written (it still re-anchors in memory as the article is edited, and reloads from disk).
   */
  readOnly?: boolean;
  /** Who is reading a read-only layer (the current annotator), for the error message. */
  viewer?: string;
  /** Parses and serialises a big sidecar off the calling thread (see SidecarFile's codec); used by `load`. */
  codec?: SidecarCodec;
  /** The sidecar, already opened for this article and annotator (by `load`). */
  sidecar?: SidecarFile;
  /** The sidecar's path, already checked by sidecarPathInRoot (a bulk merge finds each folder's root once). */
  sidecarPath?: string;
  /** In the browser: the file port `load` opens the sidecar through (see SidecarFile's `port`). */
  port?: SidecarPort;
  /** The text already indexed (and maybe hashed), taken when it is `text` itself: a bulk merge hashes an article once. */
  article?: ArticleText;
}

/** Thrown by a change to a read-only layer. */
export class ReadOnlyLayerError extends Error {
  constructor(readonly annotator: string, readonly viewer: string | undefined) {
    super(`${annotator}'s layer is read-only${viewer ? `: you are ${viewer}` : ''}`);
    this.name = 'ReadOnlyLayerError';
  }
}

const isoNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

export type NewEntity = Pick<EntityAnnotation, 'start' | 'end' | 'label'> & Partial<Pick<EntityAnnotation, 'value' | 'canonical' | 'note'>>;
/** Sub-span quotes are taken from the article: only start and end are read. */
export type NewClaim = Pick<ClaimAnnotation, 'start' | 'end' | 'source' | 'confidence'> & Partial<Pick<ClaimAnnotation, 'cue' | 'factuality' | 'note' | 'links'>>;

export class ArticleSession {
  article: ArticleText;
  readonly sidecar: SidecarFile;
  private readonly now: () => string;
  private readonly newId: (kind: 'entity' | 'claim') => string;
  private readonly ids: IdSource;
  /** What re-anchoring did when the sidecar's hash did not match the article. */
  lastReanchor: ReanchorReport | undefined;
  /** Set for another annotator's layer: shown, re-anchored in memory, never changed or saved. */
  readonly readOnly: boolean;
  private readonly viewer: string | undefined;

  constructor(readonly articlePath: string, readonly annotator: string, text: string, options: SessionOptions = {}) {
    this.now = options.now ?? isoNow;
    this.ids = idsFor(`${path.basename(articlePath)}/${annotator}`, options.idSeed);
    this.newId = options.newId ?? this.ids;
    this.readOnly = options.readOnly ?? false;
    this.viewer = options.viewer;
    this.article = options.article?.text === text ? options.article : new ArticleText(text);
    this.sidecar = options.sidecar ?? SidecarFile.open(options.sidecarPath ?? sidecarPathInRoot(articlePath, annotator), ArticleSession.headerFor(articlePath, annotator, this.article), { readOnly: this.readOnly, codec: options.codec });
    // The header's hash is computed when the sidecar is written, not on every keystroke.
    this.sidecar.beforeSave = () => this.writeHeader();
    // Re-anchor when the text changed since the sidecar was written, or when a hand edit left a span off its quote.
    if (!this.sidecar.error && needsPlacing(this.sidecar.layer, this.article)) {
      this.lastReanchor = this.reanchorAll();
    }
  }

  /** Opens an article from disk; throws ArticleError for binary, non-UTF-8, too large or missing articles. */
  static open(articlePath: string, annotator: string, options: SessionOptions = {}): ArticleSession {
    return new ArticleSession(articlePath, annotator, readArticle(articlePath, options.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES), options);
  }

  /**
   * Opens a session on `text` whose sidecar is read with `options.codec`: a big one is parsed off the calling thread,
   * so the session exists once it is loaded. Throws what the constructor throws.
   */
  static async load(articlePath: string, annotator: string, text: string, options: SessionOptions = {}): Promise<ArticleSession> {
    const header = ArticleSession.headerFor(articlePath, annotator, new ArticleText(text));
    const opts = { readOnly: options.readOnly, codec: options.codec };
    const sidecar = await SidecarFile.openAsync(sidecarPathInRoot(articlePath, annotator), header, options.port ? { ...opts, port: options.port } : opts);
    await nextTurn();
    return new ArticleSession(articlePath, annotator, text, { ...options, sidecar });
  }

  get layer(): Layer {
    return this.sidecar.layer;
  }

  /** The layer for views: typed read-only, so a view cannot change the truth behind the write path's back. */
  get view(): ReadonlyLayer {
    return this.sidecar.layer;
  }

  /** Throws ReadOnlyLayerError on a read-only layer; every method that changes the layer calls it first. */
  assertWritable(): void {
    if (this.readOnly) throw new ReadOnlyLayerError(this.annotator, this.viewer);
  }

  private static headerFor(articlePath: string, annotator: string, article: ArticleText): SidecarHeader {
    return { sift: FORMAT_VERSION, article: path.basename(articlePath), annotator, sha256: article.sha256, length: article.length };
  }

  /** Marks the header for an update; the hash is computed only when the sidecar is written. */
  private stampHeader(): void {
    this.sidecar.touch();
  }

  private writeHeader(): void {
    const h = this.layer.header;
    h.sift = FORMAT_VERSION;
    h.article = path.basename(this.articlePath);
    h.annotator = this.annotator;
    h.sha256 = this.article.sha256;
    h.length = this.article.length;
  }

  all(): Annotation[] {
    return allAnnotations(this.layer);
  }

  find(id: string): Annotation | undefined {
    return this.layer.entities.find((a) => a.id === id) ?? this.layer.claims.find((a) => a.id === id);
  }

  /** Re-places every annotation in the current text (after the article changed on disk); orphans are looked for again. */
  reanchorAll({ retryOrphans = true }: { retryOrphans?: boolean } = {}): ReanchorReport {
    const report: ReanchorReport = { same: 0, exact: 0, fuzzy: 0, orphaned: [] };
    const put = <T extends Annotation>(a: T): T => this.record(a, place(a, this.article, { retryOrphans }), report);
    this.layer.entities = this.layer.entities.map(put);
    this.layer.claims = this.layer.claims.map(put);
    this.stampHeader();
    return report;
  }

  private record<T extends Annotation>(a: T, placed: Placed, report: ReanchorReport): T {
    if (placed.outcome === 'orphaned') {
      report.orphaned.push(a.id);
      return { ...a, orphaned: true };
    }
    report[placed.outcome === 'kept' ? 'same' : placed.outcome]++;
    const next: T = { ...a, ...placed.anchor };
    delete next.orphaned;
    if (kindOf(a) === 'claim') {
      const c = next as unknown as ClaimAnnotation;
      if (placed.cue) c.cue = placed.cue.span;
      if (placed.source) c.source = { ...c.source, span: placed.source.span };
    }
    return next;
  }

  /** After the sidecar was reloaded from disk: re-anchor if it was written against another version of the text. */
  syncToText(): ReanchorReport | undefined {
    if (this.sidecar.error || this.layer.header.sha256 === this.article.sha256) return undefined;
    this.lastReanchor = this.reanchorAll();
    return this.lastReanchor;
  }

  /**
   * Puts back orphans whose quote and whole context stand in the text again (an undo after a deletion). Unlike
   * re-anchoring, it never guesses: the prefix, quote and suffix must all match exactly, at exactly one place.
   */
  restoreOrphans(): string[] {
    const restored: string[] = [];
    const put = <T extends Annotation>(a: T): T => {
      if (!a.orphaned) return a;
      const { text, index } = this.article;
      const needle = a.prefix + a.quote + a.suffix;
      const at = text.indexOf(needle);
      const q = at + a.prefix.length;
      if (at === -1 || text.indexOf(needle, at + 1) !== -1 || !a.quote || !onCodePointBoundary(text, q) || !onCodePointBoundary(text, q + a.quote.length)) return a;
      restored.push(a.id);
      const next = { ...a, ...this.article.anchor(index.toCp(q), index.toCp(q + a.quote.length)) };
      delete next.orphaned;
      // Its cue and source mention go with it.
      return kindOf(next) === 'claim' ? placeSubSpans(next as ClaimAnnotation, a.start, this.article) as unknown as T : next;
    };
    this.layer.entities = this.layer.entities.map(put);
    this.layer.claims = this.layer.claims.map(put);
    return restored;
  }

  /** The article changed on disk: take the new text and re-anchor. */
  replaceText(text: string): ReanchorReport {
    this.article = new ArticleText(text);
    this.lastReanchor = this.reanchorAll();
    return this.lastReanchor;
  }

  /**
   * The article was edited in the editor: move every span through the edits (code points of the text before each edit,
   * applied in order), like the editor's markers; their quotes and context are read from the new text. Spans whose
   * whole text went are orphaned. An edit over the whole text (an end-of-line change, a whole-document replace), or
   * edits that do not fit the text, are re-anchored by quote and context instead, as a change on disk is. The layer
   * changes only once everything is computed. Returns the ids orphaned by these edits.
   */
  applyEdits(text: string, edits: TextEdit[]): string[] {
    const before = this.article;
    const after = new ArticleText(text);
    const wasOrphan = new Set(this.all().filter((a) => a.orphaned).map((a) => a.id));
    const moved = needsReanchor(edits, before.length, after.length) ? undefined : this.moveAll(edits, before, after);
    this.article = after;
    if (moved) {
      this.layer.entities = moved.entities;
      this.layer.claims = moved.claims;
      this.stampHeader();
    } else {
      this.reanchorAll({ retryOrphans: false });
    }
    return this.all().filter((a) => a.orphaned && !wasOrphan.has(a.id)).map((a) => a.id);
  }

  /** Every annotation moved through live edits; undefined when one of them did not stand on its quote (re-anchor). */
  private moveAll(edits: TextEdit[], before: ArticleText, after: ArticleText): Pick<Layer, 'entities' | 'claims'> | undefined {
    const entities = this.layer.entities.map((a) => moveAnnotation(a, edits, before, after));
    const claims = this.layer.claims.map((a) => moveAnnotation(a, edits, before, after));
    const placed = <T>(list: (T | undefined)[]): list is T[] => list.every((a) => a !== undefined);
    return placed(entities) && placed(claims) ? { entities, claims } : undefined;
  }

  addEntity(e: NewEntity): EntityAnnotation {
    this.assertWritable();
    const t = this.now();
    const a: EntityAnnotation = { id: this.uniqueId('entity'), label: e.label, ...this.article.anchor(e.start, e.end), created: t, updated: t };
    if (e.value !== undefined) a.value = e.value;
    if (e.canonical !== undefined) a.canonical = e.canonical;
    if (e.note !== undefined) a.note = e.note;
    this.layer.entities.push(a);
    this.stampHeader();
    return a;
  }

  addClaim(c: NewClaim): ClaimAnnotation {
    this.assertWritable();
    const t = this.now();
    const source = c.source.span ? { ...c.source, span: this.article.subSpan(c.source.span.start, c.source.span.end) } : { ...c.source };
    const a: ClaimAnnotation = { id: this.uniqueId('claim'), ...this.article.anchor(c.start, c.end), source, confidence: c.confidence, created: t, updated: t };
    if (c.cue) a.cue = this.article.subSpan(c.cue.start, c.cue.end);
    for (const k of ['factuality', 'note', 'links'] as const) if (c[k] !== undefined) (a as unknown as Record<string, unknown>)[k] = c[k];
    this.layer.claims.push(a);
    this.stampHeader();
    return a;
  }

  /** Changes fields of an annotation; a new start/end re-spans it (and clears an orphan flag). */
  update(id: string, patch: Partial<EntityAnnotation> | Partial<ClaimAnnotation>): Annotation {
    this.assertWritable();
    const a = this.find(id);
    if (!a) throw new Error(`no annotation ${id} in ${this.sidecar.path}`);
    const next = { ...a, ...patch, id: a.id, updated: this.now() } as Annotation;
    if (patch.start !== undefined || patch.end !== undefined) {
      Object.assign(next, this.article.anchor(next.start, next.end));
      delete next.orphaned;
    }
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete (next as unknown as Record<string, unknown>)[k];
    this.replace(next);
    return next;
  }

  remove(id: string): Annotation | undefined {
    this.assertWritable();
    const a = this.find(id);
    if (!a) return undefined;
    this.layer.entities = this.layer.entities.filter((x) => x.id !== id);
    this.layer.claims = this.layer.claims.filter((x) => x.id !== id);
    return a;
  }

  /** Turns down a suggestion: this string with this label is not suggested again in this article. */
  reject(quote: string, label: string): void {
    this.assertWritable();
    const list = this.layer.rejected ?? [];
    if (!list.some((r) => r.quote === quote && r.label === label)) this.layer.rejected = [...list, { quote, label }];
  }

  isRejected(quote: string, label: string): boolean {
    return (this.layer.rejected ?? []).some((r) => r.quote === quote && r.label === label);
  }

  /** Records the publication date, the reference for relative dates. */
  setPublished(date: string | undefined): void {
    this.assertWritable();
    if (date) this.layer.header.published = date;
    else delete this.layer.header.published;
  }

  /** Puts back the whole layer as it was (undo); the text stays as it is, so anchors are checked again. */
  restoreLayer(layer: Layer): void {
    this.assertWritable();
    const current = this.sidecar.layer;
    this.sidecar.layer = { ...structuredClone(layer), header: { ...layer.header, sha256: current.header.sha256, length: current.header.length } };
    if (hasMisplaced(this.layer, this.article)) this.reanchorAll();
    this.stampHeader();
  }

  /** Puts back an annotation as it was (undo). */
  restore(a: Annotation): void {
    this.assertWritable();
    this.remove(a.id);
    if (isClaim(a)) this.layer.claims.push(a);
    else this.layer.entities.push(a);
  }

  private replace(a: Annotation): void {
    if (isClaim(a)) this.layer.claims = this.layer.claims.map((x) => (x.id === a.id ? a : x));
    else this.layer.entities = this.layer.entities.map((x) => (x.id === a.id ? a : x));
  }

  private uniqueId(kind: 'entity' | 'claim'): string {
    for (;;) {
      const id = this.newId(kind);
      if (!this.find(id)) return id;
    }
  }

  // Review decisions (gold layer) and layer status: sessionReview.ts. Discussion: review/discussion.ts, the session's
  // annotator's own comments, in their own layer only.

  /** Applies a review decision (review/adjudicate.ts): adds the gold annotation, with its provenance, or the dismissal. */
  applyDecision(decision: GoldDecision): Annotation | Dismissal {
    return review.applyDecision(this, decision);
  }

  /** Records that a unit is not an annotation (gold); returns the dismissal with its new id. */
  addDismissal(d: Omit<Dismissal, 'id'> & { id?: string }): Dismissal {
    this.assertWritable();
    return review.addDismissal(this.layer, d, () => this.ids('dismissal'));
  }

  /** Takes a dismissal back (the unit is open again); returns it, or undefined when there was none with that id. */
  removeDismissal(id: string): Dismissal | undefined {
    this.assertWritable();
    return review.removeDismissal(this.layer, id);
  }

  /** Marks this layer's status (an annotator: annotating or finished; gold: in-review or adjudicated); undefined clears it. */
  setStatus(status: LayerStatus | undefined): void {
    this.stamped(() => review.setStatus(this.layer, status));
  }

  /** Comments on `on` (an annotation of any layer of this article); `after` is the thread's latest entry, if any. */
  addComment(on: Target, text: string, after?: string): DiscussionComment {
    return this.stamped(() => addComment(this.layer, on, text, this.now(), after));
  }

  /** Changes the text of one of the annotator's own comments; refuses anyone else's. */
  editComment(ref: CommentRef, text: string): DiscussionComment {
    return this.stamped(() => editComment(this.layer, this.annotator, ref, text, this.now()));
  }

  /** Deletes one of the annotator's own comments; refuses anyone else's. */
  deleteComment(ref: CommentRef): DiscussionComment {
    return this.stamped(() => deleteComment(this.layer, this.annotator, ref));
  }

  /** Resolves or reopens the thread on `on`, after its latest entry `after` (the latest status change wins). */
  setThreadResolved(on: Target, resolved: boolean, after?: string): DiscussionComment {
    return this.stamped(() => setResolved(this.layer, on, resolved, this.now(), after));
  }

  /** A change to a writable layer that marks the header: checks, changes, stamps; returns what the change gives. */
  private stamped<T>(change: () => T): T {
    this.assertWritable();
    const result = change();
    this.stampHeader();
    return result;
  }
}
