// The sidecar file format: safe parsing with positions for every problem, and comment-preserving, churn-free writing.
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { Document, isMap, isScalar, isSeq, LineCounter, Node, parseDocument, Scalar, visit, YAMLMap, YAMLSeq } from 'yaml';
import { ClaimAnnotation, DiscussionComment, Dismissal, EntityAnnotation, FORMAT_VERSION, Layer, Rejection, SidecarHeader, compareAnnotations } from '../model';
import { ItemMemo, PlainValue, readPlainYaml } from './plainYaml';
import { cleanBySchema } from './schemaMemo';
import { Problem, SidecarError } from './problems';
import { CLAIM_KEYS, COMMENT_KEYS, DISMISSAL_KEYS, ENTITY_KEYS, HEADER_KEYS, REJECTION_KEYS, SIDECAR_SCHEMA } from './sidecarKeys';
import { RenamedId, hasDuplicateIds, renameDuplicateIds } from './duplicateIds';
import { MAX_SIDECAR_BYTES } from '../text/readLimits';
import { conflictProblems, conflictsIn } from './mergeConflicts';

export const SIDECAR_SUFFIX = '.ann.yaml';
export { MAX_SIDECAR_BYTES };
/** Deeper flow nesting than this is refused before parsing: very deep input can exhaust the parser's memory. */
export const MAX_NESTING = 64;
const MAX_ALIASES = 50;

let validator: ValidateFunction | undefined;
/**
 * Checks data against the schema. A key the schema does not name (`additionalProperties`) is not an error: Sift keeps
 * it and warns (a newer Sift's field, or a typo); every other violation is.
 */
function validateSchema(data: unknown): { errors: ErrorObject[]; unknownKeys: ErrorObject[] } {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(SIDECAR_SCHEMA);
  const all = validator(data) ? [] : [...(validator.errors ?? [])];
  return { errors: all.filter((e) => e.keyword !== 'additionalProperties'), unknownKeys: all.filter((e) => e.keyword === 'additionalProperties') };
}

export interface ParsedSidecar {
  layer: Layer;
  /** The YAML document as read, kept so that a rewrite preserves comments, key order and unknown keys. */
  doc: Document;
  lines: LineCounter;
  /** What loads but should be seen: keys Sift does not know (kept), duplicate ids (renamed). */
  warnings: Problem[];
  /** Annotations whose id another one already had: renamed `<id>-dup-N` in the layer and in `doc`. */
  renamed: RenamedId[];
}

/** A [ or { opens a flow collection only where a value can start: not in the middle of a plain scalar like 'a [b'. */
function opensFlow(source: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (source[j] === ' ' || source[j] === '\t')) j--;
  return j < 0 || '\n\r[{,:-?'.includes(source[j]);
}

/** Finds the deepest flow nesting ([ and { outside quotes and comments); returns its position if over the limit. */
function tooDeep(source: string): number | undefined {
  // Fewer brackets in all than the limit cannot nest past it: most sidecars skip the scan.
  let brackets = 0;
  for (let i = source.indexOf('['); i !== -1 && brackets <= MAX_NESTING; i = source.indexOf('[', i + 1)) brackets++;
  for (let i = source.indexOf('{'); i !== -1 && brackets <= MAX_NESTING; i = source.indexOf('{', i + 1)) brackets++;
  if (brackets <= MAX_NESTING) return undefined;
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") {
      const prev = source[i - 1];
      if (prev === undefined || /[\s[{,:]/.test(prev)) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(source[i - 1]))) {
      const nl = source.indexOf('\n', i);
      i = nl === -1 ? source.length : nl;
    } else if ((c === '[' || c === '{') && opensFlow(source, i)) {
      if (++depth > MAX_NESTING) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return undefined;
}

function lineCol(lc: LineCounter, offset: number): { line: number; col: number } {
  const { line, col } = lc.linePos(offset);
  return { line, col };
}

/** The node at a JSON pointer such as /entities/3/start, or the nearest existing ancestor. */
function nodeAt(doc: Document, pointer: string): Node | undefined {
  let node: unknown = doc.contents;
  let last = node as Node | undefined;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (isMap(node)) node = node.get(key, true);
    else if (isSeq(node)) node = node.items[Number(key)];
    else break;
    if (node && typeof node === 'object' && 'range' in node) last = node as Node;
  }
  return last;
}

