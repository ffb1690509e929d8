import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ArticleSession } from '../../src/core/session/session';
import { parseSidecar, serializeSidecar } from '../../src/core/store/sidecarFormat';
import { SidecarPort } from '../../src/core/store/sidecarPort';
import { WriteNotVerifiedError } from '../../src/core/store/verifiedWrite';
import { ReadRefusal } from '../../src/core/text/readLimits';
import { A0, SAMPLES, fixedOptions } from './helpers/tmp';

// Sidecars through a file port, as the browser build reaches them (vscode.workspace.fs): opened, saved and reloaded
// asynchronously, with compare-before-write and verified writes. A workspace held in memory stands in for it.
class MemoryWorkspace implements SidecarPort {
  readonly files = new Map<string, string>();
  /** Alters what lands on disk (a file system that loses part of a write). */
  corrupt: ((file: string, text: string) => string) | undefined;
  /** Runs before each write lands (another writer, between the compare and the write). */
  beforeWrite: ((file: string) => void) | undefined;

  readText(file: string): Promise<string> {
    const text = this.files.get(file);
    return text === undefined ? Promise.reject(new ReadRefusal(file, 'missing', 'does not exist')) : Promise.resolve(text);
  }

  read(file: string): Promise<string | undefined> {
    return Promise.resolve(this.files.get(file));
  }

  write(file: string, text: string): Promise<void> {
    this.beforeWrite?.(file);
    this.files.set(file, this.corrupt ? this.corrupt(file, text) : text);
    return Promise.resolve();
  }

  rename(from: string, to: string): Promise<void> {
    const text = this.files.get(from);
    if (text === undefined) return Promise.reject(new Error(`no ${from}`));
    this.files.delete(from);
    this.files.set(to, text);
    return Promise.resolve();
  }

  remove(file: string): Promise<void> {
    this.files.delete(file);
    return Promise.resolve();
  }
}

const TEXT = fs.readFileSync(path.join(SAMPLES, A0), 'utf8');
const ARTICLE = `/ws/${A0}`;
const SIDECAR = ARTICLE.replace(/\.txt$/, '.ana.ann.yaml');
const RECOVERY = ARTICLE.replace(/\.txt$/, '.ana.ann.recovery.yaml');

let made = 0;
/** A session on the article, as the web's Sessions opens one; ids unique across sessions. */
const open = (port: MemoryWorkspace) => ArticleSession.load(ARTICLE, 'ana', TEXT, { ...fixedOptions(), newId: (kind) => `${kind[0]}-${++made}`, port });
const idsIn = (port: MemoryWorkspace, file = SIDECAR) => parseSidecar(port.files.get(file) ?? '', file).layer.entities.map((e) => e.id).sort();

describe('sidecars through a file port (the browser build)', () => {
  it('opens a missing sidecar empty, saves asynchronously, and leaves no temp file', async () => {
    const port = new MemoryWorkspace();
    const s = await open(port);
    const e = s.addEntity({ start: 0, end: 6, label: 'PLACE' });
    assert.strictEqual(await s.sidecar.saveAsync(), 'written');
    assert.deepStrictEqual(idsIn(port), [e.id]);
    assert.deepStrictEqual([...port.files.keys()], [SIDECAR]);
    // Opened again, it reads what was written.
    const again = await open(port);
    assert.deepStrictEqual(again.layer.entities.map((x) => x.id), [e.id]);
  });

  it('refuses the synchronous save while there is work, and flushAsync writes it', async () => {
    const port = new MemoryWorkspace();
    const s = await open(port);
    s.addEntity({ start: 0, end: 6, label: 'PLACE' });
    assert.throws(() => s.sidecar.flush(), /not available through vscode\.workspace\.fs/);
    assert.strictEqual(await s.sidecar.flushAsync(), 'written');
    assert.strictEqual(s.sidecar.flush(), 'unchanged');
  });

  it('merges a change another writer made since it was read, losing neither side', async () => {
    const port = new MemoryWorkspace();
    const a = await open(port);
    const b = await open(port);
    const fromA = a.addEntity({ start: 0, end: 6, label: 'PLACE' });
    await a.sidecar.saveAsync();
    const fromB = b.addEntity({ start: 62, end: 68, label: 'PLACE' });
    assert.strictEqual(await b.sidecar.saveAsync(), 'written');
    assert.deepStrictEqual(idsIn(port), [fromA.id, fromB.id].sort());
  });

  it('compare-before-write: a change landing between the merge and the write is merged too', async () => {
    const port = new MemoryWorkspace();
    const a = await open(port);
    const other = await open(port);
    const theirs = other.addEntity({ start: 62, end: 68, label: 'PLACE' });
    const theirText = serializeSidecar(other.layer);
    const mine = a.addEntity({ start: 0, end: 6, label: 'PLACE' });
    let once = true;
    // Right before a's first write lands (its temp file), the other writer replaces the sidecar.
    port.beforeWrite = () => {
      if (!once) return;
      once = false;
      port.files.set(SIDECAR, theirText);
    };
    assert.strictEqual(await a.sidecar.saveAsync(), 'written');
    assert.deepStrictEqual(idsIn(port), [mine.id, theirs.id].sort());
  });

  it('keeps the work in the recovery file when a write does not read back, and merges it back on the next open', async () => {
    const port = new MemoryWorkspace();
    const s = await open(port);
    const e = s.addEntity({ start: 0, end: 6, label: 'PLACE' });
    port.corrupt = (file, text) => (file === RECOVERY ? text : text.slice(0, 20));
    await assert.rejects(s.sidecar.saveAsync(), (err: unknown) => err instanceof WriteNotVerifiedError && err.recoveryPath === RECOVERY);
    assert.deepStrictEqual(idsIn(port, RECOVERY), [e.id]);
    // The sidecar on disk is now broken (truncated); the next open takes the work from the recovery file.
    port.corrupt = undefined;
    const again = await open(port);
    assert.ok(again.sidecar.error, 'the truncated sidecar is reported, never written over');
    assert.deepStrictEqual(again.layer.entities.map((x) => x.id), [e.id]);
  });
});
