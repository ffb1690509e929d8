import * as assert from 'assert';
import fc from 'fast-check';
import { fuzzyFind, reanchor, shiftSpan } from '../../src/core/anchor/anchor';
import { ArticleText } from '../../src/core/text/article';
import { sliceCp } from '../../src/core/text/offsets';

const ARTICLE = 'Moscow, Dec 16 (IANS) Russia has evacuated some of its diplomats out of the Syrian capital Damascus 😀 while its embassy continues to function, the Russian Foreign Ministry said.';

describe('anchoring: live edits (shiftSpan)', () => {
  const span = { start: 10, end: 20 };
  it('leaves a span alone when the edit is after it', () => {
    assert.deepStrictEqual(shiftSpan(span, { start: 25, end: 30, insert: 0 }), span);
  });
  it('shifts a span when text is inserted or deleted before it', () => {
    assert.deepStrictEqual(shiftSpan(span, { start: 2, end: 2, insert: 5 }), { start: 15, end: 25 });
    assert.deepStrictEqual(shiftSpan(span, { start: 2, end: 6, insert: 0 }), { start: 6, end: 16 });
  });
  it('keeps text typed at either boundary outside the span', () => {
    assert.deepStrictEqual(shiftSpan(span, { start: 10, end: 10, insert: 3 }), { start: 13, end: 23 });
    assert.deepStrictEqual(shiftSpan(span, { start: 20, end: 20, insert: 3 }), span);
  });
  it('grows or shrinks with an edit inside it', () => {
    assert.deepStrictEqual(shiftSpan(span, { start: 12, end: 12, insert: 4 }), { start: 10, end: 24 });
    assert.deepStrictEqual(shiftSpan(span, { start: 12, end: 15, insert: 0 }), { start: 10, end: 17 });
  });
  it('trims a span when an edit overlaps one end', () => {
    assert.deepStrictEqual(shiftSpan(span, { start: 5, end: 12, insert: 0 }), { start: 5, end: 13 });
    assert.deepStrictEqual(shiftSpan(span, { start: 18, end: 25, insert: 1 }), { start: 10, end: 19 });
  });
  it('orphans a span whose whole text is deleted', () => {
    assert.strictEqual(shiftSpan(span, { start: 10, end: 20, insert: 0 }), undefined);
    assert.strictEqual(shiftSpan(span, { start: 8, end: 22, insert: 0 }), undefined);
  });
});

describe('anchoring: re-anchor after the article changed', () => {
  const before = new ArticleText(ARTICLE);
  const anchorOf = (quote: string, from = 0) => {
    const u = ARTICLE.indexOf(quote, from);
    const s = Array.from(ARTICLE.slice(0, u)).length;
    return before.anchor(s, s + Array.from(quote).length);
  };

  it('keeps the old position when the quote still stands there', () => {
    const a = anchorOf('Damascus');
    const r = reanchor(a, new ArticleText(ARTICLE.replace('function', 'operate')));
    assert.strictEqual(r.outcome, 'same');
    assert.strictEqual(r.anchor.start, a.start);
  });

  it('finds the exact quote after text was inserted before it, across an emoji', () => {
    const a = anchorOf('Russian Foreign Ministry');
    const after = new ArticleText(`UPDATED 🚀🚀 ${ARTICLE}`);
    const r = reanchor(a, after);
    assert.strictEqual(r.outcome, 'exact');
    assert.strictEqual(r.anchor.start, a.start + 11);
    assert.strictEqual(after.slice(r.anchor.start, r.anchor.end), 'Russian Foreign Ministry');
  });

  it('picks the occurrence whose context agrees, not just the nearest', () => {
    const text = 'Russia said no. Later, the Syrian Russia envoy said yes. Russia said no.';
    const art = new ArticleText(text);
    const u = text.indexOf('Russia envoy');
    const a = art.anchor(u, u + 6);
    const changed = new ArticleText(`Russia Russia. ${text}`);
    const r = reanchor(a, changed);
    assert.strictEqual(changed.slice(r.anchor.start, r.anchor.end + 6), 'Russia envoy');
  });

  it('matches fuzzily when the quote itself was lightly edited', () => {
    const a = anchorOf('evacuated some of its diplomats');
    const after = new ArticleText(ARTICLE.replace('evacuated some of its diplomats', 'evacuated some of her diplomats'));
    const r = reanchor(a, after);
    assert.strictEqual(r.outcome, 'fuzzy');
    assert.strictEqual(r.anchor.quote, 'evacuated some of her diplomats');
  });

  it('orphans what cannot be found, keeping the old anchor', () => {
    const a = anchorOf('Damascus');
    const r = reanchor(a, new ArticleText('A completely different article about Kyiv.'));
    assert.strictEqual(r.outcome, 'orphaned');
    assert.deepStrictEqual(r.anchor, a);
  });

  it('never matches a short quote fuzzily', () => {
    const art = new ArticleText('the HTS said');
    const a = art.anchor(4, 7);
    assert.strictEqual(reanchor(a, new ArticleText('the ATS said')).outcome, 'orphaned');
  });

  it('fuzzyFind reports the best match with its start and cost', () => {
    const hit = fuzzyFind('xx abcdef yy', 'abXdef', 0, 12, 0, 2);
    assert.deepStrictEqual(hit, { start: 3, end: 9, cost: 1 });
  });
});

