// The paths a sift command is given (folders, articles, sidecars) and which articles they select: shared by the
// commands that read the corpus index, and by the worker threads of a bulk merge (reviewParallel.ts).
import * as fs from 'fs';
import * as path from 'path';
import { isSidecarPath } from '../core/store/paths';
import { ArticleLayers } from '../core/review/corpusReview';

/** The paths a command was given: folders, files, those not found, and the roots to walk (none inside another). */
export interface Selection {
  dirs: string[];
  files: Set<string>;
  missing: string[];
  roots: string[];
}

export function selectPaths(paths: string[], cwd: string): Selection {
  const dirs: string[] = [];
  const files = new Set<string>();
  const missing: string[] = [];
  for (const p of paths.length ? paths : ['.']) {
    const abs = path.resolve(cwd, p);
    let dir: boolean;
    try { dir = fs.statSync(abs).isDirectory(); } catch { missing.push(p); continue; }
    if (dir) dirs.push(abs);
    else files.add(abs);
  }
  const all = [...new Set([...dirs, ...[...files].map((f) => path.dirname(f))])];
  return { dirs, files, missing, roots: all.filter((r) => !all.some((o) => o !== r && r.startsWith(o + path.sep))) };
}

/** Whether the selection takes an article: folders whole; an article or a sidecar stands for its article. */
export function selects(sel: Selection, a: ArticleLayers): boolean {
  return sel.dirs.some((d) => a.article.startsWith(d + path.sep)) || sel.files.has(a.article)
    || a.layers.some((l) => sel.files.has(l.sidecar)) || a.broken.some((b) => sel.files.has(b.sidecar));
}

/** The paths given that are neither found nor an article with sidecars (`articles`: the articles selected). */
export function notFound(sel: Selection, articles: ReadonlySet<string>, cwd: string): string[] {
  const missing = [...sel.missing];
  for (const f of sel.files) if (!isSidecarPath(f) && !articles.has(f)) missing.push(`${path.relative(cwd, f) || f} (no sidecars)`);
  return missing;
}
