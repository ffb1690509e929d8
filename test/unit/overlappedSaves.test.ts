// The bulk merge's save path (sift review --merge): SidecarFile.saveOverlapped (temp file written and synced by async
// IO, the lock created by async IO, the output checked by readSidecar), and each folder listed once for leftover temp
// files. Same guarantees as save(): same bytes, never a file that fails the schema, nothing lost to a second writer.
import * as assert from 'assert';
import fc from 'fast-check';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FORMAT_VERSION, Layer } from '../../src/core/model';
import { ArticleSession } from '../../src/core/session/session';
import { findLeftoverTemps, withFoldersListedOnce } from '../../src/core/store/leftovers';
import { lockPathFor, LockTimeoutError, withLockAsync } from '../../src/core/store/lock';
import { SidecarError } from '../../src/core/store/problems';
import { parseSidecar, readSidecar, serializeSidecar } from '../../src/core/store/sidecarFormat';
import { secondWriter } from './helpers/raceWriter';
import { A0, fixedOptions, tmpCorpus } from './helpers/tmp';

function session(dir: string) {
  return ArticleSession.open(path.join(dir, A0), 'ana', fixedOptions());
}

const debris = (dir: string) => fs.readdirSync(dir).filter((n) => n.endsWith('.tmp') || n.endsWith('.lock') || n.includes('recovery'));

describe('overlapped saves (sift review --merge): the same write as save()', () => {
  it('writes a new sidecar and then a change to the same bytes as save(), leaving no temp file or lock', async () => {
    const one = tmpCorpus([A0]);
    const two = tmpCorpus([A0]);
    const [a, b] = [session(one), session(two)];
    for (const s of [a, b]) s.addEntity({ start: 0, end: 6, label: 'PLACE', note: 'a "quoted"\nnote: #1' });
    assert.strictEqual(a.sidecar.save(), 'written');
    assert.strictEqual(await b.sidecar.saveOverlapped(), 'written');
    assert.strictEqual(fs.readFileSync(b.sidecar.path, 'utf8'), fs.readFileSync(a.sidecar.path, 'utf8'));
    // A hand-made comment and a key Sift does not know survive the overlapped save as they survive save().
    for (const s of [a, b]) {
      fs.writeFileSync(s.sidecar.path, `# kept\n${fs.readFileSync(s.sidecar.path, 'utf8')}x-tool: 7\n`);
      s.sidecar.reload();
      s.addEntity({ start: 62, end: 68, label: 'PLACE' });
    }
    assert.strictEqual(a.sidecar.save(), 'written');
    assert.strictEqual(await b.sidecar.saveOverlapped(), 'written');
    assert.strictEqual(fs.readFileSync(b.sidecar.path, 'utf8'), fs.readFileSync(a.sidecar.path, 'utf8'));
    assert.match(fs.readFileSync(b.sidecar.path, 'utf8'), /# kept[\s\S]*x-tool: 7/);
    assert.strictEqual(await b.sidecar.saveOverlapped(), 'unchanged');
    assert.deepStrictEqual(debris(two), []);
  });

  it('never replaces a sidecar with output that fails the schema: the file stays, the work goes to the recovery file', async () => {
    const dir = tmpCorpus([A0]);
    const a = session(dir);
    a.addEntity({ start: 0, end: 6, label: 'PLACE' });
    await a.sidecar.saveOverlapped();
    const before = fs.readFileSync(a.sidecar.path, 'utf8');
    a.addClaim({ start: 0, end: 6, source: { name: 'Moscow' }, confidence: 5 });
    await assert.rejects(a.sidecar.saveOverlapped(), /fails the sidecar schema.*confidence|confidence.*fails the sidecar schema/s);
    assert.strictEqual(fs.readFileSync(a.sidecar.path, 'utf8'), before, 'the sidecar on disk is untouched');
    assert.match(fs.readFileSync(a.sidecar.recoveryPath, 'utf8'), /confidence: 5/);
  });

  it('never writes over a sidecar that does not parse: the work goes to the recovery file', async () => {
    const dir = tmpCorpus([A0]);
    const a = session(dir);
    fs.writeFileSync(a.sidecar.path, 'sift: [unclosed\n');
    a.addEntity({ start: 0, end: 6, label: 'PLACE' });
    assert.strictEqual(await a.sidecar.saveOverlapped(), 'recovery');
    assert.strictEqual(fs.readFileSync(a.sidecar.path, 'utf8'), 'sift: [unclosed\n');
    assert.ok(fs.existsSync(a.sidecar.recoveryPath));
  });

  it('merges a change another writer made on disk before it writes (compare-and-swap)', async () => {
    const dir = tmpCorpus([A0]);
    const a = session(dir);
    a.addEntity({ start: 0, end: 6, label: 'PLACE' });
    await a.sidecar.saveOverlapped();
    const b = session(dir);
    const y = b.addEntity({ start: 10, end: 16, label: 'ORG' });
    b.sidecar.save();
    const x = a.addEntity({ start: 62, end: 68, label: 'PLACE' });
    assert.strictEqual(await a.sidecar.saveOverlapped(), 'written');
    const ids = session(dir).layer.entities.map((e) => e.id);
    assert.ok(ids.includes(x.id) && ids.includes(y.id), `both kept: ${ids.join(', ')}`);
  });

  it('an overlapped writer and a second process saving the same sidecar in a loop lose nothing', async function () {
    this.timeout(60_000);
    const dir = tmpCorpus([A0]);
    const article = path.join(dir, A0);
    const count = 25;
    const child = await secondWriter(article, count);
    let n = 0;
    const s = ArticleSession.open(article, 'ana', { now: () => '2026-11-21T12:00:00Z', newId: () => `e-parent${n++}` });
    const mine: string[] = [];
    for (let i = 0; i < count; i++) {
      mine.push(s.addEntity({ start: i % 40, end: (i % 40) + 3, label: 'PLACE' }).id);
      await s.sidecar.saveOverlapped();
      await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 3));
    }
    const theirs = await child.done;
    await s.sidecar.saveOverlapped();
    const onDisk = new Set(session(dir).layer.entities.map((e) => e.id));
    const lost = [...mine, ...theirs].filter((id) => !onDisk.has(id));
    assert.strictEqual(mine.length + theirs.length, 2 * count);
    assert.deepStrictEqual(lost, [], `${lost.length} of ${2 * count} annotations lost`);
  });
});

