// Assignments (core, no `vscode`): which annotators annotate which article, kept in `sift.assignments.yaml` at the
// corpus root (like Prodigy's feed overlap). Each article is placed with `overlap` distinct annotators, the least
// loaded first, so every annotator's count stays within one of the others'; ties are broken by a PRNG seeded from the
// seed and the article's path, so the same seed and articles always give the same file. Placing again keeps every
// existing entry and places only the new articles, on top of the loads the file already has. Article paths are
// relative to the file's folder, with `/` separators, sorted.
import Ajv, { ValidateFunction } from 'ajv';
import { sha256Hex } from '../text/hash';
import { LineCounter, Node, isMap, isNode, isScalar, isSeq, parseDocument } from 'yaml';
import schema from '../../../schemas/assignments.schema.json';
import { isValidAnnotator } from '../store/annotator';

export const ASSIGNMENTS_FILE = 'sift.assignments.yaml';
export const ASSIGNMENTS_VERSION = 1;

/** The content of `sift.assignments.yaml`. `articles` maps a relative article path to its annotators. */
export interface Assignments {
  version: typeof ASSIGNMENTS_VERSION;
  overlap: number;
  seed: number;
  /** The annotators new articles are placed with, sorted. */
  annotators: string[];
  articles: Map<string, string[]>;
}

/** A bad request or a file that cannot be used; the message says what to do. Nothing is written after one. */
export class AssignmentError extends Error {
  constructor(message: string, readonly line?: number, readonly col?: number) {
    super(message);
    this.name = 'AssignmentError';
  }
}

export interface PlanRequest {
  annotators: readonly string[];
  overlap: number;
  /** Default: the existing file's seed, else 1. */
  seed?: number;
}

export interface Plan {
  assignments: Assignments;
  /** Articles placed by this plan (the others were in the file already), sorted. */
  placed: string[];
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const MAX_SEED = 0xffffffff;

/** mulberry32: a small, well-spread PRNG; the same state gives the same numbers on every platform. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The PRNG of one article: from the seed and the path, so an article's ties never depend on the others' order. */
function articleRandom(seed: number, article: string): () => number {
  // The digest's first four bytes, little-endian (as Node's digest().readUInt32LE(0)); sha256Hex is the browser's too.
  const h = sha256Hex(`${seed}\u0000${article}`);
  return prng(parseInt(h.slice(6, 8) + h.slice(4, 6) + h.slice(2, 4) + h.slice(0, 2), 16));
}

function checkRequest(r: PlanRequest, existing: Assignments | undefined): { annotators: string[]; seed: number } {
  const annotators = [...new Set(r.annotators)].sort(byCode);
  if (!annotators.length) throw new AssignmentError('give at least one annotator (--annotators a,b,c)');
  const bad = annotators.find((a) => !isValidAnnotator(a));
  if (bad !== undefined) throw new AssignmentError(`'${bad}' is not an annotator id (lower-case letters, digits, - and _, at most 40; 'gold' is the adjudicated layer)`);
  if (annotators.length !== r.annotators.length) throw new AssignmentError('an annotator is named twice in --annotators');
  if (!Number.isInteger(r.overlap) || r.overlap < 1) throw new AssignmentError('--overlap needs a whole number of at least 1');
  if (r.overlap > annotators.length) throw new AssignmentError(`--overlap ${r.overlap} is more than the ${annotators.length} annotator(s) given: each article needs ${r.overlap} distinct annotators`);
  const seed = r.seed ?? existing?.seed ?? 1;
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) throw new AssignmentError(`--seed needs a whole number from 0 to ${MAX_SEED}`);
  if (!existing) return { annotators, seed };
  if (existing.overlap !== r.overlap) throw new AssignmentError(`the assignments file has overlap ${existing.overlap}; placing new articles with --overlap ${r.overlap} would mix the two (give --overlap ${existing.overlap}, or start a new file)`);
  if (r.seed !== undefined && existing.seed !== r.seed) throw new AssignmentError(`the assignments file has seed ${existing.seed}; leave --seed out to keep it, or start a new file`);
  const dropped = existing.annotators.filter((a) => !annotators.includes(a));
  if (dropped.length) throw new AssignmentError(`${dropped.join(', ')} ${dropped.length === 1 ? 'is' : 'are'} in the assignments file but not in --annotators; their articles would stay assigned to them. Edit the file by hand to hand their articles over, or name them again`);
  return { annotators, seed };
}

