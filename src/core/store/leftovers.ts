// Temporary files left beside a sidecar by a save that crashed between writing the temp file and renaming it.
import * as fs from 'fs';
import * as path from 'path';
import { Layer } from '../model';
import { readSidecarText } from './atomicWrite';
import { processIsAlive } from './lock';
import { SidecarError } from './problems';
import { parseSidecar } from './sidecarFormat';

/** A temp file younger than this whose writer still runs is a save in progress, not debris. */
export const LIVE_TEMP_MS = 60_000;
export const ORPHAN_TEMP_SUFFIX = '.orphan-tmp.yaml';

export interface Leftover {
  /** The temp file found. */
  file: string;
  /**
   * merged: it parsed, its annotations were merged by id into the layer, and it is deleted once that is saved;
   * kept-aside: it did not parse, so it was renamed to `movedTo` (`*.orphan-tmp.yaml`) for a person to look at;
   * empty: it held nothing and was deleted.
   */
  outcome: 'merged' | 'kept-aside' | 'empty';
  movedTo?: string;
  /** Why it did not parse (kept-aside). */
  problem?: string;
  /** Its layer (merged). */
  layer?: Layer;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * While set (`withFoldersListedOnce`), each folder is listed once and its names reused: a bulk run (sift review
 * --merge over 10,000 articles in one folder) would otherwise list the whole folder for every sidecar it opens. A
 * temp file gone since the listing is skipped (its lstat fails); one that appears later belongs to a save that is
 * in progress or, if it crashed, is found by the next open after the run, as it would be had it appeared just after a
 * listing.
 */
let listedOnce: Map<string, string[]> | undefined;

/** Runs `work` with each folder listed at most once for leftover temp files (see `listedOnce`). */
export async function withFoldersListedOnce<T>(work: () => Promise<T>): Promise<T> {
  const outer = listedOnce;
  listedOnce ??= new Map();
  try {
    return await work();
  } finally {
    listedOnce = outer;
  }
}

/** The names in `dir` that may be temp files (they start with a dot), sorted. */
function namesIn(dir: string): string[] {
  const cached = listedOnce?.get(dir);
  if (cached) return cached;
  const names = fs.readdirSync(dir).filter((n) => n.startsWith('.')).sort();
  listedOnce?.set(dir, names);
  return names;
}

/** The temp files of `sidecar` (`.<name>.<pid>.<hex>.tmp`) whose writer is gone or that are too old to be in progress. */
export function findLeftoverTemps(sidecar: string, now = Date.now()): string[] {
  const dir = path.dirname(sidecar);
  const re = new RegExp(`^\\.${escapeRe(path.basename(sidecar))}\\.(\\d+)\\.[0-9a-f]+\\.tmp$`);
  let names: string[];
  try {
    names = namesIn(dir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of names) {
    const m = re.exec(name);
    if (!m) continue;
    const file = path.join(dir, name);
    const pid = Number(m[1]);
    let mtime: number;
    try {
      mtime = fs.lstatSync(file).mtimeMs;
    } catch {
      continue;
    }
    const inProgress = pid !== process.pid && processIsAlive(pid) && now - mtime < LIVE_TEMP_MS;
    if (!inProgress) out.push(file);
  }
  return out;
}

function keepAside(file: string, problem: string): Leftover {
  const base = path.basename(file).replace(/^\./, '').replace(/\.tmp$/, '');
  const movedTo = path.join(path.dirname(file), `${base}${ORPHAN_TEMP_SUFFIX}`);
  fs.renameSync(file, movedTo);
  return { file, outcome: 'kept-aside', movedTo, problem };
}

/** Reads one leftover temp file: its layer when it parses; otherwise it is moved aside (or deleted when empty). */
function takeLeftover(file: string): Leftover {
  let text: string | undefined;
  try {
    text = readSidecarText(file);
  } catch (e) {
    if (!(e instanceof SidecarError)) throw e;
    return keepAside(file, e.message);
  }
  if (text === undefined) return { file, outcome: 'empty' };
  if (text.trim() === '') {
    fs.rmSync(file, { force: true });
    return { file, outcome: 'empty' };
  }
  try {
    return { file, outcome: 'merged', layer: parseSidecar(text, file).layer };
  } catch (e) {
    if (!(e instanceof SidecarError)) throw e;
    return keepAside(file, e.message);
  }
}

/** Finds and reads the leftover temp files of `sidecar`; unparseable ones are moved aside, never deleted. */
export function collectLeftovers(sidecar: string): Leftover[] {
  return findLeftoverTemps(sidecar).map(takeLeftover);
}
