// The worker thread that computes the agreement report (bundled to dist/agreementWorker.js): the host posts the
// articles (names, paths, the layers the corpus index holds) in batches of bounded size, a big article in pieces, and
// then `finish`; the worker reads each compared article's text, places the layers on it, tallies it, pools everything
// (αu included) and sends back the finished report, its long lists in parts, one part each time the host asks for the
// `next` (a message is deserialised on the receiving thread in one piece, and messages queued together are all taken
// in one turn of its event loop: parts sent unasked would block the host as long as one big message). The extension
// host only posts and receives, so a big corpus never blocks it.
import * as fs from 'fs';
import { parentPort } from 'worker_threads';
import { ArticleRow } from '../../../core/review/agreement/shape';
import { AgreementJob, JobArticle, JobResult, JobSpec, Pieces, PlainDisagreements, compared } from './agreementJob';

/** Messages of report `id`: it starts, its articles come in batches, it is to be finished, the host takes the next part. */
export type ToWorker = { id: number } & ({ type: 'start'; spec: JobSpec } | { type: 'add'; articles: JobArticle[] } | { type: 'finish' } | { type: 'next' });
/** Parts of report `id`'s article rows and disagreements, then the rest of the report (with those lists empty). */
export type FromWorker = { id: number } & ({ rows: ArticleRow[] } | { targets: PlainDisagreements[] } | { ok: JobResult } | { error: string });

/** Rows (or disagreements) per part: a part is deserialised on the host in a few milliseconds. */
export const PART = 250;

function bytesOf(file: string): Uint8Array | string {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

const post = (m: FromWorker) => parentPort?.postMessage(m);

/** The finished reports' parts not yet taken by the host, by report id. */
const outbox = new Map<number, FromWorker[]>();

/** Posts report `id`'s next part; the last part ends it. */
function next(id: number): void {
  const parts = outbox.get(id);
  const m = parts?.shift();
  if (!parts?.length) outbox.delete(id);
  if (m) post(m);
}

/** The report in parts: its rows, its disagreements, then the rest. */
export function partsOf(id: number, r: JobResult): FromWorker[] {
  const parts: FromWorker[] = [];
  for (let i = 0; i < r.report.articles.length; i += PART) parts.push({ id, rows: r.report.articles.slice(i, i + PART) });
  for (let i = 0; i < r.targets.length; i += PART) parts.push({ id, targets: r.targets.slice(i, i + PART) });
  parts.push({ id, ok: { ...r, report: { ...r.report, articles: [] }, targets: [] } });
  return parts;
}

/** The reports under way, by id (with the big article being put together); one that failed stays as its error until it is to be finished. */
const jobs = new Map<number, { job: AgreementJob; pieces: Pieces } | string>();

function add(job: AgreementJob, pieces: Pieces, articles: readonly JobArticle[]): void {
  for (const p of articles) {
    const a = pieces.join(p);
    if (a) job.add(a, compared(a, job.annotators) && !a.broken ? bytesOf(a.path) : '');
  }
}

parentPort?.on('message', (m: ToWorker) => {
  if (m.type === 'next') { next(m.id); return; }
  const j = jobs.get(m.id);
  try {
    if (m.type === 'start') jobs.set(m.id, { job: new AgreementJob(m.spec), pieces: new Pieces() });
    else if (j === undefined) throw new Error('the agreement worker was not started');
    else if (typeof j === 'string') { if (m.type === 'finish') { jobs.delete(m.id); post({ id: m.id, error: j }); } }
    else if (m.type === 'add') add(j.job, j.pieces, m.articles);
    else { jobs.delete(m.id); outbox.set(m.id, partsOf(m.id, j.job.finish())); next(m.id); }
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    if (m.type === 'finish' || j === undefined) { jobs.delete(m.id); post({ id: m.id, error: why }); } else jobs.set(m.id, why);
  }
});
