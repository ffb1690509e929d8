// The bulk merge's faster paths (issue 12's 10,000-article `sift review --merge`), each held equal to the way it
// replaces: cloneData to structuredClone, the index's first read with its stat (readTextStat) to a stat and a read,
// the walk's real paths to outsideRoot, a missing sidecar seen without a failed open, the pooled random hex, the
// duplicate-id check that builds nothing for a clean sidecar, and reads whose buffer starts small.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { CorpusIndex } from '../../src/core/corpus/corpusIndex';
import { nodeCorpusIndex } from '../../src/core/corpus/nodeIndex';
import { findSidecarsIn } from '../../src/core/corpus/findSidecars';
import { outsideRealRoot, outsideRoot } from '../../src/core/corpus/workspaceRoot';
import { readSidecarText } from '../../src/core/store/atomicWrite';
import { cloneData } from '../../src/core/store/cloneData';
import { renameDuplicateIds } from '../../src/core/store/duplicateIds';
import { FileSystemPort, NodeFileSystem } from '../../src/core/store/fileSystem';
import { SidecarError } from '../../src/core/store/problems';
import { serializeSidecar } from '../../src/core/store/sidecarFormat';
import { randomHex } from '../../src/core/text/random';
import { readTextFile, readUpTo } from '../../src/core/text/safeRead';
import { aCorpus, BuiltCorpus } from '../builders/corpus';
import { aLayer } from '../builders/layer';

const TEXT = 'Moscow said on Monday that Damascus had fallen, the Kremlin told TASS.';

function tmp(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Plain data as layers hold it, with undefined values, -0, NaN, nested lists, and keys of every kind. */
const plainData = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.constantFrom(null, undefined, true, false, -0, Number.NaN, Infinity), fc.double(), fc.integer(), fc.string(), tie('list'), tie('object')),
  list: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('constructor', 'toString', '0', '12', 'id')), tie('value'), { maxKeys: 5 }),
})).value;

