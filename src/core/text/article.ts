// Articles: reading them safely, hashing them, and making anchors into them.
import { sha256Hex } from './hash';
import * as path from 'path';
import { Anchor, SubSpan } from '../model';
import { OffsetIndex, sliceCp } from './offsets';
import { ReadRefusal, readRegularFile } from './safeRead';

export const DEFAULT_MAX_ARTICLE_BYTES = 20 * 1024 * 1024;
/** Code points of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;

export type ArticleProblem = 'missing' | 'binary' | 'not-utf8' | 'too-large' | 'unreadable' | 'not-a-file' | 'outside-root';

export class ArticleError extends Error {
  constructor(readonly file: string, readonly problem: ArticleProblem, detail: string) {
    super(`${file}: ${detail}`);
    this.name = 'ArticleError';
  }
}

/**
 * Decodes article bytes. The text Sift annotates is the file's UTF-8 text without a leading byte-order mark, with its
 * line endings as they are (CRLF counts two code points), which is what VS Code's document holds.
 */
export function decodeArticle(bytes: Uint8Array, file: string, maxBytes = DEFAULT_MAX_ARTICLE_BYTES): string {
  if (bytes.length > maxBytes) throw tooLarge(file, bytes.length, maxBytes);
  const probe = bytes.subarray(0, Math.min(bytes.length, 8192));
  if (probe.includes(0)) throw new ArticleError(file, 'binary', 'looks like a binary file (it contains NUL bytes); it is not annotated');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ArticleError(file, 'not-utf8', `is not valid UTF-8 (the first bad byte is at offset ${firstInvalidUtf8(bytes)}); convert it to UTF-8 to annotate it`);
  }
  return text;
}

function tooLarge(file: string, size: number, maxBytes: number): ArticleError {
  const mb = (n: number) => (n / 1048576).toFixed(1);
  return new ArticleError(file, 'too-large', `is ${mb(size)} MB, over the ${mb(maxBytes)} MB limit (setting sift.maxArticleSizeMB); it is not annotated`);
}

/** Index of the first byte of the first malformed UTF-8 sequence (RFC 3629: no overlongs, surrogates or > U+10FFFF). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b < 0x80) { i++; continue; }
    if (b >= 0xc2 && b <= 0xdf) n = 1;
    else if (b >= 0xe0 && b <= 0xef) { n = 2; if (b === 0xe0) lo = 0xa0; if (b === 0xed) hi = 0x9f; }
    else if (b >= 0xf0 && b <= 0xf4) { n = 3; if (b === 0xf0) lo = 0x90; if (b === 0xf4) hi = 0x8f; }
    else return i;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return -1;
}

export function readArticle(file: string, maxBytes = DEFAULT_MAX_ARTICLE_BYTES): string {
  return readArticleFile(file, maxBytes).text;
}

/**
 * An article's text and its modification time (from the same look at the file). Only a regular file is read (a link
 * is followed, but not to a device or a pipe), and never more than `maxBytes` of it, whatever its size says.
 */
export function readArticleFile(file: string, maxBytes = DEFAULT_MAX_ARTICLE_BYTES): { text: string; mtime: Date } {
  let read: { bytes: Buffer; mtime: Date };
  try {
    read = readRegularFile(file, maxBytes);
  } catch (e) {
    if (!(e instanceof ReadRefusal)) throw e;
    if (e.problem === 'missing') throw new ArticleError(file, 'missing', 'the article does not exist');
    if (e.problem === 'too-large') throw new ArticleError(path.basename(file), 'too-large', `${e.detail} (setting sift.maxArticleSizeMB); it is not annotated`);
    throw new ArticleError(file, e.problem, `${e.detail}; it is not annotated`);
  }
  return { text: decodeArticle(read.bytes, path.basename(file), maxBytes), mtime: read.mtime };
}

export function sha256(text: string): string {
  return sha256Hex(text);
}

/** What reading an article through a file port needs (the browser's vscode.workspace.fs; see FileSystemPort). */
export interface ArticlePort {
  readBytes(file: string): Promise<Uint8Array>;
  /** `size` in bytes, when the port knows it: a file over the limit is then refused before it is read. */
  stat(file: string): Promise<{ mtimeMs: number; size?: number } | undefined>;
}

/** readArticleFile through a port: the same checks (size, NUL bytes, UTF-8), asynchronously. */
export async function readArticleVia(port: ArticlePort, file: string, maxBytes = DEFAULT_MAX_ARTICLE_BYTES): Promise<{ text: string; mtime: Date }> {
  const st = await port.stat(file);
  if (!st) throw new ArticleError(file, 'missing', 'the article does not exist');
  if (st.size !== undefined && st.size > maxBytes) throw tooLarge(path.basename(file), st.size, maxBytes);
  const text = decodeArticle(await port.readBytes(file), path.basename(file), maxBytes);
  // Rounded as Node's fs rounds `stat().mtime` (a Date would truncate a fractional mtimeMs): the same file gives the
  // same time through either read.
  return { text, mtime: new Date(Math.round(st.mtimeMs)) };
}

/** An article's text with what anchoring needs: its offset index and code point length. */
export class ArticleText {
  readonly index: OffsetIndex;
  private hash: string | undefined;

  constructor(readonly text: string) {
    this.index = new OffsetIndex(text);
  }

  get length(): number {
    return this.index.cpLength;
  }

  get sha256(): string {
    this.hash ??= sha256(this.text);
    return this.hash;
  }

  slice(start: number, end: number): string {
    return sliceCp(this.text, start, end, this.index);
  }

  inRange(start: number, end: number): boolean {
    return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= this.length;
  }

  /** The anchor for [start, end): the quote and up to CONTEXT_LENGTH code points of context each side. */
  anchor(start: number, end: number): Anchor {
    if (!this.inRange(start, end)) throw new RangeError(`span ${start}..${end} is outside the article (0..${this.length})`);
    return {
      start,
      end,
      quote: this.slice(start, end),
      prefix: this.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: this.slice(end, Math.min(this.length, end + CONTEXT_LENGTH)),
    };
  }

  subSpan(start: number, end: number): SubSpan {
    if (!this.inRange(start, end)) throw new RangeError(`span ${start}..${end} is outside the article (0..${this.length})`);
    return { start, end, quote: this.slice(start, end) };
  }
}
