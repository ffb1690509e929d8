import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { reanchor, reanchorSubSpan } from '../../src/core/anchor/anchor';
import { place } from '../../src/core/anchor/place';
import { Skipped, placeLayer } from '../../src/core/export/dataset';
import { ClaimAnnotation, Layer } from '../../src/core/model';
import { ArticleSession } from '../../src/core/session/session';
import { readSidecarFast } from '../../src/core/store/sidecarFormat';
import { validateSidecar } from '../../src/core/store/validate';
import { ArticleText } from '../../src/core/text/article';
import { fixedOptions, tmpCorpus } from './helpers/tmp';

// Words with astral characters, accents and CRLF; "said" repeats, so a cue has other occurrences to land on.
const WORDS = ['Moscow', 'Damascus', 'Khmeimim', 'said', 'the', 'ministry', 'said', '😀', '𝐀𝐁', 'e\u0301te\u0301', 'Assad', '\r\n', 'Zoë', 'base'];
const textArb = fc.array(fc.constantFrom(...WORDS), { minLength: 20, maxLength: 60 }).map((w) => w.join(' '));
/** Edits as [position seed, code points deleted, words inserted]. */
const editsArb = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 12 }), fc.array(fc.constantFrom(...WORDS), { maxLength: 3 })), { maxLength: 4 });
/** Claims as seeds: the claim, its cue and its source mention, each [start seed, length]. */
const claimsArb = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 30 }), fc.nat(), fc.integer({ min: 1, max: 6 }), fc.nat(), fc.integer({ min: 1, max: 8 })), { minLength: 1, maxLength: 5 });

function edit(text: string, edits: [number, number, string[]][]): string {
  let cps = Array.from(text);
  for (const [p, del, ins] of edits) {
    const at = p % (cps.length + 1);
    cps = [...cps.slice(0, at), ...Array.from(ins.join(' ')), ...cps.slice(Math.min(cps.length, at + del))];
  }
  return cps.join('');
}

function claimsOn(art: ArticleText, seeds: number[][]): ClaimAnnotation[] {
  const span = (s: number, n: number) => {
    const start = s % Math.max(1, art.length - n);
    return { start, end: Math.min(art.length, start + n) };
  };
  return seeds.map(([s, n, cs, cn, ss, sn], i) => {
    const c = span(s, n);
    const cue = span(cs, cn);
    const src = span(ss, sn);
    return { id: `c-${i}`, ...art.anchor(c.start, c.end), source: { name: 'X', span: art.subSpan(src.start, src.end) }, confidence: 0.5, cue: art.subSpan(cue.start, cue.end) };
  });
}

