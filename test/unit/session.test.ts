import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ArticleError } from '../../src/core/text/article';
import { ClaimAnnotation, EntityAnnotation } from '../../src/core/model';
import { ArticleSession } from '../../src/core/session/session';
import { A0, fixedOptions, tmpCorpus } from './helpers/tmp';

describe('article session', () => {
  it('anchors new annotations in code points with quote and context', () => {
    const dir = tmpCorpus([A0]);
    const s = ArticleSession.open(path.join(dir, A0), 'ana', fixedOptions());
    const e = s.addEntity({ start: 0, end: 6, label: 'PLACE' });
    assert.deepStrictEqual([e.quote, e.prefix, e.suffix], ['Moscow', '', ', Dec 16 (IANS) Russia has evacu']);
    assert.strictEqual(s.layer.header.length, Array.from(fs.readFileSync(path.join(dir, A0), 'utf8')).length);
  });

  it('counts offsets in code points in an article with emoji and CRLF', () => {
    const dir = tmpCorpus([]);
    const file = path.join(dir, 'emoji.txt');
    fs.writeFileSync(file, 'Breaking 🚨🚨\r\nPutin 😀 met Assad in Moscow.\r\n');
    const s = ArticleSession.open(file, 'ana', fixedOptions());
    const text = fs.readFileSync(file, 'utf8');
    const cps = Array.from(text);
    const start = cps.indexOf('A');
    const e = s.addEntity({ start, end: start + 5, label: 'PERSON' });
    assert.strictEqual(e.quote, 'Assad');
    assert.strictEqual(start, 25, 'two emoji and a CRLF before: 11 + 2 + ... code points');
    s.sidecar.save();
    const back = ArticleSession.open(file, 'ana', fixedOptions());
    assert.strictEqual(cps.slice(back.layer.entities[0].start, back.layer.entities[0].end).join(''), 'Assad');
  });

  it('moves annotations with live edits and orphans one whose text was deleted', () => {
    const dir = tmpCorpus([A0]);
    const s = ArticleSession.open(path.join(dir, A0), 'ana', fixedOptions());
    const text = s.article.text;
    const moscow = s.addEntity({ start: 0, end: 6, label: 'PLACE' });
    const dam = text.indexOf('Damascus');
    const damascus = s.addEntity({ start: dam, end: dam + 8, label: 'PLACE' });
    // Type "BREAKING: " at the top, and delete "Damascus".
    const t1 = `BREAKING: ${text}`;
    s.applyEdits(t1, [{ start: 0, end: 0, insert: 10 }]);
    assert.strictEqual(s.find(moscow.id)!.start, 10);
    assert.strictEqual(s.find(damascus.id)!.start, dam + 10);
    const t2 = t1.slice(0, dam + 10) + t1.slice(dam + 18);
    const orphaned = s.applyEdits(t2, [{ start: dam + 10, end: dam + 18, insert: 0 }]);
    assert.deepStrictEqual(orphaned, [damascus.id]);
    assert.strictEqual(s.find(damascus.id)!.orphaned, true, 'kept, flagged, never dropped');
    s.sidecar.save();
    assert.strictEqual(s.layer.header.sha256, s.article.sha256, 'the header is stamped when the sidecar is written');
    assert.strictEqual(s.layer.header.length, Array.from(t2).length);
  });

  it('re-anchors when the article changed on disk, and keeps what it cannot place as orphaned', () => {
    const dir = tmpCorpus([A0]);
    const file = path.join(dir, A0);
    const s = ArticleSession.open(file, 'ana', fixedOptions());
    const text = s.article.text;
    const k = text.indexOf('Khmeimim');
    s.addEntity({ start: k, end: k + 8, label: 'PLACE' });
    const b = text.indexOf('Belarus');
    s.addEntity({ start: b, end: b + 7, label: 'PLACE' });
    const said = Array.from(text.slice(0, text.indexOf('Ministry said') + 9)).length;
    const claim: ClaimAnnotation = s.addClaim({ start: 22, end: 77, source: { name: 'Russian Foreign Ministry' }, confidence: 0.9, cue: { start: said, end: said + 4, quote: 'said' } });
    s.sidecar.save();
    fs.writeFileSync(file, `Editor's note: updated.\n\n${text.replace('Belarus and ', '')}`);
    const t = ArticleSession.open(file, 'ana', fixedOptions());
    assert.deepStrictEqual(t.lastReanchor, { same: 0, exact: 2, fuzzy: 0, orphaned: [s.layer.entities.find((e) => e.quote === 'Belarus')!.id] });
    const moved = t.layer.entities.find((e) => e.quote === 'Khmeimim')!;
    assert.strictEqual(moved.start, k + 25);
    const c = t.find(claim.id) as ClaimAnnotation;
    assert.strictEqual(c.cue!.start, said + 25);
    assert.strictEqual(t.article.slice(c.cue!.start, c.cue!.end), 'said');
    assert.ok(t.sidecar.dirty, 're-anchored positions are saved');
    t.sidecar.save();
    assert.strictEqual(ArticleSession.open(file, 'ana', fixedOptions()).lastReanchor, undefined, 'hash now matches');
  });

  it('repairs hand-edited offsets that no longer point at the quote, even when the hash matches', () => {
    const dir = tmpCorpus([A0]);
    const file = path.join(dir, A0);
    const s = ArticleSession.open(file, 'ana', fixedOptions());
    const d = s.article.text.indexOf('Damascus');
    s.addEntity({ start: d, end: d + 8, label: 'PLACE' });
    s.sidecar.save();
    const side = s.sidecar.path;
    fs.writeFileSync(side, fs.readFileSync(side, 'utf8').replace(`start: ${d}`, 'start: 99999').replace(`end: ${d + 8}`, 'end: 100007'));
    const t = ArticleSession.open(file, 'ana', fixedOptions());
    assert.deepStrictEqual([t.layer.entities[0].start, t.layer.entities[0].quote], [d, 'Damascus']);
    // Live edits after that do not throw.
    t.applyEdits(`x${t.article.text}`, [{ start: 0, end: 0, insert: 1 }]);
    assert.strictEqual(t.layer.entities[0].start, d + 1);
  });

  it('edits, re-spans and restores annotations', () => {
    const dir = tmpCorpus([A0]);
    const s = ArticleSession.open(path.join(dir, A0), 'ana', fixedOptions());
    const e = s.addEntity({ start: 0, end: 6, label: 'PLACE', note: 'dateline' });
    s.update(e.id, { label: 'ORG', note: undefined });
    assert.strictEqual((s.find(e.id) as EntityAnnotation).label, 'ORG');
    assert.ok(!('note' in s.find(e.id)!));
    s.update(e.id, { start: 8, end: 14 });
    assert.strictEqual(s.find(e.id)!.quote, 'Dec 16');
    const removed = s.remove(e.id)!;
    assert.strictEqual(s.find(e.id), undefined);
    s.restore(removed);
    assert.strictEqual(s.find(e.id)!.quote, 'Dec 16');
    assert.throws(() => s.addEntity({ start: 0, end: 1e9, label: 'ORG' }), RangeError);
  });

  it('refuses binary, non-UTF-8, oversized and missing articles with a clear error', () => {
    const dir = tmpCorpus([]);
    fs.writeFileSync(path.join(dir, 'bin.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    fs.writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('caf\xe9 au lait', 'latin1'));
    fs.writeFileSync(path.join(dir, 'big.txt'), 'x'.repeat(2048));
    const kind = (f: string, max?: number) => {
      try { ArticleSession.open(path.join(dir, f), 'ana', { maxArticleBytes: max }); } catch (e) { assert.ok(e instanceof ArticleError); return [e.problem, e.message]; }
      return ['opened', ''];
    };
    assert.strictEqual(kind('bin.txt')[0], 'binary');
    const [p, msg] = kind('latin1.txt');
    assert.strictEqual(p, 'not-utf8');
    assert.match(msg, /first bad byte is at offset 3\b/);
    assert.strictEqual(kind('big.txt', 1024)[0], 'too-large');
    assert.strictEqual(kind('none.txt')[0], 'missing');
  });

  it('remembers rejected suggestions in the sidecar', () => {
    const dir = tmpCorpus([A0]);
    const s = ArticleSession.open(path.join(dir, A0), 'ana', fixedOptions());
    s.reject('Kremlin', 'PERSON');
    s.reject('Kremlin', 'PERSON');
    s.addEntity({ start: 0, end: 6, label: 'PLACE' });
    s.sidecar.save();
    const t = ArticleSession.open(path.join(dir, A0), 'ana', fixedOptions());
    assert.ok(t.isRejected('Kremlin', 'PERSON'));
    assert.ok(!t.isRejected('Kremlin', 'ORG'));
    assert.deepStrictEqual(t.layer.rejected, [{ quote: 'Kremlin', label: 'PERSON' }]);
  });

  it('strips a UTF-8 byte-order mark, as the editor does', () => {
    const dir = tmpCorpus([]);
    fs.writeFileSync(path.join(dir, 'bom.txt'), '\ufeffMoscow said');
    const s = ArticleSession.open(path.join(dir, 'bom.txt'), 'ana', fixedOptions());
    assert.strictEqual(s.addEntity({ start: 0, end: 6, label: 'PLACE' }).quote, 'Moscow');
  });
});
