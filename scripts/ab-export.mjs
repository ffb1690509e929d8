// Export speed, an OLD build of the `sift` CLI against a NEW one, side by side on the benchmark's own corpus:
//
//   node scripts/build.mjs && node scripts/ab-export.mjs --old PATH/TO/OLD/cli.js [--new dist/cli.js] [--articles 10000] [--rounds 5]
//
// It writes bench/export.ts's corpus once (10,000 generated, annotated articles of about 3 KB), then runs
// `sift export --format jsonl` and `--format conll` with each build in turn, alternating which goes first every round,
// and prints the median wall time of each and the ratio new/old. A shared machine moves absolute times a lot; the ratio
// of runs interleaved like this is the figure to read (the refactor of issue 10 must stay within 1.10).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NEW, OLD, arg, repo } from './oldNew.mjs';
import * as esbuild from 'esbuild';

const N = Number(arg('--articles', '10000'));
const ROUNDS = Number(arg('--rounds', '5'));

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-ab-export-'));
const gen = path.join(work, 'gen.js');
await esbuild.build({
  stdin: { contents: `import { generateExportCorpus } from './bench/export';\ngenerateExportCorpus(process.argv[2], Number(process.argv[3]), process.argv[4]);`, resolveDir: repo, loader: 'ts' },
  bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: gen, logLevel: 'warning',
});
const corpus = path.join(work, 'corpus');
fs.mkdirSync(corpus);
let t = Date.now();
const g = spawnSync(process.execPath, [gen, path.join(repo, 'samples'), String(N), corpus], { stdio: 'inherit' });
if (g.status !== 0) process.exit(1);
console.log(`corpus: ${N} articles in ${((Date.now() - t) / 1000).toFixed(1)} s`);

const times = { old: { jsonl: [], conll: [] }, new: { jsonl: [], conll: [] } };
const run = (which, cli, format) => {
  const out = path.join(work, `out-${which}-${format}`);
  fs.rmSync(out, { recursive: true, force: true });
  t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, 'export', corpus, '--format', format, '--out', out], { cwd: corpus, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${which} export ${format} exited ${r.status}: ${r.stderr}`);
  times[which][format].push(ms);
};
for (let r = 0; r < ROUNDS; r++) {
  const order = r % 2 === 0 ? [['old', OLD], ['new', NEW]] : [['new', NEW], ['old', OLD]];
  for (const format of ['jsonl', 'conll']) for (const [which, cli] of order) run(which, cli, format);
  process.stdout.write(`round ${r + 1}/${ROUNDS} done\n`);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const format of ['jsonl', 'conll']) {
  const o = median(times.old[format]);
  const n = median(times.new[format]);
  console.log(`${format}: old ${(o / 1000).toFixed(2)} s, new ${(n / 1000).toFixed(2)} s (medians of ${ROUNDS}); new/old ${(n / o).toFixed(3)}`);
}
fs.rmSync(work, { recursive: true, force: true });
