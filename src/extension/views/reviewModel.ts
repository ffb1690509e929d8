// Review mode's state: which articles are under review, which layers each compares, and their units. The units are
// never the truth: they are aligned again (after a short debounce) from the layers whenever a layer changes, in an
// open session or on disk (the corpus index's change event), so a colleague's new sidecar shows at once and gold's
// decisions, which live in the gold layer, are never lost. Views (decorations, hover, status bar, review view) read
// from here and redraw on `onDidChange`. Under sift.assignments.yaml an article is compared among its assigned
// annotators by default, and those without a layer yet are "not annotated yet" (never `missing`), as in `sift review`:
// the comparison is core's (review/assigned.ts), the files are read by state/assignments.ts.
import * as path from 'path';
import * as vscode from 'vscode';
import { Layer, allAnnotations } from '../../core/model';
import { detectorLayer } from '../../core/review/align';
import { alignInPieces } from '../../core/review/alignPieces';
import { Alignment, DETECTOR, GOLD, LayerInput, Unit, isOpen } from '../../core/review/units';
import { Compared } from '../../core/review/assigned';
import { Suggestion } from '../../core/detect/detector';
import { Debouncer, Disposable } from '../platform/lifecycle';
import { onDidChangeSetting, setting } from '../platform/config';
import { WorkspaceKnowledge } from '../state/knowledge';
import { Sessions } from '../state/sessions';

/** `review`: compare the chosen layers and adjudicate; `compare`: one annotator's work against gold (feedback). */
export type ReviewMode = 'review' | 'compare';

export interface Review {
  article: string;
  mode: ReviewMode;
  /** The compared annotators (not gold), as chosen. */
  annotators: string[];
  alignment: Alignment;
  /** Open units first, then the rest, each group in text order. */
  ordered: Unit[];
  /** Assigned annotators with no layer of the article yet (review mode; empty when no file assigns it), sorted. */
  notYet: string[];
}

/** What the detector suggests for an article (and the text it read), for the `sift-detector` pseudo-annotator. */
export type DetectorSource = (article: string) => Promise<{ text: string; suggestions: Suggestion[] } | undefined>;

const RECOMPUTE_MS = 150;

/** Units in text order, open ones first. */
export function orderUnits(units: readonly Unit[]): Unit[] {
  const byStart = [...units].sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1));
  return [...byStart.filter(isOpen), ...byStart.filter((u) => !isOpen(u))];
}

export class ReviewState extends Disposable {
  private readonly reviews = new Map<string, Review>();
  /** Articles reviewed on their default layers (not a choice): these follow the assignments file as it changes. */
  private readonly byDefault = new Set<string>();
  private readonly detector = new Map<string, Layer>();
  private readonly emitter = this._register(new vscode.EventEmitter<string | undefined>());
  /** Fires with the article whose units changed (undefined: several, or review turned off). */
  readonly onDidChange = this.emitter.event;
  private readonly soon = this._register(new Debouncer(RECOMPUTE_MS, () => void this.recomputeAll()));
  /** Per article: the latest alignment started, so an older one finishing late is dropped. */
  private readonly generation = new Map<string, number>();
  /** How many times the units were aligned (for tests). */
  alignments = 0;

  constructor(private readonly sessions: Sessions, private readonly knowledge: WorkspaceKnowledge, private readonly detect: DetectorSource) {
    super();
    this._register(knowledge.onDidChangeIndex(() => this.schedule()));
    this._register(sessions.onDidChange(() => this.schedule()));
    this._register(knowledge.assignments.onDidChange(() => this.schedule()));
    this._register(onDidChangeSetting('review.anonymise', () => this.emitter.fire(undefined)));
  }

  private schedule(): void {
    if (this.reviews.size) this.soon.schedule();
  }

  get(article: string): Review | undefined {
    return this.reviews.get(article);
  }

  all(): Review[] {
    return [...this.reviews.values()];
  }

  /** Every layer the workspace has for an article: the index's, with the open sessions' fresher ones over them. */
  layersOf(article: string): Map<string, Layer> {
    const out = new Map<string, Layer>();
    for (const l of this.knowledge.index.layersOf(article)) out.set(l.annotator, l.layer);
    // An open session over a sidecar not written yet (nothing annotated) is no layer to compare.
    for (const s of this.sessions.allLayers()) if (s.articlePath === article && (out.has(s.annotator) || hasContent(s.layer))) out.set(s.annotator, s.layer);
    const d = this.detector.get(article);
    if (d) out.set(DETECTOR, d);
    return out;
  }

  /** The annotators with a layer of the article (not gold), sorted. */
  annotatorsOf(article: string): string[] {
    return [...this.layersOf(article).keys()].filter((a) => a !== GOLD && a !== DETECTOR).sort();
  }

  /**
   * Who the article's comparison takes under its assignment (`requested`: a choice of annotators), with the layers
   * the workspace has now; undefined when no assignments file assigns it.
   */
  comparedOf(article: string, requested?: readonly string[]): Compared | undefined {
    return this.knowledge.assignments.compared(article, this.annotatorsOf(article), requested);
  }

  /** The layers review compares by default: the assigned annotators with a layer, else every annotator with one. */
  defaultAnnotators(article: string): string[] {
    return this.comparedOf(article)?.annotators ?? this.annotatorsOf(article);
  }

