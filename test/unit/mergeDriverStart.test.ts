// The merge driver's start (dist/mergeDriver.js, src/cli/mergeDriverStart.ts) run as git runs it: its code cache is
// written once and then used, a cache of another build or a damaged one is refused without changing the merge, a
// read-only install merges without one, a large merge runs with the optimising compiler, and the command line
// `sift git-setup` registers keeps Node from reading NODE_EXTRA_CA_CERTS. Each result is held to the in-process merge.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { pathToFileURL } from 'url';
import { driverCommand } from '../../src/core/store/gitSetup';
import { mergeLayers, mergeSidecarTexts } from '../../src/core/store/gitMerge';
import { mergeDriverCommand } from '../../src/cli/mergeDriver';
import { serializeSidecar, parseSidecar, readSidecar } from '../../src/core/store/sidecarFormat';
import { nonStringTests } from '../../src/core/store/yamlScalarTags';
import { rewritePlainSidecar } from '../../src/core/store/plainWriter';
import { warmUpSides } from '../../src/cli/mergeDriverWarmUp';
import { aLayer } from '../builders/layer';
import { A0, SAMPLES } from './helpers/tmp';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DIST = path.join(ROOT, 'dist');
const TEXT = fs.readFileSync(path.join(SAMPLES, A0), 'utf8');
const FILE = 'a.ana.ann.yaml';

/** A triple whose merge rewrites ours (a relabel on one side, an addition on the other); `note` pads every side. */
function triple(note = ''): { base: string; ours: string; theirs: string } {
  const layer = aLayer().forArticle(TEXT, A0).by('ana').withEntity('Moscow', 'PLACE', { id: 'e1', ...(note ? { note } : {}) }).withEntity('Damascus', 'PLACE', { id: 'e2' }).build();
  const base = serializeSidecar(layer);
  const edit = (f: (l: typeof layer) => void) => { const p = parseSidecar(base, FILE); f(p.layer); return serializeSidecar(p.layer, p.doc); };
  const ours = edit((l) => { l.entities[1].label = 'ORG'; });
  const theirs = edit((l) => { l.entities.push(aLayer().forArticle(TEXT, A0).by('ana').withEntity('Syria', 'PLACE', { id: 'e3' }).build().entities[0]); });
  return { base, ours, theirs };
}

/** The driver's files: its start, its code and `yaml`. */
const DRIVER_FILES = ['mergeDriver.js', 'mergeDriverCore.js', 'mergeDriverYaml.js', 'package.json'];

/** A copy of the built driver (its start, its code and yaml) in a folder of its own, so its caches are this test's. */
function driverCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-driver-'));
  for (const f of DRIVER_FILES) fs.copyFileSync(path.join(DIST, f), path.join(dir, f));
  return dir;
}

/** Runs `command %O %A %B %P` through sh as git does; gives the exit code, messages and the merged file. */
function run(command: string, t: { base: string; ours: string; theirs: string }, env: NodeJS.ProcessEnv = process.env, name = FILE): { code: number; err: string; merged: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-merge-'));
  for (const [k, v] of Object.entries(t)) fs.writeFileSync(path.join(dir, k), v);
  const r = spawnSync('/bin/sh', ['-c', `${command} base ours theirs ${name}`], { cwd: dir, env, encoding: 'utf8' });
  return { code: r.status ?? -1, err: r.stderr, merged: fs.readFileSync(path.join(dir, 'ours'), 'utf8') };
}

const caches = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.cache'));
/** The build identity a cache of `file` is headed with (mergeDriverStart.ts). */
const identityOf = (file: string) => { const st = fs.statSync(file, { bigint: true }); return `${st.size}:${st.mtimeNs}:${st.ino}`; };

