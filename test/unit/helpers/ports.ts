// File system ports for tests: one that counts what passes through to the real disk, and one held in memory.
import * as path from 'path';
import { DirEntry, FileStat, FileSystemPort, NodeFileSystem, WatchKind } from '../../../src/core/store/fileSystem';

/** Counts reads per file on top of another port (the real disk by default). */
export class CountingPort implements FileSystemPort {
  readonly reads = new Map<string, number>();
  constructor(private readonly inner: FileSystemPort = new NodeFileSystem()) {}

  get totalReads(): number {
    return [...this.reads.values()].reduce((a, b) => a + b, 0);
  }

  readText(file: string): Promise<string> {
    this.reads.set(file, (this.reads.get(file) ?? 0) + 1);
    return this.inner.readText(file);
  }

  readBytes(file: string): Promise<Uint8Array> {
    return this.inner.readBytes(file);
  }

  writeText(file: string, text: string): Promise<void> {
    return this.inner.writeText(file, text);
  }

  stat(file: string): Promise<FileStat | undefined> {
    return this.inner.stat(file);
  }

  list(dir: string): Promise<DirEntry[]> {
    return this.inner.list(dir);
  }

  watch(root: string, suffix: string, onEvent: (kind: WatchKind, file: string) => void): { dispose(): void } {
    return this.inner.watch(root, suffix, onEvent);
  }
}

/** Files in memory under absolute paths; every write moves the clock, so stat sees it. */
export class MemoryPort implements FileSystemPort {
  readonly files = new Map<string, { text: string; mtimeMs: number }>();
  private clock = 1;

  put(file: string, text: string): void {
    this.files.set(file, { text, mtimeMs: this.clock++ });
  }

  readText(file: string): Promise<string> {
    const f = this.files.get(file);
    return f ? Promise.resolve(f.text) : Promise.reject(new Error(`ENOENT: ${file}`));
  }

  async readBytes(file: string): Promise<Uint8Array> {
    return new TextEncoder().encode(await this.readText(file));
  }

  writeText(file: string, text: string): Promise<void> {
    this.put(file, text);
    return Promise.resolve();
  }

  stat(file: string): Promise<FileStat | undefined> {
    const f = this.files.get(file);
    if (f) return Promise.resolve({ size: Buffer.byteLength(f.text), mtimeMs: f.mtimeMs, isDirectory: false });
    const dir = file.endsWith(path.sep) ? file : file + path.sep;
    return Promise.resolve([...this.files.keys()].some((k) => k.startsWith(dir)) ? { size: 0, mtimeMs: 0, isDirectory: true } : undefined);
  }

  list(dir: string): Promise<DirEntry[]> {
    const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
    const names = new Map<string, boolean>();
    for (const k of this.files.keys()) {
      if (!k.startsWith(prefix)) continue;
      const rest = k.slice(prefix.length);
      const slash = rest.indexOf(path.sep);
      names.set(slash < 0 ? rest : rest.slice(0, slash), slash >= 0);
    }
    return Promise.resolve([...names].map(([name, isDirectory]) => ({ name, isDirectory })));
  }

  watch(): { dispose(): void } {
    return { dispose: () => undefined };
  }
}
