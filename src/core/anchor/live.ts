// Live edits: moving annotations and their sub-spans through the editor's changes, as an editor moves its markers.
// What cannot be moved that way (an edit over the whole text, edits that do not fit the text) is re-anchored instead.
import { Annotation, ClaimAnnotation, SubSpan, kindOf } from '../model';
import { ArticleText } from '../text/article';
import { TextEdit, reanchorSubSpan, shiftSpan } from './anchor';

/**
 * True when the edits cannot be followed span by span: one of them replaces the whole text (an end-of-line change, a
 * whole-document replace), or they do not turn a text of `before` code points into one of `after` (they were not made
 * on this text). Annotations are then found again by quote and context, as after a change on disk.
 */
export function needsReanchor(edits: readonly TextEdit[], before: number, after: number): boolean {
  let length = before;
  for (const e of edits) {
    if (!Number.isInteger(e.start) || !Number.isInteger(e.end) || e.start < 0 || e.start > e.end || e.end > length) return true;
    if (before > 0 && e.start === 0 && e.end === length) return true;
    length += e.insert - (e.end - e.start);
  }
  return length !== after;
}

/** Where a span goes through the edits (applied in order); undefined when its whole text went. */
function moveSpan(span: { start: number; end: number }, edits: readonly TextEdit[]): { start: number; end: number } | undefined {
  let s: { start: number; end: number } | undefined = span;
  for (const e of edits) s = s && shiftSpan(s, e);
  return s;
}

const standsIn = (text: ArticleText, s: { start: number; end: number; quote: string }) => text.inRange(s.start, s.end) && s.end > s.start && text.slice(s.start, s.end) === s.quote;

/**
 * A sub-span through the edits. It must stand on its quote before them (else it is orphaned: a stale sub-span is never
 * moved, so its quote is never overwritten); it then moves like a marker and takes the text it covers after them.
 */
function moveSub(sub: SubSpan | undefined, edits: readonly TextEdit[], before: ArticleText, after: ArticleText): SubSpan | undefined {
  if (!sub || sub.orphaned) return sub;
  const span = standsIn(before, sub) ? moveSpan(sub, edits) : undefined;
  return span && after.inRange(span.start, span.end) ? after.subSpan(span.start, span.end) : { ...sub, orphaned: true };
}

/**
 * An annotation through live edits: moved like a marker, its quote and context read from the new text; orphaned when
 * its whole text went (its sub-spans then stay as they were, to be placed again with it: see placeSubSpans). A claim's
 * cue and source mention move the same way. Returns undefined for an annotation that did not stand on its quote before
 * the edits: it is re-anchored instead.
 */
export function moveAnnotation<T extends Annotation>(a: T, edits: readonly TextEdit[], before: ArticleText, after: ArticleText): T | undefined {
  if (a.orphaned) return a;
  if (!standsIn(before, a)) return undefined;
  const span = moveSpan(a, edits);
  if (!span || !after.inRange(span.start, span.end)) return { ...a, orphaned: true };
  const next: T = { ...a, ...after.anchor(span.start, span.end) };
  if (kindOf(a) === 'claim') {
    const c = next as unknown as ClaimAnnotation;
    const cue = moveSub(c.cue, edits, before, after);
    if (cue) c.cue = cue;
    if (c.source.span) c.source = { ...c.source, span: moveSub(c.source.span, edits, before, after) };
  }
  return next;
}

/**
 * A claim found again at a new place (an orphan put back): its cue and source mention are placed with it, moved as far
 * as it moved, or at the nearest exact occurrence close by, else flagged orphaned. Never kept at stale offsets.
 */
export function placeSubSpans(c: ClaimAnnotation, oldStart: number, article: ArticleText): ClaimAnnotation {
  const delta = c.start - oldStart;
  const next = { ...c };
  if (c.cue) next.cue = reanchorSubSpan(c.cue, delta, article);
  if (c.source.span) next.source = { ...c.source, span: reanchorSubSpan(c.source.span, delta, article) };
  return next;
}
