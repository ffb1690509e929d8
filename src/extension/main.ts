// The desktop entry (package.json `main`): Sift in the Node extension host, with Node's file system and the
// features that run git. The browser entry is web.ts; both share activateSift.
import * as vscode from 'vscode';
import { NodeFileSystem } from '../core/store/fileSystem';
import { activateSift } from './activate';
import { registerGitSetup } from './commands/gitSetup';
import { Sessions } from './state/sessions';
import { SiftApi } from './testApi';

export type { SiftApi, SiftTestApi } from './testApi';

let sessions: Sessions | undefined;

/** Activates Sift in the Node extension host. */
export function activate(context: vscode.ExtensionContext): SiftApi {
  const activated = activateSift(context, {
    hostName: 'Node extension host',
    fs: new NodeFileSystem(),
    roots: () => (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath),
    schemes: () => ['file'],
    desktopOnly: (ctx) => [registerGitSetup(ctx)],
  });
  sessions = activated.sessions;
  return activated.api;
}

/** Writes everything still pending, so closing VS Code right after an annotation loses nothing. */
export function deactivate(): void {
  sessions?.flushAll();
  sessions = undefined;
}
