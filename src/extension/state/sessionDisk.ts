// What Sessions asks of the disk on Node (sessionDisk.web.ts is the browser's): the article's own checks, whether a
// layer's sidecar is big enough to be loaded off the extension host, and the worker codec that does it.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { NodeWorkerCodec } from '../../core/store/nodeWorkerCodec';
import { sidecarPathFor } from '../../core/store/paths';
import { InProcessCodec, OFF_THREAD_CHARS, SidecarCodec } from '../../core/store/sidecarCodec';
import { ArticleError, readArticle } from '../../core/text/article';
import { setting } from '../platform/config';

/** The worker that parses and serialises big sidecars, bundled beside the extension (dist/sidecarWorker.js). */
export function defaultCodec(): SidecarCodec {
  const script = path.join(__dirname, 'sidecarWorker.js');
  return fs.existsSync(script) ? new NodeWorkerCodec(script) : new InProcessCodec();
}

/** Whether a layer's sidecar is big enough to be parsed off the extension host. */
export function isBigSidecar(article: string, annotator: string): boolean {
  try {
    return fs.statSync(sidecarPathFor(article, annotator)).size >= OFF_THREAD_CHARS;
  } catch {
    return false;
  }
}

/** Why Sift does not annotate an article (binary, not UTF-8, over sift.maxArticleSizeMB), or undefined. */
export function articleRefusal(doc: vscode.TextDocument, text: string): ArticleError | undefined {
  const file = doc.uri.fsPath;
  const limitMB = setting('maxArticleSizeMB', doc.uri);
  const max = limitMB * 1024 * 1024;
  try {
    if (fs.existsSync(file)) readArticle(file, max);
    else if (Buffer.byteLength(text) > max) throw new ArticleError(file, 'too-large', `is over the ${limitMB} MB limit (setting sift.maxArticleSizeMB); it is not annotated`);
    return undefined;
  } catch (e) {
    if (!(e instanceof ArticleError)) throw e;
    return e;
  }
}

/** The article file's modification time (a reference date for relative dates), or now when it cannot be read. */
export function articleTime(doc: vscode.TextDocument): Date {
  try {
    return fs.statSync(doc.uri.fsPath).mtime;
  } catch {
    return new Date();
  }
}

/** The article's text on disk (without a byte order mark), or undefined. */
export function articleOnDisk(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').replace(/^\ufeff/, '');
  } catch {
    return undefined;
  }
}

