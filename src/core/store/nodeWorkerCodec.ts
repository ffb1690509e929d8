// The sidecar codec on a Node worker thread (node:worker_threads): the calling thread only posts a request and
// receives plain data back. The worker is started on first use, one per codec, and does not keep a process alive
// while it is idle. The browser build supplies its own codec on a Web Worker, running the same CodecWorker.
import { Worker } from 'worker_threads';
import { Layer } from '../model';
import { CodecReply, CodecRequest, DecodedSidecar, EncodedSidecar, SidecarCodec, fromWire } from './sidecarCodec';

type Pending = { resolve: (r: CodecReply) => void; reject: (e: Error) => void };
/** A request without its id (distributive, so each op keeps its own fields). */
type Body<T> = T extends unknown ? Omit<T, 'id'> : never;

export class NodeWorkerCodec implements SidecarCodec {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private next = 0;
  private disposed = false;

  /** `script`: the bundled worker (dist/sidecarWorker.js beside dist/extension.js). */
  constructor(private readonly script: string) {}

  async decode(text: string, file: string): Promise<DecodedSidecar> {
    const r = await this.request({ op: 'decode', text, file });
    if (!r.ok) throw fromWire(r.error);
    if (!('layer' in r)) throw new Error('the sidecar worker answered a decode with something else');
    return { layer: r.layer };
  }

  async encode(layer: Layer, previous: string | undefined, file: string, check = true): Promise<EncodedSidecar> {
    const r = await this.request({ op: 'encode', layer, previous, file, check });
    if (!r.ok) throw fromWire(r.error);
    if (!('text' in r)) throw new Error('the sidecar worker answered an encode with something else');
    const error = r.error && fromWire(r.error);
    return error && error.name === 'SidecarError' ? { text: r.text, error: error as EncodedSidecar['error'] } : { text: r.text };
  }

  private request(body: Body<CodecRequest>): Promise<CodecReply> {
    if (this.disposed) return Promise.reject(new Error('the sidecar worker was stopped'));
    const id = ++this.next;
    const worker = this.start();
    return new Promise<CodecReply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ ...body, id });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(this.script);
    w.on('message', (r: CodecReply) => this.settle(r));
    w.on('error', (e) => this.fail(e));
    w.on('exit', (code) => {
      if (this.worker === w) this.worker = undefined;
      this.fail(new Error(`the sidecar worker stopped (exit code ${code})`));
    });
    w.unref();
    this.worker = w;
    return w;
  }

  private settle(r: CodecReply): void {
    const p = this.pending.get(r.id);
    if (!p) return;
    this.pending.delete(r.id);
    if (this.pending.size === 0) this.worker?.unref();
    p.resolve(r);
  }

  /** The worker failed or stopped: every request still waiting fails (the caller keeps its work in memory). */
  private fail(e: Error): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const p of waiting) p.reject(e);
  }

  dispose(): void {
    this.disposed = true;
    this.fail(new Error('the sidecar worker was stopped'));
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
