// Review decisions on a session's layer (the gold layer's annotations with their provenance, its dismissals) and the
// layer's status. ArticleSession keeps these as methods (its public API) and hands them here after its checks; the
// discussion methods hand on to review/discussion.ts the same way.
import { Annotation, ClaimAnnotation, Dismissal, EntityAnnotation, Layer, LayerStatus } from '../model';
import { GoldDecision } from '../review/adjudicate';
import type { NewClaim, NewEntity } from './session';

/** What a decision is applied through: the session's own add methods, which check, stamp and give ids. */
export interface DecisionTarget {
  addEntity(e: NewEntity): EntityAnnotation;
  addClaim(c: NewClaim): ClaimAnnotation;
  addDismissal(d: Omit<Dismissal, 'id'> & { id?: string }): Dismissal;
}

/** Applies a review decision (review/adjudicate.ts): adds the gold annotation, with its provenance, or the dismissal. */
export function applyDecision(session: DecisionTarget, decision: GoldDecision): Annotation | Dismissal {
  if ('dismissal' in decision) return session.addDismissal(decision.dismissal);
  const d = decision.annotation;
  const { from, adjudicator, created } = d;
  const a: Annotation = d.kind === 'entity'
    ? session.addEntity({ start: d.start, end: d.end, label: d.label, value: d.value, canonical: d.canonical })
    : session.addClaim({ start: d.start, end: d.end, source: d.source, confidence: d.confidence, cue: d.cue, factuality: d.factuality });
  Object.assign(a, { from: from.map((t) => ({ ...t })), adjudicator, created, updated: created });
  return a;
}

/** Adds a dismissal to `layer`, keeping its id unless missing or taken (then `newId` gives one); returns it. */
export function addDismissal(layer: Layer, d: Omit<Dismissal, 'id'> & { id?: string }, newId: () => string): Dismissal {
  const list = layer.dismissed ?? [];
  let id = d.id;
  while (!id || list.some((x) => x.id === id)) id = newId();
  const added: Dismissal = { ...d, id, from: d.from.map((t) => ({ ...t })) };
  layer.dismissed = [...list, added];
  return added;
}

/** Takes a dismissal out of `layer`; returns it, or undefined when there was none with that id. */
export function removeDismissal(layer: Layer, id: string): Dismissal | undefined {
  const d = layer.dismissed?.find((x) => x.id === id);
  if (!d) return undefined;
  const rest = (layer.dismissed ?? []).filter((x) => x.id !== id);
  if (rest.length) layer.dismissed = rest;
  else delete layer.dismissed;
  return d;
}

/** Sets the layer's status in its header; undefined clears it. */
export function setStatus(layer: Layer, status: LayerStatus | undefined): void {
  if (status) layer.header.status = status;
  else delete layer.header.status;
}
