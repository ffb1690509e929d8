// The annotation model: plain data, shared by the store, the extension, the CLI and the exports.
// Offsets are Unicode code points, end-exclusive.

export const FORMAT_VERSION = 1;
export const RESERVED_ANNOTATORS = ['gold'] as const;
export const BUILTIN_LABELS = ['PERSON', 'ORG', 'PLACE', 'DATE'] as const;
export type BuiltinLabel = (typeof BUILTIN_LABELS)[number];

/** A span of the article, with its quote and a little context on each side (W3C TextQuoteSelector style). */
export interface Anchor {
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
}

/** Set on an annotation whose text could not be found again; it keeps its last anchor and is never dropped. */
export interface OrphanInfo {
  orphaned?: boolean;
}

/** ISO 8601 times; optional, so that hand-written annotations load. */
export interface Timestamps {
  created?: string;
  updated?: string;
}

/** An annotation in some layer of the same article: the layer's annotator (or `gold`) and the annotation's id. */
export interface Target {
  annotator: string;
  id: string;
}

/** Set on `gold` annotations: where a review decision came from and who made it. */
export interface Adjudication {
  /** The annotations (annotator and id) this gold annotation was adjudicated from. */
  from?: Target[];
  adjudicator?: string;
}

export interface EntityAnnotation extends Anchor, OrphanInfo, Timestamps, Adjudication {
  id: string;
  label: string;
  /** Normalised value, for dates: 2024-12-15, 2024-12, 2024. */
  value?: string;
  /** Canonical entity name: Hmeimim -> Khmeimim Air Base. */
  canonical?: string;
  note?: string;
}

/** A span without context, for the cue or the source's mention inside the article. */
export interface SubSpan {
  start: number;
  end: number;
  quote: string;
  /** Set when the sub-span could not be found again after the article changed. */
  orphaned?: boolean;
}

export interface ClaimSource {
  name: string;
  /** Where the source is named in the text, if it is. */
  span?: SubSpan;
}

export type Factuality = 'asserted' | 'reported' | 'hedged' | 'denied' | 'unknown';
export const FACTUALITY_VALUES: readonly Factuality[] = ['asserted', 'reported', 'hedged', 'denied', 'unknown'];

export type LinkRelation = 'same' | 'supports' | 'contradicts';
export const LINK_RELATIONS: readonly LinkRelation[] = ['same', 'supports', 'contradicts'];

export interface ClaimLink {
  relation: LinkRelation;
  /** The linked claim's article file name, relative to this sidecar's folder. */
  article: string;
  claim: string;
  /** The linked claim's quote when linked, to find it again if its id was renamed by hand. */
  quote?: string;
}

export interface ReviewComment {
  author: string;
  at: string;
  text: string;
}

export interface ClaimAnnotation extends Anchor, OrphanInfo, Timestamps, Adjudication {
  id: string;
  source: ClaimSource;
  /** The annotator's confidence, 0..1. */
  confidence: number;
  cue?: SubSpan;
  /** The source's own commitment (FactBank), separate from the annotator's confidence. */
  factuality?: Factuality;
  links?: ClaimLink[];
  comments?: ReviewComment[];
  note?: string;
}

export type Annotation = EntityAnnotation | ClaimAnnotation;
export type AnnotationKind = 'entity' | 'claim';

export function kindOf(a: Annotation): AnnotationKind {
  return 'source' in a ? 'claim' : 'entity';
}

/** A claim has a source; an entity never has one. */
export function isClaim(a: Annotation): a is ClaimAnnotation {
  return 'source' in a;
}

export function isEntity(a: Annotation): a is EntityAnnotation {
  return !isClaim(a);
}

export interface SidecarHeader {
  /** Format version. */
  sift: number;
  /** The article's file name, in the same folder. */
  article: string;
  /** SHA-256 (hex) of the exact text the offsets refer to. */
  sha256: string;
  /** The text's length in code points. */
  length: number;
  annotator: string;
  /** Publication date, the reference for relative dates. */
  published?: string;
  status?: LayerStatus;
}

/** An annotator's layer is `annotating` or `finished`; the gold layer is `in-review` or `adjudicated`. */
export type LayerStatus = 'annotating' | 'finished' | 'in-review' | 'adjudicated';
export const LAYER_STATUSES: readonly LayerStatus[] = ['annotating', 'finished', 'in-review', 'adjudicated'];

/** Gold layer: a review decision that a unit is not an annotation. It names the annotations it rejects by id, so it
 * survives re-anchoring, and it keeps the quote and label only for readers of the file. */
export interface Dismissal {
  id: string;
  kind?: AnnotationKind;
  label?: string;
  quote?: string;
  from: Target[];
  adjudicator?: string;
  created?: string;
}

/** One comment in a discussion of an annotation, stored only in its author's own sidecar (the sidecar's annotator).
 * `resolved` set is a thread status change (true resolves, false reopens); the latest by `at` across layers wins. */
export interface DiscussionComment {
  id: string;
  on: Target;
  at: string;
  text?: string;
  resolved?: boolean;
  updated?: string;
}

/** A suggestion the annotator turned down: that string with that label is not suggested again in this article. */
export interface Rejection {
  quote: string;
  label: string;
}

/** One annotator's annotations on one article: the content of one sidecar. */
export interface Layer {
  header: SidecarHeader;
  entities: EntityAnnotation[];
  claims: ClaimAnnotation[];
  /** Rejected suggestions; optional in files, so older sidecars load. */
  rejected?: Rejection[];
  /** Gold layer only: units decided as "not an annotation". */
  dismissed?: Dismissal[];
  /** This layer's author's comments on annotations of any layer. */
  discussion?: DiscussionComment[];
}

/** Stable order in files and views: by start, then id. */
export function compareAnnotations(a: { start: number; id: string }, b: { start: number; id: string }): number {
  return a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function allAnnotations(layer: Layer): Annotation[] {
  return [...layer.entities, ...layer.claims].sort(compareAnnotations);
}

/** A value no one may change through this reference: what views receive (the write path is `Sessions.mutate`). */
export type DeepReadonly<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly (infer U)[]
    ? readonly DeepReadonly<U>[]
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;

export type ReadonlyLayer = DeepReadonly<Layer>;
export type ReadonlyAnnotation = DeepReadonly<Annotation>;
export type ReadonlyEntity = DeepReadonly<EntityAnnotation>;
export type ReadonlyClaim = DeepReadonly<ClaimAnnotation>;
