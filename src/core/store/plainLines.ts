// Where the plain writer's lines go (plainWriter.ts): written out, or matched against a file's text in place. The
// layout check writes a file's data "against" the file: each line is compared where it should be, and nothing is
// built, so the merge driver's check of ours allocates next to nothing (in a fresh process, a young-generation
// collection costs about half a millisecond). A list item checked so is known by its text in the file, a slice of it,
// which the rewrite then writes again as it is.
import { decline } from './yamlScalar';

const LF = 0x0a;
const SPACES: string[] = [];
const DASHES: string[] = [];
/** `n` spaces: an indentation, built once. */
export const spaces = (n: number): string => (SPACES[n] ??= ' '.repeat(n));
/** `n` spaces and a dash: a list item's first line, built once. */
export const dash = (n: number): string => (DASHES[n] ??= `${' '.repeat(n)}- `);

/** A list item's text as written at an indentation (its lines, without the last line break). */
export interface Known { indent: number; text: string }

export class Lines {
  private readonly lines: string[] = [];
  private pos: number;
  private count = 0;

  /**
   * `against`: the text to match from `start` (the layout check), or undefined to write. `known` is shared by a
   * check and the writing after it.
   */
  constructor(private readonly known: Map<object, Known>, private readonly against?: string, start = 0) {
    this.pos = start;
  }

  /** One line: `prefix` (an indentation, or one and a dash), then `key`, `sep` and `text`. A line not in its place declines. */
  line(prefix: string, key: string, sep: string, text: string): void {
    this.count++;
    const s = this.against;
    if (s === undefined) {
      this.lines.push(prefix + key + sep + text);
      return;
    }
    let p = this.pos;
    if (!s.startsWith(prefix, p)) decline();
    p += prefix.length;
    if (!s.startsWith(key, p)) decline();
    p += key.length;
    if (!s.startsWith(sep, p)) decline();
    p += sep.length;
    if (!s.startsWith(text, p)) decline();
    p += text.length;
    if (s.charCodeAt(p) !== LF) decline();
    this.pos = p + 1;
  }

  /** Where the next line starts (to remember an item from). */
  mark(): number {
    return this.against === undefined ? this.lines.length : this.pos;
  }

  /** After a check: the item just matched from `at` is known by its text in the file. */
  remember(item: object, indent: number, at: number): void {
    if (this.against !== undefined) this.known.set(item, { indent, text: this.against.slice(at, this.pos - 1) });
  }

  /** When writing: an item known at this indentation is written as its text; whether it was. */
  reuse(item: object, indent: number): boolean {
    const k = this.against === undefined ? this.known.get(item) : undefined;
    if (k === undefined || k.indent !== indent) return false;
    this.count++;
    this.lines.push(k.text);
    return true;
  }

  /** The text written after `lead`; or, checking, whether the text matched to its end (then the text itself). */
  finish(lead: string): string | undefined {
    const s = this.against;
    if (s === undefined) {
      // One join makes the whole text: joined and then concatenated, it was copied once more when first read (flattened;
      // 33 KB of the merge driver's young generation in a 96-annotation merge).
      const lines = this.lines;
      if (lines.length) lines[0] = lead + lines[0];
      else lines.push(lead);
      lines.push('');
      return lines.join('\n');
    }
    let p = this.pos;
    if (this.count === 0 && s.charCodeAt(p++) !== LF) return undefined;
    return p === s.length ? s : undefined;
  }
}
