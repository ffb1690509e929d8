// Discussion on any annotation (issue 12): threads gathered from every layer of an article, in order, with the latest
// status change winning, each comment only ever changed by its author in their own layer, and a thread kept when its
// annotation is orphaned or deleted. Layers are built with aLayer from the text, independently of the core's offsets.
import * as assert from 'assert';
import fc from 'fast-check';
import * as path from 'path';
import { DiscussionComment, Layer } from '../../src/core/model';
import {
  NotYourCommentError, Thread, addComment, annotationsAt, annotationsIn, buildThreads, compareComments, deleteComment, describeAnnotation,
  discussedKeys, editComment, entryTime, newCommentId, parseThreadKey, placeLayer, setResolved, threadKey, unresolvedCount,
} from '../../src/core/review/discussion';
import { LayerInput } from '../../src/core/review/units';
import { ArticleSession } from '../../src/core/session/session';
import { ArticleText } from '../../src/core/text/article';
import { aLayer, cpSpan } from '../builders/layer';
import { A0, fixedOptions, tmpCorpus } from './helpers/tmp';

const TEXT = '😀 Moscow, Dec 16. Sergei Lavrov said the embassy in Damascus stays open, officials said.\n';
const base = aLayer().forArticle(TEXT, 'a.txt');
const bob = () => base.by('bob').withEntity('Moscow', 'PLACE', { id: 'e-m' }).withEntity('Sergei Lavrov', 'PERSON', { id: 'e-l' }).build();
const ana = () => base.by('ana').withEntity('Moscow', 'ORG', { id: 'e-m' }).withClaim('the embassy in Damascus stays open', { id: 'c-1', source: 'Sergei Lavrov', sourceSpan: true }).build();
const gold = () => base.by('gold').withEntity('Moscow', 'PLACE', { id: 'g-1' }).build();

const comment = (id: string, on: [string, string], at: string, more: Partial<DiscussionComment> = {}): DiscussionComment =>
  ({ id, on: { annotator: on[0], id: on[1] }, at, ...more });
const withDiscussion = (layer: Layer, discussion: DiscussionComment[]): Layer => ({ ...layer, discussion });

function threadsOf(inputs: LayerInput[], text = TEXT): Thread[] {
  const article = new ArticleText(text);
  return buildThreads(inputs, inputs.flatMap((l) => placeLayer(l, article)));
}

