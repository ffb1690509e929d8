// Where the agreement report is computed: in a worker thread (dist/agreementWorker.js), the host only posting the
// inputs in small batches and receiving the finished report; or, when the worker cannot run, on this thread in slices
// with a yield between them. No `vscode`: the bench and the unit tests use it too.
import { promises as fsp } from 'fs';
import * as fs from 'fs';
import { Worker } from 'worker_threads';
import { BATCH_ANNOTATIONS, JobArticle, JobResult, JobSpec, piecesOf, slim, weightOf } from './agreementJob';
import { AgreementRunner, ReadBytes, SliceClock, hostRunner } from './agreementRunner';
import type { FromWorker, ToWorker } from './agreementWorker';

export { AgreementRunner, SliceClock } from './agreementRunner';

/** The report computed on this thread, in slices, the articles read from the disk. */
export const inThread: AgreementRunner = hostRunner((file) => fsp.readFile(file));


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

  private readonly onHost: AgreementRunner;

  /** `read`: how the host reads an article when it computes a report itself (default: Node's `fs`). */
  constructor(private readonly file: string, private readonly onFallback: (why: string) => void = () => undefined, read?: ReadBytes) {
    this.onHost = read ? hostRunner(read) : inThread;
  }

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

  /** A part of a report: kept, and the next one asked for after a turn of the event loop (so parts never pile up). */
  private receive(m: FromWorker): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    const more = 'rows' in m || 'targets' in m;
    if ('rows' in m) p.rows.push(...m.rows);
    else if ('targets' in m) p.targets.push(...m.targets);
    if (more) setImmediate(() => this.worker?.postMessage({ id: m.id, type: 'next' } satisfies ToWorker));
    else {
      this.pending.delete(m.id);
      p.resolve('ok' in m ? { ...m.ok, report: { ...m.ok.report, articles: p.rows }, targets: p.targets } : m.error);
    }
  }

  /** Posts the articles in batches of at most BATCH_ANNOTATIONS annotations, yielding between them, then asks for the report. */
  private async post(worker: Worker, id: number, spec: JobSpec, articles: readonly JobArticle[], clock: SliceClock): Promise<void> {
    const post = (m: ToWorker) => worker.postMessage(m);
    clock.phase = 'posting to the worker';
    post({ id, type: 'start', spec });
    let batch: JobArticle[] = [];
    let weight = 0;
    for (const a of articles) {
      for (const piece of piecesOf(slim(a), BATCH_ANNOTATIONS)) {
        const w = weightOf(piece);
        if (batch.length && weight + w > BATCH_ANNOTATIONS) {
          post({ id, type: 'add', articles: batch });
          batch = [];
          weight = 0;
          await clock.maybePause();
        }
        batch.push(piece);
        weight += w;
      }
    }
    if (batch.length) post({ id, type: 'add', articles: batch });
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
    return this.onHost(spec, articles, clock);
  };

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
