// `sift assign`: places the articles under the paths with annotators, in sift.assignments.yaml (core/corpus/assignments.ts).
import * as fs from 'fs';
import * as path from 'path';
import { ASSIGNMENTS_FILE, AssignmentError, loadsOf, planAssignments } from '../core/corpus/assignments';
import { articleKey, readAssignmentsFile, writeAssignmentsFile } from '../core/corpus/assignmentsFile';
import { workspaceRootFor } from '../core/corpus/workspaceRoot';
import { CliIo } from './io';
import { commaList, parseOptions } from './options';
import { clean } from './review';

export const ASSIGN_USAGE = `sift assign --annotators A,B,C --overlap N [--seed N] [--out FILE] [paths...]
  Places each article (*.txt) under the paths (default .) with N distinct annotators, the least loaded first, so
  every annotator's count stays within one of the others'; the same seed and articles give the same file. Writes
  sift.assignments.yaml at the corpus root (the workspace root of the first path, or --out; article paths are
  relative to the file's folder). Run again, it keeps every line of the file and places only new articles.`;

interface AssignArgs {
  annotators: string[];
  overlap: number;
  seed?: number;
  out?: string;
  paths: string[];
}

/** --overlap and --seed: a whole number, written in digits. */
function wholeNumber(set: (r: Partial<AssignArgs>, n: number) => void) {
  return (r: Partial<AssignArgs>, v: string | undefined, name: string): string | undefined => {
    const n = /^\d+$/.test(v ?? '') ? Number(v) : NaN;
    if (!Number.isSafeInteger(n)) return `${name} needs a whole number`;
    set(r, n);
    return undefined;
  };
}

function parseArgs(args: string[]): AssignArgs | string {
  const r = parseOptions<Partial<AssignArgs> & { paths: string[] }>(args, { paths: [] }, {
    values: {
      '--annotators': (x, v) => { x.annotators = commaList(v); },
      '--overlap': wholeNumber((x, n) => { x.overlap = n; }),
      '--seed': wholeNumber((x, n) => { x.seed = n; }),
      '--out': (x, v = '') => { x.out = v; },
    },
  });
  if (typeof r === 'string') return r;
  if (!r.annotators?.length) return '--annotators needs a comma-separated list of annotators';
  if (r.overlap === undefined) return '--overlap needs the number of annotators per article';
  if (r.out === '') return '--out needs a file';
  return { annotators: r.annotators, overlap: r.overlap, seed: r.seed, out: r.out, paths: r.paths };
}

/** Every article (*.txt) under the paths: node_modules, dot-folders and links to folders are skipped, as for sidecars. */
function articlesUnder(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith('.txt')) out.push(p);
    }
  };
  for (const p of paths) {
    let st: fs.Stats;
    try { st = fs.statSync(p); } catch { throw new AssignmentError(`${p}: not found`); }
    if (st.isDirectory()) walk(p);
    else if (st.isFile()) out.push(p);
  }
  return [...new Set(out)];
}

function report(io: CliIo, file: string, placed: string[], loads: Map<string, number>, gone: string[]): void {
  io.out(`${clean(file)}: ${placed.length} article(s) placed\n`);
  io.out(`load: ${[...loads].map(([a, n]) => `${clean(a)} ${n}`).join(', ')}\n`);
  if (gone.length) io.err(`sift assign: ${gone.length} assigned article(s) not found under the paths were kept (delete their lines by hand if they are gone): ${gone.slice(0, 5).map(clean).join(', ')}${gone.length > 5 ? ', …' : ''}\n`);
}

function assign(r: AssignArgs, io: CliIo): number {
  const paths = (r.paths.length ? r.paths : ['.']).map((p) => path.resolve(io.cwd, p));
  const file = r.out ? path.resolve(io.cwd, r.out) : path.join(workspaceRootFor(paths[0]), ASSIGNMENTS_FILE);
  const root = path.dirname(file);
  const found = articlesUnder(paths);
  const keys = found.map((a) => articleKey(root, a));
  const outside = found.filter((_, k) => keys[k] === undefined);
  if (outside.length) throw new AssignmentError(`${outside.length} article(s) are outside ${root}, the folder of ${ASSIGNMENTS_FILE} (e.g. ${path.relative(io.cwd, outside[0])}); give --out in a folder above them`);
  const existing = readAssignmentsFile(file);
  const plan = planAssignments(keys as string[], { annotators: r.annotators, overlap: r.overlap, seed: r.seed }, existing);
  const onDisk = new Set(keys as string[]);
  const gone = existing ? [...existing.articles.keys()].filter((k) => !onDisk.has(k) && paths.some((p) => articleKey(p, path.join(root, k)) !== undefined)) : [];
  const written = writeAssignmentsFile(file, plan.assignments);
  report(io, path.relative(io.cwd, file) || file, plan.placed, loadsOf(plan.assignments.annotators, plan.assignments.articles), gone);
  if (!written) io.out('nothing changed\n');
  return 0;
}

export function assignCommand(args: string[], io: CliIo): number {
  const r = parseArgs(args);
  if (typeof r === 'string') {
    io.err(`sift assign: ${r}\n${ASSIGN_USAGE}\n`);
    return 2;
  }
  try {
    return assign(r, io);
  } catch (e) {
    if (!(e instanceof AssignmentError)) throw e;
    io.err(`sift assign: ${clean(e.message)}\n`);
    return 1;
  }
}
