// `sift validate --strict`: what a repository must not hold when work is shared over git, beyond a sidecar's own
// checks: text conflict markers left in a sidecar, orphaned annotations (an error here, not a warning), and sidecars
// git still has unmerged. Conflicts the merge driver recorded (x-sift-conflicts) are errors in every validate.
import * as path from 'path';
import { spawnSync } from 'child_process';
import { Problem } from './problems';
import { ReadRefusal, readTextFile } from '../text/safeRead';

const MARKER = /^(<{7}|>{7}|\|{7})( |$)|^={7}$/;

/** Lines of git's text conflict markers in a sidecar (none when it cannot be read: validate reports that). */
export function conflictMarkers(file: string): Problem[] {
  let text: string;
  try {
    text = readTextFile(file);
  } catch (e) {
    if (e instanceof ReadRefusal) return [];
    throw e;
  }
  const out: Problem[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (MARKER.test(line)) out.push({ file, line: i + 1, col: 1, severity: 'error', code: 'conflict-markers', message: `git's conflict marker '${line.slice(0, 7)}' is left in the sidecar; resolve the conflict` });
  });
  return out;
}

/** Sidecars git has unmerged (an unfinished merge, rebase or cherry-pick) under a folder; none outside a repository. */
export function unmergedSidecars(folder: string): Problem[] {
  const r = spawnSync('git', ['ls-files', '-u', '-z', '--full-name', '--', '*.ann.yaml'], { cwd: folder, encoding: 'utf8' });
  if (r.error || r.status !== 0) return [];
  const top = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: folder, encoding: 'utf8' }).stdout.trim();
  const files = new Set(r.stdout.split('\0').filter(Boolean).map((l) => l.slice(l.indexOf('\t') + 1)));
  return [...files].map((f) => ({
    file: path.join(top, f), line: 0, col: 0, severity: 'error' as const, code: 'unmerged',
    message: 'git has this sidecar unmerged (a merge, rebase or cherry-pick is unfinished); resolve it and git add it',
  }));
}

/** The strict view of validate's problems: an orphaned annotation fails the check. */
export function strictly(p: Problem): Problem {
  return p.code === 'orphaned' ? { ...p, severity: 'error' } : p;
}
