// One sidecar file on disk and the layer held in memory for it: load, debounced atomic save, recovery, external reload
// (the work on the calling thread is in sidecarFileBase.ts). A big file is parsed and serialised by a codec off the
// calling thread (sidecarCodec.ts); its save then ends with the same locked compare-and-swap write.
import * as fs from 'fs';
import { Layer, SidecarHeader } from '../model';
import { SidecarError } from './problems';
import { commitTemp, writeFileAtomic, writeTemp, writeTempAsync } from './atomicWrite';
import { readSidecar, serializeSidecar } from './sidecarFormat';
import { serializeFreshSidecar } from './freshSidecar';
import { clone, openState, openStateAsync, readDisk } from './sidecarOpen';
import { withLock, withLockAsync } from './lock';
import { EncodedSidecar, OFF_THREAD_ANNOTATIONS, OFF_THREAD_CHARS, SidecarCodec, nextTurn } from './sidecarCodec';
import { MAX_SAVE_ATTEMPTS, OpenOptions, ReloadResult, SaveOutcome, SidecarFileBase } from './sidecarFileBase';

export { MAX_SAVE_ATTEMPTS } from './sidecarFileBase';
export type { OpenOptions, ReloadOutcome, ReloadResult, SaveOutcome } from './sidecarFileBase';

export class SidecarFile extends SidecarFileBase {
  /** See OpenOptions.codec. */
  codec: SidecarCodec | undefined;
  /** The save or reload running on the codec: they run one after the other, never two at once. */
  private busy: Promise<unknown> = Promise.resolve();

  /**
   * Opens a sidecar (see openState: a missing file, a broken one, a recovery file). Temp files left by a crashed save
   * are merged in.
   */
  static open(path: string, header: SidecarHeader, options: OpenOptions = {}): SidecarFile {
    return new SidecarFile(path, openState(path, header)).opened(options);
  }

  /** Opens a sidecar like `open`, with a big file parsed by `options.codec` off the calling thread. */
  static async openAsync(path: string, header: SidecarHeader, options: OpenOptions): Promise<SidecarFile> {
    return new SidecarFile(path, await openStateAsync(path, header, options.codec)).opened(options);
  }

  private opened(options: OpenOptions): SidecarFile {
    this.readOnly = options.readOnly ?? false;
    this.codec = options.codec;
    // A crashed save's temp files belong to the layer's owner: a reader neither merges nor moves them.
    if (!this.readOnly) this.takeLeftovers();
    return this;
  }

