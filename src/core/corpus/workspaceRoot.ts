// The workspace root, and what lies outside it. A corpus is read and written only inside its root: a link that leads
// out of it (to another tree, to /etc) is not followed unless the user asks for it.
import * as path from 'path';
import { exists, isDirectory, realPath } from './rootProbe';
import { GAZETTEER_FILE } from '../detect/gazetteer';
import { ArticleError } from '../text/article';
import { sidecarPathFor } from '../store/paths';

/** What marks a workspace root. */
export const ROOT_MARKERS = [GAZETTEER_FILE, '.git'];

/**
 * The root for a file or folder: the nearest folder at or above it that holds sift.gazetteer.yaml or .git, else the
 * folder itself (for a file, its own folder). The path is taken as given (links in it are not resolved).
 */
export function workspaceRootFor(p: string): string {
  const start = isDirectory(p) ? path.resolve(p) : path.dirname(path.resolve(p));
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (ROOT_MARKERS.some((m) => exists(path.join(dir, m)))) return dir;
    if (path.dirname(dir) === dir) return start;
  }
}

export { realPath } from './rootProbe';

/** Whether `file` is `root` or below it (both already absolute and resolved). */
export function isInside(file: string, root: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/**
 * Why `file` may not be read: its real path leaves the real path of `root`. Undefined when it stays inside, and when it
 * does not exist (reading it then reports that).
 */
export function outsideRoot(file: string, root: string): string | undefined {
  const real = realPath(file);
  const realRoot = realPath(root) ?? path.resolve(root);
  if (real === undefined || isInside(real, realRoot)) return undefined;
  return `its real path ${real} is outside the workspace root ${realRoot}; it is not read (sift: --follow-outside-root reads it)`;
}

/**
 * `outsideRoot` for a file whose real path (`real`) and whose root's real path (`realRoot`) a walk has just found:
 * nothing is resolved again when it stays inside; otherwise (or with no `real`) `outsideRoot` looks and says why.
 */
export function outsideRealRoot(file: string, real: string | undefined, realRoot: string): string | undefined {
  return real !== undefined && isInside(real, realRoot) ? undefined : outsideRoot(file, realRoot);
}

/**
 * The sidecar path of an article for an annotator, refused (ArticleError 'outside-root') when its folder, or the
 * sidecar itself, is reached through a link that leaves `root` (by default the article's root, see workspaceRootFor).
 */
export function sidecarPathInRoot(articlePath: string, annotator: string, root = workspaceRootFor(articlePath)): string {
  const sidecar = sidecarPathFor(articlePath, annotator);
  const why = outsideRoot(path.dirname(sidecar), root) ?? outsideRoot(sidecar, root);
  if (why) throw new ArticleError(sidecar, 'outside-root', `the sidecar would be written outside the workspace: ${why}`);
  return sidecar;
}
