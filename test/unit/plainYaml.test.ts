import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as jsyaml from 'js-yaml';
import * as path from 'path';
import { parseDocument } from 'yaml';
import { Layer } from '../../src/core/model';
import { ItemMemo, readPlainYaml } from '../../src/core/store/plainYaml';
import { parseSidecar, readSidecarFast, serializeSidecar } from '../../src/core/store/sidecarFormat';

const HASH = 'ab'.repeat(32);
/** Text with everything YAML cares about: indicators, quotes, escapes, comments, numbers, null and booleans, emoji. */
const PIECES = ['a', 'Bob', ' ', '  ', ':', ': ', ' #', '#', '-', '- ', '"', "'", '\\', '\n', '\r\n', '\t', '[', ']', '{', '}', ',', '&a', '*a', '!', '|',
  '>', '%', '@', '`', '?', '~', 'null', 'True', 'false', '0', '12', '0x1F', '1e3', '.5', '-7', '.inf', '😀', '\u00a0', '\u2028', '\u0085', 'é', '---', '...'];
/** Characters a file may hold that the reader leaves to the full parser: lone surrogates, a lone CR, DEL, noncharacters, a BOM. */
const ODD = ['\ud83d', '\udc00', '\r', '\x7f', '\x9f', '\ufffe', '\ufeff', '\x00'];
const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((p) => p.join(''));
const quoteArb = textArb.filter((s) => s.length > 0);

const layerArb: fc.Arbitrary<Layer> = fc.record({
  entities: fc.array(fc.record({ start: fc.nat(50), len: fc.integer({ min: 1, max: 9 }), quote: quoteArb, prefix: textArb, suffix: textArb, label: fc.constantFrom('PERSON', 'ORG', 'X_1'), value: fc.option(textArb, { nil: undefined }), note: fc.option(textArb, { nil: undefined }), orphaned: fc.option(fc.boolean(), { nil: undefined }) }), { maxLength: 4 }),
  claims: fc.array(fc.record({ start: fc.nat(50), quote: quoteArb, prefix: textArb, suffix: textArb, name: quoteArb, confidence: fc.constantFrom(0, 0.25, 0.5, 1), note: fc.option(textArb, { nil: undefined }) }), { maxLength: 2 }),
  published: fc.option(fc.constantFrom('2024', '2024-12', '2024-12-16'), { nil: undefined }),
}).map(({ entities, claims, published }) => ({
  header: { sift: 1, article: 'a.txt', annotator: 'ana', sha256: HASH, length: 99, ...(published ? { published } : {}) },
  entities: entities.map((e, i) => ({ id: `e-${i}`, label: e.label, start: e.start, end: e.start + e.len, quote: e.quote, prefix: e.prefix, suffix: e.suffix, ...(e.value !== undefined ? { value: e.value } : {}), ...(e.note !== undefined ? { note: e.note } : {}), ...(e.orphaned ? { orphaned: true } : {}) })),
  claims: claims.map((c, i) => ({ id: `c-${i}`, start: c.start, end: c.start + 3, quote: c.quote, prefix: c.prefix, suffix: c.suffix, source: { name: c.name, span: { start: 1, end: 2, quote: c.quote } }, confidence: c.confidence, ...(c.note !== undefined ? { note: c.note } : {}), links: [{ relation: 'same' as const, article: 'b.txt', claim: 'c-1' }] })),
}));

/** js-yaml's reading of the text, or 'error': the oracle (a second, independent YAML parser; never used at run time). */
function jsYaml(text: string): unknown {
  try {
    return jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA });
  } catch {
    return 'error';
  }
}

/** The `yaml` library's reading, with the options the careful parser uses (parseSidecar), or 'error'. */
function yamlLib(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true, strict: true, prettyErrors: false });
  return doc.errors.length || doc.warnings.length ? 'error' : doc.toJS({ maxAliasCount: 50 });
}

/** The reader either declines, or gives exactly what js-yaml gives and what `yaml`, its fallback at run time, gives. */
function agrees(text: string): boolean {
  const mine = readPlainYaml(text);
  if (mine === undefined) return true;
  assert.deepStrictEqual(mine, jsYaml(text), `js-yaml: ${JSON.stringify(text)}`);
  assert.deepStrictEqual(mine, yamlLib(text), `yaml: ${JSON.stringify(text)}`);
  return true;
}

