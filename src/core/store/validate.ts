// `sift validate`: every check a sidecar must pass against its schema and its article.
import * as path from 'path';
import { PlacedSub, place } from '../anchor/place';
import { ArticleError, ArticleText, readArticle, DEFAULT_MAX_ARTICLE_BYTES } from '../text/article';
import { ReadRefusal, readTextFile } from '../text/safeRead';
import { outsideRoot } from '../corpus/workspaceRoot';
import { isValidAnnotator, isReservedAnnotator } from './annotator';
import { parseSidecarName } from './paths';
import { Annotation, isClaim, Layer, SubSpan } from '../model';
import { Problem, SidecarError } from './problems';
import { ParsedSidecar, parseSidecar, positionOf } from './sidecarFormat';
import { idsAsInFile } from './duplicateIds';
import type { CorpusIndex, Refusal } from '../corpus/corpusIndex';

export interface ValidateOptions {
  maxArticleBytes?: number;
  /** The workspace root: a sidecar or article whose real path leaves it is not read, but reported. */
  root?: string;
}

/** Records a problem at a JSON pointer of the sidecar (its line and column are looked up). */
type Report = (pointer: string, severity: Problem['severity'], code: string, message: string, id?: string) => void;

/** What validate has of a sidecar before its checks: the careful parse, or why there is none. */
export type SidecarRead = { parsed: ParsedSidecar } | { refused: Refusal } | { problems: Problem[] };

/** Checks one sidecar, read here: YAML, schema, file name, article, hash, anchors, orphans and duplicate ids. */
export function validateSidecar(file: string, options: ValidateOptions = {}): Problem[] {
  const outside = options.root === undefined ? undefined : outsideRoot(file, options.root);
  if (outside) return validateRead(file, { refused: { code: 'outside-root', detail: outside } }, options);
  let source: string;
  try {
    source = readTextFile(file);
  } catch (e) {
    if (!(e instanceof ReadRefusal)) throw e;
    return validateRead(file, { refused: { code: e.problem, detail: e.detail } }, options);
  }
  try {
    return validateRead(file, { parsed: parseSidecar(source, file) }, options);
  } catch (e) {
    if (e instanceof SidecarError) return e.problems;
    throw e;
  }
}

/** Checks one sidecar as a careful corpus index holds it (read once, by the index; see scanCorpus's `careful`). */
export function validateIndexed(index: CorpusIndex, sidecar: string, options: ValidateOptions = {}): Problem[] {
  const e = index.entry(sidecar);
  if (!e) return validateRead(sidecar, { refused: { code: 'missing', detail: 'does not exist' } }, options);
  if (e.refused) return validateRead(sidecar, { refused: e.refused }, options);
  if (e.problems) return e.problems;
  if (!e.parsed) throw new Error(`${sidecar}: ${e.error ?? 'the index holds no careful parse of it (build it with careful: true)'}`);
  return validateRead(sidecar, { parsed: e.parsed }, options);
}

/** The checks on a sidecar as read. */
export function validateRead(file: string, read: SidecarRead, options: ValidateOptions = {}): Problem[] {
  if ('problems' in read) return read.problems;
  if ('refused' in read) {
    const { code, detail } = read.refused;
    if (code === 'outside-root') return [{ file, line: 0, col: 0, severity: 'error', code, message: `the sidecar is not read: ${detail}` }];
    return [{ file, line: 0, col: 0, severity: 'error', code: 'unreadable', message: `the sidecar ${detail}` }];
  }
  const { parsed } = read;
  // Keys Sift does not know are warnings; a duplicate id is an error here, checked on the ids as the file has them.
  const problems: Problem[] = parsed.warnings.filter((p) => p.code !== 'duplicate-id');
  const layer = idsAsInFile(parsed.layer, parsed.renamed);
  const at: Report = (pointer, severity, code, message, id) => {
    const { line, col } = positionOf(parsed, pointer);
    problems.push({ file, line, col, severity, code, message, ...(id ? { id } : {}) });
  };
  const { header } = layer;
  checkName(file, header, at);
  checkIds(layer, at);
  const articlePath = path.join(path.dirname(file), header.article);
  let article: ArticleText;
  try {
    const away = options.root === undefined ? undefined : outsideRoot(articlePath, options.root);
    if (away) throw new ArticleError(articlePath, 'outside-root', `the article '${header.article}' is not read: ${away}`);
    article = new ArticleText(readArticle(articlePath, options.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES));
  } catch (e) {
    if (!(e instanceof ArticleError)) throw e;
    at('/article', 'error', e.problem === 'missing' ? 'article-missing' : `article-${e.problem}`,
      e.problem === 'missing' ? `the article '${header.article}' is missing` : e.message);
    return problems;
  }
  checkAnchors(layer, article, at);
  return problems;
}

