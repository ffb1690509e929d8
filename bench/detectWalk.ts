// `sift detect` on one article in a folder with 100,000 unrelated files, against the same article in an empty folder:
// the same code path as the CLI (detectCommand), measured side by side in one run.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { detectCommand } from '../src/cli/detect';
import { CliIo } from '../src/cli/io';
import { median } from './stats';

const SUBFOLDERS = 4;

/** `files` small empty files in SUBFOLDERS subfolders of `dir`. */
function unrelated(dir: string, files: number): void {
  for (let s = 0; s < SUBFOLDERS; s++) {
    const sub = path.join(dir, `data${s}`);
    fs.mkdirSync(sub);
    for (let i = s; i < files; i += SUBFOLDERS) fs.closeSync(fs.openSync(path.join(sub, `f${i}.dat`), 'w'));
  }
}

/** Milliseconds of one `sift detect FILE` run, in process, its output discarded. */
async function detectMs(file: string): Promise<number> {
  let lines = 0;
  const io: CliIo = { cwd: path.dirname(file), out: () => { lines++; }, err: () => undefined };
  const t = process.hrtime.bigint();
  if (await detectCommand([file], io) !== 0 || lines === 0) throw new Error(`sift detect failed on ${file}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

function side(base: string, name: string, text: string): string {
  fs.mkdirSync(path.join(base, name));
  const file = path.join(base, name, 'article.txt');
  fs.writeFileSync(file, text);
  return file;
}

/** Median times of both, alternated run by run so drift and noise hit both alike, and their ratio. */
async function compare(empty: string, big: string, rounds: number): Promise<{ empty: number; big: number }> {
  for (let i = 0; i < 2; i++) { await detectMs(empty); await detectMs(big); }
  const inEmpty: number[] = [];
  const inBig: number[] = [];
  for (let i = 0; i < rounds; i++) {
    inEmpty.push(await detectMs(empty));
    inBig.push(await detectMs(big));
  }
  return { empty: median(inEmpty), big: median(inBig) };
}

/**
 * The figure, for each article (a name, its text and how many runs): `sift detect` on it alone in a folder, and next to
 * `files` unrelated empty files in a few subfolders, made in a temporary folder and removed after.
 */
export async function detectWalkBench(articles: { name: string; text: string; rounds: number }[], files = 100_000): Promise<string[]> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-detect-bench-'));
  try {
    const t0 = Date.now();
    fs.mkdirSync(path.join(base, 'big'));
    unrelated(path.join(base, 'big'), files);
    const lines = [`sift detect FILE (detectCommand, in process) beside ${files.toLocaleString('en')} unrelated files in ${SUBFOLDERS} subfolders (made in ${((Date.now() - t0) / 1000).toFixed(1)} s, not timed) and alone in a folder:`];
    for (const [i, a] of articles.entries()) {
      const empty = side(base, `empty${i}`, a.text);
      const big = path.join(base, 'big', `article${i}.txt`);
      fs.writeFileSync(big, a.text);
      const r = await compare(empty, big, a.rounds);
      lines.push(`  ${a.name}: beside them ${r.big.toFixed(1)} ms, alone ${r.empty.toFixed(1)} ms (median of ${a.rounds}), ratio ${(r.big / r.empty).toFixed(2)} (target: 1.10 or less), ${(r.big - r.empty).toFixed(1)} ms more`);
    }
    return lines;
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
}
