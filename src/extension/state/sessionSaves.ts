// Saving the sessions' sidecars for Sessions: the debounced save, the flush when an article closes (synchronous on
// Node's fs; through the browser's file port asynchronous, the sidecar stopped once written), and what each save
// tells the log, the user and the corpus index.
import * as vscode from 'vscode';
import { ArticleSession } from '../../core/session/session';
import { SaveOutcome } from '../../core/store/sidecarFile';
import { setting } from '../platform/config';
import { Disposable } from '../platform/lifecycle';

export class SessionSaves extends Disposable {
  private readonly savedEmitter = this._register(new vscode.EventEmitter<ArticleSession>());
  /** Fires after Sift wrote a session's sidecar itself. */
  readonly onDidSave = this.savedEmitter.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    super();
  }

  /**
   * Saves after sift.saveDelayMs of quiet. Through the browser's file port an annotation change (`urgent`: made or
   * undone by the user) is saved at once instead: a page reload or a closed tab ends the web worker without a flush,
   * so a debounced save could be lost. Anchors moved by typing keep the delay (they are found again from the text).
   */
  schedule(session: ArticleSession, urgent = false): void {
    const delay = urgent && session.sidecar.port ? 0 : setting('saveDelayMs');
    session.sidecar.scheduleSave(delay, (o) => this.saved(session, o), (e) => this.saveFailed(session, e));
  }

  /** Writes a session's pending work now, synchronously (Node's fs). */
  flush(session: ArticleSession): void {
    try {
      const outcome = session.sidecar.flush();
      this.saved(session, outcome);
    } catch (e) {
      this.saveFailed(session, e as Error);
    }
  }

  /** Writes a session's pending work now, asynchronously (the only way through the browser's file port). */
  async flushAsync(session: ArticleSession): Promise<void> {
    try {
      this.saved(session, await session.sidecar.flushAsync());
    } catch (e) {
      this.saveFailed(session, e as Error);
    }
  }

  /** Writes a session's pending work and stops its sidecar; through a port, asynchronously, stopped once written. */
  release(session: ArticleSession): void {
    if (!session.sidecar.port) {
      this.flush(session);
      session.sidecar.dispose();
      return;
    }
    void this.flushAsync(session).finally(() => session.sidecar.dispose());
  }

  private saved(session: ArticleSession, outcome: SaveOutcome): void {
    if (outcome === 'recovery') this.log.warn(`${session.sidecar.path} cannot be parsed; work kept in ${session.sidecar.recoveryPath}`);
    else if (outcome === 'written') {
      this.log.debug(`saved ${session.sidecar.path}`);
      this.savedEmitter.fire(session);
    }
  }

  private saveFailed(session: ArticleSession, e: Error): void {
    this.log.error(`could not save ${session.sidecar.path}: ${e.message}`);
    void vscode.window.showErrorMessage(`Sift could not save ${session.sidecar.path}: ${e.message}. Your work is kept in memory; it will be saved again on the next change.`);
  }
}
