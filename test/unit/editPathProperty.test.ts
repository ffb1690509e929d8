// The editor's edit path as a property: random sequences of VS Code-like change events (UTF-16, converted by the
// extension's own toCoreEdits) on texts with emoji and CRLF, including end-of-line changes and whole-document replaces
// sent as one change over the whole text, paragraph moves (cut, then paste) and pastes of copied text.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { aLayer } from '../builders/layer';
import { Annotation, SubSpan } from '../../src/core/model';
import { ArticleSession } from '../../src/core/session/session';
import { serializeSidecar } from '../../src/core/store/sidecarFormat';
import { sidecarPathFor } from '../../src/core/store/paths';
import { ContentChange, toCoreEdits } from '../../src/extension/platform/editChanges';
import { fixedOptions } from './helpers/tmp';

// 'NL' is a line break in the document's end-of-line; 'said' repeats, so identical copies abound.
const WORDS = ['Moscow', 'Damascus', 'said', 'the', 'ministry', 'said', '😀', '𝐀𝐁', 'e\u0301te\u0301', 'Assad', 'NL', 'Zoë', 'base', '🚀🚀', 'HTS'];

/** One code point of the text, with an identity that survives as long as the editor keeps that very character. */
interface Cell { ch: string; id: number }
let nextId = 0;
const cellsOf = (s: string): Cell[] => Array.from(s).map((ch) => ({ ch, id: nextId++ }));
const textOf = (cells: Cell[]) => cells.map((c) => c.ch).join('');
const u16 = (cells: Cell[], i: number) => textOf(cells.slice(0, i)).length;
const eolOf = (cells: Cell[]) => (textOf(cells).includes('\r\n') ? '\r\n' : '\n');
const words = (ws: string[], eol: string) => ws.map((w) => (w === 'NL' ? eol : w)).join(' ');

/** A position that does not split a CRLF (the editor never puts a cursor there). */
function snap(cells: Cell[], seed: number): number {
  const p = seed % (cells.length + 1);
  return p > 0 && p < cells.length && cells[p - 1].ch === '\r' && cells[p].ch === '\n' ? p - 1 : p;
}

/** One change event: the VS Code changes (against the text before) and the cells after it. */
interface Event { kind: string; changes: ContentChange[]; after: Cell[] }

function replaceCells(cells: Cell[], a: number, b: number, text: string): Event {
  const ins = cellsOf(text);
  return { kind: 'edit', changes: [{ rangeOffset: u16(cells, a), rangeLength: u16(cells, b) - u16(cells, a), text }], after: [...cells.slice(0, a), ...ins, ...cells.slice(b)] };
}

const wholeChange = (cells: Cell[], after: Cell[]): ContentChange[] => [{ rangeOffset: 0, rangeLength: textOf(cells).length, text: textOf(after) }];

/** LF to CRLF or back, as VS Code sends it: one change over the whole document. Only line breaks are new. */
function eolEvent(cells: Cell[]): Event {
  const to = eolOf(cells) === '\r\n' ? '\n' : '\r\n';
  const after = cells.flatMap((c, i) => (c.ch === '\r' ? [] : c.ch === '\n' ? cellsOf(to) : cells[i + 1]?.ch === '\n' && c.ch === '\r' ? [] : [c]));
  return { kind: 'eol', changes: wholeChange(cells, after), after };
}

type Step = { kind: 'type' | 'delete' | 'replace' | 'paste' | 'multi' | 'eol' | 'move'; p: number; q: number; n: number; ws: string[] };

function events(cells: Cell[], s: Step): Event[] {
  const eol = eolOf(cells);
  const p = snap(cells, s.p);
  const end = snap(cells, p + s.n);
  switch (s.kind) {
    case 'type': return [replaceCells(cells, p, p, words(s.ws, eol))];
    case 'delete': return [replaceCells(cells, p, Math.max(p, end), '')];
    case 'replace': {
      // A whole-document replace (a formatter, a paste over everything) whose new text keeps most of the old.
      const local = replaceCells(cells, p, Math.max(p, end), words(s.ws, eol));
      return [{ kind: 'replace', changes: wholeChange(cells, local.after), after: local.after }];
    }
    case 'paste': {
      const copied = textOf(cells.slice(p, Math.max(p, end)));
      return [{ ...replaceCells(cells, snap(cells, s.q), snap(cells, s.q), copied), kind: 'paste' }];
    }
    case 'multi': {
      // Two cursors typing: VS Code sends both changes in one event, the later one first.
      const [a, b] = [p, snap(cells, s.q)].sort((x, y) => x - y);
      if (a === b) return [replaceCells(cells, a, a, 'x')];
      const first = replaceCells(cells, b, b, 'x');
      const second = replaceCells(first.after, a, a, 'y');
      return [{ kind: 'multi', changes: [...first.changes, ...second.changes], after: second.after }];
    }
    case 'eol': return [eolEvent(cells)];
    case 'move': return moveParagraph(cells, s.p, s.q);
  }
}

