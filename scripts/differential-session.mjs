// Differential run of ArticleSession: an OLD transpiled build of src/ (out/ of `node scripts/build.mjs --tests`) against
// a NEW one, on the same scripted sequence of edits, review decisions and comments.
//
//   node scripts/build.mjs --tests && node scripts/differential-session.mjs --old /tmp/old/out [--new out]
//        [--articles 60] [--steps 40] [--seed 1]
//
// For each generated article (scripts/differential-corpus.mjs; a third CRLF, with emoji and combining marks) it opens
// an annotator's session (ana), the gold session and a read-only view of ana's layer in each build, with the same
// clock and id seed, and runs one random sequence drawn from the seed: add, update, remove, reject and restore
// annotations, set the publication date, live edits of the text (which move and orphan spans), undo of the whole
// layer, review decisions (entity, claim and dismissal) on gold, dismissals added (with taken ids) and removed,
// layer status, comments added, edited, deleted (also someone else's, refused) and threads resolved, and changes
// refused on the read-only layer. After every step it records what the step returned (or the error it threw) and
// saves the sidecar; it compares the records and every sidecar's bytes after every step, old against new. It prints
// what it compared and the first differences, and exits 1 when there is any.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { arg, repo } from './oldNew.mjs';
import { makeArticle, random } from './differential-corpus.mjs';

const OLD_OUT = path.resolve(arg('--old', '/tmp/old-refactor/out'));
const NEW_OUT = path.resolve(repo, arg('--new', 'out'));
const ARTICLES = Number(arg('--articles', '60'));
const STEPS = Number(arg('--steps', '40'));
const SEED = Number(arg('--seed', '1'));
const LABELS = ['PERSON', 'ORG', 'PLACE', 'DATE'];

const require = createRequire(import.meta.url);
const load = (out) => require(path.join(out, 'src', 'core', 'session', 'session.js'));

const paragraphs = fs.readdirSync(path.join(repo, 'samples')).filter((n) => n.endsWith('.txt'))
  .flatMap((n) => fs.readFileSync(path.join(repo, 'samples', n), 'utf8').split(/\r?\n/).filter((p) => p.trim().length > 40));

const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];
const cpLength = (text) => Array.from(text).length;

/** A span [start, end) of code points inside the text (never empty when the text is not). */
function span(rnd, n, max = 40) {
  const start = Math.floor(rnd() * Math.max(1, n - 1));
  return { start, end: Math.min(n, start + 1 + Math.floor(rnd() * max)) };
}

/** An edit of the text at a random place (insert, delete or replace), as code points of the text before it. */
function liveEdit(rnd, text) {
  const cps = Array.from(text);
  const at = Math.floor(rnd() * cps.length);
  const del = rnd() < 0.4 ? Math.min(cps.length - at, Math.floor(rnd() * 30)) : 0;
  const insert = rnd() < 0.7 ? pick(rnd, ['BREAKING ', 'é', '😀 ', 'x', '\n', 'said ']) : '';
  const next = [...cps.slice(0, at), insert, ...cps.slice(at + del)].join('');
  return { text: next, edits: [{ start: at, end: at + del, insert: cpLength(insert) }] };
}

