import * as assert from 'assert';
import fc from 'fast-check';
import { EntityAnnotation, Layer } from '../../src/core/model';
import { alignLayers } from '../../src/core/review/align';
import { PIECE, alignInPieces } from '../../src/core/review/alignPieces';
import { LayerInput } from '../../src/core/review/units';

const LABELS = ['PERSON', 'ORG', 'PLACE', 'DATE'];

/** Layers of `n` mentions each (spans from `spans`), every annotator changing some labels and boundaries. */
function layers(spans: readonly (readonly [number, number, number])[], annotators: string[]): LayerInput[] {
  return annotators.map((annotator, k) => {
    const entities: EntityAnnotation[] = spans.flatMap(([start, len, r], i) => {
      if ((r + k) % 11 === 0) return [];
      const end = start + len + ((r + k) % 7 === 0 ? 2 : 0);
      return [{ id: `e${i}`, label: LABELS[(i + ((r + k) % 13 === 0 ? 1 : 0)) % 4], start, end, quote: 'x'.repeat(end - start), prefix: '', suffix: '' }];
    });
    const layer: Layer = { header: { sift: 1, article: 'a.txt', sha256: '', length: 1e7, annotator }, entities, claims: [] };
    return { annotator, layer };
  });
}

describe('alignInPieces: a big article aligned in pieces', function () {
  this.timeout(60_000);
  it('gives exactly the units alignLayers gives, with a pause between pieces', async () => {
    const spans = Array.from({ length: 1200 }, (_, i) => [i * 20 + (i % 3), 3 + (i % 9), (i * 7919) % 101] as const);
    const inputs = layers(spans, ['ana', 'bob', 'cal']);
    let pauses = 0;
    const pieces = await alignInPieces(inputs, ['ana', 'bob', 'cal'], () => { pauses++; return Promise.resolve(); });
    assert.ok(pauses >= Math.floor((3 * 1200 * 0.8) / PIECE), `paused ${pauses} times`);
    assert.deepStrictEqual(pieces, alignLayers(inputs, { annotators: ['ana', 'bob', 'cal'] }));
  });

  it('never changes the units, whatever the spans (overlapping and nested ones too)', async () => {
    const span = fc.tuple(fc.nat(20_000), fc.integer({ min: 1, max: 60 }), fc.nat(100));
    await fc.assert(fc.asyncProperty(fc.array(span, { minLength: 560, maxLength: 700 }), async (spans) => {
      const inputs = layers(spans, ['ana', 'bob']);
      const whole = alignLayers(inputs, { annotators: ['ana', 'bob'] });
      const pieces = await alignInPieces(inputs, ['ana', 'bob'], () => Promise.resolve());
      assert.deepStrictEqual(pieces.units.map((u) => u.id).sort(), whole.units.map((u) => u.id).sort());
      assert.deepStrictEqual(pieces, whole);
    }), { numRuns: 5 });
  });
});
