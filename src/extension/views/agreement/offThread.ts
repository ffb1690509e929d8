// Where the agreement report is computed: in a worker thread (dist/agreementWorker.js), the host only posting the
// inputs in small batches and receiving the finished report; or, when the worker cannot run, on this thread in slices
// with a yield between them. No `vscode`: the bench and the unit tests use it too.
import { promises as fsp } from 'fs';
import * as fs from 'fs';
import { Worker } from 'worker_threads';
import { AgreementJob, JobArticle, JobResult, JobSpec, compared } from './agreementJob';
import type { FromWorker, ToWorker } from './agreementWorker';

/** Keeps the host's synchronous stretches short: `spent()` when a slice has used its budget; the longest one seen. */
export class SliceClock {
  longestMs = 0;
  /** What the host was doing in the longest slice. */
  longestIn = '';
  /** What the host is doing now (for `longestIn`). */
  phase = '';
  private start = performance.now();

  constructor(private readonly pauseFn: () => Promise<void>, private readonly budgetMs: number) {}

  spent(): boolean { return performance.now() - this.start >= this.budgetMs; }

  /** Ends the slice here (noting how long it ran). */
  private end(): void {
    const ms = performance.now() - this.start;
    if (ms > this.longestMs) { this.longestMs = ms; this.longestIn = this.phase; }
  }

  /** Yields to the event loop when the slice has used its budget. */
  async maybePause(): Promise<void> {
    if (!this.spent()) return;
    this.end();
    await this.pauseFn();
    this.start = performance.now();
  }

  /** Waits for `p` without counting the wait as a block. */
  async wait<T>(p: Promise<T>): Promise<T> {
    this.end();
    try {
      return await p;
    } finally {
      this.start = performance.now();
    }
  }

  /** Notes the slice so far (at the end of the work). */
  stop(): void { this.end(); }
}

export type AgreementRunner = (spec: JobSpec, articles: readonly JobArticle[], clock: SliceClock) => Promise<JobResult>;

async function bytesOf(file: string): Promise<Uint8Array | string> {
  try {
    return await fsp.readFile(file);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** The report computed on this thread, one article at a time, yielding when a slice has used its budget. */
export const inThread: AgreementRunner = async (spec, articles, clock) => {
  const job = new AgreementJob(spec);
  clock.phase = 'computing on the host';
  for (const a of articles) {
    job.add(a, compared(a, job.annotators) && !a.broken ? await clock.wait(bytesOf(a.path)) : '');
    await clock.maybePause();
  }
  return job.finish();
};

/** Articles posted to the worker at most this many at a time: a batch is cloned on the host as it is posted (some 3 ms for ten articles of three layers). */
const BATCH = 10;

interface Pending {
  rows: JobResult['report']['articles'];
  targets: JobResult['targets'];
  resolve: (r: JobResult | string) => void;
}

/**
 * One worker thread, started once and kept (starting one can block the host for tens of milliseconds), that computes
 * any number of reports, each under its own id. When it cannot run, a report is computed on this thread in slices.
 */
export class AgreementWorker {
  private worker: Worker | undefined;
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly file: string, private readonly onFallback: (why: string) => void = () => undefined) {}

  /** Starts the worker thread now, unless it runs already or cannot; whether it runs. */
  warm(): boolean {
    if (this.worker || !fs.existsSync(this.file)) return !!this.worker;
    const worker = new Worker(this.file);
    worker.unref();
    worker.on('message', (m: FromWorker) => this.receive(m));
    const fail = (why: string) => {
      if (this.worker === worker) this.worker = undefined;
      for (const p of this.pending.values()) p.resolve(why);
      this.pending.clear();
    };
    worker.on('error', (e) => fail(e.message));
    worker.on('exit', () => fail('the worker stopped'));
    this.worker = worker;
    return true;
  }

  private receive(m: FromWorker): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    if ('rows' in m) p.rows.push(...m.rows);
    else if ('targets' in m) p.targets.push(...m.targets);
    else {
      this.pending.delete(m.id);
      p.resolve('ok' in m ? { ...m.ok, report: { ...m.ok.report, articles: p.rows }, targets: p.targets } : m.error);
    }
  }

  /** Posts the articles in batches, yielding between them, then asks for the report. */
  private async post(worker: Worker, id: number, spec: JobSpec, articles: readonly JobArticle[], clock: SliceClock): Promise<void> {
    const post = (m: ToWorker) => worker.postMessage(m);
    clock.phase = 'posting to the worker';
    post({ id, type: 'start', spec });
    for (let i = 0; i < articles.length; i += BATCH) {
      post({ id, type: 'add', articles: articles.slice(i, i + BATCH) });
      await clock.maybePause();
    }
    post({ id, type: 'finish' });
    clock.phase = 'waiting for the worker';
  }

  /** The report, computed in the worker (or here, in slices, when it cannot run). */
  readonly run: AgreementRunner = async (spec, articles, clock) => {
    clock.phase = 'starting the worker';
    const worker = this.worker ?? (this.warm() ? this.worker : undefined);
    let r: JobResult | string = `${this.file} is missing`;
    if (worker) {
      const id = this.next++;
      const answer = new Promise<JobResult | string>((resolve) => this.pending.set(id, { rows: [], targets: [], resolve }));
      try {
        await this.post(worker, id, spec, articles, clock);
        r = await clock.wait(answer);
      } catch (e) {
        this.pending.delete(id);
        r = e instanceof Error ? e.message : String(e);
      }
      clock.phase = 'receiving the report';
    }
    if (typeof r !== 'string') return r;
    this.onFallback(r);
    return inThread(spec, articles, clock);
  };

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
