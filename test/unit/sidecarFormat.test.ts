import * as assert from 'assert';
import { Layer } from '../../src/core/model';
import { SidecarError } from '../../src/core/store/problems';
import { readPlainYaml } from '../../src/core/store/plainYaml';
import { parseSidecar, serializeSidecar } from '../../src/core/store/sidecarFormat';
import { aLayer } from '../builders/layer';

/** A layer with emoji and CRLF in quotes and context, its entities out of order (as in memory after edits). */
function layer(): Layer {
  const l = aLayer().forArticle('Bob went in\r\n Ky😀v: "x", TASS said.', 'a.txt').by('ana')
    .withEntity('Bob', 'PERSON', { id: 'e-1', canonical: 'Robert' })
    .withEntity('Ky😀v', 'PLACE', { id: 'e-2', created: '2026-11-21T10:00:00Z', updated: '2026-11-21T10:00:00Z' })
    .withClaim('went in\r\n Ky😀v: "x"', { id: 'c-1', source: 'TASS', sourceSpan: true, confidence: 0.75, cue: 'said', factuality: 'reported' })
    .build();
  l.entities.reverse();
  return l;
}

function problems(src: string) {
  try {
    parseSidecar(src, 'x.ana.ann.yaml');
  } catch (e) {
    assert.ok(e instanceof SidecarError);
    return e.problems;
  }
  assert.fail('expected the sidecar to be refused');
}

