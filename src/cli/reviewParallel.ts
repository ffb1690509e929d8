// `sift review --merge` over a big corpus in worker threads. The main thread walks the corpus once (findSidecarsIn),
// groups the sidecars by article (their folder and file-name stem) and gives each worker a contiguous share of the
// groups; each worker reads its share into an index of its own and merges it exactly as one thread does
// (mergeOutcomes), and the main thread reports it all in the articles' order. An article's sidecars lie beside it and
// are named for it, so a share holds every layer of its articles. A sidecar whose header names another article than
// its file name breaks that: then no worker writes anything and the run is done on one thread (the barrier in
// mergeInWorkers), as it always was. Ids of new gold annotations depend on the article, never on the order of work.
import * as os from 'os';
import { Worker } from 'worker_threads';
import type { MessagePort } from 'worker_threads';
import { foundCorpusIndex } from '../core/corpus/nodeIndex';
import { FoundSidecar } from '../core/corpus/findSidecars';
import { AssignmentsAt } from '../core/corpus/assignmentsFile';
import { sidecarStem, withoutExtension } from '../core/store/paths';
import { Decider, MergeStrategy } from '../core/review/adjudicate';
import { comparedIn } from '../core/review/assigned';
import { ArticleLayers, MergeOutcome, articlesOf } from '../core/review/corpusReview';
import { mergeArticles } from '../core/review/corpusMerge';
import { Selection, selects } from './selection';

export interface MergeSettings {
  strategy: MergeStrategy;
  minVotes?: number;
  annotators?: string[];
  idSeed?: string;
  assigned?: AssignmentsAt;
}

/** An article as the report needs it: its path and its sidecars that cannot be read. */
export interface MergedArticle {
  article: string;
  broken: { sidecar: string; error: string }[];
}

/** A merge's outcomes, one per article in the articles' order; an unexpected error stops it at `error.at`. */
export interface MergeRun {
  articles: MergedArticle[];
  results: MergeOutcome[];
  error?: { at: number; error: unknown };
}

/** The merge of these articles into gold (the work, not the report): each compared among its assigned annotators. */
export async function mergeOutcomes(articles: ArticleLayers[], s: MergeSettings, who: Decider): Promise<MergeRun> {
  const byArticle = new Map(articles.map((a) => [a.article, a]));
  // An article is compared among its assigned annotators when sift.assignments.yaml places it.
  const annotatorsOf = (article: string): string[] | undefined => {
    const present = byArticle.get(article)?.layers.map((l) => l.annotator) ?? [];
    return comparedIn(s.assigned, article, present, s.annotators)?.annotators;
  };
  const options = { strategy: s.strategy, minVotes: s.minVotes, annotators: s.annotators, idSeed: s.idSeed, annotatorsOf };
  const { results, error } = await mergeArticles(articles, options, who);
  return { articles: articles.map((a) => ({ article: a.article, broken: a.broken })), results, error };
}

/** A worker's share: the sidecars it reads (as the walk found them), what the run selects, and how it merges. */
export interface MergePart {
  roots: string[];
  found: FoundSidecar[];
  selection: Selection;
  settings: MergeSettings;
  who: Decider;
}

/** Below this many sidecars a merge runs on one thread: starting workers would cost more than they save. */
export const PARALLEL_MIN_SIDECARS = 1_500;
/** At most this many workers, whatever the machine has. */
export const MAX_JOBS = 8;

/** The workers for `sidecars` sidecars when --jobs is not given: one per CPU, or none for a small corpus. */
export function defaultJobs(sidecars: number): number {
  return sidecars < PARALLEL_MIN_SIDECARS ? 1 : Math.max(1, Math.min(os.availableParallelism(), MAX_JOBS));
}

