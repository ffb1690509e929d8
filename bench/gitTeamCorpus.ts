// The team simulation's corpus (bench/gitTeam.ts): generated articles, each with the sidecars of the annotators it is
// assigned to, written as Sift writes them, and recorded in the model the final tree is checked against.
import * as fs from 'fs';
import * as path from 'path';
import { createHash } from 'crypto';
import { EntityAnnotation, Layer } from '../src/core/model';
import { serializeSidecar } from '../src/core/store/sidecarFormat';
import { aLayer } from '../test/builders/layer';
import { TeamModel } from './gitTeamModel';

export const LABELS = ['PERSON', 'ORG', 'PLACE', 'DATE'];
/** Entities each sidecar starts with, unless told. */
export const START_ENTITIES = 6;

/** One sample article's text, and entities (with their context) placed on its capitalised words. */
interface Template { text: string; pool: EntityAnnotation[] }

export interface Corpus {
  /** Each annotator's sidecars (paths relative to the repository). */
  owned: Map<string, string[]>;
  /** The article a sidecar belongs to (its template index), to place new entities. */
  templateOf: Map<string, number>;
  templates: Template[];
  sidecars: number;
}

function templates(samples: string[]): Template[] {
  return samples.map((text) => {
    const words = [...text.slice(0, 3000).matchAll(/\p{Lu}\p{L}{3,}/gu)].slice(0, 40);
    const spans = words.map((m) => ({ start: [...text.slice(0, m.index)].length, end: [...text.slice(0, m.index)].length + [...m[0]].length }));
    const pool = spans.reduce((b, s, i) => b.withEntity(s, LABELS[i % LABELS.length], { id: `p${i}`, created: '2026-11-01T09:00:00Z', updated: '2026-11-01T09:00:00Z' }), aLayer().forArticle(text, 'a.txt').by('x')).build().entities;
    return { text, pool };
  });
}

/** An entity of the template's pool (by index), under a new id and label. */
export function entityFrom(t: Template, index: number, id: string, label: string): EntityAnnotation {
  return { ...t.pool[index % t.pool.length], id, label };
}

/** The folder a numbered article is in: a hundred per folder, as a large corpus is kept. */
const folderOf = (i: number) => `batch-${String(Math.floor(i / 100)).padStart(3, '0')}`;

/**
 * Writes `articles` articles under `dir`, each assigned to `overlap` annotators (round robin) with a sidecar of
 * `entities` entities each (START_ENTITIES unless told), and records every entity in `model`.
 */
export function writeCorpus(dir: string, samples: string[], articles: number, annotators: string[], overlap: number, model: TeamModel, entities = START_ENTITIES): Corpus {
  const tpl = templates(samples);
  const owned = new Map(annotators.map((a) => [a, [] as string[]]));
  const templateOf = new Map<string, number>();
  let sidecars = 0;
  for (let i = 0; i < articles; i++) {
    const t = i % tpl.length;
    const text = `${tpl[t].text}\n(${i})\n`;
    const stem = `${folderOf(i)}/${String(i).padStart(5, '0')}_news`;
    fs.mkdirSync(path.join(dir, folderOf(i)), { recursive: true });
    fs.writeFileSync(path.join(dir, `${stem}.txt`), text);
    const header = { sift: 1, article: `${path.basename(stem)}.txt`, annotator: '', sha256: createHash('sha256').update(text).digest('hex'), length: [...text].length };
    for (let k = 0; k < overlap; k++) {
      const annotator = annotators[(i + k * Math.max(1, Math.floor(annotators.length / overlap))) % annotators.length];
      const file = `${stem}.${annotator}.ann.yaml`;
      const made = Array.from({ length: entities }, (_, j) => entityFrom(tpl[t], (i + j * 5) % tpl[t].pool.length, `e-${j + 1}`, LABELS[(i + j + k) % LABELS.length]));
      const layer: Layer = { header: { ...header, annotator }, entities: made, claims: [] };
      fs.writeFileSync(path.join(dir, file), serializeSidecar(layer));
      for (const e of made) model.created(file, e.id, { label: e.label, note: e.note });
      owned.get(annotator)!.push(file);
      templateOf.set(file, t);
      sidecars++;
    }
  }
  return { owned, templateOf, templates: tpl, sidecars };
}
