import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ArticleSession, ReadOnlyLayerError } from '../../src/core/session/session';
import { aCorpus } from '../builders/corpus';
import { fixedOptions } from './helpers/tmp';

const TEXT = 'Moscow, Dec 16 (IANS) Russia has evacuated some of its diplomats from Damascus, the Ministry said.\n';

/** An article with bob's sidecar (two entities and a claim) and nothing else. */
function bobsCorpus(): { dir: string; article: string; sidecar: string } {
  const c = aCorpus()
    .withArticle('a.txt', TEXT)
    .annotatedBy('bob', (l) => l.withEntity('Moscow', 'PLACE').withEntity('Damascus', 'PLACE').withClaim('Russia has evacuated some of its diplomats', { source: 'Ministry' }))
    .build();
  const article = path.join(c.dir, 'a.txt');
  return { dir: c.dir, article, sidecar: c.layers[0].path };
}

const files = (dir: string) => fs.readdirSync(dir).sort();

describe('read-only article session (another annotator\'s layer)', () => {
  it('loads the layer like an editable session', () => {
    const { article } = bobsCorpus();
    const ro = ArticleSession.open(article, 'bob', { ...fixedOptions(), readOnly: true, viewer: 'ana' });
    const rw = ArticleSession.open(article, 'bob', fixedOptions());
    assert.strictEqual(ro.readOnly, true);
    assert.strictEqual(rw.readOnly, false);
    assert.deepStrictEqual(ro.layer, rw.layer);
    assert.strictEqual(ro.all().length, 3);
  });

  it('refuses every change with a clear error naming the layer and the reader, and leaves the layer as it was', () => {
    const { article } = bobsCorpus();
    const s = ArticleSession.open(article, 'bob', { ...fixedOptions(), readOnly: true, viewer: 'ana' });
    const before = structuredClone(s.layer);
    const id = s.layer.entities[0].id;
    const changes: [string, () => unknown][] = [
      ['addEntity', () => s.addEntity({ start: 0, end: 6, label: 'ORG' })],
      ['addClaim', () => s.addClaim({ start: 0, end: 6, source: { name: 'x' }, confidence: 0.5 })],
      ['update', () => s.update(id, { label: 'ORG' })],
      ['remove', () => s.remove(id)],
      ['reject', () => s.reject('Moscow', 'PLACE')],
      ['setPublished', () => s.setPublished('2024-12-16')],
      ['restoreLayer', () => s.restoreLayer(before)],
      ['restore', () => s.restore(before.entities[0])],
    ];
    for (const [name, change] of changes) {
      assert.throws(change, (e: unknown) => e instanceof ReadOnlyLayerError && e.message === "bob's layer is read-only: you are ana", name);
    }
    assert.deepStrictEqual(s.layer, before, 'nothing changed');
  });

  it('follows edits of the article in memory but never writes its sidecar', () => {
    const { dir, article, sidecar } = bobsCorpus();
    const onDisk = fs.readFileSync(sidecar, 'utf8');
    const listing = files(dir);
    const s = ArticleSession.open(article, 'bob', { ...fixedOptions(), readOnly: true, viewer: 'ana' });
    const moscow = s.layer.entities.find((e) => e.quote === 'Moscow')!;
    s.applyEdits(`UPDATE: ${TEXT}`, [{ start: 0, end: 0, insert: 8 }]);
    assert.strictEqual(s.find(moscow.id)!.start, 8, 'moved with the text, so views show it at the right place');
    assert.strictEqual(s.sidecar.dirty, true, 'memory differs from disk');
    assert.strictEqual(s.sidecar.save(), 'unchanged');
    assert.strictEqual(s.sidecar.flush(), 'unchanged');
    let saved = false;
    s.sidecar.scheduleSave(0, () => { saved = true; });
    assert.strictEqual(s.sidecar.pendingSave, false, 'no save is scheduled');
    assert.strictEqual(saved, false);
    assert.strictEqual(fs.readFileSync(sidecar, 'utf8'), onDisk, 'the sidecar is byte for byte as it was');
    assert.deepStrictEqual(files(dir), listing, 'no recovery, temp or lock file');
  });

  it('a reload takes what is on disk, even after in-memory re-anchoring', () => {
    const { article, sidecar } = bobsCorpus();
    const s = ArticleSession.open(article, 'bob', { ...fixedOptions(), readOnly: true, viewer: 'ana' });
    s.applyEdits(`UPDATE: ${TEXT}`, [{ start: 0, end: 0, insert: 8 }]);
    fs.writeFileSync(sidecar, fs.readFileSync(sidecar, 'utf8').replace('label: PLACE', 'label: ORG'));
    const r = s.sidecar.reload();
    assert.strictEqual(r.outcome, 'reloaded');
    assert.deepStrictEqual(s.layer.entities.map((e) => e.label).sort(), ['ORG', 'PLACE']);
    s.syncToText();
    assert.strictEqual(s.layer.entities.find((e) => e.quote === 'Moscow')!.start, 8, 're-anchored to the edited text');
    fs.rmSync(sidecar);
    assert.strictEqual(s.sidecar.reload().outcome, 'deleted', 'a deleted sidecar empties the layer, nothing is kept to write');
    assert.strictEqual(s.all().length, 0);
  });

  it('leaves the temp file of a crashed save of the owner alone', () => {
    const { dir, article, sidecar } = bobsCorpus();
    const tmp = path.join(dir, `.${path.basename(sidecar)}.999999.abcdef01.tmp`);
    fs.writeFileSync(tmp, 'not: [yaml');
    fs.utimesSync(tmp, new Date(0), new Date(0));
    const listing = files(dir);
    const s = ArticleSession.open(article, 'bob', { ...fixedOptions(), readOnly: true, viewer: 'ana' });
    assert.deepStrictEqual(s.sidecar.leftovers, []);
    assert.deepStrictEqual(files(dir), listing, 'neither merged, moved nor deleted');
  });
});
