// Issue 11: one corpus index for the CLI. Validate, export and detect take each sidecar from the index, read once;
// what could not be read is kept with its reason, so validate reports exactly what it reported when it read the file
// itself. One size limit, and one answer for a device, in every reader.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { CliIo } from '../../src/cli/io';
import { CorpusIndex } from '../../src/core/corpus/corpusIndex';
import { scanCorpus } from '../../src/core/corpus/nodeIndex';
import { outsideRoot } from '../../src/core/corpus/workspaceRoot';
import { readSidecarText, MAX_SIDECAR_READ_BYTES } from '../../src/core/store/atomicWrite';
import { SidecarError } from '../../src/core/store/problems';
import { MAX_SIDECAR_BYTES as FORMAT_LIMIT, readSidecar, serializeSidecar } from '../../src/core/store/sidecarFormat';
import { validateIndexed, validateSidecar } from '../../src/core/store/validate';
import { MAX_SIDECAR_BYTES, ReadRefusal, readTextFile } from '../../src/core/text/safeRead';
import { aCorpus, BuiltCorpus } from '../builders/corpus';
import { aLayer } from '../builders/layer';
import { CountingPort } from './helpers/ports';

const TEXT = 'Moscow said on Monday that Damascus had fallen, the Kremlin told TASS.';

/** A corpus with one good sidecar, one that does not parse, one with an unknown key, and one over the size limit. */
function mixed(): BuiltCorpus {
  const good = serializeSidecar(aLayer().forArticle(TEXT, 'a.txt').by('ann2').withEntity('Kremlin', 'ORG').build());
  return aCorpus()
    .withArticle('a.txt', TEXT)
      .annotatedBy('ann1', (l) => l.withEntity('Moscow', 'PLACE'))
      .withRawSidecar('bad', 'sift: 1\narticle: [unclosed\n')
      .withRawSidecar('ann2', good.replace('annotator: ann2\n', 'annotator: ann2\ncolour: blue\n'))
      .withRawSidecar('big', `${good.replace(/ann2/g, 'big')}# ${'x'.repeat(MAX_SIDECAR_BYTES)}\n`)
    .build();
}

function io(cwd: string): CliIo & { stdout: string; stderr: string } {
  const o = { cwd, stdout: '', stderr: '', out: (t: string) => { o.stdout += t; }, err: (t: string) => { o.stderr += t; } };
  return o;
}