describe('the bulk merge\'s fast paths give what they replace (issue 12)', () => {
  describe('cloneData', () => {
    it('is structuredClone on plain data: the same values, keys in the same order, nothing shared with the original', () => {
      fc.assert(fc.property(plainData, (v) => {
        const copy = cloneData(v);
        assert.deepStrictEqual(copy, structuredClone(v));
        if (v !== null && typeof v === 'object') {
          assert.notStrictEqual(copy, v);
          assert.deepStrictEqual(Object.keys(cloneData(v)), Object.keys(structuredClone(v)));
        }
      }), { numRuns: 500 });
    });

    it('keeps shared parts shared and cycles as cycles, as structuredClone does', () => {
      const source = { name: 'the ministry' };
      const layer = { claims: [{ id: 'c1', source }, { id: 'c2', source }] } as { claims: { id: string; source: object }[]; self?: unknown };
      layer.self = layer;
      const copy = cloneData(layer);
      assert.strictEqual(copy.claims[0].source, copy.claims[1].source);
      assert.notStrictEqual(copy.claims[0].source, source);
      assert.strictEqual(copy.self, copy);
    });

    it('leaves to structuredClone what is not plain data, and throws what it throws', () => {
      const sparse: number[] = [];
      sparse[0] = 1;
      sparse[2] = 3;
      const odd = [new Date(5), new Map([[1, { a: 1 }]]), new Set([1]), /re/g, new Uint8Array([1, 2]), Object.assign([1, 2], { extra: 'x' }), sparse, JSON.parse('{"__proto__": {"a": 1}}') as unknown, Object.create(null) as unknown];
      for (const v of odd) assert.deepStrictEqual(cloneData({ v }), structuredClone({ v }));
      assert.ok(cloneData({ d: new Date(5) }).d instanceof Date);
      assert.throws(() => cloneData({ f: () => 1 }), (e: unknown) => e instanceof Error && e.name === 'DataCloneError');
      class Point { x = 1; }
      assert.deepStrictEqual(cloneData({ p: new Point() }), structuredClone({ p: new Point() }));
    });
  });

  describe('the corpus index\'s first read of a sidecar', () => {
    let corpus: BuiltCorpus;
    let outside: string;
    beforeEach(() => {
      const good = serializeSidecar(aLayer().forArticle(TEXT, 'a.txt').by('ann2').withEntity('Kremlin', 'ORG').build());
      corpus = aCorpus().withArticle('a.txt', TEXT)
        .annotatedBy('ann1', (l) => l.withEntity('Moscow', 'PLACE'))
        .withRawSidecar('bad', 'sift: 1\narticle: [unclosed\n')
        .withRawSidecar('ann2', good.replace('annotator: ann2\n', 'annotator: ann2\ncolour: blue\n'))
        .build();
      outside = tmp('sift-outside-');
      fs.writeFileSync(path.join(outside, 'o.ann.yaml'), good.replace(/ann2/g, 'out'));
      fs.symlinkSync(path.join(outside, 'o.ann.yaml'), path.join(corpus.dir, 'a.out.ann.yaml'));
      fs.mkdirSync(path.join(corpus.dir, 'a.dir.ann.yaml'));
    });
    afterEach(() => {
      corpus.remove();
      fs.rmSync(outside, { recursive: true, force: true });
    });

    it('gives the entries a stat and then a read give: size, time, hash, layer, warnings, problems and refusals', async () => {
      const node = new NodeFileSystem();
      // The same port without readTextStat: every sidecar stat'ed, then read, as before.
      const statThenRead: FileSystemPort = { readText: (f) => node.readText(f), readBytes: (f) => node.readBytes(f), writeText: (f, t) => node.writeText(f, t), stat: (f) => node.stat(f), list: (d) => node.list(d), watch: (r, s, e) => node.watch(r, s, e) };
      const found = findSidecarsIn([corpus.dir]).sidecars;
      const admit = (f: { file: string; root: string }) => outsideRoot(f.file, f.root);
      const before = new CorpusIndex(statThenRead, [corpus.dir], { find: () => found.map((f) => ({ file: f.file, root: f.root })), admit });
      const now = nodeCorpusIndex([corpus.dir]);
      await before.scan();
      await now.scan();
      const files = found.map((f) => f.file);
      assert.deepStrictEqual(files.map((f) => path.basename(f)), ['a.ann1.ann.yaml', 'a.ann2.ann.yaml', 'a.bad.ann.yaml', 'a.out.ann.yaml']);
      for (const f of files) assert.deepStrictEqual(now.entry(f), before.entry(f), path.basename(f));
      assert.strictEqual(now.entry(path.join(corpus.dir, 'a.out.ann.yaml'))?.refused?.code, 'outside-root');
      assert.deepStrictEqual(now.stats, before.stats);
      // Read again after a change: the stat-first path, as before.
      fs.appendFileSync(corpus.sidecarPath('a.txt', 'ann1'), '# changed\n');
      const ann1 = corpus.sidecarPath('a.txt', 'ann1');
      assert.strictEqual(await now.changed(ann1), true);
      assert.strictEqual(now.stats.reads, before.stats.reads + 1);
      assert.strictEqual(now.entry(ann1)?.size, fs.statSync(ann1).size);
    });

    it('checks the walk\'s real paths as outsideRoot does, and looks again for a path it did not walk', () => {
      const found = findSidecarsIn([corpus.dir]).sidecars;
      for (const f of found) assert.strictEqual(outsideRealRoot(f.file, f.real, f.root), outsideRoot(f.file, f.root), path.basename(f.file));
      const link = path.join(corpus.dir, 'a.out.ann.yaml');
      assert.match(outsideRealRoot(link, undefined, found[0].root) ?? '', /outside the workspace root/);
    });
  });

  it('reads a missing sidecar (or one through a file, or a dangling link) as missing, and refuses a folder as before', () => {
    const dir = tmp('sift-missing-');
    try {
      fs.writeFileSync(path.join(dir, 'file'), 'x');
      fs.symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'dangling.ann.yaml'));
      fs.mkdirSync(path.join(dir, 'folder.ann.yaml'));
      assert.strictEqual(readSidecarText(path.join(dir, 'a.gold.ann.yaml')), undefined);
      assert.strictEqual(readSidecarText(path.join(dir, 'file', 'a.gold.ann.yaml')), undefined);
      assert.strictEqual(readSidecarText(path.join(dir, 'dangling.ann.yaml')), undefined);
      assert.throws(() => readSidecarText(path.join(dir, 'folder.ann.yaml')), (e: unknown) => e instanceof SidecarError && /a folder, not a regular file/.test(e.message));
      fs.writeFileSync(path.join(dir, 'a.ann.yaml'), 'sift: 1\n');
      assert.strictEqual(readSidecarText(path.join(dir, 'a.ann.yaml')), 'sift: 1\n');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads every byte of a file whatever size it says, from a small first buffer, and no more than the cap', () => {
    const dir = tmp('sift-read-');
    try {
      fc.assert(fc.property(fc.nat(20_000), fc.nat(20_000), fc.integer({ min: 1, max: 30_000 }), (size, hint, cap) => {
        const file = path.join(dir, 'f');
        const bytes = Buffer.alloc(size, 0x61);
        for (let i = 0; i < size; i += 97) bytes[i] = 0x30 + (i % 10);
        fs.writeFileSync(file, bytes);
        const fd = fs.openSync(file, 'r');
        try {
          const got = readUpTo(fd, cap, hint);
          assert.ok(got.equals(bytes.subarray(0, Math.min(size, cap + 1))));
        } finally {
          fs.closeSync(fd);
        }
      }), { numRuns: 60 });
      fs.writeFileSync(path.join(dir, 'g'), 'é'.repeat(3000));
      assert.strictEqual(readTextFile(path.join(dir, 'g')), 'é'.repeat(3000));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('draws random hex from a pool: the length asked, hex only, and no repeats across refills', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const h = randomHex(4);
      assert.match(h, /^[0-9a-f]{8}$/);
      seen.add(h);
    }
    assert.ok(seen.size > 2990, 'thousands of 32-bit draws, all but a few distinct');
    assert.match(randomHex(5000), /^[0-9a-f]{10000}$/);
    assert.strictEqual(randomHex(0), '');
  });

  it('renames duplicate ids exactly as before, and builds nothing for a sidecar without any', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('e1', 'e2', 'c1', 'x'), { maxLength: 6 }), fc.array(fc.constantFrom('e1', 'c1', 'c2'), { maxLength: 4 }), (es, cs) => {
      const data = { entities: es.map((id) => ({ id })), claims: cs.map((id) => ({ id })) };
      const renamed = renameDuplicateIds(data);
      const all = [...es, ...cs];
      assert.strictEqual(renamed.length, all.length - new Set(all).size);
      const ids = [...data.entities, ...data.claims].map((a) => a.id);
      assert.strictEqual(new Set(ids).size, ids.length, 'every id unique afterwards');
      if (new Set(all).size === all.length) assert.deepStrictEqual(ids, all, 'nothing renamed');
    }));
  });
});
