// Running an export: collect, split, format, write; and the summary the CLI and the editor show.
import { sha256Hex } from '../text/hash';
import * as path from 'path';
import { isEntityLabel } from './brat';
import { ArticleRecord, ExportOptions, FuzzyPlacement, Skipped, collectDataset } from './dataset';
import type { CorpusIndex } from '../corpus/corpusIndex';
import { scanCorpus, writeOutput } from './exportDisk';
import { FormatName, FormatOptions, Output, assemble, formatRecord, hfLabels } from './formats';

export interface Split {
  train: number;
  dev: number;
  test: number;
}

export interface RunOptions extends ExportOptions, FormatOptions {
  format: FormatName;
  /** A folder; for single-file formats without a split, a file path ending in the format's extension also works. */
  out: string;
  split?: Split;
  now?: () => string;
  cancelled?: () => boolean;
  /** Awaited every few articles (progress, and a chance to cancel). */
  pause?: (done: number, total: number) => Promise<void>;
  /** The corpus index to take the layers from; by default one is built (and scanned) over `paths` on Node's fs. */
  index?: CorpusIndex;
  /** How an output file is written: by default atomically on Node's fs; in the browser through the file port. */
  write?: (file: string, content: string) => Promise<void>;
}

export interface Summary {
  articles: number;
  entitiesByLabel: Record<string, number>;
  claims: number;
  /** Sidecars and annotations left out because they could not be read or placed. */
  skipped: Skipped[];
  /** Annotations placed by a fuzzy match of their quote after their article changed (exported). */
  fuzzy: FuzzyPlacement[];
  /** What the format had to leave out (an entity off token boundaries, a span brat cannot hold). */
  problems: { file: string; message: string }[];
  written: string[];
  splits?: Record<string, number>;
  cancelled?: boolean;
}

/** "0.8,0.1,0.1" or "80/10/10" -> ratios that sum to 1. */
export function parseSplit(s: string): Split {
  const parts = s.split(/[,/:]/).map(Number);
  if (parts.length !== 3 || parts.some((x) => !Number.isFinite(x) || x < 0) || parts.reduce((a, b) => a + b, 0) <= 0) {
    throw new Error(`a split is three non-negative numbers, train,dev,test (e.g. 0.8,0.1,0.1); got '${s}'`);
  }
  const sum = parts.reduce((a, b) => a + b, 0);
  return { train: parts[0] / sum, dev: parts[1] / sum, test: parts[2] / sum };
}

/** "low=0.25,medium=0.5" -> named confidence levels, each a number from 0 to 1. */
export function parseConfidenceLevels(s: string): Record<string, number> {
  const levels: Record<string, number> = {};
  for (const part of s.split(',')) {
    const at = part.lastIndexOf('=');
    const name = part.slice(0, at).trim();
    const value = at > 0 && part.slice(at + 1).trim() ? Number(part.slice(at + 1)) : NaN;
    if (!name || !(value >= 0 && value <= 1)) throw new Error(`confidence levels are name=value pairs, each value from 0 to 1 (e.g. low=0.25,medium=0.5,high=0.75,certain=1); got '${s}'`);
    levels[name] = value;
  }
  return levels;
}

/** "VESSEL,WEAPON" -> entity labels (upper case, digits and _). */
export function parseLabels(s: string): string[] {
  const labels = s.split(',').map((l) => l.trim()).filter(Boolean);
  const bad = labels.find((l) => !isEntityLabel(l));
  if (bad !== undefined || !labels.length) throw new Error(`labels are upper case words separated by commas (e.g. VESSEL,WEAPON); got '${s}'`);
  return labels;
}

/** The split an article falls in: a stable hash of its id, so the same input always gives the same split. */
export function splitOf(id: string, split: Split): keyof Split {
  const h = parseInt(sha256Hex(id).slice(0, 8), 16) / 0x100000000;
  return h < split.train ? 'train' : h < split.train + split.dev ? 'dev' : 'test';
}

