// Detection of a long article in slices, yielding between them so the extension host never blocks for long.
import { RefDate } from './dates';
import { Detector, Part, Suggestion } from './detector';

export interface ChunkOptions {
  /** UTF-16 units detected before yielding; a slice ends at the next line break. */
  chunk?: number;
  /** Called between slices; resolve to go on. */
  pause: () => Promise<void>;
  /** Checked after each slice: true stops the work (the text changed meanwhile). */
  cancelled?: () => boolean;
}

export const DEFAULT_CHUNK = 64 * 1024;

/** Detects `text` slice by slice; resolves to undefined when cancelled. */
export async function detectChunked(detector: Detector, text: string, ref: RefDate, opts: ChunkOptions): Promise<Suggestion[] | undefined> {
  const size = opts.chunk ?? DEFAULT_CHUNK;
  const parts: Part[] = [];
  for (let from = 0; from < text.length;) {
    let to = text.indexOf('\n', Math.min(text.length, from + size));
    to = to === -1 ? text.length : to + 1;
    parts.push(...detector.paragraphs(text, ref, from, to));
    from = to;
    await opts.pause();
    if (opts.cancelled?.()) return undefined;
  }
  return detector.finishChunked(text, parts, opts);
}
