// The editor's agreement report (Sift: Show Agreement) on a generated corpus of `count` articles x 3 annotators: the
// host posts the index's layers to the agreement worker in batches and receives the finished report in parts, so the
// figure is the longest stretch the extension host would be blocked (issue 13's target: no block over 50 ms),
// measured by the report's own clock and, from outside it, by how late an independent 5 ms timer fires (which also
// sees structured clones, deserialisation and garbage collection), with the host thread's own CPU time in each gap
// (lagProbe.ts) so that a figure taken on a loaded machine can be read. The index is built first and not timed (the
// editor builds it on activation).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CorpusIndex } from '../src/core/corpus/corpusIndex';
import { NodeFileSystem } from '../src/core/store/fileSystem';
import { computeAgreement } from '../src/extension/views/agreement/agreementData';
import { modelOf } from '../src/extension/views/agreement/agreementModel';
import { AgreementWorker } from '../src/extension/views/agreement/offThread';
import { lagProbe, lagText } from './lagProbe';
import { generatedCorpus } from './review';

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
    const load = os.loadavg().map((x) => x.toFixed(1)).join(', ');
    return [
      `Agreement report (editor) on ${count} generated articles x 3 annotators (${model.articles.length} rows, ${model.cells.length} pairs): ${(ms / 1000).toFixed(1)} s in all; longest block ${run.longestBlockMs} ms by the report's clock (${run.longestBlockIn}); ${lagText(lag)} (target: no block over 50 ms; load average ${load} on ${os.cpus().length} CPUs; ${fellBack ? `computed on the host thread: ${fellBack}` : `computed in the worker thread, started once beforehand, in ${startMs.toFixed(0)} ms on the host`})`,
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
