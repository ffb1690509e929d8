// `sift review`: auto-merge into gold, review status per article, and one article's units, over the corpus index.
import * as fs from 'fs';
import * as path from 'path';
import { foundCorpusIndex, scanCorpus } from '../core/corpus/nodeIndex';
import { findSidecarsIn } from '../core/corpus/findSidecars';
import { defaultAnnotator, isValidAnnotator } from '../core/store/annotator';
import { ArticleError, ArticleText, readArticle } from '../core/text/article';
import { Decider, MERGE_STRATEGIES, MergeStrategy } from '../core/review/adjudicate';
import { ArticleLayers, alignArticle, articlesOf } from '../core/review/corpusReview';
import { articleStatus, ArticleReviewStatus } from '../core/review/feedback';
import { Unit, UNIT_STATES, Version } from '../core/review/units';
import { AssignmentError } from '../core/corpus/assignments';
import { AssignmentsAt, assignmentsFor } from '../core/corpus/assignmentsFile';
import { comparedIn } from '../core/review/assigned';
import { CliIo } from './io';
import { MergeRun, MergeSettings, MergedArticle, defaultJobs, mergeInWorkers, mergeOutcomes, shares } from './reviewParallel';
import { Selection, notFound, selectPaths, selects } from './selection';
import { commaList, parseOptions } from './options';

export const REVIEW_USAGE = `sift review --merge [paths...] [--strategy unanimous|agreed|majority] [--min-votes N]
            [--annotators A,B] [--adjudicator NAME] [--seed S] [--jobs N]
sift review --status [paths...] [--annotators A,B] [--json]
sift review --units FILE [--annotators A,B] [--json]
  Compares the annotators' layers of each article under the paths (default .; a path may be a folder, an article or
  a sidecar) unit by unit. --merge writes what the strategy settles into each article's gold sidecar, with its
  provenance: unanimous (the default) takes what every compared layer has the same; agreed, what every layer that
  annotated the position agrees on; majority, a version with more than half the votes (or --min-votes) and no tie.
  Decisions already in gold are kept. --status prints each article's units and open disagreements per state and its
  layers' statuses; --units prints one article's units with their versions. Unreadable sidecars are reported and
  their article skipped; nothing unreadable is written over. --seed (or SIFT_ID_SEED) makes the ids of new gold
  annotations depend only on S, the article's file name and their order, for reproducible runs; they are random
  otherwise. --jobs N merges in N worker threads (default: one per CPU, up to 8, from 1,500 sidecars); the result
  is the same whatever N.`;

type Mode = 'merge' | 'status' | 'units';

interface ReviewArgs {
  mode: Mode;
  paths: string[];
  strategy: MergeStrategy;
  minVotes?: number;
  annotators?: string[];
  adjudicator?: string;
  /** Seeds the ids of new gold annotations (--seed, else SIFT_ID_SEED). */
  idSeed?: string;
  json: boolean;
  /** Worker threads for --merge (default: one per CPU, up to 8, for 1,500 sidecars or more; else none). */
  jobs?: number;
  /** sift.assignments.yaml at the corpus root: an article is compared among its assigned annotators. */
  assigned?: AssignmentsAt;
}

function parseArgs(args: string[]): ReviewArgs | string {
  const modes: Mode[] = [];
  const mode = (_: ReviewArgs, name: string) => { modes.push(name.slice(2) as Mode); };
  const r = parseOptions<ReviewArgs>(args, { mode: 'status', paths: [], strategy: 'unanimous', json: false }, {
    flags: { '--merge': mode, '--status': mode, '--units': mode, '--json': (x) => { x.json = true; } },
    values: {
      '--strategy': (x, s = '') => {
        if (!MERGE_STRATEGIES.includes(s as MergeStrategy)) return `unknown strategy '${s}'`;
        x.strategy = s as MergeStrategy;
        return undefined;
      },
      '--min-votes': (x, v = '') => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1) return '--min-votes needs a whole number of at least 1';
        x.minVotes = n;
        return undefined;
      },
      '--annotators': (x, v) => { x.annotators = commaList(v); },
      '--adjudicator': (x, v = '') => { x.adjudicator = v; },
      '--seed': (x, v = '') => { x.idSeed = v; },
      '--jobs': (x, v = '') => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1) return '--jobs needs a whole number of at least 1';
        x.jobs = n;
        return undefined;
      },
    },
  });
  if (typeof r === 'string') return r;
  if (modes.length !== 1) return 'give one of --merge, --status, --units';
  r.mode = modes[0];
  if (r.mode === 'units' && r.paths.length !== 1) return '--units takes one FILE';
  if (r.minVotes !== undefined && r.strategy !== 'majority') return '--min-votes goes with --strategy majority';
  if (r.adjudicator !== undefined && !isValidAnnotator(r.adjudicator)) return `'${r.adjudicator}' is not a valid annotator id`;
  if (r.idSeed === '') return '--seed needs a value';
  if (r.idSeed !== undefined && r.mode !== 'merge') return '--seed goes with --merge';
  if (r.jobs !== undefined && r.mode !== 'merge') return '--jobs goes with --merge';
  return r;
}