function schemaMessage(e: ErrorObject): string {
  const where = e.instancePath || '(top level)';
  if (e.keyword === 'additionalProperties') return `${where}: unknown key '${(e.params as { additionalProperty: string }).additionalProperty}'`;
  if (e.keyword === 'required') return `${where}: missing '${(e.params as { missingProperty: string }).missingProperty}'`;
  if (e.keyword === 'enum') return `${where}: ${e.message} (${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')})`;
  return `${where}: ${e.message}`;
}

type Fail = (line: number, col: number, code: string, message: string) => never;

/** The guards before any parsing, shared by both readers: size, NUL bytes. */
function checkBytes(source: string, fail: Fail): void {
  if (source.length > MAX_SIDECAR_BYTES) fail(0, 0, 'too-large', `the sidecar is over ${MAX_SIDECAR_BYTES / 1048576} MB`);
  if (source.includes('\u0000')) fail(0, 0, 'binary', 'the sidecar contains NUL bytes; it is not a YAML text file');
}

/** The YAML document, or every syntax problem; refuses too deep nesting and alias bombs. */
function readYaml(source: string, file: string, fail: Fail): { doc: Document; lc: LineCounter; data: unknown } {
  const lc = new LineCounter();
  const deep = tooDeep(source);
  if (deep !== undefined) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < deep; i++) if (source[i] === '\n') { line++; lineStart = i + 1; }
    fail(line, deep - lineStart + 1, 'too-deep', `YAML nested more than ${MAX_NESTING} levels deep; refused`);
  }
  const doc = parseDocument(source, { lineCounter: lc, prettyErrors: false, uniqueKeys: true, strict: true });
  const problems: Problem[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    const { line, col } = lineCol(lc, e.pos[0]);
    problems.push({ file, line, col, severity: 'error', code: 'yaml-syntax', message: e.message.split('\n')[0] });
  }
  if (problems.length) throw new SidecarError(file, problems);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    fail(1, 1, 'yaml-aliases', `${(e as Error).message} (more than ${MAX_ALIASES} alias expansions)`);
  }
  return { doc, lc, data };
}

/** Parses and validates a sidecar. Throws SidecarError with every problem found, each with its line and column. */
export function parseSidecar(source: string, file: string): ParsedSidecar {
  const fail: Fail = (line, col, code, message) => {
    throw new SidecarError(file, [{ file, line, col, severity: 'error', code, message }]);
  };
  checkBytes(source, fail);
  const { doc, lc, data } = readYaml(source, file, fail);
  const at = (pointer: string) => lineCol(lc, nodeAt(doc, pointer)?.range?.[0] ?? 0);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) fail(1, 1, 'schema', 'a sidecar is a YAML mapping (sift, article, sha256, ...)');
  const version = (data as { sift?: unknown }).sift;
  if (typeof version === 'number' && version > FORMAT_VERSION) {
    const { line, col } = at('/sift');
    fail(line, col, 'version', `written by a newer Sift (format ${version}; this one reads format ${FORMAT_VERSION}); update Sift`);
  }
  const { errors, unknownKeys } = validateSchema(data);
  const problem = (e: ErrorObject, severity: Problem['severity'], code: string): Problem => ({ file, ...at(e.instancePath), severity, code, message: schemaMessage(e) });
  if (errors.length) throw new SidecarError(file, errors.map((e) => problem(e, 'error', 'schema')));
  const warnings = unknownKeys.map((e) => problem(e, 'warning', 'unknown-key'));
  // Conflicts a git merge left (sift merge-driver): the file loads, and each one is shown as an error.
  warnings.push(...conflictProblems(data, file, at));
  const renamed = renameDuplicateIds(data);
  for (const r of renamed) {
    warnings.push({ file, ...at(`/${r.kind}/${r.index}/id`), severity: 'warning', code: 'duplicate-id', id: r.to,
      message: `id '${r.from}' is used twice (first at ${r.first}); this one is renamed '${r.to}', written on the next save` });
    const node = doc.getIn([r.kind, r.index, 'id'], true);
    if (isScalar(node)) node.value = r.to;
  }
  return { layer: toLayer(data as SidecarData), doc, lines: lc, warnings, renamed };
}

