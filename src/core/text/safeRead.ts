// Reading files that may be hostile: only regular files, and never more than a cap, whatever stat says (a link to
// /dev/zero or a /proc file reports size 0).
import * as fs from 'fs';
import { MAX_SIDECAR_BYTES, ReadRefusal } from './readLimits';

export { MAX_SIDECAR_BYTES, ReadRefusal } from './readLimits';
export type { ReadProblem } from './readLimits';

const mb = (n: number) => (n / 1048576).toFixed(1);

function kindOf(st: fs.Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isFIFO()) return 'a pipe';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function open(file: string): number {
  try {
    // O_NONBLOCK: opening a named pipe must not wait for a writer; it is refused right after by fstat.
    return fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ReadRefusal(file, 'missing', 'does not exist');
    throw new ReadRefusal(file, 'unreadable', `cannot be read (${(e as Error).message})`);
  }
}

/**
 * Reads from `fd` until end of file or until more than `cap` bytes came; the size is only a hint for the buffer. The
 * buffer starts at the hint and a byte (a small file's comes from Node's shared pool, not a fresh 64 KB each), at
 * least 1 KB (a file that says size 0, such as /proc's, may have more), and doubles as needed.
 */
export function readUpTo(fd: number, cap: number, hint: number): Buffer {
  let buf = Buffer.allocUnsafe(Math.min(cap + 1, Math.max(hint + 1, 1024)));
  let total = 0;
  for (;;) {
    if (total === buf.length) {
      if (total > cap) break;
      const bigger = Buffer.allocUnsafe(Math.min(cap + 1, buf.length * 2));
      buf.copy(bigger, 0, 0, total);
      buf = bigger;
    }
    const n = fs.readSync(fd, buf, total, buf.length - total, null);
    if (n === 0) break;
    total += n;
  }
  return buf.subarray(0, total);
}

/**
 * The bytes of a regular file and its modification time. Refuses (ReadRefusal) what is not a regular file after
 * links are followed (a device, a pipe, a folder) and a file of more than `cap` bytes, counted as they are read.
 */
export function readRegularFile(file: string, cap: number): { bytes: Buffer; mtime: Date; size: number; mtimeMs: number } {
  const fd = open(file);
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw new ReadRefusal(file, 'not-a-file', `is ${kindOf(st)}, not a regular file; only regular files are read`);
    if (st.size > cap) throw new ReadRefusal(file, 'too-large', `is ${mb(st.size)} MB, over the ${mb(cap)} MB limit`);
    const bytes = readUpTo(fd, cap, st.size);
    if (bytes.length > cap) throw new ReadRefusal(file, 'too-large', `is more than ${mb(cap)} MB, over the ${mb(cap)} MB limit`);
    return { bytes, mtime: st.mtime, size: st.size, mtimeMs: st.mtimeMs };
  } catch (e) {
    if (e instanceof ReadRefusal) throw e;
    throw new ReadRefusal(file, 'unreadable', `cannot be read (${(e as Error).message})`);
  } finally {
    fs.closeSync(fd);
  }
}

/** A regular file's text (UTF-8), at most `cap` bytes of it (a sidecar, a gazetteer). */
export function readTextFile(file: string, cap = MAX_SIDECAR_BYTES): string {
  return readRegularFile(file, cap).bytes.toString('utf8');
}

/** `readTextFile` with the size and modification time of the file it read (from the same open file: no second look). */
export function readTextFileStat(file: string, cap = MAX_SIDECAR_BYTES): { text: string; size: number; mtimeMs: number } {
  const { bytes, size, mtimeMs } = readRegularFile(file, cap);
  return { text: bytes.toString('utf8'), size, mtimeMs };
}
