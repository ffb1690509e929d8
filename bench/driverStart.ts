// `npm run bench -- --only driver [--old <git ref>] [--triples N]`: the merge driver's cost per git invocation, side by
// side in one run, over the same generated triples (bench/driverTriples.ts): Node's own start (`node -e 0`, and
// without NODE_EXTRA_CA_CERTS when it is set), the driver of an older build (as its `sift git-setup` registered it) and
// this build's (as this `sift git-setup` registers it). Each command runs through sh with %O %A %B %P as git runs it,
// the commands in turn for each triple. Before the timing, a differential: both drivers on every triple, the merged
// file's bytes, the exit code and the messages compared.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync, spawnSync } from 'child_process';
import { cliCommand, driverCommand } from '../src/core/store/gitSetup';
import { mergeSidecarTexts } from '../src/core/store/gitMerge';
import { Triple, driverTriples, maxSpans } from './driverTriples';
import { median } from './stats';

export interface DriverBenchOptions {
  /** This build's dist/ folder. */
  dist: string;
  /** A git ref whose driver is the "old" one (built here in a temporary worktree). */
  oldRef: string;
  triples: number;
  samples: string[];
  repo: string;
  log: (line: string) => void;
}

interface Run { code: number; err: string; ms: number; cpuMs: number | undefined; merged: Buffer }

/** The old ref's dist/, built in a temporary worktree (its own scripts/build.mjs) and copied out (the caller removes its parent). */
export function buildOld(repo: string, ref: string, log: (l: string) => void): string {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-driver-old-'));
  const tree = path.join(tmp, 'tree');
  execFileSync('git', ['worktree', 'add', '--detach', tree, ref], { cwd: repo, stdio: 'ignore' });
  try {
    fs.symlinkSync(path.join(repo, 'node_modules'), path.join(tree, 'node_modules'));
    log(`building the driver of ${ref} in ${tree}`);
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: tree, stdio: 'ignore' });
    fs.cpSync(path.join(tree, 'dist'), path.join(tmp, 'dist'), { recursive: true });
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', tree], { cwd: repo, stdio: 'ignore' });
  }
  return path.join(tmp, 'dist');
}

/** The children's CPU time so far (user + system, ms) from /proc, or undefined where there is none (not Linux). */
function childrenCpu(hz: number): number | undefined {
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / hz;
  } catch {
    return undefined;
  }
}

function clockTicks(): number {
  const r = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  return Number(r.stdout) || 100;
}

/** Runs `command %O %A %B %P` through sh in `dir` on a fresh copy of ours, as git runs a merge driver. */
function runOnce(command: string, t: Triple, dir: string, hz: number, env: NodeJS.ProcessEnv): Run {
  fs.writeFileSync(path.join(dir, '.merge_file_base'), t.base);
  fs.writeFileSync(path.join(dir, '.merge_file_ours'), t.ours);
  fs.writeFileSync(path.join(dir, '.merge_file_theirs'), t.theirs);
  const cpu0 = childrenCpu(hz);
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/bin/sh', ['-c', `${command} .merge_file_base .merge_file_ours .merge_file_theirs '${t.name}'`], { cwd: dir, env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu1 = childrenCpu(hz);
  return { code: r.status ?? -1, err: r.stderr, ms, cpuMs: cpu0 === undefined || cpu1 === undefined ? undefined : cpu1 - cpu0, merged: fs.readFileSync(path.join(dir, '.merge_file_ours')) };
}

