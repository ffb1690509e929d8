// The editor's agreement report (Sift: Show Agreement) on a generated corpus of `count` articles x 3 annotators: the
// host posts the index's layers to the agreement worker in batches and receives the finished report, so the figure is the longest stretch the
// extension host would be blocked (issue 13's target: no block over 50 ms), measured twice: by the report's own clock
// and by how late a 5 ms timer fires. The index is built first and not timed (the editor builds it on
// activation).
import * as fs from 'fs';
import * as path from 'path';
import { CorpusIndex } from '../src/core/corpus/corpusIndex';
import { NodeFileSystem } from '../src/core/store/fileSystem';
import { computeAgreement } from '../src/extension/views/agreement/agreementData';
import { modelOf } from '../src/extension/views/agreement/agreementModel';
import { AgreementWorker } from '../src/extension/views/agreement/offThread';
import { generatedCorpus } from './review';

/** A timer every 5 ms; `stop` gives how late it fired at worst (the longest the event loop was blocked, less 5 ms). */
function lagProbe(): { stop(): number } {
  let worst = 0;
  let last = performance.now();
  const timer = setInterval(() => { const now = performance.now(); worst = Math.max(worst, now - last - 5); last = now; }, 5);
  return { stop: () => { clearInterval(timer); return Math.max(worst, performance.now() - last - 5); } };
}

export async function agreementReportBench(text: string, count: number, worker = path.resolve(__dirname, '..', 'dist', 'agreementWorker.js')): Promise<string[]> {
  const dir = generatedCorpus(text, count);
  try {
    const index = new CorpusIndex(new NodeFileSystem(), [dir]);
    await index.scan();
    let fellBack: string | undefined;
    // The worker thread is started once, when the report is first shown, and kept: timed apart.
    const w = new AgreementWorker(worker, (why) => { fellBack = why; });
    const started = performance.now();
    w.warm();
    const startMs = performance.now() - started;
    await new Promise((r) => setTimeout(r, 100));
    const probe = lagProbe();
    const t = process.hrtime.bigint();
    const run = await computeAgreement(index, {}, { name: (a) => path.relative(dir, a), runner: w.run });
    w.dispose();
    const model = modelOf(run);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    const lag = probe.stop();
    return [
      `Agreement report (editor) on ${count} generated articles x 3 annotators (${model.articles.length} rows, ${model.cells.length} pairs): ${(ms / 1000).toFixed(1)} s in all; longest block ${run.longestBlockMs} ms by the report's clock (${run.longestBlockIn}), ${lag.toFixed(0)} ms by a 5 ms timer's longest lateness (target: no block over 50 ms; ${fellBack ? `computed on the host thread: ${fellBack}` : `computed in the worker thread, started once beforehand, in ${startMs.toFixed(0)} ms on the host`})`,
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
