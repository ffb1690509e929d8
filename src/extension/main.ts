import * as vscode from 'vscode';
import { SIFT_VERSION } from '../core/version';
import { createLog } from './log';

/** Wires Sift's features together; each feature lives in its own file and registers its own disposables. */
export function activate(context: vscode.ExtensionContext): { version: string } {
  const log = createLog(context);
  log.info(`Sift ${SIFT_VERSION} activated`);
  return { version: SIFT_VERSION };
}

export function deactivate(): void {
  // Every disposable is in context.subscriptions.
}
