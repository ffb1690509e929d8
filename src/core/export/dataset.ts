// Collecting a dataset: which layer of which articles, re-placed on the current text, with what could not be placed
// reported and left out (never exported at wrong offsets).
import * as path from 'path';
import { PlacedSub, place } from '../anchor/place';
import { ArticleError, ArticleText, readArticleFile } from '../text/article';
import { Detector, referenceDate } from '../detect/detector';
import { isoDay } from '../detect/dates';
import { parseSidecarName } from '../store/paths';
import { ClaimAnnotation, ClaimLink, EntityAnnotation, Factuality, Layer } from '../model';
import type { CorpusIndex } from '../corpus/corpusIndex';
import { outsideRoot } from '../corpus/workspaceRoot';
import { articleIds } from './ids';

export interface SpanOut {
  start: number;
  end: number;
  text: string;
}

export interface EntityOut extends SpanOut {
  label: string;
  value?: string;
  canonical?: string;
  annotator: string;
  /** A detector suggestion nobody accepted (only with includeSuggestions). */
  suggested?: boolean;
}

export interface ClaimOut extends SpanOut {
  id: string;
  source: string;
  source_span?: SpanOut;
  cue?: SpanOut;
  confidence: number;
  factuality?: Factuality;
  links?: ClaimLink[];
  note?: string;
  annotator: string;
}

export interface ArticleRecord {
  /** The article's file name without extension, unique in the export (see ids.ts for names that collide). */
  id: string;
  /** Path relative to the export's root. */
  file: string;
  text: string;
  sha256: string;
  reference_date?: string;
  /** Layers that went into this record. */
  annotators: string[];
  entities: EntityOut[];
  claims: ClaimOut[];
  /** With includeOrphans: annotations that could not be placed, kept without offsets (never at wrong ones). */
  orphaned?: OrphanOut[];
}

export interface OrphanOut {
  kind: 'entity' | 'claim';
  id: string;
  quote: string;
  label?: string;
  source?: string;
  annotator: string;
  reason: string;
}

/** An annotation placed by a fuzzy match of its quote, after its article changed: exported, but worth a look. */
export interface FuzzyPlacement extends SpanOut {
  file: string;
  id: string;
  annotator: string;
  /** The quote the sidecar holds; `text` is what it was placed on. */
  quote: string;
}

export interface Skipped {
  file: string;
  id?: string;
  reason: string;
}

export interface ExportOptions {
  /** An annotator id, 'all' (every layer, each record carrying its annotator), or 'gold' (falling back to all per article). */
  layer: string;
  includeSuggestions?: boolean;
  /** Keep annotations that cannot be placed, without offsets, in the JSONL `orphaned` list. */
  includeOrphans?: boolean;
  /** Root that record paths are relative to. */
  root: string;
  /**
   * Read sidecars and articles whose real path leaves the workspace root of the path they were found under (a link out
   * of the workspace). Off by default: they are skipped with the reason.
   */
  followOutsideRoot?: boolean;
  /**
   * How an article is read: by default from Node's fs (readArticleFile); in the browser through the file port
   * (readArticleVia). Throws ArticleError as readArticleFile does.
   */
  readArticle?: (file: string) => Promise<{ text: string; mtime: Date }>;
}

export interface Collected {
  records: ArticleRecord[];
  skipped: Skipped[];
  fuzzy: FuzzyPlacement[];
}

/** A placed sub-span as exported: left out when it could not be placed. */
const spanOut = (s: PlacedSub | undefined): SpanOut | undefined => (s && s.outcome !== 'orphaned' ? { start: s.span.start, end: s.span.end, text: s.span.quote } : undefined);

