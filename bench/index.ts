// npm run bench: speed and memory of Sift's detector against the peer libraries, side by side on the same text,
// plus the editor-facing figures (longest blocking slice, typing update, sidecar export-free core ops).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parseIsoDay } from '../src/core/detect/dates';
import { Detector } from '../src/core/detect/detector';
import { DEFAULT_BUDGET_MS, detectChunked, warmUp } from '../src/core/detect/chunked';
import { Peer, chronoPeer, compromisePeer, winkPeer } from '../src/cli/peers';
import { exportBench } from './export';
import { detectWalkBench } from './detectWalk';
import { sidecarBench } from './sidecar';
import { alignBench, mergeBench } from './review';
import { mergeOldNewBench } from './mergeOldNew';
import { agreeBench } from './agree';
import { agreementReportBench } from './agreementReport';
import { reviewOnBench } from './reviewPieces';
import { gitMergeBench } from './gitMerge';
import { webDetectBench } from './webDetect';
import { assignmentsBench } from './assignments';
import { gitTeamBench, gitTeamOldNew } from './gitTeam';
import { buildOld, driverStartBench } from './driverStart';
import { median } from './stats';

const samples = path.resolve(__dirname, '..', 'samples');
const ref = parseIsoDay('2024-12-16')!;
const refDate = new Date(Date.UTC(2024, 11, 16, 12));

/** The sample articles repeated until they reach `minBytes`: the list of articles, and all of them as one text. */
function corpus(minBytes: number): { pieces: string[]; text: string } {
  const articles = fs.readdirSync(samples).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(samples, f), 'utf8'));
  const pieces: string[] = [];
  let size = 0;
  while (size < minBytes) {
    for (const a of articles) { pieces.push(a); size += Buffer.byteLength(a) + 1; }
  }
  return { pieces, text: pieces.join('\n') };
}

function time<T>(fn: () => T): { ms: number; result: T } {
  const t = process.hrtime.bigint();
  const result = fn();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, result };
}

/** `npm run bench -- --quick`: Sift's own figures only, without the peers and the export (for working on speed). */
const QUICK = process.argv.includes('--quick');
/** `npm run bench -- --only agreementReport` (or agree, merge, ...): just the figures of that name, on the same corpus. */
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const ROUNDS = 3;
/** The value after a command-line flag, if given. */
const flag = (name: string): string | undefined => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const ONE_ROUND_MS = 20_000;

/** Times up to ROUNDS rounds of `fn` (one when a round is slow) and gives the median: the machine is shared and noisy. */
function rounds(fn: () => number): { ms: number; mentions: number; rounds: number } {
  const first = time(fn);
  const times = [first.ms];
  while (times.length < ROUNDS && first.ms < ONE_ROUND_MS) times.push(time(fn).ms);
  return { ms: median(times), mentions: first.result, rounds: times.length };
}

const mb = (bytes: number) => bytes / (1024 * 1024);
/** Articles each system detects before it is timed (about 330 KB). */
const WARM_UP = 100;

/**
 * A team of 10 annotators over git, three rounds (bench/gitTeam.ts): 10,000 articles, 500 with --quick, or
 * `--articles N`; `npm run bench -- --git-team [--entities N] [--old <git ref> [--pairs N]]` runs it alone (--entities:
 * each sidecar's entities at the start, 6 unless given).
 */
function teamBench(): string[] {
  const at = process.argv.indexOf('--articles');
  const articles = at === -1 ? (QUICK ? 500 : 10_000) : Number(process.argv[at + 1]);
  const samplesText = fs.readdirSync(samples).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(samples, f), 'utf8'));
  const entities = flag('--entities') === undefined ? undefined : Number(flag('--entities'));
  const options = { articles, annotators: 10, overlap: 2, rounds: 3, entities, dist: path.resolve(__dirname, '..', 'dist'), samples: samplesText, log: (l: string) => console.error(l) };
  // `--old <git ref> [--pairs N]`: that build's driver and this one's in turn on the same team (bench/gitTeam.ts).
  const old = flag('--old');
  if (!old) return gitTeamBench(options).lines;
  const oldDist = buildOld(path.resolve(__dirname, '..'), old, options.log);
  try {
    return gitTeamOldNew(options, { ref: old, dist: oldDist }, Number(flag('--pairs') ?? 2));
  } finally {
    fs.rmSync(path.dirname(oldDist), { recursive: true, force: true });
  }
}

/**
 * The merge driver per git invocation against Node's own start and an older build's driver (bench/driverStart.ts):
 * `npm run bench -- --only driver [--old <git ref>] [--triples N]`.
 */