/** Cuts a paragraph (with the blank line after it) and pastes it before another: two events; pasted text is new. */
function moveParagraph(cells: Cell[], from: number, to: number): Event[] {
  const text = textOf(cells);
  const eol = eolOf(cells);
  const sep = eol + eol;
  const starts = [0, ...[...text.matchAll(new RegExp(sep, 'g'))].map((m) => m.index + sep.length)];
  const cpStart = (u: number) => Array.from(text.slice(0, u)).length;
  const i = from % starts.length;
  const a = cpStart(starts[i]);
  const b = i + 1 < starts.length ? cpStart(starts[i + 1]) : cells.length;
  const piece = textOf(cells.slice(a, b)) + (i + 1 < starts.length ? '' : sep);
  const cut = { ...replaceCells(cells, a, b, ''), kind: 'cut' };
  const rest = textOf(cut.after);
  const at = [0, ...[...rest.matchAll(new RegExp(sep, 'g'))].map((m) => m.index + sep.length)][to % starts.length] ?? 0;
  const p = Array.from(rest.slice(0, at)).length;
  return [cut, { ...replaceCells(cut.after, p, p, piece), kind: 'move' }];
}

const stepArb: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom<Step['kind'][]>('type', 'delete', 'replace', 'paste', 'multi', 'eol', 'move'),
  p: fc.nat(), q: fc.nat(), n: fc.integer({ min: 1, max: 60 }), ws: fc.array(fc.constantFrom(...WORDS), { maxLength: 5 }),
});

const paragraphArb = fc.array(fc.constantFrom(...WORDS.filter((w) => w !== 'NL')), { minLength: 6, maxLength: 25 });
/** Paragraphs separated by a blank line, in LF or CRLF; seeds for entities and claims (start, length) in code points. */
const caseArb = fc.record({
  paragraphs: fc.array(paragraphArb, { minLength: 2, maxLength: 5 }),
  crlf: fc.boolean(),
  entities: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 12 })), { minLength: 1, maxLength: 5 }),
  claims: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 5, max: 40 }), fc.nat(), fc.nat()), { minLength: 1, maxLength: 3 }),
  steps: fc.array(stepArb, { minLength: 1, maxLength: 8 }),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

const counts = { runs: 0, events: 0, eol: 0, replace: 0, move: 0, paste: 0, survivors: 0, onCopy: 0, orphaned: 0, subSpans: 0 };

/** A session on a fresh article whose sidecar (built with aLayer) holds the seeded annotations. */
function sessionFor(text: string, c: Case): ArticleSession | undefined {
  const cps = Array.from(text);
  const span = (s: number, n: number) => {
    const start = s % Math.max(1, cps.length - n);
    const end = Math.min(cps.length, start + n);
    return cps.slice(start, end).join('').trim() && !/^\n|\r$/.test(cps.slice(start, end).join('')) ? { start, end } : undefined;
  };
  let b = aLayer().forArticle(text, 'a.txt').by('ana');
  for (const [s, n] of c.entities) { const sp = span(s, n); if (sp) b = b.withEntity(sp, 'PLACE'); }
  for (const [s, n, cue, src] of c.claims) {
    const sp = span(s, n);
    const u = text.indexOf('said', text.length > 0 ? cue % text.length : 0);
    const cueAt = u === -1 ? undefined : Array.from(text.slice(0, u)).length;
    const srcSp = span(src, 6);
    if (sp) b = b.withClaim(sp, { source: 'X', cue: cueAt === undefined ? undefined : { start: cueAt, end: cueAt + 4 }, sourceSpan: srcSp });
  }
  const layer = b.build();
  if (layer.entities.length + layer.claims.length === 0) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-editprop-'));
  const file = path.join(dir, 'a.txt');
  fs.writeFileSync(file, text);
  fs.writeFileSync(sidecarPathFor(file, 'ana'), serializeSidecar(layer));
  return new ArticleSession(file, 'ana', text, fixedOptions());
}