/** Accepted (with the layer) or refused, by one reader. */
function verdict(read: () => Layer): Layer | 'refused' {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof SidecarError)) throw e;
    return 'refused';
  }
}

const oddString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('', ' ', 'null', '~', 'true', 'NO', '0x1F', '1e3', '-.5', '.inf', '# x', 'a: b', '- x', '"q"', "'", '\\', '\t', '\r\n', '\u2028', '\u0085', '\ufeff', '\u0000', '\ud800', '{}', '[]', '&a', '*a', '!!str', '|', '>', '%', '@', '`'),
);
const oddNumber = fc.oneof(fc.integer({ min: -3, max: 2 ** 53 }), fc.double(), fc.constantFrom(0.5, -0, 1e21, Number.MAX_SAFE_INTEGER + 2));
/** Mostly what a layer holds, now and then something odd: so that both verdicts come up often. */
const mostly = <T, U>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<U>) => fc.oneof({ arbitrary: usual, weight: 12 }, { arbitrary: odd, weight: 1 });
const aString = mostly(fc.string({ maxLength: 12 }), oddString);
const anOffset = mostly(fc.nat(500), oddNumber);

/** A layer with hostile strings and numbers anywhere a bug or a hand-made layer could put them. */
const oddLayer = fc.record({
  article: mostly(fc.constant('a.txt'), oddString), annotator: mostly(fc.constant('ana'), oddString), sha: mostly(fc.constant('a'.repeat(64)), oddString), length: anOffset,
  entities: fc.array(fc.record({ id: mostly(fc.constantFrom('e-1', 'e-2'), oddString), label: mostly(fc.constantFrom('PLACE', 'ORG'), oddString), start: anOffset, end: anOffset, quote: aString, prefix: aString, suffix: aString }), { maxLength: 3 }),
  claims: fc.array(fc.record({ id: mostly(fc.constant('c-1'), oddString), start: anOffset, end: anOffset, quote: aString, prefix: aString, suffix: aString, source: fc.record({ name: aString }), confidence: mostly(fc.constantFrom(0, 0.5, 1), oddNumber) }), { maxLength: 2 }),
}).map((r): Layer => ({
  header: { sift: FORMAT_VERSION, article: r.article, sha256: r.sha, length: r.length, annotator: r.annotator },
  entities: r.entities, claims: r.claims,
}));

