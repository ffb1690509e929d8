// The agreement figure: `sift agree` over a generated corpus of `count` articles x 3 annotators (issue 13's target:
// 10 s or less for 10,000 articles), the same corpus `sift review --merge` is measured on. Wall time and this process's
// CPU time both, as the machine is shared: reading the corpus index (a stat and a read per sidecar) is most of it.
import * as fs from 'fs';
import { agreeCommand } from '../src/cli/agree';
import { CliIo } from '../src/cli/io';
import { generatedCorpus } from './review';

export async function agreeBench(text: string, count: number): Promise<string[]> {
  const dir = generatedCorpus(text, count);
  try {
    let out = '';
    let err = '';
    const io: CliIo = { cwd: dir, out: (t) => { out += t; }, err: (t) => { err += t; } };
    const cpu = process.cpuUsage();
    const t = process.hrtime.bigint();
    const code = await agreeCommand(['--json', '.'], io);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    const used = process.cpuUsage(cpu);
    const r = JSON.parse(out) as { counts: { articles: number; tokens: number; spans: number }; pairs: { a: string; b: string; f1: { micro: number } }[]; alpha: number };
    const f1 = r.pairs.map((p) => `${p.a}x${p.b} ${p.f1.micro.toFixed(3)}`).join(', ');
    return [
      `sift agree on ${count} generated articles x 3 annotators (${r.counts.tokens} token units, ${r.counts.spans} spans): ${(ms / 1000).toFixed(1)} s (CPU ${((used.user + used.system) / 1e6).toFixed(1)} s; exit ${code}${err ? `, ${err.trim().split('\n').length} message(s) on stderr` : ''}; F1 ${f1}; α ${r.alpha.toFixed(3)}) (target: 10 s for 10,000)`,
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
