// Differential run of the CLI's option parsing: an OLD build of the `sift` CLI against a NEW one, in-process (each
// build's exported `main`, with its own copy of a small corpus), on every option of `sift agree`, `assign`, `review`
// and `export` given right, wrong, twice, without its value, and mixed with paths and unknown options, plus help.
//
//   node scripts/build.mjs && node scripts/differential-options.mjs --old /tmp/old/dist/cli.js [--new dist/cli.js]
//
// It compares each command's exit code, stdout and stderr (the copies' folder names masked), and the files each
// copy holds after every command, and prints every difference; it exits 1 when there is any.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import YAML from 'yaml';
import { NEW, OLD } from './oldNew.mjs';
import { annotate, makeArticle, random } from './differential-corpus.mjs';
import { createHash } from 'node:crypto';

const require = createRequire(import.meta.url);
const repoSamples = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'samples');

/** A small corpus: six articles, ana and bob on each, bob's sidecar of one broken. */
function writeCorpus(root) {
  const rnd = random(7);
  const paragraphs = fs.readdirSync(repoSamples).filter((n) => n.endsWith('.txt')).flatMap((n) => fs.readFileSync(path.join(repoSamples, n), 'utf8').split(/\r?\n/).filter((p) => p.trim()));
  fs.mkdirSync(path.join(root, 'news'), { recursive: true });
  for (let i = 0; i < 6; i++) {
    const file = path.join(root, 'news', `a${i}.txt`);
    const text = makeArticle(rnd, paragraphs, i % 3 === 0);
    fs.writeFileSync(file, text);
    const shared = annotate(rnd, text, 'ana', i);
    for (const annotator of ['ana', 'bob']) {
      const header = { sift: 1, article: path.basename(file), annotator, sha256: createHash('sha256').update(text).digest('hex'), length: Array.from(text).length };
      const body = annotator === 'bob' && i === 4 ? 'sift: [1\n' : YAML.stringify({ ...header, entities: shared.entities.filter(() => rnd() > 0.1), claims: shared.claims }, { lineWidth: 0 });
      fs.writeFileSync(file.replace(/\.txt$/, `.${annotator}.ann.yaml`), body);
    }
  }
  fs.writeFileSync(path.join(root, 'sift.gazetteer.yaml'), 'entities: []\n');
}

