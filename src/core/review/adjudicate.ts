// Review decisions, as data (pure): what to add to the gold layer to accept a version of a unit, to edit and accept
// it, or to reject it as "not an annotation", and auto-merge over a whole alignment. The session applies a decision
// (`ArticleSession.applyDecision`), so the editor and the CLI write gold the same way.
import { ClaimSource, Dismissal, Factuality, SubSpan, Target } from '../model';
import { Alignment, Unit, Version } from './units';
import { versionKey } from './versions';

/** Who decides, and when (ISO 8601). */
export interface Decider {
  adjudicator: string;
  now: string;
}

interface Provenance {
  from: Target[];
  adjudicator: string;
  created: string;
}

export interface NewGoldEntity extends Provenance {
  kind: 'entity';
  start: number;
  end: number;
  label: string;
  value?: string;
  canonical?: string;
}

export interface NewGoldClaim extends Provenance {
  kind: 'claim';
  start: number;
  end: number;
  source: ClaimSource;
  confidence: number;
  cue?: SubSpan;
  factuality?: Factuality;
}

export type NewGoldAnnotation = NewGoldEntity | NewGoldClaim;
/** A dismissal before the gold layer gives it an id. */
export type NewDismissal = Omit<Dismissal, 'id'>;

/** One decision on one unit: a gold annotation to add, or a dismissal. */
export type GoldDecision = { unit: string; annotation: NewGoldAnnotation } | { unit: string; dismissal: NewDismissal };

export type MergeStrategy = 'unanimous' | 'agreed' | 'majority';
export const MERGE_STRATEGIES: readonly MergeStrategy[] = ['unanimous', 'agreed', 'majority'];

export interface MergeOptions {
  strategy?: MergeStrategy;
  /** `majority`: the fewest annotators the winning version needs (default: more than half the compared annotators). */
  minVotes?: number;
}

function provenance(from: Target[], who: Decider): Provenance {
  return { from: from.map((t) => ({ annotator: t.annotator, id: t.id })), adjudicator: who.adjudicator, created: who.now };
}

/** The member annotation behind a version (its first annotator's), for the fields a version does not carry. */
function firstOf(unit: Unit, v: Version) {
  const t = v.ids[0];
  return unit.members.find((m) => m.annotator === t.annotator && m.annotation.id === t.id)?.annotation;
}

/** "Accept this version": a gold annotation on the version's span, from the annotations that gave it. */
export function acceptVersion(unit: Unit, version: Version | number, who: Decider): GoldDecision {
  const v = typeof version === 'number' ? unit.versions[version] : version;
  if (!v) throw new RangeError(`unit ${unit.id} has no version ${typeof version === 'number' ? version : version.key}`);
  const p = provenance(v.ids, who);
  if (v.kind === 'claim') {
    const f = v.claim;
    if (!f) throw new Error(`version ${v.key} of claim unit ${unit.id} has no features`);
    const a: NewGoldClaim = { kind: 'claim', start: v.start, end: v.end, source: { ...f.source }, confidence: f.confidence, ...p };
    if (f.cue) a.cue = f.cue;
    if (f.factuality) a.factuality = f.factuality;
    return { unit: unit.id, annotation: a };
  }
  const a: NewGoldEntity = { kind: 'entity', start: v.start, end: v.end, label: v.label ?? '', ...p };
  const first = firstOf(unit, v);
  if (first && 'label' in first) {
    if (first.value !== undefined) a.value = first.value;
    if (first.canonical !== undefined) a.canonical = first.canonical;
  }
  return { unit: unit.id, annotation: a };
}

/** What an edit may change: the span, and the label (entities) or the claim features. */
export interface Edit {
  start?: number;
  end?: number;
  label?: string;
  source?: ClaimSource;
  confidence?: number;
  factuality?: Factuality;
}

/**
 * "Edit and accept": the unit's most common version (or `base`) changed by `edit`. Its provenance is every member of
 * the unit: the adjudicator decided from all of them.
 */
