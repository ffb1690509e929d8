// The corpus as a whole, read once and kept in memory: every sidecar under the roots, answered from a cache (layers per
// article, claims, annotators, the strings annotators labelled). Sift's own saves update it in-process (`update`,
// `remove`), so they cost no parse; a file changed outside Sift is read again once, when its size or mtime moved.
// Files are reached only through a FileSystemPort, and all IO is async (so `vscode.workspace.fs` can stand in).
// Each sidecar is read once, by one path: the fast reader when it can, the careful parser otherwise (sidecarFormat's
// readSidecar), or the careful parser alone when the caller needs every line and column (`careful`, for validate).
// What could not be read is kept with its reason (refused: outside the root, not a regular file, too large; or every
// problem the parser found), so validate and export report exactly that without reading the file again.
import { sha256Hex } from '../text/hash';
import * as path from 'path';
import { ClaimAnnotation, Layer } from '../model';
import { FileStat, FileSystemPort } from '../store/fileSystem';
import { Problem, SidecarError } from '../store/problems';
import { ParsedSidecar, parseSidecar, readSidecar, SIDECAR_SUFFIX } from '../store/sidecarFormat';
import { ReadProblem, ReadRefusal } from '../text/readLimits';
import type { FoundSidecar } from './findSidecars';
import { learnedLabels } from './learnedLabels';

/** One annotator's layer of one article, as the index holds it. */
export interface IndexedLayer {
  sidecar: string;
  /** The article's absolute path (the sidecar's folder and its header's `article`). */
  article: string;
  annotator: string;
  layer: Layer;
}

/** A claim somewhere in the corpus: its article, its annotator, and the claim. */
export interface IndexedClaim {
  article: string;
  annotator: string;
  claim: ClaimAnnotation;
}

/** A sidecar as the finder gave it: its path, and the workspace root its reads are confined to (see `admit`). */
export type { FoundSidecar };

export interface IndexOptions {
  /** Finds the sidecars instead of the walk over the port (the CLI's hostile walk, findSidecarsIn), in its order. */
  find?: () => FoundSidecar[] | Promise<FoundSidecar[]>;
  /** Why a found sidecar may not be read at all (its real path leaves its root); undefined lets it be read. */
  admit?: (found: FoundSidecar) => string | undefined;
  /** Parse with the careful parser and keep its document, for lines and columns of later checks (sift validate). */
  careful?: boolean;
}

/** Why a sidecar was not read: outside its root, or the read refused it (not a regular file, too large, ...). */
export interface Refusal {
  code: ReadProblem | 'outside-root';
  detail: string;
}

/** What the index holds of one sidecar. */
export interface SidecarEntry {
  size: number;
  mtimeMs: number;
  /** SHA-256 of the text last read or written, when known. */
  hash?: string;
  indexed?: IndexedLayer;
  /** Set when the sidecar could not be read; it then teaches nothing (validate reports it). */
  error?: string;
  /** Set when it was not read at all. */
  refused?: Refusal;
  /** Set when it did not parse: every problem, with its line and column. */
  problems?: Problem[];
  /** Read, with something to warn of (unknown keys, duplicate ids renamed). */
  warnings?: Problem[];
  /** With `careful`: the parsed document. */
  parsed?: ParsedSidecar;
}
type Entry = SidecarEntry;

/** How much reading the index has done: for tests and the log. */
export interface IndexStats {
  reads: number;
  parses: number;
}

const sha = (text: string) => sha256Hex(text);
const BATCH = 64;

/**
 * A map that keeps its keys' sorted list until a key comes or goes: `layers()` is asked for often (every report, every
 * article's layers), and sorting 30,000 sidecar paths each time blocked the extension host for 0.1-0.2 s.
 */
export class SortedKeyMap<V> extends Map<string, V> {
  private sorted: string[] | undefined;

  override set(key: string, value: V): this {
    if (!this.has(key)) this.sorted = undefined;
    return super.set(key, value);
  }

  override delete(key: string): boolean {
    const deleted = super.delete(key);
    if (deleted) this.sorted = undefined;
    return deleted;
  }