describe('sidecar format', () => {
  it('round-trips a layer losslessly, with emoji and CRLF in quotes and context', () => {
    const text = serializeSidecar(layer());
    const back = parseSidecar(text, 'x').layer;
    const want = layer();
    want.entities.sort((a, b) => a.start - b.start);
    assert.deepStrictEqual(back, want);
  });

  it('writes block style, one annotation per block, sorted by start then id', () => {
    const text = serializeSidecar(layer());
    assert.ok(!/\{.*id:/.test(text), 'no flow-style annotations');
    assert.ok(text.indexOf('id: e-1') < text.indexOf('id: e-2'));
    assert.match(text, /prefix: "Bob went in\\r\\n "/, 'control characters are escaped on one line');
  });

  it('writes a long string with line breaks on one line, as the plain reader reads it', () => {
    const l = layer();
    l.claims[0].quote = `\n${'x'.repeat(60)}\nend`;
    const text = serializeSidecar(l);
    assert.ok(text.includes(`    quote: "\\n${'x'.repeat(60)}\\nend"\n`), text);
    assert.notStrictEqual(readPlainYaml(text), undefined);
  });

  it('saving without a change gives byte-identical output', () => {
    const first = serializeSidecar(layer());
    const parsed = parseSidecar(first, 'x');
    assert.strictEqual(serializeSidecar(parsed.layer, parsed.doc), first);
  });

  it('keeps comments, hand key order and unknown x- keys through a rewrite', () => {
    const hand = serializeSidecar(layer())
      .replace('  - id: e-1\n', '  # checked with the editor\n  - id: e-1\n    x-reviewed: yes\n')
      .replace('sift: 1\n', 'sift: 1 # format\n');
    const parsed = parseSidecar(hand, 'x');
    parsed.layer.entities[0].label = 'ORG';
    const out = serializeSidecar(parsed.layer, parsed.doc);
    assert.ok(out.includes('  # checked with the editor\n  - id: e-1\n    x-reviewed: yes\n    label: ORG\n'), out);
    assert.ok(out.includes('sift: 1 # format'));
    assert.strictEqual(out.replace('label: ORG', 'label: PERSON'), hand);
  });

  it('removes deleted annotations and adds new ones without touching the others', () => {
    const first = serializeSidecar(layer());
    const parsed = parseSidecar(first, 'x');
    parsed.layer.entities = parsed.layer.entities.filter((e) => e.id !== 'e-1');
    parsed.layer.entities.push({ id: 'e-0', label: 'ORG', start: 1, end: 2, quote: 'o', prefix: 'B', suffix: 'b' });
    const out = serializeSidecar(parsed.layer, parsed.doc);
    assert.ok(!out.includes('id: e-1'));
    assert.ok(out.indexOf('id: e-0') < out.indexOf('id: e-2'));
    assert.deepStrictEqual(parseSidecar(out, 'x').layer.entities.map((e) => e.id), ['e-0', 'e-2']);
  });

  it('reports YAML syntax errors with line and column', () => {
    const p = problems('sift: 1\narticle: a.txt\nentities:\n  - id: [unclosed\n');
    assert.strictEqual(p[0].code, 'yaml-syntax');
    assert.ok(p[0].line >= 4, JSON.stringify(p[0]));
  });

  it('reports wrong types and bad values at the offending key', () => {
    const bad = serializeSidecar(layer()).replace('start: 0', 'start: "zero"').replace('confidence: 0.75', 'confidence: 1.5');
    const p = problems(bad);
    const lines = bad.split('\n');
    const startErr = p.find((x) => x.message.includes('/start'))!;
    assert.match(lines[startErr.line - 1], /start: "zero"/);
    const conf = p.find((x) => x.message.includes('/confidence'))!;
    assert.match(lines[conf.line - 1], /confidence: 1.5/);
  });

  it('refuses negative offsets and a missing header; an unknown key is not among the errors (it is a warning)', () => {
    const p = problems('sift: 1\nentities:\n  - id: e1\n    start: -1\n    end: 2\n    quote: x\n    label: PERSON\n    colour: red\n');
    const msgs = p.map((x) => x.message).join('\n');
    assert.match(msgs, /missing 'sha256'/);
    assert.match(msgs, /start: must be >= 0/);
    assert.doesNotMatch(msgs, /colour/);
  });

  it('refuses a YAML alias bomb without expanding it', () => {
    const bomb = ['sift: 1', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
      .concat(['b', 'c', 'd', 'e', 'f', 'g', 'h'].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`)).join('\n');
    const p = problems(bomb);
    assert.strictEqual(p[0].code, 'yaml-aliases');
  });

  it('refuses deeply nested YAML before parsing it', () => {
    const deep = `sift: 1\nx: ${'['.repeat(100000)}${']'.repeat(100000)}\n`;
    const p = problems(deep);
    assert.strictEqual(p[0].code, 'too-deep');
    assert.strictEqual(p[0].line, 2);
  });

  it('does not count brackets inside quotes as nesting', () => {
    const l = layer();
    l.entities[0].suffix = '['.repeat(80);
    const text = serializeSidecar(l);
    assert.strictEqual(parseSidecar(text, 'x').layer.entities[1].suffix, '['.repeat(80));
  });

  it('does not count brackets inside plain scalars as nesting, however many', () => {
    const l = layer();
    l.entities = Array.from({ length: 100 }, (_, i) => ({ id: `e-${i}`, label: 'ORG', start: i, end: i + 1, quote: 'Reuters [said', prefix: 'x {y', suffix: '' }));
    const text = serializeSidecar(l);
    assert.ok(text.includes('quote: Reuters [said'), 'written as a plain scalar');
    assert.strictEqual(parseSidecar(text, 'x').layer.entities.length, 100);
  });

  it('refuses binary content and a sidecar from a newer Sift', () => {
    assert.strictEqual(problems('sift: 1\u0000\n')[0].code, 'binary');
    const newer = serializeSidecar(layer()).replace('sift: 1', 'sift: 7');
    assert.strictEqual(problems(newer)[0].code, 'version');
  });

  it('refuses duplicate keys', () => {
    const dup = serializeSidecar(layer()).replace('annotator: ana\n', 'annotator: ana\nannotator: bob\n');
    assert.strictEqual(problems(dup)[0].code, 'yaml-syntax');
  });
});
