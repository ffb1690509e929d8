import * as path from 'path';
import { FORMATS, FormatName } from '../core/export/formats';
import { Split, formatSummary, leftOut, parseConfidenceLevels, parseLabels, parseSplit, runExport } from '../core/export/run';
import { CliIo } from './io';

export const EXPORT_USAGE = `sift export [paths...] --format jsonl|conll|brat|csv|hf --out DIR|FILE [--layer ANNOTATOR|all|gold]
            [--split 0.8,0.1,0.1] [--suggestions] [--include-orphans] [--strict] [--json]
            [--labels L1,L2] [--confidence-levels low=0.25,medium=0.5,high=0.75,certain=1] [--follow-outside-root]
  Exports the annotations of the sidecars under the paths (default .). --layer all (the default) keeps every
  annotator's layer, each record carrying its annotator; gold uses the adjudicated layer where present, else all.
  Unaccepted suggestions are left out unless --suggestions. Annotations that cannot be placed on the current text are
  reported and skipped; --include-orphans keeps them, without offsets, in the JSONL "orphaned" list. --strict exits 1
  when anything was left out (an unreadable sidecar, an annotation that could not be placed, or one the format cannot
  hold); the export is written all the same. brat's annotation.conf declares the built-in labels, those the data uses
  and --labels; its Confidence attribute takes the --confidence-levels (default as above), each claim the nearest.
  Links to folders are not followed; a sidecar or article whose real path leaves the workspace root (the nearest
  folder with sift.gazetteer.yaml or .git above the path) is skipped with the reason, unless --follow-outside-root.
  Offsets are Unicode code points, end-exclusive.`;

export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const paths: string[] = [];
  let format: FormatName | undefined;
  let out: string | undefined;
  let layer = 'all';
  let split: Split | undefined;
  let suggestions = false;
  let orphans = false;
  let json = false;
  let strict = false;
  let followOutsideRoot = false;
  let labels: string[] | undefined;
  let confidenceLevels: Record<string, number> | undefined;
  const fail = (msg: string) => { io.err(`sift export: ${msg}\n${EXPORT_USAGE}\n`); return 2; };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const next = () => args[++i];
    if (a === '--format') {
      const f = next();
      if (!FORMATS.includes(f as FormatName)) return fail(`unknown format '${f}'`);
      format = f as FormatName;
    } else if (a === '--out') out = next();
    else if (a === '--layer') layer = next() ?? '';
    else if (a === '--split') {
      try { split = parseSplit(next() ?? ''); } catch (e) { return fail((e as Error).message); }
    } else if (a === '--labels' || a === '--confidence-levels') {
      try {
        if (a === '--labels') labels = parseLabels(next() ?? '');
        else confidenceLevels = parseConfidenceLevels(next() ?? '');
      } catch (e) { return fail((e as Error).message); }
    } else if (a === '--suggestions') suggestions = true;
    else if (a === '--include-orphans') orphans = true;
    else if (a === '--json') json = true;
    else if (a === '--strict') strict = true;
    else if (a === '--follow-outside-root') followOutsideRoot = true;
    else if (a.startsWith('-')) return fail(`unknown option ${a}`);
    else paths.push(a);
  }
  if (!format) return fail('--format is required');
  if (!out) return fail('--out is required');
  if (!layer) return fail('--layer needs a value');
  const roots = (paths.length ? paths : ['.']).map((p) => path.resolve(io.cwd, p));
  const summary = await runExport(roots, { format, out: path.resolve(io.cwd, out), layer, split, includeSuggestions: suggestions, includeOrphans: orphans, root: roots.length === 1 ? roots[0] : io.cwd, labels, confidenceLevels, followOutsideRoot });
  io.out(json ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary));
  return strict && leftOut(summary) ? 1 : 0;
}
