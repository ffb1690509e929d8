// `sift agree`: inter-annotator agreement over the corpus index, as a table, JSON or CSV, with a gate for CI.
import * as path from 'path';
import { Detector, referenceDate } from '../core/detect/detector';
import { ArticleError, ArticleText, readArticleFile } from '../core/text/article';
import { ArticleLayers, placedOn } from '../core/review/corpusReview';
import { detectorLayer } from '../core/review/align';
import { DETECTOR, GOLD, LayerInput } from '../core/review/units';
import { AgreementArticle, agreement } from '../core/review/agreement/report';
import { agreementCsv, agreementText } from '../core/review/agreement/format';
import { CliIo } from './io';
import { commaList, parseOptions } from './options';
import { clean, load } from './review';
import { AssignmentError } from '../core/corpus/assignments';
import { AssignmentsAt, assignedAt, assignmentsFor } from '../core/corpus/assignmentsFile';
import { Exclusion, assignedArticle, withAssignmentCounts } from '../core/review/assigned';

export const AGREE_USAGE = `sift agree [paths...] [--annotators A,B,...] [--labels L,...] [--with-detector] [--json | --csv] [--min-f1 X]
  Inter-annotator agreement of the layers under the paths (default .): span F1 per pair (exact and overlap, per
  label and micro over all articles), Cohen's and Fleiss' κ and Krippendorff's α on the tokens of the CoNLL export,
  Krippendorff's αu per label, and claim agreement (spans, source, factuality, confidence). Every figure comes with
  the units used, incomplete and excluded. Offsets and lengths are code points. Gold is never an annotator.
  --with-detector adds the detector's suggestions as the annotator sift-detector. --min-f1 exits 1 when any pair's
  micro exact F1 is below X (or undefined), for CI.`;

interface AgreeArgs {
  paths: string[];
  annotators?: string[];
  labels?: string[];
  detector: boolean;
  format: 'text' | 'json' | 'csv';
  minF1?: number;
}

function parseArgs(args: string[]): AgreeArgs | string {
  const formats: string[] = [];
  const r = parseOptions<AgreeArgs>(args, { paths: [], detector: false, format: 'text' }, {
    flags: {
      '--json': () => { formats.push('json'); },
      '--csv': () => { formats.push('csv'); },
      '--with-detector': (x) => { x.detector = true; },
    },
    values: {
      '--annotators': (x, v) => { x.annotators = commaList(v); },
      '--labels': (x, v) => { x.labels = commaList(v); },
      '--min-f1': (x, v = '') => {
        const n = Number(v);
        if (v === '' || !Number.isFinite(n) || n < 0 || n > 1) return '--min-f1 needs a number from 0 to 1';
        x.minF1 = n;
        return undefined;
      },
    },
  });
  if (typeof r === 'string') return r;
  if (formats.length > 1) return 'give --json or --csv, not both';
  if (formats.length) r.format = formats[0] as 'json' | 'csv';
  if (r.annotators?.includes(GOLD)) return 'gold is adjudicated from the annotators and is not one of them; leave it out of --annotators';
  if (r.annotators && r.detector && !r.annotators.includes(DETECTOR)) r.annotators.push(DETECTOR);
  return r;
}

const rel = (cwd: string, p: string) => clean(path.relative(cwd, p) || p);

/** One article ready for agreement, or undefined (reported) when it or a sidecar of it cannot be read. */
function articleOf(a: ArticleLayers, detector: Detector | undefined, io: CliIo): AgreementArticle | undefined {
  const name = rel(io.cwd, a.article);
  for (const b of a.broken) io.err(`sift agree: ${rel(io.cwd, b.sidecar)} cannot be read; ${name} skipped: ${b.error.split('\n')[0]}\n`);
  if (a.broken.length) return undefined;
  let read: { text: string; mtime: Date };
  try {
    read = readArticleFile(a.article);
  } catch (e) {
    if (!(e instanceof ArticleError)) throw e;
    io.err(`sift agree: ${name} skipped: ${e.message}\n`);
    return undefined;
  }
  const text = new ArticleText(read.text);
  const layers: LayerInput[] = placedOn(text, a.article, a.layers.filter((l) => l.annotator !== GOLD && l.annotator !== DETECTOR));
  if (detector) {
    const published = a.layers.map((l) => l.layer.header.published).find((p) => p);
    const ref = referenceDate(read.text, published, read.mtime);
    layers.push({ annotator: DETECTOR, layer: detectorLayer(text, detector.detect(read.text, ref.date), { article: path.basename(a.article), published }) });
  }
  return { article: path.relative(io.cwd, a.article) || a.article, text, layers };
}

export async function agreeCommand(args: string[], io: CliIo): Promise<number> {
  const r = parseArgs(args);
  if (typeof r === 'string') {
    io.err(`sift agree: ${r}\n${AGREE_USAGE}\n`);
    return 2;
  }
  let at: AssignmentsAt | undefined;
  try {
    at = assignmentsFor(path.resolve(io.cwd, r.paths[0] ?? '.'));
  } catch (e) {
    if (!(e instanceof AssignmentError)) throw e;
    io.err(`sift agree: ${clean(e.message)}\n`);
    return 2;
  }
  const { articles, missing } = await load(r.paths, io.cwd);
  for (const m of missing) io.err(`sift agree: ${m}: not found\n`);
  // The detector's own rules only: the names labelled in the sidecars would hand it the annotators' answers.
  const detector = r.detector ? new Detector() : undefined;
  const read = articles.map((a) => ({ a, input: articleOf(a, detector, io) }));
  const inputs: AgreementArticle[] = [];
  const excluded: Exclusion[] = [];
  let notAssigned = 0;
  for (const { a, input } of read) {
    if (!input) continue;
    const s = assignedArticle(input, assignedAt(at, a.article));
    if (s.article) inputs.push(s.article);
    excluded.push(...s.excluded);
    notAssigned += s.notAssigned;
  }
  const report = withAssignmentCounts(agreement(inputs, { annotators: r.annotators, labels: r.labels }), excluded, notAssigned);
  if (r.format === 'json') io.out(`${JSON.stringify(report, null, 2)}\n`);
  else if (r.format === 'csv') io.out(agreementCsv(report));
  else io.out(agreementText(report, clean));
  let code = missing.length || read.some((x) => !x.input) ? 1 : 0;
  if (r.minF1 !== undefined) {
    const below = report.pairs.filter((p) => p.f1.micro === null || p.f1.micro < r.minF1!);
    for (const p of below) io.err(`sift agree: ${clean(p.a)} × ${clean(p.b)} micro exact F1 ${p.f1.micro === null ? 'undefined' : p.f1.micro.toFixed(3)} is below ${r.minF1}\n`);
    if (below.length || report.pairs.length === 0) code = 1;
    if (report.pairs.length === 0) io.err('sift agree: --min-f1: no pair of annotators to compare\n');
  }
  return code;
}
