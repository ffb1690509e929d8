import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { FORMAT_VERSION } from '../../src/core/model';
import { ArticleSession } from '../../src/core/session/session';
import { NodeWorkerCodec } from '../../src/core/store/nodeWorkerCodec';
import { SidecarError } from '../../src/core/store/problems';
import { InProcessCodec, OFF_THREAD_CHARS, SidecarCodec } from '../../src/core/store/sidecarCodec';
import { SidecarFile } from '../../src/core/store/sidecarFile';
import { parseSidecar } from '../../src/core/store/sidecarFormat';
import { aBigSidecar } from '../builders/bigSidecar';

/** The worker as the unit tests build it (out/src/...); the extension ships it bundled as dist/sidecarWorker.js. */
const WORKER = path.resolve(__dirname, '..', '..', 'src', 'core', 'store', 'sidecarWorker.js');
/** Over the threshold (about 180 bytes an entity), and quick enough for a unit test; the bench measures 5,000. */
const N = 1_600;

function copyOf(dir: string): string {
  const to = `${dir}-copy`;
  fs.cpSync(dir, to, { recursive: true });
  return to;
}

/** The error a codec or an open gives, as plain data to compare. */
function problemsOf(e: unknown): unknown {
  assert.ok(e instanceof SidecarError, `a SidecarError, not ${String(e)}`);
  return { name: e.name, message: e.message, file: e.file, problems: e.problems };
}

