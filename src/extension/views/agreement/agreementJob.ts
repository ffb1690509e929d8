// The agreement report's work, article by article and then the pooling, in one place: the worker thread
// (agreementWorker.ts, bundled to dist/agreementWorker.js) runs it off the extension host, and the host runs the same
// code in slices when the worker cannot start. No `vscode`. Everything it takes and gives is plain data, so that it
// crosses to and from the worker by structured clone.
import * as path from 'path';
import { AgreementBuilder } from '../../../core/review/agreement/report';
import { AgreementReport, Figure } from '../../../core/review/agreement/shape';
import { disagreementsOf } from '../../../core/review/agreement/targets';
import { AlphaU } from '../../../core/review/agreement/unitizing';
import { placedOn } from '../../../core/review/corpusReview';
import { Exclusion, assignedLayers, withAssignmentCounts } from '../../../core/review/assigned';
import { DETECTOR, LayerInput } from '../../../core/review/units';
import { ArticleText, decodeArticle } from '../../../core/text/article';

/** What the report compares. */
export interface JobSpec {
  annotators: string[];
  labels?: string[];
}

/**
 * One article as the host hands it over: its annotators' layers as the corpus index holds them (not placed yet). Every
 * article comes, so that the labels to filter by are those of the whole workspace; only those in `scope` (the folders
 * filter) are compared.
 */
export interface JobArticle {
  name: string;
  path: string;
  layers: LayerInput[];
  scope: boolean;
  /** Why the article cannot be compared (a sidecar of it cannot be read), when it cannot. */
  broken?: string;
  /** Its annotators in sift.assignments.yaml, when a file assigns it: compared among them only (core's assigned.ts). */
  assigned?: string[];
  /** A piece of a big article, more of which follows (see `piecesOf`). */
  more?: true;
}

/** The article's layers under its assignment (all of them when it has none; undefined while it waits). */
const layersOf = (a: JobArticle) => assignedLayers(a.name, a.layers, a.assigned);

/** Whether the job reads and compares the article (only then are its bytes needed). */
export const compared = (a: JobArticle, annotators: readonly string[]): boolean => a.scope && (!!a.broken || (layersOf(a).layers ?? []).some((l) => annotators.includes(l.annotator)));

/**
 * An article as posted: each layer with only what the job reads (its header, entities and claims), so that its clone
 * carries no more. Made as it is posted and dropped after, never kept for the run (a short-lived object costs the
 * garbage collector little; one kept for the whole run is copied by every scavenge until it is promoted).
 */
export const slim = (a: JobArticle): JobArticle => ({ ...a, layers: a.layers.map((l) => ({ annotator: l.annotator, layer: { header: l.layer.header, entities: l.layer.entities, claims: l.layer.claims } })) });

/**
 * Annotations posted to the worker at most this many at a time (a big article in pieces): a batch is cloned on the host
 * as it is posted, in one piece (some 3 ms for ten articles of three layers of a dozen annotations).
 */
export const BATCH_ANNOTATIONS = 400;

/** What an article costs to post: its annotations, plus one for the rest of it. */
export const weightOf = (a: JobArticle): number => a.layers.reduce((n, l) => n + l.layer.entities.length + l.layer.claims.length, 1);

/**
 * An article in pieces of at most `max` annotations (one piece when it is that small), so that no one message takes
 * long to clone: every piece has all the article's layers in their order, each with a run of its entities and claims;
 * all but the last piece are marked `more`. `Pieces` puts them back together.
 */
export function piecesOf(a: JobArticle, max: number): JobArticle[] {
  if (weightOf(a) <= max) return [a];
  const out: JobArticle[] = [];
  const room = Math.max(1, max - 1);
  let piece: JobArticle | undefined;
  let used = 0;
  const take = (k: number, kind: 'entities' | 'claims', from: number, to: number) => {
    piece ??= { ...a, layers: a.layers.map((l) => ({ annotator: l.annotator, layer: { header: l.layer.header, entities: [], claims: [] } })), more: true };
    if (kind === 'entities') piece.layers[k].layer.entities.push(...a.layers[k].layer.entities.slice(from, to));
    else piece.layers[k].layer.claims.push(...a.layers[k].layer.claims.slice(from, to));
    used += to - from;
    if (used >= room) { out.push(piece); piece = undefined; used = 0; }
  };
  a.layers.forEach((l, k) => {
    for (const kind of ['entities', 'claims'] as const) {
      const list = l.layer[kind];
      for (let i = 0; i < list.length;) { const n = Math.min(list.length - i, room - used); take(k, kind, i, i + n); i += n; }
    }
  });
  if (piece) out.push(piece);
  const last = out[out.length - 1];
  delete last.more;
  return out;
}

