// The one place where Sift's code point offsets meet VS Code's UTF-16 positions (with editChanges.ts, its half that
// plain-Node tests can load: a change event's edits in code points).
import * as vscode from 'vscode';
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

export { type ContentChange, toCoreEdits } from './editChanges';
