// A team of annotators working through git, for `npm run bench`: a bare repository, one clone per annotator (one
// annotator on two machines, and a reviewer who fixes others' sidecars), rounds of concurrent work, each clone
// committing once and then pulling (merging, through `sift merge-driver` as git-setup registers it) and pushing in turn.
// It times every run of the driver (SIFT_MERGE_DRIVER_TIMING), and checks at the end that nothing was lost.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { cliCommand, driverCommand, setUpGit } from '../src/core/store/gitSetup';
import { CONFLICTS_KEY } from '../src/core/store/mergeConflicts';
import { parseSidecar, readSidecar, serializeSidecar } from '../src/core/store/sidecarFormat';
import { rng } from './gitMerge';
import { median } from './stats';
import { Corpus, START_ENTITIES, writeCorpus } from './gitTeamCorpus';
import { Claims, Clone, EditCounts, EditPlan, addCounts, doEdits, noEdits } from './gitTeamEdits';
import { TeamModel, Tree, checkNothingLost } from './gitTeamModel';

export interface TeamOptions {
  articles: number;
  annotators: number;
  /** Annotators per article. */
  overlap: number;
  rounds: number;
  /** Entities each sidecar starts with (START_ENTITIES unless given). */
  entities?: number;
  /** The built CLI and driver bundle (dist/). */
  dist: string;
  samples: string[];
  log?: (line: string) => void;
}

interface Sync { pulls: number; conflictedPulls: number; resolvedFiles: number; textConflicts: number }

const ENV = { ...process.env, GIT_EDITOR: 'true', GIT_TERMINAL_PROMPT: '0', GIT_AUTHOR_DATE: '2026-11-30T12:00:00Z', GIT_COMMITTER_DATE: '2026-11-30T12:00:00Z' };

