// Safe file writes (a temporary file in the same folder, then a rename) and bounded, strict reads of sidecars.
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { firstInvalidUtf8 } from '../text/article';
import { readUpTo } from '../text/safeRead';
import { SidecarError } from './problems';

/**
 * Sidecars larger than this are refused on open, like a file that does not parse: they are never written over and
 * new work goes to the recovery file. Parsing and rewriting tens of MB would block the editor for seconds.
 */
export const MAX_SIDECAR_READ_BYTES = 5 * 1024 * 1024;

/** `.<name>.<pid>.<hex>.tmp` beside `file`: where a write goes before its rename. */
export function tempPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
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

/** Renames a temporary file over `file`; the temporary file is removed if the rename fails. */
export function commitTemp(tmp: string, file: string): void {
  try {
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Writes via a temporary file in the same folder and a rename, so a crash leaves the old file or the new one. */
export function writeFileAtomic(file: string, content: string): void {
  commitTemp(writeTemp(file, content), file);
}

/** Reads at most `max` + 1 bytes: enough to tell that a file (or a device it links to) is over `max`. */
function readBounded(file: string, max: number): Buffer | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  try {
    return readUpTo(fd, max, fs.fstatSync(fd).size);
  } finally {
    fs.closeSync(fd);
  }
}

/** Line and column (1-based, in code points) of a byte offset, counted over the valid text before it. */
function lineColAt(bytes: Buffer, offset: number): { line: number; col: number } {
  const before = bytes.subarray(0, offset).toString('utf8');
  const nl = before.lastIndexOf('\n');
  const line = before.split('\n').length;
  return { line, col: [...before.slice(nl + 1)].length + 1 };
}

/**
 * Reads a sidecar's text strictly: undefined when it does not exist; a SidecarError (a problem with its position) when
 * it is over MAX_SIDECAR_READ_BYTES or not valid UTF-8, so that it is handled like a file that does not parse.
 */
export function readSidecarText(file: string, max = MAX_SIDECAR_READ_BYTES): string | undefined {
  const bytes = readBounded(file, max);
  if (bytes === undefined) return undefined;
  const fail = (line: number, col: number, code: string, message: string): never => {
    throw new SidecarError(file, [{ file, line, col, severity: 'error', code, message }]);
  };
  if (bytes.length > max) {
    fail(0, 0, 'too-large', `the sidecar is over ${max / 1048576} MB, the most Sift opens; it is not read and never written over (new work goes to the recovery file)`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const { line, col } = lineColAt(bytes, at);
    return fail(line, col, 'not-utf8', `the sidecar is not valid UTF-8 (byte 0x${bytes[at].toString(16).padStart(2, '0')} at byte offset ${at}); it is never written over`);
  }
}
