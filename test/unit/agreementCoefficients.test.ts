// Agreement coefficients against published values: Krippendorff (2011) for α with missing data, Krippendorff (1995)
// for unitizing αu as DKPro Agreement reproduces it, Fleiss (1971) as Wikipedia works it, textbook Cohen's κ; a
// differential test against the npm package `krippendorff`; and properties that hold for any coding.
import * as assert from 'assert';
import fc from 'fast-check';
import { alpha as oracleAlpha } from 'krippendorff';
import { Code, Coding, codingFromCounts, coincidences, cohenKappa, fleissKappa, krippendorffAlpha } from '../../src/core/review/agreement/coefficients';
import { Segment, unitizingAlpha } from '../../src/core/review/agreement/unitizing';

const close = (actual: number | null, expected: number, tolerance: number, what = '') => {
  assert.ok(actual !== null, `${what}: null`);
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} is not ${expected} ± ${tolerance}`);
};

/** Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the 4 observers × 12 units example. */
const K2011: (number | undefined)[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, undefined, undefined, undefined],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, undefined, 3],
  [undefined, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, undefined],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, undefined],
];
/** Rows are units, cells are coders. */
const byUnit = <T>(coders: T[][]): T[][] => coders[0].map((_, u) => coders.map((c) => c[u]));

describe('Krippendorff\'s α', () => {
  it('reproduces the 2011 worked example with missing data: nominal 0.743, interval 0.849', () => {
    const nominal = krippendorffAlpha(byUnit(K2011), 'nominal');
    close(nominal.value, 0.743, 0.0005, 'nominal');
    // Unit 12 has a single value: not pairable, it drops out and is counted.
    assert.strictEqual(nominal.used, 11);
    assert.strictEqual(nominal.excluded, 1);
    assert.strictEqual(nominal.values, 40);
    close(krippendorffAlpha(byUnit(K2011), 'interval').value, 0.849, 0.0005, 'interval');
  });

  it('is 1 for identical codings and null (0/0) when every value is the same', () => {
    assert.strictEqual(krippendorffAlpha([['a', 'a'], ['b', 'b']]).value, 1);
    const flat = krippendorffAlpha([['a', 'a'], ['a', 'a']]);
    assert.strictEqual(flat.value, null);
    assert.match(flat.why ?? '', /no variation/);
  });

  it('agrees with the npm package krippendorff (nominal and interval) on random codings with missing values', () => {
    const cell = fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined, freq: 4 });
    const coding = fc.integer({ min: 2, max: 5 }).chain((coders) => fc.array(fc.array(cell, { minLength: coders, maxLength: coders }), { minLength: 3, maxLength: 30 }));
    fc.assert(fc.property(coding, (units) => {
      const mine = krippendorffAlpha(units, 'nominal');
      const pairable = units.filter((u) => u.filter((v) => v !== undefined).length >= 2);
      const vals = new Set(pairable.flat().filter((v) => v !== undefined));
      fc.pre(pairable.length > 0 && vals.size > 1);
      const coders = units[0].map((_, c) => units.map((u) => u[c]));
      close(mine.value, oracleAlpha(coders), 1e-9, 'nominal');
      close(krippendorffAlpha(units, 'interval').value, oracleAlpha(coders, (a: number, b: number) => (a - b) ** 2), 1e-9, 'interval');
    }), { numRuns: 200 });
  });

  it('does not depend on the order of units or of coders', () => {
    const coding = fc.array(fc.array(fc.option(fc.constantFrom('A', 'B', 'O'), { nil: undefined }), { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 40 });
    fc.assert(fc.property(coding, (units) => {
      const a = krippendorffAlpha(units).value;
      const shuffled = [...units].reverse().map((u) => [u[2], u[0], u[1]]);
      const b = krippendorffAlpha(shuffled).value;
      assert.ok(a === b || (a !== null && b !== null && Math.abs(a - b) < 1e-12));
    }));
  });

  it('builds the coincidence matrix: each unit\'s pairs weighted 1/(m−1), summing to the pairable values', () => {
    const { categories, matrix } = coincidences([['a', 'a', 'b'], ['b', 'b', undefined], ['a', undefined, undefined]]);
    assert.deepStrictEqual(categories, ['a', 'b']);
    assert.deepStrictEqual(matrix, [[1, 1], [1, 2]]);
  });
});

describe('weighted rows', () => {
  it('give the same figures as the rows repeated', () => {
    const row = fc.array(fc.option(fc.constantFrom('A', 'B', 'O'), { nil: undefined }), { minLength: 3, maxLength: 3 });
    fc.assert(fc.property(fc.array(fc.tuple(row, fc.integer({ min: 1, max: 4 })), { minLength: 1, maxLength: 12 }), (rows) => {
      const expanded = rows.flatMap(([r, w]) => new Array<(string | undefined)[]>(w).fill(r));
      const coding = rows.map(([r]) => r);
      const weights = rows.map(([, w]) => w);
      const same = (x: { value: number | null; used: number; excluded: number }, y: typeof x) => {
        assert.strictEqual(x.used, y.used);
        assert.strictEqual(x.excluded, y.excluded);
        assert.ok(x.value === y.value || (x.value !== null && y.value !== null && Math.abs(x.value - y.value) < 1e-9), `${x.value} ${y.value}`);
      };
      same(krippendorffAlpha(coding, 'nominal', weights), krippendorffAlpha(expanded));
      same(fleissKappa(coding, weights), fleissKappa(expanded));
      same(cohenKappa(coding.map((r) => r[0]), coding.map((r) => r[1]), weights), cohenKappa(expanded.map((r) => r[0]), expanded.map((r) => r[1])));
    }));
  });
});

describe('Cohen\'s κ', () => {
  it('reproduces the textbook 2×2 case: p_o 0.7, p_e 0.5, κ 0.4', () => {
    // Wikipedia's example: 50 proposals; both yes 20, A yes B no 5, A no B yes 10, both no 15.
    const a = [...Array<string>(25).fill('yes'), ...Array<string>(25).fill('no')];
    const b = [...Array<string>(20).fill('yes'), ...Array<string>(5).fill('no'), ...Array<string>(10).fill('yes'), ...Array<string>(15).fill('no')];
    const k = cohenKappa(a, b);
    close(k.value, 0.4, 1e-12, 'κ');
    close(k.observed, 0.7, 1e-12, 'p_o');
    close(k.expected, 0.5, 1e-12, 'p_e');
  });

  it('reproduces DKPro\'s digitised Krippendorff (1995) case A: κ 0.385, α 0.329', () => {
    const bertha = [0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0];
    const bill = [0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0];
    close(cohenKappa(bertha, bill).value, 0.385, 0.001, 'κ');
    close(krippendorffAlpha(bertha.map((x, i) => [x, bill[i]])).value, 0.329, 0.001, 'α');
  });

  it('excludes and counts units one coder did not code', () => {
    const k = cohenKappa(['a', 'b', undefined, 'a'], ['a', 'b', 'b', undefined]);
    assert.strictEqual(k.used, 2);
    assert.strictEqual(k.excluded, 2);
    assert.strictEqual(k.value, 1);
  });

  it('is symmetric in its coders', () => {
    const codes = fc.array(fc.tuple(fc.constantFrom('A', 'B', 'O'), fc.constantFrom('A', 'B', 'O')), { minLength: 1, maxLength: 50 });
    fc.assert(fc.property(codes, (pairs) => {
      const x = cohenKappa(pairs.map((p) => p[0]), pairs.map((p) => p[1])).value;
      const y = cohenKappa(pairs.map((p) => p[1]), pairs.map((p) => p[0])).value;
      assert.ok(x === y || (x !== null && y !== null && Math.abs(x - y) < 1e-12));
    }));
  });
});

describe('Fleiss\' κ', () => {
  it('reproduces Fleiss (1971) as Wikipedia works it: 10 subjects, 14 raters, 5 categories, κ 0.210', () => {
    const table = [
      [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ];
    const k = fleissKappa(codingFromCounts(table));
    close(k.value, 0.21, 0.001, 'κ');
    close(k.observed, 0.378, 0.001, 'P̄');
    close(k.expected, 0.213, 0.001, 'P̄e');
    assert.strictEqual(k.used, 10);
  });

  it('counts units a coder did not code as excluded (Fleiss needs complete data)', () => {
    const coding: Coding<Code> = [['a', 'a', 'a'], ['b', 'b', 'a'], ['a', undefined, 'a']];
    const k = fleissKappa(coding);
    assert.strictEqual(k.used, 2);
    assert.strictEqual(k.excluded, 1);
  });
});

/** Krippendorff (1995: p. 57), as DKPro's Krippendorff1995Test builds it: two coders, a continuum of 24 × stretch. */
function example1995(stretch: number): { segments: Segment[]; length: number } {
  const u = (start: number, length: number, coder: number, category: string): Segment => ({
    coder, category, start: Math.trunc(start * stretch), end: Math.trunc(start * stretch) + Math.trunc(length * stretch),
  });
  return {
    length: Math.trunc(24 * stretch),
    segments: [
      u(2, 8, 0, 'A'), u(14, 6, 0, 'A'), u(4, 4, 1, 'A'), u(15, 2, 1, 'A'),
      u(0, 18, 0, 'B'), u(0, 2, 1, 'B'), u(2, 1, 1, 'B'), u(3, 1, 1, 'B'), u(4, 1, 1, 'B'), u(5, 1, 1, 'B'), u(6, 3, 1, 'B'), u(9, 1, 1, 'B'),
      u(2, 6, 0, 'C'), u(10, 2, 0, 'C'), u(14, 4, 0, 'C'), u(20, 2, 0, 'C'), u(0, 2, 1, 'C'), u(4, 4, 1, 'C'), u(10, 4, 1, 'C'), u(16, 2, 1, 'C'), u(20, 2, 1, 'C'),
      u(0, 2, 0, 'D'), u(2, 8, 0, 'D'), u(10, 4, 0, 'D'), u(14, 6, 0, 'D'), u(20, 4, 0, 'D'), u(0, 4, 1, 'D'), u(4, 4, 1, 'D'), u(8, 7, 1, 'D'), u(15, 2, 1, 'D'), u(17, 7, 1, 'D'),
    ],
  };
}

describe('Krippendorff\'s unitizing αu', () => {
  it('reproduces the 1995 example\'s observed disagreement per category: 0.03125, 2.26736, 0.02777, 0.38715', () => {
    const { segments, length } = example1995(1);
    const a = unitizingAlpha({ coders: 2, begin: 0, length, segments });
    close(a.categories.A.observed, 0.03125, 0.00001, 'A');
    close(a.categories.B.observed, 2.26736, 0.00001, 'B');
    close(a.categories.C.observed, 0.02777, 0.00001, 'C');
    close(a.categories.D.observed, 0.38715, 0.00001, 'D');
  });

  it('reproduces DKPro\'s expected disagreement and αu per category on the stretched example', () => {
    const { segments, length } = example1995(1200000 / 24);
    const a = unitizingAlpha({ coders: 2, begin: 0, length, segments });
    close(a.categories.A.expected, 0.0699, 0.005, 'D_e A');
    close(a.categories.B.expected, 1.17731, 0.005, 'D_e B');
    close(a.categories.C.expected, 0.08642, 0.005, 'D_e C');
    close(a.categories.D.expected, 0.41445, 0.005, 'D_e D');
    close(a.categories.A.value, 0.553, 0.02, 'αu A');
    close(a.categories.B.value, -0.926, 0.02, 'αu B');
    close(a.categories.C.value, 0.679, 0.02, 'αu C');
    close(a.categories.D.value, 0.066, 0.02, 'αu D');
  });

  it('reproduces the short-continuum expected disagreement of category C: 0.05494 (stretch 1/2)', () => {
    const { segments, length } = example1995(12 / 24);
    const a = unitizingAlpha({ coders: 2, begin: 0, length, segments });
    close(a.categories.C.observed, 0.02777, 0.00001, 'D_o C');
    close(a.categories.C.expected, 0.05494, 0.00001, 'D_e C');
  });

  it('does not depend on the order of coders', () => {
    const seg = fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 90 }), fc.integer({ min: 1, max: 9 }), fc.constantFrom('X', 'Y'))
      .map(([coder, start, len, category]): Segment => ({ coder, start, end: start + len, category }));
    fc.assert(fc.property(fc.array(seg, { minLength: 1, maxLength: 20 }), (segments) => {
      const a = unitizingAlpha({ coders: 3, begin: 0, length: 100, segments }).overall;
      const b = unitizingAlpha({ coders: 3, begin: 0, length: 100, segments: segments.map((x) => ({ ...x, coder: (x.coder + 1) % 3 })) }).overall;
      assert.ok(a === b || (a !== null && b !== null && Math.abs(a - b) < 1e-9), `${a} ${b}`);
    }));
  });

  it('is 1 for identical unitizations and merges a coder\'s overlapping units of one category (counted)', () => {
    const same = unitizingAlpha({ coders: 3, begin: 0, length: 50, segments: [0, 1, 2].flatMap((coder) => [{ coder, start: 3, end: 9, category: 'X' }, { coder, start: 20, end: 31, category: 'Y' }]) });
    assert.strictEqual(same.overall, 1);
    const merged = unitizingAlpha({ coders: 2, begin: 0, length: 50, segments: [{ coder: 0, start: 3, end: 9, category: 'X' }, { coder: 0, start: 5, end: 12, category: 'X' }, { coder: 1, start: 3, end: 12, category: 'X' }] });
    assert.strictEqual(merged.merged, 1);
    assert.strictEqual(merged.categories.X.value, 1);
  });
});
