// Placing an annotation and its sub-spans (a claim's cue and its source's mention) on an article's current text: the
// one rule that the session (re-anchoring), the export and `sift validate` share.
import { Anchor, Annotation, ClaimAnnotation, ReadonlyLayer, SubSpan, kindOf } from '../model';
import { ArticleText } from '../text/article';
import { AnchorOutcome, reanchor, reanchorSubSpan } from './anchor';

export interface PlaceOptions {
  /**
   * The sidecar's hash is the article's: its offsets refer to this very text, so a span (annotation or sub-span) whose
   * quote stands at its offsets stays there ('kept'), whatever its context.
   */
  current?: boolean;
  /** Look again for annotations and sub-spans flagged orphaned (the session does); otherwise they stay orphaned. */
  retryOrphans?: boolean;
}

/** 'kept': at its recorded offsets with its quote; 'moved': found elsewhere; 'orphaned': not found (or flagged so). */
export type SubOutcome = 'kept' | 'moved' | 'orphaned';

export interface PlacedSub {
  /** Where it stands now; when orphaned, the sub-span as it was, flagged only if re-anchoring lost it. */
  span: SubSpan;
  outcome: SubOutcome;
}

export interface Placed {
  /** 'kept' (see PlaceOptions.current), else what re-anchoring did; 'orphaned' also for an annotation flagged so. */
  outcome: 'kept' | AnchorOutcome;
  /** Where the annotation stands now; its old anchor when orphaned. */
  anchor: Anchor;
  /** A claim's cue and source mention, when it has them. */
  cue?: PlacedSub;
  source?: PlacedSub;
}

const inPlace = (article: ArticleText, s: { start: number; end: number; quote: string }) => article.inRange(s.start, s.end) && article.slice(s.start, s.end) === s.quote;

/**
 * Whether a layer has an annotation, not flagged orphaned, whose quote does not stand at its offsets in `article` (or
 * whose span leaves it): a hand edit, or a tool's bug, even under the article's own hash. Such a layer is re-anchored
 * before it is used (the session on opening it, review on aligning it), never taken at its word.
 */
export function hasMisplaced(layer: ReadonlyLayer, article: ArticleText): boolean {
  // In file order, unsorted: opening a big layer sorts nothing it does not need to.
  const off = (a: { readonly orphaned?: boolean; readonly start: number; readonly end: number; readonly quote: string }) => !a.orphaned && !inPlace(article, a);
  return layer.entities.some(off) || layer.claims.some(off);
}

/** Whether a layer must be re-anchored before it is used on `article`: written for another text, or a span off its quote. */
export function needsPlacing(layer: ReadonlyLayer, article: ArticleText): boolean {
  return layer.header.sha256 !== article.sha256 || hasMisplaced(layer, article);
}

/**
 * Places an annotation on the article's current text: where it is, if the sidecar is current and its quote stands
 * there; else by re-anchoring (its old place with its context, the exact quote, a fuzzy match). A claim's sub-spans
 * are placed after it: where they are, in a current sidecar; else moved as far as the claim moved, or the nearest
 * exact occurrence close by (see reanchorSubSpan). Sub-spans of an orphaned claim are only checked in place.
 */
export function place(a: Annotation, article: ArticleText, options: PlaceOptions = {}): Placed {
  const placed: Placed = a.orphaned && !options.retryOrphans ? { outcome: 'orphaned', anchor: a }
    : options.current && inPlace(article, a) ? { outcome: 'kept', anchor: a }
      : reanchor(a, article);
  if (kindOf(a) === 'claim') {
    const c = a as ClaimAnnotation;
    const delta = placed.outcome === 'orphaned' ? undefined : placed.anchor.start - a.start;
    if (c.cue) placed.cue = placeSub(c.cue, delta, article, options);
    if (c.source.span) placed.source = placeSub(c.source.span, delta, article, options);
  }
  return placed;
}

/** A sub-span, after its annotation moved by `delta` code points (undefined: the annotation was not placed). */
function placeSub(sub: SubSpan, delta: number | undefined, article: ArticleText, options: PlaceOptions): PlacedSub {
  if (sub.orphaned && !options.retryOrphans) return { span: sub, outcome: 'orphaned' };
  if (options.current && inPlace(article, sub)) return { span: sub, outcome: 'kept' };
  if (delta === undefined) return { span: sub, outcome: 'orphaned' };
  const span = reanchorSubSpan(sub, delta, article);
  return { span, outcome: span.orphaned ? 'orphaned' : span.start === sub.start && span.end === sub.end ? 'kept' : 'moved' };
}