function driverBench(): string[] {
  const arg = (name: string, fallback: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
  const samplesText = fs.readdirSync(samples).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(samples, f), 'utf8'));
  const repo = path.resolve(__dirname, '..');
  // 5f4cc99: the last commit before the driver's start-up work (one bundle, yaml and perf_hooks loaded at start).
  return driverStartBench({ dist: path.join(repo, 'dist'), oldRef: arg('--old', '5f4cc99'), triples: Number(arg('--triples', '60')), samples: samplesText, repo, log: (l) => console.error(l) });
}

/** The corpus-wide figures by name, for `--only`. */
function named(text: string, count: number, first: string): Record<string, () => Promise<string[]>> {
  // `--only merge --old OLD/dist/cli.js [--rounds N] [--articles N]`: an old build's merge against this one's, side by side.
  const old = flag('--old');
  const articles = Number(flag('--articles') ?? count);
  const newCli = path.resolve(__dirname, '..', 'dist', 'cli.js');
  const merge = old ? () => Promise.resolve(mergeOldNewBench(text, articles, old, newCli, Number(flag('--rounds') ?? 3))) : () => mergeBench(text, articles);
  return {
    merge,
    align: () => Promise.resolve(alignBench(text, Number(flag('--rounds') ?? 21))),
    agree: () => agreeBench(text, count),
    agreementReport: () => agreementReportBench(text, count),
    driverCore: () => Promise.resolve(gitMergeBench(first, QUICK ? 200 : 1_000)),
  };
}

/**
 * A figure measured in a Node process of its own, as its command runs (`sift review --merge`, `sift agree` and the
 * merge driver each start afresh): in this long run it would also pay for collecting the heap that the figures before
 * it left behind (the peers, the 5 MB text's detections), which is not its own cost.
 */
function inOwnProcess(name: string): void {
  const r = spawnSync(process.execPath, [__filename, '--only', name, ...(QUICK ? ['--quick'] : [])], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`npm run bench -- --only ${name} exited with ${r.status ?? r.signal}`);
}

