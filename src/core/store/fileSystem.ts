// The port through which the corpus reaches files: read, write, stat, list and watch. The core holds no other way to
// the disk for bulk work, so a `vscode.workspace.fs` implementation (for the browser) can stand in for Node's `fs`.
import * as fs from 'fs';
import * as path from 'path';
import { writeFileAtomic } from './atomicWrite';
import { readTextFile, readTextFileStat } from '../text/safeRead';

/** What a stat tells the index: enough to see that a file changed (size and modification time). */
export interface FileStat {
  size: number;
  mtimeMs: number;
  isDirectory: boolean;
}

/** One entry of a folder listing. */
export interface DirEntry {
  name: string;
  isDirectory: boolean;
}

export type WatchKind = 'change' | 'create' | 'delete';

export interface FileSystemPort {
  readText(file: string): Promise<string>;
  /**
   * `readText` with the size and modification time of the file read, from the same open file (optional: a port
   * without it is stat'ed, then read). The index's first read of a sidecar takes both at once.
   */
  readTextStat?(file: string): Promise<{ text: string; size: number; mtimeMs: number }>;
  /** A file's bytes as they are (an article, checked and decoded by the caller). */
  readBytes(file: string): Promise<Uint8Array>;
  writeText(file: string, text: string): Promise<void>;
  /** undefined when the file does not exist. */
  stat(file: string): Promise<FileStat | undefined>;
  list(dir: string): Promise<DirEntry[]>;
  /** Calls `onEvent` for files under `root` whose name ends in `suffix`; the result stops watching. */
  watch(root: string, suffix: string, onEvent: (kind: WatchKind, file: string) => void): { dispose(): void };
}

/** The port on Node's `fs`: hostile-safe reads, atomic writes, recursive watching where the platform offers it. */
export class NodeFileSystem implements FileSystemPort {
  /** Read as hostile: a regular file only, at most the sidecar limit (safeRead's ReadRefusal says why not). */
  async readText(file: string): Promise<string> {
    await Promise.resolve();
    return readTextFile(file);
  }

  /** `readText` with the size and modification time of the same open file (one fstat, no stat of the path first). */
  async readTextStat(file: string): Promise<{ text: string; size: number; mtimeMs: number }> {
    await Promise.resolve();
    return readTextFileStat(file);
  }

  readBytes(file: string): Promise<Uint8Array> {
    return fs.promises.readFile(file);
  }

  async writeText(file: string, text: string): Promise<void> {
    await Promise.resolve();
    writeFileAtomic(file, text);
  }

  async stat(file: string): Promise<FileStat | undefined> {
    try {
      const s = await fs.promises.stat(file);
      return { size: s.size, mtimeMs: s.mtimeMs, isDirectory: s.isDirectory() };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  }

  async list(dir: string): Promise<DirEntry[]> {
    const entries = await fs.promises.readdir(dir, { withFileTypes: true });
    const out: DirEntry[] = [];
    // A link is never a folder to walk (as in the CLI's walk, findSidecarsIn): a link to `.` or to a parent cannot
    // loop, and a link out of the workspace cannot pull a foreign tree in. A link to a file is listed as a file.
    // Some file systems do not say the kind in the listing: then an lstat (which does not follow links) does.
    for (const e of entries) {
      const kind = e.isDirectory() || e.isFile() || e.isSymbolicLink() ? e : await fs.promises.lstat(path.join(dir, e.name)).catch(() => undefined);
      out.push({ name: e.name, isDirectory: kind?.isDirectory() ?? false });
    }
    return out;
  }

  watch(root: string, suffix: string, onEvent: (kind: WatchKind, file: string) => void): { dispose(): void } {
    const w = fs.watch(root, { recursive: true }, (_event, name) => {
      if (!name || !name.toString().endsWith(suffix)) return;
      const file = path.join(root, name.toString());
      onEvent(fs.existsSync(file) ? 'change' : 'delete', file);
    });
    return { dispose: () => w.close() };
  }
}
