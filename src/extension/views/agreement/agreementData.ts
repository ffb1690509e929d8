// The agreement report of the workspace over the corpus index. The host gathers each article's layers (the index
// holds them), in slices, and hands them to a runner: the worker thread (offThread.ts) reads the texts, tallies and
// pools them and sends back the finished report, so the extension host is never blocked for long over a big corpus.
// No `vscode` here: the bench runs it under plain Node. The figures are core's (src/core/review/agreement/report.ts),
// the same as `sift agree` prints.
import * as path from 'path';
import { CorpusIndex } from '../../../core/corpus/corpusIndex';
import { AgreementReport, Figure } from '../../../core/review/agreement/shape';
import { ArticleDisagreements } from '../../../core/review/agreement/targets';
import { DETECTOR, GOLD, LayerInput } from '../../../core/review/units';
import { assignedLayers } from '../../../core/review/assigned';
import { sidecarStem, withoutExtension } from '../../../core/store/paths';
import { JobArticle, PlainDisagreements, brokenWhy } from './agreementJob';
import { AgreementRunner, SliceClock, inThread } from './offThread';
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
  /** The longest stretch of synchronous work (the extension host blocked), in milliseconds, and what it was. */
  longestBlockMs: number;
  longestBlockIn: string;
}

export interface ComputeOptions {
  /** How an article is named in the report (a workspace-relative path). */
  name: (article: string) => string;
  /** Runs between slices (default: one turn of the event loop). */
  pause?: () => Promise<void>;
  budgetMs?: number;
  /** Where the report is computed (default: on this thread, in slices); `workerAgreement` runs it in a worker. */
  runner?: AgreementRunner;
  /** An article's annotators under sift.assignments.yaml (undefined: not assigned), as `sift agree` reads them. */
  assigned?: (article: string) => readonly string[] | undefined;
}

const nextTurn = yieldTurn;
const sortedSet = (xs: Iterable<string>) => [...new Set(xs)].sort();
const some = (xs: string[] | undefined) => (xs && xs.length ? xs : undefined);

function inFolders(name: string, folders: string[] | undefined): boolean {
  if (!folders) return true;
  const dir = path.posix.dirname(name.split(path.sep).join('/'));
  return folders.some((f) => f === '.' || dir === f || dir.startsWith(`${f}/`));
}

/** An article's layers as gathered; `broken` only when some sidecar of it cannot be read (kept for the whole run, so small). */
interface Gathered {
  layers: LayerInput[];
  broken?: string[];
}

/**
 * The index's layers grouped by article, in slices (`articlesOf` does the same in one go, too long over a big
 * corpus). A sidecar that does not parse names no article: its file name does (`<stem>.<annotator>.ann.yaml`).
 */
async function byArticle(index: CorpusIndex, take: (annotator: string) => boolean, clock: SliceClock): Promise<{ articles: string[]; by: Map<string, Gathered> }> {
  const out = new Map<string, Gathered>();
  clock.phase = 'reading the index';
  const entry = (article: string) => { let g = out.get(article); if (!g) out.set(article, (g = { layers: [] })); return g; };
  const layers = index.layers();
  clock.phase = 'grouping layers';
  for (const l of layers) {
    if (take(l.annotator)) entry(l.article).layers.push({ annotator: l.annotator, layer: l.layer });
    else entry(l.article);
    await clock.maybePause();
  }
  clock.phase = 'sorting articles';
  const broken = index.broken();
  const stems = broken.length ? new Map([...out.keys()].map((a) => [withoutExtension(a), a])) : undefined;
  for (const b of broken) {
    const stem = sidecarStem(b.sidecar);
    (entry(stems?.get(stem) ?? `${stem}.txt`).broken ??= []).push(b.sidecar);
  }
  // Sorted by code unit, as `<` compares; the keys alone, not [key, value] pairs, so as to keep little for the run.
  return { articles: [...out.keys()].sort(), by: out };
}

/** Every article of the index with its layers (gold and, unless compared, the detector's left out), in slices. */
async function gather(index: CorpusIndex, f: AgreementFilter, options: ComputeOptions, clock: SliceClock): Promise<{ jobs: JobArticle[]; annotators: Set<string>; compared: Set<string>; folders: Set<string> }> {
  const annotators = new Set<string>();
  /** Annotators with a layer their article's assignment compares (all of them where no file assigns the article). */
  const compared = new Set<string>();
  const folders = new Set<string>();
  const jobs: JobArticle[] = [];
  const take = (who: string) => who !== GOLD && (who !== DETECTOR || !!f.annotators?.includes(DETECTOR));
  const grouped = await byArticle(index, take, clock);
  clock.phase = 'gathering articles';
  for (const article of grouped.articles) {
    const a = grouped.by.get(article)!;
    const name = options.name(article);
    for (const l of a.layers) if (l.annotator !== DETECTOR) annotators.add(l.annotator);
    if (a.layers.some((l) => l.annotator !== DETECTOR)) folders.add(path.posix.dirname(name.split(path.sep).join('/')));
    const assigned = options.assigned?.(article);
    for (const l of assigned ? assignedLayers(name, a.layers, assigned).layers ?? [] : a.layers) if (l.annotator !== DETECTOR) compared.add(l.annotator);
    jobs.push({ name, path: article, layers: a.layers, scope: inFolders(name, f.folders), ...(a.broken ? { broken: brokenWhy(a.broken) } : {}), ...(assigned ? { assigned: [...assigned] } : {}) });
    await clock.maybePause();
  }
  return { jobs, annotators, compared, folders };
}

/** The disagreements back as sets, by the article's name, in slices. */
async function targetsOf(plain: readonly PlainDisagreements[], clock: SliceClock): Promise<Map<string, ArticleDisagreements>> {
  const out = new Map<string, ArticleDisagreements>();
  for (const d of plain) {
    out.set(d.name, { pairs: new Set(d.pairs), labels: new Set(d.labels), confusions: new Set(d.confusions) });
    await clock.maybePause();
  }
  return out;
}

/** The report over the index under the filter: the inputs gathered here, the work done by the runner. */
export async function computeAgreement(index: CorpusIndex, filter: AgreementFilter, options: ComputeOptions): Promise<AgreementRun> {
  const clock = new SliceClock(options.pause ?? nextTurn, options.budgetMs ?? 15);
  const f: AgreementFilter = { annotators: some(filter.annotators), labels: some(filter.labels), folders: some(filter.folders) };
  const g = await gather(index, f, options, clock);
  const who = (f.annotators ?? sortedSet(g.compared)).filter((a) => a !== GOLD);
  const r = await (options.runner ?? inThread)({ annotators: who, ...(f.labels ? { labels: f.labels } : {}) }, g.jobs, clock);
  const paths = new Map<string, string>();
  for (const j of g.jobs) if (j.scope) paths.set(j.name, j.path);
  clock.phase = 'taking back the disagreements';
  const targets = await targetsOf(r.targets, clock);
  clock.stop();
  const choices = { annotators: sortedSet(g.annotators), labels: r.labels, folders: sortedSet(g.folders) };
  return { report: r.report, pairAlphas: r.pairAlphas, filter: f, choices, paths, targets, skipped: r.skipped, longestBlockMs: Math.round(clock.longestMs), longestBlockIn: clock.longestIn };
}
