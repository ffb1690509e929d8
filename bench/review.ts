// Review figures: aligning the layers of one big article (issue 12's target: a 100 KB article with 3 layers of about
// 1,000 annotations each aligns in 20 ms or less), and `sift review --merge` over a generated corpus.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { defaultJobs } from '../src/cli/reviewParallel';
import { reviewCommand } from '../src/cli/review';
import { CliIo } from '../src/cli/io';
import { FORMAT_VERSION, EntityAnnotation, ClaimAnnotation, Layer } from '../src/core/model';
import { serializeSidecar } from '../src/core/store/sidecarFormat';
import { writeFileAtomic } from '../src/core/store/atomicWrite';
import { alignLayers } from '../src/core/review/align';
import { LayerInput } from '../src/core/review/units';
import { ArticleText } from '../src/core/text/article';
import { median } from './stats';

/** A deterministic pseudo-random sequence (a 32-bit LCG, ample for test data), so every run measures the same layers. */
export function random(seed: number): () => number {
  let a = (seed * 2654435761) >>> 0;
  return () => (a = (Math.imul(a, 1664525) + 1013904223) >>> 0) / 4294967296;
}

const LABELS = ['PERSON', 'ORG', 'PLACE', 'DATE'];

/**
 * `annotators` layers on `article` from one shared set of `n` mentions, each annotator diverging a little: a mention
 * skipped (8%), a boundary moved (6%), another label (6%); one in ten is a claim, whose factuality may differ.
 */
export function divergingLayers(article: ArticleText, name: string, annotators: string[], n: number, seed = 1): LayerInput[] {
  const rnd = random(seed);
  const step = Math.max(4, Math.floor(article.length / n));
  const mentions = Array.from({ length: n }, (_, i) => {
    const start = Math.min(article.length - 3, i * step + Math.floor(rnd() * (step / 2)));
    return { start, end: Math.min(article.length, start + 2 + Math.floor(rnd() * 14)), label: LABELS[i % 4], claim: i % 10 === 9 };
  });
  return annotators.map((annotator, k) => {
    const r = random(seed * 31 + k);
    const layer: Layer = { header: { sift: FORMAT_VERSION, article: name, sha256: article.sha256, length: article.length, annotator }, entities: [], claims: [] };
    mentions.forEach((m, i) => {
      if (r() < 0.08) return;
      const end = r() < 0.06 ? Math.min(article.length, m.end + 1 + Math.floor(r() * 4)) : m.end;
      const anchor = article.anchor(m.start, end);
      if (m.claim) {
        const c: ClaimAnnotation = { id: `c${i}`, ...anchor, source: { name: 'the ministry' }, confidence: 0.8, factuality: r() < 0.1 ? 'hedged' : 'reported' };
        layer.claims.push(c);
      } else {
        const e: EntityAnnotation = { id: `e${i}`, ...anchor, label: r() < 0.06 ? LABELS[(i + 1) % 4] : m.label };
        layer.entities.push(e);
      }
    });
    return { annotator, layer };
  });
}

/** The align figure: a 100 KB article, 3 layers of about 1,000 annotations each. */
export function alignBench(text: string, rounds = 21): string[] {
  const article = new ArticleText(text.slice(0, 100 * 1024));
  const layers = divergingLayers(article, 'big.txt', ['ana', 'bob', 'cat'], 1_090);
  const count = layers.reduce((n, l) => n + l.layer.entities.length + l.layer.claims.length, 0);
  for (let i = 0; i < 5; i++) alignLayers(layers); // warm up
  const times: number[] = [];
  const cpu: number[] = [];
  let units = 0;
  for (let i = 0; i < rounds; i++) {
    const c = process.cpuUsage();
    const t = process.hrtime.bigint();
    units = alignLayers(layers).units.length;
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1e3);
  }
  return [`Aligning a ${(Buffer.byteLength(article.text) / 1024).toFixed(0)} KB article, 3 layers, ${count} annotations in all, into ${units} units: median ${median(times).toFixed(1)} ms (CPU ${median(cpu).toFixed(1)} ms), min ${Math.min(...times).toFixed(1)} ms over ${rounds} rounds (target: 20 ms or less)`];
}

