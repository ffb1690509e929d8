// What a workspace teaches the detector: its gazetteer, and every string an annotator labelled (like INCEpTION's
// string-matching recommender, with no training step).
import * as fs from 'fs';
import * as path from 'path';
import { Problem } from '../store/problems';
import { parseSidecar } from '../store/sidecarFormat';
import { findSidecars } from './findSidecars';
import { GAZETTEER_FILE, NameIndex, parseGazetteer } from '../detect/gazetteer';

/** The most frequent label each annotated string received across the layers given. */
export function learnedLabels(layers: { entities: { quote: string; label: string; orphaned?: boolean }[] }[]): Map<string, string> {
  const votes = new Map<string, Map<string, number>>();
  for (const l of layers) {
    for (const e of l.entities) {
      if (e.orphaned || e.label === 'DATE' || !e.quote.trim()) continue;
      const v = votes.get(e.quote) ?? new Map<string, number>();
      v.set(e.label, (v.get(e.label) ?? 0) + 1);
      votes.set(e.quote, v);
    }
  }
  const out = new Map<string, string>();
  for (const [q, v] of votes) out.set(q, [...v].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0]);
  return out;
}

/** The folder holding the gazetteer for `start`: the nearest ancestor with sift.gazetteer.yaml, if any. */
export function findGazetteer(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const f = path.join(dir, GAZETTEER_FILE);
    if (fs.existsSync(f)) return f;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Builds the names a workspace knows from its gazetteer file and the sidecars under `root`. */
export function workspaceNames(root: string, gazetteerFile = findGazetteer(root)): { names: NameIndex; problems: Problem[] } {
  const names = new NameIndex();
  const problems: Problem[] = [];
  if (gazetteerFile && fs.existsSync(gazetteerFile)) {
    const g = parseGazetteer(fs.readFileSync(gazetteerFile, 'utf8'), gazetteerFile);
    problems.push(...g.problems);
    names.addGazetteer(g.gazetteer);
  }
  const layers = [];
  for (const f of findSidecars([root])) {
    try {
      layers.push(parseSidecar(fs.readFileSync(f, 'utf8'), f).layer);
    } catch {
      // A broken sidecar teaches nothing; `sift validate` reports it.
    }
  }
  for (const [quote, label] of learnedLabels(layers)) if (!names.get(quote)) names.add(quote, label, 'learned');
  return { names, problems };
}