function git(cwd: string, args: string[], env: NodeJS.ProcessEnv = ENV, allowFail = false): { status: number; out: string } {
  const r = spawnSync('git', args, { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  if (r.status !== 0 && !allowFail) throw new Error(`git ${args.join(' ')} in ${cwd} failed (${r.status}): ${r.stderr}${r.stdout}`);
  return { status: r.status ?? -1, out: r.stdout };
}

function configure(dir: string, name: string): void {
  for (const [k, v] of [['user.name', name], ['user.email', `${name}@sift.invalid`], ['commit.gpgsign', 'false'], ['pull.rebase', 'false'], ['gc.auto', '0'], ['feature.manyFiles', 'true']]) git(dir, ['config', k, v]);
}

/** The repository, seeded with the corpus, and its clones, each set up by `sift git-setup`'s core as a person would. */
function makeRepos(root: string, o: TeamOptions, model: TeamModel): { corpus: Corpus; clones: Clone[]; origin: string } {
  const origin = path.join(root, 'origin.git');
  git(root, ['init', '-q', '--bare', '-b', 'main', origin]);
  const setup = { cli: cliCommand(path.join(o.dist, 'cli.js')), driver: driverCommand(path.join(o.dist, 'mergeDriver.js')) };
  const annotators = Array.from({ length: o.annotators }, (_, i) => `a${String(i).padStart(2, '0')}`);
  const names = [...annotators, `${annotators[0]}-laptop`, 'reviewer'];
  const clones = names.map((name) => ({ name, dir: path.join(root, name) }));
  const seed = clones[0].dir;
  fs.mkdirSync(seed);
  git(seed, ['init', '-q', '-b', 'main']);
  configure(seed, clones[0].name);
  const corpus = writeCorpus(seed, o.samples, o.articles, annotators, o.overlap, model, o.entities);
  setUpGit(seed, setup);
  git(seed, ['add', '-A']);
  git(seed, ['commit', '-q', '-m', `${o.articles} articles, ${corpus.sidecars} sidecars`]);
  git(seed, ['remote', 'add', 'origin', origin]);
  git(seed, ['push', '-q', '-u', 'origin', 'main']);
  for (const c of clones.slice(1)) {
    git(root, ['clone', '-q', origin, c.dir]);
    configure(c.dir, c.name);
    setUpGit(c.dir, setup);
  }
  return { corpus, clones, origin };
}

/** Who edits what this round: each annotator some of their sidecars, the laptop some of a00's, the reviewer others'. */
function plans(round: number, clones: Clone[], corpus: Corpus, r: () => number): EditPlan[] {
  const pick = <T>(xs: T[], n: number): T[] => {
    const out = new Set<T>();
    while (out.size < Math.min(n, xs.length)) out.add(xs[Math.floor(r() * xs.length)]);
    return [...out];
  };
  const owners = clones.slice(0, corpus.owned.size);
  const perClone = Math.max(4, Math.ceil((corpus.sidecars / owners.length) * 0.03));
  const ownerPlans: EditPlan[] = owners.map((clone) => ({ round, clone, kind: 'owner', files: pick(corpus.owned.get(clone.name)!, perClone) }));
  const a0 = ownerPlans[0];
  // The same annotator on a second machine: half in files the first machine also changed, half elsewhere.
  const laptop: EditPlan = { round, clone: clones[owners.length], kind: 'second-machine', files: [...new Set([...pick(a0.files, perClone / 2), ...pick(corpus.owned.get(a0.clone.name)!, perClone / 2)])] };
  // The reviewer: in files their owners change this round (a few times the very same label, differently) and elsewhere.
  const shared = ownerPlans.flatMap((p) => pick(p.files, Math.ceil(perClone / 8)));
  const elsewhere = ownerPlans.flatMap((p) => pick(corpus.owned.get(p.clone.name)!, Math.ceil(perClone / 8)));
  const reviewer: EditPlan = { round, clone: clones[owners.length + 1], kind: 'reviewer', files: [...new Set([...shared, ...elsewhere])], conflictFiles: new Set(pick(shared, 3)) };
  return [...ownerPlans, laptop, reviewer];
}

/** Resolves what the driver left conflicted as a person would: keeps the annotation as it stands, deletes the entries. */
function resolve(dir: string, sync: Sync): void {
  const unmerged = git(dir, ['diff', '--name-only', '--diff-filter=U']).out.split('\n').filter(Boolean);
  for (const file of unmerged) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    if (/^<<<<<<< /m.test(text)) { sync.textConflicts++; git(dir, ['checkout', '--ours', '--', file]); } else {
      const p = parseSidecar(text, file);
      p.doc.delete(CONFLICTS_KEY);
      delete (p.layer.header as unknown as Record<string, unknown>)[CONFLICTS_KEY];
      fs.writeFileSync(path.join(dir, file), serializeSidecar(p.layer, p.doc));
    }
    sync.resolvedFiles++;
  }
  git(dir, ['add', '--', ...unmerged]);
  git(dir, ['commit', '-q', '--no-edit']);
}

/** Pulls (merging through the driver) and, with something to share, pushes; in turn, so every push goes through. */
function pullAndPush(c: Clone, env: NodeJS.ProcessEnv, sync: Sync, push: boolean): void {
  sync.pulls++;
  const pull = git(c.dir, ['pull', '-q', '--no-edit', 'origin', 'main'], env, true);
  if (pull.status !== 0) {
    sync.conflictedPulls++;
    resolve(c.dir, sync);
  }
  if (push) git(c.dir, ['push', '-q', 'origin', 'main'], env);
}

/** The annotations of every sidecar git tracks in a work tree (a file that does not load, or holds conflicts, gives why). */
export function readTree(dir: string): Tree {
  const tree: Tree = new Map();
  for (const file of git(dir, ['ls-files', '*.ann.yaml']).out.split('\n').filter(Boolean)) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    try {
      const { layer } = readSidecar(text, file);
      const left = (layer.header as unknown as Record<string, unknown>)[CONFLICTS_KEY];
      tree.set(file, left ? `${CONFLICTS_KEY} left in the file` : new Map(layer.entities.map((e) => [e.id, { label: e.label, note: e.note }])));
    } catch (e) {
      tree.set(file, `does not load: ${(e as Error).message}`);
    }
  }
  return tree;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function quantiles(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))].toFixed(1) : '-');
  return `median ${at(0.5)} ms, p95 ${at(0.95)} ms`;
}

/** A run of the simulation: its report, and each driver run's merge time and whole-process time (ms). */
export interface TeamRun { lines: string[]; mergeMs: number[]; processMs: number[]; lost: number }