describe('discussion: threads across layers', () => {
  it('groups every layer\'s comments by the annotation they discuss, oldest first, each with its author', () => {
    const a = withDiscussion(ana(), [
      comment('c-2', ['bob', 'e-m'], '2026-11-21T12:05:00Z', { text: 'PLACE or ORG? The ministry speaks from here.' }),
      comment('c-1', ['bob', 'e-l'], '2026-11-21T12:01:00Z', { text: 'full name ok' }),
    ]);
    const b = withDiscussion(bob(), [comment('c-1', ['bob', 'e-m'], '2026-11-21T13:00:00+01:00', { text: 'I meant the city' })]);
    const g = withDiscussion(gold(), [comment('c-9', ['bob', 'e-m'], '2026-11-21T12:06:00Z', { text: 'PLACE, as decided' })]);
    const threads = threadsOf([{ annotator: 'ana', layer: a }, { annotator: 'bob', layer: b }, { annotator: 'gold', layer: g }]);
    assert.deepStrictEqual(threads.map((t) => t.key), ['bob/e-m', 'bob/e-l'], 'threads in text order');
    const [m, l] = threads;
    // 13:00+01:00 is 12:00Z, before ana's 12:05Z: time is compared as time, not as text.
    assert.deepStrictEqual(m.comments.map((c) => [c.author, c.text]), [
      ['bob', 'I meant the city'], ['ana', 'PLACE or ORG? The ministry speaks from here.'], ['gold', 'PLACE, as decided'],
    ]);
    assert.deepStrictEqual(l.comments.map((c) => c.author), ['ana']);
    assert.deepStrictEqual(m.target, { state: 'live', kind: 'entity', label: 'PLACE', ...cpSpan(TEXT, 'Moscow'), quote: 'Moscow' });
    assert.strictEqual(m.resolved, false);
    assert.strictEqual(unresolvedCount(threads), 2);
  });

  it('orders entries of the same time by id, comparing numbers as numbers', () => {
    const at = '2026-11-21T12:00:00Z';
    const a = withDiscussion(ana(), ['c-x-10', 'c-x-2', 'c-x-1'].map((id) => comment(id, ['ana', 'e-m'], at, { text: id })));
    assert.deepStrictEqual(threadsOf([{ annotator: 'ana', layer: a }])[0].comments.map((c) => c.id), ['c-x-1', 'c-x-2', 'c-x-10']);
  });

  it('takes the thread\'s state from the latest status change across layers, whoever made it', () => {
    const on: [string, string] = ['ana', 'c-1'];
    const a = withDiscussion(ana(), [
      comment('c-1', on, '2026-11-21T12:00:00Z', { text: 'source?' }),
      comment('c-2', on, '2026-11-21T12:10:00Z', { resolved: true }),
    ]);
    const b = withDiscussion(bob(), [comment('c-1', on, '2026-11-21T12:20:00Z', { resolved: false, text: 'not yet: the cue is wrong' })]);
    const g = withDiscussion(gold(), [comment('c-1', on, '2026-11-21T12:30:00Z', { resolved: true })]);
    const layers = [{ annotator: 'gold', layer: g }, { annotator: 'bob', layer: b }, { annotator: 'ana', layer: a }];
    const [t] = threadsOf(layers);
    assert.strictEqual(t.resolved, true);
    assert.strictEqual(t.statusBy, 'gold');
    assert.deepStrictEqual(t.statusChanges.map((c) => [c.author, c.resolved]), [['ana', true], ['bob', false], ['gold', true]]);
    assert.deepStrictEqual(t.comments.map((c) => c.text), ['source?', 'not yet: the cue is wrong'], 'a status change with text is also a comment');
    assert.strictEqual(t.latestAt, '2026-11-21T12:30:00Z');
    assert.strictEqual(unresolvedCount([t]), 0);
    // Without gold's entry, bob's reopening is the latest.
    assert.strictEqual(threadsOf(layers.slice(1))[0].resolved, false);
  });

  it('does not depend on the order of layers or of comments in a file', () => {
    const entries = [
      comment('c-1', ['bob', 'e-m'], '2026-11-21T12:00:00Z', { text: 'a' }),
      comment('c-2', ['bob', 'e-m'], '2026-11-21T12:00:00Z', { resolved: true }),
      comment('c-3', ['bob', 'e-l'], '2026-11-21T12:01:00Z', { text: 'b' }),
      comment('c-4', ['bob', 'e-m'], '2026-11-21T12:02:00Z', { resolved: false, text: 'c' }),
    ];
    const reference = JSON.stringify(threadsOf([{ annotator: 'ana', layer: withDiscussion(ana(), entries.slice(0, 2)) }, { annotator: 'bob', layer: withDiscussion(bob(), entries.slice(2)) }]));
    fc.assert(fc.property(fc.shuffledSubarray(entries, { minLength: 4, maxLength: 4 }), fc.boolean(), (shuffled, flip) => {
      const mine = shuffled.filter((c) => c.id <= 'c-2');
      const theirs = shuffled.filter((c) => c.id > 'c-2');
      const layers = [{ annotator: 'ana', layer: withDiscussion(ana(), mine) }, { annotator: 'bob', layer: withDiscussion(bob(), theirs) }];
      return JSON.stringify(threadsOf(flip ? layers.reverse() : layers)) === reference;
    }));
  });

  it('keeps the thread of an orphaned annotation on its last span, and of a deleted one without a span', () => {
    const orphan = base.by('bob').withEntity('Moscow', 'PLACE', { id: 'e-m', orphaned: true }).build();
    const a = withDiscussion(ana(), [
      comment('c-1', ['bob', 'e-m'], '2026-11-21T12:00:00Z', { text: 'where did it go?' }),
      comment('c-2', ['bob', 'e-gone'], '2026-11-21T12:00:00Z', { text: 'deleted since' }),
      comment('c-3', ['carol', 'e-1'], '2026-11-21T12:00:00Z', { text: 'carol has no sidecar here' }),
    ]);
    const threads = threadsOf([{ annotator: 'ana', layer: a }, { annotator: 'bob', layer: orphan }]);
    assert.deepStrictEqual(threads.map((t) => [t.key, t.target.state]), [['bob/e-m', 'orphaned'], ['bob/e-gone', 'deleted'], ['carol/e-1', 'deleted']]);
    assert.deepStrictEqual([threads[0].target.start, threads[0].target.quote], [cpSpan(TEXT, 'Moscow').start, 'Moscow']);
    assert.strictEqual(threads[1].target.start, undefined);
    assert.deepStrictEqual(threads.map((t) => t.comments.length), [1, 1, 1], 'no comment is lost');
  });

  it('places a colleague\'s annotation on the current text when their layer was written for an older one', () => {
    const edited = `BREAKING: ${TEXT}`;
    const [t] = threadsOf([{ annotator: 'ana', layer: withDiscussion(ana(), [comment('c-1', ['bob', 'e-l'], '2026-11-21T12:00:00Z', { text: 'ok' })]) },
      { annotator: 'bob', layer: bob() }], edited);
    assert.deepStrictEqual([t.target.state, t.target.start, t.target.end], ['live', cpSpan(edited, 'Sergei Lavrov').start, cpSpan(edited, 'Sergei Lavrov').end]);
  });

  it('keeps hostile text as data, exactly as written', () => {
    const hostile = '[x](command:sift.deleteAnnotation?%5B%5D) ![](https://evil.example/p.png) <img src=x onerror=alert(1)>\n# heading';
    const [t] = threadsOf([{ annotator: 'ana', layer: withDiscussion(ana(), [comment('c-1', ['ana', 'e-m'], '2026-11-21T12:00:00Z', { text: hostile })]) }]);
    assert.strictEqual(t.comments[0].text, hostile);
  });

  it('finds the annotations of every layer under a position, narrowest first, and names them', () => {
    const article = new ArticleText(TEXT);
    const placed = [{ annotator: 'ana', layer: ana() }, { annotator: 'bob', layer: bob() }, { annotator: 'gold', layer: gold() }].flatMap((l) => placeLayer(l, article));
    const at = annotationsAt(placed, cpSpan(TEXT, 'Moscow').start + 2);
    assert.deepStrictEqual(at.map((p) => describeAnnotation(p.annotator, p.annotation)), ['ORG · Moscow · ana', 'PLACE · Moscow · bob', 'PLACE · Moscow · gold']);
    const lavrov = annotationsAt(placed, cpSpan(TEXT, 'Lavrov').start);
    assert.deepStrictEqual(lavrov.map((p) => describeAnnotation(p.annotator, p.annotation)), ['PERSON · Sergei Lavrov · bob']);
    const claim = annotationsAt(placed, cpSpan(TEXT, 'Damascus').start);
    assert.deepStrictEqual(claim.map((p) => describeAnnotation(p.annotator, p.annotation)), ['CLAIM · the embassy in Damascus stays open · ana']);
    const line = annotationsIn(placed, 0, cpSpan(TEXT, 'Lavrov').end);
    assert.deepStrictEqual(line.map((p) => threadKey({ annotator: p.annotator, id: p.annotation.id })), ['ana/e-m', 'bob/e-m', 'gold/g-1', 'bob/e-l'], 'a range: every annotation overlapping it');
  });

  it('places only the discussed annotations when asked, and names a thread by a key it can read back', () => {
    const a = withDiscussion(ana(), [comment('c-1', ['bob', 'e-l'], '2026-11-21T12:00:00Z', { text: 'x' })]);
    const layers = [{ annotator: 'ana', layer: a }, { annotator: 'bob', layer: bob() }];
    const only = discussedKeys(layers);
    assert.deepStrictEqual([...only], ['bob/e-l']);
    const placed = layers.flatMap((l) => placeLayer(l, new ArticleText(TEXT), { only }));
    assert.deepStrictEqual(placed.map((p) => p.annotation.id), ['e-l']);
    assert.deepStrictEqual(buildThreads(layers, placed), threadsOf(layers));
    assert.deepStrictEqual(parseThreadKey('bob/e-l'), { annotator: 'bob', id: 'e-l' });
    assert.strictEqual(parseThreadKey('bob/e/l'), undefined);
  });
});

