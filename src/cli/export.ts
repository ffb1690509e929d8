import * as path from 'path';
import { FORMATS, FormatName } from '../core/export/formats';
import { Split, formatSummary, leftOut, parseConfidenceLevels, parseLabels, parseSplit, runExport } from '../core/export/run';
import { CliIo } from './io';
import { parseOptions } from './options';

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

interface ExportArgs {
  paths: string[];
  format?: FormatName;
  out?: string;
  layer: string;
  split?: Split;
  suggestions: boolean;
  orphans: boolean;
  json: boolean;
  strict: boolean;
  followOutsideRoot: boolean;
  labels?: string[];
  confidenceLevels?: Record<string, number>;
}

/** A value read by `read`, which throws the message that refuses it. */
const parsed = <T>(read: (v: string) => T, set: (r: ExportArgs, x: T) => void) => (r: ExportArgs, v: string | undefined): string | undefined => {
  try {
    set(r, read(v ?? ''));
  } catch (e) {
    return (e as Error).message;
  }
  return undefined;
};

function parseArgs(args: string[]): ExportArgs | string {
  const r: ExportArgs = { paths: [], layer: 'all', suggestions: false, orphans: false, json: false, strict: false, followOutsideRoot: false };
  return parseOptions(args, r, {
    flags: {
      '--suggestions': (x) => { x.suggestions = true; },
      '--include-orphans': (x) => { x.orphans = true; },
      '--json': (x) => { x.json = true; },
      '--strict': (x) => { x.strict = true; },
      '--follow-outside-root': (x) => { x.followOutsideRoot = true; },
    },
    values: {
      '--format': (x, f) => {
        if (!FORMATS.includes(f as FormatName)) return `unknown format '${f}'`;
        x.format = f as FormatName;
        return undefined;
      },
      '--out': (x, v) => { x.out = v; },
      '--layer': (x, v = '') => { x.layer = v; },
      '--split': parsed(parseSplit, (x, v) => { x.split = v; }),
      '--labels': parsed(parseLabels, (x, v) => { x.labels = v; }),
      '--confidence-levels': parsed(parseConfidenceLevels, (x, v) => { x.confidenceLevels = v; }),
    },
  });
}

export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const fail = (msg: string) => { io.err(`sift export: ${msg}\n${EXPORT_USAGE}\n`); return 2; };
  const r = parseArgs(args);
  if (typeof r === 'string') return fail(r);
  const { paths, format, out, layer, split, suggestions, orphans, json, strict, followOutsideRoot, labels, confidenceLevels } = r;
  if (!format) return fail('--format is required');
  if (!out) return fail('--out is required');
  if (!layer) return fail('--layer needs a value');
  const roots = (paths.length ? paths : ['.']).map((p) => path.resolve(io.cwd, p));
  const summary = await runExport(roots, { format, out: path.resolve(io.cwd, out), layer, split, includeSuggestions: suggestions, includeOrphans: orphans, root: roots.length === 1 ? roots[0] : io.cwd, labels, confidenceLevels, followOutsideRoot });
  io.out(json ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary));
  return strict && leftOut(summary) ? 1 : 0;
}