  /** Turns review on (or changes its layers) for an article, and aligns at once. */
  async start(article: string, annotators: readonly string[], mode: ReviewMode = 'review', byDefault = false): Promise<Review> {
    if (byDefault && mode === 'review') this.byDefault.add(article);
    else this.byDefault.delete(article);
    await this.knowledge.settled();
    await this.knowledge.assignments.ready();
    if (annotators.includes(DETECTOR)) {
      const found = await this.detect(article);
      if (found) this.detector.set(article, detectorLayer(found.text, found.suggestions, { article: path.basename(article) }));
    } else this.detector.delete(article);
    await this.openLayers(article, annotators);
    const review = await this.align(article, [...annotators].sort(), mode);
    this.emitter.fire(article);
    return review;
  }

  /**
   * Opens the compared layers' sessions (colleagues' read-only, and gold) on the open article, so their offsets follow
   * the editor's unsaved edits as the current annotator's do; the index's copy is the text on disk. A layer loaded off
   * the host (a big sidecar; every layer in the browser) is waited for, so the first alignment already uses it.
   */
  private async openLayers(article: string, annotators: readonly string[]): Promise<void> {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === article);
    if (!doc) return;
    await Promise.all([...annotators, GOLD].filter((a) => a !== DETECTOR && this.knowledge.index.layer(article, a)).map((a) => this.sessions.whenLayer(doc, a)));
  }

  /** Turns review off for an article; its decorations, status and view entries go. */
  stop(article: string): boolean {
    this.detector.delete(article);
    this.byDefault.delete(article);
    const had = this.reviews.delete(article);
    this.generation.delete(article);
    if (had) this.emitter.fire(article);
    return had;
  }

  /**
   * Aligns every reviewed article again now (after the debounce, or after a decision). An assigned annotator who was
   * not annotated yet and now has a layer joins the comparison: review was waiting for them.
   */
  async recomputeAll(): Promise<void> {
    const all = [...this.reviews.values()];
    for (const r of all) {
      // Review on the default layers follows the assignments file as it is now (it may have changed since, or been
      // read only after, review started); a choice of layers is kept.
      const assigned = this.byDefault.has(r.article) ? this.comparedOf(r.article)?.annotators : undefined;
      const joined = r.notYet.filter((a) => this.layersOf(r.article).has(a));
      await this.align(r.article, assigned?.length ? [...assigned].sort() : joined.length ? [...r.annotators, ...joined].sort() : r.annotators, r.mode);
    }
    if (all.length) this.emitter.fire(undefined);
  }

  /** Aligns one article and keeps the result, unless review was turned off or a newer alignment started meanwhile. */
  private async align(article: string, annotators: string[], mode: ReviewMode): Promise<Review> {
    const generation = (this.generation.get(article) ?? 0) + 1;
    this.generation.set(article, generation);
    const inputs: LayerInput[] = [];
    for (const [annotator, layer] of this.layersOf(article)) if (annotator === GOLD || annotators.includes(annotator)) inputs.push({ annotator, layer: withoutOrphans(layer) });
    this.alignments++;
    const alignment = await alignInPieces(inputs, annotators);
    const notYet = mode === 'review' ? this.comparedOf(article)?.notYet ?? [] : [];
    const review = { article, mode, annotators, alignment, ordered: orderUnits(alignment.units), notYet };
    if (this.generation.get(article) === generation) this.reviews.set(article, review);
    return this.reviews.get(article) ?? review;
  }

  /** The unit at a code point (the innermost one when units nest). */
  unitAt(article: string, cp: number): Unit | undefined {
    const units = this.reviews.get(article)?.alignment.units ?? [];
    const hits = units.filter((u) => u.start <= cp && cp < u.end);
    return hits.sort((a, b) => a.end - a.start - (b.end - b.start))[0];
  }

  unit(article: string, id: string): Unit | undefined {
    return this.reviews.get(article)?.alignment.units.find((u) => u.id === id);
  }

  /** How an annotator is shown in review: their id, or "Annotator N" when `sift.review.anonymise` is on. */
  displayName(article: string, annotator: string): string {
    return nameFor(this.reviews.get(article)?.annotators ?? this.annotatorsOf(article), annotator, setting('review.anonymise'));
  }
}

/** An annotator's name in review UI: gold and the detector keep theirs; people become "Annotator N" when anonymised. */
export function nameFor(annotators: readonly string[], annotator: string, anonymise: boolean): string {
  if (!anonymise || annotator === GOLD || annotator === DETECTOR) return annotator;
  const people = annotators.filter((a) => a !== DETECTOR);
  const i = people.indexOf(annotator);
  return i < 0 ? 'another annotator' : `Annotator ${i + 1}`;
}

function hasContent(layer: Layer): boolean {
  return layer.entities.length > 0 || layer.claims.length > 0 || !!layer.dismissed?.length || !!layer.header.status;
}

/** Orphaned annotations have no place in the text: they are listed as orphans, not aligned. */
function withoutOrphans(layer: Layer): Layer {
  if (!allAnnotations(layer).some((a) => a.orphaned)) return layer;
  return { ...layer, entities: layer.entities.filter((e) => !e.orphaned), claims: layer.claims.filter((c) => !c.orphaned) };
}
