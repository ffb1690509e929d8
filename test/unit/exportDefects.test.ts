// Export defects of issue 10: colliding article names, spans brat cannot represent, skipped sidecars and fuzzy
// placements in the summary, and brat's annotation.conf from the workspace's labels and confidence levels.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { formatSummary, runExport } from '../../src/core/export/run';
import { ArticleSession } from '../../src/core/session/session';
import { fixedOptions, tmpCorpus } from './helpers/tmp';

/** Writes `text` as `rel` under `dir` and opens it for annotator ana. */
function open(dir: string, rel: string, text: string): ArticleSession {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return ArticleSession.open(file, 'ana', fixedOptions());
}

/** Writes `text` as `rel` under `dir` and labels its first `len` code points as `label` for annotator ana. */
function article(dir: string, rel: string, text: string, label = 'PERSON', len = 5): void {
  const s = open(dir, rel, text);
  s.addEntity({ start: 0, end: len, label });
  s.sidecar.save();
}

const jsonl = (file: string) => fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; file: string });

describe('export defects', () => {
  it('articles with the same file name in different folders get distinct ids and distinct brat files', async () => {
    const dir = tmpCorpus([]);
    article(dir, 'a/x.txt', 'Alice met Bob.');
    article(dir, 'b/x.txt', 'Carol met Dan.');
    article(dir, 'y.txt', 'Ellen met Fay.');
    const j = await runExport([dir], { format: 'jsonl', out: path.join(dir, 'j'), layer: 'all', root: dir });
    assert.strictEqual(j.articles, 3);
    const ids = jsonl(path.join(dir, 'j', 'dataset.jsonl')).map((r) => `${r.id}=${r.file}`);
    assert.deepStrictEqual(ids, [`a__x=${path.join('a', 'x.txt')}`, `b__x=${path.join('b', 'x.txt')}`, 'y=y.txt'], 'colliding names take their path; the others keep their name');
    await runExport([dir], { format: 'brat', out: path.join(dir, 'brat'), layer: 'all', root: dir });
    assert.deepStrictEqual(fs.readdirSync(path.join(dir, 'brat')).sort(), ['a__x.ann', 'a__x.txt', 'annotation.conf', 'b__x.ann', 'b__x.txt', 'y.ann', 'y.txt']);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'brat', 'b__x.txt'), 'utf8'), 'Carol met Dan.');
  });

  it('an id taken from a path never collides with another article\'s name', async () => {
    const dir = tmpCorpus([]);
    article(dir, 'a/x.txt', 'Alice met Bob.');
    article(dir, 'b/x.txt', 'Carol met Dan.');
    article(dir, 'a__x.txt', 'Ellen met Fay.');
    await runExport([dir], { format: 'jsonl', out: path.join(dir, 'j'), layer: 'all', root: dir });
    const ids = jsonl(path.join(dir, 'j', 'dataset.jsonl')).map((r) => r.id);
    assert.strictEqual(new Set(ids).size, 3, ids.join(' '));
    assert.ok(ids.includes('a__x') && ids.includes('b__x'), ids.join(' '));
  });

  it('brat: a span made only of line breaks is left out and reported, never written as a T line without fragments', async () => {
    const dir = tmpCorpus([]);
    const s = open(dir, 'a.txt', 'Alice said.\r\n\r\nBob met Carol.\n');
    s.addEntity({ start: 0, end: 5, label: 'PERSON' });
    s.addEntity({ start: 11, end: 15, label: 'ORG' }); // "\r\n\r\n"
    s.addClaim({ start: 11, end: 13, source: { name: 'Nobody' }, confidence: 0.5 }); // "\r\n"
    s.addClaim({ start: 15, end: 28, source: { name: 'Alice', span: { start: 0, end: 5, quote: '' } }, confidence: 1, cue: { start: 13, end: 15, quote: '' } });
    s.sidecar.save();
    const sum = await runExport([dir], { format: 'brat', out: path.join(dir, 'brat'), layer: 'all', root: dir });
    const ann = fs.readFileSync(path.join(dir, 'brat', 'a.ann'), 'utf8');
    const lines = ann.trimEnd().split('\n');
    const spans = lines.filter((l) => l.startsWith('T'));
    for (const l of spans) assert.match(l, /^T\d+\t\S+ \d+ \d+(;\d+ \d+)*\t/, `a valid brat span: ${JSON.stringify(l)}`);
    assert.deepStrictEqual(spans.map((l) => l.split('\t')[2]), ['Alice', 'Bob met Carol', 'Alice'], 'the entity, the second claim and its source');
    // Nothing refers to a span that was left out: the first claim's attribute and note, the second claim's cue.
    const ids = new Set(spans.map((l) => l.split('\t')[0]));
    for (const l of lines.filter((x) => !x.startsWith('T'))) for (const ref of l.match(/\bT\d+\b/g) ?? []) assert.ok(ids.has(ref), l);
    assert.ok(!lines.some((l) => /HasCue/.test(l)));
    assert.deepStrictEqual(sum.problems.map((p) => p.message), [
      `a: ORG "\\r\\n\\r\\n" at 11..15 is only line breaks, which brat cannot represent (a span needs a fragment); left out`,
      `a: Claim "\\r\\n" at 11..13 is only line breaks, which brat cannot represent (a span needs a fragment); left out`,
      `a: Cue "\\r\\n" at 13..15 is only line breaks, which brat cannot represent (a span needs a fragment); left out`,
    ]);
  });

  it('sift export --strict exits 1 when a sidecar was skipped as unreadable or an annotation was left out; without it, 0', async () => {
    const dir = tmpCorpus([]);
    article(dir, 'a.txt', 'Alice met Bob.');
    fs.writeFileSync(path.join(dir, 'b.txt'), 'Carol met Dan.');
    fs.writeFileSync(path.join(dir, 'b.ana.ann.yaml'), 'sift: 1\narticle: [b.txt\n');
    const run = async (...extra: string[]) => {
      let said = '';
      const io = { cwd: dir, out: (t: string) => { said += t; }, err: (t: string) => { said += t; } };
      return { code: await main(['export', dir, '--format', 'jsonl', '--out', path.join(dir, `o${extra.length}`), ...extra], io), said };
    };
    const plain = await run();
    assert.strictEqual(plain.code, 0, plain.said);
    assert.match(plain.said, /skipped 1 .*\n {2}b\.ana\.ann\.yaml: cannot be read/);
    const strict = await run('--strict');
    assert.strictEqual(strict.code, 1, strict.said);
    assert.ok(fs.existsSync(path.join(dir, 'o1', 'dataset.jsonl')), 'the export is still written');
    fs.rmSync(path.join(dir, 'b.ana.ann.yaml'));
    assert.strictEqual((await run('--strict')).code, 0, 'nothing skipped');
    article(dir, 'c.txt', 'The Moscow-based agency said.', 'PLACE', 7); // "The Mos": not on token boundaries
    const conll = await run('--strict', '--format', 'conll');
    assert.strictEqual(conll.code, 1, conll.said);
    assert.match(conll.said, /1 problem\(s\)/);
  });

  it('reports annotations placed by a fuzzy match of their quote after the article changed', async () => {
    const dir = tmpCorpus([]);
    const text = 'Moscow, Dec 16. The Kremlin spokesman Dmitry Peskov said on Monday that talks went well.\n';
    const s = open(dir, 'a.txt', text);
    s.addEntity({ start: 0, end: 6, label: 'PLACE' });
    s.addEntity({ start: 38, end: 51, label: 'PERSON' }); // Dmitry Peskov
    s.sidecar.save();
    fs.writeFileSync(path.join(dir, 'a.txt'), text.replace('Dmitry', 'Dmitri'));
    const sum = await runExport([dir], { format: 'jsonl', out: path.join(dir, 'o'), layer: 'all', root: dir });
    assert.deepStrictEqual(sum.skipped, []);
    assert.deepStrictEqual(sum.fuzzy.map((f) => [f.file, f.quote, f.text, f.start, f.end]), [['a.txt', 'Dmitry Peskov', 'Dmitri Peskov', 38, 51]]);
    assert.match(formatSummary(sum), /1 annotation\(s\) placed by a fuzzy match of their quote \(the article changed; check them\):\n {2}a\.txt e-\S+ \(ana\): 'Dmitry Peskov' placed on 'Dmitri Peskov' at 38\.\.51\n/);
  });

  it('brat: annotation.conf declares the workspace\'s labels and confidence levels; the defaults give today\'s file', async () => {
    const dir = tmpCorpus([]);
    article(dir, 'a.txt', 'Alice saw the Kalashnikov.');
    const s = ArticleSession.open(path.join(dir, 'a.txt'), 'ana', fixedOptions());
    s.addEntity({ start: 14, end: 25, label: 'WEAPON' });
    for (const [i, confidence] of [0.25, 0.38, 0.75, 0.9, 1].entries()) s.addClaim({ start: i, end: i + 1, source: { name: 'Alice' }, confidence });
    s.sidecar.save();
    const levels = (out: string) => fs.readFileSync(path.join(dir, out, 'a.ann'), 'utf8').split('\n').filter((l) => /\tConfidence /.test(l)).map((l) => l.split(' ').pop());
    await runExport([dir], { format: 'brat', out: path.join(dir, 'plain'), layer: 'all', root: dir });
    assert.strictEqual(fs.readFileSync(path.join(dir, 'plain', 'annotation.conf'), 'utf8'), TODAY_CONF.replace('DATE\n', 'DATE\nWEAPON\n'), 'the labels the data uses');
    assert.deepStrictEqual(levels('plain'), ['low', 'low', 'high', 'high', 'certain'], 'the default levels keep their cut points (0.4, 0.7, 0.95)');
    await runExport([dir], { format: 'brat', out: path.join(dir, 'custom'), layer: 'all', root: dir, labels: ['VESSEL', 'PERSON'], confidenceLevels: { sure: 0.95, unsure: 0.3, 'quite likely': 0.7 } });
    assert.strictEqual(fs.readFileSync(path.join(dir, 'custom', 'annotation.conf'), 'utf8'), TODAY_CONF.replace('DATE\n', 'DATE\nVESSEL\nWEAPON\n')
      .replace('Value:low|medium|high|certain', 'Value:unsure|quite_likely|sure'));
    assert.deepStrictEqual(levels('custom'), ['unsure', 'unsure', 'quite_likely', 'sure', 'sure'], 'the nearest level');
    let said = '';
    const code = await main(['export', dir, '--format', 'brat', '--out', path.join(dir, 'cli'), '--labels', 'VESSEL,PERSON', '--confidence-levels', 'sure=0.95,unsure=0.3,quite likely=0.7'], { cwd: dir, out: (t) => { said += t; }, err: (t) => { said += t; } });
    assert.strictEqual(code, 0, said);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'cli', 'annotation.conf'), 'utf8'), fs.readFileSync(path.join(dir, 'custom', 'annotation.conf'), 'utf8'));
    assert.strictEqual(await main(['export', dir, '--format', 'brat', '--out', path.join(dir, 'x'), '--confidence-levels', 'sure=2'], { cwd: dir, out: () => {}, err: () => {} }), 2);
  });
});

/** annotation.conf as Sift wrote it before it knew the workspace's labels and levels. */
const TODAY_CONF = `[entities]
PERSON
ORG
PLACE
DATE
Claim
Source
Cue

[relations]
Attribution\tArg1:Claim, Arg2:Source
HasCue\tArg1:Claim, Arg2:Cue
<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>

[events]

[attributes]
Confidence\tArg:Claim, Value:low|medium|high|certain
Factuality\tArg:Claim, Value:asserted|reported|hedged|denied|unknown
`;
