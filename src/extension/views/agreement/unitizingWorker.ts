// The worker thread that computes Krippendorff's αu for the agreement report (bundled to dist/agreementWorker.js):
// over a big corpus it is the one step of the report that cannot be cut into slices, so it runs off the extension host.
import { parentPort } from 'worker_threads';
import { unitizingAlpha } from '../../../core/review/agreement/unitizing';
import { PackedStudy, unpackStudy } from './unitizingPack';

parentPort?.on('message', (p: PackedStudy) => {
  try {
    parentPort?.postMessage({ ok: unitizingAlpha(unpackStudy(p), p.labels) });
  } catch (e) {
    parentPort?.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
});
