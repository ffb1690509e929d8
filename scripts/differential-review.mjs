// Differential run of `sift review --merge` and `sift agree`: an OLD build of the CLI against a NEW one on the same
// generated corpus, output by output and gold file by gold file.
//
//   node scripts/build.mjs && node scripts/differential-review.mjs --old PATH/TO/OLD/cli.js [--new dist/cli.js]
//        [--articles 300] [--seed 1] [--exact-ids] [--keep] [--old-merge-args "--jobs 1"] [--new-merge-args ARGS]
//
// The corpus: articles made of paragraphs of samples/ and the held-out articles (a third CRLF, some edited after
// their sidecars were written, so re-anchoring runs), each with three annotators (ana, bob, cat) whose layers share
// most annotations and diverge a little (dropped, relabelled, moved); some articles already have a gold sidecar (with
// a comment and a key Sift does not know), a few have an annotator sidecar or a gold sidecar that does not parse, and
// half sit in one flat folder. Both CLIs run on their own copy: `review --merge` with each strategy in turn (so the
// second and third runs merge into gold written by the first), `review --status --json`, and `agree --json`. It
// compares exit codes, stdout and stderr, and every file of the two copies byte for byte, with timestamps (the time
// of the run) and the random ids of new gold annotations masked. It prints what it compared and every difference, and exits 1
// when there is any. Every run gets SIFT_ID_SEED=<seed>: with --exact-ids (both builds seed their ids from it, as
// `sift review --merge --seed` does) the ids are compared as they are, byte for byte, instead of masked.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { NEW, OLD, arg, repo } from './oldNew.mjs';
import { makeArticle, annotate, random, staleEdit } from './differential-corpus.mjs';

const ARTICLES = Number(arg('--articles', '300'));
const SEED = Number(arg('--seed', '1'));
const EXACT_IDS = process.argv.includes('--exact-ids');
const LABELS = ['PERSON', 'ORG', 'PLACE', 'DATE'];

const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

/** One annotator's copy of the shared layer: an annotation dropped (10%) or relabelled (8%). */
function diverge(rnd, shared) {
  const entities = shared.entities.filter(() => rnd() >= 0.1).map((e) => (rnd() < 0.08 ? { ...e, label: LABELS[(LABELS.indexOf(e.label) + 1) % 4] } : { ...e }));
  const claims = shared.claims.filter(() => rnd() >= 0.1).map((c) => ({ ...c }));
  return { entities, claims };
}

function writeCorpus(root, rnd) {
  fs.mkdirSync(path.join(root, 'flat'), { recursive: true });
  fs.mkdirSync(path.join(root, 'news'), { recursive: true });
  const sources = [path.join(repo, 'samples'), path.join(repo, 'test', 'fixtures', 'heldout', 'articles')]
    .flatMap((d) => fs.readdirSync(d).filter((n) => n.endsWith('.txt')).map((n) => fs.readFileSync(path.join(d, n), 'utf8')));
  const paragraphs = sources.flatMap((t) => t.split(/\r?\n/).filter((p) => p.trim()));
  for (let i = 0; i < ARTICLES; i++) {
    const file = path.join(root, i % 2 ? 'flat' : 'news', `a${String(i).padStart(4, '0')}.txt`);
    const written = makeArticle(rnd, paragraphs, i % 3 === 0);
    const shared = annotate(rnd, written, 'ana', i);
    const header = (annotator) => ({ sift: 1, article: path.basename(file), annotator, sha256: sha256(written), length: Array.from(written).length });
    for (const annotator of ['ana', 'bob', 'cat']) {
      const out = file.replace(/\.txt$/, `.${annotator}.ann.yaml`);
      fs.writeFileSync(out, i % 97 === 5 && annotator === 'bob' ? 'sift: [1\n' : YAML.stringify({ ...header(annotator), ...diverge(rnd, shared) }, { lineWidth: 0 }));
    }
    const gold = file.replace(/\.txt$/, '.gold.ann.yaml');
    if (i % 89 === 7) fs.writeFileSync(gold, 'sift: 1\narticle: [broken\n');
    else if (rnd() < 0.15) fs.writeFileSync(gold, `# the adjudicator's note\n${YAML.stringify({ ...header('gold'), 'x-tool': 'kept', entities: shared.entities.slice(0, 1), claims: [] }, { lineWidth: 0 })}`);
    // A third edited after its sidecars were written (text added, paragraphs removed or doubled, words retyped), so
    // that review re-anchors. Builds before 41c3d39 stop with a RangeError on some of these corpora (a span off its
    // quote taken at its offsets), so they cannot be compared here; older corpora added text only.
    fs.writeFileSync(file, rnd() < 0.3 ? staleEdit(rnd, written) : written);
  }
}

