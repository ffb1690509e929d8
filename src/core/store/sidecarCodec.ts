// Parsing and serialising sidecars, possibly on another thread. A big sidecar (5,000 annotations, about 1.5 MB) takes
// around a second to parse (yaml + the schema check) and more to serialise; the editor hands such work to a codec so
// that its own thread only posts and receives plain data. The in-process codec runs here; a worker codec (Node's
// worker_threads in nodeWorkerCodec.ts, a Web Worker in the browser build) runs `handleCodecRequest` on its thread.
import { Document } from 'yaml';
import { Layer } from '../model';
import { Problem, SidecarError } from './problems';
import { parseSidecar, serializeSidecar } from './sidecarFormat';
import { serializeFreshSidecar } from './freshSidecar';

/**
 * Lets the event loop turn (a keystroke, a timer) between two pieces of work on a big layer, so that the thread is
 * never blocked by both at once. A timer, not setImmediate, so that it also runs in a browser's worker.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Sidecars at least this long (UTF-16 code units of their text) are parsed and serialised by a worker codec. */
export const OFF_THREAD_CHARS = 256 * 1024;
/** A layer with at least this many annotations is serialised by a worker codec, whatever its file's size. */
export const OFF_THREAD_ANNOTATIONS = 1_000;

/** What a codec gives for a sidecar's text: the layer, exactly as `parseSidecar(text).layer`. */
export interface DecodedSidecar {
  layer: Layer;
}

/** What a codec gives for a layer: the text `serializeSidecar` writes, and whether that text passes a load's checks. */
export interface EncodedSidecar {
  text: string;
  /** Set when the text would fail a load (YAML, schema, limits): it must not be written over the sidecar. */
  error?: SidecarError;
}

export interface SidecarCodec {
  /** Parses and checks a sidecar's text; rejects with the SidecarError `parseSidecar` throws for it. */
  decode(text: string, file: string): Promise<DecodedSidecar>;
  /**
   * Serialises a layer as `serializeSidecar(layer, parseSidecar(previous).doc)` does (a rewrite of `previous`, the
   * text last read from or written to the file, keeps its comments and key order), and checks the result as a load
   * would (with `check`).
   */
  encode(layer: Layer, previous: string | undefined, file: string, check?: boolean): Promise<EncodedSidecar>;
  dispose(): void;
}

/** Requests and replies between a codec and the thread that does the work: plain data only (structured clone). */
export type CodecRequest =
  | { id: number; op: 'decode'; text: string; file: string }
  | { id: number; op: 'encode'; layer: Layer; previous: string | undefined; file: string; check: boolean };

export interface WireError {
  name: string;
  message: string;
  /** Set for a SidecarError: its file and problems, so that the error is rebuilt as the same SidecarError. */
  file?: string;
  problems?: Problem[];
}

export type CodecReply =
  | { id: number; ok: true; layer: Layer }
  | { id: number; ok: true; text: string; error?: WireError }
  | { id: number; ok: false; error: WireError };

export function toWire(e: unknown): WireError {
  if (e instanceof SidecarError) return { name: e.name, message: e.message, file: e.file, problems: e.problems };
  if (e instanceof Error) return { name: e.name, message: e.message };
  return { name: 'Error', message: String(e) };
}

export function fromWire(w: WireError): Error {
  if (w.file !== undefined && w.problems) return new SidecarError(w.file, w.problems);
  const e = new Error(w.message);
  e.name = w.name;
  return e;
}

/**
 * The documents last parsed on this thread, by file, with the text they came from: a save right after a load or a
 * save reuses the document instead of parsing `previous` again.
 */
class DocumentCache {
  private readonly docs = new Map<string, { text: string; doc: Document }>();

  constructor(private readonly limit = 8) {}

  get(file: string, text: string): Document | undefined {
    const hit = this.docs.get(file);
    return hit && hit.text === text ? hit.doc : undefined;
  }

  put(file: string, text: string, doc: Document): void {
    this.docs.delete(file);
    this.docs.set(file, { text, doc });
    while (this.docs.size > this.limit) this.docs.delete(this.docs.keys().next().value as string);
  }
}

/** Does the work of one request; the same code in-process and on a worker thread. */
export class CodecWorker {
  private readonly cache = new DocumentCache();

  decode(text: string, file: string): DecodedSidecar {
    const parsed = parseSidecar(text, file);
    this.cache.put(file, text, parsed.doc);
    return { layer: parsed.layer };
  }

  encode(layer: Layer, previous: string | undefined, file: string, check: boolean): EncodedSidecar {
    const doc = previous === undefined ? undefined : this.previousDoc(previous, file);
    const text = doc ? serializeSidecar(layer, doc) : serializeFreshSidecar(layer);
    if (!check) return { text };
    try {
      this.decode(text, file);
      return { text };
    } catch (e) {
      if (!(e instanceof SidecarError)) throw e;
      return { text, error: e };
    }
  }

  /** The document `previous` parses to; undefined when it does not parse (the layer is then written afresh). */
  private previousDoc(previous: string, file: string): Document | undefined {
    const hit = this.cache.get(file, previous);
    if (hit) return hit;
    try {
      const parsed = parseSidecar(previous, file);
      this.cache.put(file, previous, parsed.doc);
      return parsed.doc;
    } catch (e) {
      if (e instanceof SidecarError) return undefined;
      throw e;
    }
  }

  /** Answers one request as a reply to post back. */
  handle(req: CodecRequest): CodecReply {
    try {
      if (req.op === 'decode') return { id: req.id, ok: true, layer: this.decode(req.text, req.file).layer };
      const r = this.encode(req.layer, req.previous, req.file, req.check);
      return { id: req.id, ok: true, text: r.text, ...(r.error ? { error: toWire(r.error) } : {}) };
    } catch (e) {
      return { id: req.id, ok: false, error: toWire(e) };
    }
  }
}

/** The codec that works on the calling thread (small sidecars, the CLI, and where no worker can be started). */
export class InProcessCodec implements SidecarCodec {
  private readonly worker = new CodecWorker();

  decode(text: string, file: string): Promise<DecodedSidecar> {
    try {
      return Promise.resolve(this.worker.decode(text, file));
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }

  encode(layer: Layer, previous: string | undefined, file: string, check = true): Promise<EncodedSidecar> {
    try {
      return Promise.resolve(this.worker.encode(layer, previous, file, check));
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }

  dispose(): void {
    // Nothing to release.
  }
}
