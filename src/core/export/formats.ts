// Dataset formats. Each turns article records into files (path → content). Offsets everywhere are code points,
// end-exclusive: text[start:end] in Python is the span.
import { OffsetIndex } from '../offsets';
import { ArticleRecord, EntityOut } from './dataset';
import { Token, sentences, tokenize } from './tokenize';

export const EXPORT_FORMAT_VERSION = 1;
export type FormatName = 'jsonl' | 'conll' | 'brat' | 'csv' | 'hf';
export const FORMATS: readonly FormatName[] = ['jsonl', 'conll', 'brat', 'csv', 'hf'];

export interface Problem {
  file: string;
  message: string;
}

export interface Output {
  files: Map<string, string>;
  problems: Problem[];
}

/** JSON Lines: one article per line, with its text, entities and claims. */
export function toJsonl(records: ArticleRecord[], exportedAt: string): string {
  return records.map((r) => JSON.stringify({
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
  })).join('\n') + (records.length ? '\n' : '');
}

/** RFC 4180: quote a field when it holds a comma, quote, CR or LF; double the quotes inside. */
export function csvField(v: unknown): string {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_COLUMNS = ['file', 'article_id', 'claim_id', 'start', 'end', 'quote', 'source', 'source_start', 'source_end', 'confidence', 'factuality', 'cue', 'cue_start', 'cue_end', 'annotator', 'note', 'links'] as const;

/** A CSV of claims, one row per claim, CRLF line ends (RFC 4180). */
export function toCsv(records: ArticleRecord[]): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const r of records) {
    for (const c of r.claims) {
      rows.push([
        r.file, r.id, c.id, c.start, c.end, c.text, c.source, c.source_span?.start, c.source_span?.end, c.confidence, c.factuality, c.cue?.text, c.cue?.start, c.cue?.end,
        c.annotator, c.note, (c.links ?? []).map((l) => `${l.relation}:${l.article}#${l.claim}`).join(' | '),
      ].map(csvField).join(','));
    }
  }
  return rows.join('\r\n') + '\r\n';
}

/** The documents a token format writes: one per article, or one per article and annotator when layers are mixed. */
function documents(records: ArticleRecord[]): { id: string; file: string; text: string; entities: EntityOut[] }[] {
  return records.flatMap((r) => {
    if (r.annotators.length <= 1) return [{ id: r.id, file: r.file, text: r.text, entities: r.entities }];
    const who = [...new Set(r.entities.map((e) => e.annotator))].sort();
    return who.map((a) => ({ id: `${r.id}@${a}`, file: r.file, text: r.text, entities: r.entities.filter((e) => e.annotator === a) }));
  });
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
export function toConll(records: ArticleRecord[]): Output {
  const problems: Problem[] = [];
  // Every line followed by a line break; the last one is dropped at the end, as a join of the lines would.
  const chunks: string[] = [];
  for (const doc of documents(records)) {
    const { tags, sentences: sents } = bio(doc, problems);
    const lines = ['-DOCSTART- -X- -X- O\n'];
    let n = 0;
    for (const s of sents) {
      for (const t of s) lines.push(`${t.text} _ _ ${tags[n++]}`);
      lines.push('');
    }
    chunks.push(`${lines.join('\n')}\n`);
  }
  return { files: new Map([['dataset.conll', chunks.join('').slice(0, -1)]]), problems };
}

/** Hugging Face token classification: JSON Lines of {id, tokens, ner_tags} per sentence, and the label list. */
export function toHf(records: ArticleRecord[]): Output & { labels: string[] } {
  const problems: Problem[] = [];
  const entityLabels = [...new Set(records.flatMap((r) => r.entities.map((e) => e.label)))].sort();
  const labels = ['O', ...entityLabels.flatMap((l) => [`B-${l}`, `I-${l}`])];
  const id = new Map(labels.map((l, i) => [l, i]));
  const lines: string[] = [];
  for (const doc of documents(records)) {
    const { tags, sentences: sents } = bio(doc, problems);
    let k = 0;
    sents.forEach((s, n) => lines.push(JSON.stringify({ id: `${doc.id}#${n}`, article: doc.file, tokens: s.map((t) => t.text), ner_tags: s.map(() => id.get(tags[k++])!) })));
  }
  return { files: new Map([['data.jsonl', lines.join('\n') + (lines.length ? '\n' : '')], ['labels.json', `${JSON.stringify(labels, null, 2)}\n`]]), problems, labels };
}