/** Up to `jobs` contiguous shares of the articles (in path order), about equal in sidecars; the walk's order within. */
export function shares(found: readonly FoundSidecar[], jobs: number): FoundSidecar[][] {
  const groups = new Map<string, FoundSidecar[]>();
  for (const f of found) {
    const key = sidecarStem(f.file);
    const g = groups.get(key);
    if (g) g.push(f);
    else groups.set(key, [f]);
  }
  const per = Math.ceil(found.length / jobs);
  const out: FoundSidecar[][] = [];
  let part: FoundSidecar[] = [];
  for (const key of [...groups.keys()].sort()) {
    part.push(...groups.get(key)!);
    if (part.length >= per && out.length < jobs - 1) {
      out.push(part);
      part = [];
    }
  }
  if (part.length) out.push(part);
  return out;
}

type FromWorker = { kind: 'scanned'; misplaced: boolean } | { kind: 'merged'; run: MergeRun };

/** The worker's side: read the share, say whether every layer belongs to its own group, then merge when told to. */
export async function mergePart(part: MergePart, port: MessagePort): Promise<void> {
  const index = foundCorpusIndex(part.roots, part.found);
  await index.scan();
  const misplaced = index.layers().some((l) => sidecarStem(l.sidecar) !== withoutExtension(l.article));
  const told = new Promise<unknown>((resolve) => port.once('message', resolve));
  port.postMessage({ kind: 'scanned', misplaced } satisfies FromWorker);
  if ((await told) !== 'go') return;
  const run = await mergeOutcomes(articlesOf(index).filter((a) => selects(part.selection, a)), part.settings, part.who);
  port.postMessage({ kind: 'merged', run } satisfies FromWorker);
}

/** The worker's next message, which must be of `kind`; an error, an exit or another message before it rejects. */
function next<K extends FromWorker['kind']>(w: Worker, kind: K): Promise<Extract<FromWorker, { kind: K }>> {
  return new Promise((resolve, reject) => {
    const done = () => { w.off('message', onMessage); w.off('error', onError); w.off('exit', onExit); };
    const onMessage = (m: FromWorker) => {
      done();
      if (m.kind === kind) resolve(m as Extract<FromWorker, { kind: K }>);
      else reject(new Error(`a merge worker said '${m.kind}' where '${kind}' was due`));
    };
    const onError = (e: Error) => { done(); reject(e); };
    const onExit = (code: number) => { done(); reject(new Error(`a merge worker stopped (exit code ${code}) before it finished`)); };
    w.on('message', onMessage).on('error', onError).on('exit', onExit);
  });
}

/** The workers' runs as one, in the articles' order; the first error in that order. */
function combine(runs: MergeRun[]): MergeRun {
  const rows = runs.flatMap((r) => r.articles.map((a, i) => ({ a, result: r.results[i], error: r.error?.at === i ? r.error : undefined })));
  rows.sort((x, y) => (x.a.article < y.a.article ? -1 : x.a.article > y.a.article ? 1 : 0));
  const at = rows.findIndex((row) => row.error);
  return { articles: rows.map((row) => row.a), results: rows.map((row) => row.result), error: at === -1 ? undefined : { at, error: rows[at].error!.error } };
}

/**
 * The merge in one worker per share (`script`: the bundled reviewMergeWorker.js). Every worker reads its share first;
 * only when none found a misplaced sidecar do they merge, else nothing is written and undefined is returned (the
 * caller merges on one thread). A worker that fails does not cut the others' saves short: all are waited for.
 */
export async function mergeInWorkers(script: string, parts: MergePart[]): Promise<MergeRun | undefined> {
  const workers = parts.map((p) => new Worker(script, { workerData: p }));
  const settled = async <T>(work: Promise<T>[]): Promise<T[]> => {
    const all = await Promise.allSettled(work);
    const failed = all.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    return all.map((s) => (s as PromiseFulfilledResult<T>).value);
  };
  try {
    const scanned = await settled(workers.map((w) => next(w, 'scanned')));
    const go = !scanned.some((m) => m.misplaced);
    for (const w of workers) w.postMessage(go ? 'go' : 'stop');
    if (!go) return undefined;
    const merged = await settled(workers.map((w) => next(w, 'merged')));
    return combine(merged.map((m) => m.run));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