/** The articles under the paths: folders whole; an article or a sidecar stands for its article. */
export async function load(paths: string[], cwd: string): Promise<{ articles: ArticleLayers[]; missing: string[] }> {
  const sel = selectPaths(paths, cwd);
  // The CLI's one way to the corpus: the hostile walk (no links to folders, nothing outside the roots), read once.
  const index = await scanCorpus(sel.roots);
  const articles = articlesOf(index).filter((a) => selects(sel, a));
  return { articles, missing: notFound(sel, new Set(articles.map((a) => a.article)), cwd) };
}

/** A name from data (file, label, annotator) as it may go to a terminal: control and bidi characters escaped. */
export function clean(s: string): string {
  return s.replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const rel = (cwd: string, p: string) => clean(path.relative(cwd, p) || p);

/** A quote as it may go to a terminal: in double quotes, control and bidi characters escaped. */
function shown(s: string): string {
  return clean(JSON.stringify(s));
}

function reportBroken(a: MergedArticle, io: CliIo): void {
  for (const b of a.broken) io.err(`sift review: ${rel(io.cwd, b.sidecar)} cannot be read; ${rel(io.cwd, a.article)} skipped: ${clean(b.error.split('\n')[0])}\n`);
}

/** The merge's outcomes, in worker threads for a big corpus (reviewParallel.ts), else on this thread. */
async function mergeRun(r: ReviewArgs, sel: Selection, who: Decider): Promise<MergeRun> {
  const found = findSidecarsIn(sel.roots).sidecars;
  const jobs = r.jobs ?? defaultJobs(found.length);
  const script = path.join(__dirname, 'reviewMergeWorker.js');
  const settings: MergeSettings = { strategy: r.strategy, minVotes: r.minVotes, annotators: r.annotators, idSeed: r.idSeed, assigned: r.assigned };
  const parts = jobs > 1 && fs.existsSync(script) ? shares(found, jobs) : [];
  const parallel = parts.length > 1 ? await mergeInWorkers(script, parts.map((p) => ({ roots: sel.roots, found: p, selection: sel, settings, who }))) : undefined;
  if (parallel) return parallel;
  const index = foundCorpusIndex(sel.roots, found);
  await index.scan();
  return mergeOutcomes(articlesOf(index).filter((a) => selects(sel, a)), settings, who);
}

async function mergeAll(r: ReviewArgs, io: CliIo): Promise<number> {
  const who = { adjudicator: r.adjudicator ?? defaultAnnotator(process.env.SIFT_ANNOTATOR, io.cwd), now: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') };
  const sel = selectPaths(r.paths, io.cwd);
  const { articles, results: outcomes, error } = await mergeRun(r, sel, who);
  const missing = notFound(sel, new Set(articles.map((a) => a.article)), io.cwd);
  for (const m of missing) io.err(`sift review: ${clean(m)}: not found\n`);
  let added = 0;
  let written = 0;
  let skipped = 0;
  const results: unknown[] = [];
  // Reported in the articles' order, as one at a time would; an unexpected error after the articles before it.
  for (const [i, a] of articles.entries()) {
    reportBroken(a, io);
    if (error?.at === i) throw error.error;
    const o = outcomes[i];
    if (o.skipped) {
      skipped++;
      io.err(`sift review: ${rel(io.cwd, a.article)} skipped: ${clean(o.skipped)}\n`);
    }
    added += o.added;
    if (o.written) written++;
    results.push({ article: rel(io.cwd, a.article), added: o.added, written: o.written, ...(o.skipped === undefined ? {} : { skipped: o.skipped }) });
  }
  const locked = articles.filter((_, i) => outcomes[i].locked).map((a) => rel(io.cwd, a.article));
  if (locked.length) io.err(`sift review: ${locked.length} article(s) not merged, their gold sidecar locked by another writer: ${locked.join(', ')}; run the merge again for them\n`);
  if (r.json) io.out(`${JSON.stringify({ strategy: r.strategy, adjudicator: who.adjudicator, articles: results }, null, 2)}\n`);
  else io.out(`${articles.length} article(s), ${r.strategy}: ${added} gold annotation(s) added in ${written} gold sidecar(s) by ${who.adjudicator}; ${skipped} skipped\n`);
  return skipped || missing.length ? 1 : 0;
}

function statusLine(article: string, s: ArticleReviewStatus, notYet: string[] = []): string {
  const states = (counts: Record<string, number>) => UNIT_STATES.filter((k) => counts[k] > 0).map((k) => `${k} ${counts[k]}`).join(', ');
  const open = s.open ? ` (${states(s.openByState)})` : '';
  return `${article}: ${s.units} unit(s), ${s.open} open${open}; ${states(s.byState) || 'none'}; ${clean([...s.statuses.map((x) => `${x.annotator} ${x.status}`), ...notYet.map((x) => `${x} not annotated yet`)].join(', '))}\n`;
}

/** Reads an article for review; undefined (reported) when it cannot be read. */
function textOf(a: ArticleLayers, io: CliIo): ArticleText | undefined {
  try {
    return new ArticleText(readArticle(a.article));
  } catch (e) {
    if (!(e instanceof ArticleError)) throw e;
    io.err(`sift review: ${rel(io.cwd, a.article)} skipped: ${clean(e.message)}\n`);
    return undefined;
  }
}

function statusAll(articles: ArticleLayers[], r: ReviewArgs, io: CliIo): number {
  const rows: unknown[] = [];
  let failed = 0;
  for (const a of articles) {
    reportBroken(a, io);
    const text = a.broken.length ? undefined : textOf(a, io);
    if (!text) { failed++; continue; }
    const c = comparedIn(r.assigned, a.article, a.layers.map((l) => l.annotator), r.annotators);
    const { layers, alignment } = alignArticle(a, text, c?.annotators ?? r.annotators);
    const s = articleStatus(alignment, layers);
    if (r.json) rows.push({ article: rel(io.cwd, a.article), ...s, ...(c ? { not_annotated_yet: c.notYet } : {}) });
    else io.out(statusLine(rel(io.cwd, a.article), s, c?.notYet));
  }
  if (r.json) io.out(`${JSON.stringify(rows, null, 2)}\n`);
  return failed ? 1 : 0;
}

function versionLine(v: Version): string {
  const what = v.kind === 'entity' ? clean(v.label ?? '') : `claim, source ${shown(v.claim?.source.name ?? '')}${v.claim?.factuality ? `, ${v.claim.factuality}` : ''}, confidence ${v.claim?.confidence ?? ''}`;
  return `    ${what} · ${shown(v.quote)} ${v.start}-${v.end} · ${clean(v.annotators.join(', '))}\n`;
}

function unitText(u: Unit): string {
  const decided = u.gold.length ? ` gold: ${u.gold.map((g) => ('label' in g ? clean(g.label) : 'claim') + ` ${shown(g.quote)} ${g.start}-${g.end}`).join('; ')}` : u.dismissal ? ' gold: rejected' : '';
  const missing = u.missing.length ? ` missing: ${clean(u.missing.join(', '))}` : '';
  return `${u.start}-${u.end} ${u.kind} ${u.state}${u.state === 'adjudicated' ? ` (${u.disagreement})` : ''}${missing}${decided}\n${u.versions.map(versionLine).join('')}`;
}

function units(articles: ArticleLayers[], r: ReviewArgs, io: CliIo): number {
  const a = articles[0];
  if (articles.length !== 1 || !a) {
    io.err(`sift review: ${r.paths[0]} is not an article with sidecars\n`);
    return 1;
  }
  reportBroken(a, io);
  const text = a.broken.length ? undefined : textOf(a, io);
  if (!text) return 1;
  const c = comparedIn(r.assigned, a.article, a.layers.map((l) => l.annotator), r.annotators);
  const { alignment } = alignArticle(a, text, c?.annotators ?? r.annotators);
  const notYet = c?.notYet.length ? `; not annotated yet: ${clean(c.notYet.join(', '))}` : '';
  if (r.json) io.out(`${JSON.stringify({ article: rel(io.cwd, a.article), ...alignment, ...(c ? { not_annotated_yet: c.notYet } : {}) }, null, 2)}\n`);
  else io.out(`${rel(io.cwd, a.article)}: ${alignment.units.length} unit(s), compared ${clean(alignment.annotators.join(', '))}${notYet}\n${alignment.units.map(unitText).join('')}`);
  return 0;
}

export async function reviewCommand(args: string[], io: CliIo): Promise<number> {
  const r = parseArgs(args);
  if (typeof r === 'string') {
    io.err(`sift review: ${r}\n${REVIEW_USAGE}\n`);
    return 2;
  }
  try {
    r.assigned = assignmentsFor(path.resolve(io.cwd, r.paths[0] ?? '.'));
  } catch (e) {
    if (!(e instanceof AssignmentError)) throw e;
    io.err(`sift review: ${clean(e.message)}\n`);
    return 2;
  }
  r.idSeed ??= process.env.SIFT_ID_SEED || undefined;
  if (r.mode === 'merge') return mergeAll(r, io);
  const { articles, missing } = await load(r.paths, io.cwd);
  for (const m of missing) io.err(`sift review: ${clean(m)}: not found\n`);
  const code = r.mode === 'status' ? statusAll(articles, r, io) : units(articles, r, io);
  return missing.length ? Math.max(code, 1) : code;
}
