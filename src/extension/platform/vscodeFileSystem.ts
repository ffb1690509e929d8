// The FileSystemPort over vscode.workspace.fs: how Sift reaches files in the browser (vscode.dev, github.dev,
// code-server's web worker host), where there is no Node `fs`. The core's paths are strings; here they are URI paths,
// in the scheme and authority of the workspace folder that holds them. Writes are atomic where the file system can
// rename, otherwise written then read back and compared (core/store/verifiedWrite.ts): never losing work.
import * as vscode from 'vscode';
import { DirEntry, FileStat, FileSystemPort, WatchKind } from '../../core/store/fileSystem';
import { VerifiedWriteOptions, WriteTarget, writeVerified } from '../../core/store/verifiedWrite';
import { MAX_SIDECAR_BYTES, ReadRefusal } from '../../core/text/readLimits';
import { uriOfPath } from './articleUri';

const isMissing = (e: unknown): boolean => e instanceof vscode.FileSystemError && e.code === 'FileNotFound';

/** The path the core uses for a URI of this file system (its URI path). */
export function pathOfUri(uri: vscode.Uri): string {
  return uri.path;
}

export class VscodeFileSystem implements FileSystemPort, WriteTarget {
  constructor(private readonly folders: () => readonly vscode.WorkspaceFolder[] = () => vscode.workspace.workspaceFolders ?? []) {}

  /** The URI of a core path: in the workspace folder that holds it (else the first folder's scheme, else file:). */
  uriOf(file: string): vscode.Uri {
    return uriOfPath(file, this.folders());
  }

  /** The workspace folders as core paths: the corpus index's roots. */
  roots(): string[] {
    return this.folders().map((f) => pathOfUri(f.uri));
  }

  /** The schemes of the workspace folders (vscode-vfs on github.dev, vscode-remote in code-server, file...). */
  schemes(): string[] {
    const schemes = new Set(this.folders().map((f) => f.uri.scheme));
    return schemes.size ? [...schemes] : ['file'];
  }

  /** Read as hostile, as NodeFileSystem does: a file only (not a folder), at most the sidecar limit. */
  async readText(file: string): Promise<string> {
    const uri = this.uriOf(file);
    let st: vscode.FileStat;
    try {
      st = await vscode.workspace.fs.stat(uri);
    } catch (e) {
      if (isMissing(e)) throw new ReadRefusal(file, 'missing', 'does not exist');
      throw new ReadRefusal(file, 'unreadable', `cannot be read (${e instanceof Error ? e.message : String(e)})`);
    }
    if (!(st.type & vscode.FileType.File)) throw new ReadRefusal(file, 'not-a-file', 'is not a regular file; only regular files are read');
    if (st.size > MAX_SIDECAR_BYTES) throw new ReadRefusal(file, 'too-large', `is over the ${MAX_SIDECAR_BYTES / 1048576} MB limit`);
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.length > MAX_SIDECAR_BYTES) throw new ReadRefusal(file, 'too-large', `is over the ${MAX_SIDECAR_BYTES / 1048576} MB limit`);
    return new TextDecoder('utf-8').decode(bytes);
  }

  async readBytes(file: string): Promise<Uint8Array> {
    return vscode.workspace.fs.readFile(this.uriOf(file));
  }

  /** WriteTarget: the text, or undefined when the file does not exist. */
  async read(file: string): Promise<string | undefined> {
    try {
      return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(this.uriOf(file)));
    } catch (e) {
      if (isMissing(e)) return undefined;
      throw e;
    }
  }

  async write(file: string, text: string): Promise<void> {
    await vscode.workspace.fs.writeFile(this.uriOf(file), new TextEncoder().encode(text));
  }

  async rename(from: string, to: string): Promise<void> {
    await vscode.workspace.fs.rename(this.uriOf(from), this.uriOf(to), { overwrite: true });
  }

  async remove(file: string): Promise<void> {
    try {
      await vscode.workspace.fs.delete(this.uriOf(file), { useTrash: false });
    } catch (e) {
      if (!isMissing(e)) throw e;
    }
  }

  /** Atomic where the file system can rename, else write-then-verify; a mismatch keeps a recovery copy and throws. */
  async writeText(file: string, text: string, options?: VerifiedWriteOptions): Promise<void> {
    await writeVerified(this, file, text, options);
  }

  async stat(file: string): Promise<FileStat | undefined> {
    try {
      const s = await vscode.workspace.fs.stat(this.uriOf(file));
      return { size: s.size, mtimeMs: s.mtime, isDirectory: (s.type & vscode.FileType.Directory) !== 0 && !(s.type & vscode.FileType.SymbolicLink) };
    } catch (e) {
      if (isMissing(e)) return undefined;
      throw e;
    }
  }

  async list(dir: string): Promise<DirEntry[]> {
    const entries = await vscode.workspace.fs.readDirectory(this.uriOf(dir));
    // A link is never a folder to walk, as on Node (NodeFileSystem.list).
    return entries.map(([name, type]) => ({ name, isDirectory: (type & vscode.FileType.Directory) !== 0 && !(type & vscode.FileType.SymbolicLink) }));
  }

  watch(root: string, suffix: string, onEvent: (kind: WatchKind, file: string) => void): { dispose(): void } {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(this.uriOf(root), `**/*${suffix}`));
    const subs = [
      watcher.onDidChange((u) => onEvent('change', pathOfUri(u))),
      watcher.onDidCreate((u) => onEvent('create', pathOfUri(u))),
      watcher.onDidDelete((u) => onEvent('delete', pathOfUri(u))),
    ];
    return { dispose: () => { for (const s of subs) s.dispose(); watcher.dispose(); } };
  }
}
