// Dataset formats. Each turns article records into files (path → content). Offsets everywhere are code points,
// end-exclusive: text[start:end] in Python is the span. Each record is formatted on its own, into a piece; a file is its
// records' pieces put together, so records can be formatted anywhere (in worker threads too) and give the same bytes.
import { OffsetIndex } from '../text/offsets';
import { bratConf, bratFiles, confidenceBands } from './brat';
import { ArticleRecord, EntityOut } from './dataset';
import { Token, sentences, tokenize } from '../text/tokenize';

export const EXPORT_FORMAT_VERSION = 1;
export type FormatName = 'jsonl' | 'conll' | 'brat' | 'csv' | 'hf';
export const FORMATS: readonly FormatName[] = ['jsonl', 'conll', 'brat', 'csv', 'hf'];

export interface Problem {
  file: string;
  message: string;
}

/** What a format takes beyond the records (brat only, for now). */
export interface FormatOptions {
  /** Entity labels brat's annotation.conf declares beyond the built-ins and the labels the records use. */
  labels?: readonly string[];
  /** Named confidence levels for brat's Confidence attribute (default low 0.25, medium 0.5, high 0.75, certain 1). */
  confidenceLevels?: Readonly<Record<string, number>>;
}

export interface Output {
  files: Map<string, string>;
  problems: Problem[];
}

/** One record's share of an export: text for the format's file (each line with its line break), problems, brat's files. */
export interface Piece {
  text: string;
  problems: Problem[];
  files?: [string, string][];
}

/** JSON Lines: one article per line, with its text, entities and claims. */
function jsonlLine(r: ArticleRecord, exportedAt: string): string {
  return JSON.stringify({
    format: 'sift-jsonl',
    version: EXPORT_FORMAT_VERSION,
    exported_at: exportedAt,
    id: r.id,
    file: r.file,
    sha256: r.sha256,
    reference_date: r.reference_date,
    annotators: r.annotators,
    offsets: 'unicode code points, end-exclusive',
    text: r.text,
    entities: r.entities,
    claims: r.claims,
    ...(r.orphaned ? { orphaned: r.orphaned } : {}),
  });
}

