// Layers whose big sidecar is being parsed off the extension host (see SidecarCodec): until the session exists, the
// article's edits are queued, and replayed on the session once it is loaded, so that no edit is missed.
import * as vscode from 'vscode';
import { TextEdit } from '../../core/anchor/anchor';
import { ArticleSession } from '../../core/session/session';
import { toCoreEdits } from '../platform/positions';

interface QueuedEdit {
  /** The article's text after the change. */
  after: string;
  edits: TextEdit[];
  /** The article was reloaded from disk: re-anchor by quote rather than move. */
  fromDisk: boolean;
}

export interface PendingLoad {
  file: string;
  annotator: string;
  doc: vscode.TextDocument;
  /** The article's text now (after the queued edits). */
  text: string;
  queue: QueuedEdit[];
  /** Settles when the load is over (loaded, failed, or no longer wanted). */
  over: Promise<void>;
  end: () => void;
}

export class LayerLoads {
  private readonly pending = new Map<string, PendingLoad>();

  has(key: string): boolean {
    return this.pending.has(key);
  }

  hasFile(file: string): boolean {
    return [...this.pending.values()].some((l) => l.file === file);
  }

  start(key: string, doc: vscode.TextDocument, annotator: string, text: string): PendingLoad {
    let end = () => undefined as void;
    const over = new Promise<void>((resolve) => { end = resolve; });
    const load: PendingLoad = { file: doc.uri.fsPath, annotator, doc, text, queue: [], over, end };
    this.pending.set(key, load);
    return load;
  }

  /** Settles when the layer's load is over (at once when none is pending). */
  over(key: string): Promise<void> {
    return this.pending.get(key)?.over ?? Promise.resolve();
  }

  /** True when `load` is still wanted (not closed or reset meanwhile); it is no longer pending after this. */
  finish(key: string, load: PendingLoad): boolean {
    queueMicrotask(load.end);
    if (this.pending.get(key) !== load) return false;
    this.pending.delete(key);
    return true;
  }

  /** Queues one change of an article for each of its layers still loading. */
  follow(e: vscode.TextDocumentChangeEvent, after: string, fromDisk: boolean): void {
    for (const load of this.pending.values()) {
      if (load.file !== e.document.uri.fsPath) continue;
      load.queue.push({ after, edits: fromDisk ? [] : toCoreEdits(load.text, e.contentChanges), fromDisk });
      load.text = after;
      load.doc = e.document;
    }
  }

  /** Forgets the loads of an article (closed); returns them. */
  drop(file: string): PendingLoad[] {
    const gone = [...this.pending].filter(([, l]) => l.file === file);
    for (const [key, l] of gone) { this.pending.delete(key); l.end(); }
    return gone.map(([, l]) => l);
  }

  /** Forgets every load (the annotator changed); returns them. */
  clear(): PendingLoad[] {
    const all = [...this.pending.values()];
    for (const l of all) l.end();
    this.pending.clear();
    return all;
  }

  /** Moves a session just loaded through the edits made while it loaded, as Sessions does for each edit. */
  static replay(session: ArticleSession, load: PendingLoad): void {
    for (const q of load.queue) {
      if (q.fromDisk) session.replaceText(q.after);
      else {
        session.applyEdits(q.after, q.edits);
        session.restoreOrphans();
      }
    }
  }
}