describe('the overlapped save checks its output as strictly as save() (readSidecar against the careful parser)', () => {
  it('on hostile layers, serialised, both refuse, or both accept with deep-equal layers', function () {
    this.timeout(60_000);
    let accepted = 0;
    let refused = 0;
    fc.assert(fc.property(oddLayer, (layer) => {
      const text = serializeSidecar(layer);
      const careful = verdict(() => parseSidecar(text, 'x.ana.ann.yaml').layer);
      const fast = verdict(() => readSidecar(text, 'x.ana.ann.yaml').layer);
      if (careful === 'refused') refused++; else accepted++;
      assert.deepStrictEqual(fast, careful);
    }), { numRuns: 600, seed: 12 });
    assert.ok(accepted > 20 && refused > 20, `both outcomes exercised (${accepted} accepted, ${refused} refused)`);
  });
});

/** A pid no process has: one that has just exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid ?? 999_999;
}

describe('the async lock', () => {
  it('breaks a lock left by a writer that is gone, and always releases its own', async () => {
    const file = path.join(tmpCorpus([]), 'x.ana.ann.yaml');
    const lock = lockPathFor(file);
    fs.writeFileSync(lock, JSON.stringify({ pid: deadPid(), host: os.hostname(), time: Date.now() }));
    assert.strictEqual(await withLockAsync(file, () => 7), 7);
    assert.ok(!fs.existsSync(lock));
    await assert.rejects(withLockAsync(file, () => { throw new Error('boom'); }), /boom/);
    assert.ok(!fs.existsSync(lock), 'released when the work inside throws');
  });

  it('waits for a live writer\'s lock, then gives up with a clear error, leaving it alone', async () => {
    const file = path.join(tmpCorpus([]), 'x.ana.ann.yaml');
    const lock = lockPathFor(file);
    fs.writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: os.hostname(), time: Date.now() }));
    await assert.rejects(withLockAsync(file, () => 1, 50), LockTimeoutError);
    assert.ok(fs.existsSync(lock));
  });
});

describe('leftover temp files with each folder listed once', () => {
  it('finds the same temp files as a fresh listing, and skips one gone since the listing', async () => {
    const dir = tmpCorpus([]);
    const sidecar = path.join(dir, 'a.ana.ann.yaml');
    const other = path.join(dir, 'b.ana.ann.yaml');
    const gone = deadPid();
    const t1 = path.join(dir, `.a.ana.ann.yaml.${gone}.0a.tmp`);
    const t2 = path.join(dir, `.b.ana.ann.yaml.${gone}.0b.tmp`);
    for (const t of [t1, t2]) fs.writeFileSync(t, 'x');
    await withFoldersListedOnce(async () => {
      assert.deepStrictEqual(findLeftoverTemps(sidecar), findLeftoverTemps(sidecar));
      assert.deepStrictEqual(findLeftoverTemps(sidecar), [t1]);
      fs.rmSync(t2);
      assert.deepStrictEqual(findLeftoverTemps(other), [], 'a temp file gone since the listing is skipped');
      await Promise.resolve();
    });
    fs.writeFileSync(t2, 'x');
    assert.deepStrictEqual(findLeftoverTemps(other), [t2], 'outside the run, the folder is listed afresh');
  });
});