/** RFC 4180: quote a field when it holds a comma, quote, CR or LF; double the quotes inside. */
export function csvField(v: string | number | undefined | null): string {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_COLUMNS = ['file', 'article_id', 'claim_id', 'start', 'end', 'quote', 'source', 'source_start', 'source_end', 'confidence', 'factuality', 'cue', 'cue_start', 'cue_end', 'annotator', 'note', 'links'] as const;

/** A CSV of claims, one row per claim, CRLF line ends (RFC 4180): one record's rows. */
function csvRows(r: ArticleRecord): string {
  let out = '';
  for (const c of r.claims) {
    out += `${[
      r.file, r.id, c.id, c.start, c.end, c.text, c.source, c.source_span?.start, c.source_span?.end, c.confidence, c.factuality, c.cue?.text, c.cue?.start, c.cue?.end,
      c.annotator, c.note, (c.links ?? []).map((l) => `${l.relation}:${l.article}#${l.claim}`).join(' | '),
    ].map(csvField).join(',')}\r\n`;
  }
  return out;
}

/** The documents a token format writes: one per article, or one per article and annotator when layers are mixed. */
function documents(r: ArticleRecord): { id: string; file: string; text: string; entities: EntityOut[] }[] {
  if (r.annotators.length <= 1) return [{ id: r.id, file: r.file, text: r.text, entities: r.entities }];
  const who = [...new Set(r.entities.map((e) => e.annotator))].sort();
  return who.map((a) => ({ id: `${r.id}@${a}`, file: r.file, text: r.text, entities: r.entities.filter((e) => e.annotator === a) }));
}

/** Index of the token whose `side` is at code point `cp` (tokens are in order, their starts and ends increasing), or -1. */
function tokenAt(tokens: Token[], cp: number, side: 'start' | 'end'): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = tokens[mid][side];
    if (v === cp) return mid;
    if (v < cp) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * BIO tags for one document's tokens; entities that do not fall on token boundaries or overlap are reported, not
 * shifted. The sentences hold the same tokens in the same order, so the n-th token of the sentences has tags[n].
 */
function bio(doc: { id: string; file: string; text: string; entities: EntityOut[] }, problems: Problem[]): { tokens: Token[]; tags: string[]; sentences: Token[][] } {
  const index = new OffsetIndex(doc.text);
  const tokens = tokenize(doc.text, index);
  const tags: string[] = new Array<string>(tokens.length).fill('O');
  const placed: EntityOut[] = [];
  for (const e of doc.entities) {
    const a = tokenAt(tokens, e.start, 'start');
    const b = tokenAt(tokens, e.end, 'end');
    if (a === -1 || b === -1) {
      problems.push({ file: doc.file, message: `${doc.id}: ${e.label} '${e.text}' at ${e.start}..${e.end} does not fall on token boundaries; left out` });
      continue;
    }
    let taken = false;
    for (let i = a; i <= b && !taken; i++) taken = tags[i] !== 'O';
    if (taken) {
      problems.push({ file: doc.file, message: `${doc.id}: ${e.label} '${e.text}' at ${e.start}..${e.end} overlaps another entity; left out` });
      continue;
    }
    const begin = `B-${e.label}`;
    const inside = `I-${e.label}`;
    for (let i = a; i <= b; i++) tags[i] = i === a ? begin : inside;
    placed.push(e);
  }
  return { tokens, tags, sentences: sentences(doc.text, tokens, placed, index) };
}

/** CoNLL-2003 style: "token _ _ TAG", a blank line between sentences, -DOCSTART- before each document. */
function conllDocs(r: ArticleRecord, problems: Problem[]): string {
  let out = '';
  for (const doc of documents(r)) {
    const { tags, sentences: sents } = bio(doc, problems);
    const lines = ['-DOCSTART- -X- -X- O\n'];
    let n = 0;
    for (const s of sents) {
      for (const t of s) lines.push(`${t.text} _ _ ${tags[n++]}`);
      lines.push('');
    }
    out += `${lines.join('\n')}\n`;
  }
  return out;
}

/** Hugging Face token classification: JSON Lines of {id, tokens, ner_tags} per sentence. */
function hfLines(r: ArticleRecord, id: Map<string, number>, problems: Problem[]): string {
  let out = '';
  for (const doc of documents(r)) {
    const { tags, sentences: sents } = bio(doc, problems);
    let k = 0;
    sents.forEach((s, n) => { out += `${JSON.stringify({ id: `${doc.id}#${n}`, article: doc.file, tokens: s.map((t) => t.text), ner_tags: s.map(() => id.get(tags[k++])!) })}\n`; });
  }
  return out;
}

/** The Hugging Face label list of a file: O, then B- and I- of every entity label its records use, sorted. */
export function hfLabels(entityLabels: Iterable<string>): string[] {
  return ['O', ...[...new Set(entityLabels)].sort().flatMap((l) => [`B-${l}`, `I-${l}`])];
}

/** One record formatted; `labels` (HF only) is the label list of the file it goes to. */
export function formatRecord(r: ArticleRecord, name: FormatName, exportedAt: string, labels: string[] = [], options: FormatOptions = {}): Piece {
  const problems: Problem[] = [];
  switch (name) {
    case 'jsonl': return { text: `${jsonlLine(r, exportedAt)}\n`, problems };
    case 'csv': return { text: csvRows(r), problems };
    case 'conll': return { text: conllDocs(r, problems), problems };
    case 'hf': return { text: hfLines(r, new Map(labels.map((l, i) => [l, i])), problems), problems };
    case 'brat': return { text: '', problems, files: bratFiles(r, problems, confidenceBands(options.confidenceLevels)) };
  }
}

/** A format's files from its records' pieces, in record order; brat's annotation.conf declares `options.labels`. */
export function assemble(name: FormatName, pieces: Piece[], labels: string[] = [], options: FormatOptions = {}): Output {
  const problems = pieces.flatMap((p) => p.problems);
  const text = () => pieces.map((p) => p.text).join('');
  switch (name) {
    case 'jsonl': return { files: new Map([['dataset.jsonl', text()]]), problems };
    case 'csv': return { files: new Map([['claims.csv', `${CSV_COLUMNS.join(',')}\r\n${text()}`]]), problems };
    // Every CoNLL line ends with a line break but the last, as a join of all the lines would give.
    case 'conll': return { files: new Map([['dataset.conll', text().slice(0, -1)]]), problems };
    case 'hf': return { files: new Map([['data.jsonl', text()], ['labels.json', `${JSON.stringify(labels, null, 2)}\n`]]), problems };
    case 'brat': {
      const files = new Map<string, string>([['annotation.conf', bratConf(options.labels, confidenceBands(options.confidenceLevels))]]);
      for (const p of pieces) for (const [k, v] of p.files ?? []) files.set(k, v);
      return { files, problems };
    }
  }
}
