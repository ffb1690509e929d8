// VS Code's content changes (UTF-16 offsets) as core edits (code points); positions.ts re-exports it. Kept free of a
// runtime `vscode` import so that plain-Node tests drive the core through the very conversion the extension uses.
import type * as vscode from 'vscode';
import { TextEdit, onCodePointBoundary } from '../../core/anchor/anchor';
import { OffsetIndex, cpLength } from '../../core/text/offsets';

/** What Sift reads of a change: where it starts and how long it was in UTF-16 units of the text before, and its text. */
export type ContentChange = Pick<vscode.TextDocumentContentChangeEvent, 'rangeOffset' | 'rangeLength' | 'text'>;

/**
 * Converts a change event's edits to code points of the text before each edit, in the order core applies them.
 * `before` is the text the event's offsets refer to. VS Code's changes in one event do not overlap and refer to the
 * text before the event; applying them from the last to the first keeps the earlier offsets valid. A change that
 * starts or ends inside a surrogate pair is widened to the whole pair, with the pair's other half in its text.
 */
export function toCoreEdits(before: string, changes: readonly ContentChange[]): TextEdit[] {
  const index = new OffsetIndex(before);
  return [...changes]
    .sort((a, b) => b.rangeOffset - a.rangeOffset)
    .map((c) => {
      const from = c.rangeOffset - (onCodePointBoundary(before, c.rangeOffset) ? 0 : 1);
      const rangeEnd = c.rangeOffset + c.rangeLength;
      const to = rangeEnd + (onCodePointBoundary(before, rangeEnd) ? 0 : 1);
      const inserted = before.slice(from, c.rangeOffset) + c.text + before.slice(rangeEnd, to);
      return { start: index.toCp(from), end: index.toCp(to), insert: cpLength(inserted) };
    });
}
