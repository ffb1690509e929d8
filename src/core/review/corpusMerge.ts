// Auto-merge over many articles (core, for `sift review --merge` and the editor's merge of articles not open): each
// article through mergeArticle, several at once so that their saves' waits on the disk overlap, each folder listed
// once for leftover temp files and its root looked up once. An article that cannot be merged now (unreadable, or its
// gold sidecar locked by another writer past the lock's wait) is skipped with the reason and the others go on;
// nothing of a skipped article is written, so a later run merges it.
import * as path from 'path';
import { withFoldersListedOnce } from '../store/leftovers';
import { LockTimeoutError } from '../store/lock';
import { ArticleError } from '../text/article';
import { Decider } from './adjudicate';
import { ArticleLayers, ArticleMergeOptions, MergeOutcome, mergeArticle } from './corpusReview';

/** Articles merged at once: their saves' waits on the disk (fsync) overlap. */
export const MERGE_IN_FLIGHT = 16;

/**
 * `work` on every item, at most `limit` at once; the results in the items' order. When one throws, no more are
 * started and those running finish (no save is cut off half-way); then the results before it and its error are given.
 */
export async function pooled<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<{ results: R[]; error?: { at: number; error: unknown } }> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const failed: { at: number; error: unknown }[] = [];
  const worker = async (): Promise<void> => {
    while (next < items.length && !failed.length) {
      const i = next++;
      try {
        results[i] = await work(items[i]);
      } catch (e) {
        failed.push({ at: i, error: e });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  // The first to fail in the items' order.
  return { results, error: failed.sort((x, y) => x.at - y.at)[0] };
}

/** One article merged; one that cannot be read, or whose gold sidecar stays locked, is skipped with the reason. */
async function mergeOne(a: ArticleLayers, options: ArticleMergeOptions, who: Decider): Promise<MergeOutcome> {
  try {
    return await mergeArticle(a, options, who);
  } catch (e) {
    const skipped = { article: a.article, added: 0, written: false };
    if (e instanceof LockTimeoutError) {
      return { ...skipped, skipped: `its gold sidecar is locked by another writer (${path.basename(e.lockFile)}); nothing written, run the merge again`, locked: true };
    }
    if (!(e instanceof ArticleError)) throw e;
    return { ...skipped, skipped: e.message };
  }
}

export interface CorpusMergeOptions extends ArticleMergeOptions {
  /** The layers compared for one article, when they differ from article to article (default: `annotators`). */
  annotatorsOf?: (article: string) => string[] | undefined;
}

/**
 * Auto-merge of every article into its gold sidecar (see mergeArticle): the outcomes in the articles' order. An
 * unexpected error stops the run once the saves in flight finish; it is given with the outcomes before it.
 */
export function mergeArticles(articles: readonly ArticleLayers[], options: CorpusMergeOptions, who: Decider): Promise<{ results: MergeOutcome[]; error?: { at: number; error: unknown } }> {
  const { annotatorsOf, ...rest } = options;
  const roots = options.roots ?? new Map<string, string>();
  const forArticle = (a: ArticleLayers): ArticleMergeOptions => ({ ...rest, roots, annotators: annotatorsOf?.(a.article) ?? rest.annotators });
  return withFoldersListedOnce(() => pooled(articles, MERGE_IN_FLIGHT, (a) => mergeOne(a, forArticle(a), who)));
}
