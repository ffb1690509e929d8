import * as fs from 'fs';
import * as path from 'path';
import { readArticle } from '../core/text/article';
import { parseIsoDay } from '../core/detect/dates';
import { Detector } from '../core/detect/detector';
import { loadGold } from '../core/review/goldSet';
import { Mention, Score, score } from '../core/review/spanScore';
import { CliIo } from './io';
import { Peer, chronoPeer, compromisePeer, winkPeer } from './peers';

export const EVAL_USAGE = `sift eval [--gold DIR] [--articles DIR] [--json]
  Scores Sift's detector on a gold set (default test/fixtures/gold, articles in samples/): per-label precision, recall
  and F1 on exact spans (and F1 on overlapping spans), and date-value accuracy; then the same for compromise,
  chrono-node and wink-nlp when installed. Sift runs with its built-in rules only: no gazetteer, nothing learned.`;

export const LABELS = ['PERSON', 'ORG', 'PLACE', 'DATE'];

export interface EvalReport {
  system: string;
  score: Score;
  labels: string[];
}

/** Runs Sift and the installed peers over the gold set. */
export function evaluate(goldDir: string, articlesDir: string): EvalReport[] {
  const gold = loadGold(goldDir);
  const texts = gold.map((g) => readArticle(path.join(articlesDir, g.article)));
  const refs = gold.map((g) => {
    const d = parseIsoDay(g.reference_date);
    if (!d) throw new Error(`${g.article}: bad reference_date ${g.reference_date}`);
    return d;
  });
  const sift = new Detector();
  const systems: { name: string; labels: string[]; run: (i: number) => Mention[] }[] = [
    { name: 'sift', labels: LABELS, run: (i) => sift.detect(texts[i], refs[i]) },
  ];
  for (const peer of [compromisePeer(), chronoPeer(), winkPeer()].filter((p): p is Peer => !!p)) {
    systems.push({ name: peer.name, labels: peer.labels, run: (i) => peer.detect(texts[i], new Date(Date.UTC(refs[i].year, refs[i].month - 1, refs[i].day, 12))) });
  }
  return systems.map((s) => ({
    system: s.name,
    labels: s.labels,
    score: score(gold.map((g, i) => ({ gold: g.mentions, predicted: s.run(i) })), s.labels),
  }));
}

const pct = (x: number) => (x * 100).toFixed(1).padStart(5);

export function formatReport(reports: EvalReport[]): string {
  const lines = ['system       label    gold  pred  hit   P      R      F1     F1(overlap)'];
  for (const r of reports) {
    for (const l of r.labels) {
      const s = r.score.labels[l];
      lines.push(`${r.system.padEnd(12)} ${l.padEnd(7)} ${String(s.gold).padStart(5)} ${String(s.predicted).padStart(5)} ${String(s.correct).padStart(4)}  ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}  ${pct(s.overlapF1)}`);
    }
    const m = r.score.micro;
    lines.push(`${r.system.padEnd(12)} ${'micro'.padEnd(7)} ${String(m.gold).padStart(5)} ${String(m.predicted).padStart(5)} ${String(m.correct).padStart(4)}  ${pct(m.precision)}  ${pct(m.recall)}  ${pct(m.f1)}  ${pct(m.overlapF1)}`);
    if (r.labels.includes('DATE')) {
      const d = r.score.dateValues;
      lines.push(d.valued === 0
        ? `${r.system.padEnd(12)} date values: none (it does not normalise dates)`
        : `${r.system.padEnd(12)} date values: ${d.correct}/${d.total} correct (${pct(d.accuracy).trim()}%) on exactly found dates`);
    }
  }
  const sift = reports.find((r) => r.system === 'sift');
  if (sift) {
    lines.push('', 'Sift F1 minus the best peer F1, per label (exact spans):');
    for (const l of LABELS) {
      const peers = reports.filter((r) => r.system !== 'sift' && r.labels.includes(l));
      if (!peers.length) continue;
      const best = peers.reduce((a, b) => (b.score.labels[l].f1 > a.score.labels[l].f1 ? b : a));
      lines.push(`  ${l.padEnd(7)} ${pct(sift.score.labels[l].f1)} vs ${best.system} ${pct(best.score.labels[l].f1).trim()}: ${((sift.score.labels[l].f1 - best.score.labels[l].f1) * 100).toFixed(1)} points`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function evalCommand(args: string[], io: CliIo): number {
  const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return path.resolve(io.cwd, i >= 0 ? args[i + 1] ?? '' : dflt); };
  const goldDir = opt('--gold', 'test/fixtures/gold');
  const articles = opt('--articles', 'samples');
  if (!fs.existsSync(goldDir)) {
    io.err(`sift eval: no gold set at ${goldDir}\n${EVAL_USAGE}\n`);
    return 2;
  }
  const reports = evaluate(goldDir, articles);
  io.out(args.includes('--json') ? `${JSON.stringify(reports, null, 2)}\n` : formatReport(reports));
  return 0;
}
