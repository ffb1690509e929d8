// Detection of a long article in slices, yielding between them so the extension host never blocks for long.
// Slices are measured in time, not size: a cold start (regexes compiling, code not yet optimised) only makes them
// smaller.
import { RefDate } from './dates';
import { Detection, Detector, Part } from './detector';

export interface ChunkOptions {
  /** Milliseconds of work before yielding. */
  budgetMs?: number;
  /** Called between slices; resolve to go on. */
  pause: () => Promise<void>;
  /** Checked after each slice: true stops the work (the text changed meanwhile). */
  cancelled?: () => boolean;
}

export const DEFAULT_BUDGET_MS = 12;
/** Lines are detected in steps of about this many UTF-16 units between clock checks. */
const STEP = 4096;

/**
 * Compiles the detector's regular expressions and warms its code on one short sentence (about 25 ms, once per
 * process), so that the first slice of a long article is not the one that pays for it.
 */
export function warmUp(detector: Detector): void {
  detector.finish('', detector.paragraphs('Moscow, Dec 16 (IANS) President Bashar al-Assad told the FT (Financial Times) on Sunday.', { year: 2024, month: 12, day: 16 }, 0, 88));
}

/** Detects `text` slice by slice; resolves to undefined when cancelled. */
export async function detectChunked(detector: Detector, text: string, ref: RefDate, opts: ChunkOptions): Promise<Detection | undefined> {
  const budget = opts.budgetMs ?? DEFAULT_BUDGET_MS;
  const parts: Part[] = [];
  let sliceStart = Date.now();
  const breathe = async (): Promise<boolean> => {
    if (Date.now() - sliceStart < budget) return true;
    await opts.pause();
    sliceStart = Date.now();
    return !opts.cancelled?.();
  };
  for (let from = 0; from < text.length;) {
    let to = text.indexOf('\n', Math.min(text.length, from + STEP));
    to = to === -1 ? text.length : to + 1;
    for (const p of detector.paragraphs(text, ref, from, to)) parts.push(p);
    from = to;
    if (!(await breathe())) return undefined;
  }
  return detector.finishChunked(text, ref, parts, breathe);
}
