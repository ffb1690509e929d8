// The editor's edit path: end-of-line changes, whole-document replaces, cut and paste, and surrogate pairs.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { reanchor } from '../../src/core/anchor/anchor';
import { ClaimAnnotation, SubSpan } from '../../src/core/model';
import { ArticleSession } from '../../src/core/session/session';
import { validateSidecar } from '../../src/core/store/validate';
import { ArticleText } from '../../src/core/text/article';
import { ContentChange, toCoreEdits } from '../../src/extension/platform/editChanges';
import { fixedOptions } from './helpers/tmp';

const PARAS = [
  'Moscow, Dec 16 (IANS) In a statement on Monday, Russia has evacuated some of its diplomats 😀 from Damascus, the Russian Foreign Ministry said. It gave no figures, and the embassy in the Syrian capital stays open for now, officials added.',
  'The embassy continues to function, the ministry said on Monday.',
  'Rebels took Homs 🚀 overnight, a monitor said, and Assad fled to Moscow.',
];

/** A fresh article file with the given text; returns its path. */
function article(text: string, name = 'a.txt'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-editpath-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const cpAt = (text: string, needle: string, from = 0) => Array.from(text.slice(0, text.indexOf(needle, from))).length;

/** A session on `text` with entities on every 'Moscow' and a claim with cue and source on the first paragraph. */
function annotated(text: string): { s: ArticleSession; claim: ClaimAnnotation } {
  const s = new ArticleSession(article(text), 'ana', text, fixedOptions());
  for (let u = text.indexOf('Moscow'); u !== -1; u = text.indexOf('Moscow', u + 1)) {
    const at = cpAt(text, 'Moscow', u);
    s.addEntity({ start: at, end: at + 6, label: 'PLACE' });
  }
  const c0 = cpAt(text, 'Russia has');
  const src = cpAt(text, 'Russian Foreign Ministry');
  const cue = cpAt(text, 'said', text.indexOf('Russian Foreign'));
  const claim = s.addClaim({ start: c0, end: cpAt(text, ' from Damascus'), source: { name: 'Russian Foreign Ministry', span: { start: src, end: src + 24, quote: '' } }, confidence: 0.9, cue: { start: cue, end: cue + 4, quote: '' } });
  return { s, claim };
}

/** Applies VS Code-like changes (UTF-16, against `before`) through the same conversion the extension uses. */
function edit(s: ArticleSession, changes: ContentChange[]): void {
  const before = s.article.text;
  let after = before;
  for (const c of [...changes].sort((a, b) => b.rangeOffset - a.rangeOffset)) after = after.slice(0, c.rangeOffset) + c.text + after.slice(c.rangeOffset + c.rangeLength);
  s.applyEdits(after, toCoreEdits(before, changes));
  s.restoreOrphans();
}

const whole = (before: string, text: string): ContentChange => ({ rangeOffset: 0, rangeLength: before.length, text });
const insert = (at: number, text: string): ContentChange => ({ rangeOffset: at, rangeLength: 0, text });

/** Every placed annotation stands on its quote; every sub-span that is not flagged orphaned stands on its own. */
function assertConsistent(s: ArticleSession): void {
  const sub = (x: SubSpan | undefined, what: string) => {
    if (!x || x.orphaned) return;
    assert.ok(s.article.inRange(x.start, x.end), `${what} ${x.start}..${x.end} is inside the text`);
    assert.strictEqual(s.article.slice(x.start, x.end), x.quote, `${what}'s quote is the text at its offsets`);
  };
  for (const a of s.all()) {
    if (a.orphaned) continue;
    assert.ok(s.article.inRange(a.start, a.end) && a.end > a.start, `${a.id} ${a.start}..${a.end} is a non-empty span of the text`);
    assert.strictEqual(s.article.slice(a.start, a.end), a.quote, `${a.id}'s quote is the text at its offsets`);
  }
  for (const c of s.layer.claims) {
    sub(c.cue, `${c.id}'s cue`);
    sub(c.source.span, `${c.id}'s source span`);
  }
}

describe('the edit path: end-of-line changes and whole-document replaces', () => {
  it('an LF to CRLF change, sent as one change over the whole document, orphans nothing', () => {
    const lf = `Moscow\n${PARAS.join('\n\n')}\nMoscow`;
    const { s } = annotated(lf);
    const crlf = lf.replace(/\n/g, '\r\n');
    edit(s, [whole(lf, crlf)]);
    assert.deepStrictEqual(s.all().filter((a) => a.orphaned).map((a) => a.quote), []);
    const moscows = [...crlf.matchAll(/Moscow/g)].map((m) => cpAt(crlf, 'Moscow', m.index));
    assert.deepStrictEqual(s.layer.entities.map((e) => e.start).sort((a, b) => a - b), moscows);
    assertConsistent(s);
    // And back, CRLF to LF.
    edit(s, [whole(crlf, lf)]);
    assert.deepStrictEqual(s.all().filter((a) => a.orphaned).map((a) => a.quote), []);
    assertConsistent(s);
  });

  it('keeps a claim\'s cue and source on their words through an end-of-line change and the next keystroke', () => {
    const lf = `Headline\n\n${PARAS.join('\n\n')}`;
    const { s, claim } = annotated(lf);
    const crlf = lf.replace(/\n/g, '\r\n');
    edit(s, [whole(lf, crlf)]);
    edit(s, [insert(0, 'x')]);
    const c = s.find(claim.id) as ClaimAnnotation;
    const text = `x${crlf}`;
    assert.deepStrictEqual(c.cue, { start: cpAt(text, 'said'), end: cpAt(text, 'said') + 4, quote: 'said' });
    assert.deepStrictEqual(c.source.span, { start: cpAt(text, 'Russian Foreign'), end: cpAt(text, 'Russian Foreign') + 24, quote: 'Russian Foreign Ministry' });
    assertConsistent(s);
  });

  it('re-anchors a whole-document replace by quote and context', () => {
    const text = PARAS.join('\n');
    const { s, claim } = annotated(text);
    const next = `BREAKING\n${PARAS[2]}\n${PARAS[0]}\n${PARAS[1]}`;
    edit(s, [whole(text, next)]);
    const c = s.find(claim.id) as ClaimAnnotation;
    assert.ok(!c.orphaned);
    assert.strictEqual(c.start, cpAt(next, 'Russia has'));
    assert.strictEqual(c.cue!.start, cpAt(next, 'said', next.indexOf('Russian Foreign')));
    assert.strictEqual(s.layer.entities.filter((e) => !e.orphaned).length, 2);
    assertConsistent(s);
  });
});

describe('the edit path: cut and paste', () => {
  it('a claim cut with its paragraph and pasted back as its sentence with some context: no throw, sub-spans re-placed or orphaned', () => {
    const p0 = PARAS[0];
    const text = `${PARAS[1]}\n\n${PARAS[2]}\n\n${p0}`;
    const { s, claim } = annotated(text);
    // Cut the last paragraph (and the blank line before it).
    edit(s, [{ rangeOffset: text.length - p0.length - 2, rangeLength: p0.length + 2, text: '' }]);
    assert.ok(s.find(claim.id)!.orphaned);
    // Paste back, at the top, only its sentence with some context.
    const sentence = p0.slice(p0.indexOf('Russia has') - 40, p0.indexOf('said.') + 5);
    edit(s, [insert(0, `${sentence}\n\n`)]);
    // Type one character at the top, then another.
    edit(s, [insert(0, 'x')]);
    edit(s, [insert(1, 'y')]);
    const c = s.find(claim.id) as ClaimAnnotation;
    assert.ok(!c.orphaned, 'the claim is found again in the pasted sentence');
    const now = s.article.text;
    assert.strictEqual(c.start, cpAt(now, 'Russia has'));
    assert.deepStrictEqual([c.cue!.quote, c.cue!.orphaned], ['said', undefined]);
    assert.strictEqual(c.cue!.start, cpAt(now, 'said', now.indexOf('Russia has')));
    assertConsistent(s);
  });

  it('a sub-span that falls out of the text is orphaned, never thrown', () => {
    const text = PARAS.join('\n\n');
    const { s, claim } = annotated(text);
    // A sub-span left out of range (as a stale one was): the next edit must not throw.
    const c = s.find(claim.id) as ClaimAnnotation;
    c.cue = { start: 9000, end: 9004, quote: 'said' };
    edit(s, [insert(0, 'x')]);
    assert.strictEqual((s.find(claim.id) as ClaimAnnotation).cue!.orphaned, true);
    assertConsistent(s);
  });
});

describe('the edit path: surrogate pairs', () => {
  it('never re-anchors a quote that ends inside a surrogate pair onto an empty span or half a pair', () => {
    const art = new ArticleText('Putin 😀 met Assad 😀 in Moscow.');
    for (const quote of ['\ud83d', 'Putin \ud83d', '\ude00 met']) {
      const r = reanchor({ start: 0, end: 3, quote, prefix: '', suffix: '' }, art);
      if (r.outcome === 'orphaned') continue;
      assert.ok(r.anchor.end > r.anchor.start, `'${quote}' is not placed on an empty span`);
      assert.strictEqual(r.anchor.quote, art.slice(r.anchor.start, r.anchor.end));
      assert.ok(!/[\ud800-\udbff]$|^[\udc00-\udfff]/.test(r.anchor.quote), `'${r.anchor.quote}' does not split a pair`);
    }
  });

  it('writes a sidecar that sift validate accepts after re-anchoring half an emoji', () => {
    const text = 'Putin 😀 met Assad 😀 in Moscow.';
    const file = article(text, 'half.txt');
    const side = path.join(path.dirname(file), 'half.ana.ann.yaml');
    const yaml = (quote: string) => `sift: 1\narticle: half.txt\nannotator: ana\nsha256: "${'0'.repeat(64)}"\nlength: 30\nentities:\n  - id: e-1\n    label: PLACE\n    start: 6\n    end: 7\n    quote: "${quote}"\nclaims:\n  - id: c-1\n    start: 0\n    end: 5\n    quote: Putin\n    source:\n      name: X\n      span:\n        start: 6\n        end: 7\n        quote: "${quote}"\n    confidence: 0.5\n`;
    fs.writeFileSync(side, yaml('\\ud83d'));
    const s = ArticleSession.open(file, 'ana', fixedOptions());
    assertConsistent(s);
    s.sidecar.save();
    assert.deepStrictEqual(validateSidecar(side).filter((p) => p.severity === 'error'), []);
  });
});
