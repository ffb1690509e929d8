// What a unit's compared annotations say: their distinct versions (span and label, or span and claim features), the
// annotators missing from it, and the disagreement that follows. Pure; used by `align.ts`.
import { Annotation, ClaimAnnotation, isClaim } from '../model';
import { ClaimFeatures, Disagreement, Version } from './units';

/** A source name as compared: case, and runs of white space, do not make a different source. */
export function normalSource(name: string): string {
  return name.trim().replace(/\s+/gu, ' ').toLowerCase();
}

/** Confidence is compared to two decimals: 0.801 and 0.8 are the same judgement. */
export function roundConfidence(c: number): number {
  return Number.isFinite(c) ? Math.round(c * 100) / 100 : 0;
}

export function claimFeatures(c: ClaimAnnotation): ClaimFeatures {
  const f: ClaimFeatures = { source: { name: c.source.name }, confidence: c.confidence };
  if (c.source.span) f.source.span = c.source.span;
  if (c.cue) f.cue = c.cue;
  if (c.factuality) f.factuality = c.factuality;
  return f;
}

/** The features' part of a version key: source name, cue span, factuality and confidence (never note or comments). */
export function featuresKey(c: ClaimAnnotation): string {
  const cue = c.cue ? `${c.cue.start}-${c.cue.end}` : '';
  return JSON.stringify([normalSource(c.source.name), cue, c.factuality ?? '', roundConfidence(c.confidence)]);
}

/** Identity of an annotation's version: kind, span, and label or claim features. */
export function versionKey(a: Annotation): string {
  return isClaim(a) ? `claim|${a.start}|${a.end}|${featuresKey(a)}` : `entity|${a.start}|${a.end}|${JSON.stringify(a.label)}`;
}

/**
 * The distinct versions of `members`, most common first (ties: earlier start, then key). `keys[i]`, when given, is
 * `versionKey` of member i. Each version lists its annotators in the order of `members` (alignment sorts them).
 */
export function versionsOf(members: readonly { annotator: string; annotation: Annotation }[], keys?: readonly string[]): Version[] {
  const byKey = new Map<string, Version>();
  members.forEach(({ annotator, annotation: a }, i) => {
    const key = keys?.[i] ?? versionKey(a);
    let v = byKey.get(key);
    if (!v) {
      v = { key, kind: isClaim(a) ? 'claim' : 'entity', start: a.start, end: a.end, quote: a.quote, annotators: [], ids: [] };
      if (isClaim(a)) v.claim = claimFeatures(a);
      else v.label = a.label;
      byKey.set(key, v);
    }
    v.annotators.push(annotator);
    v.ids.push({ annotator, id: a.id });
  });
  const out = [...byKey.values()];
  return out.length < 2 ? out : out.sort((a, b) => b.annotators.length - a.annotators.length || a.start - b.start || cmp(a.key, b.key));
}

/**
 * What the compared layers say about one unit. Precedence when several hold: `missing` (some layer has nothing),
 * then `boundary` (spans differ), `label` (entities on one span, labels differ), `feature` (claims on one span,
 * features differ), else `agreed`.
 */
export function disagreementOf(versions: readonly Version[], missing: readonly string[]): Disagreement {
  if (missing.length > 0) return 'missing';
  if (versions.length <= 1) return 'agreed';
  const { start, end } = versions[0];
  if (versions.some((v) => v.start !== start || v.end !== end)) return 'boundary';
  return versions[0].kind === 'entity' ? 'label' : 'feature';
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
