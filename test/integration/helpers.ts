import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { SiftTestApi } from '../../src/extension/main';

export const EXTENSION_ID = 'sift-annotation.sift';

export function workspaceRoot(): string {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('no workspace folder is open');
  return f.uri.fsPath;
}

/** Sift's API with its test hooks, which it offers only in a test host (ExtensionMode.Test). */
export async function siftApi(): Promise<SiftTestApi> {
  const ext = vscode.extensions.getExtension<SiftTestApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not loaded`);
  const api = ext.isActive ? ext.exports : await ext.activate();
  if (typeof api.session !== 'function') throw new Error(`${EXTENSION_ID} offers no test hooks: the host is not in test mode`);
  return api;
}

/** Polls until `check` returns a truthy value; fails with `what` after `ms`. */
export async function waitFor<T>(what: string, check: () => T | Promise<T>, ms = 10_000): Promise<NonNullable<T>> {
  const until = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v as NonNullable<T>;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Writes a new article into the workspace and opens it in an editor. */
export async function openNewArticle(name: string, text: string): Promise<vscode.TextEditor> {
  const file = path.join(workspaceRoot(), name);
  fs.writeFileSync(file, text);
  const doc = await vscode.workspace.openTextDocument(file);
  return vscode.window.showTextDocument(doc);
}

/** A fresh copy of a sample article under a new name, so earlier tests' edits do not matter. */
export async function sample(name: string, as: string): Promise<vscode.TextEditor> {
  const repo = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
  return openNewArticle(as, fs.readFileSync(path.join(repo, 'samples', name), 'utf8'));
}

export async function openArticle(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(path.join(workspaceRoot(), name));
  return vscode.window.showTextDocument(doc);
}

/** Selects the n-th occurrence (0-based) of `needle` in the editor. */
export function select(editor: vscode.TextEditor, needle: string, nth = 0): vscode.Selection {
  const text = editor.document.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`'${needle}' not found`);
  const sel = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + needle.length));
  editor.selection = sel;
  return sel;
}

/** Code point offset of the UTF-16 index `u16` in `text`, computed independently of Sift's own conversion. */
export function cpOf(text: string, u16: number): number {
  return Array.from(text.slice(0, u16)).length;
}

export function readSidecar(file: string): string | undefined {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
