// `sift assign` at a team's scale: 10 annotators, 10,000 articles with overlap 2, then 1,000 new articles placed on
// top (the file's lines kept); the file written and read back. Reports the time of each step and the spread of loads.
import { Assignments, loadsOf, parseAssignments, planAssignments, serializeAssignments } from '../src/core/corpus/assignments';

const ms = (t: bigint) => (Number(process.hrtime.bigint() - t) / 1e6).toFixed(0);
const names = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}/${String(i).padStart(5, '0')}.txt`);

function spread(a: Assignments): number {
  const loads = [...loadsOf(a.annotators, a.articles).values()];
  return Math.max(...loads) - Math.min(...loads);
}

export function assignmentsBench(articles: number): string[] {
  const annotators = Array.from({ length: 10 }, (_, i) => `annotator${i}`);
  let t = process.hrtime.bigint();
  const first = planAssignments(names(articles, 'news'), { annotators, overlap: 2, seed: 1 }).assignments;
  const plan = ms(t);
  t = process.hrtime.bigint();
  const more = planAssignments([...first.articles.keys(), ...names(articles / 10, 'later')], { annotators, overlap: 2 }, first).assignments;
  const again = ms(t);
  t = process.hrtime.bigint();
  const text = serializeAssignments(more);
  const write = ms(t);
  t = process.hrtime.bigint();
  const back = parseAssignments(text, 'sift.assignments.yaml');
  const read = ms(t);
  t = process.hrtime.bigint();
  parseAssignments(text, 'sift.assignments.yaml', true);
  const careful = ms(t);
  const kept = [...first.articles].every(([k, v]) => more.articles.get(k)?.join() === v.join());
  return [`sift assign: ${articles} articles × 10 annotators (overlap 2) placed in ${plan} ms; ${articles / 10} more in ${again} ms (earlier lines kept: ${kept}); load spread ${spread(more)} (must be ≤ 1); file of ${(text.length / 1024).toFixed(0)} KB written in ${write} ms, read in ${read} ms (${back.articles.size} articles; the yaml library alone: ${careful} ms)`];
}
