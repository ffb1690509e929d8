// `sift review --merge` of an old build against this one, side by side on the same generated corpus (issue 12's
// 10,000 articles x 3 annotators): `npm run build -- --bench && node out-bench/bench.js --only merge --old
// OLD/dist/cli.js [--rounds N] [--articles N]`. Each round runs both CLIs as processes, in turn (the order
// alternating from round to round, so neither always has the warmer cache), each on the corpus with no gold sidecar;
// the load average is printed with every run, since the machine may be shared, and so is the CPU time the run used
// (user and system, all its threads; read from /proc, so on Linux only). From the branch `mergepar`, without its threads.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generatedCorpus } from './review';

/** Deletes every gold sidecar (and any lock or temp file) under `dir`: the corpus as generated. */
function withoutGold(dir: string): void {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) withoutGold(p);
    else if (/\.gold\.ann\.yaml$|\.lock$|\.tmp$/.test(e.name)) fs.rmSync(p, { force: true });
  }
}

/** The median (of an even count, the mean of the middle two). */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');

/** Seconds of CPU (user and system) used by this process's waited-for children, or NaN where /proc is missing. */
function childCpu(): number {
  try {
    // The fields after the command's name (in parentheses, which may hold spaces): cutime and cstime are 14th and 15th.
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return NaN;
  }
}

/** One merge by `cli` over `dir`: seconds of wall time and of CPU, and its summary line. */
function runMerge(cli: string, dir: string): { s: number; cpu: number; out: string } {
  withoutGold(dir);
  const cpu = childCpu();
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, 'review', '--merge', '.', '--adjudicator', 'bench', '--seed', '1'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0) throw new Error(`${cli} exited ${r.status}: ${r.stderr}`);
  return { s, cpu: childCpu() - cpu, out: r.stdout.trim() };
}

export function mergeOldNewBench(text: string, count: number, oldCli: string, newCli: string, rounds: number): string[] {
  const dir = generatedCorpus(text, count);
  const lines: string[] = [`sift review --merge on ${count} generated articles x 3 annotators, old ${oldCli} against new ${newCli}, ${rounds} round(s), ${os.availableParallelism()} core(s)`];
  const times: Record<'old' | 'new', number[]> = { old: [], new: [] };
  const cpus: Record<'old' | 'new', number[]> = { old: [], new: [] };
  const outs = new Set<string>();
  try {
    for (let i = 0; i < rounds; i++) {
      for (const which of i % 2 ? (['new', 'old'] as const) : (['old', 'new'] as const)) {
        const before = load();
        const { s, cpu, out } = runMerge(which === 'old' ? oldCli : newCli, dir);
        times[which].push(s);
        cpus[which].push(cpu);
        outs.add(out);
        lines.push(`  round ${i + 1} ${which}: ${s.toFixed(1)} s, CPU ${cpu.toFixed(1)} s (load average before ${before}, after ${load()})`);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const [o, n] = [median(times.old), median(times.new)];
  const [bo, bn] = [Math.min(...times.old), Math.min(...times.new)];
  lines.push(`  median old ${o.toFixed(1)} s, new ${n.toFixed(1)} s: new/old ${(n / o).toFixed(2)}; best old ${bo.toFixed(1)} s, new ${bn.toFixed(1)} s: ${(bn / bo).toFixed(2)} (target: 15 s for 10,000)`);
  lines.push(`  CPU (user and system): median old ${median(cpus.old).toFixed(1)} s, new ${median(cpus.new).toFixed(1)} s: new/old ${(median(cpus.new) / median(cpus.old)).toFixed(2)}`);
  lines.push(`  ${outs.size === 1 ? 'both printed' : 'they printed'}: ${[...outs].join(' | ')}`);
  return lines;
}
