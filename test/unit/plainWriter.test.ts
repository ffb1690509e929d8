// The merge driver's fast writer (plainWriter.ts) against the slow path it stands in for: on generated sidecars edited
// concurrently on two sides (odd strings, quotes, numbers-like text, line breaks, CRLF, conflicts recorded), whenever
// it writes, it writes exactly the bytes of serializeSidecar on ours' document; and it does write in the common case.
import * as assert from 'assert';
import fc from 'fast-check';
import { EntityAnnotation, Layer } from '../../src/core/model';
import { mergeLayers, mergeSidecarTexts } from '../../src/core/store/gitMerge';
import { rewritePlainSidecar } from '../../src/core/store/plainWriter';
import { ItemMemo, readPlainYaml } from '../../src/core/store/plainYaml';
import { assertLoads, parseSidecar, readSidecar, serializeSidecar } from '../../src/core/store/sidecarFormat';
import { SidecarError } from '../../src/core/store/problems';

const FILE = 'a.ana.ann.yaml';
const ODD = ['', ' lead', 'trail ', 'a: b', '#x', 'x #y', '- x', '-', '?', 'true', 'null', 'No', '123', '0.5', '1e3', '0x1F', '.inf', '---x', "it's",
  'say "hi"', `both ' "`, 'tab\there', 'line\nbreak', 'é ñ 😀', '\u00a0nb', 'a\u0085b', '[x]', '{y}', '@at', '`tick', '%p', 'x:', 'a\\b', '2024-12-16', '~'];
const str = fc.oneof(fc.constantFrom(...ODD), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 8 }));
const quote = str.filter((s) => s.length > 0);
const label = fc.constantFrom('PERSON', 'ORG', 'PLACE', 'DATE');

const entity = (id: string) => fc.record({ label, start: fc.nat(500), quote, prefix: str, suffix: str, note: fc.option(str, { nil: undefined }) })
  .map((e): EntityAnnotation => ({ id, label: e.label, start: e.start, end: e.start + 3, quote: e.quote, prefix: e.prefix, suffix: e.suffix, ...(e.note === undefined ? {} : { note: e.note }) }));

const baseLayer = fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => entity(`e${i}`)))).map((entities): Layer => ({
  header: { sift: 1, article: 'a.txt', annotator: 'ana', sha256: 'a'.repeat(64), length: 600 }, entities, claims: [],
}));

type Edit = { at: number; do: 'label' | 'note' | 'quote' | 'delete' | 'add' | 'published' | 'x-key'; label: string; text: string };
const edits = fc.array(fc.record({ at: fc.nat(10), do: fc.constantFrom<Edit['do']>('label', 'note', 'quote', 'delete', 'add', 'published', 'x-key'), label, text: quote }), { maxLength: 4 });

/** A side: the base's document, edited, written as Sift writes it (optionally with CRLF line ends). */
function side(baseText: string, list: Edit[], tag: string, crlf: boolean): string {
  const p = parseSidecar(baseText, FILE);
  const l = p.layer;
  list.forEach((e, i) => {
    const target = l.entities[e.at % Math.max(1, l.entities.length)];
    if (e.do === 'add') l.entities.push({ id: `${tag}${i}`, label: e.label, start: e.at, end: e.at + 2, quote: e.text, prefix: e.text, suffix: '' });
    else if (e.do === 'published') l.header.published = ['2024-12-16', '2024-12', '2024'][e.at % 3];
    else if (!target) return;
    else if (e.do === 'delete') l.entities = l.entities.filter((x) => x !== target);
    else if (e.do === 'label') target.label = e.label;
    else if (e.do === 'note') target.note = e.text;
    else if (e.do === 'quote') target.quote = e.text;
    else if (e.do === 'x-key') (target as unknown as Record<string, unknown>)['x-checked'] = e.text; // a key the schema does not own
  });
  const text = serializeSidecar(l, p.doc);
  return crlf ? text.replace(/\n/g, '\r\n') : text;
}

