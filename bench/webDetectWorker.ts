// The detector as a worker runs it: one bundle of this file per platform (a Web Worker in Chromium, a worker thread in
// Node), each given the same articles and timing itself, so that neither side's figure includes moving the text.
import { parseIsoDay } from '../src/core/detect/dates';
import { Detector } from '../src/core/detect/detector';

export interface DetectJob { pieces: string[]; warmUp: number; rounds: number; ref: string }
export interface DetectTimes { times: number[]; mentions: number }

function run(job: DetectJob): DetectTimes {
  const ref = parseIsoDay(job.ref);
  if (!ref) throw new Error(`bad reference date ${job.ref}`);
  const sift = new Detector(undefined, false);
  for (const p of job.pieces.slice(0, job.warmUp)) sift.detect(p, ref);
  const times: number[] = [];
  let mentions = 0;
  for (let r = 0; r < job.rounds; r++) {
    const t = performance.now();
    mentions = job.pieces.reduce((n, p) => n + sift.detect(p, ref).length, 0);
    times.push(performance.now() - t);
  }
  return { times, mentions };
}

type Port = { onMessage(handler: (job: DetectJob) => void): void; post(result: DetectTimes | { error: string }): void };

function port(): Port {
  const g = globalThis as unknown as { postMessage?: (m: unknown) => void; addEventListener?: (t: string, h: (e: { data: DetectJob }) => void) => void };
  if (typeof g.postMessage === 'function' && typeof g.addEventListener === 'function') {
    return { onMessage: (h) => g.addEventListener!('message', (e) => h(e.data)), post: (m) => g.postMessage!(m) };
  }
  // Node: worker_threads, reached without a static import so the browser bundle has no Node built-in in it.
  const req = (globalThis as unknown as { process?: { getBuiltinModule?(id: string): unknown } }).process?.getBuiltinModule?.('node:worker_threads');
  if (!req) throw new Error('the bench needs Node 20.16 or later (process.getBuiltinModule)');
  const parent = (req as { parentPort: { on(e: 'message', h: (j: DetectJob) => void): void; postMessage(m: unknown): void } }).parentPort;
  return { onMessage: (h) => parent.on('message', h), post: (m) => parent.postMessage(m) };
}

const p = port();
p.onMessage((job) => {
  try {
    p.post(run(job));
  } catch (e) {
    p.post({ error: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
});
