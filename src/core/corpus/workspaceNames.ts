// What a workspace teaches the detector: its gazetteer, and every string an annotator labelled (like INCEpTION's
// string-matching recommender, with no training step).
import * as fs from 'fs';
import * as path from 'path';
import { Problem } from '../store/problems';
import { parseSidecar } from '../store/sidecarFormat';
import { FindOptions, findSidecarsIn } from './findSidecars';
import { outsideRoot } from './workspaceRoot';
import { readTextFile } from '../text/safeRead';
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

export interface NamesOptions extends FindOptions {
  /** A folder under `root` walked first (the article's own), so its sidecars count even when the walk is bounded. */
  near?: string;
}

export interface WorkspaceNames {
  names: NameIndex;
  problems: Problem[];
  /** The sidecars that were read. */
  sidecars: string[];
  /** Set when options.maxEntries stopped the walk: sidecars further away taught nothing. */
  truncated: boolean;
}

/**
 * Builds the names a workspace knows from its gazetteer file and the sidecars under `root` (links to folders are not
 * followed; a sidecar whose real path leaves the root, or that is not a regular file, is not read).
 */
export function workspaceNames(root: string, gazetteerFile = findGazetteer(root), options: NamesOptions = {}): WorkspaceNames {
  const names = new NameIndex();
  const problems: Problem[] = [];
  if (gazetteerFile && fs.existsSync(gazetteerFile)) {
    const g = parseGazetteer(readTextFile(gazetteerFile), gazetteerFile);
    problems.push(...g.problems);
    names.addGazetteer(g.gazetteer);
  }
  const layers = [];
  const sidecars: string[] = [];
  const found = findSidecarsIn(options.near ? [options.near, root] : [root], options);
  for (const { file, root: real } of found.sidecars) {
    try {
      if (outsideRoot(file, real)) continue;
      layers.push(parseSidecar(readTextFile(file), file).layer);
      sidecars.push(file);
    } catch {
      // A broken sidecar teaches nothing; `sift validate` reports it.
    }
  }
  for (const [quote, label] of learnedLabels(layers)) if (!names.get(quote)) names.add(quote, label, 'learned');
  return { names, problems, sidecars, truncated: found.truncated };
}
