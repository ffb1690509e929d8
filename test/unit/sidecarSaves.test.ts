import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ArticleSession } from '../../src/core/session/session';
import { lockPathFor, LockTimeoutError, withLock } from '../../src/core/store/lock';
import { SidecarFile } from '../../src/core/store/sidecarFile';
import { serializeSidecar } from '../../src/core/store/sidecarFormat';
import { raceLoop, secondWriter } from './helpers/raceWriter';
import { A0, fixedOptions, tmpCorpus } from './helpers/tmp';

function session(dir: string) {
  return ArticleSession.open(path.join(dir, A0), 'ana', fixedOptions());
}

/** A corpus with one article whose sidecar holds one saved entity. */
function oneSaved() {
  const dir = tmpCorpus([A0]);
  const a = session(dir);
  a.addEntity({ start: 0, end: 6, label: 'PLACE' });
  a.sidecar.save();
  return { dir, a };
}

/** A pid no process has: one that has just exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid ?? 999_999;
}

function tmpName(sidecar: string, pid: number, tag: string): string {
  return path.join(path.dirname(sidecar), `.${path.basename(sidecar)}.${pid}.${tag}.tmp`);
}

describe('sidecar saves: two writers', () => {
  it('keeps an annotation this process added when a writer that never saw it overwrites the file', () => {
    const { dir, a } = oneSaved();
    const b = session(dir);
    const x = a.addEntity({ start: 62, end: 68, label: 'PLACE' });
    a.sidecar.save();
    // A writer that read the file before x was saved overwrites it without looking (a synced folder, an old Sift).
    const y = b.addEntity({ start: 10, end: 16, label: 'ORG' });
    fs.writeFileSync(b.sidecar.path, serializeSidecar(b.layer));
    assert.strictEqual(a.sidecar.reload().outcome, 'merged');
    assert.ok(a.layer.entities.some((e) => e.id === x.id), 'the overwrite is not taken as a deletion of x');
    a.sidecar.save();
    const ids = session(dir).layer.entities.map((e) => e.id);
    assert.ok(ids.includes(x.id) && ids.includes(y.id));
  });

  it('still takes a deletion by a writer that read the annotation', () => {
    const dir = tmpCorpus([A0]);
    const a = session(dir);
    const x = a.addEntity({ start: 62, end: 68, label: 'PLACE' });
    a.sidecar.save();
    // The file watcher's reload after our own save reads the file back: x is now known to be on disk.
    assert.strictEqual(a.sidecar.reload().outcome, 'unchanged');
    const b = session(dir);
    b.remove(x.id);
    b.sidecar.save();
    a.sidecar.reload();
    assert.ok(!a.layer.entities.some((e) => e.id === x.id));
  });

  it('two processes saving the same sidecar in a loop lose nothing', async function () {
    this.timeout(60_000);
    const dir = tmpCorpus([A0]);
    const article = path.join(dir, A0);
    const count = 25;
    const child = await secondWriter(article, count);
    const mine = raceLoop({ article, prefix: 'parent', count });
    const theirs = await child.done;
    const onDisk = new Set(session(dir).layer.entities.map((e) => e.id));
    const lost = [...mine, ...theirs].filter((id) => !onDisk.has(id));
    assert.strictEqual(mine.length + theirs.length, 2 * count);
    assert.deepStrictEqual(lost, [], `${lost.length} of ${2 * count} annotations lost`);
  });
});

describe('sidecar saves: debris of a crashed save', () => {
  it('merges the work of a leftover temp file, reports it and removes it once saved', () => {
    const { dir, a } = oneSaved();
    // A save that crashed between the temp write and the rename: the temp holds the newer work.
    const x = a.addEntity({ start: 62, end: 68, label: 'PLACE' });
    const tmp = tmpName(a.sidecar.path, deadPid(), '0badc0de');
    fs.writeFileSync(tmp, serializeSidecar(a.layer));
    const b = session(dir);
    assert.deepStrictEqual(b.sidecar.leftovers.map((l) => [l.file, l.outcome]), [[tmp, 'merged']]);
    assert.ok(b.layer.entities.some((e) => e.id === x.id), 'the temp file\'s work is recovered');
    assert.strictEqual(b.sidecar.save(), 'written');
    assert.ok(!fs.existsSync(tmp), 'the temp file goes once its work is saved');
    assert.ok(session(dir).layer.entities.some((e) => e.id === x.id));
  });

  it('keeps an unparseable leftover temp file aside as *.orphan-tmp.yaml, and leaves a live writer\'s temp alone', () => {
    const { dir, a } = oneSaved();
    const broken = tmpName(a.sidecar.path, deadPid(), '00000001');
    fs.writeFileSync(broken, 'entities: [half a fil');
    const live = tmpName(a.sidecar.path, process.ppid, '00000002');
    fs.writeFileSync(live, 'being written');
    const b = session(dir);
    const [left] = b.sidecar.leftovers;
    assert.strictEqual(b.sidecar.leftovers.length, 1);
    assert.strictEqual(left.outcome, 'kept-aside');
    assert.ok(left.movedTo?.endsWith('.orphan-tmp.yaml'));
    assert.strictEqual(fs.readFileSync(left.movedTo ?? '', 'utf8'), 'entities: [half a fil');
    assert.ok(!fs.existsSync(broken));
    assert.ok(fs.existsSync(live), 'a temp file of a running writer is not touched');
  });
});

describe('sidecar saves: unsafe content', () => {
  it('refuses a sidecar with invalid UTF-8, with the line and column of the first bad byte, and never writes over it', () => {
    const { dir, a } = oneSaved();
    const good = fs.readFileSync(a.sidecar.path);
    const at = good.indexOf('quote: Moscow') + 'quote: Mosc'.length;
    const bad = Buffer.concat([good.subarray(0, at), Buffer.from([0xff]), good.subarray(at)]);
    fs.writeFileSync(a.sidecar.path, bad);
    const b = session(dir);
    assert.ok(b.sidecar.error, 'the file is refused');
    const p = b.sidecar.error.problems[0];
    const before = good.subarray(0, at).toString('utf8').split('\n');
    assert.deepStrictEqual([p.code, p.line, p.col], ['not-utf8', before.length, before[before.length - 1].length + 1]);
    b.addEntity({ start: 62, end: 68, label: 'PLACE' });
    assert.strictEqual(b.sidecar.save(), 'recovery');
    assert.ok(fs.readFileSync(b.sidecar.path).equals(bad), 'the file is untouched');
    assert.ok(fs.existsSync(b.sidecar.recoveryPath));
  });

  it('refuses a sidecar over the size limit without parsing it, and never writes over it', () => {
    const { dir, a } = oneSaved();
    const big = `${fs.readFileSync(a.sidecar.path, 'utf8')}# ${'x'.repeat(6 * 1024 * 1024)}\n`;
    fs.writeFileSync(a.sidecar.path, big);
    const b = session(dir);
    assert.strictEqual(b.sidecar.error?.problems[0].code, 'too-large');
    assert.match(b.sidecar.error.problems[0].message, /5 MB/);
    b.addEntity({ start: 62, end: 68, label: 'PLACE' });
    assert.strictEqual(b.sidecar.save(), 'recovery');
    assert.strictEqual(fs.statSync(b.sidecar.path).size, Buffer.byteLength(big));
  });

  it('reads at most the limit and one byte: a sidecar linked to /dev/zero is refused at once, as not a regular file', function () {
    if (!fs.existsSync('/dev/zero')) this.skip();
    const dir = tmpCorpus([A0]);
    const a = session(dir);
    const file = a.sidecar.path;
    fs.symlinkSync('/dev/zero', file);
    // A session refuses a sidecar whose real path leaves the workspace before it reads a byte of it…
    assert.throws(() => session(dir), /outside the workspace/);
    // …and the store itself never reads more than the limit and one byte, wherever the file is.
    const b = SidecarFile.open(file, a.layer.header);
    // The same answer as every other reader (safeRead's readRegularFile): a device is not a regular file.
    assert.strictEqual(b.error?.problems[0].code, 'not-a-file');
    assert.match(b.error.problems[0].message, /a device, not a regular file/);
    b.layer.entities.push({ id: 'e-1', label: 'PLACE', start: 62, end: 68, quote: 'Moscow', prefix: '', suffix: '' });
    assert.strictEqual(b.save(), 'recovery');
    assert.ok(fs.lstatSync(file).isSymbolicLink(), 'the link is not replaced');
  });
});

describe('sidecar saves: checked before the file is replaced', () => {
  it('never replaces a sidecar with output that fails the schema: the file stays, the work goes to the recovery file', () => {
    const { a } = oneSaved();
    const before = fs.readFileSync(a.sidecar.path, 'utf8');
    // A value the schema refuses (confidence is 0..1), as a bug or a hand-made layer could produce.
    a.addClaim({ start: 0, end: 6, source: { name: 'Moscow' }, confidence: 5 });
    assert.throws(() => a.sidecar.save(), /fails the sidecar schema.*confidence|confidence.*fails the sidecar schema/s);
    assert.strictEqual(fs.readFileSync(a.sidecar.path, 'utf8'), before, 'the sidecar on disk is untouched');
    const recovery = fs.readFileSync(a.sidecar.recoveryPath, 'utf8');
    assert.match(recovery, /confidence: 5/, 'the work is kept in the recovery file');
  });
});

describe('sidecar saves: the lock file', () => {
  it('breaks a lock left by a writer that is gone, and always releases its own', () => {
    const dir = tmpCorpus([A0]);
    const a = session(dir);
    const lock = lockPathFor(a.sidecar.path);
    fs.writeFileSync(lock, JSON.stringify({ pid: deadPid(), host: os.hostname(), time: Date.now() }));
    a.addEntity({ start: 0, end: 6, label: 'PLACE' });
    assert.strictEqual(a.sidecar.save(), 'written');
    assert.ok(!fs.existsSync(lock));
    assert.throws(() => withLock(a.sidecar.path, () => { throw new Error('boom'); }), /boom/);
    assert.ok(!fs.existsSync(lock), 'released when the work inside throws');
  });

  it('waits for a live writer\'s lock, then gives up with a clear error', () => {
    const dir = tmpCorpus([A0]);
    const a = session(dir);
    const lock = lockPathFor(a.sidecar.path);
    fs.writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: os.hostname(), time: Date.now() }));
    assert.throws(() => withLock(a.sidecar.path, () => 1, 50), LockTimeoutError);
    assert.ok(fs.existsSync(lock), 'a live writer\'s lock is left alone');
    fs.rmSync(lock);
  });
});
