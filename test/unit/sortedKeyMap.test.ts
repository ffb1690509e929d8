import * as assert from 'assert';
import * as fc from 'fast-check';
import { SortedKeyMap } from '../../src/core/corpus/corpusIndex';

describe('the corpus index\'s sorted key map', () => {
  it('gives the sorted keys after any sequence of sets, deletes and clears', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), key: fc.string({ maxLength: 4 }) }),
      fc.record({ kind: fc.constant('delete' as const), key: fc.string({ maxLength: 4 }) }),
      fc.record({ kind: fc.constant('clear' as const), key: fc.constant('') }),
      fc.record({ kind: fc.constant('read' as const), key: fc.constant('') }),
    );
    fc.assert(fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
      const m = new SortedKeyMap<number>();
      const plain = new Map<string, number>();
      ops.forEach((o, i) => {
        if (o.kind === 'set') { m.set(o.key, i); plain.set(o.key, i); }
        if (o.kind === 'delete') assert.strictEqual(m.delete(o.key), plain.delete(o.key));
        if (o.kind === 'clear') { m.clear(); plain.clear(); }
        assert.deepStrictEqual([...m.sortedKeys()], [...plain.keys()].sort());
      });
      assert.deepStrictEqual([...m.entries()].sort(), [...plain.entries()].sort());
    }));
  });
});
