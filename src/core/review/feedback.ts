// What review tells people: an annotator's work compared with gold (kept, changed, rejected, missed), and an
// article's review status (units per state, open disagreements, each layer's status). Pure, over an alignment.
import { Annotation, LayerStatus, isClaim } from '../model';
import { GOLD, LayerInput, Unit, UnitState, UNIT_STATES, isOpen } from './units';
import { featuresKey } from './versions';

/** What gold did with one annotation: kept as it was, changed, rejected, or not decided yet. */
export type FeedbackOutcome = 'kept' | 'changed' | 'rejected' | 'undecided';
export type Change = 'label' | 'span' | 'features';

export interface FeedbackItem {
  unit: string;
  outcome: FeedbackOutcome;
  /** The annotator's annotation. */
  mine: Annotation;
  /** Gold's annotation in the unit, when gold has one. */
  gold?: Annotation;
  /** For `changed`: what differs. */
  changes?: Change[];
}

export interface Feedback {
  annotator: string;
  items: FeedbackItem[];
  /** Gold annotations in units where the annotator has nothing. */
  missed: { unit: string; gold: Annotation }[];
  counts: Record<FeedbackOutcome | 'missed', number>;
}

function changesOf(mine: Annotation, gold: Annotation): Change[] {
  const out: Change[] = [];
  if (mine.start !== gold.start || mine.end !== gold.end) out.push('span');
  if (isClaim(mine) && isClaim(gold)) {
    if (featuresKey(mine) !== featuresKey(gold)) out.push('features');
  } else if (!isClaim(mine) && !isClaim(gold) && mine.label !== gold.label) {
    out.push('label');
  }
  return out;
}

function itemOf(unit: Unit, mine: Annotation): FeedbackItem {
  const gold = unit.gold[0];
  if (gold) {
    const changes = changesOf(mine, gold);
    return changes.length ? { unit: unit.id, outcome: 'changed', mine, gold, changes } : { unit: unit.id, outcome: 'kept', mine, gold };
  }
  return { unit: unit.id, outcome: unit.dismissal ? 'rejected' : 'undecided', mine };
}

/** For each of `annotator`'s annotations, what gold kept, changed or rejected; and what gold has that they lack. */
export function compareWithGold(alignment: { units: Unit[] }, annotator: string): Feedback {
  const items: FeedbackItem[] = [];
  const missed: Feedback['missed'] = [];
  for (const unit of alignment.units) {
    const mine = unit.members.find((m) => m.annotator === annotator)?.annotation;
    if (mine) items.push(itemOf(unit, mine));
    else for (const g of unit.gold) missed.push({ unit: unit.id, gold: g });
  }
  const counts = { kept: 0, changed: 0, rejected: 0, undecided: 0, missed: missed.length };
  for (const i of items) counts[i.outcome]++;
  return { annotator, items, missed, counts };
}

export interface ArticleReviewStatus {
  units: number;
  /** Units still to decide (neither agreed nor adjudicated). */
  open: number;
  byState: Record<UnitState, number>;
  /** Open units per disagreement. */
  openByState: Record<UnitState, number>;
  /** Each layer's status (`annotating` when its header says none; gold: `in-review`), annotators sorted, gold last. */
  statuses: { annotator: string; status: LayerStatus }[];
}

function zeros(): Record<UnitState, number> {
  return Object.fromEntries(UNIT_STATES.map((s) => [s, 0])) as Record<UnitState, number>;
}

/** The review status of one article from its alignment and its layers. */
export function articleStatus(alignment: { units: Unit[] }, layers: readonly LayerInput[]): ArticleReviewStatus {
  const byState = zeros();
  const openByState = zeros();
  let open = 0;
  for (const u of alignment.units) {
    byState[u.state]++;
    if (isOpen(u)) {
      open++;
      openByState[u.state]++;
    }
  }
  const statuses = layers
    .map((l) => ({ annotator: l.annotator, status: l.layer.header.status ?? (l.annotator === GOLD ? 'in-review' : 'annotating') }))
    .sort((a, b) => Number(a.annotator === GOLD) - Number(b.annotator === GOLD) || (a.annotator < b.annotator ? -1 : a.annotator > b.annotator ? 1 : 0));
  return { units: alignment.units.length, open, byState, openByState, statuses };
}
