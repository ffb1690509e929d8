// The entry of the Node worker thread that parses and serialises big sidecars (see nodeWorkerCodec.ts); esbuild
// bundles it to dist/sidecarWorker.js.
import { parentPort } from 'worker_threads';
import { CodecRequest, CodecWorker } from './sidecarCodec';

const port = parentPort;
if (!port) throw new Error('sidecarWorker.js runs as a worker thread (new Worker), not on its own');
const work = new CodecWorker();
port.on('message', (req: CodecRequest) => port.postMessage(work.handle(req)));
