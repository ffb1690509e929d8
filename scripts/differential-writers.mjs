// Differential run of the two fast sidecar writers, an OLD transpiled build of src/ (out/ of `node scripts/build.mjs
// --tests`) against a NEW one: the fresh writer (freshSidecar.ts, new gold sidecars) and the merge driver's rewrite
// (plainWriter.ts, through mergeSidecarTexts).
//
//   node scripts/build.mjs --tests && node scripts/differential-writers.mjs --old /tmp/old/out [--new out]
//        [--cases 400] [--seed 1]
//
// Each case is a layer on a generated article (scripts/differential-corpus.mjs) whose strings are sprinkled with what
// YAML quotes (indicators, `: `, ` #`, numbers, booleans, document markers, escapes, line breaks, edge spaces), with an
// unknown header key, review data and -0 now and then. It compares, old against new: serializeFreshSidecar's bytes;
// then for two sides edited from that layer's sidecar (labels, notes, quotes, additions, deletions; CRLF on one side
// now and then), mergeSidecarTexts' text and conflicts, and rewritePlainSidecar's text wherever both wrote. Where only
// one build's fast writer wrote, that text must be serializeSidecar's. It prints what it compared, how often each
// fast writer wrote directly, and every difference; it exits 1 when there is any.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { arg, repo } from './oldNew.mjs';
import { annotate, makeArticle, random } from './differential-corpus.mjs';

const OLD_OUT = path.resolve(arg('--old', '/tmp/old-refactor/out'));
const NEW_OUT = path.resolve(repo, arg('--new', 'out'));
const CASES = Number(arg('--cases', '400'));
const SEED = Number(arg('--seed', '1'));
const FILE = 'a.ana.ann.yaml';
const ODD = ['', ' lead', 'trail ', 'a: b', '#x', 'x #y', '- x', '-', '?', 'true', 'null', 'No', '123', '0.5', '1e3', '0x1F', '.inf', '---x', '--- x',
  '...', '... y', "it's", 'say "hi"', `both ' "`, 'tab\there', 'line\nbreak', 'é ñ 😀', '\u00a0nb', 'a\u0085b', '[x]', '{y}', '@at', '`tick', '%p', 'x:',
  'a\\b', '2024-12-16', '~', '\u2028', '\x07bell', '\ud83d', 'a \n b'];

const require = createRequire(import.meta.url);
const build = (out) => {
  const mod = (rel) => require(path.join(out, 'src', 'core', 'store', rel));
  return { ...mod('freshSidecar.js'), ...mod('plainWriter.js'), ...mod('gitMerge.js'), ...mod('sidecarFormat.js') };
};
const OLD = build(OLD_OUT);
const NEW = build(NEW_OUT);

const paragraphs = fs.readdirSync(path.join(repo, 'samples')).filter((n) => n.endsWith('.txt'))
  .flatMap((n) => fs.readFileSync(path.join(repo, 'samples', n), 'utf8').split(/\r?\n/).filter((p) => p.trim().length > 40));
const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];
const odd = (rnd, plain) => (rnd() < 0.3 ? pick(rnd, ODD) : plain);

/** A layer on a generated article, its strings sprinkled with odd ones. */
function layerOf(rnd, n) {
  const text = makeArticle(rnd, paragraphs, rnd() < 0.3);
  const { entities, claims } = annotate(rnd, text, 'ana', n);
  for (const e of entities) {
    if (rnd() < 0.3) e.note = pick(rnd, ODD);
    if (rnd() < 0.1) e.quote = pick(rnd, ODD);
  }
  for (const c of claims) {
    c.source = { ...c.source, name: odd(rnd, c.source.name) || 'x' };
    if (rnd() < 0.05) c.confidence = -0;
  }
  const header = { sift: 1, article: odd(rnd, `a${n}.txt`), annotator: 'ana', sha256: 'ab'.repeat(32), length: Array.from(text).length };
  if (rnd() < 0.2) header['x-tool'] = pick(rnd, ODD);
  if (rnd() < 0.2) header.status = 'finished';
  const layer = { header, entities, claims };
  if (rnd() < 0.2) layer.dismissed = [{ id: 'd1', kind: 'entity', label: 'ORG', quote: odd(rnd, 'x') || 'x', from: [{ annotator: 'bob', id: 'e1' }], adjudicator: 'lead', created: '2026-12-01T10:00:00Z' }];
  if (rnd() < 0.2) layer.discussion = [{ id: 'k1', on: { annotator: 'bob', id: 'e1' }, at: '2026-12-01T10:00:00Z', text: pick(rnd, ODD) || 'x' }];
  if (rnd() < 0.2) layer.rejected = [{ quote: odd(rnd, 'Putin'), label: 'PERSON' }];
  return layer;
}