describe('one corpus index for validate, export and detect (issue 11)', () => {
  let corpus: BuiltCorpus;
  beforeEach(() => { corpus = mixed(); });
  afterEach(() => corpus.remove());

  it('validate reports from the index exactly what it reports reading each sidecar itself', async () => {
    const index = await scanCorpus([corpus.dir], { careful: true });
    const files = index.sidecars().map((f) => f.file);
    assert.deepStrictEqual(files.map((f) => path.basename(f)), ['a.ann1.ann.yaml', 'a.ann2.ann.yaml', 'a.bad.ann.yaml', 'a.big.ann.yaml']);
    for (const f of index.sidecars()) assert.deepStrictEqual(validateIndexed(index, f.file, { root: f.root }), validateSidecar(f.file, { root: f.root }), path.basename(f.file));
    const codes = (name: string) => validateIndexed(index, corpus.sidecarPath('a.txt', name)).map((p) => `${p.severity}:${p.code}`);
    assert.deepStrictEqual(codes('bad'), ['error:yaml-syntax']);
    assert.ok(validateIndexed(index, corpus.sidecarPath('a.txt', 'bad'))[0].line > 0, 'a parse error keeps its line');
    assert.deepStrictEqual(codes('ann2'), ['warning:unknown-key']);
    assert.deepStrictEqual(codes('big'), ['error:unreadable']);
    assert.match(validateIndexed(index, corpus.sidecarPath('a.txt', 'big'))[0].message, /over the 5\.0 MB limit/);
    assert.strictEqual(index.stats.reads, 3, 'each readable sidecar read once; the one over the limit refused');
  });

  it('export and detect take their layers from one read of each sidecar, and report what could not be read', async () => {
    const out = path.join(corpus.dir, 'out.jsonl');
    const e = io(corpus.dir);
    assert.strictEqual(await main(['export', '.', '--format', 'jsonl', '--out', out, '--json'], e), 0);
    const summary = JSON.parse(e.stdout) as { articles: number; skipped: { file: string; reason: string }[] };
    assert.strictEqual(summary.articles, 1);
    assert.deepStrictEqual(summary.skipped.map((s) => s.file), ['a.bad.ann.yaml', 'a.big.ann.yaml']);
    assert.match(summary.skipped[0].reason, /^cannot be read: .* \(line \d+\)$/);
    assert.match(summary.skipped[1].reason, /over the 5\.0 MB limit/);
    const record = JSON.parse(fs.readFileSync(out, 'utf8').trim()) as { annotators: string[] };
    assert.deepStrictEqual(record.annotators, ['ann1', 'ann2']);
    const d = io(corpus.dir);
    assert.strictEqual(await main(['detect', 'a.txt'], d), 0);
    assert.match(d.stdout, /\tORG\tKremlin\t/, 'ann2 labelled the Kremlin (the sidecar with an unknown key still teaches)');
  });

  it('keeps the warnings of a sidecar it read (unknown keys), with their line, and no warnings for a clean one', async () => {
    const port = new CountingPort();
    const index = new CorpusIndex(port, [corpus.dir]);
    await index.scan();
    const warned = index.warned();
    assert.deepStrictEqual(warned.map((w) => path.basename(w.sidecar)), ['a.ann2.ann.yaml']);
    assert.deepStrictEqual(warned[0].warnings.map((w) => w.code), ['unknown-key']);
    assert.ok(warned[0].warnings[0].line >= 1, 'the warning has its line');
    assert.strictEqual(index.entry(corpus.sidecarPath('a.txt', 'big'))?.refused?.code, 'too-large');
    assert.ok(index.entry(corpus.sidecarPath('a.txt', 'bad'))?.problems?.length);
    // Sift's own save of that sidecar writes the unknown key back: its warning stays, with no read.
    const side = corpus.sidecarPath('a.txt', 'ann2');
    const reads = port.totalReads;
    await index.update(side, index.layer(corpus.articlePath('a.txt'), 'ann2')!);
    assert.deepStrictEqual(index.warned().map((w) => path.basename(w.sidecar)), ['a.ann2.ann.yaml']);
    assert.strictEqual(port.totalReads, reads);
  });
});

describe('one sidecar size limit, one answer for a device (issue 11)', () => {
  it('is the same constant in the store, the format checks and the hostile reads', () => {
    assert.strictEqual(MAX_SIDECAR_BYTES, 5 * 1024 * 1024);
    assert.strictEqual(MAX_SIDECAR_READ_BYTES, MAX_SIDECAR_BYTES);
    assert.strictEqual(FORMAT_LIMIT, MAX_SIDECAR_BYTES);
  });

  it('a sidecar over the limit is refused by the CLI read as by the editor\'s (it was 64 MB for the CLI)', () => {
    const corpus = mixed();
    try {
      const big = corpus.sidecarPath('a.txt', 'big');
      assert.throws(() => readTextFile(big), (e: unknown) => e instanceof ReadRefusal && e.problem === 'too-large');
      assert.throws(() => readSidecarText(big), (e: unknown) => e instanceof SidecarError && e.problems[0].code === 'too-large');
    } finally {
      corpus.remove();
    }
  });

  it('a sidecar linked to /dev/zero is not a regular file for every reader', function () {
    if (!fs.existsSync('/dev/zero')) this.skip();
    const corpus = mixed();
    try {
      const z = path.join(corpus.dir, 'a.zed.ann.yaml');
      fs.symlinkSync('/dev/zero', z);
      assert.throws(() => readTextFile(z), (e: unknown) => e instanceof ReadRefusal && e.problem === 'not-a-file');
      assert.throws(() => readSidecarText(z), (e: unknown) => e instanceof SidecarError && e.problems[0].code === 'not-a-file');
    } finally {
      corpus.remove();
    }
  });

  it('the fast reader hands a sidecar with something to warn of to the careful parser, and gives its warnings', () => {
    const text = serializeSidecar(aLayer().forArticle(TEXT, 'a.txt').by('ann1').withEntity('Moscow', 'PLACE').build());
    assert.deepStrictEqual(readSidecar(text, 'a.ann1.ann.yaml').warnings, []);
    const warned = readSidecar(text.replace('annotator: ann1\n', 'annotator: ann1\nzzz: 1\n'), 'a.ann1.ann.yaml');
    assert.deepStrictEqual(warned.warnings.map((w) => w.code), ['unknown-key']);
  });
});