/** Every step the script may take, each drawing its arguments from `rnd`: `ctx` holds the sessions of one build. */
const STEPS_BY_NAME = {
  addEntity: (rnd, { ana }) => ana.addEntity({ ...span(rnd, ana.article.length), label: pick(rnd, LABELS), ...(rnd() < 0.3 ? { note: 'n "q" #x' } : {}) }),
  addClaim: (rnd, { ana }) => {
    const s = span(rnd, ana.article.length, 120);
    const cue = { start: s.start, end: Math.min(s.end, s.start + 3) };
    return ana.addClaim({ ...s, source: { name: pick(rnd, ['the Kremlin', 'a: source', 'Lavrov']), ...(rnd() < 0.5 ? { span: cue } : {}) }, confidence: pick(rnd, [0.8, 1, 0.25]), ...(rnd() < 0.5 ? { cue } : {}), ...(rnd() < 0.3 ? { factuality: 'reported' } : {}) });
  },
  update: (rnd, { ana }) => {
    const a = pick(rnd, ana.all());
    if (!a) return 'none';
    const patch = rnd() < 0.5 ? { note: rnd() < 0.3 ? undefined : 'edited: yes' } : span(rnd, ana.article.length);
    return ana.update(a.id, 'label' in a && rnd() < 0.5 ? { ...patch, label: pick(rnd, LABELS) } : patch);
  },
  remove: (rnd, { ana, removed }) => {
    const a = ana.remove(pick(rnd, [...ana.all().map((x) => x.id), 'e-missing']) ?? 'e-missing');
    if (a) removed.push(a);
    return a ?? 'none';
  },
  restore: (rnd, { ana, removed }) => (removed.length ? ana.restore(removed.splice(Math.floor(rnd() * removed.length), 1)[0]) : 'none'),
  reject: (rnd, { ana }) => ana.reject(pick(rnd, ['Putin', 'Moscow', 'x']), pick(rnd, LABELS)),
  published: (rnd, { ana }) => ana.setPublished(pick(rnd, ['2024-12-16', undefined, '2024-12'])),
  edit: (rnd, { ana, gold }) => {
    const { text, edits } = liveEdit(rnd, ana.article.text);
    return [ana.applyEdits(text, edits), gold.applyEdits(text, edits), ana.restoreOrphans()];
  },
  snapshot: (_rnd, ctx) => { ctx.snapshot = structuredClone(ctx.ana.layer); return 'saved'; },
  undoLayer: (_rnd, { ana, snapshot }) => (snapshot ? ana.restoreLayer(snapshot) : 'none'),
  decide: (rnd, { ana, gold }) => {
    const a = pick(rnd, ana.all());
    if (!a) return 'none';
    const prov = { from: [{ annotator: 'ana', id: a.id }, { annotator: 'bob', id: 'e9' }], adjudicator: 'lead', created: '2026-12-01T10:00:00Z' };
    if (rnd() < 0.25) return gold.applyDecision({ unit: a.id, dismissal: { kind: 'label' in a ? 'entity' : 'claim', label: a.label ?? 'CLAIM', quote: a.quote, ...prov } });
    const annotation = 'label' in a
      ? { kind: 'entity', start: a.start, end: a.end, label: a.label, ...(rnd() < 0.3 ? { value: 'v', canonical: 'C' } : {}), ...prov }
      : { kind: 'claim', start: a.start, end: a.end, source: a.source, confidence: a.confidence, cue: a.cue, factuality: a.factuality, ...prov };
    return gold.applyDecision({ unit: a.id, annotation });
  },
  dismiss: (rnd, { gold }) => gold.addDismissal({ id: pick(rnd, [undefined, 'd-1', (gold.layer.dismissed ?? [])[0]?.id]), kind: 'entity', label: 'ORG', quote: 'x', from: [{ annotator: 'ana', id: 'e1' }], adjudicator: 'lead', created: '2026-12-01T10:00:00Z' }),
  undismiss: (rnd, { gold }) => gold.removeDismissal(pick(rnd, [...(gold.layer.dismissed ?? []).map((d) => d.id), 'd-missing'])) ?? 'none',
  status: (rnd, { ana, gold }) => (rnd() < 0.5 ? ana : gold).setStatus(pick(rnd, ['annotating', 'finished', 'in-review', 'adjudicated', undefined])),
  comment: (rnd, ctx) => {
    const s = rnd() < 0.6 ? ctx.ana : ctx.gold;
    const on = pick(rnd, [...ctx.ana.all().map((a) => ({ annotator: 'ana', id: a.id })), { annotator: 'bob', id: 'e9' }]);
    const latest = (s.layer.discussion ?? []).at(-1)?.at;
    return s.addComment(on, pick(rnd, ['Is this a PLACE?', '  ', 'yes: "agreed" #1', 'multi\nline']), rnd() < 0.5 ? latest : undefined);
  },
  editComment: (rnd, { ana }) => {
    const c = pick(rnd, ana.layer.discussion ?? []);
    return c ? ana.editComment({ author: rnd() < 0.8 ? 'ana' : 'bob', id: c.id }, pick(rnd, ['better', ''])) : 'none';
  },
  deleteComment: (rnd, { ana }) => {
    const c = pick(rnd, ana.layer.discussion ?? []);
    return c ? ana.deleteComment({ author: rnd() < 0.8 ? 'ana' : 'gold', id: rnd() < 0.9 ? c.id : 'x' }) : 'none';
  },
  resolve: (rnd, { ana, gold }) => {
    const a = pick(rnd, ana.all());
    return (rnd() < 0.5 ? ana : gold).setThreadResolved({ annotator: 'ana', id: a?.id ?? 'e9' }, rnd() < 0.7, rnd() < 0.5 ? '2026-12-01T11:00:00Z' : undefined);
  },
  readOnly: (rnd, { view }) => {
    const tries = [() => view.addEntity({ start: 0, end: 1, label: 'ORG' }), () => view.setStatus('finished'), () => view.addComment({ annotator: 'ana', id: 'e1' }, 'hi'),
      () => view.addDismissal({ kind: 'entity', label: 'ORG', quote: 'x', from: [], adjudicator: 'lead', created: 'now' }), () => view.removeDismissal('d-1'), () => view.setThreadResolved({ annotator: 'ana', id: 'e1' }, true)];
    return pick(rnd, tries)();
  },
};
const NAMES = Object.keys(STEPS_BY_NAME);

