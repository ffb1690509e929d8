// mergeLayers' merge of a list by id, held to the rule it implements, written plainly here with a Map per side (as it
// was written before it took one table for the three): random sides with shared, missing, repeated and shuffled ids.
import * as assert from 'assert';
import fc from 'fast-check';
import { EntityAnnotation, Layer } from '../../src/core/model';
import { mergeLayers } from '../../src/core/store/gitMerge';
import { same } from '../../src/core/store/merge';

type E = Pick<EntityAnnotation, 'id' | 'label'>;

/** The rule: ids in the order ours then theirs first give them; both sides' versions merged, one side's kept unless it is the base's. */
function reference(base: E[] | undefined, ours: E[], theirs: E[]): { out: (E | 'merged')[]; deleted: [string, string][] } {
  const [b, o, t] = [base ?? [], ours, theirs].map((l) => new Map(l.map((x) => [x.id, x])));
  const ids = [...new Set([...ours.map((x) => x.id), ...theirs.map((x) => x.id)])];
  const out: (E | 'merged')[] = [];
  const deleted: [string, string][] = [];
  for (const id of ids) {
    const [bv, ov, tv] = [b.get(id), o.get(id), t.get(id)];
    if (ov && tv) { out.push(ov === tv ? ov : 'merged'); continue; }
    const only = (ov ?? tv)!;
    if (bv === undefined) out.push(only);
    else if (!same(only, bv)) { out.push(only); deleted.push([id, ov ? 'deleted-by-theirs' : 'deleted-by-ours']); }
  }
  return { out, deleted };
}

const layer = (entities: E[]): Layer => ({ header: { sift: 1, article: 'a.txt', annotator: 'ana' }, entities, claims: [] }) as unknown as Layer;

describe('merge driver core: merging a list by id', () => {
  it('gives the ids, objects and deletion conflicts of a Map per side', () => {
    const entity: fc.Arbitrary<E> = fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), label: fc.constantFrom('ORG', 'PLACE') });
    const pool = fc.array(entity, { maxLength: 8 });
    fc.assert(fc.property(pool, pool, pool, fc.boolean(), fc.nat(), (b, o, t, hasBase, shared) => {
      // Some objects the same on two sides (as the merge's reads share an annotation read once).
      if (o.length && t.length) t[shared % t.length] = o[shared % o.length];
      const base = hasBase ? b : undefined;
      const want = reference(base, o, t);
      const got = mergeLayers(base && layer(base), layer(o), layer(t));
      assert.strictEqual(got.layer.entities.length, want.out.length);
      got.layer.entities.forEach((e, i) => {
        const w = want.out[i];
        if (w === 'merged') assert.ok(!o.includes(e) && !t.includes(e), 'a merged copy');
        else assert.strictEqual(e, w);
      });
      const deletions = got.conflicts.filter((c) => c.kind.startsWith('deleted')).map((c) => [c.id, c.kind]);
      assert.deepStrictEqual(deletions, want.deleted);
    }), { numRuns: 300 });
  });
});
