// The assignments of a workspace of several folders (core, no `vscode`, no Node `fs`): each folder may hold its own
// sift.assignments.yaml at its top, read through the file port (Node's fs on desktop, vscode.workspace.fs in the
// browser), so the editor finds them in a multi-root workspace and on the web alike. An article is governed by the
// file of the deepest folder that holds it; a file that cannot be used governs nothing and says why.
import * as path from 'path';
import { FileSystemPort } from '../store/fileSystem';
import { ASSIGNMENTS_FILE, AssignmentError, Progress, parseAssignments, progressOf, queueOf } from './assignments';
import { AssignmentsAt, assignedAt, refusedAssignments } from './assignmentsFile';

/** A workspace folder's assignments file: read (`at`), or why it cannot be used (`error`). */
export type FolderAssignments = { root: string; file: string } & ({ at: AssignmentsAt; error?: undefined } | { at?: undefined; error: string });

/** One folder's file through the port: undefined when the folder has none. Never throws for a bad file. */
export async function readFolderAssignments(fs: FileSystemPort, root: string): Promise<FolderAssignments | undefined> {
  const file = path.join(root, ASSIGNMENTS_FILE);
  try {
    let text: string;
    try {
      text = await fs.readText(file);
    } catch (e) {
      return refusedAssignments(e, file);
    }
    return { root, file, at: { file, root, assignments: parseAssignments(text, file) } };
  } catch (e) {
    if (!(e instanceof AssignmentError)) throw e;
    return { root, file, error: e.message };
  }
}

/** Every folder's file (the folders without one left out), in the order of `roots`. */
export async function readAllAssignments(fs: FileSystemPort, roots: readonly string[]): Promise<FolderAssignments[]> {
  const read = await Promise.all([...new Set(roots)].map((r) => readFolderAssignments(fs, r)));
  return read.filter((f): f is FolderAssignments => f !== undefined);
}

const inside = (root: string, file: string) => file.startsWith(root.endsWith('/') || root.endsWith(path.sep) ? root : `${root}${path.sep}`);

/** The usable file that governs `article` (an absolute path): the deepest folder holding it; undefined when none. */
export function governing(folders: readonly FolderAssignments[], article: string): AssignmentsAt | undefined {
  let best: AssignmentsAt | undefined;
  for (const f of folders) if (f.at && inside(f.root, article) && (!best || f.root.length > best.root.length)) best = f.at;
  return best;
}

/** The annotators `article` is assigned to, or undefined when no file assigns it (the caller keeps its default). */
export function assignedIn(folders: readonly FolderAssignments[], article: string): readonly string[] | undefined {
  return assignedAt(governing(folders, article), article);
}

/** Whether `annotator` marked `article` (an absolute path) finished. */
export type IsFinished = (article: string, annotator: string) => boolean;

/** An article of my queue: its file, the folder whose assignments name it, and the name they give it. */
export interface QueuedArticle {
  root: string;
  key: string;
  file: string;
}

const fileOf = (root: string, key: string) => path.join(root, ...key.split('/'));

/** My unfinished articles over every usable file, folder by folder (each file's articles sorted). */
export function queueAcross(folders: readonly FolderAssignments[], annotator: string, isFinished: IsFinished): QueuedArticle[] {
  const out: QueuedArticle[] = [];
  for (const f of folders) {
    if (!f.at) continue;
    const done = (key: string, who: string) => isFinished(fileOf(f.root, key), who);
    for (const key of queueOf(f.at.assignments, annotator, done)) out.push({ root: f.root, key, file: fileOf(f.root, key) });
  }
  return out;
}

/** Each annotator's progress (finished / assigned) summed over every usable file, sorted by annotator. */
export function progressAcross(folders: readonly FolderAssignments[], isFinished: IsFinished): Progress[] {
  const rows = new Map<string, Progress>();
  for (const f of folders) {
    if (!f.at) continue;
    for (const p of progressOf(f.at.assignments, (key, who) => isFinished(fileOf(f.root, key), who))) {
      const row = rows.get(p.annotator) ?? { annotator: p.annotator, finished: 0, assigned: 0 };
      row.finished += p.finished;
      row.assigned += p.assigned;
      rows.set(p.annotator, row);
    }
  }
  return [...rows.values()].sort((x, y) => (x.annotator < y.annotator ? -1 : x.annotator > y.annotator ? 1 : 0));
}