const EXT: Record<FormatName, string> = { jsonl: '.jsonl', conll: '.conll', csv: '.csv', brat: '', hf: '' };

/** The records in a format; brat's annotation.conf declares the labels given and those the records use. */
export function format(records: ArticleRecord[], name: FormatName, exportedAt: string, options: FormatOptions = {}): Output {
  const labels = name === 'hf' ? hfLabels(records.flatMap((r) => r.entities.map((e) => e.label))) : [];
  const o = name === 'brat' ? { ...options, labels: [...options.labels ?? [], ...records.flatMap((r) => r.entities.map((e) => e.label))] } : options;
  return assemble(name, records.map((r) => formatRecord(r, name, exportedAt, labels, o)), labels, o);
}

/** Collects and writes a dataset. Nothing is written for an export that was cancelled. */
export async function runExport(paths: string[], o: RunOptions): Promise<Summary> {
  const index = o.index ?? await scanCorpus(paths, { followOutsideRoot: o.followOutsideRoot });
  const { records, skipped, fuzzy } = await collectDataset(index, o, o.cancelled, o.pause);
  const summary: Summary = { articles: records.length, entitiesByLabel: {}, claims: 0, skipped, fuzzy, problems: [], written: [] };
  for (const r of records) {
    for (const e of r.entities) summary.entitiesByLabel[e.label] = (summary.entitiesByLabel[e.label] ?? 0) + 1;
    summary.claims += r.claims.length;
  }
  if (o.cancelled?.()) return { ...summary, cancelled: true };
  const exportedAt = (o.now ?? (() => new Date().toISOString()))();
  const groups = new Map<string, ArticleRecord[]>();
  if (o.split) {
    for (const k of ['train', 'dev', 'test']) groups.set(k, []);
    for (const r of records) groups.get(splitOf(r.id, o.split))!.push(r);
    summary.splits = Object.fromEntries([...groups].map(([k, v]) => [k, v.length]));
  } else groups.set('', records);
  const singleFile = !o.split && EXT[o.format] && o.out.endsWith(EXT[o.format]);
  for (const [name, recs] of groups) {
    // Every split's annotation.conf declares the labels of the whole export.
    const out = format(recs, o.format, exportedAt, { labels: [...o.labels ?? [], ...Object.keys(summary.entitiesByLabel)], confidenceLevels: o.confidenceLevels });
    summary.problems.push(...out.problems);
    for (const [rel, content] of out.files) {
      const target = singleFile && out.files.size === 1 ? o.out : path.join(o.out, name, rel);
      await (o.write ?? writeOutput)(target, content);
      summary.written.push(target);
    }
  }
  return summary;
}

export function formatSummary(s: Summary): string {
  const labels = Object.entries(s.entitiesByLabel).sort().map(([l, n]) => `${l} ${n}`).join(', ') || 'none';
  const lines = [`${s.articles} article(s); entities: ${labels}; claims: ${s.claims}`];
  if (s.splits) lines.push(`split: ${Object.entries(s.splits).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  if (s.skipped.length) lines.push(`skipped ${s.skipped.length} annotation(s) or file(s) that could not be placed:`, ...s.skipped.map((x) => `  ${x.file}${x.id ? ` ${x.id}` : ''}: ${x.reason}`));
  if (s.fuzzy.length) lines.push(`${s.fuzzy.length} annotation(s) placed by a fuzzy match of their quote (the article changed; check them):`, ...s.fuzzy.map((x) => `  ${x.file} ${x.id} (${x.annotator}): '${x.quote}' placed on '${x.text}' at ${x.start}..${x.end}`));
  if (s.problems.length) lines.push(`${s.problems.length} problem(s):`, ...s.problems.map((p) => `  ${p.file}: ${p.message}`));
  lines.push(`wrote ${s.written.length} file(s)`);
  return `${lines.join('\n')}\n`;
}

/** Whether anything was left out of the export (what `sift export --strict` fails on). */
export function leftOut(s: Summary): boolean {
  return s.skipped.length > 0 || s.problems.length > 0;
}
