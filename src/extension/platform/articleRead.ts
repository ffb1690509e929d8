// Reading an article that is not open (Accept Everywhere looks into closed articles before opening any): on Node
// through the bounded, regular-file-only read of the core; in the browser through vscode.workspace.fs
// (articleRead.web.ts). Both apply the same checks: size limit, NUL bytes, UTF-8 (ArticleError on failure).
import * as vscode from 'vscode';
import { readArticle } from '../../core/text/article';

/** The text of the article at `uri`, at most `maxBytes`; throws ArticleError when it cannot be annotated. */
export async function readClosedArticle(uri: vscode.Uri, maxBytes: number): Promise<string> {
  await Promise.resolve();
  return readArticle(uri.fsPath, maxBytes);
}