/** One build's run on one article: the record of every step and the sidecars' bytes after it. */
function runBuild(session, dir, article, text, seed) {
  const { ArticleSession } = session;
  const file = path.join(dir, article);
  fs.writeFileSync(file, text);
  let tick = 0;
  const now = () => `2026-12-01T09:${String(Math.floor(tick / 60) % 60).padStart(2, '0')}:${String(tick++ % 60).padStart(2, '0')}Z`;
  const ctx = {
    ana: ArticleSession.open(file, 'ana', { now, idSeed: `diff-${seed}` }),
    gold: ArticleSession.open(file, 'gold', { now, idSeed: `diff-${seed}` }),
    removed: [],
    snapshot: undefined,
  };
  ctx.ana.sidecar.save();
  ctx.view = ArticleSession.open(file, 'ana', { now, readOnly: true, viewer: 'bob' });
  const rnd = random(seed);
  const record = [];
  for (let i = 0; i < STEPS; i++) {
    const name = pick(rnd, NAMES);
    let out;
    try {
      out = JSON.stringify(STEPS_BY_NAME[name](rnd, ctx)) ?? 'undefined';
    } catch (e) {
      out = `threw ${e.name}: ${e.message}`;
    }
    const saved = [ctx.ana, ctx.gold].map((s) => {
      try {
        return s.sidecar.save();
      } catch (e) {
        return `threw ${e.message.split(dir).join('<dir>')}`;
      }
    });
    const files = fs.readdirSync(dir).filter((n) => n.endsWith('.ann.yaml')).sort().map((n) => `${n}\n${fs.readFileSync(path.join(dir, n), 'utf8')}`);
    record.push(`step ${i} ${name}: ${out} saved ${JSON.stringify(saved)}\n${files.join('\n')}`);
  }
  return record;
}

const OLD = load(OLD_OUT);
const NEW = load(NEW_OUT);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-diff-session-'));
let steps = 0;
const differences = [];
const tally = new Map();
for (let n = 0; n < ARTICLES; n++) {
  const seed = SEED * 100003 + n;
  const rnd = random(seed);
  const text = makeArticle(rnd, paragraphs, rnd() < 0.33);
  const article = `a${n}.txt`;
  const runs = [OLD, NEW].map((build, i) => {
    const dir = path.join(tmp, String(n), i ? 'new' : 'old');
    fs.mkdirSync(dir, { recursive: true });
    return runBuild(build, dir, article, text, seed);
  });
  for (const r of runs[0]) {
    const [, name, out] = /^step \d+ (\w+): (.*?) saved /.exec(r);
    const k = out.startsWith('threw') ? `${name} refused` : out === '"none"' ? `${name} (nothing to do)` : name;
    tally.set(k, (tally.get(k) ?? 0) + 1);
  }
  runs[0].forEach((r, i) => {
    steps++;
    if (r === runs[1][i]) return;
    const [a, b] = [r.split('\n'), runs[1][i].split('\n')];
    const at = a.findIndex((line, k) => line !== b[k]);
    differences.push(`${article} ${a[0]}\n  line ${at + 1} old: ${a[at]}\n  line ${at + 1} new: ${b[at]}`);
  });
}
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`sessions: ${ARTICLES} articles, ${steps} steps compared (each step's result and every sidecar's bytes after it)`);
console.log([...tally].sort().map(([k, v]) => `${k} ${v}`).join(', '));
for (const d of differences.slice(0, 20)) console.log(`DIFFERENT ${d}`);
console.log(differences.length ? `${differences.length} differing steps` : '0 differing steps');
process.exit(differences.length ? 1 : 0);
