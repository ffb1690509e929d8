// The entry of a worker thread of `sift review --merge` (reviewParallel.ts); esbuild bundles it to
// dist/reviewMergeWorker.js, beside dist/cli.js.
import { parentPort, workerData } from 'worker_threads';
import { MergePart, mergePart } from './reviewParallel';

const port = parentPort;
if (!port) throw new Error('reviewMergeWorker.js runs as a worker thread of sift review --merge, not on its own');
void mergePart(workerData as MergePart, port);