/** A side: the base's document, edited, written as Sift writes it (with the old build: both builds read the same side). */
function side(rnd, baseText, tag) {
  const p = OLD.parseSidecar(baseText, FILE);
  const l = p.layer;
  for (let i = 0; i < 1 + Math.floor(rnd() * 4); i++) {
    const e = pick(rnd, l.entities);
    const what = pick(rnd, ['label', 'note', 'quote', 'delete', 'add', 'published']);
    if (what === 'add') l.entities.push({ id: `${tag}${i}`, label: pick(rnd, ['ORG', 'PLACE']), start: i, end: i + 2, quote: odd(rnd, 'ab'), prefix: odd(rnd, ''), suffix: '' });
    else if (what === 'published') l.header.published = pick(rnd, ['2024-12-16', '2024']);
    else if (!e) continue;
    else if (what === 'delete') l.entities = l.entities.filter((x) => x !== e);
    else if (what === 'label') e.label = pick(rnd, ['PERSON', 'DATE']);
    else if (what === 'note') e.note = pick(rnd, ODD);
    else e.quote = pick(rnd, ODD) || 'q';
  }
  const text = OLD.serializeSidecar(l, p.doc);
  return rnd() < 0.2 ? text.replace(/\n/g, '\r\n') : text;
}

const counts = { fresh: 0, merges: 0, freshOld: 0, freshNew: 0, plainOld: 0, plainNew: 0 };
const differences = [];
const differ = (what, a, b) => {
  if (a === b) return;
  const [x, y] = [a.split('\n'), b.split('\n')];
  const at = x.findIndex((line, k) => line !== y[k]);
  differences.push(`${what}, line ${at + 1}\n  old: ${JSON.stringify(x[at])}\n  new: ${JSON.stringify(y[at])}`);
};

for (let n = 0; n < CASES; n++) {
  const rnd = random(SEED * 100003 + n);
  const layer = layerOf(rnd, n);
  counts.fresh++;
  const freshOld = OLD.freshSidecarText(structuredClone(layer));
  const freshNew = NEW.freshSidecarText(structuredClone(layer));
  if (freshOld !== undefined) counts.freshOld++;
  if (freshNew !== undefined) counts.freshNew++;
  const slowFresh = OLD.serializeSidecar(structuredClone(layer));
  differ(`case ${n}: serializeFreshSidecar`, OLD.serializeFreshSidecar(structuredClone(layer)), NEW.serializeFreshSidecar(structuredClone(layer)));
  if (freshNew !== undefined) differ(`case ${n}: the new fresh writer against serializeSidecar`, slowFresh, freshNew);
  let baseText;
  try {
    baseText = slowFresh;
    OLD.parseSidecar(baseText, FILE);
  } catch {
    continue; // a layer the schema refuses (an empty string where one is required): no merge to run
  }
  const oursText = side(rnd, baseText, 'o');
  const theirsText = side(rnd, baseText, 't');
  counts.merges++;
  const [a, b] = [OLD, NEW].map((m) => {
    try {
      const r = m.mergeSidecarTexts(baseText, oursText, theirsText, FILE);
      return `${JSON.stringify(r.conflicts)}\n${r.text}`;
    } catch (e) {
      return `threw ${e.message}`;
    }
  });
  differ(`case ${n}: mergeSidecarTexts`, a, b);
  if (a.startsWith('threw')) continue;
  const merged = OLD.mergeLayers(OLD.readSidecar(baseText, FILE).layer, OLD.readSidecar(oursText, FILE).layer, OLD.readSidecar(theirsText, FILE).layer).layer;
  // rewritePlainSidecar gave the text, and since d72087b { text, read }: the text is compared.
  const [po, pn] = [OLD, NEW].map((m) => { const r = m.rewritePlainSidecar(oursText, structuredClone(merged)); return typeof r === 'object' ? r.text : r; });
  if (po !== undefined) counts.plainOld++;
  if (pn !== undefined) counts.plainNew++;
  const slow = po === undefined || pn === undefined ? OLD.serializeSidecar(structuredClone(merged), OLD.parseSidecar(oursText, FILE).doc) : undefined;
  differ(`case ${n}: rewritePlainSidecar`, po ?? slow, pn ?? slow);
}
console.log(`fresh writer: ${counts.fresh} layers, written directly by old ${counts.freshOld}, new ${counts.freshNew}`);
console.log(`merge driver: ${counts.merges} merges, the plain writer wrote directly: old ${counts.plainOld}, new ${counts.plainNew}`);
for (const d of differences.slice(0, 20)) console.log(`DIFFERENT ${d}`);
console.log(differences.length ? `${differences.length} differences` : '0 differences');
process.exit(differences.length ? 1 : 0);
