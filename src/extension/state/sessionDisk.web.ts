// What Sessions asks of the disk, in the browser (sessionDisk.ts is Node's). There is no synchronous file access: every
// layer takes the asynchronous load path, its sidecar parsed here, a turn at a time (sidecarCodec.ts: InProcessCodec).
import * as vscode from 'vscode';
import { InProcessCodec, SidecarCodec } from '../../core/store/sidecarCodec';
import { ArticleError } from '../../core/text/article';
import { setting } from '../platform/config';

export function defaultCodec(): SidecarCodec {
  return new InProcessCodec();
}

/** Every layer is loaded asynchronously on the web (vscode.workspace.fs has no synchronous read). */
export function isBigSidecar(): boolean {
  return true;
}

/** Why Sift does not annotate an article: over sift.maxArticleSizeMB, counted on the editor's text (UTF-8 bytes). */
export function articleRefusal(doc: vscode.TextDocument, text: string): ArticleError | undefined {
  const limitMB = setting('maxArticleSizeMB', doc.uri);
  if (new TextEncoder().encode(text).length <= limitMB * 1024 * 1024) return undefined;
  return new ArticleError(doc.uri.path, 'too-large', `is over the ${limitMB} MB limit (setting sift.maxArticleSizeMB); it is not annotated`);
}

/** No synchronous stat on the web: the reference date for relative dates is today (a sidecar's published date wins). */
export function articleTime(): Date {
  return new Date();
}

/** The web host cannot read the article synchronously: a reload from disk is followed as an edit, by its changes. */
export function articleOnDisk(): string | undefined {
  return undefined;
}