// Words with astral characters and accents, so that a quote with its context is unique in practice.
const WORDS = ['Moscow', 'Damascus', 'Khmeimim', 'Tartus', 'said', 'the', 'ministry', '😀', '𝐀𝐁', 'e\u0301te\u0301', 'Assad', 'base', '\r\n', 'HTS', 'Lababidi', 'naval', 'flight', 'air', 'Zoë'];
const textArb = fc.array(fc.constantFrom(...WORDS), { minLength: 40, maxLength: 120 }).map((w) => w.join(' '));

describe('anchoring: random edits (property)', () => {
  it('keeps every annotation whose quote and context survived, at its shifted place', () => {
    let checked = 0;
    fc.assert(fc.property(textArb, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 8 })), { minLength: 1, maxLength: 8 }),
      fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 6 }), fc.array(fc.constantFrom(...WORDS), { maxLength: 4 })), { minLength: 1, maxLength: 6 }),
      (text, spanSeeds, editSeeds) => {
        const cps = Array.from(text);
        const art = new ArticleText(text);
        const spans = spanSeeds.map(([s, len]) => {
          const start = s % Math.max(1, cps.length - len);
          return art.anchor(start, Math.min(cps.length, start + len));
        }).filter((a) => a.quote.trim().length > 0);
        // Apply edits from the end backwards so earlier offsets stay valid; remember each edit.
        let cur = cps.slice();
        const edits: { start: number; end: number; insert: number }[] = [];
        const sorted = editSeeds.map(([p, , del, ins]) => ({ p: p % (cps.length + 1), del, ins: Array.from(ins.join(' ')) })).sort((a, b) => b.p - a.p);
        let lastStart = Infinity;
        for (const e of sorted) {
          const end = Math.min(e.p + e.del, cur.length, lastStart);
          if (end < e.p) continue;
          cur = [...cur.slice(0, e.p), ...e.ins, ...cur.slice(end)];
          edits.push({ start: e.p, end, insert: e.ins.length });
          lastStart = e.p;
        }
        const after = new ArticleText(cur.join(''));
        for (const a of spans) {
          // The quote "survived" if no edit touched it or its context: it should be found where it moved to.
          const reach = { start: a.start - Array.from(a.prefix).length, end: a.end + Array.from(a.suffix).length };
          const touched = edits.some((e) => (e.start < reach.end && e.end > reach.start) || (e.start === e.end && e.start >= reach.start && e.start <= reach.end));
          if (touched) continue;
          const shift = edits.filter((e) => e.end <= reach.start).reduce((d, e) => d + e.insert - (e.end - e.start), 0);
          checked++;
          const r = reanchor(a, after);
          assert.notStrictEqual(r.outcome, 'orphaned', `'${a.quote}' was orphaned`);
          assert.strictEqual(r.anchor.start, a.start + shift, `'${a.quote}' landed at ${r.anchor.start}, expected ${a.start + shift}`);
          assert.strictEqual(sliceCp(after.text, r.anchor.start, r.anchor.end), a.quote);
        }
      }), { numRuns: 300 });
    // Most spans lie clear of the edits; if none did, the property above would have checked nothing.
    assert.ok(checked > 300, `${checked} surviving spans checked`);
  });

  it('live edits keep spans on their text (property)', () => {
    fc.assert(fc.property(textArb, fc.nat(), fc.integer({ min: 1, max: 10 }), fc.nat(), fc.integer({ min: 0, max: 5 }), fc.string({ unit: 'grapheme', maxLength: 5 }),
      (text, s0, len, p0, del, ins) => {
        const cps = Array.from(text);
        const start = s0 % Math.max(1, cps.length - len);
        const span = { start, end: Math.min(cps.length, start + len) };
        const p = p0 % (cps.length + 1);
        const end = Math.min(cps.length, p + del);
        const insCps = Array.from(ins);
        const after = [...cps.slice(0, p), ...insCps, ...cps.slice(end)];
        const moved = shiftSpan(span, { start: p, end, insert: insCps.length });
        const quote = cps.slice(span.start, span.end).join('');
        if (end <= span.start) {
          // Entirely before the span (or typed at its start): the span moves and keeps its text.
          assert.ok(moved);
          assert.strictEqual(after.slice(moved.start, moved.end).join(''), quote);
        } else if (p >= span.end) {
          // Entirely after it (or typed at its end): nothing moves.
          assert.deepStrictEqual(moved, span);
        } else if (moved) {
          assert.ok(moved.start >= 0 && moved.end <= after.length && moved.start < moved.end);
        } else {
          assert.ok(p <= span.start && end >= span.end, 'only deleting or replacing the whole span orphans it');
        }
      }), { numRuns: 500 });
  });
});
