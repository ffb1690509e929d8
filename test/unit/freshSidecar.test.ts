// The fresh sidecar writer against serializeSidecar: byte for byte on generated layers (strings with every YAML
// indicator, escape and odd character; numbers; nested provenance, claim sources and cues; review data).
import * as assert from 'assert';
import fc from 'fast-check';
import { ClaimAnnotation, Dismissal, EntityAnnotation, FORMAT_VERSION, Layer } from '../../src/core/model';
import { freshSidecarText, serializeFreshSidecar } from '../../src/core/store/freshSidecar';
import { readSidecar, serializeSidecar } from '../../src/core/store/sidecarFormat';

const PIECES = ['a', 'Bob', ' ', '  ', ':', ': ', ' #', '#', '-', '- ', '"', "'", '\\', '\n', '\r\n', '\t', '[', ']', '{', '}', ',', '&a', '*a', '!', '|',
  '>', '%', '@', '`', '?', '~', 'null', 'True', 'false', 'yes', '0', '12', '0x1F', '0o7', '1e3', '.5', '-7', '+1', '.inf', '.NaN', '😀', '\u00a0', '\u2028', '\u2029',
  '\u0085', 'é', '---', '...', '\ud83d', '\udc00', '\r', '\x7f', '\x9f', '\x00', '\x07', '\x0b', '\x1b', '\x01', '\ufeff', ' \n', '\n ', '\\n', '"\''];
const textArb = fc.oneof(fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((p) => p.join('')), fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ maxLength: 12 }));
const numberArb = fc.oneof(fc.integer(), fc.constantFrom(0, 0.8, 0.25, 1, 1e21, 1e-7, 123.456, -0, Number.NaN, Number.POSITIVE_INFINITY));
const target = fc.record({ annotator: textArb, id: textArb });
const provenance = {
  from: fc.option(fc.array(target, { maxLength: 3 }), { nil: undefined }),
  adjudicator: fc.option(textArb, { nil: undefined }),
  created: fc.option(fc.constantFrom('2026-11-30T12:00:00Z', '2026-11-30'), { nil: undefined }),
  note: fc.option(textArb, { nil: undefined }),
};
const entity: fc.Arbitrary<EntityAnnotation> = fc.record({ id: textArb, start: fc.nat(100), end: fc.nat(100), quote: textArb, prefix: textArb, suffix: textArb, label: textArb, ...provenance });
const subSpan = fc.record({ start: fc.nat(50), end: fc.nat(50), quote: textArb });
const claim: fc.Arbitrary<ClaimAnnotation> = fc.record({
  id: textArb, start: fc.nat(100), end: fc.nat(100), quote: textArb, prefix: textArb, suffix: textArb,
  source: fc.record({ name: textArb, span: fc.option(subSpan, { nil: undefined }) }), confidence: numberArb,
  cue: fc.option(subSpan, { nil: undefined }), factuality: fc.option(fc.constantFrom('reported', 'hedged'), { nil: undefined }), ...provenance,
});
const dismissal: fc.Arbitrary<Dismissal> = fc.record({ id: textArb, kind: fc.constantFrom('entity', 'claim'), label: textArb, quote: textArb, from: fc.array(target, { maxLength: 2 }), adjudicator: textArb, created: textArb });
const layerArb: fc.Arbitrary<Layer> = fc.record({
  header: fc.record({ article: textArb, annotator: textArb, sha256: textArb, length: numberArb, status: fc.option(fc.constantFrom('in-review', 'adjudicated'), { nil: undefined }), extra: fc.option(textArb, { nil: undefined }) }),
  entities: fc.array(entity, { maxLength: 4 }),
  claims: fc.array(claim, { maxLength: 3 }),
  dismissed: fc.option(fc.array(dismissal, { maxLength: 2 }), { nil: undefined }),
  rejected: fc.option(fc.array(fc.record({ label: textArb, quote: textArb }), { maxLength: 2 }), { nil: undefined }),
}).map(({ header: { extra, ...header }, ...rest }) => ({ header: { sift: FORMAT_VERSION, ...header, ...(extra === undefined ? {} : { 'x-tool': extra }) }, ...rest }));

