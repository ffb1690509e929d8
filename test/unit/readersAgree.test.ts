import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { Layer } from '../../src/core/model';
import { ArticleSession } from '../../src/core/session/session';
import { sidecarPathFor } from '../../src/core/store/paths';
import { readPlainYaml } from '../../src/core/store/plainYaml';
import { SidecarError } from '../../src/core/store/problems';
import { parseSidecar, readSidecarFast } from '../../src/core/store/sidecarFormat';
import { fixedOptions, SAMPLES, tmpCorpus } from './helpers/tmp';

/** Real sidecars: each sample article annotated through a session (entities, a claim with source, cue, link and note) and saved. */
function realSidecars(): string[] {
  const dir = tmpCorpus();
  const out: string[] = [];
  for (const name of fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.txt'))) {
    const article = path.join(dir, name);
    const s = ArticleSession.open(article, 'ana', fixedOptions());
    const cps = Array.from(s.article.text);
    const text = cps.join('');
    const words = [...text.matchAll(/\b[A-Z][a-z]+(?: [A-Z][a-z]+)?/g)].slice(0, 3);
    const cp = (i: number) => Array.from(text.slice(0, i)).length;
    for (const m of words) s.addEntity({ start: cp(m.index), end: cp(m.index) + Array.from(m[0]).length, label: 'ORG', note: 'a "quoted": note' });
    const said = text.indexOf(' said');
    s.addClaim({ start: 0, end: Math.min(40, cps.length), source: { name: 'Reuters: "wire"', span: { start: 0, end: 3, quote: '' } }, confidence: 0.75, factuality: 'reported',
      ...(said > 0 ? { cue: { start: cp(said) + 1, end: cp(said) + 5, quote: 'said' } } : {}), links: [{ relation: 'supports', article: 'b.txt', claim: 'c-1', quote: 'x' }] });
    s.setPublished('2024-12-16');
    s.reject('Monday', 'DATE');
    s.sidecar.save();
    out.push(fs.readFileSync(sidecarPathFor(article, 'ana'), 'utf8'));
  }
  return [...out, ...out.map((t) => t.replace(/\n/g, '\r\n'))];
}

type Outcome = { layer: Layer } | 'rejected';
function outcome(read: () => Layer): Outcome {
  try {
    return { layer: read() };
  } catch (e) {
    if (e instanceof SidecarError) return 'rejected';
    throw e;
  }
}

/** What a mutation inserts: YAML's line breaks, tabs, quotes, colons, indicators, escapes and odd characters. */
const PIECES = ['\r', '\n', '\r\n', '\t', '"', "'", ':', ': ', ' ', '  ', '#', ' #', '- ', '-', '\\', '\\r', '[', ']', '{', '}', ',', '&a ', '*a', '!', '|', '>', '?', '~',
  'null', 'true', '1', '-0', '0x1F', '1e3', '.5', 'x: 1\n', 'x-a: 1\n', 'id: e-1\n', '\u0085', '\u2028', '\ufeff', '\x7f', '\u00e9', '\ud83d', '\x00'];
type Mutation = { kind: 'flip'; at: number; code: number } | { kind: 'insert' | 'value'; at: number; line: number; piece: string } | { kind: 'delete' | 'swap' | 'repeat'; line: number };
const pieceArb = fc.constantFrom(...PIECES);
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), code: fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0x80, max: 0xffff })) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), line: fc.constant(0), piece: pieceArb }),
  // Most edits land inside a value (after "key: "), where they change what is read rather than break the structure.
  { arbitrary: fc.record({ kind: fc.constant('value' as const), at: fc.nat(), line: fc.nat(), piece: pieceArb }), weight: 4 },
  fc.record({ kind: fc.constantFrom('delete' as const, 'swap' as const, 'repeat' as const), line: fc.nat() }),
);

function mutate(text: string, m: Mutation): string {
  if (m.kind === 'flip') {
    const i = m.at % text.length;
    return text.slice(0, i) + String.fromCharCode(m.code) + text.slice(i + 1);
  }
  if (m.kind === 'insert') {
    const i = m.at % (text.length + 1);
    return text.slice(0, i) + m.piece + text.slice(i);
  }
  const lines = text.split('\n');
  const i = m.line % lines.length;
  if (m.kind === 'value') {
    const line = lines[i];
    const from = line.includes(': ') ? line.indexOf(': ') + 2 : line.length;
    const at = from + (m.at % (line.length - from + 1));
    lines[i] = line.slice(0, at) + m.piece + line.slice(at);
  } else if (m.kind === 'delete') lines.splice(i, 1);
  else if (m.kind === 'repeat') lines.splice(i, 0, lines[i]);
  else if (i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1], lines[i]];
  return lines.join('\n');
}

describe('one reading path: the fast reader and the careful parser agree', () => {
  const sidecars = realSidecars();

  it('reads the real sidecars without the careful parser, to the same layers', () => {
    for (const text of sidecars) {
      assert.notStrictEqual(readPlainYaml(text), undefined, JSON.stringify(text));
      assert.deepStrictEqual(readSidecarFast(text, 'x.ana.ann.yaml'), parseSidecar(text, 'x.ana.ann.yaml').layer);
    }
  });

  it('on random mutations of real sidecars, both reject, or both accept with deep-equal layers', function () {
    this.timeout(300_000);
    const counts = { runs: 0, bothRejected: 0, bothAccepted: 0, fastPath: 0 };
    fc.assert(fc.property(fc.nat(sidecars.length - 1), fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (which, mutations) => {
      const text = mutations.reduce(mutate, sidecars[which]);
      const fast = outcome(() => readSidecarFast(text, 'x.ana.ann.yaml'));
      const careful = outcome(() => parseSidecar(text, 'x.ana.ann.yaml').layer);
      counts.runs++;
      if (fast === 'rejected' || careful === 'rejected') {
        assert.strictEqual(fast, careful, `one reader rejects, the other accepts: ${JSON.stringify(text)}`);
        counts.bothRejected++;
        return;
      }
      assert.deepStrictEqual(fast.layer, careful.layer, `read differently: ${JSON.stringify(text)}`);
      counts.bothAccepted++;
      if (readPlainYaml(text) !== undefined) counts.fastPath++;
    }), { numRuns: Number(process.env.SIFT_PROPERTY_RUNS ?? 1500) });
    if (process.env.SIFT_PROPERTY_COUNTS) console.log(JSON.stringify(counts));
    assert.ok(counts.bothAccepted > counts.runs / 10 && counts.bothRejected > counts.runs / 10, JSON.stringify(counts));
  });
});
