// Review over a corpus (core, for `sift review` and the workspace-wide merge): the layers of each article from the
// corpus index, placed on the article's current text, and auto-merge into the article's gold sidecar through the
// session and the store (atomic, locked, merge-safe), exactly as the editor writes. A sidecar that cannot be read is
// reported and its article skipped; a gold sidecar that cannot be parsed is never written.
import * as path from 'path';
import { present } from '../corpus/rootProbe';
import { CorpusIndex } from '../corpus/corpusIndex';
import { sidecarPathInRoot, workspaceRootFor } from '../corpus/workspaceRoot';
import { Layer } from '../model';
import { ArticleSession } from '../session/session';
import { sidecarPathFor, sidecarStem, withoutExtension } from '../store/paths';
import { needsPlacing } from '../anchor/place';
import { ArticleText, readArticle } from '../text/article';
import { alignLayers } from './align';
import { Decider, MergeOptions, autoMerge } from './adjudicate';
import { Alignment, GOLD, LayerInput } from './units';

/** One article of the corpus: its layers as the index holds them, and the sidecars of it that could not be read. */
export interface ArticleLayers {
  article: string;
  layers: (LayerInput & { sidecar: string })[];
  broken: { sidecar: string; error: string }[];
}

/** The articles of the index (only those in `only`, when given), sorted, each with its layers and broken sidecars. */
export function articlesOf(index: CorpusIndex, only?: (article: string) => boolean): ArticleLayers[] {
  const byArticle = new Map<string, ArticleLayers>();
  const entry = (article: string): ArticleLayers => {
    let a = byArticle.get(article);
    if (!a) byArticle.set(article, (a = { article, layers: [], broken: [] }));
    return a;
  };
  for (const l of index.layers()) entry(l.article).layers.push({ annotator: l.annotator, layer: l.layer, sidecar: l.sidecar });
  const broken = index.broken();
  // The first article of each stem, as a search in order would find it; built only when something is broken.
  const stems = new Map<string, string>();
  if (broken.length) for (const a of byArticle.keys()) if (!stems.has(withoutExtension(a))) stems.set(withoutExtension(a), a);
  for (const b of broken) {
    // A sidecar that does not parse names no article: its file name does (`<stem>.<annotator>.ann.yaml`).
    const stem = sidecarStem(b.sidecar);
    entry(stems.get(stem) ?? `${stem}.txt`).broken.push(b);
  }
  return [...byArticle.values()].filter((a) => !only || only(a.article)).sort((x, y) => (x.article < y.article ? -1 : x.article > y.article ? 1 : 0));
}

/**
 * The layers on `text`: a layer written for another version of the text, or with a span off its quote (needsPlacing),
 * is re-anchored in memory by the session (as the editor does when it opens it); nothing is written.
 */
export function placedOn(text: ArticleText, articlePath: string, layers: readonly LayerInput[]): LayerInput[] {
  return layers.map((l) => {
    if (!needsPlacing(l.layer, text)) return l;
    const s = new ArticleSession(articlePath, l.annotator, text.text);
    s.sidecar.dispose();
    return { annotator: l.annotator, layer: s.sidecar.error ? l.layer : s.layer };
  });
}

export interface MergeOutcome {
  article: string;
  /** Gold annotations added. */
  added: number;
  /** Why nothing was written, when the article was skipped. */
  skipped?: string;
  written: boolean;
  /** Units gold had already decided (kept as they are). */
  kept?: number;
  /** Set when it was skipped because another writer held its gold sidecar's lock past the lock's wait. */
  locked?: boolean;
}

export interface ArticleMergeOptions extends MergeOptions {
  /** The layers compared (default: every layer but gold). */
  annotators?: string[];
  /** Seeds the ids of the new gold annotations (session/ids.ts); default random. */
  idSeed?: string;
  /** Workspace roots by folder, filled as articles are merged: a bulk merge looks each folder's root up once. */
  roots?: Map<string, string>;
}

/**
 * The gold sidecar's path, refused (ArticleError) outside the workspace root as the session would refuse it. With
 * `roots`, each folder's root is looked up, and the folder itself checked, once: for another article of a checked
 * folder only an existing gold file needs its own check (a missing one has no real path to leave the root by).
 */
function goldPath(article: string, roots: Map<string, string> | undefined): string {
  const dir = path.dirname(article);
  const checked = roots?.get(dir);
  if (checked !== undefined) {
    const sidecar = sidecarPathFor(article, GOLD);
    return present(sidecar) ? sidecarPathInRoot(article, GOLD, checked) : sidecar;
  }
  const root = workspaceRootFor(article);
  const sidecar = sidecarPathInRoot(article, GOLD, root);
  roots?.set(dir, root);
  return sidecar;
}

/**
 * Auto-merge of one article into its gold sidecar: compares `annotators` (default: every layer but gold), skips
 * units gold already decided, and saves through the session's sidecar only when something was added. The index's
 * layers decide first whether there is anything to merge; only then is the gold sidecar opened (and read afresh).
 * The save's temp file is written by async IO (saveOverlapped), so that many articles merged at once overlap their
 * waits on the disk; it is the same locked compare-and-swap write.
 */
export async function mergeArticle(a: ArticleLayers, options: ArticleMergeOptions, who: Decider, text?: ArticleText): Promise<MergeOutcome> {
  const out: MergeOutcome = { article: a.article, added: 0, written: false };
  if (a.broken.length) return { ...out, skipped: `unreadable sidecar ${a.broken.map((b) => path.basename(b.sidecar)).join(', ')}` };
  const article = text ?? new ArticleText(readArticle(a.article));
  const annotators = options.annotators;
  const aligned = alignArticle(a, article, annotators).alignment;
  out.kept = aligned.units.filter((u) => u.state === 'adjudicated').length;
  const first = autoMerge(aligned, options, who);
  if (!first.length) return out;
  const gold = new ArticleSession(a.article, GOLD, article.text, { idSeed: options.idSeed, sidecarPath: goldPath(a.article, options.roots), article });
  try {
    if (gold.sidecar.error) return { ...out, skipped: `its gold sidecar cannot be parsed: ${gold.sidecar.error.message.split('\n')[0]}` };
    // Gold as read now decides; when neither the index nor the file has a gold annotation or dismissal, the units
    // are those just aligned (an empty gold layer adds none), so they are not aligned a second time.
    const decisions = !a.layers.some((l) => l.annotator === GOLD) && isBlank(gold.layer) ? first : autoMerge(alignLayers([
      ...placedOn(gold.article, a.article, a.layers.filter((l) => l.annotator !== GOLD)), { annotator: GOLD, layer: gold.layer },
    ], { annotators }), options, who);
    if (!decisions.length) return out;
    for (const d of decisions) gold.applyDecision(d);
    if (!gold.layer.header.status) gold.setStatus('in-review');
    out.added = decisions.length;
    out.written = (await gold.sidecar.saveOverlapped()) === 'written';
    return out;
  } finally {
    gold.sidecar.dispose();
  }
}

/** No annotation and no dismissal: a gold layer that decides nothing. */
function isBlank(layer: Layer): boolean {
  return layer.entities.length === 0 && layer.claims.length === 0 && !layer.dismissed?.length;
}

/** One article's layers (gold too) aligned on the article's current text. */
export function alignArticle(a: ArticleLayers, text: ArticleText, annotators?: string[]): { layers: LayerInput[]; alignment: Alignment } {
  const layers = placedOn(text, a.article, a.layers);
  return { layers, alignment: alignLayers(layers, { annotators }) };
}