describe('placing an annotation and its sub-spans', () => {
  it('on a changed text, places as re-anchoring the claim and moving its sub-spans by as much always did (property)', () => {
    fc.assert(fc.property(textArb, claimsArb, editsArb, (text, seeds, edits) => {
      const before = new ArticleText(text);
      const after = new ArticleText(edit(text, edits));
      for (const c of claimsOn(before, seeds)) {
        const p = place(c, after);
        const r = reanchor(c, after);
        assert.deepStrictEqual([p.outcome, p.anchor], [r.outcome, r.anchor]);
        if (r.outcome === 'orphaned') continue;
        const delta = r.anchor.start - c.start;
        assert.deepStrictEqual(p.cue?.span, reanchorSubSpan(c.cue!, delta, after));
        assert.deepStrictEqual(p.source?.span, reanchorSubSpan(c.source.span!, delta, after));
      }
    }), { numRuns: 300 });
  });

  it('keeps a current sidecar\'s spans where they stand, even when hand edits changed their context', () => {
    const art = new ArticleText('Moscow said the base is said to close, the ministry said.');
    const [c] = claimsOn(art, [[12, 25, 7, 4, 0, 6]]);
    const edited = { ...c, prefix: 'something else ' };
    const p = place(edited, art, { current: true });
    assert.deepStrictEqual([p.outcome, p.anchor.start, p.cue?.outcome, p.source?.outcome], ['kept', 12, 'kept', 'kept']);
    assert.notStrictEqual(place(edited, art).outcome, 'kept', 'without the hash, the context counts');
  });

  it('in a current sidecar, keeps a cue that stands at its offsets when its claim had to be found again (was: moved with the claim)', () => {
    const text = 'Moscow said it. The base is to close, the ministry said. Later it said more.';
    const art = new ArticleText(text);
    const claimAt = text.indexOf('The base');
    const cueAt = text.indexOf('said', claimAt);
    const c: ClaimAnnotation = { id: 'c-1', ...art.anchor(claimAt, claimAt + 22), source: { name: 'ministry' }, confidence: 1, cue: art.subSpan(cueAt, cueAt + 4) };
    // A hand edit moved the claim's offsets by 30 but left its quote: the claim is found again; its cue stays put.
    const p = place({ ...c, start: c.start + 30, end: c.end + 30 }, art, { current: true });
    assert.deepStrictEqual([p.outcome, p.anchor.start, p.cue?.outcome, p.cue?.span.start], ['exact', claimAt, 'kept', cueAt]);
    // Moving the cue 30 back with its claim, as the export did, lands it on Moscow's "said".
    assert.strictEqual(reanchorSubSpan(c.cue!, -30, art).start, text.indexOf('said'));
  });

  it('leaves flagged orphans orphaned unless asked to look again', () => {
    const art = new ArticleText('Moscow said the base would close.');
    const [c] = claimsOn(art, [[7, 4, 12, 4, 0, 6]]);
    const flagged = { ...c, orphaned: true, cue: { ...c.cue!, orphaned: true } };
    assert.strictEqual(place(flagged, art).outcome, 'orphaned');
    const again = place(flagged, art, { retryOrphans: true });
    assert.deepStrictEqual([again.outcome, again.cue?.outcome], ['same', 'kept']);
    const cueOnly = place({ ...c, cue: { ...c.cue!, orphaned: true } }, art, { current: true });
    assert.deepStrictEqual([cueOnly.outcome, cueOnly.cue?.outcome, cueOnly.source?.outcome], ['kept', 'orphaned', 'kept']);
  });

  it('session, export and validate agree on a stale sidecar: same places, same orphans (property)', () => {
    fc.assert(fc.property(textArb, claimsArb, editsArb, (text, seeds, edits) => {
      const dir = tmpCorpus([]);
      const file = path.join(dir, 'a.txt');
      fs.writeFileSync(file, text);
      const s = ArticleSession.open(file, 'ana', fixedOptions());
      for (const c of claimsOn(s.article, seeds)) s.addClaim(c);
      s.sidecar.save();
      const changed = edit(text, edits);
      fs.writeFileSync(file, changed);
      const layer: Layer = readSidecarFast(fs.readFileSync(s.sidecar.path, 'utf8'), s.sidecar.path);
      const skipped: Skipped[] = [];
      const exported = placeLayer(new ArticleText(changed), layer, 'a.txt', skipped).claims;
      const reopened = ArticleSession.open(file, 'ana', fixedOptions());
      const placed = reopened.layer.claims.filter((c) => !c.orphaned);
      const at = (x: { start: number; end: number; orphaned?: boolean } | undefined) => (x && !x.orphaned ? `${x.start}-${x.end}` : '-');
      const exportedView = exported.map((c) => `${c.id}@${at(c)} cue ${at(c.cue)} source ${at(c.source_span)}`);
      const sessionView = placed.map((c) => `${c.id}@${at(c)} cue ${at(c.cue)} source ${at(c.source.span)}`);
      assert.deepStrictEqual(exportedView.sort(), sessionView.sort());
      const orphans = reopened.layer.claims.filter((c) => c.orphaned).map((c) => c.id).sort();
      assert.deepStrictEqual(skipped.map((x) => x.id).sort(), orphans);
      assert.deepStrictEqual(validateSidecar(s.sidecar.path).filter((p) => p.code === 'orphaned').map((p) => p.id).sort(), orphans);
      fs.rmSync(dir, { recursive: true, force: true });
    }), { numRuns: 40 });
  });
});
