// The two fast sidecar writers' speed, an OLD transpiled build of src/ (out/ of `node scripts/build.mjs --tests`)
// against a NEW one, side by side in one process: rounds alternate old and new on the same layers, and it prints the
// median time of each and their ratio (new / old). Run it on an idle machine, or read only the ratio.
//
//   node scripts/build.mjs --tests && node scripts/writers-speed.mjs --old /tmp/old/out [--new out] [--rounds 9]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { arg, repo } from './oldNew.mjs';
import { annotate, makeArticle, random } from './differential-corpus.mjs';

const require = createRequire(import.meta.url);
const build = (out) => {
  const mod = (rel) => require(path.join(path.resolve(repo, out), 'src', 'core', 'store', rel));
  return { ...mod('freshSidecar.js'), ...mod('plainWriter.js'), ...mod('sidecarFormat.js') };
};
const OLD = build(arg('--old', '/tmp/old-refactor/out'));
const NEW = build(arg('--new', 'out'));
const ROUNDS = Number(arg('--rounds', '9'));

const rnd = random(3);
const paragraphs = fs.readdirSync(path.join(repo, 'samples')).filter((n) => n.endsWith('.txt'))
  .flatMap((n) => fs.readFileSync(path.join(repo, 'samples', n), 'utf8').split(/\r?\n/).filter((p) => p.trim().length > 40));
const layers = Array.from({ length: 300 }, (_, n) => {
  const text = makeArticle(rnd, paragraphs, false);
  const { entities, claims } = annotate(rnd, text, 'gold', n);
  for (const e of entities) Object.assign(e, { from: [{ annotator: 'ana', id: e.id }, { annotator: 'bob', id: e.id }], adjudicator: 'lead', created: '2026-12-01T10:00:00Z' });
  return { header: { sift: 1, article: `a${n}.txt`, annotator: 'gold', sha256: 'ab'.repeat(32), length: Array.from(text).length, status: 'in-review' }, entities, claims };
});
const texts = layers.map((l) => OLD.serializeSidecar(l));
const edited = layers.map((l) => ({ ...l, entities: l.entities.map((e, i) => (i % 3 ? e : { ...e, label: 'ORG', note: 'checked: yes' })) }));

const time = (f) => {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1e6;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const runs = { fresh: { old: [], new: [] }, plain: { old: [], new: [] } };
for (let r = 0; r < ROUNDS + 1; r++) {
  for (const [name, m] of r % 2 ? [['new', NEW], ['old', OLD]] : [['old', OLD], ['new', NEW]]) {
    const f = time(() => { for (const l of layers) m.serializeFreshSidecar(l); });
    const p = time(() => { edited.forEach((l, i) => m.rewritePlainSidecar(texts[i], l)); });
    if (r > 0) { runs.fresh[name].push(f); runs.plain[name].push(p); } // the first round warms up
  }
}
for (const [w, what] of [['fresh', 'serializeFreshSidecar, 300 new gold sidecars'], ['plain', 'rewritePlainSidecar, 300 edited sidecars']]) {
  const [o, n] = [median(runs[w].old), median(runs[w].new)];
  console.log(`${what}: old ${o.toFixed(1)} ms, new ${n.toFixed(1)} ms (median of ${ROUNDS}); new/old ${(n / o).toFixed(2)}`);
}
