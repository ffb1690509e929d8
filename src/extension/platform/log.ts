import * as vscode from 'vscode';
import { Commands } from './commandIds';
import { registerCommand } from './commands';

/** The "Sift" output channel, created once and disposed with the extension. */
export function createLog(context: vscode.ExtensionContext): vscode.LogOutputChannel {
  const log = vscode.window.createOutputChannel('Sift', { log: true });
  context.subscriptions.push(log);
  context.subscriptions.push(registerCommand(Commands.showLog, () => log.show(true)));
  return log;
}