/** The command line the old ref's `sift git-setup` registered: with NODE_EXTRA_CA_CERTS emptied from when it did so. */
function oldRegistration(repo: string, ref: string): (bundle: string) => string {
  const r = spawnSync('git', ['show', `${ref}:src/core/store/gitSetup.ts`], { cwd: repo, encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('export function driverCommand(') ? driverCommand : cliCommand;
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');

/** The merge's own time inside each driver run (SIFT_MERGE_DRIVER_TIMING's second column), ms. */
function mergeTimes(file: string): number[] {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => Number(l.split('\t')[1])) : [];
}

/** Old and new on every triple: merged bytes, exit code and messages compared; the drivers' own merge times. */
function differential(old: string, now: string, triples: Triple[], dir: string, hz: number): string[] {
  const timing = { old: path.join(dir, 'timing-old.tsv'), new: path.join(dir, 'timing-new.tsv') };
  const differ: string[] = [];
  const codes = new Map<number, number>();
  for (const t of triples) {
    const a = runOnce(old, t, dir, hz, { ...process.env, SIFT_MERGE_DRIVER_TIMING: timing.old });
    const b = runOnce(now, t, dir, hz, { ...process.env, SIFT_MERGE_DRIVER_TIMING: timing.new });
    codes.set(b.code, (codes.get(b.code) ?? 0) + 1);
    if (a.code !== b.code || !a.merged.equals(b.merged) || a.err !== b.err) differ.push(`${t.name} (${t.kind}: exit ${a.code}/${b.code}, bytes ${a.merged.equals(b.merged) ? 'same' : 'differ'}, messages ${a.err === b.err ? 'same' : 'differ'})`);
  }
  const [mo, mn] = [mergeTimes(timing.old), mergeTimes(timing.new)];
  return [
    `differential, old driver against new on the same ${triples.length} triples: ${triples.length - differ.length} identical (merged bytes, exit code, messages), ${differ.length} differ${differ.length ? `: ${differ.slice(0, 5).join('; ')}` : ''}; exit codes of the new driver: ${[...codes].sort().map(([c, n]) => `${c}: ${n}`).join(', ')}`,
    `merge work inside one driver process (reading the sides, merging, writing; SIFT_MERGE_DRIVER_TIMING), cold: old median ${median(mo).toFixed(1)} ms, new median ${median(mn).toFixed(1)} ms`,
  ];
}

/** Every command on every triple, in turn (the order rotating), wall and CPU time of each run. */
function timed(commands: { label: string; command: string; floor?: number }[], triples: Triple[], dir: string, hz: number): string[] {
  const runs = commands.map(() => ({ ms: [] as number[], cpu: [] as number[] }));
  triples.forEach((t, i) => {
    for (let k = 0; k < commands.length; k++) {
      const c = (i + k) % commands.length;
      const r = runOnce(commands[c].command, t, dir, hz, process.env);
      runs[c].ms.push(r.ms);
      if (r.cpuMs !== undefined) runs[c].cpu.push(r.cpuMs);
    }
  });
  const cpu = runs.map((r) => (r.cpu.length ? mean(r.cpu) : undefined));
  return commands.map((c, i) => {
    const floor = c.floor === undefined ? undefined : cpu[c.floor];
    const above = floor !== undefined && cpu[i] !== undefined ? `  (${(cpu[i] - floor).toFixed(1)} ms above ${commands[c.floor!].label})` : '';
    return `  ${c.label.padEnd(52)} wall median ${median(runs[i].ms).toFixed(1).padStart(7)} ms, p95 ${p95(runs[i].ms).toFixed(1).padStart(7)} ms; CPU mean ${cpu[i] === undefined ? 'n/a' : `${cpu[i].toFixed(1).padStart(6)} ms`}${above}`;
  });
}

/**
 * The new driver's own merge time (cold, as git runs it) on clean merges of sidecars of growing size, up to what a
 * fully annotated news article holds (the samples' detected entities: 42 to 84). The articles are the samples run
 * together, five at a time, so that each offers enough spans.
 */
function bySize(command: string, samples: string[], dir: string, hz: number): string {
  const long = samples.map((_, i) => samples.map((_s, k) => samples[(i + k) % samples.length]).join('\n\n'));
  const most = maxSpans(long);
  // 84: the most entities detected in a sample article, all of them annotated.
  const sizes = [6, 12, 24, 48, 72, 84, 96].filter((n) => n <= most);
  const parts = sizes.map((size) => {
    const timing = path.join(dir, `timing-size-${size}.tsv`);
    for (const t of driverTriples(long, 15, 7, { kind: 'clean', size })) runOnce(command, t, dir, hz, { ...process.env, SIFT_MERGE_DRIVER_TIMING: timing });
    return `${size} entities ${median(mergeTimes(timing)).toFixed(1)} ms`;
  });
  return `merge work inside one driver process by sidecar size (new driver, 15 clean merges each, a few edits on both sides; median): ${parts.join(', ')} (target ≤ 5 ms)`;
}

/** The in-process merge of the same triples, warm (what a long-running driver would cost per sidecar), in CPU time. */
function warmMerge(triples: Triple[]): string {
  const parseable = triples.filter((t) => t.kind !== 'unparseable');
  for (const t of parseable) mergeSidecarTexts(t.base, t.ours, t.theirs, t.name);
  const cpu: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const t of parseable) {
      const c0 = process.cpuUsage();
      mergeSidecarTexts(t.base, t.ours, t.theirs, t.name);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
  }
  return `merge work in one warm process (mergeSidecarTexts, the same ${parseable.length} parseable triples, 5 rounds; CPU time, as the machine is shared): median ${median(cpu).toFixed(2)} ms, p95 ${p95(cpu).toFixed(2)} ms per sidecar (target ≤ 5 ms)`;
}

export function driverStartBench(o: DriverBenchOptions): string[] {
  const triples = driverTriples(o.samples, o.triples);
  const oldDist = buildOld(o.repo, o.oldRef, o.log);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-driver-run-'));
  const hz = clockTicks();
  const old = oldRegistration(o.repo, o.oldRef)(path.join(oldDist, 'mergeDriver.js'));
  const now = `${driverCommand(path.join(o.dist, 'mergeDriver.js'))}`;
  const started = load();
  const lines = [`merge driver per git invocation: ${triples.length} generated triples (${triples.length / 10} of each kind), ${process.version}, ${os.cpus().length} cores, load average ${started} at the start`];
  lines.push(...differential(old, now, triples, dir, hz));
  // Each driver against the start of Node it runs on: the old one with the environment as it is, the new one with
  // NODE_EXTRA_CA_CERTS emptied (as registered), so where that is set both floors are shown.
  const ca = Boolean(process.env.NODE_EXTRA_CA_CERTS);
  const commands = [
    { label: 'node -e 0 (Node\'s own start)', command: `${cliCommand('-e')} 0` },
    ...(ca ? [{ label: 'node -e 0, NODE_EXTRA_CA_CERTS emptied', command: `NODE_EXTRA_CA_CERTS= ${cliCommand('-e')} 0` }] : []),
    { label: `old driver (${o.oldRef}, as its git-setup registered it)`, command: old, floor: ca && old.startsWith('NODE_EXTRA_CA_CERTS=') ? 1 : 0 },
    { label: 'new driver (as this git-setup registers it)', command: now, floor: ca ? 1 : 0 },
  ];
  lines.push(`per invocation, each command once per triple, in turn${process.env.NODE_EXTRA_CA_CERTS ? ' (NODE_EXTRA_CA_CERTS is set here)' : ''}:`);
  lines.push(...timed(commands, triples, dir, hz));
  lines.push(bySize(now, o.samples, dir, hz));
  lines.push(warmMerge(triples));
  lines.push(`load average at the end: ${load()}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(path.dirname(oldDist), { recursive: true, force: true });
  return lines;
}