/** Places a layer's annotations on the article's current text; what cannot be placed goes to `skipped`. */
export function placeLayer(article: ArticleText, layer: Layer, file: string, skipped: Skipped[], orphans?: OrphanOut[], fuzzy?: FuzzyPlacement[]): { entities: EntityOut[]; claims: ClaimOut[] } {
  const annotator = layer.header.annotator;
  const current = layer.header.sha256 === article.sha256;
  const lost = (a: EntityAnnotation | ClaimAnnotation, reason: string) => {
    skipped.push({ file, id: a.id, reason });
    const claim = 'source' in a;
    orphans?.push({ kind: claim ? 'claim' : 'entity', id: a.id, quote: a.quote, annotator, reason, ...(claim ? { source: (a).source.name } : { label: (a).label }) });
    return undefined;
  };
  const put = (a: EntityAnnotation | ClaimAnnotation) => {
    if (a.orphaned) return lost(a, `orphaned in ${annotator}'s sidecar`);
    const placed = place(a, article, { current });
    if (placed.outcome === 'orphaned') return lost(a, `'${a.quote}' is no longer in the article (stale sidecar of ${annotator})`);
    if (placed.outcome === 'fuzzy') fuzzy?.push({ file, id: a.id, annotator, quote: a.quote, start: placed.anchor.start, end: placed.anchor.end, text: placed.anchor.quote });
    return placed;
  };
  const entities: EntityOut[] = [];
  for (const e of layer.entities) {
    const at = put(e)?.anchor;
    if (!at) continue;
    const out: EntityOut = { start: at.start, end: at.end, text: article.slice(at.start, at.end), label: e.label, annotator };
    if (e.value !== undefined) out.value = e.value;
    if (e.canonical !== undefined) out.canonical = e.canonical;
    entities.push(out);
  }
  const claims: ClaimOut[] = [];
  for (const c of layer.claims) {
    const placed = put(c);
    if (!placed) continue;
    const at = placed.anchor;
    const out: ClaimOut = { id: c.id, start: at.start, end: at.end, text: article.slice(at.start, at.end), source: c.source.name, confidence: c.confidence, annotator };
    const src = spanOut(placed.source);
    if (src) out.source_span = src;
    const cue = spanOut(placed.cue);
    if (cue) out.cue = cue;
    if (c.factuality) out.factuality = c.factuality;
    if (c.links?.length) out.links = c.links;
    if (c.note) out.note = c.note;
    claims.push(out);
  }
  return { entities: entities.sort((a, b) => a.start - b.start || a.end - b.end), claims: claims.sort((a, b) => a.start - b.start || a.end - b.end) };
}

/** A layer as read: its header, and its annotations already placed on the article (unless the layer is not exported). */
interface ReadLayer {
  header: Layer['header'];
  placed?: { entities: EntityOut[]; claims: ClaimOut[]; skipped: Skipped[]; orphans: OrphanOut[]; fuzzy: FuzzyPlacement[] };
}

type ArticleRead = { article: ArticleText; mtime: Date } | { error: ArticleError };

async function readArticleOnce(file: string, cache: Map<string, ArticleRead>, root: string | undefined, options: ExportOptions): Promise<ArticleRead> {
  let read = cache.get(file);
  if (!read) {
    try {
      const outside = root === undefined ? undefined : outsideRoot(file, root);
      if (outside) throw new ArticleError(file, 'outside-root', `the article is not read: ${outside}`);
      const { text, mtime } = options.readArticle ? await options.readArticle(file) : readArticleFile(file);
      read = { article: new ArticleText(text), mtime };
    } catch (e) {
      if (!(e instanceof ArticleError)) throw e;
      read = { error: e };
    }
    cache.set(file, read);
  }
  return read;
}

/** By article path: its layers, and the root its reads are confined to (undefined: not confined). */
type Articles = Map<string, { file: string; layers: ReadLayer[]; root?: string }>;

/** A path relative to the export's root, as records and reports give it. */
const relativeTo = (root: string, file: string) => path.relative(root, file) || path.basename(file);

/** A sidecar's layer as the index holds it, or undefined with the reason in `skipped` (outside the root, not a regular file, too large, broken). */
function readLayer(index: CorpusIndex, f: string, options: ExportOptions, skipped: Skipped[]): Layer | undefined {
  const skip = (reason: string) => { skipped.push({ file: path.relative(options.root, f), reason }); return undefined; };
  const e = index.entry(f);
  if (!e) return skip('does not exist');
  if (e.refused) return skip(e.refused.detail);
  if (e.problems) return skip(`cannot be read: ${e.problems[0].message} (line ${e.problems[0].line})`);
  if (!e.indexed) throw new Error(`${f}: ${e.error ?? 'not read'}`);
  return e.indexed.layer;
}

/**
 * Every sidecar of the index (each read once, by the index), by article path. Each layer that is exported is placed on
 * its article here, so a record holds only what is exported.
 */