/** `--old-merge-args "--jobs 1"`, `--new-merge-args "..."`: added to that CLI's every `review --merge` (one build's two ways). */
const MERGE_ARGS = { old: arg('--old-merge-args', '').split(' ').filter(Boolean), new: arg('--new-merge-args', '').split(' ').filter(Boolean) };

function run(role, args, cwd) {
  const cli = role === 'old' ? OLD : NEW;
  const extra = args.includes('--merge') ? MERGE_ARGS[role] : [];
  const r = spawnSync(process.execPath, [cli, ...args, ...extra], { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, SIFT_ANNOTATOR: 'judge', SIFT_ID_SEED: `diff-${SEED}` } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g;
/** New gold annotations get random ids (e-1a2b3c4d), in both builds. */
const NEW_ID = /\b([ecd])-[0-9a-f]{8}\b/g;
const masked = (s) => (EXACT_IDS ? s : s.replace(NEW_ID, '$1-<id>')).replace(TIME, '<time>').replace(/\/(old|new|control)\d*\//g, '/<copy>/');

function files(dir, rel = '') {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = path.join(rel, e.name);
    return e.isDirectory() ? files(dir, r) : [r];
  }).sort();
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-diff-review-'));
const base = path.join(root, 'corpus');
writeCorpus(base, random(SEED));
// Each scenario on fresh copies of the corpus: new gold annotations get random ids, and where an id breaks a tie a
// later merge into that gold may decide otherwise from run to run (OLD differs from itself there). A control, the
// OLD build a second time, shows any file still unsettled; such a file is not held against NEW.
const scenarios = [
  [['review', '--merge', '.'], ['review', '--status', '--json'], ['agree', '--json'], ['agree']],
  [['review', '--merge', '.', '--strategy', 'agreed', '--json']],
  [['review', '--merge', 'news', 'flat/a0001.txt', '--strategy', 'majority']],
];
const differences = [];
const unsettled = [];
let compared = 0;
let gold = 0;
let fileCount = 0;
for (const [s, steps] of scenarios.entries()) {
  const [oldDir, newDir, controlDir] = ['old', 'new', 'control'].map((n) => path.join(root, `${n}${s}`));
  for (const d of [oldDir, newDir, controlDir]) fs.cpSync(base, d, { recursive: true });
  for (const args of steps) {
    const o = run('old', args, oldDir);
    const n = run('new', args, newDir);
    run('old', args, controlDir);
    for (const k of ['code', 'out', 'err']) {
      compared++;
      const [a, b] = [masked(String(o[k])), masked(String(n[k]))];
      if (a !== b) {
        const at = [...a].findIndex((c, i) => c !== b[i]);
        differences.push(`sift ${args.join(' ')}: ${k} differs at ${at}: old ${JSON.stringify(a.slice(Math.max(0, at - 60), at + 60))} new ${JSON.stringify(b.slice(Math.max(0, at - 60), at + 60))}`);
      }
    }
  }
  const [oldFiles, newFiles] = [files(oldDir), files(newDir)];
  fileCount += oldFiles.length;
  if (oldFiles.join('\n') !== newFiles.join('\n')) differences.push(`the files differ: old only ${oldFiles.filter((f) => !newFiles.includes(f)).join(', ')}; new only ${newFiles.filter((f) => !oldFiles.includes(f)).join(', ')}`);
  for (const f of oldFiles.filter((x) => newFiles.includes(x))) {
    const [a, b] = [fs.readFileSync(path.join(oldDir, f), 'utf8'), fs.readFileSync(path.join(newDir, f), 'utf8')];
    const control = fs.existsSync(path.join(controlDir, f)) ? fs.readFileSync(path.join(controlDir, f), 'utf8') : undefined;
    if (control === undefined || masked(control) !== masked(a)) {
      unsettled.push(`${s}:${f}`);
      continue;
    }
    compared++;
    if (f.endsWith('.gold.ann.yaml')) gold++;
    if (masked(a) !== masked(b)) differences.push(`scenario ${s}: ${f}: differs`);
  }
}
if (unsettled.length) console.log(`not compared, as OLD gives them otherwise from run to run: ${unsettled.join(', ')}`);
const steps = scenarios.flat();

console.log(`${ARTICLES} articles x 3 annotators; ids ${EXACT_IDS ? 'seeded and compared as they are' : 'masked'}; ${steps.length} commands and ${fileCount} files (${gold} gold sidecars) compared, ${compared} comparisons: ${differences.length} difference(s)`);
for (const d of differences) console.log(`  ${d}`);
if (arg('--keep') === undefined && !process.argv.includes('--keep')) fs.rmSync(root, { recursive: true, force: true });
else console.log(`kept in ${root}`);
process.exit(differences.length ? 1 : 0);