/** Puts posted pieces back together: each piece is added in the order posted; the last one gives the whole article. */
export class Pieces {
  private held: JobArticle | undefined;

  join(p: JobArticle): JobArticle | undefined {
    const held = this.held;
    let whole = p;
    if (held) {
      if (held.path !== p.path || held.layers.length !== p.layers.length) throw new Error(`${p.name}: a piece of another article came before ${held.name} was complete`);
      held.layers.forEach((l, k) => { l.layer.entities.push(...p.layers[k].layer.entities); l.layer.claims.push(...p.layers[k].layer.claims); });
      whole = held;
    }
    if (p.more) { this.held = whole; return undefined; }
    this.held = undefined;
    const { more: _more, ...done } = whole;
    return done;
  }
}

/** The disagreements of one article as arrays (sets do not matter to structured clone, but arrays are cheaper). */
export interface PlainDisagreements {
  name: string;
  pairs: string[];
  labels: string[];
  confusions: string[];
}

export interface JobResult {
  report: AgreementReport;
  pairAlphas: Figure[];
  /** Only the articles with some disagreement. */
  targets: PlainDisagreements[];
  skipped: string[];
  /** Every entity label of the annotators' layers (the detector's aside), sorted: what the labels filter offers. */
  labels: string[];
}

/** The article's text with its layers placed on it, or why it cannot be read. */
function inputOf(a: JobArticle, bytes: Uint8Array): { text: ArticleText; layers: LayerInput[] } | string {
  try {
    const text = new ArticleText(decodeArticle(bytes, a.path));
    return { text, layers: placedOn(text, a.path, a.layers) };
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

export class AgreementJob {
  private readonly builder: AgreementBuilder;
  private readonly targets: PlainDisagreements[] = [];
  private readonly skipped: string[] = [];
  private readonly labels = new Set<string>();
  /** Assigned annotators not annotated yet, and layers not assigned to their article (as `sift agree` counts them). */
  private readonly excluded: Exclusion[] = [];
  private notAssigned = 0;

  constructor(private readonly spec: JobSpec) {
    this.builder = new AgreementBuilder(spec.annotators, { labels: spec.labels });
  }

  /** The annotators compared (sorted, gold left out). */
  get annotators(): readonly string[] { return this.builder.annotators; }

  /** Adds an article, given its bytes (when `compared`) or why they could not be read. */
  add(a: JobArticle, bytes: Uint8Array | string): void {
    for (const l of a.layers) if (l.annotator !== DETECTOR) for (const e of l.layer.entities) this.labels.add(e.label);
    const assigned = a.scope && !a.broken ? layersOf(a) : undefined;
    if (assigned) { this.excluded.push(...assigned.excluded); this.notAssigned += assigned.notAssigned; }
    if (!compared(a, this.builder.annotators)) return;
    const layers = (assigned?.layers ?? a.layers).filter((l) => this.builder.annotators.includes(l.annotator));
    const input = a.broken ?? (typeof bytes === 'string' ? bytes : inputOf({ ...a, layers }, bytes));
    if (typeof input === 'string') {
      this.skipped.push(`${a.name}: ${input}`);
      return;
    }
    this.builder.add({ article: a.name, text: input.text, layers: input.layers });
    const d = disagreementsOf(input.layers, this.builder.annotators, this.spec.labels);
    if (d.pairs.size + d.labels.size + d.confusions.size) this.targets.push({ name: a.name, pairs: [...d.pairs], labels: [...d.labels], confusions: [...d.confusions] });
  }

  /** The pooled report; `alphaU` when it was computed elsewhere. */
  finish(alphaU?: AlphaU): JobResult {
    return { report: withAssignmentCounts(this.builder.finish(alphaU), this.excluded, this.notAssigned), pairAlphas: this.builder.pairAlphas(), targets: this.targets, skipped: this.skipped, labels: [...this.labels].sort() };
  }
}

/** Why an article with unreadable sidecars is left out. */
export const brokenWhy = (sidecars: readonly string[]) => `a sidecar cannot be read (${sidecars.map((s) => path.basename(s)).join(', ')})`;
