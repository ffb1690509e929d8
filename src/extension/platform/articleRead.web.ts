// The browser's twin of articleRead.ts: the article is read through vscode.workspace.fs (there is no synchronous
// read in the web worker), with the same checks as on Node (core readArticleVia: size, NUL bytes, UTF-8).
import * as vscode from 'vscode';
import { readArticleVia } from '../../core/text/article';
import { VscodeFileSystem, pathOfUri } from './vscodeFileSystem';

/** The text of the article at `uri`, at most `maxBytes`; throws ArticleError when it cannot be annotated. */
export async function readClosedArticle(uri: vscode.Uri, maxBytes: number): Promise<string> {
  return (await readArticleVia(new VscodeFileSystem(), pathOfUri(uri), maxBytes)).text;
}
