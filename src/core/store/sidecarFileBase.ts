// One sidecar file on disk and the layer held in memory for it, on the calling thread: save, recovery, external
// reload (SidecarFile, in sidecarFile.ts, adds opening, the debounced save and the off-thread work for big files).
// Saves are compare-and-swap under a lock file, so that two writers (two windows, two processes) never lose each
// other's work: the file is read again right before the rename, and a change found there is merged first.
import { Document } from 'yaml';
import { Layer } from '../model';
import { layersEqual, merge3, MergeConflict } from './merge';
import { SidecarError } from './problems';
import { ParsedSidecar, parseSidecar, serializeSidecar } from './sidecarFormat';
import { commitTemp, removeFile, writeFileAtomic, writeTemp } from './atomicWrite';
import { DiskRead, OpenedState, clone, emptyLayer, idsOf, isEmpty, readDisk } from './sidecarOpen';
import { collectLeftovers, Leftover } from './leftovers';
import { withLock } from './lock';
import { recoveryPathFor } from './paths';
import { SidecarCodec } from './sidecarCodec';

/** How often a save merges a change found on disk right before its rename and tries again, before it gives up. */
export const MAX_SAVE_ATTEMPTS = 8;

export type SaveOutcome = 'unchanged' | 'written' | 'recovery';
export type ReloadOutcome = 'unchanged' | 'reloaded' | 'merged' | 'broken' | 'deleted' | 'kept';

export interface OpenOptions {
  /**
   * Another annotator's file: read and reloaded, never written (no save, no recovery file, temp files of crashed
   * saves left alone), and a reload always takes what is on disk.
   */
  readOnly?: boolean;
  /**
   * Parses and serialises a big file (OFF_THREAD_CHARS, OFF_THREAD_ANNOTATIONS) off the calling thread: used by
   * `openAsync`, `reloadAsync` and the saves `scheduleSave` and `saveAsync` make. Small files stay in-process.
   */
  codec?: SidecarCodec;
}

export interface ReloadResult {
  outcome: ReloadOutcome;
  conflicts: MergeConflict[];
}

export class SidecarFileBase {
  /** The truth: what the annotator sees. */
  layer: Layer;
  /** The layer as last read from or written to disk: the base of a three-way merge. */
  protected base: Layer;
  protected doc: Document | undefined;
  protected diskText: string | undefined;
  /** Ids in the file as this process last wrote it, and ids seen in a version of the file it read. */
  private diskIds = new Set<string>();
  private confirmed = new Set<string>();
  /** Set while the file on disk cannot be read safely or parsed; it is then never written over. */
  error: SidecarError | undefined;
  protected timer: ReturnType<typeof setTimeout> | undefined;
  /** Runs right before the layer is serialised (the session stamps the header's hash there). */
  beforeSave: (() => void) | undefined;
  /** Set when the header needs stamping before the next save. */
  protected touched = false;

  /** Notes a change that only shows once the header is stamped (the text changed). */
  touch(): void {
    this.touched = true;
  }

  /** Set when work from a recovery file was merged into the layer; the recovery file goes once the merge is saved. */
  recovered = false;
  recoveredConflicts: MergeConflict[] = [];
  /** Temp files of crashed saves found on open (for the extension to report); merged ones go once saved. */
  leftovers: Leftover[] = [];
  private mergedTemps: string[] = [];
  /** Never written: see OpenOptions.readOnly. */
  readOnly = false;
  protected disposed = false;

  protected constructor(readonly path: string, state: OpenedState) {
    this.layer = state.layer;
    this.base = state.base;
    this.doc = state.doc;
    this.diskText = state.diskText;
    this.error = state.error;
    this.recovered = state.recovered;
    this.recoveredConflicts = state.recoveredConflicts;
    if (!state.error) this.sawOnDisk(state.base);
  }

  get recoveryPath(): string {
    return recoveryPathFor(this.path);
  }

  get exists(): boolean {
    return this.diskText !== undefined;
  }

  /** Merges the work of temp files left by crashed saves by id, like a recovery file; they go once it is saved. */
  protected takeLeftovers(): void {
    this.leftovers = collectLeftovers(this.path);
    for (const l of this.leftovers) {
      if (!l.layer) continue;
      const merged = merge3(emptyLayer(this.layer.header), l.layer, this.layer);
      this.layer = merged.layer;
      this.recoveredConflicts.push(...merged.conflicts);
      this.mergedTemps.push(l.file);
    }
  }