type SidecarData = SidecarHeader & { entities?: EntityAnnotation[]; claims?: ClaimAnnotation[]; rejected?: Rejection[]; dismissed?: Dismissal[]; discussion?: DiscussionComment[] };

/**
 * Validated sidecar data as a layer: missing context becomes empty; keys Sift does not know stay where they were.
 * `unshared`: the data is the fast reader's (it has no aliases, so no object in it is met twice), owned here.
 */
function toLayer(d: SidecarData, unshared = false): Layer {
  const { entities, claims, rejected, dismissed, discussion, ...rest } = d;
  const header = ordered(rest, HEADER_KEYS) as unknown as SidecarHeader;
  // Unshared data's annotation that has both already is taken as it is (its copy would hold the same keys in the same
  // order), which saves a copy of nearly every annotation of a corpus; an alias's object is copied, as it always was.
  const withContext = <T extends { prefix?: string; suffix?: string }>(a: T): T => (unshared && a.prefix !== undefined && a.suffix !== undefined ? a : { ...a, prefix: a.prefix ?? '', suffix: a.suffix ?? '' });
  return {
    header, entities: (entities ?? []).map(withContext), claims: (claims ?? []).map(withContext),
    ...(rejected?.length ? { rejected } : {}), ...(dismissed?.length ? { dismissed } : {}), ...(discussion?.length ? { discussion } : {}),
  };
}

/**
 * Reads a sidecar for bulk, read-only use (exports, the workspace index) several times faster than `parseSidecar`,
 * with the same result: plain block YAML, as Sift writes it, is read by a small exact reader into plain data, without
 * the comment-preserving document, and put through the same checks (size, NUL, schema, duplicate keys). Anything that
 * reader declines, that fails a check, or that has something to warn of (a key Sift does not know, a duplicate id),
 * goes to `parseSidecar`, which reads it with `yaml` and reports problems and warnings with lines and columns. There
 * is no third way to read a sidecar. When the small reader took it, `read` is what it read (a merge rewrites ours from it).
 * `memo`: shared by the reads of one merge (see ItemMemo); the layers read then share objects, which nothing changes.
 */
export function readSidecar(source: string, file: string, memo?: ItemMemo): { layer: Layer; warnings: Problem[]; read?: PlainValue } {
  let bytesOk = true;
  checkBytes(source, () => (bytesOk = false) as never);
  if (bytesOk) {
    const data = readPlainYaml(source, memo);
    if (data !== undefined && isCurrentSidecar(data, memo) && conflictsIn(data).length === 0 && !hasDuplicateIds(data)) return { layer: toLayer(data, true), warnings: [], read: data };
  }
  const parsed = parseSidecar(source, file);
  return { layer: parsed.layer, warnings: parsed.warnings };
}

/**
 * Throws the SidecarError `parseSidecar` would throw for this text, else nothing: what a load refuses (size, syntax,
 * schema, a newer format), not what it only warns of (unknown keys, merge conflicts, duplicate ids). Plain YAML as Sift
 * writes it is checked without the `yaml` document. `read` is what readPlainYaml gives for `source`, when the caller
 * has just read it (the merge driver's writer reads back what it wrote); it is not read again. `memo`: the merge's.
 */
export function assertLoads(source: string, file: string, read?: PlainValue, memo?: ItemMemo): void {
  let bytesOk = true;
  checkBytes(source, () => (bytesOk = false) as never);
  const data = bytesOk ? (read ?? readPlainYaml(source)) : undefined;
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const version = (data as { sift?: unknown }).sift;
    const newer = typeof version === 'number' && version > FORMAT_VERSION;
    // The schema's errors decide (unknown keys only warn); with a merge's memo, a document found clean loads.
    if (!newer && ((memo !== undefined && cleanBySchema(data, validateSchema, memo)) || validateSchema(data).errors.length === 0)) return;
  }
  parseSidecar(source, file);
}

