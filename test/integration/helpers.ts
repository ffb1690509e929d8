import * as vscode from 'vscode';

export const EXTENSION_ID = 'sift-annotation.sift';

export function workspaceRoot(): string {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('no workspace folder is open');
  return f.uri.fsPath;
}
