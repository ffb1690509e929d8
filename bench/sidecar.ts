// Opening and saving a big sidecar as the editor does it (ArticleSession, SidecarFile), in one run: the old way, parsed
// and serialised on the calling thread, and the new way, on a worker thread (NodeWorkerCodec). For each: the wall time
// and the longest stretch the calling thread (the extension host) was blocked, measured by a 1 ms timer probe.
// Issue 11's target: no block over 50 ms with 5,000 annotations.
import * as fs from 'fs';
import * as path from 'path';
import { ArticleSession } from '../src/core/session/session';
import { NodeWorkerCodec } from '../src/core/store/nodeWorkerCodec';
import { SidecarCodec } from '../src/core/store/sidecarCodec';
import { aBigSidecar } from '../test/builders/bigSidecar';
import { median } from './stats';

const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;

interface Timed<T> {
  result: T;
  /** Wall time of the whole operation. */
  wall: number;
  /** The longest time the calling thread went without turning its event loop. */
  block: number;
}

/**
 * Runs `work` while a probe asks for a timer every millisecond: the longest gap between two timers, less that
 * millisecond, is the longest the thread was blocked (for synchronous work, all of it). A timer, not a setImmediate
 * loop: spinning would take a core from the worker it measures.
 */
async function probe<T>(work: () => T | Promise<T>): Promise<Timed<T>> {
  let longest = 0;
  let last = process.hrtime.bigint();
  const timer = setInterval(() => {
    longest = Math.max(longest, ms(last) - 1);
    last = process.hrtime.bigint();
  }, 1);
  const start = process.hrtime.bigint();
  const result = await work();
  const wall = ms(start);
  // One more timer, so that a block at the very end is seen.
  await new Promise((r) => setTimeout(r, 1));
  clearInterval(timer);
  return { result, wall, block: Math.max(longest, ms(last) - 1, 0) };
}

interface Row { open: Timed<unknown>[]; save: Timed<unknown>[] }

async function rounds(article: string, text: string, rounds: number, codec: SidecarCodec | undefined): Promise<Row> {
  const row: Row = { open: [], save: [] };
  for (let r = 0; r < rounds; r++) {
    const open = await probe(() => (codec ? ArticleSession.load(article, 'bench', text, { codec }) : ArticleSession.open(article, 'bench')));
    const s = open.result;
    row.open.push(open);
    s.update(`e-${r}`, { note: `round ${r}` });
    row.save.push(await probe(() => (codec ? s.sidecar.saveAsync() : s.sidecar.save())));
    s.sidecar.dispose();
  }
  return row;
}

const fmt = (xs: Timed<unknown>[]) => `wall ${median(xs.map((x) => x.wall)).toFixed(0).padStart(5)} ms, longest block ${median(xs.map((x) => x.block)).toFixed(0).padStart(5)} ms (worst ${Math.max(...xs.map((x) => x.block)).toFixed(0)})`;

export async function sidecarBench(n = 5_000, count = 5): Promise<string[]> {
  const big = aBigSidecar(n);
  const size = fs.statSync(big.sidecar).size;
  const text = fs.readFileSync(big.article, 'utf8');
  // The worker as the extension ships it: bundled beside this script (scripts/build.mjs --bench).
  const codec = new NodeWorkerCodec(path.join(__dirname, 'sidecarWorker.js'));
  try {
    await codec.decode(fs.readFileSync(big.sidecar, 'utf8'), big.sidecar); // start the worker and warm it up, as a first open does
    const old = await rounds(big.article, text, count, undefined);
    const off = await rounds(big.article, text, count, codec);
    return [
      `A sidecar of ${n} annotations (${(size / 1024 / 1024).toFixed(1)} MB), medians of ${count} rounds; target: no block over 50 ms`,
      `  open, on the extension host:      ${fmt(old.open)}`,
      `  open, on a worker thread:         ${fmt(off.open)}`,
      `  save after one change, host:      ${fmt(old.save)}`,
      `  save after one change, worker:    ${fmt(off.save)}`,
    ];
  } finally {
    codec.dispose();
    fs.rmSync(big.dir, { recursive: true, force: true });
  }
}