describe('the editor\'s corpus index walk (NodeFileSystem)', () => {
  it('does not follow links to folders: two links to . finish, and each sidecar counts once', async () => {
    const corpus = aCorpus().withArticle('a.txt', TEXT).annotatedBy('ann1', (l) => l.withEntity('Moscow', 'PLACE')).build();
    try {
      fs.symlinkSync('.', path.join(corpus.dir, 'l1'));
      fs.symlinkSync('..', path.join(corpus.dir, 'l2'));
      const index = new CorpusIndex(new CountingPort(), [corpus.dir]);
      await index.scan();
      assert.deepStrictEqual(index.layers().map((l) => path.relative(corpus.dir, l.sidecar)), ['a.ann1.ann.yaml']);
    } finally {
      corpus.remove();
    }
  });
});

describe('the editor\'s corpus index confines its reads to the workspace folder', () => {
  it('refuses a sidecar linked out of the folder, at the scan and on a watcher event, and reads the rest', async () => {
    const corpus = aCorpus().withArticle('a.txt', TEXT).annotatedBy('ann1', (l) => l.withEntity('Moscow', 'PLACE')).build();
    const away = aCorpus().withArticle('a.txt', TEXT).annotatedBy('ann9', (l) => l.withEntity('Kremlin', 'ORG')).build();
    try {
      const link = path.join(corpus.dir, 'a.ann9.ann.yaml');
      fs.symlinkSync(away.sidecarPath('a.txt', 'ann9'), link);
      const port = new CountingPort();
      const index = new CorpusIndex(port, [corpus.dir], { admit: (f) => outsideRoot(f.file, f.root) });
      await index.scan();
      assert.deepStrictEqual(index.annotators(), ['ann1']);
      assert.strictEqual(index.entry(link)?.refused?.code, 'outside-root');
      assert.strictEqual(port.reads.get(link), undefined, 'not a byte of it read');
      await index.changed(link);
      assert.strictEqual(port.reads.get(link), undefined, 'nor on a watcher event');
      assert.strictEqual(index.labelledStrings().has('Kremlin'), false);
    } finally {
      corpus.remove();
      away.remove();
    }
  });
});

describe('a merge conflict left by the git driver, in the corpus index', () => {
  it('is reported after a scan and stays reported after Sift saves the sidecar (the entry is written back)', async () => {
    const c = aCorpus().withArticle('a.txt', 'Moscow said on Monday.').annotatedBy('ana', (l) => l.withEntity('Moscow', 'PLACE', { id: 'e-1' })).build();
    try {
      const side = c.sidecarPath('a.txt', 'ana');
      fs.appendFileSync(side, 'x-sift-conflicts:\n  - in: entities\n    id: e-1\n    field: label\n    kind: both-changed\n    base: PLACE\n    ours: PLACE\n    theirs: ORG\n');
      const index = new CorpusIndex(new CountingPort(), [c.dir]);
      await index.scan();
      const codes = () => index.warned().flatMap((w) => w.warnings.map((p) => p.code));
      assert.ok(codes().includes('merge-conflict'), `reported after the scan: ${codes().join(', ')}`);
      await index.update(side, index.layer(c.articlePath('a.txt'), 'ana')!);
      assert.ok(codes().includes('merge-conflict'), 'still reported after a save');
    } finally {
      c.remove();
    }
  });
});