  override clear(): void {
    this.sorted = undefined;
    super.clear();
  }

  /** The keys, sorted by code unit (shared: not to be changed by the caller). */
  sortedKeys(): readonly string[] {
    this.sorted ??= [...this.keys()].sort();
    return this.sorted;
  }
}

export class CorpusIndex {
  private readonly entries = new SortedKeyMap<Entry>();
  private byArticle: Map<string, IndexedLayer[]> | undefined;
  private learned: Map<string, string> | undefined;
  private readonly listeners = new Set<(sidecar: string) => void>();
  private readonly labelListeners = new Set<() => void>();
  /** The labelled strings as last told to `onDidChangeLabels` listeners. */
  private toldLabels: ReadonlyMap<string, string> | undefined;
  readonly stats: IndexStats = { reads: 0, parses: 0 };

  /** The sidecars of the last scan, in the finder's order, each with its root. */
  private found: FoundSidecar[] = [];

  constructor(private readonly fs: FileSystemPort, private readonly roots: readonly string[], private readonly options: IndexOptions = {}) {}

  /** A file's bytes through the index's port (an article, for the agreement report): Node's fs, or the browser's. */
  readBytes(file: string): Promise<Uint8Array> {
    return this.fs.readBytes(file);
  }

  /** Calls `listener` after any change to the index's answers, with the sidecar that changed; returns the unsubscribe. */
  onDidChange(listener: (sidecar: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls `listener` only when the labelled strings themselves change (not on every save); returns the unsubscribe. */
  onDidChangeLabels(listener: () => void): () => void {
    this.toldLabels ??= this.labelledStrings();
    this.labelListeners.add(listener);
    return () => this.labelListeners.delete(listener);
  }

  /** Finds every sidecar under the roots and reads those it does not hold yet, or that changed on disk since. */
  async scan(): Promise<void> {
    this.found = this.options.find ? await this.options.find() : await this.walk();
    const found = this.found;
    const seen = new Set(found.map((f) => f.file));
    let changed = false;
    for (const f of [...this.entries.keys()]) if (!seen.has(f)) { this.entries.delete(f); changed = true; }
    for (let i = 0; i < found.length; i += BATCH) {
      const results = await Promise.all(found.slice(i, i + BATCH).map((f) => this.refreshOne(f.file, f)));
      changed ||= results.some((r) => r);
    }
    if (changed) this.invalidate('');
  }

  /** Every sidecar under the roots (skipping node_modules and dot-folders), sorted. */
  async find(): Promise<string[]> {
    return (await this.walk()).map((f) => f.file);
  }

  /** The walk over the port: every sidecar under the roots, sorted, each with the root it was found under. */
  private async walk(): Promise<FoundSidecar[]> {
    const out: FoundSidecar[] = [];
    const walk = async (dir: string, root: string): Promise<void> => {
      let entries;
      try { entries = await this.fs.list(dir); } catch { return; }
      for (const e of entries) {
        if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
        const p = path.join(dir, e.name);
        if (e.isDirectory) await walk(p, root);
        else if (e.name.endsWith(SIDECAR_SUFFIX)) out.push({ file: p, root });
      }
    };
    for (const r of this.roots) await walk(r, r);
    return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }

  /** The sidecar as found: with the root it was found under (for `admit`), or the first root that holds it. */
  private foundAs(sidecar: string): FoundSidecar {
    const root = this.found.find((f) => f.file === sidecar)?.root ?? this.roots.find((r) => sidecar.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
    return { file: sidecar, root: root ?? path.dirname(sidecar) };
  }

  /**
   * A sidecar changed on disk (a watcher said so): read it again only if its size or mtime moved and its content is
   * not what the index last recorded. Returns true when the index's answers changed.
   */
  async changed(sidecar: string): Promise<boolean> {
    if (!sidecar.endsWith(SIDECAR_SUFFIX)) return false;
    const r = await this.refreshOne(sidecar, this.foundAs(sidecar));
    if (r) this.invalidate(sidecar);
    return r;
  }

  /** Sift wrote `layer` to `sidecar` itself: take it as is, with no read or parse (`text`, when given, is what was written). */
  async update(sidecar: string, layer: Layer, text?: string): Promise<void> {
    const st = await this.fs.stat(sidecar);
    // Keys Sift does not know are written back as they were, so their warnings stay (renamed ids are now written); so
    // are a git merge's `x-sift-conflicts`, so their errors stay until a person deletes the entries.
    const kept = this.entries.get(sidecar)?.warnings?.filter((w) => w.code === 'unknown-key' || w.code === 'merge-conflict');
    this.entries.set(sidecar, { size: st?.size ?? -1, mtimeMs: st?.mtimeMs ?? -1, ...(text !== undefined ? { hash: sha(text) } : {}), indexed: this.indexed(sidecar, structuredClone(layer)), ...(kept?.length ? { warnings: kept } : {}) });
    this.invalidate(sidecar);
  }

  /** The sidecar is gone (Sift deleted it, or the watcher said so). */
  remove(sidecar: string): void {
    if (this.entries.delete(sidecar)) this.invalidate(sidecar);
  }

  private indexed(sidecar: string, layer: Layer): IndexedLayer {
    return { sidecar, article: path.join(path.dirname(sidecar), layer.header.article), annotator: layer.header.annotator, layer };
  }

  /** Reads one sidecar if it is new or changed; true when the index's answers changed. */
  private async refreshOne(sidecar: string, found?: FoundSidecar): Promise<boolean> {
    const outside = found && this.options.admit?.(found);
    if (outside) return this.refuse(sidecar, { code: 'outside-root', detail: outside });
    if (!this.entries.has(sidecar) && this.fs.readTextStat) return this.firstRead(sidecar, this.fs.readTextStat.bind(this.fs));
    const st = await this.fs.stat(sidecar);
    const old = this.entries.get(sidecar);
    if (!st) return this.entries.delete(sidecar);
    if (old && !old.refused && sameStat(old, st)) return false;
    let text: string;
    try {
      text = await this.fs.readText(sidecar);
    } catch (e) {
      if (e instanceof ReadRefusal && e.problem !== 'missing') return this.refuse(sidecar, { code: e.problem, detail: e.detail });
      return this.entries.delete(sidecar);
    }
    this.stats.reads++;
    const hash = sha(text);
    if (old?.hash === hash) {
      this.entries.set(sidecar, { ...old, size: st.size, mtimeMs: st.mtimeMs });
      return false;
    }
    this.entries.set(sidecar, this.parse(sidecar, text, { size: st.size, mtimeMs: st.mtimeMs, hash }));
    return true;
  }

  /**
   * A sidecar the index does not hold yet, read with its size and time from the same open file (no stat before the
   * read): the same entry, refusal or absence as the stat-then-read of `refreshOne`.
   */
  private async firstRead(sidecar: string, read: NonNullable<FileSystemPort['readTextStat']>): Promise<boolean> {
    let r: { text: string; size: number; mtimeMs: number };
    try {
      r = await read(sidecar);
    } catch (e) {
      if (e instanceof ReadRefusal && e.problem !== 'missing') return this.refuse(sidecar, { code: e.problem, detail: e.detail });
      return false;
    }
    this.stats.reads++;
    this.entries.set(sidecar, this.parse(sidecar, r.text, { size: r.size, mtimeMs: r.mtimeMs, hash: sha(r.text) }));
    return true;
  }

  /** The entry for a text just read: its layer (and warnings), or every problem that stopped it. */
  private parse(sidecar: string, text: string, entry: Entry): Entry {
    try {
      this.stats.parses++;
      if (this.options.careful) {
        entry.parsed = parseSidecar(text, sidecar);
        entry.indexed = this.indexed(sidecar, entry.parsed.layer);
        if (entry.parsed.warnings.length) entry.warnings = entry.parsed.warnings;
      } else {
        const read = readSidecar(text, sidecar);
        entry.indexed = this.indexed(sidecar, read.layer);
        if (read.warnings.length) entry.warnings = read.warnings;
      }
    } catch (e) {
      entry.error = e instanceof Error ? e.message : String(e);
      if (e instanceof SidecarError) entry.problems = e.problems;
    }
    return entry;
  }

  private refuse(sidecar: string, refused: Refusal): boolean {
    const old = this.entries.get(sidecar);
    this.entries.set(sidecar, { size: -1, mtimeMs: -1, refused, error: refused.detail });
    return old?.refused?.detail !== refused.detail;
  }

  private invalidate(sidecar: string): void {
    this.byArticle = undefined;
    this.learned = undefined;
    for (const l of this.listeners) l(sidecar);
    if (!this.labelListeners.size) return;
    const now = this.labelledStrings();
    if (this.toldLabels && sameLabels(this.toldLabels, now)) return;
    this.toldLabels = now;
    for (const l of this.labelListeners) l();
  }

  /**
   * Every readable layer, in sidecar path order; with a finder (options.find), in the finder's order (the order the
   * CLI always read them in, which decides which spelling of a name is learned first), then any others by path.
   */
  layers(): IndexedLayer[] {
    const byPath = this.entries.sortedKeys();
    const keys = this.options.find ? [...new Set([...this.found.map((f) => f.file), ...byPath])] : byPath;
    return keys.flatMap((k) => { const e = this.entries.get(k); return e?.indexed ? [e.indexed] : []; });
  }

  /** Every layer of an article: each annotator's, and `gold`. */
  layersOf(article: string): IndexedLayer[] {
    if (!this.byArticle) {
      this.byArticle = new Map();
      for (const l of this.layers()) {
        const list = this.byArticle.get(l.article) ?? [];
        list.push(l);
        this.byArticle.set(l.article, list);
      }
    }
    return this.byArticle.get(path.resolve(article)) ?? [];
  }

  /** One annotator's layer of an article, if the index holds one. */
  layer(article: string, annotator: string): Layer | undefined {
    return this.layersOf(article).find((l) => l.annotator === annotator)?.layer;
  }

  /** Articles that have a layer (of `annotator`, when given), sorted. */
  articles(annotator?: string): string[] {
    return [...new Set(this.layers().filter((l) => !annotator || l.annotator === annotator).map((l) => l.article))].sort();
  }

  /** Every annotator with a readable sidecar (and `gold`, when there is a gold layer), sorted. */
  annotators(): string[] {
    return [...new Set(this.layers().map((l) => l.annotator))].sort();
  }

  /** Every claim of every layer. */
  claims(): IndexedClaim[] {
    return this.layers().flatMap((l) => l.layer.claims.map((claim) => ({ article: l.article, annotator: l.annotator, claim })));
  }

  /** The strings annotators labelled, each with its most frequent label (DATE and orphans left out). */
  labelledStrings(): ReadonlyMap<string, string> {
    this.learned ??= learnedLabels(this.layers().map((l) => l.layer));
    return this.learned;
  }

  /** Sidecars that could not be read, with the reason. */
  broken(): { sidecar: string; error: string }[] {
    return [...this.entries].flatMap(([sidecar, e]) => (e.error !== undefined ? [{ sidecar, error: e.error }] : []));
  }

  /** The sidecars the last scan found, in the finder's order (for a report in the order the CLI always gave). */
  sidecars(): FoundSidecar[] {
    return this.found;
  }

  /** What the index holds of a sidecar: its layer, or why it was not read or did not parse, and its warnings. */
  entry(sidecar: string): Readonly<SidecarEntry> | undefined {
    return this.entries.get(sidecar);
  }

  /** Sidecars read with warnings (unknown keys, duplicate ids), each with them. */
  warned(): { sidecar: string; warnings: Problem[] }[] {
    return [...this.entries].flatMap(([sidecar, e]) => (e.warnings ? [{ sidecar, warnings: e.warnings }] : []));
  }

  get size(): number {
    return this.entries.size;
  }
}

function sameStat(e: Entry, st: FileStat): boolean {
  return e.size === st.size && e.mtimeMs === st.mtimeMs;
}

/** True when two learned-string maps say the same. */
export function sameLabels(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}
