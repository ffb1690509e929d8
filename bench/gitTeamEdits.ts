// One clone's work in a round of the team simulation (bench/gitTeam.ts): sidecars edited as Sift edits them (read,
// changed, rewritten on their own document), every change recorded in the model. Changes made in one round by different
// clones never touch the same field of the same annotation, except the few conflicts made on purpose; and a clone
// changes or deletes an annotation only when it has seen its last value, as a person does.
import * as fs from 'fs';
import * as path from 'path';
import { EntityAnnotation } from '../src/core/model';
import { parseSidecar, serializeSidecar } from '../src/core/store/sidecarFormat';
import { Corpus, LABELS, entityFrom } from './gitTeamCorpus';
import { Field, TeamModel } from './gitTeamModel';

/** What a clone changed this round, per `file#id`: which field, to what, by whom. */
export type Claims = Map<string, { clone: string; field: Field | 'deleted'; value?: string; from?: string }>;

export interface Clone {
  /** A name such as a03, a00-laptop, reviewer. */
  name: string;
  dir: string;
}

export interface EditPlan {
  round: number;
  clone: Clone;
  files: string[];
  /** Relabel, note, delete and add, or the reviewer's fixes of another annotator's sidecar. */
  kind: 'owner' | 'second-machine' | 'reviewer';
  /** The reviewer only: files in which to relabel what the owner relabeled this round, differently (a real conflict). */
  conflictFiles?: Set<string>;
}

export interface EditCounts { files: number; relabels: number; notes: number; deletions: number; additions: number; conflictsMade: number }

export const noEdits = (): EditCounts => ({ files: 0, relabels: 0, notes: 0, deletions: 0, additions: 0, conflictsMade: 0 });

const key = (file: string, id: string) => `${file}#${id}`;
const foundOf = (e: EntityAnnotation) => ({ label: e.label, note: e.note });

/** The entities of a file this clone may change: seen at their last value and untouched by anyone this round. */
function free(model: TeamModel, claims: Claims, file: string, entities: EntityAnnotation[]): EntityAnnotation[] {
  return entities.filter((e) => !claims.has(key(file, e.id)) && model.upToDate(file, e.id, foundOf(e)));
}

function relabel(model: TeamModel, claims: Claims, plan: EditPlan, file: string, e: EntityAnnotation, n: EditCounts): void {
  const label = LABELS.find((l, i) => l !== e.label && i >= plan.round % LABELS.length) ?? LABELS.find((l) => l !== e.label)!;
  claims.set(key(file, e.id), { clone: plan.clone.name, field: 'label', value: label, from: e.label });
  e.label = label;
  model.set(file, e.id, 'label', label);
  n.relabels++;
}

/** The reviewer relabels what the owner relabeled this round, to another label: git must report it, and keep both. */
function conflictingRelabel(model: TeamModel, claims: Claims, plan: EditPlan, file: string, entities: EntityAnnotation[], n: EditCounts): boolean {
  for (const e of entities) {
    const c = claims.get(key(file, e.id));
    // The reviewer's clone must hold the label the owner changed (their common base), else it has not seen it.
    if (!c || c.field !== 'label' || c.clone === plan.clone.name || c.from !== e.label) continue;
    const mine = LABELS.find((l) => l !== c.value && l !== e.label)!;
    e.label = mine;
    model.conflicted(file, e.id, 'label', [c.value, mine]);
    claims.set(key(file, e.id), { clone: plan.clone.name, field: 'label', value: mine });
    n.conflictsMade++;
    return true;
  }
  return false;
}

/** Changes one sidecar of the clone's tree as the plan's kind says; records what it did. */
function editFile(model: TeamModel, claims: Claims, corpus: Corpus, plan: EditPlan, file: string, seq: number, n: EditCounts): void {
  const abs = path.join(plan.clone.dir, file);
  const parsed = parseSidecar(fs.readFileSync(abs, 'utf8'), file);
  const layer = parsed.layer;
  const [first, second] = free(model, claims, file, layer.entities);
  let deliberate = false;
  if (plan.kind === 'reviewer' && plan.conflictFiles?.has(file)) deliberate = conflictingRelabel(model, claims, plan, file, layer.entities, n);
  if (!deliberate && first && plan.kind !== 'second-machine') relabel(model, claims, plan, file, first, n);
  if (first && plan.kind === 'second-machine') {
    first.note = `checked on ${plan.clone.name} in round ${plan.round}`;
    model.set(file, first.id, 'note', first.note);
    claims.set(key(file, first.id), { clone: plan.clone.name, field: 'note', value: first.note });
    n.notes++;
  }
  if (second && plan.kind === 'owner' && seq % 2 === 0) {
    layer.entities = layer.entities.filter((e) => e !== second);
    model.deleted(file, second.id);
    claims.set(key(file, second.id), { clone: plan.clone.name, field: 'deleted' });
    n.deletions++;
  }
  if (plan.kind !== 'reviewer') {
    const id = `n-r${plan.round}-${plan.clone.name}-${seq}`;
    const t = corpus.templates[corpus.templateOf.get(file)!];
    const added = entityFrom(t, seq * 7 + plan.round, id, LABELS[seq % LABELS.length]);
    layer.entities.push(added);
    model.created(file, id, foundOf(added));
    n.additions++;
  }
  fs.writeFileSync(abs, serializeSidecar(layer, parsed.doc));
  n.files++;
}

/** A clone's round of work, on its own tree (not yet committed). */
export function doEdits(model: TeamModel, claims: Claims, corpus: Corpus, plan: EditPlan): EditCounts {
  const n = noEdits();
  plan.files.forEach((file, seq) => editFile(model, claims, corpus, plan, file, seq, n));
  return n;
}

export function addCounts(a: EditCounts, b: EditCounts): EditCounts {
  return { files: a.files + b.files, relabels: a.relabels + b.relabels, notes: a.notes + b.notes, deletions: a.deletions + b.deletions, additions: a.additions + b.additions, conflictsMade: a.conflictsMade + b.conflictsMade };
}