/** A gold layer as `sift review --merge` writes it: plain text, provenance, a claim. */
function goldLayer(): Layer {
  const e: EntityAnnotation = { id: 'e-1a2b3c4d', label: 'PERSON', start: 17, end: 32, quote: 'Bashar al-Assad', prefix: 'Syrian President ', suffix: ' met Vladimir', created: '2026-11-30T12:00:00Z', updated: '2026-11-30T12:00:00Z', from: [{ annotator: 'ana', id: 'e1' }, { annotator: 'bob', id: 'e1' }], adjudicator: 'lead' };
  const c: ClaimAnnotation = { id: 'c-00ff00ff', start: 0, end: 40, quote: 'Syrian President Bashar al-Assad met Putin', prefix: '', suffix: ', the Kremlin said.', source: { name: 'the Kremlin' }, confidence: 0.8, factuality: 'reported', from: [{ annotator: 'ana', id: 'c9' }], adjudicator: 'lead', created: '2026-11-30T12:00:00Z' };
  return { header: { sift: FORMAT_VERSION, article: 'a.txt', annotator: 'gold', sha256: 'ab'.repeat(32), length: 90, status: 'in-review' }, entities: [e], claims: [c] };
}

describe('the fresh sidecar writer', () => {
  it('writes the bytes serializeSidecar writes, on generated layers', () => {
    let direct = 0;
    fc.assert(fc.property(layerArb, (layer) => {
      const fast = freshSidecarText(layer);
      if (fast !== undefined) {
        direct++;
        assert.strictEqual(fast, serializeSidecar(layer));
      }
      assert.strictEqual(serializeFreshSidecar(layer), serializeSidecar(layer));
    }), { numRuns: 300 });
    // Most layers, odd strings and all, are written directly rather than handed on.
    assert.ok(direct > 150, `written directly: ${direct} of 300`);
  });

  it('writes a gold layer as merge makes it directly, and the text reads back as the same layer', () => {
    const layer = goldLayer();
    const text = freshSidecarText(layer);
    assert.strictEqual(text, serializeSidecar(layer));
    assert.deepStrictEqual(readSidecar(text ?? '', 'a.gold.ann.yaml').layer, readSidecar(serializeSidecar(layer), 'a.gold.ann.yaml').layer);
    assert.strictEqual(freshSidecarText({ ...layer, entities: [], claims: [] }), serializeSidecar({ ...layer, entities: [], claims: [] }));
  });

  it('hands to serializeSidecar what yaml writes otherwise: an object met twice (an alias), an odd key; writes -0 as yaml does', () => {
    const layer = goldLayer();
    const from = [{ annotator: 'ana', id: 'e1' }];
    const shared = { ...layer, entities: [{ ...layer.entities[0], from, comments: from } as unknown as EntityAnnotation] };
    assert.strictEqual(freshSidecarText(shared), undefined);
    assert.strictEqual(serializeFreshSidecar(shared), serializeSidecar(shared));
    assert.match(serializeFreshSidecar(shared), /&a1/);
    const minusZero = { ...layer, header: { ...layer.header, length: -0 } };
    assert.strictEqual(freshSidecarText(minusZero), serializeSidecar(minusZero));
    assert.match(freshSidecarText(minusZero) ?? '', /\nlength: -0\n/);
    assert.strictEqual(serializeFreshSidecar(minusZero), serializeSidecar(minusZero));
    const oddKey = { ...layer, header: { ...layer.header, 'odd key: x': 1 } as unknown as Layer['header'] };
    assert.strictEqual(serializeFreshSidecar(oddKey), serializeSidecar(oddKey));
  });
});