/** Runs the simulation in a temporary folder (removed after, unless SIFT_KEEP_TEAM is set) and reports it. */
export function gitTeamBench(o: TeamOptions): TeamRun {
  const log = o.log ?? (() => undefined);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-team-'));
  const timing = path.join(root, 'driver-timing.tsv');
  const env = { ...ENV, SIFT_MERGE_DRIVER_TIMING: timing };
  const model = new TeamModel();
  const t0 = performance.now();
  try {
    const { corpus, clones, origin } = makeRepos(root, o, model);
    const tRepos = performance.now();
    log(`git team: ${corpus.sidecars} sidecars in ${clones.length} clones ready after ${seconds(tRepos - t0)}`);
    const r = rng(2026);
    let edits: EditCounts = noEdits();
    const sync: Sync = { pulls: 0, conflictedPulls: 0, resolvedFiles: 0, textConflicts: 0 };
    for (let round = 1; round <= o.rounds; round++) {
      const claims: Claims = new Map();
      for (const p of plans(round, clones, corpus, r)) {
        edits = addCounts(edits, doEdits(model, claims, corpus, p));
        git(p.clone.dir, ['add', '-A']);
        git(p.clone.dir, ['commit', '-q', '-m', `round ${round}: ${p.clone.name}`]);
      }
      // In turn, from a different clone each round: pull (merge through the driver), resolve what it left, push.
      for (let i = 0; i < clones.length; i++) pullAndPush(clones[(i + round) % clones.length], env, sync, true);
      log(`git team: round ${round} done after ${seconds(performance.now() - t0)}`);
    }
    const tRounds = performance.now();
    for (const c of clones) pullAndPush(c, env, sync, false);
    const head = git(origin, ['rev-parse', 'main']).out.trim();
    const behind = clones.filter((c) => git(c.dir, ['rev-parse', 'HEAD']).out.trim() !== head).map((c) => c.name);
    const problems = checkNothingLost(model, readTree(clones[clones.length - 1].dir));
    if (behind.length) problems.push(`clones not at origin's head after the last pull: ${behind.join(', ')}`);
    const tEnd = performance.now();
    const runs = fs.existsSync(timing) ? fs.readFileSync(timing, 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t')) : [];
    const counts = model.counts();
    const lines = [
      `Team over git: ${o.articles} articles, ${corpus.sidecars} sidecars (${o.overlap} annotators each, ${o.entities ?? START_ENTITIES} entities each at the start), ${clones.length} clones (${o.annotators} annotators, ${clones[o.annotators].name}, reviewer), ${o.rounds} rounds`,
      `  work: ${edits.files} sidecar edits (${edits.relabels} relabels, ${edits.notes} notes, ${edits.deletions} deletions, ${edits.additions} additions, ${edits.conflictsMade} same-label conflicts made on purpose); ${sync.pulls} pulls, ${sync.conflictedPulls} left conflicts, ${sync.resolvedFiles} files resolved, ${sync.textConflicts} text-marker conflicts (must be 0)`,
      `  driver: ${runs.length} runs (${runs.filter((x) => x[3] === '1').length} exited 1: conflicts for a person); merge per sidecar in the driver ${quantiles(runs.map((x) => Number(x[1])))}; whole process (node start to exit) ${quantiles(runs.map((x) => Number(x[2])))} (target ≤ 5 ms per sidecar merge)`,
      `  wall: ${seconds(tEnd - t0)} in all: corpus and ${clones.length} clones ${seconds(tRepos - t0)}, ${o.rounds} rounds ${seconds(tRounds - tRepos)}, last pulls and check ${seconds(tEnd - tRounds)}; ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} load on ${os.cpus().length} cores`,
      `  nothing lost: ${counts.created} annotations made, ${counts.alive} alive, ${counts.created - counts.alive} deleted, checked against the final tree: ${problems.length} problems (must be 0)${problems.length ? `\n    ${problems.slice(0, 10).join('\n    ')}` : ''}`,
    ];
    return { lines, mergeMs: runs.map((x) => Number(x[1])), processMs: runs.map((x) => Number(x[2])), lost: problems.length };
  } finally {
    if (!process.env.SIFT_KEEP_TEAM) fs.rmSync(root, { recursive: true, force: true });
  }
}

/**
 * `--git-team --old <ref>`: the same team (the same seed, corpus and edits) with an older build's driver and this
 * build's, in turn, `pairs` times, and both drivers' merge times pooled over their runs, side by side.
 */
export function gitTeamOldNew(o: TeamOptions, old: { ref: string; dist: string }, pairs: number): string[] {
  const lines: string[] = [];
  const pooled = { old: { merge: [] as number[], process: [] as number[], lost: 0 }, new: { merge: [] as number[], process: [] as number[], lost: 0 } };
  for (let i = 1; i <= pairs; i++) {
    for (const side of ['old', 'new'] as const) {
      const r = gitTeamBench({ ...o, dist: side === 'old' ? old.dist : o.dist });
      lines.push(`${side === 'old' ? `old driver (${old.ref})` : 'new driver'}, run ${i} of ${pairs}:`, ...r.lines.map((l) => `  ${l}`));
      pooled[side].merge.push(...r.mergeMs);
      pooled[side].process.push(...r.processMs);
      pooled[side].lost += r.lost;
    }
  }
  const [mo, mn] = [median(pooled.old.merge), median(pooled.new.merge)];
  lines.push(`side by side, ${pairs} runs each, in turn: merge per sidecar in the driver ${quantiles(pooled.old.merge)} old, ${quantiles(pooled.new.merge)} new (median new/old ${(mn / mo).toFixed(2)}); whole process ${quantiles(pooled.old.process)} old, ${quantiles(pooled.new.process)} new; problems (must be 0): ${pooled.old.lost} old, ${pooled.new.lost} new; target ≤ 5 ms per sidecar merge`);
  return lines;
}