/** Each annotator's number of articles in `articles` (every annotator of `annotators` counted, 0 included). */
export function loadsOf(annotators: readonly string[], articles: ReadonlyMap<string, readonly string[]>): Map<string, number> {
  const loads = new Map(annotators.map((a) => [a, 0]));
  for (const who of articles.values()) for (const a of who) loads.set(a, (loads.get(a) ?? 0) + 1);
  return loads;
}

/** Co-assignment counts: how often two annotators share an article (key `a\0b`, a < b). */
function pairsOf(articles: ReadonlyMap<string, readonly string[]>): Map<string, number> {
  const pairs = new Map<string, number>();
  for (const who of articles.values()) for (const a of who) for (const b of who) if (a < b) pairs.set(`${a}\u0000${b}`, (pairs.get(`${a}\u0000${b}`) ?? 0) + 1);
  return pairs;
}

/**
 * `overlap` distinct annotators for one article, one at a time: the least loaded; among them the one that shared the
 * fewest articles with those already chosen (so every pair gets compared, for agreement); then the article's PRNG.
 * Taking the least loaded keeps the counts within one of each other once they are (and brings them closer otherwise).
 */
function pick(annotators: readonly string[], overlap: number, loads: Map<string, number>, pairs: Map<string, number>, random: () => number): string[] {
  const tie = new Map(annotators.map((a) => [a, random()]));
  const shared = (a: string, chosen: string[]) => chosen.reduce((n, c) => n + (pairs.get(a < c ? `${a}\u0000${c}` : `${c}\u0000${a}`) ?? 0), 0);
  const chosen: string[] = [];
  for (let k = 0; k < overlap; k++) {
    const rest = annotators.filter((a) => !chosen.includes(a));
    rest.sort((a, b) => (loads.get(a) ?? 0) - (loads.get(b) ?? 0) || shared(a, chosen) - shared(b, chosen) || (tie.get(a) ?? 0) - (tie.get(b) ?? 0) || byCode(a, b));
    chosen.push(rest[0]);
  }
  for (const a of chosen) loads.set(a, (loads.get(a) ?? 0) + 1);
  for (const a of chosen) for (const b of chosen) if (a < b) pairs.set(`${a}\u0000${b}`, (pairs.get(`${a}\u0000${b}`) ?? 0) + 1);
  return chosen.sort(byCode);
}

/**
 * Places every article of `articles` (relative paths, `/` separators) that `existing` does not hold yet; the entries
 * of `existing` are kept as they are (also those whose article is gone: deleting them is the user's decision).
 */
export function planAssignments(articles: readonly string[], request: PlanRequest, existing?: Assignments): Plan {
  const { annotators, seed } = checkRequest(request, existing);
  const kept = new Map(existing?.articles ?? []);
  const loads = loadsOf(annotators, kept);
  const pairs = pairsOf(kept);
  const placed = [...new Set(articles)].filter((a) => !kept.has(a)).sort(byCode);
  for (const article of placed) {
    checkArticlePath(article);
    kept.set(article, pick(annotators, request.overlap, loads, pairs, articleRandom(seed, article)));
  }
  const sorted = new Map([...kept].sort((x, y) => byCode(x[0], y[0])));
  return { assignments: { version: ASSIGNMENTS_VERSION, overlap: request.overlap, seed, annotators, articles: sorted }, placed };
}

const ARTICLE_PATH = new RegExp((schema.definitions.articlePath as { pattern: string }).pattern, 'u');

/** A relative path as the file holds it: inside the corpus, `/` separators. */
export function checkArticlePath(p: string): void {
  if (!ARTICLE_PATH.test(p) || p.length > 1024) throw new AssignmentError(`'${JSON.stringify(p).slice(1, -1)}' is not a relative article path inside the corpus`);
}

let validate: ValidateFunction | undefined;