/** A corpus of `count` articles (100 to a folder) cut from `text`, each with 3 annotators' diverging layers. */
export function generatedCorpus(text: string, count: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-review-bench-'));
  fs.mkdirSync(path.join(dir, '.git'));
  const size = 1500;
  for (let i = 0; i < count; i++) {
    const sub = path.join(dir, `f${String(Math.floor(i / 100)).padStart(3, '0')}`);
    if (i % 100 === 0) fs.mkdirSync(sub);
    const at = (i * 7919) % Math.max(1, text.length - size);
    const body = `${text.slice(at, at + size)}\n`;
    const name = `a${i}.txt`;
    fs.writeFileSync(path.join(sub, name), body);
    const article = new ArticleText(body);
    for (const { annotator, layer } of divergingLayers(article, name, ['ana', 'bob', 'cat'], 12, i + 1)) {
      fs.writeFileSync(path.join(sub, `a${i}.${annotator}.ann.yaml`), serializeSidecar(layer));
    }
  }
  return dir;
}

/** Milliseconds per small file written as the store writes (writeFileAtomic): the floor of a merge that writes. */
function atomicWriteMs(dir: string, n: number): number {
  const at = path.join(dir, 'atomic');
  fs.mkdirSync(at, { recursive: true });
  const t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) writeFileAtomic(path.join(at, `f${i}.yaml`), 'x: 1\n'.repeat(200));
  const ms = Number(process.hrtime.bigint() - t) / 1e6 / n;
  fs.rmSync(at, { recursive: true, force: true });
  return ms;
}

/**
 * Writes every dirty page back to disk (`sync`), so that a timed run does not pay for the write-back of the corpus the
 * bench itself just generated, or of an earlier run's output: a user's corpus was cloned or pulled long before. Where
 * there is no `sync` command the run is timed as it is, and the line says so.
 */
function settleDisk(): string {
  const t = process.hrtime.bigint();
  try {
    execFileSync('sync', { stdio: 'ignore' });
    return `disk settled with sync first (${(Number(process.hrtime.bigint() - t) / 1e9).toFixed(1)} s, not counted)`;
  } catch {
    return 'no sync command: timed with the generated corpus still being written back';
  }
}

/** The merge figure: `sift review --merge` over `count` generated articles x 3 annotators (target: 15 s for 10,000). */
export async function mergeBench(text: string, count: number): Promise<string[]> {
  const dir = generatedCorpus(text, count);
  try {
    let out = '';
    const io: CliIo = { cwd: dir, out: (t) => { out += t; }, err: (t) => { out += t; } };
    const settled = settleDisk();
    const t = process.hrtime.bigint();
    const cpu0 = process.cpuUsage();
    const code = await reviewCommand(['--merge', '.', '--adjudicator', 'bench'], io);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    const cpu = process.cpuUsage(cpu0);
    settleDisk();
    const again = process.hrtime.bigint();
    await reviewCommand(['--merge', '.', '--adjudicator', 'bench'], { ...io, out: () => {} });
    const rerun = Number(process.hrtime.bigint() - again) / 1e6;
    const perFile = atomicWriteMs(dir, 200);
    return [
      `sift review --merge on ${count} generated articles x 3 annotators, ${defaultJobs(count * 3)} worker thread(s): ${(ms / 1000).toFixed(1)} s, CPU user ${(cpu.user / 1e6).toFixed(1)} s + system ${(cpu.system / 1e6).toFixed(1)} s (exit ${code}: ${out.trim()}); re-run with gold in place ${(rerun / 1000).toFixed(1)} s (target: 15 s for 10,000; ${settled})`,
      `  the store's atomic write alone (temp file, fsync, rename), one file after another, costs about ${(perFile * count / 1000).toFixed(1)} s on this machine (${perFile.toFixed(1)} ms a file)`,
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
