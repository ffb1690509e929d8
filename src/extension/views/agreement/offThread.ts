// Runs αu in a worker thread (dist/agreementWorker.js) and falls back to this thread when the worker cannot run. No
// `vscode`: the bench uses it too.
import * as fs from 'fs';
import { Worker } from 'worker_threads';
import { AlphaU, UnitizingStudy, unitizingAlpha } from '../../../core/review/agreement/unitizing';
import { packStudy, transferables } from './unitizingPack';

export type UnitizingRunner = (study: UnitizingStudy, labels: string[]) => Promise<AlphaU>;

/** A runner that computes αu in a fresh worker from `workerFile`, or here when the file is missing or the worker fails. */
export function workerUnitizing(workerFile: string, onFallback: (why: string) => void = () => undefined): UnitizingRunner {
  return (study, labels) => {
    if (!fs.existsSync(workerFile)) {
      onFallback(`${workerFile} is missing`);
      return Promise.resolve(unitizingAlpha(study, labels));
    }
    return new Promise<AlphaU>((resolve) => {
      const worker = new Worker(workerFile);
      let done = false;
      const finish = (r: AlphaU | undefined, why?: string) => {
        if (done) return;
        done = true;
        void worker.terminate();
        if (r) resolve(r);
        else { onFallback(why ?? 'the worker stopped'); resolve(unitizingAlpha(study, labels)); }
      };
      worker.on('message', (m: { ok?: AlphaU; error?: string }) => finish(m.ok, m.error));
      worker.on('error', (e) => finish(undefined, e.message));
      worker.on('exit', () => finish(undefined));
      const packed = packStudy(study, labels);
      worker.postMessage(packed, transferables(packed));
    });
  };
}
