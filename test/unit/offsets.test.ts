import * as assert from 'assert';
import fc from 'fast-check';
import { OffsetIndex, cpLength, sliceCp } from '../../src/core/text/offsets';

describe('offsets: code points <-> UTF-16', () => {
  const samples: [string, string][] = [
    ['emoji', 'Moscow 🇷🇺 said 😀 today'],
    ['mathematical letters', '𝐀𝐁𝐂 and 𝒳'],
    ['combining marks', 'Bashar al-Assad e\u0301te\u0301'],
    ['CRLF', 'line one\r\nline two 😀\r\n'],
    ['empty', ''],
  ];
  for (const [name, text] of samples) {
    it(`agrees with Python-style code point slicing (${name})`, () => {
      const cps = Array.from(text);
      const idx = new OffsetIndex(text);
      assert.strictEqual(idx.cpLength, cps.length);
      assert.strictEqual(cpLength(text), cps.length);
      for (let cp = 0; cp <= cps.length; cp++) {
        assert.strictEqual(idx.toUtf16(cp), cps.slice(0, cp).join('').length);
        assert.strictEqual(idx.toCp(idx.toUtf16(cp)), cp);
      }
    });
  }

  it('counts an emoji as one code point and a combining mark as its own', () => {
    const text = 'a😀e\u0301';
    assert.strictEqual(cpLength(text), 4);
    assert.strictEqual(sliceCp(text, 1, 2), '😀');
    assert.strictEqual(sliceCp(text, 2, 4), 'e\u0301');
  });

  it('counts CRLF as two code points, as the file holds it', () => {
    const text = 'a\r\nb';
    assert.strictEqual(cpLength(text), 4);
    assert.strictEqual(sliceCp(text, 3, 4), 'b');
  });

  it('rounds a UTF-16 offset inside a surrogate pair down to the pair', () => {
    const idx = new OffsetIndex('x😀y');
    assert.strictEqual(idx.toCp(2), 1);
    assert.strictEqual(idx.toCp(3), 2);
  });

  it('rejects offsets out of range with a RangeError', () => {
    const idx = new OffsetIndex('ab😀');
    assert.throws(() => idx.toUtf16(4), RangeError);
    assert.throws(() => idx.toUtf16(-1), RangeError);
    assert.throws(() => idx.toUtf16(1.5), RangeError);
    assert.throws(() => idx.toCp(5), RangeError);
  });

  it('round-trips on random strings with astral characters (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.nat(), (text, n) => {
      const cps = Array.from(text);
      const idx = new OffsetIndex(text);
      const cp = n % (cps.length + 1);
      const u16 = idx.toUtf16(cp);
      assert.strictEqual(u16, cps.slice(0, cp).join('').length);
      assert.strictEqual(idx.toCp(u16), cp);
      assert.strictEqual(sliceCp(text, 0, cp, idx), cps.slice(0, cp).join(''));
    }), { numRuns: 500 });
  });

  it('maps every UTF-16 offset to the code point that contains it (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
      const idx = new OffsetIndex(text);
      for (let u = 0; u <= text.length; u++) {
        const cp = idx.toCp(u);
        assert.ok(idx.toUtf16(cp) <= u && u - idx.toUtf16(cp) <= 1);
      }
    }), { numRuns: 300 });
  });

  it('updates an index after an edit as a fresh index would (property)', () => {
    const unit = fc.constantFrom('a', 'b', '\n', '😀', '𝐀', 'é');
    fc.assert(fc.property(fc.array(unit, { maxLength: 40 }), fc.nat(), fc.nat(6), fc.array(unit, { maxLength: 5 }), (chars, p0, del, ins) => {
      const before = chars.join('');
      // Edit on code point boundaries, as an editor does.
      const cps = Array.from(before);
      const s = p0 % (cps.length + 1);
      const e = Math.min(cps.length, s + del);
      const start = cps.slice(0, s).join('').length;
      const oldEnd = cps.slice(0, e).join('').length;
      const insert = ins.join('');
      const after = before.slice(0, start) + insert + before.slice(oldEnd);
      const edited = OffsetIndex.edited(new OffsetIndex(before), after, start, oldEnd, start + insert.length);
      const fresh = new OffsetIndex(after);
      assert.strictEqual(edited.cpLength, fresh.cpLength);
      for (let cp = 0; cp <= fresh.cpLength; cp++) assert.strictEqual(edited.toUtf16(cp), fresh.toUtf16(cp));
    }), { numRuns: 500 });
  });
});
