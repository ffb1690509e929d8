// `sift merge-driver` with real git: two clones of one repository change the same sidecar and merge, rebase or
// cherry-pick; the driver merges by annotation id and field, and leaves a conflict Sift loads when it must.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseDocument, isSeq } from 'yaml';
import { Layer } from '../../src/core/model';
import { parseSidecar, serializeSidecar } from '../../src/core/store/sidecarFormat';
import { conflictsIn } from '../../src/core/store/mergeConflicts';
import { aLayer } from '../builders/layer';
import { A0, SAMPLES } from './helpers/tmp';
import { aClone, aRepo, commitAll, git, gitTry, setUp } from './helpers/git';
import { runCli } from './helpers/runCli';

const TEXT = fs.readFileSync(path.join(SAMPLES, A0), 'utf8');
const SIDECAR = A0.replace(/\.txt$/, '.ana.ann.yaml');

function baseLayer(): Layer {
  return aLayer().forArticle(TEXT, A0).by('ana')
    .withEntity('Moscow', 'PLACE', { id: 'e-moscow' })
    .withEntity('Damascus', 'PLACE', { id: 'e-damascus' })
    .withClaim({ start: 22, end: 77 }, { id: 'c-1', source: 'Russian Foreign Ministry', confidence: 0.8 })
    .build();
}

/** Two clones of a repository holding the article and ana's sidecar, each with the driver registered. */
function team(): { origin: string; a: string; b: string } {
  const origin = aRepo({ [A0]: TEXT, [SIDECAR]: serializeSidecar(baseLayer()) });
  setUp(origin);
  commitAll(origin, 'sidecars merge with sift');
  const a = aClone(origin);
  const b = aClone(origin);
  setUp(a);
  setUp(b);
  return { origin, a, b };
}

const read = (repo: string) => parseSidecar(fs.readFileSync(path.join(repo, SIDECAR), 'utf8'), SIDECAR);

/** Changes the sidecar as Sift does (a rewrite of the document read) and commits it. */
function change(repo: string, message: string, f: (l: Layer) => void): void {
  const p = read(repo);
  f(p.layer);
  fs.writeFileSync(path.join(repo, SIDECAR), serializeSidecar(p.layer, p.doc));
  commitAll(repo, message);
}

const entity = (l: Layer, id: string) => l.entities.find((e) => e.id === id);
const addEntity = (quote: string, id: string) => (l: Layer) => {
  const e = aLayer().forArticle(TEXT, A0).by('ana').withEntity(quote, 'PLACE', { id }).build().entities[0];
  l.entities.push(e);
};

/** b pushes, a fetches and merges b's work. */
function mergeFromB(t: { a: string; b: string }): { status: number; out: string; err: string } {
  git(t.b, 'push', '-q', 'origin', 'main');
  git(t.a, 'fetch', '-q', 'origin');
  return gitTry(t.a, 'merge', '--no-edit', 'origin/main');
}