const CASES = [
  ['help'], ['--help'], ['-h'], [], ['nope'],
  // agree
  ['agree'], ['agree', 'news'], ['agree', '--json'], ['agree', '--csv'], ['agree', '--json', '--csv'], ['agree', '--json', '--json'],
  ['agree', '--annotators', 'ana,bob'], ['agree', '--annotators', ' ana , ,bob '], ['agree', '--annotators'], ['agree', '--annotators', 'gold'],
  ['agree', '--annotators', 'ana', '--with-detector', '--json'], ['agree', '--labels', 'PERSON,ORG', '--json'], ['agree', '--labels'],
  ['agree', '--min-f1', '0.5'], ['agree', '--min-f1', '2'], ['agree', '--min-f1', ''], ['agree', '--min-f1'], ['agree', '--min-f1', 'x'],
  ['agree', '--min-f1', '--json'], ['agree', '--bogus'], ['agree', '-x', 'news'], ['agree', 'news', '--min-f1', '0', '--bogus'], ['agree', '--json=1'],
  ['agree', 'missing-folder'], ['agree', '--', 'news'], ['agree', 'toString'], ['agree', '--annotators', '--json'],
  // review
  ['review'], ['review', '--status'], ['review', '--status', '--json'], ['review', '--merge', '--status'], ['review', '--merge', '--merge'],
  ['review', '--units'], ['review', '--units', 'news/a1.txt'], ['review', '--units', 'news/a1.txt', '--json'], ['review', '--units', 'news/a1.txt', 'news/a2.txt'],
  ['review', '--merge', '--strategy', 'nope'], ['review', '--merge', '--strategy'], ['review', '--merge', '--strategy', 'majority', '--min-votes', '2', '--seed', 's1', '--adjudicator', 'lead', '--json'],
  ['review', '--merge', '--min-votes', '2'], ['review', '--merge', '--strategy', 'majority', '--min-votes', '0'], ['review', '--merge', '--strategy', 'majority', '--min-votes'],
  ['review', '--merge', '--strategy', 'majority', '--min-votes', '1.5'], ['review', '--merge', '--adjudicator', 'Bad Name'], ['review', '--merge', '--adjudicator'],
  ['review', '--merge', '--seed'], ['review', '--merge', '--seed', ''], ['review', '--status', '--seed', 's'], ['review', '--status', '--annotators', 'ana,bob'],
  ['review', '--merge', '--strategy', 'agreed', '--annotators', 'ana,bob', '--seed', 's2'], ['review', '--status', '--bogus'], ['review', '--status', 'nowhere'],
  // assign
  ['assign'], ['assign', '--annotators', 'ana,bob'], ['assign', '--overlap', '2'], ['assign', '--annotators', 'ana,bob', '--overlap', 'x'],
  ['assign', '--annotators', 'ana,bob', '--overlap', '-1'], ['assign', '--annotators', 'ana,bob', '--overlap'], ['assign', '--annotators', '', '--overlap', '1'],
  ['assign', '--annotators', 'ana,bob', '--overlap', '1', '--seed', '1.5'], ['assign', '--annotators', 'ana,bob', '--overlap', '1', '--out'],
  ['assign', '--annotators', 'ana,bob', '--overlap', '1', '--out', ''], ['assign', '--annotators', 'ana,bob', '--overlap', '1', '--bogus'],
  ['assign', '--annotators', 'ana,bob,cat', '--overlap', '2', '--seed', '3', 'news'], ['assign', '--annotators', 'ana,bob,cat', '--overlap', '2', '--seed', '3', 'news'],
  ['assign', '--annotators', 'ana,bob', '--overlap', '1', '--out', 'other/plan.yaml', 'news'], ['assign', '--annotators', 'ana,bob', '--overlap', '1', '--seed', '99999999999999999999'],
  // export
  ['export'], ['export', '--format'], ['export', '--format', 'nope'], ['export', '--format', 'jsonl'], ['export', '--format', 'jsonl', '--out'],
  ['export', '--format', 'jsonl', '--out', 'x.jsonl', '--layer'], ['export', '--format', 'jsonl', '--out', 'x.jsonl', '--layer', ''],
  ['export', '--format', 'jsonl', '--out', 'x.jsonl', '--split', 'bad'], ['export', '--format', 'jsonl', '--out', 'x.jsonl', '--split'],
  ['export', '--format', 'brat', '--out', 'brat', '--labels', 'lower'], ['export', '--format', 'brat', '--out', 'brat', '--confidence-levels', 'x'],
  ['export', '--format', 'brat', '--out', 'brat', '--confidence-levels'], ['export', '--format', 'jsonl', '--out', 'x.jsonl', '--bogus'],
  ['export', 'news', '--format', 'jsonl', '--out', 'all.jsonl', '--suggestions', '--include-orphans', '--json', '--strict', '--follow-outside-root', '--layer', 'ana'],
  ['export', '--format', 'conll', '--out', 'split', '--split', '0.8,0.1,0.1', '--json'], ['export', '--format', 'brat', '--out', 'brat2', '--labels', 'EVENT,LAW', '--confidence-levels', 'low=0.2,high=0.9'],
  ['export', '--format', 'csv', '--out', 'x.csv', '--format', 'hf'],
];

/** Every file under `root` with its bytes (the export's time stamps masked). */
function files(root) {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(`${path.relative(root, p)}\n${fs.readFileSync(p, 'utf8').replace(TIME, '<time>')}`);
    }
  };
  walk(root);
  return out.join('\n');
}
const TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g;

async function runAll(cli, root) {
  const { main } = require(cli);
  const results = [];
  for (const args of CASES) {
    let out = '';
    let err = '';
    let code;
    try {
      code = await main(args, { cwd: root, out: (t) => { out += t; }, err: (t) => { err += t; } });
    } catch (e) {
      code = `threw ${e.message}`;
    }
    const mask = (s) => s.split(root).join('<root>').replace(TIME, '<time>');
    results.push({ args, text: `exit ${code}\n--- stdout\n${mask(out)}\n--- stderr\n${mask(err)}\n--- files\n${files(root)}` });
  }
  return results;
}

process.env.SIFT_ANNOTATOR = 'judge';
process.env.SIFT_ID_SEED = 'diff-options';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-diff-options-'));
const roots = ['old', 'new'].map((n) => path.join(tmp, n));
for (const r of roots) writeCorpus(r);
const [a, b] = [await runAll(OLD, roots[0]), await runAll(NEW, roots[1])];
let differences = 0;
a.forEach((x, i) => {
  if (x.text === b[i].text) return;
  differences++;
  const [p, q] = [x.text.split('\n'), b[i].text.split('\n')];
  const at = p.findIndex((line, k) => line !== q[k]);
  console.log(`DIFFERENT sift ${x.args.join(' ')}: line ${at + 1}\n  old: ${JSON.stringify(p[at])}\n  new: ${JSON.stringify(q[at])}`);
});
const refused = a.filter((x) => x.text.startsWith('exit 2')).length;
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`options: ${a.length} command lines compared (${refused} refused with exit 2), exit code, stdout, stderr and every file after each`);
console.log(`${differences} difference(s)`);
process.exit(differences ? 1 : 0);
