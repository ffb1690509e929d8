// How the agreement report is run, shared by the Node build (offThread.ts: a worker thread) and the browser build
// (offThread.web.ts: on the web worker extension host, which is already off the UI thread). No `vscode`, no Node.
import { AgreementJob, JobArticle, JobResult, JobSpec, compared } from './agreementJob';

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

/** Reads an article's bytes (through the corpus index's file port, or Node's `fs`). */
export type ReadBytes = (file: string) => Promise<Uint8Array>;

/** The report computed on this thread, one article at a time, yielding when a slice has used its budget. */
export function hostRunner(read: ReadBytes): AgreementRunner {
  const bytesOf = async (file: string): Promise<Uint8Array | string> => {
    try {
      return await read(file);
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  };
  return async (spec, articles, clock) => {
    const job = new AgreementJob(spec);
    clock.phase = 'computing on the host';
    for (const a of articles) {
      job.add(a, compared(a, job.annotators) && !a.broken ? await clock.wait(bytesOf(a.path)) : '');
      await clock.maybePause();
    }
    return job.finish();
  };
}

