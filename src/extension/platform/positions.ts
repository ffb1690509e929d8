// The one place where Sift's code point offsets meet VS Code's UTF-16 positions.
import * as vscode from 'vscode';
import { TextEdit } from '../../core/anchor/anchor';
import { OffsetIndex } from '../../core/text/offsets';

const cache = new WeakMap<vscode.TextDocument, { version: number; index: OffsetIndex }>();

/** The offset index for the document's current text, built once per version. */
export function indexOf(doc: vscode.TextDocument): OffsetIndex {
  const hit = cache.get(doc);
  if (hit && hit.version === doc.version) return hit.index;
  const index = new OffsetIndex(doc.getText());
  cache.set(doc, { version: doc.version, index });
  return index;
}

export function cpToPosition(doc: vscode.TextDocument, cp: number): vscode.Position {
  return doc.positionAt(indexOf(doc).toUtf16(cp));
}

export function positionToCp(doc: vscode.TextDocument, pos: vscode.Position): number {
  return indexOf(doc).toCp(doc.offsetAt(pos));
}

export function spanToRange(doc: vscode.TextDocument, start: number, end: number): vscode.Range {
  const index = indexOf(doc);
  const clamp = (n: number) => Math.max(0, Math.min(n, index.cpLength));
  return new vscode.Range(doc.positionAt(index.toUtf16(clamp(start))), doc.positionAt(index.toUtf16(clamp(end))));
}

/** Selects a span (code points) in an editor and scrolls it into view. */
export function selectSpan(editor: vscode.TextEditor, start: number, end: number, how = vscode.TextEditorRevealType.InCenterIfOutsideViewport): void {
  const r = spanToRange(editor.document, start, end);
  editor.selection = new vscode.Selection(r.start, r.end);
  editor.revealRange(r, how);
}

export function rangeToSpan(doc: vscode.TextDocument, range: vscode.Range): { start: number; end: number } {
  return { start: positionToCp(doc, range.start), end: positionToCp(doc, range.end) };
}

/**
 * Converts a change event's edits to code points of the text before each edit, in the order core applies them.
 * `before` is the text the event's offsets refer to. VS Code's changes in one event do not overlap and refer to the
 * text before the event; applying them from the last to the first keeps the earlier offsets valid.
 */
export function toCoreEdits(before: string, changes: readonly vscode.TextDocumentContentChangeEvent[]): TextEdit[] {
  const index = new OffsetIndex(before);
  return [...changes]
    .sort((a, b) => b.rangeOffset - a.rangeOffset)
    .map((c) => {
      const start = index.toCp(c.rangeOffset);
      const end = index.toCp(c.rangeOffset + c.rangeLength);
      return { start, end, insert: new OffsetIndex(c.text).cpLength };
    });
}