/** The file name against the header: annotator and article stem. */
function checkName(file: string, header: Layer['header'], at: Report): void {
  const name = parseSidecarName(file);
  if (!name) {
    at('', 'error', 'file-name', 'a sidecar is named <article stem>.<annotator>.ann.yaml');
    return;
  }
  if (name.annotator !== header.annotator) at('/annotator', 'error', 'annotator-mismatch', `the file name says annotator '${name.annotator}' but the file says '${header.annotator}'`);
  if (!isValidAnnotator(header.annotator) && !isReservedAnnotator(header.annotator)) at('/annotator', 'error', 'annotator', `'${header.annotator}' is not a valid annotator slug`);
  if (path.basename(header.article, path.extname(header.article)) !== name.stem) {
    at('/article', 'error', 'article-mismatch', `the file name belongs to an article '${name.stem}.*' but the sidecar says '${header.article}'`);
  }
}

/** Duplicate ids across entities and claims, and spans that end before they start. */
function checkIds(layer: Layer, at: Report): void {
  const seen = new Map<string, string>();
  const check = (list: Annotation[], kind: 'entities' | 'claims') => list.forEach((a, i) => {
    const where = `/${kind}/${i}`;
    const prev = seen.get(a.id);
    if (prev) at(`${where}/id`, 'error', 'duplicate-id', `id '${a.id}' is used twice (first at ${prev})`, a.id);
    else seen.set(a.id, where);
    if (a.end < a.start) at(`${where}/end`, 'error', 'offsets', `end ${a.end} is before start ${a.start}`, a.id);
  });
  check(layer.entities, 'entities');
  check(layer.claims, 'claims');
}

/**
 * The hash, and every annotation against the article. A current sidecar's spans must stand at their offsets (placed
 * as 'kept'); of a stale one's, only that each annotation can still be placed is checked.
 */
function checkAnchors(layer: Layer, article: ArticleText, at: Report): void {
  const { header } = layer;
  const current = header.sha256 === article.sha256;
  if (!current) {
    at('/sha256', 'warning', 'stale', `the article changed since these offsets were written (hash differs); open it in Sift to re-anchor`);
  } else if (header.length !== article.length) {
    at('/length', 'error', 'length', `length says ${header.length} code points but the article has ${article.length}`);
  }
  const checkSub = (sub: SubSpan | undefined, placed: PlacedSub | undefined, pointer: string, id: string) => {
    if (!sub || sub.orphaned || !current || placed?.outcome === 'kept') return;
    if (!article.inRange(sub.start, sub.end)) at(pointer, 'error', 'out-of-range', `span ${sub.start}..${sub.end} is outside the article (0..${article.length})`, id);
    else at(pointer, 'error', 'quote-mismatch', `the text at ${sub.start}..${sub.end} is not the quote '${sub.quote}'`, id);
  };
  const anchors = (list: Annotation[], kind: 'entities' | 'claims') => list.forEach((a, i) => {
    const where = `/${kind}/${i}`;
    if (a.orphaned) {
      at(where, 'warning', 'orphaned', `orphaned: '${a.quote}' could not be found in the article; re-attach it to a selection or delete it`, a.id);
      return;
    }
    const placed = place(a, article, { current });
    if (current && placed.outcome !== 'kept') {
      if (!article.inRange(a.start, a.end)) at(`${where}/start`, 'error', 'out-of-range', `span ${a.start}..${a.end} is outside the article (0..${article.length})`, a.id);
      else at(`${where}/quote`, 'error', 'quote-mismatch', `the text at ${a.start}..${a.end} is '${article.slice(a.start, a.end)}', not the quote '${a.quote}'`, a.id);
    } else if (!current && placed.outcome === 'orphaned') {
      at(where, 'warning', 'orphaned', `'${a.quote}' can no longer be found in the changed article`, a.id);
    }
    if (isClaim(a)) {
      checkSub(a.cue, placed.cue, `${where}/cue`, a.id);
      checkSub(a.source.span, placed.source, `${where}/source/span`, a.id);
    }
  });
  anchors(layer.entities, 'entities');
  anchors(layer.claims, 'claims');
}
