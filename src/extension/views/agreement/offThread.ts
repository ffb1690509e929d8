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
  private start = performance.now();

  constructor(private readonly pauseFn: () => Promise<void>, private readonly budgetMs: number) {}

  spent(): boolean { return performance.now() - this.start >= this.budgetMs; }

  /** Ends the slice here (noting how long it ran). */
  private end(): void { this.longestMs = Math.max(this.longestMs, performance.now() - this.start); }

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
  for (const a of articles) {
    job.add(a, compared(a, job.annotators) && !a.broken ? await clock.wait(bytesOf(a.path)) : '');
    await clock.maybePause();
  }
  return job.finish();
};

/** Articles posted to the worker at most this many at a time (a batch is cloned on the host as it is posted). */
const BATCH = 100;

/** Posts the articles to `worker` in batches, yielding between them; then asks for the report. */
async function postAll(worker: Worker, spec: JobSpec, articles: readonly JobArticle[], clock: SliceClock): Promise<void> {
  const post = (m: ToWorker) => worker.postMessage(m);
  post({ type: 'start', spec });
  for (let i = 0; i < articles.length; i += BATCH) {
    post({ type: 'add', articles: articles.slice(i, i + BATCH) });
    await clock.maybePause();
  }
  post({ type: 'finish' });
}

/** A runner that computes the report in a fresh worker from `workerFile`, or on this thread when it cannot. */
export function workerAgreement(workerFile: string, onFallback: (why: string) => void = () => undefined): AgreementRunner {
  return async (spec, articles, clock) => {
    if (!fs.existsSync(workerFile)) {
      onFallback(`${workerFile} is missing`);
      return inThread(spec, articles, clock);
    }
    const worker = new Worker(workerFile);
    const answer = new Promise<JobResult | string>((resolve) => {
      const rows: JobResult['report']['articles'] = [];
      const targets: JobResult['targets'] = [];
      worker.on('message', (m: FromWorker) => {
        if ('rows' in m) rows.push(...m.rows);
        else if ('targets' in m) targets.push(...m.targets);
        else if ('ok' in m) resolve({ ...m.ok, report: { ...m.ok.report, articles: rows }, targets });
        else resolve(m.error);
      });
      worker.on('error', (e) => resolve(e.message));
      worker.on('exit', () => resolve('the worker stopped'));
    });
    let r: JobResult | string;
    try {
      await postAll(worker, spec, articles, clock);
      r = await clock.wait(answer);
    } catch (e) {
      r = e instanceof Error ? e.message : String(e);
    } finally {
      void worker.terminate();
    }
    if (typeof r !== 'string') return r;
    onFallback(r);
    return inThread(spec, articles, clock);
  };
}
