// Differential run: an OLD build of the `sift` CLI against a NEW one, on a generated corpus, output by output.
//
//   node scripts/build.mjs && node scripts/differential.mjs --old PATH/TO/OLD/cli.js [--new dist/cli.js]
//        [--articles 300] [--seed 1] [--keep] [--corpus DIR]
//
// It writes a corpus to a temporary folder: articles made of paragraphs of samples/ and of the held-out articles,
// and of generated sentences full of what the text rules decide (abbreviations, initials, months, quotes, stops,
// speech verbs, Arabic and European name particles), a third of them with CRLF line ends, many with emoji and other
// astral characters and combining marks. Each article has one to three annotators (ana, bob, gold) with entities and
// claims whose cue and source spans are in the text; some annotations and sub-spans are flagged orphaned, a few
// sidecars have offsets that a hand edit knocked off, and about 40% are stale: the article was edited after the
// sidecar was written (text added, removed, retyped inside spans), so re-anchoring, fuzzy placement and orphaning run.
//
// Then it runs both CLIs (from the corpus folder) and compares:
// - `sift export` in all five formats, with and without `--split 0.8,0.1,0.1` (plus JSONL with --suggestions
//   --include-orphans and CoNLL with --layer gold): every file byte for byte, except JSONL's `exported_at`, and the
//   command's own output;
// - `sift detect --json` on every article (compared article by article);
// - `sift validate --json` (compared sidecar by sidecar);
// - `sift eval` and `sift eval --gold test/fixtures/heldout --articles test/fixtures/heldout/articles` (from the
//   repository root, so both builds score the same gold sets).
// It prints the number of files compared and every difference (the first differing line of each), and exits 1 when
// there is any. The OLD build must sit where `require` finds node_modules (for eval's peers): e.g. copy it to
// /tmp/old/dist/cli.js and link /tmp/old/node_modules to this repository's node_modules.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NEW, OLD, arg, repo } from './oldNew.mjs';
import YAML from 'yaml';
import { makeArticle, annotate, random, staleEdit } from './differential-corpus.mjs';

const ARTICLES = Number(arg('--articles', '300'));
const SEED = Number(arg('--seed', '1'));

const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');
const FIXED_TIME = new Date('2024-12-16T12:00:00Z');

/** Writes the corpus; returns the article paths, relative to its root. */
function writeCorpus(root, rnd) {
  const folders = ['news', 'wire', 'misc'];
  for (const f of folders) fs.mkdirSync(path.join(root, f), { recursive: true });
  fs.copyFileSync(path.join(repo, 'samples', 'sift.gazetteer.yaml'), path.join(root, 'sift.gazetteer.yaml'));
  const sources = [path.join(repo, 'samples'), path.join(repo, 'test', 'fixtures', 'heldout', 'articles')]
    .flatMap((d) => fs.readdirSync(d).filter((n) => n.endsWith('.txt')).map((n) => fs.readFileSync(path.join(d, n), 'utf8')));
  const paragraphs = sources.flatMap((t) => t.split(/\r?\n/).filter((p) => p.trim()));
  const articles = [];
  for (let i = 0; i < ARTICLES; i++) {
    const rel = path.join(folders[i % folders.length], `a${String(i).padStart(3, '0')}.txt`);
    const file = path.join(root, rel);
    const written = makeArticle(rnd, paragraphs, i % 3 === 0);
    const annotators = ['ana', 'bob', 'gold'].slice(0, 1 + Math.floor(rnd() * 3));
    for (const annotator of annotators) {
      const layer = annotate(rnd, written, annotator, i);
      const header = { sift: 1, article: path.basename(file), annotator, sha256: sha256(written), length: Array.from(written).length };
      if (rnd() < 0.3) header.published = '2024-12-1' + Math.floor(rnd() * 10);
      fs.writeFileSync(file.replace(/\.txt$/, `.${annotator}.ann.yaml`), YAML.stringify({ ...header, ...layer }, { lineWidth: 0 }));
    }
    fs.writeFileSync(file, rnd() < 0.4 ? staleEdit(rnd, written) : written);
    fs.utimesSync(file, FIXED_TIME, FIXED_TIME);
    articles.push(rel);
  }
  return articles;
}

