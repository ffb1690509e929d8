// The shapes review works on: the layers of one article aligned into units (core, no `vscode`). A unit is the set of
// annotations, from different layers, that refer to the same mention; alignment itself is in `align.ts`. Agreement
// (the next issue) reads the same units. Offsets are code points, end-exclusive, like every core span.
import { Annotation, AnnotationKind, ClaimSource, Dismissal, Factuality, Layer, SubSpan, Target } from '../model';

/** The annotator id of the gold (adjudicated) layer. */
export const GOLD = 'gold';
/** The pseudo-annotator whose layer is the detector's suggestions, so people can be compared with the model. */
export const DETECTOR = 'sift-detector';

/**
 * Where a unit stands:
 * - `agreed`: every compared layer has the same annotation;
 * - `label`: same span, labels differ;
 * - `boundary`: spans overlap but differ;
 * - `missing`: some compared layers have nothing here;
 * - `feature`: claims on the same span whose source, cue, factuality or confidence differ;
 * - `adjudicated`: gold has decided it (an annotation in gold, or a dismissal).
 */
export type UnitState = 'agreed' | 'label' | 'boundary' | 'missing' | 'feature' | 'adjudicated';
export const UNIT_STATES: readonly UnitState[] = ['agreed', 'label', 'boundary', 'missing', 'feature', 'adjudicated'];
/** What the compared layers say, before gold: every state but `adjudicated`. */
export type Disagreement = Exclude<UnitState, 'adjudicated'>;

/** One layer to align: its annotator (a person, `gold`, or `sift-detector`) and its content. */
export interface LayerInput {
  annotator: string;
  layer: Layer;
}

/** A claim's features, compared separately from its span. A note or a comment is never part of them. */
export interface ClaimFeatures {
  source: ClaimSource;
  cue?: SubSpan;
  factuality?: Factuality;
  confidence: number;
}

/**
 * One distinct version of a unit: the annotations of the layers that agree exactly (span and label, or span and claim
 * features). `annotators` lists who gave it, `ids` which annotation each of them has.
 */
export interface Version {
  /** Identity of the version: kind, span, label or claim features. Equal keys mean the same annotation. */
  key: string;
  kind: AnnotationKind;
  start: number;
  end: number;
  quote: string;
  /** Entities: the label. */
  label?: string;
  /** Claims: the features. */
  claim?: ClaimFeatures;
  annotators: string[];
  ids: Target[];
}

export interface Unit {
  /** Stable for the same members: derived from the members' (annotator, id), never from file or layer order. */
  id: string;
  kind: AnnotationKind;
  /** The union of the members' spans. */
  start: number;
  end: number;
  /** Every compared layer's annotations in this unit (gold's are in `gold`). */
  members: { annotator: string; annotation: Annotation }[];
  /** Gold's annotations in this unit. */
  gold: Annotation[];
  /** Gold's "not an annotation" decision on this unit, if any. */
  dismissal?: Dismissal;
  /** The state shown: `adjudicated` when gold decided, else `disagreement`. */
  state: UnitState;
  /** What the compared layers say, ignoring gold. */
  disagreement: Disagreement;
  /** The distinct versions of the compared layers, most common first (ties: earlier start, then key). */
  versions: Version[];
  /** Compared annotators with nothing in this unit. */
  missing: string[];
}

/** The units of one article, and the layers they were aligned from. */
export interface Alignment {
  /** The compared annotators (not gold), sorted. */
  annotators: string[];
  units: Unit[];
}

/** A unit still to decide: not adjudicated and not agreed. */
export function isOpen(u: Unit): boolean {
  return u.state !== 'adjudicated' && u.state !== 'agreed';
}