/** The layer `readSidecar` reads. */
export function readSidecarFast(source: string, file: string): Layer {
  return readSidecar(source, file).layer;
}

function isCurrentSidecar(data: unknown, memo?: ItemMemo): data is SidecarData {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return false;
  const version = (data as SidecarData).sift;
  if (typeof version === 'number' && version > FORMAT_VERSION) return false;
  return cleanBySchema(data as Record<string, unknown>, validateSchema, memo);
}

/** Line and column of the node at a JSON pointer (e.g. /claims/2/start), for problems found after parsing. */
export function positionOf(parsed: ParsedSidecar, pointer: string): { line: number; col: number } {
  return lineCol(parsed.lines, nodeAt(parsed.doc, pointer)?.range?.[0] ?? 0);
}

/** The keys the schema names, in its order, then the keys it does not name, in theirs: nothing Sift does not know is dropped. */
function ordered(obj: object, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const o = obj as Record<string, unknown>;
  // Indexed loops: this runs for every annotation the merge driver writes, cold, where for-of allocates an iterator.
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (o[k] !== undefined && !(k === 'orphaned' && o[k] === false)) out[k] = o[k];
  }
  const own = Object.keys(o);
  for (let i = 0; i < own.length; i++) {
    const k = own[i];
    if (!(k in out) && !keys.includes(k) && o[k] !== undefined) out[k] = o[k];
  }
  return out;
}

