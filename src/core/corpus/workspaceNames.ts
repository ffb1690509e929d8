// What a workspace teaches the detector: its gazetteer, and every string an annotator labelled (like INCEpTION's
// string-matching recommender, with no training step).
import * as fs from 'fs';
import * as path from 'path';
import { Problem } from '../store/problems';
import { CorpusIndex } from './corpusIndex';
import { FindOptions } from './findSidecars';
import { scanCorpus } from './nodeIndex';
import { readTextFile } from '../text/safeRead';
import { GAZETTEER_FILE, NameIndex, parseGazetteer } from '../detect/gazetteer';

export { learnedLabels } from './learnedLabels';

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
  /** The sidecars that were read (and parsed). */
  sidecars: string[];
  /** Set when options.maxEntries stopped the walk: sidecars further away taught nothing. */
  truncated: boolean;
  /** The corpus index the names were learned from: every sidecar found, read once. */
  index: CorpusIndex;
}

/** The names of a gazetteer file (if it exists) and the strings the index's layers labelled. */
export function namesFrom(index: CorpusIndex, gazetteerFile: string | undefined): { names: NameIndex; problems: Problem[] } {
  const names = new NameIndex();
  const problems: Problem[] = [];
  if (gazetteerFile && fs.existsSync(gazetteerFile)) {
    const g = parseGazetteer(readTextFile(gazetteerFile), gazetteerFile);
    problems.push(...g.problems);
    names.addGazetteer(g.gazetteer);
  }
  for (const [quote, label] of index.labelledStrings()) if (!names.get(quote)) names.add(quote, label, 'learned');
  return { names, problems };
}

/**
 * Builds the names a workspace knows from its gazetteer file and the sidecars under `root`, read once by a corpus
 * index (links to folders are not followed; a sidecar whose real path leaves the root, or that is not a regular file,
 * is not read; a broken one teaches nothing, `sift validate` reports it).
 */
export async function workspaceNames(root: string, gazetteerFile = findGazetteer(root), options: NamesOptions = {}): Promise<WorkspaceNames> {
  let truncated = false;
  const index = await scanCorpus(options.near ? [options.near, root] : [root], { ...options, onTruncated: (t) => { truncated = t; } });
  const { names, problems } = namesFrom(index, gazetteerFile);
  const sidecars = index.sidecars().map((f) => f.file).filter((f) => index.entry(f)?.indexed);
  return { names, problems, sidecars, truncated, index };
}
