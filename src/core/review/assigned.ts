// Review and agreement under an assignment (core, no `vscode`). When sift.assignments.yaml names an article, the
// article is compared among its assigned annotators only: one who has no layer for it yet is "not annotated yet"
// (not "missing" in review units; left out of agreement with the reason `not-annotated-yet`, not counted as missing
// data), and one who is not assigned to it takes no part in its comparison. An article the file does not name, or no
// file, keeps the default (every layer but gold). Callers make one call per article: `comparedFor`.
import { AssignmentsAt, assignedAt } from '../corpus/assignmentsFile';
import { AgreementArticle } from './agreement/report';
import { AgreementReport } from './agreement/shape';
import { DETECTOR, GOLD, LayerInput } from './units';

export const NOT_ANNOTATED_YET = 'not-annotated-yet';

/** Who an article's comparison takes, under its assignment. */
export interface Compared {
  /** The assigned annotators with a layer (and within `requested`, when given), sorted. */
  annotators: string[];
  /** Assigned annotators without a layer for the article: not annotated yet. */
  notYet: string[];
  /** Annotators with a layer who are not assigned to the article: not compared. */
  notAssigned: string[];
}

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * The comparison of one article: `assigned` is what the assignments file says (undefined: the article is not
 * assigned, and the caller keeps its default), `present` the annotators with a layer, `requested` a caller's own
 * choice of annotators (sift review --annotators). Gold and the detector are never assigned and never left out here.
 */
export function comparedFor(assigned: readonly string[] | undefined, present: readonly string[], requested?: readonly string[]): Compared | undefined {
  if (!assigned) return undefined;
  const people = present.filter((a) => a !== GOLD && a !== DETECTOR);
  const wanted = assigned.filter((a) => !requested || requested.includes(a));
  return {
    annotators: sorted(wanted.filter((a) => people.includes(a))),
    notYet: sorted(wanted.filter((a) => !people.includes(a))),
    notAssigned: sorted(people.filter((a) => !assigned.includes(a))),
  };
}

/** `comparedFor` an article of the corpus (absolute path, its layers' annotators) under the assignments file, if any. */
export function comparedIn(at: AssignmentsAt | undefined, article: string, present: readonly string[], requested?: readonly string[]): Compared | undefined {
  return comparedFor(assignedAt(at, article), present, requested);
}

/** An assigned annotator left out of agreement for an article, and why. */
export interface Exclusion {
  article: string;
  annotator: string;
  reason: typeof NOT_ANNOTATED_YET;
}

/** An article's layers under its assignment, by name: what `assignedArticle` keeps, for callers with other article shapes. */
export interface AssignedLayers {
  /** The layers compared; undefined when the article waits for its assigned annotators (fewer than two to pair). */
  layers?: LayerInput[];
  excluded: Exclusion[];
  notAssigned: number;
}

/**
 * The layers of article `name` under its assignment: only the assigned annotators' layers (and the detector's, which
 * is compared with everyone), and the assigned annotators without a layer, excluded as not annotated yet. An article
 * waiting for its assigned annotators with fewer than two layers to pair is left out whole (`layers` undefined), so its
 * units are not counted as missing data either. The agreement report in the editor calls this per article, as
 * `sift agree` does through `assignedArticle`.
 */
export function assignedLayers(name: string, layers: readonly LayerInput[], assigned: readonly string[] | undefined): AssignedLayers {
  const c = comparedFor(assigned, layers.map((l) => l.annotator));
  if (!c) return { layers: [...layers], excluded: [], notAssigned: 0 };
  const kept = layers.filter((l) => l.annotator === DETECTOR || c.annotators.includes(l.annotator));
  const waiting = c.notYet.length > 0 && kept.length < 2;
  return {
    ...(waiting ? {} : { layers: kept }),
    excluded: c.notYet.map((annotator) => ({ article: name, annotator, reason: NOT_ANNOTATED_YET })),
    notAssigned: c.notAssigned.length,
  };
}

/** An agreement article under its assignment (see `assignedLayers`); `article` undefined while it waits. */
export function assignedArticle(a: AgreementArticle, assigned: readonly string[] | undefined): { article?: AgreementArticle; excluded: Exclusion[]; notAssigned: number } {
  const s = assignedLayers(a.article, a.layers, assigned);
  return { ...(s.layers ? { article: s.layers.length === a.layers.length ? a : { ...a, layers: s.layers } } : {}), excluded: s.excluded, notAssigned: s.notAssigned };
}

/** The counts the assignment adds to an agreement report (`sift agree --json` prints them under `counts.assignment`). */
export interface AssignmentCounts {
  /** Assigned (article, annotator) pairs without a layer yet: excluded, not counted as missing data. */
  not_annotated_yet: number;
  /** Layers of annotators not assigned to their article: not compared. */
  not_assigned: number;
  excluded: Exclusion[];
}

export type AssignedReport = AgreementReport & { counts: AgreementReport['counts'] & { assignment?: AssignmentCounts } };

/** The report with the assignment's counts and a caveat that says what was left out. */
export function withAssignmentCounts(report: AgreementReport, excluded: Exclusion[], notAssigned: number): AssignedReport {
  if (!excluded.length && !notAssigned) return report;
  const caveats = [...report.caveats];
  if (excluded.length) caveats.push(`${excluded.length} assigned layer(s) are not annotated yet (${NOT_ANNOTATED_YET}): left out, not counted as missing data`);
  if (notAssigned) caveats.push(`${notAssigned} layer(s) of annotators not assigned to their article take no part`);
  return { ...report, caveats, counts: { ...report.counts, assignment: { not_annotated_yet: excluded.length, not_assigned: notAssigned, excluded } } };
}