function plainHeader(h: SidecarHeader): Record<string, unknown> {
  return ordered(h, HEADER_KEYS);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Strings with line breaks, tabs or edge spaces are written double-quoted on one line, so a diff shows one line. */
function styleNode(node: Node): Node {
  visit(node, {
    Scalar(_key, s: Scalar) {
      if (typeof s.value === 'string' && (/[\n\r\t]/.test(s.value) || /^\s|\s$/.test(s.value))) s.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return node;
}

/**
 * Brings a YAML map in line with `obj`: the keys the schema names (`owned`, removed when `obj` lacks them) and any other
 * key `obj` has (added or changed, never removed); leaves other keys, comments and order alone.
 */
function syncMap(doc: Document, map: YAMLMap, obj: Record<string, unknown>, owned: readonly string[]): void {
  for (const key of [...owned, ...Object.keys(obj).filter((k) => !owned.includes(k))]) {
    const want = obj[key];
    const has = map.get(key, true) as Node | undefined;
    if (want === undefined) {
      if (has !== undefined || map.has(key)) map.delete(key);
      continue;
    }
    const current: unknown = has === undefined ? undefined : isScalar(has) ? has.value : (has as Node).toJSON();
    if (has !== undefined && deepEqual(current, want)) continue;
    if (has !== undefined && isScalar(has) && typeof want !== 'object') {
      has.value = want;
      styleNode(has);
    } else {
      map.set(key, styleNode(doc.createNode(want)));
    }
  }
}

function syncSeq(doc: Document, parent: YAMLMap, key: 'entities' | 'claims' | 'dismissed' | 'discussion', items: Record<string, unknown>[], owned: readonly string[]): void {
  let seq = parent.get(key, true) as YAMLSeq | undefined;
  if (!isSeq(seq)) {
    seq = new YAMLSeq();
    parent.set(key, seq);
  }
  seq.flow = items.length === 0;
  const byId = new Map<string, YAMLMap>();
  for (const n of seq.items) if (isMap(n) && !byId.has(String(n.get('id')))) byId.set(String(n.get('id')), n);
  const next: unknown[] = [];
  for (const item of items) {
    const existing = byId.get(String(item.id));
    if (existing) {
      syncMap(doc, existing, item, owned);
      next.push(existing);
    } else {
      next.push(styleNode(doc.createNode(item)));
    }
  }
  const same = next.length === seq.items.length && next.every((n, i) => n === seq.items[i]);
  if (!same) seq.items = next;
}

/** The top-level lists written item by item (by id), so an item's comments and unknown keys survive. */
const SEQ_KEYS: readonly string[] = ['entities', 'claims', 'dismissed', 'discussion'];
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byTime = (a: { at: string; id: string }, b: { at: string; id: string }) => (a.at < b.at ? -1 : a.at > b.at ? 1 : byId(a, b));

/** Like `syncSeq`, for a list the file leaves out while it is empty (review data, which most sidecars never have). */
function syncOptionalSeq(doc: Document, parent: YAMLMap, key: 'dismissed' | 'discussion', items: Record<string, unknown>[], owned: readonly string[]): void {
  if (items.length === 0) {
    if (parent.has(key)) parent.delete(key);
    return;
  }
  syncSeq(doc, parent, key, items, owned);
}

export const TOP_COMMENT = ' Sift annotations: one annotator, one article. Offsets are Unicode code points, end-exclusive.\n'
  + ' Format and JSON Schema: schemas/sidecar.schema.json in the Sift repository.';

/** What a layer's sidecar holds, as `serializeSidecar` writes it: the top-level fields, then each list by id, in order. */
export interface SidecarPlan {
  /** The top-level fields (with `rejected`), and the keys of them Sift owns (removed when absent). */
  header: Record<string, unknown>;
  headerOwned: readonly string[];
  /** The lists written item by item; an optional one is left out of the file while empty. */
  lists: { key: 'entities' | 'claims' | 'dismissed' | 'discussion'; items: Record<string, unknown>[]; owned: readonly string[]; optional: boolean }[];
}

/** The plan of a layer's sidecar: its keys in the schema's order, lists sorted; the one place both writers take it from. */
export function sidecarPlan(layer: Layer): SidecarPlan {
  const rejected = [...(layer.rejected ?? [])].sort((a, b) => (a.label + a.quote < b.label + b.quote ? -1 : 1)).map((r) => ordered(r, REJECTION_KEYS));
  return {
    header: { ...plainHeader(layer.header), ...(rejected.length ? { rejected } : {}) },
    headerOwned: HEADER_KEYS.filter((k) => !SEQ_KEYS.includes(k)),
    lists: [
      { key: 'entities', items: [...layer.entities].sort(compareAnnotations).map((e) => ordered(e, ENTITY_KEYS)), owned: ENTITY_KEYS, optional: false },
      { key: 'claims', items: [...layer.claims].sort(compareAnnotations).map((c) => ordered(c, CLAIM_KEYS)), owned: CLAIM_KEYS, optional: false },
      { key: 'dismissed', items: [...(layer.dismissed ?? [])].sort(byId).map((d) => ordered(d, DISMISSAL_KEYS)), owned: DISMISSAL_KEYS, optional: true },
      { key: 'discussion', items: [...(layer.discussion ?? [])].sort(byTime).map((c) => ordered(c, COMMENT_KEYS)), owned: COMMENT_KEYS, optional: true },
    ],
  };
}

/**
 * Writes a layer as YAML. Given the document it was read from, only what changed is touched, so comments, key order and
 * keys Sift does not know survive, and a layer saved without changes gives the same bytes.
 */
export function serializeSidecar(layer: Layer, previous?: Document): string {
  let doc: Document;
  if (previous && isMap(previous.contents)) {
    doc = previous.clone();
  } else {
    doc = new Document(new YAMLMap());
    doc.commentBefore = TOP_COMMENT;
  }
  const root = doc.contents as YAMLMap;
  const plan = sidecarPlan(layer);
  syncMap(doc, root, plan.header, plan.headerOwned);
  for (const l of plan.lists) {
    if (l.optional) syncOptionalSeq(doc, root, l.key as 'dismissed' | 'discussion', l.items, l.owned);
    else syncSeq(doc, root, l.key, l.items, l.owned);
  }
  // A string with a line break stays on one line (`\n` escaped) whatever its length: `yaml` folds one of 40+ characters otherwise.
  return doc.toString({ lineWidth: 0, minContentWidth: 0, doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER });
}
