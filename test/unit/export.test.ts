import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { ArticleSession } from '../../src/core/session/session';
import { FORMATS } from '../../src/core/export/formats';
import { parseSplit, runExport, splitOf } from '../../src/core/export/run';
import { sentences, tokenize } from '../../src/core/text/tokenize';
import { A0, fixedOptions, tmpCorpus } from './helpers/tmp';
import { bioToSpans, parseBrat, parseConll, parseCsv } from './helpers/readers';
import { aCorpus } from '../builders/corpus';

const EMOJI = 'Breaking 🚨🚨\r\nPutin 😀 met Bashar al-Assad in Moscow on Dec 16.\r\n"It went well," the Kremlin said, citing aides.\r\nThe 𝐀𝐁 summit ended.\r\n';

/** A corpus with two annotators, emoji and CRLF, claims with sources, cues, links and awkward notes. */
function corpus(): string {
  return aCorpus()
    .withArticle('emoji.txt', EMOJI)
    .annotatedBy('ana', (l) => l
      .withEntity('Putin', 'PERSON').withEntity('Bashar al-Assad', 'PERSON').withEntity('Moscow', 'PLACE').withEntity('Kremlin', 'ORG')
      .withEntity('Dec 16', 'DATE', { value: '2024-12-16' })
      .withClaim('It went well', { source: 'Kremlin', sourceSpan: true, confidence: 0.75, cue: 'said', factuality: 'asserted', note: 'Says "well", then, nothing\r\nelse' }))
    .annotatedBy('bob', (l) => l.withEntity('Moscow', 'ORG'))
    .withSample(A0)
    .annotatedBy('ana', (l) => l
      .withEntity('Moscow', 'PLACE')
      .withClaim({ start: 22, end: 99 }, { source: 'Russian Foreign Ministry', confidence: 1, links: [{ relation: 'same', article: 'emoji.txt', claim: 'c-ana-1' }] }))
    .build().dir;
}

/** A JSONL record as tests read it (fields a test reads are required: a missing one fails the test). */
interface JsonlRecord {
  id: string; text: string; format: string; version: number; exported_at: string; sha256: string; annotators: string[];
  entities: { start: number; end: number; text: string; label: string; annotator: string; value?: string; suggested?: boolean }[];
  claims: { start: number; end: number; confidence: number; factuality: string; annotator: string; source_span: Span; cue: Span; links: { relation: string }[] }[];
  orphaned: { quote: string; label: string; start?: number }[];
}
interface Span { start: number; end: number }
/** A Hugging Face row. */
interface HfRow { article: string; annotator: string; tokens: string[]; ner_tags: number[] }

const slice = (text: string, s: number, e: number) => Array.from(text).slice(s, e).join('');