describe('merge driver: the fast writer against serializeSidecar', () => {
  it('writes the same bytes as the slow path whenever it writes, and writes for most merges', () => {
    let written = 0;
    let runs = 0;
    fc.assert(fc.property(baseLayer, edits, edits, fc.boolean(), (base, o, t, crlf) => {
      const baseText = serializeSidecar(base);
      const oursText = side(baseText, o, 'o', crlf);
      const theirsText = side(baseText, t, 't', false);
      const { layer } = mergeLayers(readSidecar(baseText, FILE).layer, readSidecar(oursText, FILE).layer, readSidecar(theirsText, FILE).layer);
      const fast = rewritePlainSidecar(oursText, layer);
      const slow = serializeSidecar(layer, parseSidecar(oursText, FILE).doc);
      runs++;
      if (fast !== undefined) {
        written++;
        assert.strictEqual(fast.text, slow);
        // What it says it read back is what the plain reader reads from the text.
        assert.deepStrictEqual(fast.read, readPlainYaml(fast.text));
      }
      // Given ours as the merge has read it already, it writes the same (or declines the same).
      assert.deepStrictEqual(rewritePlainSidecar(oursText, layer, readSidecar(oursText, FILE).read), fast);
      // With the sides read through one memo (as the driver reads them: shared annotations, the same objects), the
      // layers merge to the same, and the writer writes the same.
      const memo = new ItemMemo();
      const [b, ou, th] = [baseText, oursText, theirsText].map((x) => readSidecar(x, FILE, memo));
      const shared = mergeLayers(b.layer, ou.layer, th.layer).layer;
      assert.deepStrictEqual(shared, layer);
      assert.deepStrictEqual(rewritePlainSidecar(oursText, shared, ou.read, memo), fast);
      // The driver's result is the fast path's text, or the slow path's (with ours' line ends).
      const r = mergeSidecarTexts(baseText, oursText, theirsText, FILE);
      const expected = fast?.text ?? slow;
      assert.strictEqual(r.text, crlf ? expected.replace(/\n/g, '\r\n') : expected);
    }), { numRuns: 400 });
    assert.ok(written / runs > 0.6, `the fast path wrote ${written} of ${runs} merges`);
  });

  it('declines a file whose scalars are not in the style it writes, even where the text is as long', () => {
    const base: Layer = { header: { sift: 1, article: 'a.txt', annotator: 'ana', sha256: 'a'.repeat(64), length: 9 },
      entities: [{ id: 'e1', label: 'ORG', start: 0, end: 3, quote: 'abc', prefix: '#x', suffix: '', orphaned: true }], claims: [] };
    const canonical = serializeSidecar(base);
    assert.match(canonical, /prefix: "#x"\n[\s\S]*orphaned: true\n/);
    const layer: Layer = { ...base, entities: [{ ...base.entities[0], label: 'PLACE' }] };
    assert.ok(rewritePlainSidecar(canonical, layer), 'the canonical file is written by the fast path');
    for (const text of [canonical.replace('prefix: "#x"', "prefix: '#x'"), canonical.replace('orphaned: true', 'orphaned: True')]) {
      assert.notStrictEqual(text, canonical);
      assert.strictEqual(rewritePlainSidecar(text, layer), undefined, text);
      const r = mergeSidecarTexts(canonical, text, serializeSidecar(layer), FILE);
      assert.strictEqual(r.text, serializeSidecar(layer, parseSidecar(text, FILE).doc));
    }
  });

  it('declines a file with comments between annotations, and the slow path keeps them', () => {
    const base: Layer = { header: { sift: 1, article: 'a.txt', annotator: 'ana', sha256: 'a'.repeat(64), length: 9 }, entities: [{ id: 'e1', label: 'ORG', start: 0, end: 3, quote: 'abc', prefix: '', suffix: '' }], claims: [] };
    const text = serializeSidecar(base).replace('entities:\n', 'entities:\n  # checked twice\n');
    const layer = { ...readSidecar(text, FILE).layer, entities: [{ ...base.entities[0], label: 'PLACE' }] };
    assert.strictEqual(rewritePlainSidecar(text, layer), undefined);
    const r = mergeSidecarTexts(serializeSidecar(base), text, serializeSidecar({ ...base, entities: layer.entities }), FILE);
    assert.match(r.text, /# checked twice\n[\s\S]*label: PLACE/);
  });

  it('checks that a result loads as parseSidecar does: the same refusals, and warnings are no refusal', () => {
    const base: Layer = { header: { sift: 1, article: 'a.txt', annotator: 'ana', sha256: 'a'.repeat(64), length: 9 }, entities: [{ id: 'e1', label: 'ORG', start: 0, end: 3, quote: 'abc', prefix: '', suffix: '' }], claims: [] };
    const good = serializeSidecar(base);
    const texts = [good, `${good}x-sift-conflicts:\n  - in: header\n    field: published\n    kind: both-changed\n`, `${good}x-mine: 1\n`, good.replace('id: e1', 'id: e1\n    colour: red'),
      good.replace('label: ORG', 'label: org'), good.replace('sift: 1', 'sift: 9'), good.replace('start: 0', 'start: [0'), good.replace('end: 3', 'end: -3'), `${good}entities: []\n`,
      good.replace('quote: abc', 'quote: ""'), good.replace('sha256: ', 'sha256: !!str '), 'just text\n', ''];
    const outcome = (f: () => unknown) => { try { f(); return 'loads'; } catch (e) { return e instanceof SidecarError ? e.problems.map((p) => p.code).join(',') : `crash ${String(e)}`; } };
    for (const t of texts) assert.strictEqual(outcome(() => assertLoads(t, FILE)), outcome(() => parseSidecar(t, FILE)), t);
    assert.ok(texts.filter((t) => outcome(() => parseSidecar(t, FILE)) === 'loads').length >= 4 && texts.filter((t) => outcome(() => parseSidecar(t, FILE)) !== 'loads').length >= 5, 'both kinds are tried');
  });
});