describe('plain YAML reader', () => {
  it('reads what Sift writes exactly as js-yaml and yaml do', () => {
    let read = 0;
    fc.assert(fc.property(layerArb, (l) => {
      const text = serializeSidecar(l);
      const mine = readPlainYaml(text);
      if (mine !== undefined) read++;
      return agrees(text) && agrees(text.replace(/\n/g, '\r\n'));
    }), { numRuns: 400 });
    assert.ok(read > 200, `read ${read} of 400 without the full parser`);
  });

  it('never reads edited text differently from js-yaml or yaml: it declines what it does not know', () => {
    const base = serializeSidecar({ header: { sift: 1, article: 'a.txt', annotator: 'ana', sha256: HASH, length: 9 },
      entities: [{ id: 'e-1', label: 'ORG', start: 0, end: 3, quote: 'Bob', prefix: 'a "b"', suffix: "it's: 1", value: '2024-12-16' }],
      claims: [{ id: 'c-1', start: 0, end: 3, quote: 'Bob', prefix: '', suffix: ' #x', source: { name: 'TASS', span: { start: 0, end: 1, quote: 'B' } }, confidence: 0.5, links: [{ relation: 'same', article: 'b.txt', claim: 'c-2' }] }] });
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom(...PIECES, ...ODD)), { minLength: 1, maxLength: 3 }), (edits) => {
      let text = base;
      for (const [at, cut, piece] of edits) {
        const i = at % (text.length + 1);
        text = text.slice(0, i) + piece + text.slice(i + cut);
      }
      return agrees(text);
    }), { numRuns: 3000 });
  });

  it('declines block scalars, flow collections, anchors, tags, tabs, a BOM, multi-line and duplicate keys', () => {
    const head = `sift: 1\narticle: a.txt\n`;
    for (const text of [`${head}note: |\n  x\n`, `${head}x: {a: 1}\n`, `${head}x: &a 1\ny: *a\n`, `${head}x: !!str 1\n`, `${head}x:\t1\n`, `\uFEFF${head}`,
      `${head}x: a\n  b\n`, `${head}sift: 2\n`, `${head}x: "a\n  b"\n`, `${head}x: a: b\n`, `---\n${head}`, `${head}x: "\\U0001F600"\n`, `${head}null: 1\n`, `  ${head}`]) {
      assert.strictEqual(readPlainYaml(text), undefined, JSON.stringify(text));
    }
    assert.deepStrictEqual(readPlainYaml(`# c\n${head}x: [] # c\ny: 'it''s' # c\nz: "\\x41\\u00e9\\t" \n`), { sift: 1, article: 'a.txt', x: [], y: "it's", z: 'Aé\t' });
  });

  it('reads hand-edited sidecars the plain reader declines just as the careful parser does', () => {
    const text = serializeSidecar({ header: { sift: 1, article: 'a.txt', annotator: 'ana', sha256: HASH, length: 9 },
      entities: [{ id: 'e-1', label: 'ORG', start: 0, end: 3, quote: 'Bob', prefix: '', suffix: ' 😀' }], claims: [] });
    for (const edited of [text, text.replace(/\n/g, '\r\n'), text.replace('label: ORG', 'label: ORG # why\n    x-note: |\n      block\n    note: >-\n      folded\n      text'),
      text.replace('sift: 1', 'x-m: &m { a: [1, 2] }\nx-n: *m\nsift: 1')]) {
      assert.deepStrictEqual(readSidecarFast(edited, 'a.ana.ann.yaml'), parseSidecar(edited, 'a.ana.ann.yaml').layer);
    }
  });

  it('reads numbers, nulls and booleans as both parsers do, and declines the forms where they differ', () => {
    const agreed: Record<string, unknown> = { '0': 0, '+0': 0, '007': 7, '-7': -7, '+7': 7, '123456789012345': 123456789012345, '1.5': 1.5, '-1.': -1, '.5': 0.5,
      '1e3': 1000, '-1.5E-3': -0.0015, '.5e3': 500, '-0.0': -0, '00.5': 0.5, '.inf': Infinity, '-.Inf': -Infinity, '+.INF': Infinity, '.NaN': NaN, '.nan': NaN, '~': null, 'Null': null, 'TRUE': true, 'False': false,
      '1_000': '1_000', '2024-12-16': '2024-12-16', '-.nan': '-.nan', 'nULL': 'nULL', 'yes': 'yes', '0x': '0x', '1e': '1e', '.': '.', '+': '+' };
    for (const [plain, value] of Object.entries(agreed)) {
      const text = `sift: 1\nx: ${plain}\n`;
      assert.deepStrictEqual(readPlainYaml(text), { sift: 1, x: value }, plain);
      assert.ok(agrees(text));
    }
    const numberish = fc.array(fc.constantFrom('0', '1', '9', '-', '+', '.', 'e', 'E', 'x', 'o', 'b', 'F', 'inf', 'Inf', 'nan', 'NaN', '_', ':', '~', 'null', 'true'), { minLength: 1, maxLength: 6 });
    fc.assert(fc.property(numberish, (p) => agrees(`sift: 1\nx: ${p.join('')}\n`)), { numRuns: 3000 });
    // js-yaml and yaml read these differently (or one of them loses precision): the reader leaves them to yaml.
    for (const plain of ['-0', '-00', '0b101', '0x1F', '-0x1F', '0o17', '-0o17', '-.5', '+.5', '-.5e3', '1e400', '-1e400', '1234567890123456', '12345678901234567890']) {
      assert.strictEqual(readPlainYaml(`sift: 1\nx: ${plain}\n`), undefined, plain);
    }
  });

  it('reads with a merge\'s memo exactly as without: texts read before are taken whole, and nothing else', () => {
    const edit = fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom(...PIECES, ...ODD, '\n  - id: e-9\n    label: ORG\n', '\n    note: x\n')), { maxLength: 3 });
    let shared = 0;
    fc.assert(fc.property(layerArb, fc.array(edit, { minLength: 1, maxLength: 3 }), (l, edits) => {
      const base = serializeSidecar(l);
      const texts = [base, ...edits.map((e) => e.reduce((t, [at, cut, piece]) => { const i = at % (t.length + 1); return t.slice(0, i) + piece + t.slice(i + cut); }, base))];
      const memo = new ItemMemo();
      const read = texts.map((t) => readPlainYaml(t, memo));
      texts.forEach((t, i) => assert.deepStrictEqual(read[i], readPlainYaml(t), JSON.stringify(t)));
      const first = read[0] as { entities?: unknown[] } | undefined;
      if (first?.entities?.length && read.slice(1).some((r) => (r as { entities?: unknown[] } | undefined)?.entities?.includes(first.entities![0]))) shared++;
      return true;
    }), { numRuns: 600 });
    assert.ok(shared > 50, `items taken from the memo in ${shared} of 600 runs`);
  });

  it('a memo never gives one object twice in a document: a repeated item is read again', () => {
    const item = '  - id: e-1\n    label: ORG\n';
    const text = `sift: 1\nentities:\n${item}${item}claims: []\n`;
    const memo = new ItemMemo();
    const a = readPlainYaml(text, memo) as { entities: object[] };
    const b = readPlainYaml(text, memo) as { entities: object[] };
    assert.deepStrictEqual(a.entities, [{ id: 'e-1', label: 'ORG' }, { id: 'e-1', label: 'ORG' }]);
    assert.notStrictEqual(a.entities[0], a.entities[1]);
    assert.notStrictEqual(b.entities[0], b.entities[1]);
    assert.strictEqual(b.entities[0], a.entities[0]);
    // An item that ends the text without a line break is another text than the same lines followed by more.
    const last = `sift: 1\nentities:\n${item.slice(0, -1)}`;
    assert.deepStrictEqual(readPlainYaml(last, memo), { sift: 1, entities: [{ id: 'e-1', label: 'ORG' }] });
  });

  it('the runtime reads YAML with `yaml` only: no module of src imports js-yaml or another library\'s internal files', () => {
    const repo = path.resolve(__dirname, '..', '..', '..');
    const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
    const offenders = files(path.join(repo, 'src')).flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(/(?:from|require\(|import\()\s*['"]([^'".][^'"]*)['"]/g)]
      .map((m) => m[1]).filter((m) => m === 'js-yaml' || /^(@[^/]+\/)?[^@/][^/]*\/(dist|lib|internal|src)\b/.test(m)).map((m) => `${path.relative(repo, f)}: ${m}`));
    assert.deepStrictEqual(offenders, []);
    const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    assert.strictEqual(pkg.dependencies['js-yaml'], undefined, 'js-yaml is only the test oracle: a devDependency');
    assert.ok(pkg.devDependencies['js-yaml']);
  });
});