describe('export', () => {
  it('JSONL: every span is text[start:end] in code points, with all fields, for every annotator', async () => {
    const dir = corpus();
    const out = path.join(dir, 'out');
    const s = await runExport([dir], { format: 'jsonl', out, layer: 'all', root: dir, now: () => '2026-11-21T00:00:00Z' });
    assert.strictEqual(s.articles, 2);
    const lines = fs.readFileSync(path.join(out, 'dataset.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as JsonlRecord);
    const emoji = lines.find((l) => l.id === 'emoji')!;
    assert.strictEqual(emoji.text, EMOJI, 'the text is exported exactly, CRLF and all');
    assert.deepStrictEqual(emoji.annotators, ['ana', 'bob']);
    for (const e of emoji.entities) assert.strictEqual(slice(emoji.text, e.start, e.end), e.text);
    assert.deepStrictEqual(emoji.entities.map((e: { text: string; annotator: string; label: string }) => `${e.text}/${e.label}/${e.annotator}`),
      ['Putin/PERSON/ana', 'Bashar al-Assad/PERSON/ana', 'Moscow/PLACE/ana', 'Moscow/ORG/bob', 'Dec 16/DATE/ana', 'Kremlin/ORG/ana']);
    const claim = emoji.claims[0];
    assert.strictEqual(slice(emoji.text, claim.start, claim.end), 'It went well');
    assert.strictEqual(slice(emoji.text, claim.source_span.start, claim.source_span.end), 'Kremlin');
    assert.strictEqual(slice(emoji.text, claim.cue.start, claim.cue.end), 'said');
    assert.deepStrictEqual([claim.confidence, claim.factuality, claim.annotator], [0.75, 'asserted', 'ana']);
    assert.strictEqual(emoji.entities.find((e) => e.label === 'DATE')?.value, '2024-12-16');
    assert.deepStrictEqual([emoji.format, emoji.version, emoji.exported_at, emoji.sha256.length], ['sift-jsonl', 1, '2026-11-21T00:00:00Z', 64]);
    const a0 = lines.find((l) => l.id !== 'emoji')!;
    assert.strictEqual(a0.claims[0].links[0].relation, 'same');
  });

  it('picks one annotator\'s layer, or gold where it exists', async () => {
    const dir = corpus();
    const s = await runExport([dir], { format: 'jsonl', out: path.join(dir, 'o1'), layer: 'bob', root: dir });
    assert.strictEqual(s.articles, 1);
    fs.copyFileSync(path.join(dir, 'emoji.bob.ann.yaml'), path.join(dir, 'emoji.gold.ann.yaml'));
    fs.writeFileSync(path.join(dir, 'emoji.gold.ann.yaml'), fs.readFileSync(path.join(dir, 'emoji.gold.ann.yaml'), 'utf8').replace('annotator: bob', 'annotator: gold'));
    await runExport([dir], { format: 'jsonl', out: path.join(dir, 'o2'), layer: 'gold', root: dir });
    const lines = fs.readFileSync(path.join(dir, 'o2', 'dataset.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as JsonlRecord);
    assert.deepStrictEqual(lines.find((l) => l.id === 'emoji')?.annotators, ['gold']);
    assert.deepStrictEqual(lines.find((l) => l.id !== 'emoji')?.annotators, ['ana'], 'falls back per article');
    // Unaccepted suggestions come only when asked for, marked as such, never over an annotation.
    await runExport([dir], { format: 'jsonl', out: path.join(dir, 'o3'), layer: 'ana', root: dir, includeSuggestions: true });
    const withSuggestions = fs.readFileSync(path.join(dir, 'o3', 'dataset.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as JsonlRecord);
    const a0 = withSuggestions.find((l) => l.id !== 'emoji')!;
    const suggested = a0.entities.filter((e: { suggested?: boolean }) => e.suggested);
    assert.ok(suggested.length > 10);
    assert.ok(suggested.every((e: { annotator: string; start: number }) => e.annotator === 'sift-detector' && e.start !== 0), 'not over the accepted "Moscow" at 0');
    assert.ok(!lines.some((l) => l.entities.some((e: { suggested?: boolean }) => e.suggested)));
  });

  it('CoNLL: BIO read back by an independent reader gives the same spans; one document per annotator', async () => {
    const dir = corpus();
    const out = path.join(dir, 'conll');
    const s = await runExport([dir], { format: 'conll', out, layer: 'all', root: dir });
    const docs = parseConll(fs.readFileSync(path.join(out, 'dataset.conll'), 'utf8'));
    assert.strictEqual(docs.length, 3, 'A0, emoji@ana, emoji@bob');
    const ana = docs[1];
    const spans = bioToSpans(EMOJI, ana.tokens, ana.tags).spans.map((x) => `${x.text}/${x.label}`);
    assert.deepStrictEqual(spans, ['Putin/PERSON', 'Bashar al-Assad/PERSON', 'Moscow/PLACE', 'Dec 16/DATE', 'Kremlin/ORG']);
    assert.ok(ana.sentences >= 4, `${ana.sentences} sentences`);
    assert.deepStrictEqual(s.problems, []);
  });

  it('CoNLL reports an entity that does not fall on token boundaries instead of shifting it', async () => {
    const dir = tmpCorpus([]);
    fs.writeFileSync(path.join(dir, 'a.txt'), 'The Moscow-based agency said.');
    const s = ArticleSession.open(path.join(dir, 'a.txt'), 'ana', fixedOptions());
    s.addEntity({ start: 5, end: 8, label: 'PLACE' }); // "osc": inside a word
    s.sidecar.save();
    const sum = await runExport([dir], { format: 'conll', out: path.join(dir, 'o'), layer: 'all', root: dir });
    assert.strictEqual(sum.problems.length, 1);
    assert.match(sum.problems[0].message, /does not fall on token boundaries/);
    assert.ok(!fs.readFileSync(path.join(dir, 'o', 'dataset.conll'), 'utf8').includes('B-PLACE'));
  });

  it('brat: .txt is the exact text; .ann parses by brat\'s rules, with fragments across line breaks', async () => {
    const dir = corpus();
    const out = path.join(dir, 'brat');
    await runExport([dir], { format: 'brat', out, layer: 'ana', root: dir });
    const text = fs.readFileSync(path.join(out, 'emoji.txt'), 'utf8');
    assert.strictEqual(text, EMOJI);
    const ann = parseBrat(fs.readFileSync(path.join(out, 'emoji.ann'), 'utf8'), text);
    assert.deepStrictEqual(ann.spans.filter((s) => s.label !== 'Claim' && s.label !== 'Source' && s.label !== 'Cue').map((s) => `${s.text}/${s.label}`),
      ['Putin/PERSON', 'Bashar al-Assad/PERSON', 'Moscow/PLACE', 'Dec 16/DATE', 'Kremlin/ORG']);
    const claim = ann.spans.find((s) => s.label === 'Claim')!;
    assert.strictEqual(claim.text, 'It went well');
    assert.ok(ann.attributes.some((a) => a.name === 'Confidence' && a.target === claim.id && a.value === 'high'));
    assert.ok(ann.attributes.some((a) => a.name === 'Factuality' && a.value === 'asserted'));
    const attribution = ann.relations.find((r) => r.type === 'Attribution')!;
    assert.strictEqual(ann.spans.find((s) => s.id === attribution.arg2)!.text, 'Kremlin');
    assert.ok(ann.notes.some((n) => n.target === claim.id && n.text.includes('source=Kremlin') && !n.text.includes('\n')));
    assert.ok(ann.notes.some((n) => n.text === 'value=2024-12-16'));
    assert.ok(fs.existsSync(path.join(out, 'annotation.conf')));
    // A span across a line break becomes two fragments.
    const s = ArticleSession.open(path.join(dir, 'emoji.txt'), 'cara', fixedOptions());
    const from = Array.from(EMOJI).indexOf('🚨');
    s.addEntity({ start: from, end: from + 6, label: 'ORG' });
    s.sidecar.save();
    await runExport([dir], { format: 'brat', out: path.join(dir, 'brat2'), layer: 'cara', root: dir });
    const two = parseBrat(fs.readFileSync(path.join(dir, 'brat2', 'emoji.ann'), 'utf8'), EMOJI);
    assert.strictEqual(two.spans[0].fragments.length, 2);
  });

  it('CSV of claims follows RFC 4180: commas, quotes and line breaks survive inside quoted fields', async () => {
    const dir = corpus();
    await runExport([dir], { format: 'csv', out: path.join(dir, 'claims.csv'), layer: 'all', root: dir });
    const rows = parseCsv(fs.readFileSync(path.join(dir, 'claims.csv'), 'utf8'));
    const [head, ...body] = rows;
    assert.strictEqual(head[0], 'file');
    assert.strictEqual(body.length, 2);
    const emoji = body.find((r) => r[1] === 'emoji')!;
    const col = (n: string) => emoji[head.indexOf(n)];
    assert.strictEqual(col('quote'), 'It went well');
    assert.strictEqual(col('note'), 'Says "well", then, nothing\r\nelse');
    assert.strictEqual(col('source'), 'Kremlin');
    assert.strictEqual(col('cue'), 'said');
    assert.strictEqual(slice(EMOJI, Number(col('start')), Number(col('end'))), 'It went well');
    const other = body.find((r) => r[1] !== 'emoji')!;
    assert.match(other[head.indexOf('links')], /^same:emoji\.txt#c-/);
  });

  it('Hugging Face: tokens and integer tags per sentence, with the label list, read back to the same spans', async () => {
    const dir = corpus();
    const out = path.join(dir, 'hf');
    await runExport([dir], { format: 'hf', out, layer: 'ana', root: dir });
    const labels = JSON.parse(fs.readFileSync(path.join(out, 'labels.json'), 'utf8')) as string[];
    assert.strictEqual(labels[0], 'O');
    const rows = fs.readFileSync(path.join(out, 'data.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as HfRow).filter((r) => r.article === 'emoji.txt');
    let cursor = 0;
    const spans: string[] = [];
    for (const r of rows) {
      assert.strictEqual(r.tokens.length, r.ner_tags.length);
      const read = bioToSpans(EMOJI, r.tokens, r.ner_tags.map((i: number) => labels[i]), cursor);
      cursor = read.next;
      spans.push(...read.spans.map((x) => `${x.text}/${x.label}`));
    }
    assert.deepStrictEqual(spans, ['Putin/PERSON', 'Bashar al-Assad/PERSON', 'Moscow/PLACE', 'Dec 16/DATE', 'Kremlin/ORG']);
  });

  it('splits deterministically by a hash of the article id', async () => {
    const split = parseSplit('80,10,10');
    assert.deepStrictEqual(split, { train: 0.8, dev: 0.1, test: 0.1 });
    const ids = Array.from({ length: 1000 }, (_, i) => `article-${i}`);
    const a = ids.map((i) => splitOf(i, split));
    assert.deepStrictEqual(ids.map((i) => splitOf(i, split)), a, 'the same input gives the same split');
    const train = a.filter((x) => x === 'train').length;
    assert.ok(train > 740 && train < 860, `${train} of 1000 in train`);
    assert.throws(() => parseSplit('1,2'), /three/);
    const dir = corpus();
    const s = await runExport([dir], { format: 'jsonl', out: path.join(dir, 'split'), layer: 'all', root: dir, split });
    const written = Object.values(s.splits!).reduce((x, y) => x + y, 0);
    assert.strictEqual(written, 2);
  });

  it('skips and reports annotations that cannot be placed on the changed article; never exports them at wrong offsets', async () => {
    const dir = corpus();
    const f = path.join(dir, 'emoji.txt');
    fs.writeFileSync(f, `Update.\r\n${EMOJI.replace('Bashar al-Assad', 'the president')}`);
    const s = await runExport([dir], { format: 'jsonl', out: path.join(dir, 'o'), layer: 'ana', root: dir });
    assert.ok(s.skipped.some((x) => /Bashar al-Assad/.test(x.reason)), JSON.stringify(s.skipped));
    const rec = JSON.parse(fs.readFileSync(path.join(dir, 'o', 'dataset.jsonl'), 'utf8').split('\n').find((l) => l.includes('"emoji"'))!) as JsonlRecord;
    for (const e of rec.entities) assert.strictEqual(slice(rec.text, e.start, e.end), e.text);
    assert.ok(rec.entities.some((e: { text: string }) => e.text === 'Moscow'), 're-anchored, not lost');
    assert.strictEqual(rec.orphaned, undefined, 'orphans are left out unless asked for');
    await runExport([dir], { format: 'jsonl', out: path.join(dir, 'o2'), layer: 'ana', root: dir, includeOrphans: true });
    const kept = JSON.parse(fs.readFileSync(path.join(dir, 'o2', 'dataset.jsonl'), 'utf8').split('\n').find((l) => l.includes('"emoji"'))!) as JsonlRecord;
    assert.deepStrictEqual(kept.orphaned.map((o: { quote: string; label: string; start?: number }) => [o.quote, o.label, o.start]), [['Bashar al-Assad', 'PERSON', undefined]]);
  });

  it('tokenises deterministically and keeps sentences around abbreviations and annotated spans', () => {
    const text = 'Mr. Lammy met U.S. officials on Dec. 8. Then he left.\nNext line.';
    const toks = tokenize(text);
    assert.deepStrictEqual(toks.slice(0, 4).map((t) => t.text), ['Mr', '.', 'Lammy', 'met']);
    const sents = sentences(text, toks).map((s) => s.map((t) => t.text).join(' '));
    assert.deepStrictEqual(sents, ['Mr . Lammy met U . S . officials on Dec . 8 .', 'Then he left .', 'Next line .']);
  });

  it('sift export from the command line, for every format', async () => {
    const dir = corpus();
    for (const f of FORMATS) {
      let out = '';
      const code = await main(['export', dir, '--format', f, '--out', path.join(dir, `cli-${f}`), '--layer', 'ana'], { cwd: dir, out: (t) => { out += t; }, err: (t) => { out += t; } });
      assert.strictEqual(code, 0, out);
      assert.match(out, /2 article\(s\)/);
    }
    assert.strictEqual(await main(['export', dir, '--format', 'xml', '--out', os.tmpdir()], { cwd: dir, out: () => {}, err: () => {} }), 2);
  });
});