async function readLayers(index: CorpusIndex, options: ExportOptions, texts: Map<string, ArticleRead>, skipped: Skipped[]): Promise<Articles> {
  const byArticle: Articles = new Map();
  for (const found of index.sidecars()) {
    const f = found.file;
    const layer = readLayer(index, f, options, skipped);
    if (!layer) continue;
    const name = parseSidecarName(f);
    if (!name || name.annotator !== layer.header.annotator) {
      skipped.push({ file: path.relative(options.root, f), reason: 'its name does not match its annotator' });
      continue;
    }
    const article = path.join(path.dirname(f), layer.header.article);
    const root = options.followOutsideRoot ? undefined : found.root;
    const entry = byArticle.get(article) ?? { file: article, layers: [], root };
    const read: ReadLayer = { header: layer.header };
    // A layer of another annotator is never exported, so its article is not read for it.
    if (options.layer === 'all' || options.layer === 'gold' || options.layer === layer.header.annotator) {
      const text = await readArticleOnce(article, texts, entry.root, options);
      if ('article' in text) {
        const placed: NonNullable<ReadLayer['placed']> = { entities: [], claims: [], skipped: [], orphans: [], fuzzy: [] };
        const at = placeLayer(text.article, layer, relativeTo(options.root, article), placed.skipped, options.includeOrphans ? placed.orphans : undefined, placed.fuzzy);
        placed.entities = at.entities;
        placed.claims = at.claims;
        read.placed = placed;
      }
    }
    entry.layers.push(read);
    byArticle.set(article, entry);
  }
  return byArticle;
}

/** The layers of an article that `options.layer` asks for. */
function chooseLayers(layers: ReadLayer[], options: ExportOptions): ReadLayer[] {
  if (options.layer === 'all') return layers;
  if (options.layer !== 'gold') return layers.filter((l) => l.header.annotator === options.layer);
  return layers.some((l) => l.header.annotator === 'gold') ? layers.filter((l) => l.header.annotator === 'gold') : layers;
}

/** One article's record from its chosen (already placed) layers, with the detector's suggestions when asked for. */
function buildRecord(id: string, rel: string, read: { article: ArticleText; mtime: Date }, chosen: ReadLayer[], detector: Detector | undefined, options: ExportOptions, out: Omit<Collected, 'records'>): ArticleRecord {
  const { article } = read;
  const record: ArticleRecord = { id, file: rel, text: article.text, sha256: article.sha256, annotators: chosen.map((l) => l.header.annotator).sort(), entities: [], claims: [] };
  const published = chosen.map((l) => l.header.published).find((p) => p);
  const ref = referenceDate(article.text, published, read.mtime);
  record.reference_date = isoDay(ref.date);
  if (options.includeOrphans) record.orphaned = [];
  for (const l of chosen) {
    const placed = l.placed!;
    for (const x of placed.skipped) out.skipped.push(x);
    for (const x of placed.fuzzy) out.fuzzy.push(x);
    for (const x of placed.orphans) record.orphaned?.push(x);
    for (const x of placed.entities) record.entities.push(x);
    for (const x of placed.claims) record.claims.push(x);
  }
  if (detector) {
    for (const s of detector.detect(article.text, ref.date)) {
      if (record.entities.some((e) => e.start < s.end && s.start < e.end)) continue;
      record.entities.push({ start: s.start, end: s.end, text: s.text, label: s.label, ...(s.value ? { value: s.value } : {}), ...(s.canonical ? { canonical: s.canonical } : {}), annotator: 'sift-detector', suggested: true });
    }
  }
  record.entities.sort((a, b) => a.start - b.start || a.end - b.end || (a.annotator < b.annotator ? -1 : 1));
  record.claims.sort((a, b) => a.start - b.start || a.end - b.end || (a.annotator < b.annotator ? -1 : 1));
  return record;
}

/**
 * Takes every sidecar of the (scanned) index, picks the requested layer per article, and builds one record per article.
 * `pause` is awaited every few articles, so an editor can show progress and cancel; `cancelled` stops the work.
 */
export async function collectDataset(index: CorpusIndex, options: ExportOptions, cancelled?: () => boolean, pause?: (done: number, total: number) => Promise<void>): Promise<Collected> {
  const out: Collected = { records: [], skipped: [], fuzzy: [] };
  const texts = new Map<string, ArticleRead>();
  const articles = [...await readLayers(index, options, texts, out.skipped)].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const detector = options.includeSuggestions ? new Detector() : undefined;
  // Over every article found, exported or not, so an article's id does not depend on the layer asked for.
  const ids = articleIds(articles.map(([file]) => relativeTo(options.root, file)));
  for (let i = 0; i < articles.length; i++) {
    const [file, { layers, root }] = articles[i];
    if (pause && i % 25 === 0) await pause(i, articles.length);
    if (cancelled?.()) break;
    const rel = relativeTo(options.root, file);
    const chosen = chooseLayers(layers, options);
    if (!chosen.length) continue;
    const text = await readArticleOnce(file, texts, root, options);
    texts.delete(file);
    if ('error' in text) out.skipped.push({ file: rel, reason: text.error.message });
    else out.records.push(buildRecord(ids.get(rel)!, rel, text, chosen, detector, options, out));
  }
  return out;
}