describe('discussion: changes to one\'s own comments', () => {
  it('adds comments with ids unique within the author\'s layer', () => {
    const layer = ana();
    const at = '2026-11-21T12:00:00Z';
    const a = addComment(layer, { annotator: 'bob', id: 'e-m' }, 'first', at);
    const b = addComment(layer, { annotator: 'bob', id: 'e-m' }, 'second', at);
    assert.notStrictEqual(a.id, b.id);
    assert.match(a.id, /^c-[0-9a-z]+-1$/);
    assert.strictEqual(newCommentId(layer, at), `c-${Date.parse(at).toString(36)}-3`);
    assert.deepStrictEqual(layer.discussion?.map((c) => c.text), ['first', 'second']);
    assert.throws(() => addComment(layer, { annotator: 'bob', id: 'e-m' }, '  ', at), /needs some text/);
  });

  it('puts a new entry after the thread\'s latest, when the author\'s clock is behind', () => {
    assert.strictEqual(entryTime('2026-11-21T12:00:00Z', '2026-11-21T11:00:00Z'), '2026-11-21T12:00:00Z');
    assert.strictEqual(entryTime('2026-11-21T12:00:00Z', '2026-11-21T12:00:00Z'), '2026-11-21T12:00:01Z', 'in the precision of the clock');
    assert.strictEqual(entryTime('2026-11-21T12:00:00.500Z', '2026-11-21T12:00:00.500Z'), '2026-11-21T12:00:00.501Z');
    assert.strictEqual(entryTime('2026-11-21T12:00:00Z', '2026-11-21T12:00:00.500Z'), '2026-11-21T12:00:01Z');
    const layer = ana();
    const on = { annotator: 'bob', id: 'e-m' };
    const theirs = comment('c-1', ['bob', 'e-m'], '2026-11-21T13:00:00Z', { resolved: true });
    const reopen = setResolved(layer, on, false, '2026-11-21T12:00:00Z', theirs.at);
    const [t] = threadsOf([{ annotator: 'ana', layer }, { annotator: 'bob', layer: withDiscussion(bob(), [theirs, comment('c-2', ['bob', 'e-m'], '2026-11-21T10:00:00Z', { text: 'x' })]) }]);
    assert.ok(compareComments({ ...reopen, author: 'ana' }, { ...theirs, author: 'bob' }) > 0);
    assert.strictEqual(t.resolved, false, 'the reopening seen after the resolve wins');
  });

  it('edits and deletes only the owner\'s own comments', () => {
    const layer = withDiscussion(ana(), [comment('c-1', ['bob', 'e-m'], '2026-11-21T12:00:00Z', { text: 'old' })]);
    const edited = editComment(layer, 'ana', { author: 'ana', id: 'c-1' }, 'new', '2026-11-21T12:30:00Z');
    assert.deepStrictEqual([edited.text, edited.updated, edited.at], ['new', '2026-11-21T12:30:00Z', '2026-11-21T12:00:00Z']);
    assert.throws(() => editComment(layer, 'ana', { author: 'bob', id: 'c-1' }, 'x', '2026-11-21T12:31:00Z'), NotYourCommentError);
    assert.throws(() => deleteComment(layer, 'ana', { author: 'bob', id: 'c-1' }), NotYourCommentError);
    assert.throws(() => editComment(layer, 'ana', { author: 'ana', id: 'c-404' }, 'x', '2026-11-21T12:31:00Z'), /no comment c-404/);
    assert.strictEqual(layer.discussion?.[0].text, 'new', 'a refused change leaves the layer as it was');
    deleteComment(layer, 'ana', { author: 'ana', id: 'c-1' });
    assert.strictEqual(layer.discussion, undefined);
  });
});

