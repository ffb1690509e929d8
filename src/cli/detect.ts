import * as path from 'path';
import { ArticleError, readArticleFile } from '../core/text/article';
import { Detector, referenceDate } from '../core/detect/detector';
import { isoDay } from '../core/detect/dates';
import { WorkspaceNames, workspaceNames } from '../core/corpus/workspaceNames';
import { workspaceRootFor } from '../core/corpus/workspaceRoot';
import { CliIo } from './io';

export const DETECT_USAGE = `sift detect FILE... [--json] [--reference YYYY-MM-DD]
  Prints the suggested PERSON, ORG, PLACE and DATE mentions: file, start and end in code points, label, text,
  normalised value and canonical name. Uses the nearest sift.gazetteer.yaml and the strings labelled in the sidecars
  under the article's root: the nearest folder above it with sift.gazetteer.yaml or .git, else its own folder. The
  article's folder is searched first; the search skips node_modules, dot-folders and links to folders, leaves a
  folder whose first 32 entries hold no article, sidecar or folder, and stops after 5,000 folder entries.`;

/** How many folder entries `sift detect` reads at most while looking for sidecars: a big unrelated tree is not crawled. */
export const DETECT_MAX_ENTRIES = 5000;
/** A folder whose first this many entries say nothing of a corpus (no article, sidecar or folder) is not listed further. */
export const DETECT_PROBE = 32;

/** The publication date recorded in any sidecar of the article (among those the index read next to it). */
function publishedFor(file: string, known: WorkspaceNames): string | undefined {
  const dir = path.dirname(file);
  const stem = path.basename(file, path.extname(file));
  for (const f of known.sidecars.filter((s) => path.dirname(s) === dir && path.basename(s).startsWith(`${stem}.`)).sort()) {
    const p = known.index.entry(f)?.indexed?.layer.header.published;
    if (p) return p;
  }
  return undefined;
}

function parseArgs(args: string[], io: CliIo): { json: boolean; forced?: string; files: string[] } | undefined {
  let json = false;
  let forced: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') json = true;
    else if (a === '--reference' && /^\d{4}-\d{2}-\d{2}$/.test(args[i + 1] ?? '')) forced = args[++i];
    else if (a.startsWith('-')) {
      io.err(`sift detect: bad option ${a}\n${DETECT_USAGE}\n`);
      return undefined;
    } else files.push(a);
  }
  if (!files.length) {
    io.err(`${DETECT_USAGE}\n`);
    return undefined;
  }
  return { json, forced, files };
}

export async function detectCommand(args: string[], io: CliIo): Promise<number> {
  const opts = parseArgs(args, io);
  if (!opts) return 2;
  const results: unknown[] = [];
  let failed = 0;
  const workspaces = new Map<string, { detector: Detector; known: WorkspaceNames }>();
  for (const f of opts.files) {
    const file = path.resolve(io.cwd, f);
    let read: { text: string; mtime: Date };
    try {
      read = readArticleFile(file);
    } catch (e) {
      if (!(e instanceof ArticleError)) throw e;
      io.err(`sift detect: ${e.message}\n`);
      failed++;
      continue;
    }
    const root = workspaceRootFor(file);
    let ws = workspaces.get(root);
    if (!ws) {
      const known = await workspaceNames(root, undefined, { near: path.dirname(file), maxEntries: DETECT_MAX_ENTRIES, probe: DETECT_PROBE });
      if (known.truncated) io.err(`sift detect: looked for sidecars in the first ${DETECT_MAX_ENTRIES} entries under ${root} only\n`);
      ws = { detector: new Detector(known.names), known };
      workspaces.set(root, ws);
    }
    const ref = referenceDate(read.text, opts.forced ?? publishedFor(file, ws.known), read.mtime);
    const rel = path.relative(io.cwd, file) || file;
    for (const s of ws.detector.detect(read.text, ref.date)) {
      if (opts.json) results.push({ file: rel, reference: isoDay(ref.date), ...s });
      else io.out(`${rel}\t${s.start}\t${s.end}\t${s.label}\t${s.text}\t${s.value ?? ''}\t${s.canonical ?? ''}\n`);
    }
  }
  if (opts.json) io.out(`${JSON.stringify(results, null, 2)}\n`);
  return failed ? 1 : 0;
}
