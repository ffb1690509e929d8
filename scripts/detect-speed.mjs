// Detection speed, old against new, side by side in one process: `node scripts/detect-speed.mjs --old <git ref>` (or
// `npm run bench -- --only detect --old <git ref>`) bundles src/core/detect/detector.ts as it is at that ref and as it
// is now (each into its own scope, as it ships), then times both on the sample corpus, interleaved, paragraph cache
// off, calling `detect` as the bench does. Prints the medians, the fastest rounds and their ratios. A round is the
// samples x --repeat (default 100, 1.6 MB); --rounds (default 41) rounds of each. The paired figure, the median over
// rounds of new / old for the two rounds run side by side, is the steadiest on a shared machine.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = process.argv.indexOf('--old');
if (at === -1) { console.error('usage: node scripts/detect-speed.mjs --old <git ref> [--rounds N] [--repeat N]'); process.exit(2); }
const ref = process.argv[at + 1];
const arg = (name, fallback) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
const rounds = arg('--rounds', 41);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-detect-speed-'));
const oldTree = path.join(tmp, 'old');
execFileSync('git', ['worktree', 'add', '--detach', oldTree, ref], { cwd: root, stdio: 'ignore' });
try {
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(oldTree, 'node_modules'));
  const bundle = async (dir, name) => {
    const outfile = path.join(tmp, `${name}.js`);
    await esbuild.build({ entryPoints: [path.join(dir, 'src/core/detect/detector.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'warning' });
    return createRequire(import.meta.url)(outfile).Detector;
  };
  const Old = await bundle(oldTree, 'old');
  const New = await bundle(root, 'new');
  const samples = path.join(root, 'samples');
  const texts = fs.readdirSync(samples).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(samples, f), 'utf8'));
  const date = { year: 2024, month: 12, day: 16 };
  const detectors = { old: new Old(undefined, false), new: new New(undefined, false) };
  const REPEAT = arg('--repeat', 100);
  const run = (d) => { const t = process.hrtime.bigint(); for (let r = 0; r < REPEAT; r++) for (const x of texts) d.detect(x, date); return Number(process.hrtime.bigint() - t) / 1e6; };
  for (let i = 0; i < 3; i++) { run(detectors.old); run(detectors.new); }
  const times = { old: [], new: [] };
  for (let i = 0; i < rounds; i++) for (const k of i % 2 ? ['old', 'new'] : ['new', 'old']) times[k].push(run(detectors[k]));
  const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
  const mb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) * REPEAT / (1024 * 1024);
  const o = median(times.old);
  const n = median(times.new);
  const fastest = (v) => Math.min(...v);
  console.log(`detection, ${rounds} interleaved rounds of ${mb.toFixed(2)} MB (the samples x ${REPEAT}), cache off, load ${os.loadavg()[0].toFixed(2)}:`);
  console.log(`  ${ref}: ${(mb / o * 1000).toFixed(2)} MB/s (median ${o.toFixed(0)} ms)`);
  console.log(`  now: ${(mb / n * 1000).toFixed(2)} MB/s (median ${n.toFixed(0)} ms)`);
  console.log(`  new time / old time: ${(n / o).toFixed(3)} (a drop of ${((1 - o / n) * 100).toFixed(1)}% in throughput)`);
  console.log(`  fastest rounds: ${fastest(times.old).toFixed(0)} ms and ${fastest(times.new).toFixed(0)} ms, new / old ${(fastest(times.new) / fastest(times.old)).toFixed(3)}`);
  // Each round of one beside the same round of the other: a slow spell of the machine slows both of a pair.
  const paired = median(times.new.map((t, i) => t / times.old[i]));
  console.log(`  median of the paired rounds' ratios (new / old): ${paired.toFixed(3)}`);
} finally {
  execFileSync('git', ['worktree', 'remove', '--force', oldTree], { cwd: root, stdio: 'ignore' });
  fs.rmSync(tmp, { recursive: true, force: true });
}