describe('sift merge-driver with real git', function () {
  this.timeout(90_000); // real git processes: generous on a loaded machine (a limit, not a speed target)

  it('keeps annotations added on both sides (where a text merge conflicts)', () => {
    const t = team();
    change(t.a, 'a adds Syria', addEntity('Syria', 'e-syria'));
    change(t.b, 'b adds Belarus', addEntity('Belarus', 'e-belarus'));
    const r = mergeFromB(t);
    assert.strictEqual(r.status, 0, r.err + r.out);
    assert.deepStrictEqual(read(t.a).layer.entities.map((e) => e.id).sort(), ['e-belarus', 'e-damascus', 'e-moscow', 'e-syria']);
    assert.strictEqual(gitTry(t.a, 'diff', '--quiet', 'HEAD').status, 0, 'the merge is committed');
  });

  it('applies a deletion the other side did not touch; keeps an edit the other side deleted, as a conflict', () => {
    const t = team();
    change(t.a, 'a deletes Damascus, relabels Moscow', (l) => { l.entities = l.entities.filter((e) => e.id !== 'e-damascus'); entity(l, 'e-moscow')!.label = 'ORG'; });
    change(t.b, 'b deletes Moscow', (l) => { l.entities = l.entities.filter((e) => e.id !== 'e-moscow'); });
    const r = mergeFromB(t);
    assert.notStrictEqual(r.status, 0, 'git marks the file conflicted');
    assert.match(gitTry(t.a, 'status', '--porcelain').out, new RegExp(`UU ${SIDECAR.replace(/\./g, '\\.')}`));
    const merged = read(t.a);
    assert.deepStrictEqual(merged.layer.entities.map((e) => [e.id, e.label]), [['e-moscow', 'ORG']]);
    assert.deepStrictEqual(conflictsIn(merged.layer.header), [{ in: 'entities', id: 'e-moscow', kind: 'deleted-by-theirs' }]);
  });

  it('merges a label changed on one side with a comment and a note added on the other', () => {
    const t = team();
    change(t.a, 'a relabels', (l) => { entity(l, 'e-moscow')!.label = 'ORG'; });
    change(t.b, 'b comments', (l) => {
      entity(l, 'e-moscow')!.note = 'the city or the government?';
      l.discussion = [{ id: 'd-1', on: { annotator: 'ana', id: 'e-moscow' }, at: '2026-11-30T10:00:00Z', text: 'city?' }];
    });
    const r = mergeFromB(t);
    assert.strictEqual(r.status, 0, r.err + r.out);
    const m = read(t.a).layer;
    assert.deepStrictEqual([entity(m, 'e-moscow')!.label, entity(m, 'e-moscow')!.note], ['ORG', 'the city or the government?']);
    assert.deepStrictEqual(m.discussion?.map((d) => d.id), ['d-1']);
  });

  it('keeps both versions of a claim source changed differently on both sides, and sift validate reports it', async () => {
    const t = team();
    change(t.a, 'a: source', (l) => { l.claims[0].source = { name: 'Foreign Ministry' }; });
    change(t.b, 'b: source', (l) => { l.claims[0].source = { name: 'Russia' }; });
    const r = mergeFromB(t);
    assert.notStrictEqual(r.status, 0);
    assert.match(r.out + r.err, /CONFLICT/);
    const text = fs.readFileSync(path.join(t.a, SIDECAR), 'utf8');
    assert.doesNotMatch(text, /^<<<<<<<|^>>>>>>>/m, 'no text markers: the file still loads');
    const m = read(t.a);
    assert.strictEqual(m.layer.claims[0].source.name, 'Foreign Ministry', 'ours stays in place');
    const [c] = conflictsIn(m.layer.header);
    assert.deepStrictEqual([c.field, c.ours, c.theirs, c.base], ['source', { name: 'Foreign Ministry' }, { name: 'Russia' }, { name: 'Russian Foreign Ministry' }]);
    assert.ok(m.warnings.some((w) => w.code === 'merge-conflict' && w.severity === 'error'), 'a load reports it');
    const v = await runCli(['validate', '.'], t.a);
    assert.strictEqual(v.code, 1);
    assert.match(v.out, /error merge-conflict: merge conflict: claims 'c-1' field 'source'/);
  });

  it('goes through the driver on git pull --rebase and git cherry-pick', () => {
    const t = team();
    change(t.a, 'a adds Syria', addEntity('Syria', 'e-syria'));
    change(t.b, 'b adds Belarus', addEntity('Belarus', 'e-belarus'));
    git(t.b, 'push', '-q', 'origin', 'main');
    const pull = gitTry(t.a, 'pull', '--rebase', '-q', 'origin', 'main');
    assert.strictEqual(pull.status, 0, pull.err + pull.out);
    assert.deepStrictEqual(read(t.a).layer.entities.map((e) => e.id).sort(), ['e-belarus', 'e-damascus', 'e-moscow', 'e-syria']);
    assert.strictEqual(git(t.a, 'rev-list', '--merges', '--count', 'HEAD').trim(), '0', 'rebased: no merge commit');

    const c = aClone(t.origin);
    setUp(c);
    change(c, 'c adds North Korea', addEntity('North Korea', 'e-nk'));
    git(c, 'fetch', '-q', t.a, 'main:from-a');
    const pick = gitTry(c, 'cherry-pick', git(t.a, 'rev-parse', 'HEAD').trim());
    assert.strictEqual(pick.status, 0, pick.err + pick.out);
    assert.deepStrictEqual(read(c).layer.entities.map((e) => e.id).sort(), ['e-belarus', 'e-damascus', 'e-moscow', 'e-nk', 'e-syria']);
  });

  it('takes no conflict from a different order of annotations or CRLF line ends', () => {
    const t = team();
    change(t.a, 'a adds Syria', addEntity('Syria', 'e-syria'));
    // b's editor wrote the entities in another order, with CRLF, and added one.
    const p = read(t.b);
    addEntity('Belarus', 'e-belarus')(p.layer);
    const doc = parseDocument(serializeSidecar(p.layer, p.doc));
    const seq = doc.get('entities', true);
    if (isSeq(seq)) seq.items.reverse();
    fs.writeFileSync(path.join(t.b, SIDECAR), doc.toString({ lineWidth: 0 }).replace(/\n/g, '\r\n'));
    commitAll(t.b, 'b: reordered, CRLF');
    const r = mergeFromB(t);
    assert.strictEqual(r.status, 0, r.err + r.out);
    const m = read(t.a);
    assert.deepStrictEqual(m.layer.entities.map((e) => e.id).sort(), ['e-belarus', 'e-damascus', 'e-moscow', 'e-syria']);
    assert.deepStrictEqual(conflictsIn(m.layer.header), []);
  });

  it('falls back to a text merge when a side does not parse, and loses neither side', () => {
    const t = team();
    change(t.a, 'a adds Syria', addEntity('Syria', 'e-syria'));
    fs.appendFileSync(path.join(t.b, SIDECAR), 'entities: [unclosed\n');
    commitAll(t.b, 'b breaks the file');
    const r = mergeFromB(t);
    assert.notStrictEqual(r.status, 0);
    assert.match(r.err + r.out, /merged as text/);
    const text = fs.readFileSync(path.join(t.a, SIDECAR), 'utf8');
    assert.match(text, /e-syria/, 'ours is there');
    assert.match(text, /entities: \[unclosed/, 'theirs is there');
    assert.match(gitTry(t.a, 'status', '--porcelain').out, /^UU /m);
  });

  it('sift validate --strict fails on conflict markers and an unfinished merge, and passes once resolved', async () => {
    const t = team();
    change(t.a, 'a adds Syria', addEntity('Syria', 'e-syria'));
    fs.writeFileSync(path.join(t.b, SIDECAR), 'sift: [broken\n');
    commitAll(t.b, 'b breaks the whole file');
    mergeFromB(t);
    const v = await runCli(['validate', '--strict', '.'], t.a);
    assert.strictEqual(v.code, 1);
    assert.match(v.out, new RegExp(`${SIDECAR.replace(/\./g, '\\.')}:\\d+:1 error conflict-markers`));
    assert.match(v.out, /:0:0 error unmerged: git has this sidecar unmerged/);
    assert.doesNotMatch((await runCli(['validate', '.'], t.a)).out, /conflict-markers|unmerged/, 'only --strict looks for them');
    git(t.a, 'checkout', '--ours', SIDECAR);
    git(t.a, 'add', SIDECAR);
    const ok = await runCli(['validate', '--strict', '.'], t.a);
    assert.strictEqual(ok.code, 0, ok.out + ok.err);
  });

  it('exits 2 on bad arguments and never with a crash code on a missing side', async () => {
    const r = await runCli(['merge-driver', 'only-one'], SAMPLES);
    assert.strictEqual(r.code, 2);
    const t = team();
    const missing = await runCli(['merge-driver', 'nope-base', SIDECAR, 'nope-theirs', SIDECAR], t.a);
    assert.strictEqual(missing.code, 1);
    assert.strictEqual(read(t.a).layer.entities.length, 2, 'ours is left as it was');
  });
});
