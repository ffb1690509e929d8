// The agreement report of the workspace, computed from the corpus index one article at a time with a yield to the
// event loop whenever a slice has run for `budgetMs`, so the extension host stays responsive over a big corpus. No
// `vscode` here: the bench runs it under plain Node. The figures are core's (src/core/review/agreement/report.ts),
// the same as `sift agree` prints.
import * as path from 'path';
import { CorpusIndex } from '../../../core/corpus/corpusIndex';
import { ArticleLayers, articlesOf, placedOn } from '../../../core/review/corpusReview';
import { AgreementBuilder } from '../../../core/review/agreement/report';
import { AlphaU } from '../../../core/review/agreement/unitizing';
import { AgreementReport, Figure } from '../../../core/review/agreement/shape';
import { ArticleDisagreements, disagreementsOf } from '../../../core/review/agreement/targets';
import { DETECTOR, GOLD, LayerInput } from '../../../core/review/units';
import { ArticleText, decodeArticle } from '../../../core/text/article';
import { UnitizingRunner } from './offThread';
import { yieldTurn } from '../../../core/text/turn';

/** What the report is computed over; an empty or absent list means all. */
export interface AgreementFilter {
  annotators?: string[];
  labels?: string[];
  /** Folders relative to the workspace (`.` for its top); an article counts when it is in one of them or below. */
  folders?: string[];
}

export interface AgreementRun {
  report: AgreementReport;
  /** Krippendorff's α per pair, in the order of `report.pairs`. */
  pairAlphas: Figure[];
  filter: AgreementFilter;
  /** What the filters can choose from. */
  choices: { annotators: string[]; labels: string[]; folders: string[] };
  /** The article's absolute path by its name in the report. */
  paths: Map<string, string>;
  /** Where the disagreements are, by the article's name in the report. */
  targets: Map<string, ArticleDisagreements>;
  /** Articles left out, and why. */
  skipped: string[];
  /** The longest stretch of synchronous work (the extension host blocked), in milliseconds. */
  longestBlockMs: number;
}

export interface ComputeOptions {
  /** How an article is named in the report (a workspace-relative path). */
  name: (article: string) => string;
  /** Runs between slices (default: one turn of the event loop). */
  pause?: () => Promise<void>;
  budgetMs?: number;
  /** Computes αu elsewhere (a worker thread): over a big corpus it is the one step that cannot be sliced. */
  unitizing?: UnitizingRunner;
}

const nextTurn = yieldTurn;
const sortedSet = (xs: Iterable<string>) => [...new Set(xs)].sort();
const some = (xs: string[] | undefined) => (xs && xs.length ? xs : undefined);

function inFolders(name: string, folders: string[] | undefined): boolean {
  if (!folders) return true;
  const dir = path.posix.dirname(name.split(path.sep).join('/'));
  return folders.some((f) => f === '.' || dir === f || dir.startsWith(`${f}/`));
}

function choicesOf(index: CorpusIndex, name: (a: string) => string): AgreementRun['choices'] {
  const layers = index.layers().filter((l) => l.annotator !== GOLD && l.annotator !== DETECTOR);
  return {
    annotators: sortedSet(layers.map((l) => l.annotator)),
    labels: sortedSet(layers.flatMap((l) => l.layer.entities.map((e) => e.label))),
    folders: sortedSet(layers.map((l) => path.posix.dirname(name(l.article).split(path.sep).join('/')))),
  };
}

/** Reads an article's bytes (no block: the event loop runs meanwhile); a message when they cannot be read. */
async function bytesOf(index: CorpusIndex, a: ArticleLayers): Promise<Uint8Array | string> {
  if (a.broken.length) return `a sidecar cannot be read (${a.broken.map((b) => path.basename(b.sidecar)).join(', ')})`;
  try {
    return await index.readBytes(a.article);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** The article's text with its layers placed on it, or why it cannot be read. */
function inputOf(a: ArticleLayers, bytes: Uint8Array, annotators: readonly string[]): { text: ArticleText; layers: LayerInput[] } | string {
  try {
    const text = new ArticleText(decodeArticle(bytes, a.article));
    return { text, layers: placedOn(text, a.article, a.layers.filter((l) => annotators.includes(l.annotator))) };
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** The report over the index under the filter, computed in slices. */
export async function computeAgreement(index: CorpusIndex, filter: AgreementFilter, options: ComputeOptions): Promise<AgreementRun> {
  const pause = options.pause ?? nextTurn;
  const budget = options.budgetMs ?? 15;
  const choices = choicesOf(index, options.name);
  const f: AgreementFilter = { annotators: some(filter.annotators), labels: some(filter.labels), folders: some(filter.folders) };
  const builder = new AgreementBuilder(f.annotators ?? choices.annotators, { labels: f.labels });
  const annotators = builder.annotators;
  const run: Omit<AgreementRun, 'report' | 'pairAlphas'> = { filter: f, choices, paths: new Map(), targets: new Map(), skipped: [], longestBlockMs: 0 };
  let slice = Date.now();
  const articles = articlesOf(index, (a) => inFolders(options.name(a), f.folders)).filter((a) => a.broken.length || a.layers.some((l) => annotators.includes(l.annotator)));
  const block = () => { run.longestBlockMs = Math.max(run.longestBlockMs, Date.now() - slice); };
  for (const a of articles) {
    const name = options.name(a.article);
    block();
    const bytes = await bytesOf(index, a);
    slice = Date.now();
    const input = typeof bytes === 'string' ? bytes : inputOf(a, bytes, annotators);
    if (typeof input === 'string') run.skipped.push(`${name}: ${input}`);
    else {
      builder.add({ article: name, text: input.text, layers: input.layers });
      run.paths.set(name, a.article);
      run.targets.set(name, disagreementsOf(input.layers, annotators, f.labels));
    }
    if (Date.now() - slice >= budget) {
      block();
      await pause();
      slice = Date.now();
    }
  }
  block();
  let alphaU: AlphaU | undefined;
  if (options.unitizing) {
    const u = builder.unitizing();
    const pending = options.unitizing(u.study, u.labels);
    block(); // the study packed for the worker, on this thread
    alphaU = await pending;
  }
  slice = Date.now();
  const report = builder.finish(alphaU);
  const pairAlphas = builder.pairAlphas();
  run.longestBlockMs = Math.max(run.longestBlockMs, Date.now() - slice);
  return { ...run, report, pairAlphas };
}
