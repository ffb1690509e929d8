// The detector's suggestions for an article as a layer of the pseudo-annotator `sift-detector`, so a reviewer can
// compare people with the model. Ids are derived from span and label, so they are the same on every run.
import { EntityAnnotation, FORMAT_VERSION, Layer, compareAnnotations } from '../model';
import { Suggestion } from '../detect/detector';
import { ArticleText } from '../text/article';
import { DETECTOR } from './units';

export interface DetectorLayerOptions {
  /** The article's file name (the header's `article`). */
  article: string;
  published?: string;
}

/** A layer of `sift-detector` entities from `suggestions` (code point offsets into `text`); out-of-range ones are skipped. */
export function detectorLayer(text: string | ArticleText, suggestions: readonly Suggestion[], options: DetectorLayerOptions): Layer {
  const article = typeof text === 'string' ? new ArticleText(text) : text;
  const entities: EntityAnnotation[] = [];
  const seen = new Set<string>();
  for (const s of suggestions) {
    if (!article.inRange(s.start, s.end) || s.start === s.end) continue;
    const id = `d${s.start}-${s.end}-${s.label}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const e: EntityAnnotation = { id, label: s.label, ...article.anchor(s.start, s.end) };
    if (s.value !== undefined) e.value = s.value;
    if (s.canonical !== undefined) e.canonical = s.canonical;
    entities.push(e);
  }
  entities.sort(compareAnnotations);
  const header: Layer['header'] = { sift: FORMAT_VERSION, article: options.article, sha256: article.sha256, length: article.length, annotator: DETECTOR };
  if (options.published) header.published = options.published;
  return { header, entities, claims: [] };
}