export function editAndAccept(unit: Unit, edit: Edit, who: Decider, base: Version | number = 0): GoldDecision {
  const decision = unit.versions.length ? acceptVersion(unit, base, who) : undefined;
  const from = unit.members.map((m) => ({ annotator: m.annotator, id: m.annotation.id }));
  const start = edit.start ?? unit.start;
  const end = edit.end ?? unit.end;
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end)) throw new RangeError(`bad span ${start}..${end}`);
  const p = provenance(from, who);
  const before = decision && 'annotation' in decision ? decision.annotation : undefined;
  if (unit.kind === 'claim') {
    const c = before?.kind === 'claim' ? before : undefined;
    const source = edit.source ?? c?.source ?? { name: '' };
    const a: NewGoldClaim = { ...c, kind: 'claim', start, end, source, confidence: edit.confidence ?? c?.confidence ?? 1, ...p };
    if (edit.factuality) a.factuality = edit.factuality;
    return { unit: unit.id, annotation: a };
  }
  const e = before?.kind === 'entity' ? before : undefined;
  const label = edit.label ?? e?.label;
  if (!label) throw new Error(`edit and accept on unit ${unit.id} needs a label`);
  return { unit: unit.id, annotation: { ...e, kind: 'entity', start, end, label, ...p } };
}

/** "Reject (not an annotation)": a dismissal naming every member of the unit. */
export function rejectUnit(unit: Unit, who: Decider): GoldDecision {
  const top = unit.versions[0];
  const d: NewDismissal = { kind: unit.kind, from: unit.members.map((m) => ({ annotator: m.annotator, id: m.annotation.id })), adjudicator: who.adjudicator, created: who.now };
  if (top?.label !== undefined) d.label = top.label;
  if (top) d.quote = top.quote;
  return { unit: unit.id, dismissal: d };
}

/** The version a strategy accepts for an undecided unit, if any. */
export function mergeChoice(unit: Unit, compared: number, options: MergeOptions = {}): Version | undefined {
  if (unit.state === 'adjudicated' || unit.versions.length === 0) return undefined;
  const [top, second] = unit.versions;
  switch (options.strategy ?? 'unanimous') {
    case 'unanimous':
      return unit.versions.length === 1 && unit.missing.length === 0 ? top : undefined;
    case 'agreed':
      return unit.versions.length === 1 ? top : undefined;
    case 'majority': {
      const need = options.minVotes ?? Math.floor(compared / 2) + 1;
      return top.annotators.length >= need && (!second || top.annotators.length > second.annotators.length) ? top : undefined;
    }
  }
}

/**
 * Auto-merge: a gold annotation for every undecided unit the strategy settles. Units gold already decided are skipped,
 * so running it again never overwrites or repeats a decision; two units with the very same version give one.
 */
export function autoMerge(alignment: Alignment, options: MergeOptions, who: Decider): GoldDecision[] {
  const taken = new Set(alignment.units.flatMap((u) => u.gold.map(versionKey)));
  const out: GoldDecision[] = [];
  for (const unit of alignment.units) {
    const v = mergeChoice(unit, alignment.annotators.length, options);
    if (!v) continue;
    if (taken.has(v.key)) continue;
    taken.add(v.key);
    out.push(acceptVersion(unit, v, who));
  }
  return out;
}

/** Bulk action: accept every undecided entity of `label` that `annotator` made, as that annotator made it. */
export function acceptLabelFrom(alignment: Alignment, annotator: string, label: string, who: Decider): GoldDecision[] {
  const out: GoldDecision[] = [];
  for (const unit of alignment.units) {
    if (unit.state === 'adjudicated' || unit.kind !== 'entity') continue;
    const v = unit.versions.find((x) => x.label === label && x.annotators.includes(annotator));
    if (v) out.push(acceptVersion(unit, v, who));
  }
  return out;
}
