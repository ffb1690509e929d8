// The worker thread that computes the agreement report (bundled to dist/agreementWorker.js): the host posts the
// articles (names, paths, the layers the corpus index holds) in batches and then `finish`; the worker reads each
// compared article's text, places the layers on it, tallies it, pools everything (αu included) and posts back the
// finished report, its long lists in parts so that no one message takes long to receive. The extension host only
// posts and receives, so a big corpus never blocks it.
import * as fs from 'fs';
import { parentPort } from 'worker_threads';
import { ArticleRow } from '../../../core/review/agreement/shape';
import { AgreementJob, JobArticle, JobResult, JobSpec, PlainDisagreements, compared } from './agreementJob';

export type ToWorker = { type: 'start'; spec: JobSpec } | { type: 'add'; articles: JobArticle[] } | { type: 'finish' };
/** Parts of the report's article rows and disagreements, then the rest of the report (with those lists empty). */
export type FromWorker = { rows: ArticleRow[] } | { targets: PlainDisagreements[] } | { ok: JobResult } | { error: string };

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

function send(r: JobResult): void {
  for (let i = 0; i < r.report.articles.length; i += PART) post({ rows: r.report.articles.slice(i, i + PART) });
  for (let i = 0; i < r.targets.length; i += PART) post({ targets: r.targets.slice(i, i + PART) });
  post({ ok: { ...r, report: { ...r.report, articles: [] }, targets: [] } });
}

let job: AgreementJob | undefined;
parentPort?.on('message', (m: ToWorker) => {
  try {
    if (m.type === 'start') job = new AgreementJob(m.spec);
    else if (!job) throw new Error('the agreement worker was not started');
    else if (m.type === 'add') for (const a of m.articles) job.add(a, compared(a, job.annotators) && !a.broken ? bytesOf(a.path) : '');
    else send(job.finish());
  } catch (e) {
    post({ error: e instanceof Error ? e.message : String(e) });
  }
});