describe('big sidecars off the calling thread (codec on a worker thread)', function () {
  this.timeout(60_000);
  let codec: NodeWorkerCodec;
  before(() => { codec = new NodeWorkerCodec(WORKER); });
  after(() => codec.dispose());

  it('opens a big sidecar to a layer deepStrictEqual to the in-process parse', async () => {
    const big = aBigSidecar(N);
    // A hand comment and an unknown key, which a rewrite must keep.
    fs.writeFileSync(big.sidecar, fs.readFileSync(big.sidecar, 'utf8').replace('entities:', '# checked by hand\nx-project: dec-2024\nentities:'));
    assert.ok(fs.statSync(big.sidecar).size >= OFF_THREAD_CHARS, 'the file is over the off-thread threshold');
    const header = { sift: FORMAT_VERSION, article: 'big.txt', annotator: big.annotator, sha256: '', length: 0 };
    const inProcess = SidecarFile.open(big.sidecar, header);
    const offThread = await SidecarFile.openAsync(big.sidecar, header, { codec });
    assert.strictEqual(offThread.error, undefined);
    assert.strictEqual(offThread.layer.entities.length, N);
    assert.deepStrictEqual(offThread.layer, inProcess.layer);
    assert.deepStrictEqual(offThread.layer, parseSidecar(fs.readFileSync(big.sidecar, 'utf8'), big.sidecar).layer);
    assert.strictEqual(offThread.dirty, false);
  });

  it('saves a big layer to the same bytes as the in-process save, keeping comments and unknown keys', async () => {
    const big = aBigSidecar(N);
    fs.writeFileSync(big.sidecar, fs.readFileSync(big.sidecar, 'utf8').replace('entities:', '# checked by hand\nx-project: dec-2024\nentities:'));
    const other = copyOf(big.dir);
    const a = ArticleSession.open(big.article, big.annotator, { now: () => '2026-11-21T12:00:00Z' });
    const b = await ArticleSession.load(path.join(other, 'big.txt'), big.annotator, fs.readFileSync(big.article, 'utf8'), { now: () => '2026-11-21T12:00:00Z', codec });
    for (const s of [a, b]) {
      s.update('e-7', { note: 'one change' });
      s.remove('e-1500');
    }
    assert.strictEqual(a.sidecar.save(), 'written');
    assert.strictEqual(await b.sidecar.saveAsync(), 'written');
    const bytes = fs.readFileSync(b.sidecar.path, 'utf8');
    assert.strictEqual(bytes, fs.readFileSync(a.sidecar.path, 'utf8'));
    assert.match(bytes, /# checked by hand\nx-project: dec-2024\n/);
    assert.strictEqual(b.sidecar.dirty, false);
    assert.strictEqual(await b.sidecar.saveAsync(), 'unchanged', 'nothing more to write');
    assert.deepStrictEqual(fs.readdirSync(other).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock')), [], 'no temp or lock file left');
  });

  it('keeps changes made while a save runs on the worker, and saves them next', async () => {
    const big = aBigSidecar(N);
    let during: (() => void) | undefined;
    // The worker codec, with a change to the layer made as soon as the snapshot is posted to the worker.
    const watched: SidecarCodec = {
      decode: (text, file) => codec.decode(text, file),
      encode: (layer, previous, file, check) => { const r = codec.encode(layer, previous, file, check); during?.(); during = undefined; return r; },
      dispose: () => undefined,
    };
    const s = await ArticleSession.load(big.article, big.annotator, fs.readFileSync(big.article, 'utf8'), { codec: watched });
    s.update('e-1', { label: 'ORG' });
    during = () => s.update('e-2', { label: 'ORG' });
    assert.strictEqual(await s.sidecar.saveAsync(), 'written');
    assert.strictEqual(s.sidecar.dirty, true, 'the change made during the save is not taken as saved');
    assert.strictEqual(await s.sidecar.saveAsync(), 'written');
    const onDisk = parseSidecar(fs.readFileSync(big.sidecar, 'utf8'), big.sidecar).layer;
    assert.deepStrictEqual(['e-1', 'e-2', 'e-3'].map((id) => onDisk.entities.find((e) => e.id === id)?.label), ['ORG', 'ORG', 'PLACE']);
  });

  it('merges a change made on disk during an off-thread save before it writes (compare-and-swap)', async () => {
    const big = aBigSidecar(N);
    const s = await ArticleSession.load(big.article, big.annotator, fs.readFileSync(big.article, 'utf8'), { codec });
    s.update('e-1', { label: 'ORG' });
    const saving = s.sidecar.saveAsync();
    // Another writer (a colleague's Sift, git) replaces the file while the worker serialises.
    fs.writeFileSync(big.sidecar, fs.readFileSync(big.sidecar, 'utf8').replace(/(id: e-9\n {4}label:) PLACE/, '$1 DATE'));
    assert.strictEqual(await saving, 'written');
    const onDisk = parseSidecar(fs.readFileSync(big.sidecar, 'utf8'), big.sidecar).layer;
    assert.deepStrictEqual(['e-1', 'e-9'].map((id) => onDisk.entities.find((e) => e.id === id)?.label), ['ORG', 'DATE'], 'both changes kept');
  });

  it('gives a bad big sidecar the same clear error as in-process, and never writes over it', async () => {
    const big = aBigSidecar(N);
    const bad = fs.readFileSync(big.sidecar, 'utf8').replace('id: e-1234\n    label: PLACE\n    start:', 'id: e-1234\n    label: PLACE\n    start: -3\n    x-was:');
    fs.writeFileSync(big.sidecar, bad);
    let inProcess: unknown;
    try { parseSidecar(bad, big.sidecar); } catch (e) { inProcess = e; }
    await assert.rejects(codec.decode(bad, big.sidecar), (e: unknown) => { assert.deepStrictEqual(problemsOf(e), problemsOf(inProcess)); return true; });
    const s = await ArticleSession.load(big.article, big.annotator, fs.readFileSync(big.article, 'utf8'), { codec });
    assert.deepStrictEqual(problemsOf(s.sidecar.error), problemsOf(inProcess));
    assert.match(s.sidecar.error!.message, /entities\/1234\/start/);
    s.addEntity({ start: 0, end: 8, label: 'PERSON' });
    assert.strictEqual(await s.sidecar.saveAsync(), 'recovery');
    assert.strictEqual(fs.readFileSync(big.sidecar, 'utf8'), bad, 'the broken file is untouched');
    assert.strictEqual(parseSidecar(fs.readFileSync(s.sidecar.recoveryPath, 'utf8'), s.sidecar.recoveryPath).layer.entities.length, 1, 'the new work is in the recovery file');
  });

  it('refuses hostile big input (an alias bomb, too deep nesting) with the in-process error', async () => {
    const big = aBigSidecar(N);
    const base = fs.readFileSync(big.sidecar, 'utf8');
    const hostile = [
      base.replace('entities:', `x-bomb: &a [${'x,'.repeat(10)}x]\nx-b: &b [${'*a,'.repeat(60)}*a]\nentities:`),
      base.replace('entities:', `x-deep: ${'['.repeat(200)}${']'.repeat(200)}\nentities:`),
    ];
    for (const text of hostile) {
      let inProcess: unknown;
      try { parseSidecar(text, big.sidecar); } catch (e) { inProcess = e; }
      await assert.rejects(codec.decode(text, big.sidecar), (e: unknown) => { assert.deepStrictEqual(problemsOf(e), problemsOf(inProcess)); return true; });
    }
  });

  it('never writes output that fails the schema: the work goes to the recovery file and the save says why', async () => {
    const big = aBigSidecar(N);
    const before = fs.readFileSync(big.sidecar, 'utf8');
    const file = await SidecarFile.openAsync(big.sidecar, { sift: 1, article: 'big.txt', annotator: big.annotator, sha256: '', length: 0 }, { codec });
    file.layer.entities[10] = { ...file.layer.entities[10], start: -1 };
    await assert.rejects(file.saveAsync(), /did not write .*fails the sidecar schema.*kept in .*recovery/);
    assert.strictEqual(fs.readFileSync(big.sidecar, 'utf8'), before);
    assert.ok(fs.existsSync(file.recoveryPath));
  });

  it('the in-process codec gives the same layer and bytes as the worker', async () => {
    const big = aBigSidecar(N);
    const text = fs.readFileSync(big.sidecar, 'utf8');
    const local = new InProcessCodec();
    const [x, y] = await Promise.all([local.decode(text, big.sidecar), codec.decode(text, big.sidecar)]);
    assert.deepStrictEqual(x, y);
    x.layer.entities[0].note = 'changed';
    const [ex, ey] = await Promise.all([local.encode(x.layer, text, big.sidecar), codec.encode(x.layer, text, big.sidecar)]);
    assert.strictEqual(ex.text, ey.text);
    assert.match(ex.text, /note: changed/);
  });
});
