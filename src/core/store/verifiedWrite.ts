// Writing a file through a file system that may offer no atomic replace (vscode.workspace.fs on the web: a virtual
// file system such as github.dev's, or a remote one). The rule is the one the Node store follows: never lose work.
// - When the file system can rename, the text goes to a temp file beside the target, is read back, and is renamed over
//   the target: atomic where the file system makes a rename atomic.
// - Otherwise (no rename, or the rename failed) the target is written directly.
// - Either way the target is read back and compared. On a mismatch the text is kept in a recovery copy beside it and
//   the write fails with an error naming both files; the caller keeps the work in memory too.
// - `expected`, when given, is compare-before-write: the text the target must still hold (undefined: must not exist),
//   checked before anything is written and again right before the rename (or the direct write). If it holds anything
//   else the write does not happen and 'changed' is returned, so the caller merges and retries. A write landing between
//   that last read and the rename is not excluded: workspace.fs has no compare-and-swap (README, "Sift in the browser").
// Pure: it reaches files only through the small WriteTarget below, so it is tested against a fake.
import { randomHex } from '../text/random';

/** What a verified write needs of a file system: all of it asynchronous, paths as the file system names them. */
export interface WriteTarget {
  /** The file's text, or undefined when it does not exist. */
  read(file: string): Promise<string | undefined>;
  write(file: string, text: string): Promise<void>;
  /** Replaces `to` with `from` (overwriting); absent when the file system cannot rename. */
  rename?(from: string, to: string): Promise<void>;
  /** Removes a file; a missing file is no error. */
  remove(file: string): Promise<void>;
}

export class WriteNotVerifiedError extends Error {
  constructor(readonly file: string, readonly recoveryPath: string | undefined, why: string) {
    super(recoveryPath
      ? `${file} did not hold what Sift wrote when read back (${why}); the text is kept in ${recoveryPath}, and your work is kept in memory`
      : `${file} did not hold what Sift wrote when read back (${why}), and no recovery copy could be written; your work is kept in memory`);
    this.name = 'WriteNotVerifiedError';
  }
}

export interface VerifiedWriteOptions {
  /** Compare-before-write: what the file must hold now (undefined: it must not exist). Unset: no check. */
  expected?: { text: string | undefined };
  /** Where the text goes when the write cannot be verified (default `<file>.recovery`). */
  recoveryPath?: string;
}

export type VerifiedWriteOutcome = 'written' | 'changed';

const tempPath = (file: string): string => {
  const slash = file.lastIndexOf('/');
  return `${file.slice(0, slash + 1)}.${file.slice(slash + 1)}.${randomHex(4)}.tmp`;
};

/**
 * Through a temp file and a rename: 'failed' when the file system cannot rename or the rename failed (nothing is left
 * behind), 'changed' when the target changed while the temp file was written (checked right before the rename).
 */
async function viaRename(fs: WriteTarget, file: string, text: string, unchanged: () => Promise<boolean>): Promise<'renamed' | 'changed' | 'failed'> {
  if (!fs.rename) return 'failed';
  const tmp = tempPath(file);
  try {
    await fs.write(tmp, text);
    if ((await fs.read(tmp)) !== text) throw new Error('the temp file did not read back');
    if (!(await unchanged())) {
      await fs.remove(tmp);
      return 'changed';
    }
    await fs.rename(tmp, file);
    return 'renamed';
  } catch {
    await fs.remove(tmp).catch(() => undefined);
    return 'failed';
  }
}

async function keepRecovery(fs: WriteTarget, recoveryPath: string, text: string): Promise<string | undefined> {
  try {
    await fs.write(recoveryPath, text);
    return (await fs.read(recoveryPath)) === text ? recoveryPath : undefined;
  } catch {
    return undefined;
  }
}

/** Writes `text` to `file` as the header says: atomic where possible, otherwise write-then-verify; never loses it. */
export async function writeVerified(fs: WriteTarget, file: string, text: string, options: VerifiedWriteOptions = {}): Promise<VerifiedWriteOutcome> {
  const { expected } = options;
  const unchanged = async (): Promise<boolean> => !expected || (await fs.read(file)) === expected.text;
  // No look before the temp file: the target is compared right before the rename (or the direct write), and each
  // round trip through a remote file system widens the window in which a closed tab loses the save.
  const renamed = await viaRename(fs, file, text, unchanged);
  if (renamed === 'changed') return 'changed';
  if (renamed === 'failed') {
    if (!(await unchanged())) return 'changed';
    await fs.write(file, text);
  }
  let back: string | undefined;
  let why = 'it differs';
  try {
    back = await fs.read(file);
    if (back === undefined) why = 'it is missing';
  } catch (e) {
    why = `it cannot be read: ${e instanceof Error ? e.message : String(e)}`;
  }
  if (back === text) return 'written';
  const recovery = await keepRecovery(fs, options.recoveryPath ?? `${file}.recovery`, text);
  throw new WriteNotVerifiedError(file, recovery, why);
}
