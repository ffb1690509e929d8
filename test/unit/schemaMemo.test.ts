// The merge's schema check with a memo (schemaMemo.ts): reads of several documents through one ItemMemo, sharing
// annotations, give exactly what each read alone gives: the same layers and warnings, the same refusals.
import * as assert from 'assert';
import fc from 'fast-check';
import { ItemMemo } from '../../src/core/store/plainYaml';
import { SidecarError } from '../../src/core/store/problems';
import { ITEM_LISTS } from '../../src/core/store/schemaMemo';
import { SIDECAR_SCHEMA } from '../../src/core/store/sidecarKeys';
import { assertLoads, readSidecar } from '../../src/core/store/sidecarFormat';

const FILE = 'a.ana.ann.yaml';
const HEAD = `sift: 1\narticle: a.txt\nannotator: ana\nsha256: ${'a'.repeat(64)}\nlength: 99\n`;
/** List items, valid and not, as entities, claims or either: each a text the reader may share between documents. */
const ITEMS = [
  '  - id: e1\n    label: ORG\n    start: 0\n    end: 3\n    quote: abc\n    prefix: ""\n    suffix: ""\n',
  '  - id: e2\n    label: PLACE\n    start: 4\n    end: 6\n    quote: de\n    prefix: ""\n    suffix: ""\n',
  '  - id: e3\n    label: org\n    start: 0\n    end: 3\n    quote: abc\n    prefix: ""\n    suffix: ""\n',
  '  - id: e4\n    label: ORG\n    start: -1\n    end: 3\n    quote: abc\n    prefix: ""\n    suffix: ""\n',
  '  - id: e5\n    label: ORG\n    start: 0\n    end: 3\n    quote: abc\n    prefix: ""\n    suffix: ""\n    colour: red\n',
  '  - id: e6\n    label: ORG\n    start: 0\n    end: 3\n    quote: abc\n    prefix: ""\n    suffix: ""\n    x-mine: 1\n',
  '  - id: c1\n    start: 0\n    end: 3\n    quote: abc\n    prefix: ""\n    suffix: ""\n    source:\n      name: TASS\n    confidence: 0.5\n',
  '  - id: c2\n    start: 0\n    end: 3\n    quote: abc\n    prefix: ""\n    suffix: ""\n    source:\n      name: ""\n    confidence: 0.5\n',
  '  - id: c3\n    start: 0\n    end: 3\n    quote: abc\n    prefix: ""\n    suffix: ""\n    source:\n      name: TASS\n    confidence: 2\n',
];

const doc = (entities: number[], claims: number[]) =>
  `${HEAD}entities:${entities.length ? `\n${entities.map((i) => ITEMS[i]).join('')}` : ' []\n'}claims:${claims.length ? `\n${claims.map((i) => ITEMS[i]).join('')}` : ' []\n'}`;

/** A read's outcome: the layer and warnings' codes, or the refusal's codes. */
function outcome(read: () => { layer: unknown; warnings: { code: string }[] }): unknown {
  try {
    const r = read();
    return { layer: r.layer, warnings: r.warnings.map((w) => w.code) };
  } catch (e) {
    if (e instanceof SidecarError) return e.problems.map((p) => p.code);
    throw e;
  }
}
const loads = (f: () => void) => { try { f(); return 'loads'; } catch (e) { return e instanceof SidecarError ? e.problems.map((p) => p.code).join(',') : `crash ${String(e)}`; } };

describe('schema check shared by a merge\'s reads', () => {
  it('reads documents sharing annotations through one memo exactly as each alone', () => {
    const ids = fc.array(fc.nat(ITEMS.length - 1), { maxLength: 4 }).map((xs) => [...new Set(xs)]);
    let refused = 0;
    fc.assert(fc.property(fc.array(fc.tuple(ids, ids), { minLength: 2, maxLength: 4 }), (docs) => {
      const memo = new ItemMemo();
      for (const [e, c] of docs) {
        const text = doc(e, c.filter((i) => !e.includes(i)));
        const alone = outcome(() => readSidecar(text, FILE));
        if (Array.isArray(alone)) refused++;
        assert.deepStrictEqual(outcome(() => readSidecar(text, FILE, memo)), alone, text);
        assert.strictEqual(loads(() => assertLoads(text, FILE, undefined, memo)), loads(() => assertLoads(text, FILE)), text);
      }
    }), { numRuns: 500 });
    assert.ok(refused > 100, `documents refused: ${refused}`);
  });

  it('an annotation valid in one list is checked again in another (the memo keeps validity by list)', () => {
    const memo = new ItemMemo();
    const asEntity = doc([0], []);
    const asClaim = doc([], [0]);
    assert.ok(readSidecar(asEntity, FILE, memo).layer.entities.length === 1);
    assert.deepStrictEqual(outcome(() => readSidecar(asClaim, FILE, memo)), outcome(() => readSidecar(asClaim, FILE)));
    assert.ok(Array.isArray(outcome(() => readSidecar(asClaim, FILE))), 'an entity is no claim');
  });

  it('a document with duplicate ids does not change what an earlier read through the memo returned', () => {
    const memo = new ItemMemo();
    const first = readSidecar(doc([0, 1], []), FILE, memo).layer;
    const before = JSON.stringify(first);
    // e1 twice: another text first, then the one the first document holds (the same object, from the memo).
    const twice = doc([0], []).replace('entities:\n', `entities:\n${ITEMS[0].replace('quote: abc', 'quote: abd')}`);
    const second = readSidecar(twice, FILE, memo);
    assert.deepStrictEqual(second.layer.entities.map((e) => e.id), ['e1', 'e1-dup-2']);
    assert.strictEqual(JSON.stringify(first), before);
  });

  it('checks each list\'s items on their own: the schema has no rule over a whole list', () => {
    const props = SIDECAR_SCHEMA.properties as Record<string, Record<string, unknown>>;
    for (const list of ITEM_LISTS) assert.deepStrictEqual(Object.keys(props[list]).filter((k) => k !== 'description').sort(), ['items', 'type'], list);
  });
});
