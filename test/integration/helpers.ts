import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { parse as parseYaml } from 'yaml';
import type { SiftTestApi } from '../../src/extension/main';
import { waitFor } from '../support/waitFor';

export const EXTENSION_ID = 'sift-annotation.sift';
/** The annotator the integration tests annotate as (set per suite with useSettings). */
export const TESTER = 'tester';
/** The sample articles the workspace starts with; tests never change them or their sidecars (or put them back). */
export const FIXTURES = ['000_f5a8d1d13f9f611e.txt', '001_ae3071192ac73a97.txt', '002_ec2a2dd01141acf4.txt', '003_e6866273c3032639.txt', '004_72a6e1414d8de193.txt'];

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

export { Truthy, WaitOptions, waitFor } from '../support/waitFor';

type Target = vscode.ConfigurationTarget;

function valueAt(i: { globalValue?: unknown; workspaceValue?: unknown; workspaceFolderValue?: unknown } | undefined, target: Target): unknown {
  if (target === vscode.ConfigurationTarget.Global) return i?.globalValue;
  if (target === vscode.ConfigurationTarget.Workspace) return i?.workspaceValue;
  return i?.workspaceFolderValue;
}

async function applySettings(values: [string, unknown][], target: Target): Promise<void> {
  const sift = () => vscode.workspace.getConfiguration('sift');
  for (const [key, value] of values) await sift().update(key, value, target);
  await waitFor(() => values.every(([key, value]) => JSON.stringify(valueAt(sift().inspect(key), target)) === JSON.stringify(value)),
    { message: `the settings ${values.map(([k, v]) => `sift.${k}=${JSON.stringify(v)}`).join(', ')} to apply` });
}

/**
 * Sets `sift.*` settings in one configuration target (the user's, by default) and returns a function that puts back
 * exactly what that target held before (unset stays unset).
 */
export async function setSettings(values: Record<string, unknown>, target: Target = vscode.ConfigurationTarget.Global): Promise<() => Promise<void>> {
  const keys = Object.keys(values);
  if (keys.length === 0) throw new Error('setSettings: no settings given');
  const before = keys.map((k): [string, unknown] => [k, valueAt(vscode.workspace.getConfiguration('sift').inspect(k), target)]);
  await applySettings(Object.entries(values), target);
  return () => applySettings(before, target);
}

/** In a describe: sets the settings before its tests, and puts back what was there after them. */
export function useSettings(values: Record<string, unknown>, target: Target = vscode.ConfigurationTarget.Global): void {
  let restore: (() => Promise<void>) | undefined;
  before(async () => {
    restore = await setSettings(values, target);
  });
  after(async () => {
    await restore?.();
    restore = undefined;
  });
}

/** In a describe: annotate as TESTER (with any other settings given) while its tests run. */
export function useTester(more: Record<string, unknown> = {}): void {
  useSettings({ annotator: TESTER, ...more });
  before(async () => {
    const api = await siftApi();
    await waitFor(() => api.annotator() === TESTER, { message: `Sift to annotate as ${TESTER}` });
  });
}

let counter = 0;
/** A file name that no other test, nor another run of this one, uses: 'c000.txt' -> 'c000-7.txt'. */
export function uniqueName(name: string): string {
  const ext = path.extname(name);
  return `${path.basename(name, ext)}-${++counter}${ext}`;
}

/** Writes a new article (under a unique name made from `name`) into the workspace and opens it in an editor. */
export async function openNewArticle(name: string, text: string | Buffer): Promise<vscode.TextEditor> {
  const file = path.join(workspaceRoot(), uniqueName(name));
  fs.writeFileSync(file, text);
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
}

export function sampleText(name: string): string {
  const repo = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
  return fs.readFileSync(path.join(repo, 'samples', name), 'utf8');
}

/** A fresh copy of a sample article under a new, unique name, so nothing another test did to it matters. */
export function sample(name: string, as = name): Promise<vscode.TextEditor> {
  return openNewArticle(as, sampleText(name));
}

export async function open(file: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
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

/** `<dir>/<stem>.<annotator>.ann.yaml`, the format's naming rule, stated independently of Sift. */
export function sidecarOf(article: string | vscode.TextDocument, annotator = TESTER): string {
  const file = typeof article === 'string' ? article : article.uri.fsPath;
  return path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.${annotator}.ann.yaml`);
}

export function readSidecar(file: string): string | undefined {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Remembers the sidecars of the fixture articles; the returned function puts them back as they were (deleting those
 * that were not there), for a test whose command reaches every article in the workspace.
 */
export function keepFixtureSidecars(annotators = [TESTER]): () => void {
  const files = FIXTURES.flatMap((a) => annotators.map((who) => sidecarOf(path.join(workspaceRoot(), a), who)));
  const before = new Map(files.map((f) => [f, readSidecar(f)]));
  return () => {
    for (const [f, text] of before) {
      if (text === undefined) fs.rmSync(f, { force: true });
      else if (readSidecar(f) !== text) fs.writeFileSync(f, text);
    }
  };
}

/** The parts of an extension's package.json that tests read. */
export interface Manifest {
  version: string;
  contributes: { commands: { command: string }[] };
}

export function manifestOf(ext: vscode.Extension<unknown>): Manifest {
  return ext.packageJSON as Manifest;
}

/** A sidecar as plain data, as far as tests read it. */
export interface SidecarData {
  published?: string;
  entities?: { id: string; start: number; end: number; quote: string; label: string; orphaned?: boolean }[];
  claims?: unknown[];
  rejected?: { quote: string; label: string }[];
}

/** The sidecar on disk, parsed; undefined when there is none. */
export function sidecarData(file: string): SidecarData | undefined {
  const text = readSidecar(file);
  return text === undefined ? undefined : (parseYaml(text) as SidecarData | null) ?? {};
}