const cpsText = (cells: Cell[], a: number, b: number) => textOf(cells.slice(Math.max(0, a), Math.max(0, b)));

/** The properties, checked after every event against the session before it. */
function check(s: ArticleSession, before: Annotation[], prev: Cell[], next: Cell[]): void {
  const now = new Map(s.all().map((a) => [a.id, a]));
  assert.deepStrictEqual([...now.keys()].sort(), before.map((a) => a.id).sort(), 'nothing is lost: every annotation is still in the layer');
  const where = new Map(next.map((c, i) => [c.id, i]));
  for (const a of before) {
    const b = now.get(a.id)!;
    if (b.orphaned) counts.orphaned++;
    if (a.orphaned) continue;
    const ids = prev.slice(a.start, a.end).map((c) => c.id);
    const n = where.get(ids[0]);
    const survived = n !== undefined && ids.every((id, k) => next[n + k]?.id === id);
    if (!survived) continue;
    counts.survivors++;
    assert.ok(!b.orphaned, `'${a.quote}' survived the edit but was orphaned`);
    if (b.start === n && b.end === n + ids.length) continue;
    // On an identical copy: only when its context no longer identifies the original.
    counts.onCopy++;
    assert.strictEqual(cpsText(next, b.start, b.end), a.quote, `'${a.quote}' was moved onto other text`);
    const full = a.prefix + a.quote + a.suffix;
    const at = (p: number) => cpsText(next, p - Array.from(a.prefix).length, p + Array.from(a.quote).length + Array.from(a.suffix).length) === full;
    assert.ok(!at(n) || at(b.start), `'${a.quote}' left its original at ${n}, whose context still identifies it, for ${b.start}`);
  }
}

/** Placed annotations stand on their quotes; sub-spans stay inside the text, on their quotes, or are orphaned. */
function checkSpans(s: ArticleSession): void {
  for (const a of s.all()) {
    if (a.orphaned) continue;
    assert.ok(a.end > a.start && s.article.inRange(a.start, a.end), `${a.id} is a non-empty span of the text`);
    assert.strictEqual(s.article.slice(a.start, a.end), a.quote);
  }
  const sub = (x: SubSpan | undefined) => {
    if (!x || x.orphaned) return;
    counts.subSpans++;
    assert.ok(s.article.inRange(x.start, x.end), `sub-span ${x.start}..${x.end} is inside the text (0..${s.article.length})`);
    assert.strictEqual(s.article.slice(x.start, x.end), x.quote, 'a sub-span\'s quote is the text at its offsets');
  };
  for (const c of s.layer.claims.filter((x) => !x.orphaned)) { sub(c.cue); sub(c.source.span); }
}

describe('the edit path (property)', () => {
  it('follows random change events: nothing lost, survivors placed on their text, sub-spans on theirs', function () {
    this.timeout(120_000);
    fc.assert(fc.property(caseArb, (c) => {
      const eol = c.crlf ? '\r\n' : '\n';
      let cells = cellsOf(c.paragraphs.map((p) => words(p, eol)).join(eol + eol));
      const s = sessionFor(textOf(cells), c);
      if (!s) return;
      counts.runs++;
      for (const step of c.steps) {
        for (const e of events(cells, step)) {
          const before = structuredClone(s.all());
          s.applyEdits(textOf(e.after), toCoreEdits(s.article.text, e.changes));
          s.restoreOrphans();
          counts.events++;
          if (e.kind in counts) counts[e.kind as 'eol']++;
          check(s, before, cells, e.after);
          cells = e.after;
          assert.strictEqual(s.article.text, textOf(cells));
          checkSpans(s);
        }
      }
    }), { numRuns: 200 });
    console.log(`      ${JSON.stringify(counts)}`);
    assert.ok(counts.eol > 50 && counts.replace > 50 && counts.move > 50 && counts.paste > 50, 'every kind of event ran');
    assert.ok(counts.survivors > 500 && counts.subSpans > 300, 'the properties checked something');
  });
});
