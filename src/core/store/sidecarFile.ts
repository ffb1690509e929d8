// One sidecar file on disk and the layer held in memory for it: load, debounced atomic save, recovery, external reload
// (the work on the calling thread is in sidecarFileBase.ts). A big file is parsed and serialised by a codec off the
// calling thread (sidecarCodec.ts); its save then ends with the same locked compare-and-swap write.
import { Layer, SidecarHeader } from '../model';
import { SidecarError } from './problems';
import { commitTemp, writeFileAtomic, writeTemp, writeTempAsync } from './atomicWrite';
import { SidecarPort, portReader, readDiskVia } from './sidecarPort';
import { WriteNotVerifiedError, writeVerified } from './verifiedWrite';
import { assertLoads, serializeSidecar } from './sidecarFormat';
import { serializeFreshSidecar } from './freshSidecar';
import { clone, openState, openStateAsync, readDisk } from './sidecarOpen';
import { withLock, withLockAsync } from './lock';
import { withMemoryLockAsync } from './memoryLock';
import { EncodedSidecar, OFF_THREAD_ANNOTATIONS, OFF_THREAD_CHARS, SidecarCodec, nextTurn } from './sidecarCodec';
import { MAX_SAVE_ATTEMPTS, OpenOptions, ReloadResult, SaveOutcome, SidecarFileBase } from './sidecarFileBase';

export { MAX_SAVE_ATTEMPTS } from './sidecarFileBase';
export type { OpenOptions, ReloadOutcome, ReloadResult, SaveOutcome } from './sidecarFileBase';

/** A sidecar reached through a file port (the browser build): see SidecarFile's `port`. */
export interface PortOptions extends OpenOptions {
  port: SidecarPort;
}

export class SidecarFile extends SidecarFileBase {
  /** See OpenOptions.codec. */
  codec: SidecarCodec | undefined;
  /**
   * Set in the browser, where files come through vscode.workspace.fs: every read and write is asynchronous and goes
   * through the port (openAsync, saveAsync, reloadAsync, flushAsync; the synchronous save refuses). The lock is the
   * in-memory one (lock.web.ts) with compare-before-write, and writes are verified (verifiedWrite.ts).
   */
  port: SidecarPort | undefined;
  /** The save or reload running on the codec: they run one after the other, never two at once. */
  private busy: Promise<unknown> = Promise.resolve();
  /** The pending scheduled save was asked for at once (`scheduleSave(0)`). */
  private urgentPending = false;

  /**
   * Opens a sidecar (see openState: a missing file, a broken one, a recovery file). Temp files left by a crashed save
   * are merged in.
   */
  static open(path: string, header: SidecarHeader, options: OpenOptions = {}): SidecarFile {
    return new SidecarFile(path, openState(path, header)).opened(options);
  }

  /** Opens a sidecar like `open`, with a big file parsed by `options.codec` off the calling thread. */
  static async openAsync(path: string, header: SidecarHeader, options: OpenOptions | PortOptions): Promise<SidecarFile> {
    const port = 'port' in options ? options.port : undefined;
    const file = new SidecarFile(path, await openStateAsync(path, header, options.codec, port && portReader(port)));
    file.port = port;
    return file.opened(options);
  }

  private opened(options: OpenOptions): SidecarFile {
    this.readOnly = options.readOnly ?? false;
    this.codec = options.codec;
    // A crashed save's temp files belong to the layer's owner: a reader neither merges nor moves them. Through a port
    // no save leaves one (a verified write removes its temp file when it fails).
    if (!this.readOnly && !this.port) this.takeLeftovers();
    return this;
  }

  /** Through a port a save is asynchronous: the synchronous one only says there is nothing to write. */
  override save(): SaveOutcome {
    if (!this.port || this.readOnly || (!this.needsSave && !this.error)) return super.save();
    throw new Error(`${this.path}: a synchronous save is not available through vscode.workspace.fs; Sift saves it asynchronously (flushAsync)`);
  }

  protected override removeFile(file: string): void {
    if (!this.port) return super.removeFile(file);
    // Asynchronous through the port; a failure leaves a stale recovery file, which the next open merges (by id) and drops.
    void this.port.remove(file).catch(() => undefined);
  }

  /**
   * Saves after `delayMs` of quiet; bursts of changes give one write. A pending urgent save (0 ms) is never put off
   * by a later call: it serialises the layer when it runs, so it covers the later change too.
   */
  scheduleSave(delayMs: number, onSaved?: (outcome: SaveOutcome) => void, onError?: (e: Error) => void): void {
    if (this.readOnly || (this.timer && this.urgentPending)) return;
    if (this.timer) clearTimeout(this.timer);
    this.urgentPending = delayMs <= 0;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.codec || this.port) {
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

  /** Saves now, as `flush` does, through `saveAsync` (a pending scheduled save is taken over): the port's flush. */
  flushAsync(): Promise<SaveOutcome> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    return this.saveAsync();
  }

  /** Reads the file again after a change outside Sift, as `reload` does, with a big file parsed on the codec's thread. */
  reloadAsync(): Promise<ReloadResult> {
    return this.queued(() => this.reloadOffThread());
  }

