// The corpus index as the CLI builds it: over Node's file system, with the hostile walk (findSidecarsIn: links to
// folders not followed, each sidecar once, optionally bounded) and reads confined to each path's workspace root.
import { NodeFileSystem } from '../store/fileSystem';
import { CorpusIndex } from './corpusIndex';
import { FindOptions, FoundSidecar, findSidecarsIn } from './findSidecars';
import { outsideRealRoot } from './workspaceRoot';

export interface NodeIndexOptions extends FindOptions {
  /** Read sidecars whose real path leaves the workspace root of the path they were found under (off by default). */
  followOutsideRoot?: boolean;
  /** The careful parser for every sidecar, keeping its document (sift validate reports lines and columns). */
  careful?: boolean;
  /** Told whether the walk stopped at options.maxEntries. */
  onTruncated?: (truncated: boolean) => void;
}

/** An index of the sidecars under `paths` (files or folders), not yet scanned. */
export function nodeCorpusIndex(paths: string[], options: NodeIndexOptions = {}): CorpusIndex {
  return indexOver(paths, () => {
    const found = findSidecarsIn(paths, options);
    options.onTruncated?.(found.truncated);
    return found.sidecars;
  }, options);
}

/**
 * An index of sidecars the walk already found (findSidecarsIn over `paths`), or a part of them: its scans read those
 * and walk nothing (a bulk run's worker thread reads its share of what the main thread found).
 */
export function foundCorpusIndex(paths: string[], found: readonly FoundSidecar[], options: NodeIndexOptions = {}): CorpusIndex {
  return indexOver(paths, () => [...found], options);
}

function indexOver(paths: string[], find: () => FoundSidecar[], options: NodeIndexOptions): CorpusIndex {
  return new CorpusIndex(new NodeFileSystem(), paths, {
    find,
    // The walk found each sidecar's real path and its root's: a scan checks those (a later re-read looks again).
    admit: options.followOutsideRoot ? undefined : (f) => outsideRealRoot(f.file, f.real, f.root),
    careful: options.careful,
  });
}

/** The index of the sidecars under `paths`, scanned: each read once. */
export async function scanCorpus(paths: string[], options: NodeIndexOptions = {}): Promise<CorpusIndex> {
  const index = nodeCorpusIndex(paths, options);
  await index.scan();
  return index;
}