function run(cli, args, cwd) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const EXPORTS = [
  ...['jsonl', 'conll', 'brat', 'csv', 'hf'].flatMap((f) => [[f, []], [`${f}-split`, ['--split', '0.8,0.1,0.1']]].map(([name, extra]) => [name, ['--format', f, ...extra]])),
  ['jsonl-suggestions-orphans', ['--format', 'jsonl', '--suggestions', '--include-orphans']],
  ['conll-gold', ['--format', 'conll', '--layer', 'gold']],
];

function walk(dir, base = dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name))])).sort();
}

/** Every output to compare, as name -> text, for one CLI. */
function outputs(cli, tag, root, articles) {
  const out = new Map();
  for (const [name, args] of EXPORTS) {
    const dir = path.join(root, '..', `out-${tag}`, name);
    const r = run(cli, ['export', '.', ...args, '--out', path.join('..', `out-${tag}`, name)], root);
    out.set(`export ${name}: command output`, `${r.code}\n${r.out}${r.err}`.replaceAll(`out-${tag}`, 'out'));
    for (const f of walk(dir)) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      out.set(`export ${name}: ${f}`, f.endsWith('.jsonl') ? text.replace(/"exported_at":"[^"]*",?/g, '') : text);
    }
  }
  const detect = run(cli, ['detect', '--json', ...articles], root);
  const found = new Map(articles.map((a) => [a, []]));
  for (const s of JSON.parse(detect.out)) found.get(s.file).push(s);
  for (const [a, list] of found) out.set(`detect: ${a}`, JSON.stringify(list, null, 1));
  const validate = run(cli, ['validate', '--json'], root);
  const problems = new Map();
  for (const p of JSON.parse(validate.out).problems) problems.set(p.file, [...(problems.get(p.file) ?? []), p]);
  for (const f of walk(root).filter((n) => n.endsWith('.ann.yaml'))) out.set(`validate: ${f}`, JSON.stringify(problems.get(f) ?? [], null, 1));
  out.set('validate: exit code and totals', `${validate.code} ${JSON.parse(validate.out).sidecars}`);
  for (const args of [['eval'], ['eval', '--gold', 'test/fixtures/heldout', '--articles', 'test/fixtures/heldout/articles'], ['eval', '--json']]) {
    const r = run(cli, args, repo);
    out.set(`sift ${args.join(' ')}`, `${r.code}\n${r.out}${r.err}`);
  }
  return out;
}

/** The first differing line of two texts, for the report. */
function firstDifference(a, b) {
  const x = a.split('\n');
  const y = b.split('\n');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] !== y[i]) return `line ${i + 1}\n      old: ${JSON.stringify(x[i] ?? '(none)').slice(0, 400)}\n      new: ${JSON.stringify(y[i] ?? '(none)').slice(0, 400)}`;
  }
  return '(same lines)';
}

function main() {
  // --corpus reuses a corpus a --keep run left (its articles are the .txt files under it).
  const reuse = arg('--corpus');
  const root = reuse ? path.resolve(reuse) : path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sift-differential-')), 'corpus');
  const work = path.dirname(root);
  for (const tag of ['old', 'new']) fs.rmSync(path.join(work, `out-${tag}`), { recursive: true, force: true });
  const articles = reuse ? walk(root).filter((n) => n.endsWith('.txt')) : writeCorpus(root, random(SEED));
  const sidecars = walk(root).filter((n) => n.endsWith('.ann.yaml')).length;
  console.log(`corpus: ${articles.length} articles, ${sidecars} sidecars in ${root}`);
  const before = outputs(OLD, 'old', root, articles);
  const after = outputs(NEW, 'new', root, articles);
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  const differences = names.filter((n) => before.get(n) !== after.get(n));
  const byKind = new Map();
  for (const n of names) {
    const kind = n.replace(/:.*$/, '');
    const k = byKind.get(kind) ?? { files: 0, differences: 0 };
    k.files++;
    if (differences.includes(n)) k.differences++;
    byKind.set(kind, k);
  }
  for (const [kind, k] of byKind) console.log(`  ${kind}: ${k.files} compared, ${k.differences} different`);
  for (const n of differences) console.log(`DIFF ${n}: ${before.has(n) && after.has(n) ? firstDifference(before.get(n), after.get(n)) : before.has(n) ? 'only in old' : 'only in new'}`);
  console.log(`files compared: ${names.length}, differences: ${differences.length}`);
  if (!process.argv.includes('--keep') && !reuse) fs.rmSync(work, { recursive: true, force: true });
  else console.log(`kept: ${work}`);
  process.exitCode = differences.length ? 1 : 0;
}

main();
