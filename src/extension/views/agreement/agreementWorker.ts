// The worker thread that computes the agreement report (bundled to dist/agreementWorker.js): the host posts the
// articles (names, paths, the layers the corpus index holds) in batches and then `finish`; the worker reads each
// compared article's text, places the layers on it, tallies it, pools everything (αu included) and posts back the
// finished report, its long lists in parts so that no one message takes long to receive. The extension host only
// posts and receives, so a big corpus never blocks it.
import * as fs from 'fs';
import { parentPort } from 'worker_threads';
import { ArticleRow } from '../../../core/review/agreement/shape';
import { AgreementJob, JobArticle, JobResult, JobSpec, PlainDisagreements, compared } from './agreementJob';

/** Messages of report `id`: it starts, its articles come in batches, and it is to be finished. */
export type ToWorker = { id: number } & ({ type: 'start'; spec: JobSpec } | { type: 'add'; articles: JobArticle[] } | { type: 'finish' });
/** Parts of report `id`'s article rows and disagreements, then the rest of the report (with those lists empty). */
export type FromWorker = { id: number } & ({ rows: ArticleRow[] } | { targets: PlainDisagreements[] } | { ok: JobResult } | { error: string });

/** Rows (or disagreements) per message back. */
const PART = 1000;

function bytesOf(file: string): Uint8Array | string {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

const post = (m: FromWorker) => parentPort?.postMessage(m);

function send(id: number, r: JobResult): void {
  for (let i = 0; i < r.report.articles.length; i += PART) post({ id, rows: r.report.articles.slice(i, i + PART) });
  for (let i = 0; i < r.targets.length; i += PART) post({ id, targets: r.targets.slice(i, i + PART) });
  post({ id, ok: { ...r, report: { ...r.report, articles: [] }, targets: [] } });
}

/** The reports under way, by id; one that failed stays as its error until it is to be finished. */
const jobs = new Map<number, AgreementJob | string>();
parentPort?.on('message', (m: ToWorker) => {
  const job = jobs.get(m.id);
  try {
    if (m.type === 'start') jobs.set(m.id, new AgreementJob(m.spec));
    else if (job === undefined) throw new Error('the agreement worker was not started');
    else if (typeof job === 'string') { if (m.type === 'finish') { jobs.delete(m.id); post({ id: m.id, error: job }); } }
    else if (m.type === 'add') for (const a of m.articles) job.add(a, compared(a, job.annotators) && !a.broken ? bytesOf(a.path) : '');
    else { jobs.delete(m.id); send(m.id, job.finish()); }
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    if (m.type === 'finish' || job === undefined) { jobs.delete(m.id); post({ id: m.id, error: why }); } else jobs.set(m.id, why);
  }
});
