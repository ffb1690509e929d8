// Offsets: Sift speaks Unicode code points (end-exclusive); VS Code and JavaScript strings speak UTF-16 code units.
// This is the one module that converts between them. Everything else calls it.

/** Number of code points in `text`. */
export function cpLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/**
 * Converts offsets for one text in both directions in O(log k), where k is the number of astral characters.
 * Build it once per text version; the text itself is not kept.
 */
export class OffsetIndex {
  /** UTF-16 index of each astral character's high surrogate, ascending. */
  private readonly astral: number[] = [];
  readonly utf16Length: number;
  readonly cpLength: number;

  /**
   * The index of `text` after an edit of the text `prev` indexed: [start, oldEnd) became [start, newEnd). Only the edited
   * region is scanned; astral characters after it are shifted.
   */
  static edited(prev: OffsetIndex, text: string, start: number, oldEnd: number, newEnd: number): OffsetIndex {
    const delta = newEnd - oldEnd;
    const from = Math.max(0, start - 1);
    // Pairs starting before the region stay; the region (with a unit of margin each side) is scanned again;
    // pairs starting after the old region move by delta.
    const astral = prev.astral.filter((a) => a < from);
    const region = text.slice(from, newEnd + 2);
    SURROGATE_PAIR.lastIndex = 0;
    for (let m = SURROGATE_PAIR.exec(region); m; m = SURROGATE_PAIR.exec(region)) if (from + m.index <= newEnd) astral.push(from + m.index);
    for (const a of prev.astral) if (a > oldEnd) astral.push(a + delta);
    const next = Object.create(OffsetIndex.prototype) as OffsetIndex;
    Object.assign(next, { astral, utf16Length: text.length, cpLength: text.length - astral.length });
    return next;
  }

  constructor(text: string) {
    // A native regex scan finds surrogate pairs much faster than a charCodeAt loop over a long text.
    SURROGATE_PAIR.lastIndex = 0;
    for (let m = SURROGATE_PAIR.exec(text); m; m = SURROGATE_PAIR.exec(text)) this.astral.push(m.index);
    this.utf16Length = text.length;
    this.cpLength = text.length - this.astral.length;
  }

  /** True when every character is in the BMP, so both offsets coincide. */
  get isIdentity(): boolean {
    return this.astral.length === 0;
  }

  /** Code point offset -> UTF-16 offset. Throws RangeError outside [0, cpLength]. */
  toUtf16(cp: number): number {
    if (!Number.isInteger(cp) || cp < 0 || cp > this.cpLength) throw new RangeError(`code point offset ${cp} is outside 0..${this.cpLength}`);
    // Astral characters before cp: the number of astral entries whose code point index is < cp.
    // The code point index of astral[j] is astral[j] - j.
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.astral[mid] - mid < cp) lo = mid + 1;
      else hi = mid;
    }
    return cp + lo;
  }

  /**
   * UTF-16 offset -> code point offset. An offset inside a surrogate pair rounds down to the pair's start.
   * Throws RangeError outside [0, utf16Length].
   */
  toCp(u16: number): number {
    if (!Number.isInteger(u16) || u16 < 0 || u16 > this.utf16Length) throw new RangeError(`UTF-16 offset ${u16} is outside 0..${this.utf16Length}`);
    // Astral characters that end at or before u16 each count one code unit fewer.
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.astral[mid] < u16) lo = mid + 1;
      else hi = mid;
    }
    // lo astral characters start before u16. When u16 splits the last of them, u16 - lo is that pair's start.
    return u16 - lo;
  }
}

/** `text[start:end]` in code points, as Python slices. */
export function sliceCp(text: string, start: number, end: number, index: OffsetIndex = new OffsetIndex(text)): string {
  return text.slice(index.toUtf16(start), index.toUtf16(end));
}