/** The problems of a parsed value against the schema, or of its annotators against the file's list. */
function schemaProblems(data: unknown): string[] {
  validate ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
  if (!validate(data)) return (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '(top level)'}: ${e.message ?? 'is not valid'}${e.params && 'propertyName' in e.params ? ` (${JSON.stringify(e.params.propertyName)})` : ''}`);
  const d = data as { annotators: string[]; articles: Record<string, string[]> };
  const known = new Set(d.annotators);
  const problems: string[] = [];
  for (const [article, who] of Object.entries(d.articles)) {
    const stranger = who.find((a) => !known.has(a));
    if (stranger !== undefined) problems.push(`/articles/${article}: '${stranger}' is not in annotators`);
  }
  return problems.slice(0, 5);
}

/** The first key repeated in a mapping (checked in one pass: the `yaml` library's own check is quadratic in keys). */
function repeatedKey(node: unknown): Node | undefined {
  if (isSeq(node)) {
    for (const item of node.items) { const r = repeatedKey(item); if (r) return r; }
  } else if (isMap(node)) {
    const seen = new Set<unknown>();
    for (const pair of node.items) {
      const key: unknown = isScalar(pair.key) ? pair.key.value : pair.key;
      if (seen.has(key) && isNode(pair.key)) return pair.key;
      seen.add(key);
      const r = repeatedKey(pair.value);
      if (r) return r;
    }
  }
  return undefined;
}

/** One scalar of the layout Sift writes: plain (a safe path or slug) or JSON-quoted; undefined for anything else. */
function fastScalar(s: string): string | undefined {
  if (s.startsWith('"')) {
    try { return JSON.parse(s) as string; } catch { return undefined; }
  }
  return /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/.test(s) && !NOT_PLAIN.test(s) ? s : undefined;
}

const QUOTED = '"(?:[^"\\\\]|\\\\.)*"';
const SCALAR = `(?:${QUOTED}|[A-Za-z0-9_][A-Za-z0-9_./-]*)`;
const ARTICLE_LINE = new RegExp(`^  (${SCALAR}): \\[(${SCALAR}(?:, ${SCALAR})*)\\]$`);
const ITEM = new RegExp(SCALAR, 'g');

/**
 * A reader for exactly the layout serializeAssignments writes (one article a line), in one linear pass: the `yaml`
 * library takes seconds over 10,000 articles. Any line it does not know, any scalar it is not sure of, makes it give
 * up (undefined) and the caller parses with `yaml`; what it returns is checked by the same schema.
 */
function readWrittenLayout(text: string): unknown {
  const lines = text.split('\n');
  let k = 0;
  while (lines[k]?.startsWith('#') || lines[k] === '') k++;
  const head = /^version: 1\noverlap: ([0-9]{1,4})\nseed: ([0-9]{1,10})\nannotators:$/.exec(lines.slice(k, k + 4).join('\n'));
  if (!head) return undefined;
  const annotators: string[] = [];
  for (k += 4; lines[k]?.startsWith('  - '); k++) {
    const a = fastScalar(lines[k].slice(4));
    if (a === undefined) return undefined;
    annotators.push(a);
  }
  if (lines[k] !== 'articles:' && lines[k] !== 'articles: {}') return undefined;
  const articles: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (k++; k < lines.length && lines[k] !== ''; k++) {
    const m = ARTICLE_LINE.exec(lines[k]);
    const key = m && fastScalar(m[1]);
    const who = m?.[2].match(ITEM)?.map(fastScalar);
    if (key === undefined || key === null || !who || who.some((w) => w === undefined) || key in articles) return undefined;
    articles[key] = who as string[];
  }
  if (lines.slice(k).some((l) => l !== '')) return undefined;
  return { version: 1, overlap: Number(head[1]), seed: Number(head[2]), annotators, articles: { ...articles } };
}

/**
 * Parses `sift.assignments.yaml`. A file that is not YAML, uses aliases, repeats a key, or does not match the schema
 * throws an AssignmentError naming the file and where; such a file is never written over. The layout Sift writes is
 * read by a linear reader; anything else (hand edits in another style) by `yaml` (`careful` forces it).
 */
export function parseAssignments(text: string, file: string, careful = false): Assignments {
  const fast = careful ? undefined : readWrittenLayout(text);
  return toAssignments(fast ?? parseYaml(text, file), file);
}

function parseYaml(text: string, file: string): unknown {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
  const at = (offset: number, message: string) => {
    const pos = lines.linePos(offset);
    return new AssignmentError(`${file}:${pos.line}:${pos.col}: ${message}`, pos.line, pos.col);
  };
  const first = doc.errors[0];
  if (first) throw at(first.pos[0], first.message.split('\n')[0]);
  const repeated = repeatedKey(doc.contents);
  if (repeated) throw at(repeated.range?.[0] ?? 0, `Map keys must be unique (${JSON.stringify(String(repeated))} is repeated)`);
  try {
    return doc.toJS({ maxAliasCount: 0 });
  } catch (e) {
    throw new AssignmentError(`${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function toAssignments(data: unknown, file: string): Assignments {
  const problems = schemaProblems(data);
  if (problems.length) throw new AssignmentError(`${file} is not a valid assignments file (schemas/assignments.schema.json): ${problems.join('; ')}`);
  const d = data as { overlap: number; seed: number; annotators: string[]; articles: Record<string, string[]> };
  const articles = new Map(Object.keys(d.articles).sort(byCode).map((k) => [k, [...d.articles[k]]]));
  return { version: ASSIGNMENTS_VERSION, overlap: d.overlap, seed: d.seed, annotators: [...d.annotators].sort(byCode), articles };
}

/** Plain scalars YAML's core schema would read as something other than the same string (null, booleans, numbers). */
const NOT_PLAIN = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|0[xob].*|[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN))$/;

/** A string as YAML: plain when it is a safe path or slug, else double-quoted (JSON's string syntax is valid YAML). */
function scalar(s: string): string {
  return /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/.test(s) && !NOT_PLAIN.test(s) ? s : JSON.stringify(s);
}

/**
 * The file's text: a fixed key order, one article a line, sorted, in flow style so a change is a one-line diff.
 * Written line by line (the layout is fixed; parseAssignments reads it back exactly, as a property test holds).
 */
export function serializeAssignments(a: Assignments): string {
  const out = [
    '# Sift assignments (sift assign): which annotators annotate which article. Paths are relative to this',
    '# file\'s folder. Re-run sift assign to place new articles; existing lines are kept.',
    '',
    `version: ${a.version}`, `overlap: ${a.overlap}`, `seed: ${a.seed}`, 'annotators:', ...a.annotators.map((x) => `  - ${scalar(x)}`),
  ];
  const articles = [...a.articles].sort((x, y) => byCode(x[0], y[0]));
  out.push(articles.length ? 'articles:' : 'articles: {}');
  for (const [article, who] of articles) out.push(`  ${scalar(article)}: [${who.map(scalar).join(', ')}]`);
  return `${out.join('\n')}\n`;
}

/** The annotators an article is assigned to (a relative path, `/` separators), or undefined when it is not assigned. */
export function assignedTo(a: Assignments, article: string): readonly string[] | undefined {
  return a.articles.get(article);
}

export interface Progress {
  annotator: string;
  finished: number;
  assigned: number;
}

/** Progress per annotator (every annotator of the file, and anyone assigned by hand): finished / assigned. */
export function progressOf(a: Assignments, isFinished: (article: string, annotator: string) => boolean): Progress[] {
  const rows = new Map(a.annotators.map((who): [string, Progress] => [who, { annotator: who, finished: 0, assigned: 0 }]));
  for (const [article, who] of a.articles) {
    for (const annotator of who) {
      const row = rows.get(annotator) ?? { annotator, finished: 0, assigned: 0 };
      rows.set(annotator, row);
      row.assigned++;
      if (isFinished(article, annotator)) row.finished++;
    }
  }
  return [...rows.values()].sort((x, y) => byCode(x.annotator, y.annotator));
}

/** The articles assigned to `annotator` that are not finished, sorted. */
export function queueOf(a: Assignments, annotator: string, isFinished: (article: string, annotator: string) => boolean): string[] {
  return [...a.articles].filter(([article, who]) => who.includes(annotator) && !isFinished(article, annotator)).map(([article]) => article).sort(byCode);
}