describe('merge driver start: code cache, compiler flags, environment', function () {
  this.timeout(90_000); // real Node processes: generous on a loaded machine (a limit, not a speed target)

  it('writes its code cache on the first run, uses it after, and merges the same either way', () => {
    const dir = driverCopy();
    const t = triple();
    const expected = mergeSidecarTexts(t.base, t.ours, t.theirs, FILE).text;
    const first = run(driverCommand(path.join(dir, 'mergeDriver.js')), t);
    assert.deepStrictEqual([first.code, first.err, first.merged], [0, '', expected]);
    assert.strictEqual(caches(dir).length, 1, 'one cache, for this Node');
    const cache = path.join(dir, caches(dir)[0]);
    const written = fs.statSync(cache).mtimeMs;
    const second = run(driverCommand(path.join(dir, 'mergeDriver.js')), t);
    assert.deepStrictEqual([second.code, second.err, second.merged], [0, '', expected]);
    assert.strictEqual(fs.statSync(cache).mtimeMs, written, 'an accepted cache is not written again');
  });

  it('refuses a damaged cache and one of another build, merges the same, and writes it anew', () => {
    const dir = driverCopy();
    const t = triple();
    const expected = mergeSidecarTexts(t.base, t.ours, t.theirs, FILE).text;
    run(driverCommand(path.join(dir, 'mergeDriver.js')), t);
    const cache = path.join(dir, caches(dir)[0]);
    const good = fs.readFileSync(cache);
    const header = good.subarray(0, good.indexOf(10) + 1);
    for (const bad of [Buffer.concat([header, Buffer.alloc(good.length - header.length, 7)]), Buffer.concat([Buffer.from('1:2:3\n'), good.subarray(header.length)]), Buffer.alloc(0)]) {
      fs.writeFileSync(cache, bad);
      const r = run(driverCommand(path.join(dir, 'mergeDriver.js')), t);
      assert.deepStrictEqual([r.code, r.err, r.merged], [0, '', expected]);
      assert.ok(fs.readFileSync(cache).equals(good) || fs.readFileSync(cache).subarray(0, header.length).equals(header), 'written anew for this build');
      assert.notDeepStrictEqual(fs.readFileSync(cache), bad);
    }
    // A rebuilt driver of the same length: its old cache is refused by the build's identity, not run.
    const core = path.join(dir, 'mergeDriverCore.js');
    fs.writeFileSync(core, fs.readFileSync(core));
    const r = run(driverCommand(path.join(dir, 'mergeDriver.js')), t);
    assert.deepStrictEqual([r.code, r.merged], [0, expected]);
    assert.ok(!fs.readFileSync(cache).subarray(0, header.length).equals(header), 'the cache now names the rebuilt file');
  });

  it('loads yaml from a cache of its own, written by the first merge that needs it; a plain merge neither loads nor caches yaml', () => {
    const plain = triple();
    const commented = { ...plain, ours: plain.ours.replace('entities:\n', 'entities:\n  # checked with the desk\n') };
    const expected = (t: typeof plain) => mergeSidecarTexts(t.base, t.ours, t.theirs, FILE).text;
    assert.match(expected(commented), /# checked with the desk/, 'the comment is kept: the merge went through yaml');
    for (const order of [[plain, commented], [commented, plain]]) {
      const dir = driverCopy();
      const command = driverCommand(path.join(dir, 'mergeDriver.js'));
      const heads = () => Object.fromEntries(caches(dir).map((f) => { const b = fs.readFileSync(path.join(dir, f)); return [f.split('.')[0], b.subarray(0, b.indexOf(10)).toString('latin1')]; }));
      const id = (f: string) => identityOf(path.join(dir, f));
      const first = run(command, order[0]);
      assert.deepStrictEqual([first.code, first.err, first.merged], [0, '', expected(order[0])]);
      assert.deepStrictEqual(heads(), { mergeDriverCore: id('mergeDriverCore.js'), ...(order[0] === commented ? { mergeDriverYaml: id('mergeDriverYaml.js') } : {}) });
      const second = run(command, order[1]);
      assert.deepStrictEqual([second.code, second.err, second.merged], [0, '', expected(order[1])]);
      assert.deepStrictEqual(heads(), { mergeDriverCore: id('mergeDriverCore.js'), mergeDriverYaml: id('mergeDriverYaml.js') });
      const written = caches(dir).map((f) => fs.statSync(path.join(dir, f)).mtimeMs);
      for (const t of [...order, ...order]) assert.deepStrictEqual(run(command, t).merged, expected(t));
      assert.deepStrictEqual(caches(dir).map((f) => fs.statSync(path.join(dir, f)).mtimeMs), written, 'accepted caches are not written again');
    }
  });

  it('warms up before it writes a cache: one written by a merge of two identical sides holds a plain merge\'s code', () => {
    const plain = triple();
    const sizes = [{ ...plain, theirs: plain.ours }, plain].map((t) => {
      const dir = driverCopy();
      const r = run(driverCommand(path.join(dir, 'mergeDriver.js')), t);
      assert.deepStrictEqual([r.code, r.merged], [0, expected(t)]);
      return fs.statSync(path.join(dir, caches(dir)[0])).size;
    });
    assert.ok(sizes[0] > 0.9 * sizes[1], `cache after identical sides ${sizes[0]} bytes, after a plain merge ${sizes[1]}`);
    function expected(t: { base: string; ours: string; theirs: string }) { return mergeSidecarTexts(t.base, t.ours, t.theirs, FILE).text; }
  });

  it('warms up with a merge of each kind: sides as Sift writes them, the plain one by the fast path, the yaml one through yaml', () => {
    for (const kind of ['plain', 'yaml'] as const) {
      const t = warmUpSides(kind);
      for (const text of [t.base, t.theirs, ...(kind === 'plain' ? [t.ours] : [])]) { const p = parseSidecar(text, FILE); assert.strictEqual(serializeSidecar(p.layer, p.doc), text, 'as Sift writes it'); }
      const { layer, conflicts } = mergeLayers(readSidecar(t.base, FILE).layer, readSidecar(t.ours, FILE).layer, readSidecar(t.theirs, FILE).layer);
      assert.deepStrictEqual(conflicts, []);
      assert.deepStrictEqual(layer.entities.map((e) => [e.id, e.label, e.note]), [['e1', 'PLACE', 'checked "twice"'], ['e2', 'ORG', undefined], ['e3', 'ORG', undefined], ['e4', 'DATE', undefined]]);
      assert.strictEqual(rewritePlainSidecar(t.ours, layer) === undefined, kind === 'yaml', kind);
      assert.match(mergeSidecarTexts(t.base, t.ours, t.theirs, FILE).text, kind === 'yaml' ? /# checked with the desk[\s\S]*published: 2024-12-16/ : /label: DATE[\s\S]*published: 2024-12-16/);
    }
  });

  it('runs from a folder Node takes as a CommonJS package of its own: it never reads the manifest above it', () => {
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(path.join(DIST, 'package.json'), 'utf8')), { type: 'commonjs' });
    // The driver in dist/ under a package.json Node cannot parse: read, it would stop the driver (Node reads the
    // nearest package.json up from the file it runs, for its module type).
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-driver-scope-'));
    fs.writeFileSync(path.join(root, 'package.json'), '{ "contributes": not json');
    fs.renameSync(driverCopy(), path.join(root, 'dist'));
    const t = triple();
    const command = driverCommand(path.join(root, 'dist', 'mergeDriver.js'));
    assert.deepStrictEqual(run(command, t).merged, mergeSidecarTexts(t.base, t.ours, t.theirs, FILE).text);
    fs.unlinkSync(path.join(root, 'dist', 'package.json'));
    assert.match(run(command, t).err, /Error parsing .*package\.json/, 'without it, Node reads the manifest above');
  });

  it('merges the same where its cache cannot be written (a read-only install), and leaves no temporary file', () => {
    const t = triple();
    const probe = driverCopy();
    run(driverCommand(path.join(probe, 'mergeDriver.js')), t);
    const dir = driverCopy();
    // A folder where the cache would go: it can be neither read nor replaced, as in a read-only install (even as root).
    fs.mkdirSync(path.join(dir, caches(probe)[0]));
    const r = run(driverCommand(path.join(dir, 'mergeDriver.js')), t);
    assert.deepStrictEqual([r.code, r.err, r.merged], [0, '', mergeSidecarTexts(t.base, t.ours, t.theirs, FILE).text]);
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), [caches(probe)[0], ...DRIVER_FILES].sort());
  });

  it('merges a large triple (over the small-merge size: the optimising compiler on) the same as in process', () => {
    const dir = driverCopy();
    const t = triple('x'.repeat(200 * 1024));
    const r = run(driverCommand(path.join(dir, 'mergeDriver.js')), t);
    assert.deepStrictEqual([r.code, r.err, r.merged], [0, '', mergeSidecarTexts(t.base, t.ours, t.theirs, FILE).text]);
    // Its cache is another file than a small merge's: it runs under other V8 flags, and neither refuses the other's.
    run(driverCommand(path.join(dir, 'mergeDriver.js')), triple());
    assert.strictEqual(caches(dir).length, 2);
  });

  it('reports conflicts on standard error with the bytes the command gives in process (written to fd 2 directly)', () => {
    const t = triple();
    // The same label changed differently on both sides: a conflict, exit 1, a message naming the file (not ASCII here).
    const conflicted = { ...t, theirs: t.ours.replace('label: ORG', 'label: PERSON') };
    const name = 'Ça-va-🦉.ana.ann.yaml';
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-in-'));
    for (const [k, v] of Object.entries(conflicted)) fs.writeFileSync(path.join(dir, k), v);
    const err: string[] = [];
    const inProcess = mergeDriverCommand(['base', 'ours', 'theirs', name], { cwd: dir, out: () => undefined, err: (x) => err.push(x) });
    const r = run(driverCommand(path.join(driverCopy(), 'mergeDriver.js')), conflicted, process.env, `'${name}'`);
    assert.strictEqual(inProcess, 1);
    assert.ok(err.join('').includes(`${name}: merge conflict`), err.join(''));
    assert.deepStrictEqual([r.code, r.err, r.merged], [1, err.join(''), fs.readFileSync(path.join(dir, 'ours'), 'utf8')]);
  });

  it('runs with NODE_EXTRA_CA_CERTS emptied: a certificate file that cannot be read is not even looked at', () => {
    const t = triple();
    const env = { ...process.env, NODE_EXTRA_CA_CERTS: path.join(os.tmpdir(), 'sift-no-such-certs.pem') };
    const plain = spawnSync(process.execPath, ['-e', '0'], { env, encoding: 'utf8' });
    assert.match(plain.stderr, /extra certs/i, 'Node reads the file at start when it is set');
    const r = run(driverCommand(path.join(driverCopy(), 'mergeDriver.js')), t, env);
    assert.deepStrictEqual([r.code, r.err], [0, '']);
  });

  it('puts in the driver bundle the tag tests yaml gives (scripts/driverBuild.mjs)', async () => {
    const build = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'driverBuild.mjs')).href)) as { scalarTagsSource(root: string): Promise<string> };
    const module = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sift-tags-')), 'tags.mjs');
    fs.writeFileSync(module, await build.scalarTagsSource(ROOT));
    const written = ((await import(pathToFileURL(module).href)) as { nonStringTests(): RegExp[] }).nonStringTests();
    assert.deepStrictEqual(written.map((r) => [r.source, r.flags]), nonStringTests().map((r) => [r.source, r.flags]));
    assert.ok(written.length >= 5);
  });
});