  /** Saves after `delayMs` of quiet; bursts of changes give one write. */
  scheduleSave(delayMs: number, onSaved?: (outcome: SaveOutcome) => void, onError?: (e: Error) => void): void {
    if (this.readOnly) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.codec) {
        this.saveAsync().then((o) => onSaved?.(o), (e: unknown) => onError?.(e instanceof Error ? e : new Error(String(e))));
        return;
      }
      try {
        const outcome = this.save();
        onSaved?.(outcome);
      } catch (e) {
        onError?.(e as Error);
      }
    }, delayMs);
  }

  /** Whether the codec should serialise this layer: its file or the layer itself is big. */
  private get big(): boolean {
    return (this.diskText?.length ?? 0) >= OFF_THREAD_CHARS || this.layer.entities.length + this.layer.claims.length >= OFF_THREAD_ANNOTATIONS;
  }

  /** Runs `work` after what is already running on the codec (saves and reloads never overlap). */
  private queued<T>(work: () => Promise<T>): Promise<T> {
    const run = this.busy.then(work, work);
    this.busy = run.catch(() => undefined);
    return run;
  }

  /**
   * Saves as `save` does, with a big layer serialised and checked on the codec's thread; then the same locked
   * compare-and-swap write. The layer may change meanwhile: what was serialised is what counts as saved.
   */
  saveAsync(): Promise<SaveOutcome> {
    return this.queued(() => this.saveOffThread());
  }

  /** Reads the file again after a change outside Sift, as `reload` does, with a big file parsed on the codec's thread. */
  reloadAsync(): Promise<ReloadResult> {
    return this.queued(() => this.reloadOffThread());
  }

  /**
   * Saves as `save` does (the same locked compare-and-swap write, the lock held from the merge to the rename), with the
   * lock file created and the temp file written and synced by async IO, so that many files saved at once (`sift review
   * --merge`) overlap their waits on the disk. The output is checked as a load checks it, by `readSidecar`: the fast
   * reader on the plain data, and the careful parser wherever the fast one declines (they accept and refuse alike).
   */
  saveOverlapped(): Promise<SaveOutcome> {
    return this.queued(async () => {
      if (this.readOnly || this.disposed) return 'unchanged';
      return this.beforeWrite() ?? withLockAsync(this.path, () => this.saveLockedOverlapped());
    });
  }

  /** Serialises and checks `written` here, as a codec would (see saveOverlapped). */
  private encodeHere(written: Layer): EncodedSidecar {
    const doc = this.previousDoc();
    // A new sidecar (no document whose comments must be kept): the fresh writer, byte-identical (freshSidecar.ts).
    const text = doc ? serializeSidecar(written, doc) : serializeFreshSidecar(written);
    try {
      readSidecar(text, this.path);
      return { text };
    } catch (e) {
      if (!(e instanceof SidecarError)) throw e;
      return { text, error: e };
    }
  }

  /** `saveLocked` with the temp file written by async IO: what was serialised is what counts as saved. */
  private async saveLockedOverlapped(): Promise<SaveOutcome> {
    for (let attempt = 0; attempt < MAX_SAVE_ATTEMPTS; attempt++) {
      // Never write over a file that changed on disk since it was read and that we have not seen: merge first.
      if (this.reload().outcome === 'broken') return this.saveRecovery();
      if (!this.needsSave || this.disposed) return 'unchanged';
      const from = this.diskText;
      const written = clone(this.layer);
      const out = this.encodeHere(written);
      if (out.text === from) {
        this.base = written;
        this.dropRecovery();
        return 'unchanged';
      }
      if (out.error) {
        this.saveRecovery();
        this.recovered = true;
        throw this.refusedOutput(out.error);
      }
      const tmp = await writeTempAsync(this.path, out.text);
      // Stopped, or the file was read meanwhile (a reload): start again from there.
      if (this.disposed || this.diskText !== from || this.error) {
        fs.rmSync(tmp, { force: true });
        if (this.disposed) return 'unchanged';
        continue;
      }
      if (this.commitIfUnchanged(tmp, out.text, from, written)) return 'written';
    }
    throw new Error(`${this.path} kept changing during the save (${MAX_SAVE_ATTEMPTS} attempts); your work is kept in memory`);
  }

  private async saveOffThread(): Promise<SaveOutcome> {
    if (this.readOnly || this.disposed) return 'unchanged';
    const codec = this.codec;
    if (!codec || !this.big) return this.save();
    this.takeTouched();
    for (let attempt = 0; attempt < MAX_SAVE_ATTEMPTS; attempt++) {
      if (this.error || (await this.reloadOffThread()).outcome === 'broken') return this.saveRecoveryOffThread(codec);
      if (!this.needsSave || this.disposed) return 'unchanged';
      await nextTurn();
      const from = this.diskText;
      const written = clone(this.layer);
      await nextTurn();
      const out = await codec.encode(written, from, this.path);
      // Stopped, or the file was read or written meanwhile (a flush, a reload): start again from there.
      if (this.disposed) return 'unchanged';
      if (this.diskText !== from || this.error) continue;
      if (out.error) {
        await this.saveRecoveryOffThread(codec);
        this.recovered = true;
        throw this.refusedOutput(out.error);
      }
      if (out.text === from) {
        this.base = written;
        this.dropRecovery();
        return 'unchanged';
      }
      // The temp file is written in one turn, and swapped in under the lock in the next.
      const tmp = writeTemp(this.path, out.text);
      await nextTurn();
      if (this.disposed || this.diskText !== from || this.error) {
        fs.rmSync(tmp, { force: true });
        if (this.disposed) return 'unchanged';
        continue;
      }
      if (withLock(this.path, () => this.commitIfUnchanged(tmp, out.text, from, written))) return 'written';
    }
    throw new Error(`${this.path} kept changing during the save (${MAX_SAVE_ATTEMPTS} attempts); your work is kept in memory`);
  }

  /** Under the lock: renames `tmp` (holding `text`) over the file, unless the file is no longer `from`. True when written. */
  private commitIfUnchanged(tmp: string, text: string, from: string | undefined, written: Layer): boolean {
    const now = readDisk(this.path);
    if ('error' in now || now.text !== from) {
      fs.rmSync(tmp, { force: true });
      return false;
    }
    this.sawOnDisk();
    commitTemp(tmp, this.path);
    this.wrote(text, undefined, written);
    return true;
  }

  private async saveRecoveryOffThread(codec: SidecarCodec): Promise<SaveOutcome> {
    const { text } = await codec.encode(clone(this.layer), undefined, this.recoveryPath, false);
    writeFileAtomic(this.recoveryPath, text);
    this.dropTemps();
    return 'recovery';
  }

  private async reloadOffThread(): Promise<ReloadResult> {
    const read = readDisk(this.path);
    if ('error' in read) return this.becameBroken(read.error, '');
    const { text } = read;
    if (text === this.diskText && !this.error) {
      this.sawOnDisk();
      return { outcome: 'unchanged', conflicts: [] };
    }
    if (!this.codec || text === undefined || text.length < OFF_THREAD_CHARS) return this.reload();
    const from = this.diskText;
    let layer: Layer;
    try {
      layer = (await this.codec.decode(text, this.path)).layer;
    } catch (e) {
      if (!(e instanceof SidecarError)) throw e;
      return from === this.diskText ? this.becameBroken(e, text) : this.reloadOffThread();
    }
    // Read or written meanwhile: what was parsed may be older than what this file knows; look again.
    if (from !== this.diskText) return this.reloadOffThread();
    return this.mergeFromDisk({ layer, doc: undefined }, text);
  }
}
