// Registering, running and linking commands by their typed ids (./commandIds), never by a string typed at the call.
import * as vscode from 'vscode';
import { BuiltinCommandId, CommandId } from './commandIds';
import { markdownCommandLink } from './markdown';

/** Command arguments come from anywhere (palette, links, tests): each handler states and checks its own. */
type Handler = (...args: never[]) => unknown;

export function registerCommand(id: CommandId, handler: Handler): vscode.Disposable {
  return vscode.commands.registerCommand(id, handler as (...args: unknown[]) => unknown);
}

export function executeCommand<T = unknown>(id: CommandId | BuiltinCommandId, ...args: unknown[]): Thenable<T> {
  return vscode.commands.executeCommand<T>(id, ...args);
}

/** A command for a tree item, a code action or a status bar item. */
export function commandOf(id: CommandId, title: string, ...args: unknown[]): vscode.Command {
  return { command: id, title, ...(args.length ? { arguments: args } : {}) };
}

/** A markdown link that runs a command (the hover must list the id in its trusted commands). */
export function commandLink(title: string, id: CommandId, ...args: unknown[]): string {
  return markdownCommandLink(title, id, args);
}
