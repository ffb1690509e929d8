// The scalar rules' regular expressions, put together for speed (yamlScalar.ts), against the expressions they stand
// for, one by one: `yaml`'s core-schema tag tests (nonStringTests) and the three reasons a string is double-quoted.
import * as assert from 'assert';
import fc from 'fast-check';
import { forcedDouble, looksLikeOtherType, unitedTests } from '../../src/core/store/yamlScalar';
import { nonStringTests } from '../../src/core/store/yamlScalarTags';

/** Strings near every form the tag tests take (numbers in all notations, null and boolean words), and any text. */
const NEAR = fc.oneof(
  fc.array(fc.constantFrom('0', '1', '7', '9', 'a', 'F', '-', '+', '.', 'e', 'E', 'x', 'o', 'b', '_', 'inf', 'Inf', 'INF', 'nan', 'NaN', 'NAN', 'null', 'Null', 'NULL', '~', 'true', 'True', 'FALSE', ' ', '\n'), { maxLength: 6 }).map((p) => p.join('')),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ maxLength: 8 }),
);

describe('scalar rules: united regular expressions', () => {
  it('the tag tests as one expression match exactly the strings one of them matches', () => {
    const tests = nonStringTests();
    const { united, apart } = unitedTests(tests);
    assert.ok(united, 'the tests have no flags: they are put together');
    assert.deepStrictEqual(apart, []);
    fc.assert(fc.property(NEAR, (s) => {
      const one = tests.some((t) => t.test(s));
      assert.strictEqual(united.test(s), one, JSON.stringify(s));
      assert.strictEqual(looksLikeOtherType(s), one, JSON.stringify(s));
    }), { numRuns: 20000 });
    for (const s of ['', '~', 'null', 'True', '0o17', '-12', '0x1F', '.inf', '-.Inf', '.NaN', '1e3', '-1.5', '.5']) assert.ok(looksLikeOtherType(s), s);
    for (const s of ['nul', 'yes', '0x', '1e', '1_000', '2024-12-16', 'e0', ' 1']) assert.ok(!looksLikeOtherType(s), s);
  });

  it('keeps apart a test with flags, a named group or a back-reference, and still tries it', () => {
    const { united, apart } = unitedTests([/^a$/, /^b$/i, /^(?<n>c)$/, /^(d)\1$/]);
    assert.strictEqual(united?.source, '(?:^a$)');
    assert.deepStrictEqual(apart.map((t) => t.source), ['^b$', '^(?<n>c)$', '^(d)\\1$']);
    assert.strictEqual(unitedTests([/^b$/i]).united, undefined);
  });

  it('forces double quotes for exactly the strings with a break or tab, an edge space, a control character or a lone surrogate', () => {
    // The three expressions it was, one by one.
    // eslint-disable-next-line no-control-regex -- the characters `yaml` writes double-quoted
    const control = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;
    const was = (v: string) => /[\n\r\t]/.test(v) || /^\s|\s$/.test(v) || control.test(v);
    const odd = fc.constantFrom('\ud83d', '\udc00', '😀', '\u00a0', '\u2028', '\ufeff', '\x85', '\x7f', '\x0b', ' ', '\t', '\r', '\n', 'a', 'é');
    fc.assert(fc.property(fc.oneof(NEAR, fc.array(odd, { maxLength: 5 }).map((p) => p.join(''))), (s) => {
      assert.strictEqual(forcedDouble(s), was(s), JSON.stringify(s));
    }), { numRuns: 20000 });
  });
});