  /**
   * Saves as `save` does (the same locked compare-and-swap write, the lock held from the merge to the rename), with the
   * lock file created and the temp file written and synced by async IO, so that many files saved at once (`sift review
   * --merge`) overlap their waits on the disk. The output is checked as a load checks it, by `assertLoads`: the fast
   * reader and the schema on the plain data, and the careful parser wherever they decline (they accept and refuse
   * alike); only whether it loads is asked, so no layer is built from it.
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
      assertLoads(text, this.path);
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
        this.removeFile(tmp);
        if (this.disposed) return 'unchanged';
        continue;
      }
      if (this.commitIfUnchanged(tmp, out.text, from, written)) return 'written';
    }
    throw new Error(`${this.path} kept changing during the save (${MAX_SAVE_ATTEMPTS} attempts); your work is kept in memory`);
  }

  private async saveOffThread(): Promise<SaveOutcome> {
    if (this.readOnly || this.disposed) return 'unchanged';
    if (this.port) return this.saveViaPort(this.port);
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
      if (await this.nothingToWrite(out, from, written, () => this.saveRecoveryOffThread(codec))) return 'unchanged';
      // The temp file is written in one turn, and swapped in under the lock in the next.
      const tmp = writeTemp(this.path, out.text);
      await nextTurn();
      if (this.disposed || this.diskText !== from || this.error) {
        this.removeFile(tmp);
        if (this.disposed) return 'unchanged';
        continue;
      }
      if (withLock(this.path, () => this.commitIfUnchanged(tmp, out.text, from, written))) return 'written';
    }
    throw new Error(`${this.path} kept changing during the save (${MAX_SAVE_ATTEMPTS} attempts); your work is kept in memory`);
  }

  /**
   * What an encoded layer leaves to do: output that fails a load's checks goes to the recovery file (`recover`) and the
   * save fails with the reason; output equal to the file (`from`) is saved already (true). False: write it.
   */
  private async nothingToWrite(out: EncodedSidecar, from: string | undefined, written: Layer, recover: () => Promise<unknown>): Promise<boolean> {
    if (out.error) {
      await recover();
      this.recovered = true;
      throw this.refusedOutput(out.error);
    }
    if (out.text !== from) return false;
    this.base = written;
    this.dropRecovery();
    return true;
  }

  /** Under the lock: renames `tmp` (holding `text`) over the file, unless the file is no longer `from`. True when written. */
  private commitIfUnchanged(tmp: string, text: string, from: string | undefined, written: Layer): boolean {
    const now = readDisk(this.path);
    if ('error' in now || now.text !== from) {
      this.removeFile(tmp);
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

  /**
   * The save through a port (the browser): as saveOffThread, the file read again and merged first, the layer
   * serialised (by the codec when big), then written under the in-memory lock with compare-before-write (the file
   * must still hold what was merged, else merge again) and read back (verifiedWrite.ts).
   */
  private async saveViaPort(port: SidecarPort): Promise<SaveOutcome> {
    this.takeTouched();
    for (let attempt = 0; attempt < MAX_SAVE_ATTEMPTS; attempt++) {
      if (this.error || (await this.reloadOffThread()).outcome === 'broken') return this.saveRecoveryViaPort(port);
      if (!this.needsSave || this.disposed) return 'unchanged';
      const from = this.diskText;
      const written = clone(this.layer);
      const out = this.codec && this.big ? await this.codec.encode(written, from, this.path) : this.encodeHere(written);
      if (this.disposed) return 'unchanged';
      if (this.diskText !== from || this.error) continue;
      if (await this.nothingToWrite(out, from, written, () => this.saveRecoveryViaPort(port))) return 'unchanged';
      if ((await this.writeViaPort(port, out.text, from)) === 'changed') continue;
      this.sawOnDisk();
      this.wrote(out.text, undefined, written);
      return 'written';
    }
    throw new Error(`${this.path} kept changing during the save (${MAX_SAVE_ATTEMPTS} attempts); your work is kept in memory`);
  }

  private async writeViaPort(port: SidecarPort, text: string, from: string | undefined): Promise<'written' | 'changed'> {
    try {
      return await withMemoryLockAsync(this.path, () => writeVerified(port, this.path, text, { expected: { text: from }, recoveryPath: this.recoveryPath }));
    } catch (e) {
      // The text is in the recovery file (merged back on the next open) and in memory; the next save drops it.
      if (e instanceof WriteNotVerifiedError && e.recoveryPath) this.recovered = true;
      throw e;
    }
  }

  private async saveRecoveryViaPort(port: SidecarPort): Promise<SaveOutcome> {
    const layer = clone(this.layer);
    const text = this.codec ? (await this.codec.encode(layer, undefined, this.recoveryPath, false)).text : serializeSidecar(layer);
    await writeVerified(port, this.recoveryPath, text);
    return 'recovery';
  }

  private async reloadOffThread(): Promise<ReloadResult> {
    const read = this.port ? await readDiskVia(this.port, this.path) : readDisk(this.path);
    if ('error' in read) return this.becameBroken(read.error, '');
    const { text } = read;
    if (text === this.diskText && !this.error) {
      this.sawOnDisk();
      return { outcome: 'unchanged', conflicts: [] };
    }
    if (this.port && (!this.codec || text === undefined || text.length < OFF_THREAD_CHARS)) return this.reloadFrom(read);
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
