// `sift.assignments.yaml` on disk (core, Node's file system): read as hostile (a regular file, at most 5 MB, counted as
// it is read), written atomically, and found for an article at its workspace root. An article is named in the file
// by its path relative to the file's folder, with `/` separators.
import * as path from 'path';
import { writeFileAtomic } from '../store/atomicWrite';
import { MAX_SIDECAR_BYTES, ReadRefusal, readTextFile } from '../text/safeRead';
import { ASSIGNMENTS_FILE, AssignmentError, Assignments, assignedTo, parseAssignments, serializeAssignments } from './assignments';
import { workspaceRootFor } from './workspaceRoot';

/** An assignments file and the folder its article paths are relative to. */
export interface AssignmentsAt {
  file: string;
  root: string;
  assignments: Assignments;
}

/**
 * What a failed read of the file means: undefined when there is no file; an AssignmentError when it is refused (a
 * folder, too big, unreadable); anything else is thrown on. Shared by the Node reader here and the file port's
 * (folderAssignments.ts).
 */
export function refusedAssignments(e: unknown, file: string): undefined {
  if (e instanceof ReadRefusal && e.problem === 'missing') return undefined;
  if (e instanceof ReadRefusal) throw new AssignmentError(`${file}: ${e.detail}`);
  throw e;
}

/** The file's assignments; undefined when there is no file; an AssignmentError when it cannot be read or parsed. */
export function readAssignmentsFile(file: string): Assignments | undefined {
  let text: string;
  try {
    text = readTextFile(file, MAX_SIDECAR_BYTES);
  } catch (e) {
    return refusedAssignments(e, file);
  }
  return parseAssignments(text, file);
}

/** Writes the assignments (temp file and rename); returns false when the file already says exactly that. */
export function writeAssignmentsFile(file: string, a: Assignments): boolean {
  const text = serializeAssignments(a);
  let old: string | undefined;
  try { old = readTextFile(file); } catch { old = undefined; }
  if (old === text) return false;
  writeFileAtomic(file, text);
  return true;
}

/** The assignments file at the workspace root of `p` (see workspaceRootFor), if there is one. */
export function assignmentsFor(p: string): AssignmentsAt | undefined {
  const root = workspaceRootFor(p);
  const file = path.join(root, ASSIGNMENTS_FILE);
  const assignments = readAssignmentsFile(file);
  return assignments && { file, root, assignments };
}

/** An article's path as the file names it: relative to `root`, `/` separators; undefined when it is outside. */
export function articleKey(root: string, article: string): string | undefined {
  const rel = path.relative(root, path.resolve(article));
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/** The annotators `article` (an absolute path) is assigned to, or undefined when the file does not assign it. */
export function assignedAt(at: AssignmentsAt | undefined, article: string): readonly string[] | undefined {
  const key = at && articleKey(at.root, article);
  return key === undefined || !at ? undefined : assignedTo(at.assignments, key);
}
