// Finding sidecars on disk: every `*.ann.yaml` under the given files and folders, each once, with its workspace root.
// Directory links are never followed (as git and ripgrep do): a link to `.` or to a parent cannot loop or repeat the
// corpus, and a link out of the workspace cannot pull a foreign tree in. A link to a sidecar file is listed once (by
// its real path); whether it may be read is the reader's check (outsideRoot).
import * as fs from 'fs';
import * as path from 'path';
import { realPath, workspaceRootFor } from './workspaceRoot';

export interface FindOptions {
  /** Stop after reading this many folder entries in all (for `sift detect`, which must not crawl a big tree). */
  maxEntries?: number;
  /**
   * Leave a folder whose first `probe` entries hold no sidecar, no article (.txt), no gazetteer and no folder: it is
   * taken as unrelated data (for `sift detect`, which must not list a folder of 100,000 unrelated files).
   */
  probe?: number;
}

export interface FoundSidecar {
  /** The path as found (under the path given). */
  file: string;
  /** The real path of the workspace root of the path it was found under (see workspaceRootFor). */
  root: string;
  /**
   * The file's real path as the walk found it (its folder's real path and its name, or a link's target): the scan
   * right after the walk checks it against `root` without resolving the path again (see outsideRealRoot).
   */
  real?: string;
}

export interface Found {
  sidecars: FoundSidecar[];
  /** Set when maxEntries stopped the walk before it was complete. */
  truncated: boolean;
  /** How many folder entries were read. */
  entries: number;
}

const byName = (a: fs.Dirent, b: fs.Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

interface Walk { out: FoundSidecar[]; seen: Set<string>; budget: number; entries: number; probe: number; truncated: boolean; root: string }

/** An entry that says a folder may hold a corpus. */
const related = (e: fs.Dirent) => e.isDirectory() || /\.(txt|ann\.yaml)$|^sift\.gazetteer\.yaml$/.test(e.name);

/** Reads up to the remaining budget of a folder's entries. */
function list(dir: string, w: Walk): fs.Dirent[] {
  const entries: fs.Dirent[] = [];
  let d: fs.Dir;
  try { d = fs.opendirSync(dir); } catch { return entries; }
  try {
    let hint = false;
    for (let e = d.readSync(); e; e = d.readSync()) {
      if (w.budget-- <= 0) { w.truncated = true; break; }
      entries.push(e);
      w.entries++;
      hint ||= related(e);
      if (!hint && entries.length >= w.probe) return [];
    }
  } finally {
    d.closeSync();
  }
  return entries.sort(byName);
}

function add(file: string, real: string, w: Walk): void {
  if (!file.endsWith('.ann.yaml') || w.seen.has(real)) return;
  w.seen.add(real);
  w.out.push({ file, root: w.root, real });
}

/** Walks folder `dir` whose real path is `real`, never through a link to a folder. */
function walkDir(dir: string, real: string, w: Walk): void {
  if (w.seen.has(real)) return;
  w.seen.add(real);
  for (const entry of list(dir, w)) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = path.join(dir, entry.name);
    // Some file systems do not say the kind in the listing: then an lstat (which does not follow links) does.
    const e: { isDirectory(): boolean; isFile(): boolean; isSymbolicLink(): boolean } = entry.isDirectory() || entry.isFile() || entry.isSymbolicLink() ? entry : lstat(p);
    if (e.isDirectory()) walkDir(p, path.join(real, entry.name), w);
    else if (e.isFile()) add(p, path.join(real, entry.name), w);
    else if (e.isSymbolicLink() && entry.name.endsWith('.ann.yaml')) {
      const target = realPath(p);
      if (target !== undefined && !isDirectory(target)) add(p, target, w);
    }
  }
}

const NOTHING = { isDirectory: () => false, isFile: () => false, isSymbolicLink: () => false };

function lstat(p: string): typeof NOTHING {
  try { return fs.lstatSync(p); } catch { return NOTHING; }
}

function isDirectory(p: string): boolean {
  try { return fs.statSync(p).isDirectory(); } catch { return false; }
}

/** Every sidecar under the given files and folders (skipping node_modules, dot-folders and links to folders). */
export function findSidecarsIn(paths: string[], options: FindOptions = {}): Found {
  const w: Walk = { out: [], seen: new Set(), budget: options.maxEntries ?? Infinity, entries: 0, probe: options.probe ?? Infinity, truncated: false, root: '' };
  for (const p of paths) {
    // A path the user names is taken through its links: that is asking for it.
    const real = realPath(p);
    if (real === undefined) continue;
    w.root = realPath(workspaceRootFor(real)) ?? real;
    if (isDirectory(real)) walkDir(p, real, w);
    else add(p, real, w);
  }
  return { sidecars: w.out, truncated: w.truncated, entries: w.entries };
}

/** Every sidecar under the given files and folders, each once. */
export function findSidecars(paths: string[], options: FindOptions = {}): string[] {
  return findSidecarsIn(paths, options).sidecars.map((s) => s.file);
}
