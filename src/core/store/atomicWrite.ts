// Safe file writes (a temporary file in the same folder, then a rename) and bounded, strict reads of sidecars.
import { randomHex } from '../text/random';
import * as fs from 'fs';
import * as path from 'path';
import { firstInvalidUtf8 } from '../text/article';
import { MAX_SIDECAR_BYTES, ReadRefusal, readRegularFile } from '../text/safeRead';
import { SidecarError } from './problems';
import { refusalError } from './sidecarPort';

/** The sidecar size limit (one for every reader: MAX_SIDECAR_BYTES in src/core/text/safeRead.ts). */
export const MAX_SIDECAR_READ_BYTES = MAX_SIDECAR_BYTES;

/** `.<name>.<pid>.<hex>.tmp` beside `file`: where a write goes before its rename. */
export function tempPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomHex(4)}.tmp`);
}

/** Writes `content` to a new temporary file beside `file`, synced to disk; returns its path. */
export function writeTemp(file: string, content: string): string {
  const tmp = tempPathFor(file);
  const fd = fs.openSync(tmp, 'wx', 0o644);
  try {
    fs.writeFileSync(fd, content, 'utf8');
    fs.fsyncSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  fs.closeSync(fd);
  return tmp;
}

/**
 * Writes `content` to a new temporary file beside `file` as `writeTemp` does (created exclusively, synced to disk),
 * with the sync to disk asynchronous: many files written at once overlap their fsyncs. The small create and write are
 * synchronous (through promises and a FileHandle each cost a bulk merge more than the write itself). Returns its path.
 */
export async function writeTempAsync(file: string, content: string): Promise<string> {
  const tmp = tempPathFor(file);
  const fd = fs.openSync(tmp, 'wx', 0o644);
  try {
    fs.writeFileSync(fd, content, 'utf8');
    await new Promise<void>((resolve, reject) => fs.fsync(fd, (e) => (e ? reject(e) : resolve())));
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  fs.closeSync(fd);
  return tmp;
}

/** Renames a temporary file over `file`; the temporary file is removed if the rename fails. */
export function commitTemp(tmp: string, file: string): void {
  try {
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Removes a file; a missing one is no error. */
export function removeFile(file: string): void {
  fs.rmSync(file, { force: true });
}

/** Writes via a temporary file in the same folder and a rename, so a crash leaves the old file or the new one. */
export function writeFileAtomic(file: string, content: string): void {
  commitTemp(writeTemp(file, content), file);
}

/** Line and column (1-based, in code points) of a byte offset, counted over the valid text before it. */
function lineColAt(bytes: Buffer, offset: number): { line: number; col: number } {
  const before = bytes.subarray(0, offset).toString('utf8');
  const nl = before.lastIndexOf('\n');
  const line = before.split('\n').length;
  return { line, col: [...before.slice(nl + 1)].length + 1 };
}

/** Whether nothing is at `file` (ENOENT, or a path through a non-folder: what a failed open calls 'missing'). */
function isMissing(file: string): boolean {
  try {
    return fs.statSync(file, { throwIfNoEntry: false }) === undefined;
  } catch {
    return false; // another reason (a loop of links, no permission): the read says which
  }
}

/**
 * Reads a sidecar's text strictly: undefined when it does not exist; a SidecarError (a problem with its position) when
 * it is over MAX_SIDECAR_BYTES, not a regular file (a device, a pipe, a folder: the same answer as every other reader,
 * safeRead's readRegularFile), unreadable, or not valid UTF-8, so that it is handled like a file that does not parse.
 */
export function readSidecarText(file: string, max = MAX_SIDECAR_BYTES): string | undefined {
  const fail = (line: number, col: number, code: string, message: string): never => {
    throw new SidecarError(file, [{ file, line, col, severity: 'error', code, message }]);
  };
  // A missing file is common (a new gold sidecar, a recovery file) and costs two errors' stacks through a failed open;
  // a look first answers without them (a file that goes between the look and the open is still 'missing' below).
  if (isMissing(file)) return undefined;
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file, max).bytes;
  } catch (e) {
    if (!(e instanceof ReadRefusal)) throw e;
    if (e.problem === 'missing') return undefined;
    throw refusalError(file, e, max);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const { line, col } = lineColAt(bytes, at);
    return fail(line, col, 'not-utf8', `the sidecar is not valid UTF-8 (byte 0x${bytes[at].toString(16).padStart(2, '0')} at byte offset ${at}); it is never written over`);
  }
}
