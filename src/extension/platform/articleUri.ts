// Core paths as VS Code URIs. The core names articles and sidecars by path: a document's fsPath on desktop, its URI
// path in the browser, where files live in the workspace folder's own scheme (vscode-remote in code-server,
// vscode-vfs on github.dev). A path opened as a string, or made a URI by Uri.file, is a `file:` URI there, which the
// browser cannot read; so every core path that becomes a URI goes through uriOfPath.
import * as vscode from 'vscode';

const isUnder = (file: string, folder: string): boolean => file === folder || file.startsWith(folder.endsWith('/') ? folder : `${folder}/`);

/**
 * The URI of a core path: in the scheme and authority of the workspace folder that holds it (else the first folder's);
 * a `file:` URI when that folder is on the local file system, or there is no folder.
 */
export function uriOfPath(file: string, folders: readonly vscode.WorkspaceFolder[] = vscode.workspace.workspaceFolders ?? []): vscode.Uri {
  const holder = folders.find((f) => isUnder(file, f.uri.path)) ?? folders[0];
  return !holder || holder.uri.scheme === 'file' ? vscode.Uri.file(file) : holder.uri.with({ path: file });
}

/** Opens a file (an article) named by its core path. */
export async function openByPath(file: string): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(uriOfPath(file));
}
