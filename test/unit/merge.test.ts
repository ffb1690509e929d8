import * as assert from 'assert';
import { merge3 } from '../../src/core/store/merge';
import { Layer } from '../../src/core/model';
import { aLayer } from '../builders/layer';

const base = aLayer().forArticle('Moscow and Damascus agreed, the Kremlin said.', 'a.txt').by('ana');
const ent = (id: string, label = 'ORG'): [string, string] => [id, label];
/** A layer with entities on 'Moscow', each with the given id and label. */
const L = (...entities: [id: string, label: string][]): Layer => entities.reduce((b, [id, label]) => b.withEntity('Moscow', label, { id }), base).build();

describe('three-way merge by annotation id', () => {
  it('takes a change from whichever side made it', () => {
    const r = merge3(L(ent('a'), ent('b')), L(ent('a', 'PERSON'), ent('b')), L(ent('a'), ent('b', 'PLACE')));
    assert.deepStrictEqual(r.layer.entities.map((e) => e.label), ['PERSON', 'PLACE']);
    assert.deepStrictEqual(r.conflicts, []);
  });

  it('keeps additions from both sides', () => {
    const r = merge3(L(), L(ent('m')), L(ent('t')));
    assert.deepStrictEqual(r.layer.entities.map((e) => e.id).sort(), ['m', 't']);
  });

  it('applies a deletion when the other side did not touch the annotation', () => {
    const r = merge3(L(ent('a'), ent('b')), L(ent('b')), L(ent('a'), ent('b')));
    assert.deepStrictEqual(r.layer.entities.map((e) => e.id), ['b']);
  });

  it('does not take an unconfirmed annotation of mine missing from theirs as a deletion (only with the option)', () => {
    const b = L(ent('a'), ent('x'));
    const t = L(ent('a'), ent('y'));
    assert.deepStrictEqual(merge3(b, b, t).layer.entities.map((e) => e.id).sort(), ['a', 'y']);
    const r = merge3(b, b, t, { unconfirmed: new Set(['x']) });
    assert.deepStrictEqual(r.layer.entities.map((e) => e.id).sort(), ['a', 'x', 'y']);
    assert.deepStrictEqual(r.conflicts, []);
  });

  it('keeps an annotation one side deleted and the other edited, and reports it', () => {
    const r = merge3(L(ent('a')), L(), L(ent('a', 'PLACE')));
    assert.deepStrictEqual(r.layer.entities.map((e) => e.label), ['PLACE']);
    assert.deepStrictEqual(r.conflicts, [{ id: 'a', kind: 'deleted-by-me' }]);
  });

  it('keeps both versions of a real conflict: theirs under the id, mine beside it with a note', () => {
    const r = merge3(L(ent('a')), L(ent('a', 'PERSON')), L(ent('a', 'PLACE')));
    assert.strictEqual(r.layer.entities.length, 2);
    assert.strictEqual(r.layer.entities.find((e) => e.id === 'a')!.label, 'PLACE');
    const mine = r.layer.entities.find((e) => e.id === 'a-mine')!;
    assert.strictEqual(mine.label, 'PERSON');
    assert.match(mine.note!, /Merge conflict/);
    assert.deepStrictEqual(r.conflicts, [{ id: 'a', kind: 'both-changed', keptAs: 'a-mine' }]);
  });

  it('treats identical changes on both sides as no conflict', () => {
    const r = merge3(L(ent('a')), L(ent('a', 'PLACE')), L(ent('a', 'PLACE')));
    assert.strictEqual(r.layer.entities.length, 1);
    assert.deepStrictEqual(r.conflicts, []);
  });

  it('merges header fields the same way', () => {
    const theirs = base.hashedAs('Moscow and Damascus agreed.').build();
    const r = merge3(L(), base.published('2024-12-16').build(), theirs);
    assert.strictEqual(r.layer.header.published, '2024-12-16');
    assert.strictEqual(r.layer.header.sha256, theirs.header.sha256);
    assert.notStrictEqual(r.layer.header.sha256, L().header.sha256);
  });
});

describe('three-way merge of review data (decisions and comments) by id', () => {
  const at = (m: number) => `2026-11-30T20:${String(m).padStart(2, '0')}:00Z`;
  const c = (id: string, text: string, m = 0) => ({ id, on: { annotator: 'bob', id: 'e-1' }, at: at(m), text });
  const withDiscussion = (...discussion: ReturnType<typeof c>[]): Layer => ({ ...L(), discussion });

  it('keeps comments added on both sides, and a deletion on one side', () => {
    const r = merge3(withDiscussion(c('c-1', 'one')), withDiscussion(c('c-1', 'one'), c('c-2', 'mine', 1)), withDiscussion(c('c-3', 'theirs', 2)));
    assert.deepStrictEqual(r.layer.discussion?.map((x) => x.id).sort(), ['c-2', 'c-3']);
  });

  it('keeps both versions of a comment edited on both sides, with no note added to a comment', () => {
    const r = merge3(withDiscussion(c('c-1', 'one')), withDiscussion(c('c-1', 'mine')), withDiscussion(c('c-1', 'theirs')));
    assert.deepStrictEqual(r.layer.discussion?.map((x) => [x.id, x.text]), [['c-1', 'theirs'], ['c-1-mine', 'mine']]);
    assert.ok(r.layer.discussion?.every((x) => !('note' in x)));
    assert.deepStrictEqual(r.conflicts.map((x) => x.kind), ['both-changed']);
  });

  it('keeps decisions (dismissed) from both sides', () => {
    const d = (id: string) => ({ id, from: [{ annotator: 'ana', id }] });
    const r = merge3(L(), { ...L(), dismissed: [d('d-1')] }, { ...L(), dismissed: [d('d-2')] });
    assert.deepStrictEqual(r.layer.dismissed?.map((x) => x.id).sort(), ['d-1', 'd-2']);
  });
});