  /** True when memory holds work that is not on disk. */
  get dirty(): boolean {
    if (this.diskText === undefined && isEmpty(this.layer)) return false;
    return this.error !== undefined || this.diskText === undefined || !layersEqual(this.layer, this.base);
  }

  /** True when a save has something to do: unsaved work, or a recovery or temp file to fold in and remove. */
  get needsSave(): boolean {
    return this.dirty || this.recovered || this.mergedTemps.length > 0;
  }

  get pendingSave(): boolean {
    return this.timer !== undefined;
  }

  /** Saves now if a save is pending or memory differs from disk. */
  flush(): SaveOutcome {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    return this.save();
  }

  /** Stops: no save is scheduled any more, and a save running on the codec stops before it writes. */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.disposed = true;
  }

  /**
   * Writes the layer atomically, only if it changed. While the file on disk is broken, the work goes to the recovery
   * file beside it instead, and the broken file is left untouched. Holding `<sidecar>.lock`, the file on disk is
   * merged with first if it changed, and read again right before the rename: if it changed meanwhile (a writer that
   * does not take the lock), the temp file is dropped and the save starts over from a merge.
   */
  save(): SaveOutcome {
    if (this.readOnly) return 'unchanged';
    return this.beforeWrite() ?? withLock(this.path, () => this.saveLocked());
  }

  /** Runs `beforeSave` once for the changes made since the last save. */
  protected takeTouched(): void {
    if (!this.touched) return;
    this.touched = false;
    this.beforeSave?.();
  }

  /**
   * What every in-process save does before its locked write: `beforeSave`, then the recovery file while the file on
   * disk is broken, or 'unchanged' when there is nothing to write; undefined when the write must go ahead.
   */
  protected beforeWrite(): SaveOutcome | undefined {
    this.takeTouched();
    if (this.error) return this.saveRecovery();
    if (!this.needsSave) return 'unchanged';
    return undefined;
  }

  private saveLocked(): SaveOutcome {
    for (let attempt = 0; attempt < MAX_SAVE_ATTEMPTS; attempt++) {
      // Never write over a file that changed on disk since it was read and that we have not seen: merge first.
      if (this.reload().outcome === 'broken') return this.saveRecovery();
      if (!this.needsSave) return 'unchanged';
      const text = serializeSidecar(this.layer, this.previousDoc());
      if (text === this.diskText) {
        this.base = clone(this.layer);
        this.dropRecovery();
        return 'unchanged';
      }
      const parsed = this.checked(text);
      const tmp = writeTemp(this.path, text);
      const now = readDisk(this.path);
      if ('error' in now || now.text !== this.diskText) {
        this.removeFile(tmp);
        continue;
      }
      this.sawOnDisk();
      commitTemp(tmp, this.path);
      this.wrote(text, parsed.doc);
      return 'written';
    }
    throw new Error(`${this.path} kept changing during the save (${MAX_SAVE_ATTEMPTS} attempts); your work is kept in memory`);
  }

  /** The YAML document of the file as last read or written, to rewrite it in place (parsed again after an off-thread read). */
  protected previousDoc(): Document | undefined {
    if (this.doc || this.diskText === undefined || this.error) return this.doc;
    try {
      this.doc = parseSidecar(this.diskText, this.path).doc;
    } catch (e) {
      if (!(e instanceof SidecarError)) throw e;
    }
    return this.doc;
  }

  protected saveRecovery(): SaveOutcome {
    writeFileAtomic(this.recoveryPath, serializeSidecar(this.layer));
    this.dropTemps();
    return 'recovery';
  }

  /**
   * What a save would write, checked as a load checks it (YAML, schema, limits) before any file is replaced. Output
   * that fails is never written over the sidecar: the work goes to the recovery file and the save fails with the reason.
   */
  private checked(text: string): ParsedSidecar {
    try {
      return parseSidecar(text, this.path);
    } catch (e) {
      if (!(e instanceof SidecarError)) throw e;
      this.saveRecovery();
      // The work is in memory and in the recovery file; the next save that passes removes the recovery file.
      this.recovered = true;
      throw this.refusedOutput(e);
    }
  }

  protected refusedOutput(e: SidecarError): Error {
    const why = e.problems.map((p) => p.message).join('; ');
    return new Error(`Sift did not write ${this.path}: what it would write fails the sidecar schema (${why}); your work is kept in ${this.recoveryPath}`, { cause: e });
  }

  /** The file now holds `text`, the serialised `written` (the layer as it was when serialised; `doc`: its document). */
  protected wrote(text: string, doc: Document | undefined, written: Layer = clone(this.layer)): void {
    this.doc = doc;
    this.diskText = text;
    this.base = written;
    this.diskIds = idsOf(written);
    this.dropRecovery();
  }

  /** The file on disk was read: every annotation in it (`layer`, else the version last written) has been seen. */
  protected sawOnDisk(layer?: Layer): void {
    const ids = layer ? idsOf(layer) : this.diskIds;
    this.diskIds = ids;
    this.confirmed = new Set(ids);
  }

  /** Annotations in memory never seen in a version of the file read back: missing on disk, they are not deleted. */
  private unconfirmed(): Set<string> {
    return new Set([...idsOf(this.layer)].filter((id) => !this.confirmed.has(id)));
  }

  protected dropRecovery(): void {
    this.dropTemps();
    if (!this.recovered) return;
    this.removeFile(this.recoveryPath);
    this.recovered = false;
  }

  protected dropTemps(): void {
    for (const t of this.mergedTemps) this.removeFile(t);
    this.mergedTemps = [];
  }

  /** Removes a file of this sidecar's (a temp file, the recovery file); a missing one is no error. */
  protected removeFile(file: string): void {
    removeFile(file);
  }

  /**
   * Reads the file again after a change outside Sift (git pull, a colleague, a hand edit). Without unsaved work the
   * disk version is taken; with it, the two are merged by annotation id and real conflicts are reported. An annotation
   * this process wrote but never read back is not taken as deleted when it is missing: the writer that replaced the
   * file may never have seen it.
   */
  reload(): ReloadResult {
    return this.reloadFrom(readDisk(this.path));
  }

  /** `reload` with the file already read (`read`, as readDisk gives it). */
  protected reloadFrom(read: DiskRead): ReloadResult {
    if ('error' in read) return this.becameBroken(read.error, '');
    const { text } = read;
    if (text === this.diskText && !this.error) {
      this.sawOnDisk();
      return { outcome: 'unchanged', conflicts: [] };
    }
    if (text === undefined) return this.deletedOnDisk();
    let parsed: ParsedSidecar;
    try {
      parsed = parseSidecar(text, this.path);
    } catch (e) {
      if (!(e instanceof SidecarError)) throw e;
      return this.becameBroken(e, text);
    }
    return this.mergeFromDisk(parsed, text);
  }

  protected becameBroken(e: SidecarError, text: string): ReloadResult {
    this.error = e;
    this.diskText = text;
    return { outcome: 'broken', conflicts: [] };
  }

  private deletedOnDisk(): ReloadResult {
    this.diskText = undefined;
    this.doc = undefined;
    this.error = undefined;
    const unconfirmed = this.unconfirmed().size > 0;
    this.sawOnDisk(emptyLayer(this.layer.header));
    if (!this.readOnly && ((this.dirty && !layersEqual(this.layer, this.base)) || unconfirmed)) {
      this.base = emptyLayer(this.layer.header);
      return { outcome: 'kept', conflicts: [] };
    }
    this.layer = emptyLayer(this.layer.header);
    this.base = emptyLayer(this.layer.header);
    return { outcome: 'deleted', conflicts: [] };
  }

  protected mergeFromDisk(parsed: { layer: Layer; doc: Document | undefined }, text: string): ReloadResult {
    const unconfirmed = this.unconfirmed();
    const onDisk = idsOf(parsed.layer);
    const wasBroken = this.error !== undefined;
    // Work to merge: unsaved changes, or annotations we wrote that the new version lacks (it may not have seen them).
    const hadWork = !this.readOnly && (wasBroken || !layersEqual(this.layer, this.base) || [...unconfirmed].some((id) => !onDisk.has(id)));
    this.error = undefined;
    this.doc = parsed.doc;
    this.diskText = text;
    this.sawOnDisk(parsed.layer);
    if (!hadWork) {
      this.layer = parsed.layer;
      this.base = clone(parsed.layer);
      return { outcome: 'reloaded', conflicts: [] };
    }
    const merged = merge3(this.base, this.layer, parsed.layer, { unconfirmed });
    this.layer = merged.layer;
    this.base = clone(parsed.layer);
    // The recovery file goes only once the merged work is safely in the sidecar.
    if (wasBroken) this.recovered = true;
    return { outcome: 'merged', conflicts: merged.conflicts };
  }
}
