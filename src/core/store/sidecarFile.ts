// One sidecar file on disk and the layer held in memory for it: load, debounced atomic save, recovery, external reload.
import * as fs from 'fs';
import { Document } from 'yaml';
import { Layer, SidecarHeader } from '../model';
import { layersEqual, merge3, MergeConflict } from './merge';
import { SidecarError } from './problems';
import { parseSidecar, serializeSidecar } from './sidecarFormat';
import { readTextIfExists, writeFileAtomic } from './atomicWrite';
import { recoveryPathFor } from './paths';

export type SaveOutcome = 'unchanged' | 'written' | 'recovery';
export type ReloadOutcome = 'unchanged' | 'reloaded' | 'merged' | 'broken' | 'deleted' | 'kept';

export interface ReloadResult {
  outcome: ReloadOutcome;
  conflicts: MergeConflict[];
}

function emptyLayer(header: SidecarHeader): Layer {
  return { header: { ...header }, entities: [], claims: [] };
}

/** Nothing worth a file: no annotations, rejections or publication date. */
function isEmpty(l: Layer): boolean {
  return l.entities.length === 0 && l.claims.length === 0 && !l.rejected?.length && !l.header.published;
}

function clone<T>(v: T): T {
  return structuredClone(v);
}

export class SidecarFile {
  /** The truth: what the annotator sees. */
  layer: Layer;
  /** The layer as last read from or written to disk: the base of a three-way merge. */
  private base: Layer;
  private doc: Document | undefined;
  private diskText: string | undefined;
  /** Set while the file on disk cannot be parsed; it is then never written over. */
  error: SidecarError | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Runs right before the layer is serialised (the session stamps the header's hash there). */
  beforeSave: (() => void) | undefined;
  /** Set when the header needs stamping before the next save. */
  private touched = false;

  /** Notes a change that only shows once the header is stamped (the text changed). */
  touch(): void {
    this.touched = true;
  }

  /** Set when work from a recovery file was merged into the layer; the recovery file goes once the merge is saved. */
  recovered = false;
  recoveredConflicts: MergeConflict[] = [];

  private constructor(readonly path: string, layer: Layer, base: Layer, doc: Document | undefined, diskText: string | undefined, error?: SidecarError) {
    this.layer = layer;
    this.base = base;
    this.doc = doc;
    this.diskText = diskText;
    this.error = error;
  }

  get recoveryPath(): string {
    return recoveryPathFor(this.path);
  }

  get exists(): boolean {
    return this.diskText !== undefined;
  }

  /**
   * Opens a sidecar. A missing file gives an empty layer with `header` (nothing is written until there is something
   * to save). A file that does not parse gives the layer kept in its recovery file, if any, and `error` is set.
   */
  static open(path: string, header: SidecarHeader): SidecarFile {
    const text = readTextIfExists(path);
    if (text === undefined) return new SidecarFile(path, emptyLayer(header), emptyLayer(header), undefined, undefined);
    try {
      const parsed = parseSidecar(text, path);
      const file = new SidecarFile(path, parsed.layer, clone(parsed.layer), parsed.doc, text);
      // Work saved to a recovery file while the sidecar was broken: merge it back now that the sidecar parses.
      const recovered = SidecarFile.readRecovery(recoveryPathFor(path));
      if (recovered) {
        const merged = merge3(emptyLayer(parsed.layer.header), recovered, parsed.layer);
        file.layer = merged.layer;
        file.recoveredConflicts = merged.conflicts;
        file.recovered = true;
      }
      return file;
    } catch (e) {
      if (!(e instanceof SidecarError)) throw e;
      const recovered = SidecarFile.readRecovery(recoveryPathFor(path));
      const layer = recovered ?? emptyLayer(header);
      return new SidecarFile(path, layer, emptyLayer(layer.header), undefined, text, e);
    }
  }

  private static readRecovery(file: string): Layer | undefined {
    const text = readTextIfExists(file);
    if (text === undefined) return undefined;
    try {
      return parseSidecar(text, file).layer;
    } catch {
      return undefined;
    }
  }

  /** True when memory holds work that is not on disk. */
  get dirty(): boolean {
    if (this.diskText === undefined && isEmpty(this.layer)) return false;
    return this.error !== undefined || this.diskText === undefined || !layersEqual(this.layer, this.base);
  }

  /** Saves after `delayMs` of quiet; bursts of changes give one write. */
  scheduleSave(delayMs: number, onSaved?: (outcome: SaveOutcome) => void, onError?: (e: Error) => void): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      try {
        const outcome = this.save();
        onSaved?.(outcome);
      } catch (e) {
        onError?.(e as Error);
      }
    }, delayMs);
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

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /**
   * Writes the layer atomically, only if it changed. While the file on disk is broken, the work goes to the recovery
   * file beside it instead, and the broken file is left untouched.
   */
  save(): SaveOutcome {
    if (this.touched) {
      this.touched = false;
      this.beforeSave?.();
    }
    if (this.error) {
      writeFileAtomic(this.recoveryPath, serializeSidecar(this.layer));
      return 'recovery';
    }
    if (!this.dirty && !this.recovered) return 'unchanged';
    const text = serializeSidecar(this.layer, this.doc);
    if (text === this.diskText) {
      this.base = clone(this.layer);
      this.dropRecovery();
      return 'unchanged';
    }
    // Never write over a file that changed on disk since it was read and that we have not seen: merge first.
    const onDisk = readTextIfExists(this.path);
    if (onDisk !== this.diskText) {
      const r = this.reload();
      if (r.outcome === 'broken') return this.save();
      if (!this.dirty) return 'unchanged';
      return this.writeNow();
    }
    return this.writeNow(text);
  }

  private writeNow(text = serializeSidecar(this.layer, this.doc)): SaveOutcome {
    writeFileAtomic(this.path, text);
    const parsed = parseSidecar(text, this.path);
    this.doc = parsed.doc;
    this.diskText = text;
    this.base = clone(this.layer);
    this.dropRecovery();
    return 'written';
  }

  private dropRecovery(): void {
    if (!this.recovered) return;
    fs.rmSync(this.recoveryPath, { force: true });
    this.recovered = false;
  }

  /**
   * Reads the file again after a change outside Sift (git pull, a colleague, a hand edit). Without unsaved work the
   * disk version is taken; with it, the two are merged by annotation id and real conflicts are reported.
   */
  reload(): ReloadResult {
    const text = readTextIfExists(this.path);
    if (text === this.diskText && !this.error) return { outcome: 'unchanged', conflicts: [] };
    if (text === undefined) {
      this.diskText = undefined;
      this.doc = undefined;
      this.error = undefined;
      if (this.dirty && !layersEqual(this.layer, this.base)) {
        this.base = emptyLayer(this.layer.header);
        return { outcome: 'kept', conflicts: [] };
      }
      this.layer = emptyLayer(this.layer.header);
      this.base = emptyLayer(this.layer.header);
      return { outcome: 'deleted', conflicts: [] };
    }
    let parsed;
    try {
      parsed = parseSidecar(text, this.path);
    } catch (e) {
      if (!(e instanceof SidecarError)) throw e;
      this.error = e;
      this.diskText = text;
      return { outcome: 'broken', conflicts: [] };
    }
    const hadWork = this.error !== undefined || !layersEqual(this.layer, this.base);
    const wasBroken = this.error !== undefined;
    this.error = undefined;
    this.doc = parsed.doc;
    this.diskText = text;
    if (!hadWork) {
      this.layer = parsed.layer;
      this.base = clone(parsed.layer);
      return { outcome: 'reloaded', conflicts: [] };
    }
    const merged = merge3(this.base, this.layer, parsed.layer);
    this.layer = merged.layer;
    this.base = clone(parsed.layer);
    // The recovery file goes only once the merged work is safely in the sidecar.
    if (wasBroken) this.recovered = true;
    return { outcome: 'merged', conflicts: merged.conflicts };
  }
}