describe('discussion: the session writes only to its own layer', () => {
  it('comments, edits, resolves and deletes in the annotator\'s own sidecar, and refuses a colleague\'s comment', () => {
    const dir = tmpCorpus([A0]);
    const s = ArticleSession.open(path.join(dir, A0), 'ana', fixedOptions());
    const on = { annotator: 'bob', id: 'e-1' };
    const c = s.addComment(on, 'is this the city?');
    s.setThreadResolved(on, true, c.at);
    s.sidecar.save();
    const back = ArticleSession.open(path.join(dir, A0), 'ana', fixedOptions());
    assert.deepStrictEqual(back.layer.discussion?.map((d) => [d.on.annotator, d.on.id, d.text, d.resolved]), [['bob', 'e-1', 'is this the city?', undefined], ['bob', 'e-1', undefined, true]]);
    assert.throws(() => back.editComment({ author: 'bob', id: c.id }, 'x'), NotYourCommentError);
    assert.throws(() => back.deleteComment({ author: 'bob', id: c.id }), NotYourCommentError);
    assert.strictEqual(back.editComment({ author: 'ana', id: c.id }, 'the city').text, 'the city');
    back.deleteComment({ author: 'ana', id: c.id });
    assert.deepStrictEqual(back.layer.discussion?.map((d) => d.resolved), [true]);
  });
});