async function main(): Promise<void> {
  if (process.argv.includes('--git-team')) {
    for (const line of teamBench()) console.log(line);
    return;
  }
  if (ONLY === 'driver') {
    for (const line of driverBench()) console.log(line);
    return;
  }
  if (ONLY === 'detect') {
    // Detection at another commit against this tree, side by side (scripts/detect-speed.mjs): issue 16's speed budget.
    const args = process.argv.slice(process.argv.indexOf('--only') + 2);
    const r = spawnSync(process.execPath, [path.resolve(__dirname, '..', 'scripts', 'detect-speed.mjs'), ...args], { stdio: 'inherit' });
    process.exitCode = r.status ?? 1;
    return;
  }
  if (ONLY === 'webActivation' || ONLY === 'webReload') {
    // In code-server and Chromium (scripts/web-activation.mjs, web-reload.mjs): the package is built and installed as
    // the web tests do.
    const args = process.argv.slice(process.argv.indexOf('--only') + 2);
    const script = ONLY === 'webActivation' ? 'web-activation.mjs' : 'web-reload.mjs';
    const r = spawnSync(process.execPath, [path.resolve(__dirname, '..', 'scripts', script), ...args], { stdio: 'inherit' });
    process.exitCode = r.status ?? 1;
    return;
  }
  const { pieces, text } = corpus(5 * 1024 * 1024);
  if (ONLY) {
    const run = named(text, QUICK ? 1_000 : 10_000, pieces[0])[ONLY];
    if (!run) throw new Error(`--only: one of ${Object.keys(named(text, 0, '')).join(', ')}, driver, detect, webActivation, webReload`);
    for (const line of await run()) console.log(line);
    return;
  }
  const bytes = Buffer.byteLength(text);
  console.log(`Detection throughput on the sample corpus repeated to ${mb(bytes).toFixed(2)} MB (${process.version}, ${process.arch})`);
  console.log('Sift runs with its paragraph cache off, so repeated text is detected afresh.\n');
  // Every system gets the same text in the same pieces: one article at a time, as an editor would hand it over.
  // (compromise slows down more than linearly on one 5 MB string.)
  const rows: { name: string; labels: string; ms: number; mentions: number; rounds: number }[] = [];
  // Every system is warmed up alike before it is timed: the same first articles, so the JIT has compiled its hot code.
  const warm = pieces.slice(0, WARM_UP);
  const sift = new Detector(undefined, false);
  for (const p of warm) sift.detect(p, ref);
  const s = rounds(() => pieces.reduce((n, p) => n + sift.detect(p, ref).length, 0));
  rows.push({ name: 'sift', labels: 'PERSON ORG PLACE DATE', ...s });
  const peers = QUICK ? [] : [compromisePeer(), chronoPeer(), winkPeer()].filter((p): p is Peer => !!p);
  for (const peer of peers) {
    for (const p of warm) peer.detect(p, refDate);
    const r = rounds(() => pieces.reduce((n, p) => n + peer.detect(p, refDate).length, 0));
    rows.push({ name: peer.name, labels: peer.labels.join(' ') + (peer.name === 'wink-nlp' ? ' (+ its own types)' : ''), ...r });
  }
  console.log(`Each system gets the same ${pieces.length} articles, one call per article, ${mb(bytes).toFixed(2)} MB in all, after the same ${WARM_UP} articles to warm up.`);
  console.log(`Each time is the median of ${ROUNDS} rounds over all of it (one round for a system whose first round takes over ${ONE_ROUND_MS / 1000} s).\n`);
  console.log('system       MB/s     seconds  rounds  mentions  Sift is    labels');
  for (const r of rows) {
    const rate = mb(bytes) / (r.ms / 1000);
    const ratio = r.name === 'sift' ? '' : `${(r.ms / rows[0].ms).toFixed(1)}x faster`;
    console.log(`${r.name.padEnd(12)} ${rate.toFixed(2).padStart(7)}  ${(r.ms / 1000).toFixed(2).padStart(7)}  ${String(r.rounds).padStart(6)}  ${String(r.mentions).padStart(8)}  ${ratio.padEnd(12)} ${r.labels}`);
  }

  // The browser build: the same bundled detector in a Web Worker (headless Chromium) and in a Node worker thread.
  console.log('');
  for (const line of await webDetectBench(pieces, QUICK ? 1 : ROUNDS, WARM_UP)) console.log(line);

  // Responsiveness: a 5 MB article detected in slices; the longest slice is the longest the host is blocked.
  const slices: number[] = [];
  let last = process.hrtime.bigint();
  const fresh = new Detector(undefined, false);
  warmUp(fresh); // as the extension does once, in idle time after activation
  last = process.hrtime.bigint();
  await detectChunked(fresh, text, ref, {
    pause: async () => {
      const now = process.hrtime.bigint();
      slices.push(Number(now - last) / 1e6);
      await new Promise((r) => setImmediate(r));
      last = process.hrtime.bigint();
    },
  });
  slices.push(Number(process.hrtime.bigint() - last) / 1e6);
  console.log(`\nOpening a ${mb(bytes).toFixed(1)} MB article (a ${DEFAULT_BUDGET_MS} ms budget per slice): ${slices.length} slices; longest ${Math.max(...slices).toFixed(1)} ms, median ${median(slices).toFixed(1)} ms (target: no slice over 50 ms)`);

  // Typing: a keystroke in a 1 MB article re-detects only the line it changed.
  const oneMb = text.slice(0, 1024 * 1024);
  const typing = new Detector();
  let state = typing.full(oneMb, ref);
  const times: number[] = [];
  let doc = oneMb;
  for (let i = 0; i < 300; i++) {
    const at = Math.floor((i * 7919 * 131) % doc.length);
    doc = `${doc.slice(0, at)}x${doc.slice(at)}`;
    doc = JSON.parse(JSON.stringify(doc)) as string; // the editor hands over a flat string, not a rope of slices
    const before = state;
    times.push(time(() => { state = typing.update(before, doc, ref, { start: at, oldEnd: at, newEnd: at + 1 }); }).ms);
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`Typing in a 1 MB article: update after a keystroke, median ${median(times).toFixed(2)} ms, p95 ${sorted[Math.floor(times.length * 0.95)].toFixed(2)} ms over ${times.length} keystrokes (target: median 5 ms or less)`);
  // sift detect must not crawl unrelated folders: one article among 100,000 unrelated files against an empty folder.
  console.log('');
  for (const line of await detectWalkBench([{ name: `the ${mb(bytes).toFixed(0)} MB article`, text, rounds: QUICK ? 3 : 7 }, { name: `a ${(pieces[0].length / 1024).toFixed(0)} KB sample article`, text: pieces[0], rounds: 21 }])) console.log(line);
  for (const line of await sidecarBench()) console.log(line);
  for (const name of ['align', 'merge', 'agree', 'agreementReport']) inOwnProcess(name);
  for (const line of await reviewOnBench(text)) console.log(line);
  inOwnProcess('driverCore');
  for (const line of assignmentsBench(QUICK ? 1_000 : 10_000)) console.log(line);
  for (const line of teamBench()) console.log(line);
  if (!QUICK) for (const line of await exportBench(samples)) console.log(line);
  const heap = process.memoryUsage();
  console.log(`Memory after the run: heap used ${mb(heap.heapUsed).toFixed(0)} MB, RSS ${mb(heap.rss).toFixed(0)} MB`);
}

main().catch((e) => { console.error(e); process.exit(1); });
