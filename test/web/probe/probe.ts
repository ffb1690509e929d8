// A browser-only extension that the web test run loads next to the installed Sift. It runs in the web worker extension
// host, as Sift does there, and answers requests from the Node test runner through files in the workspace
// (`.sift-web/rpc/<n>.req.json` -> `<n>.res.json`), read and written with vscode.workspace.fs: Sift's commands run in
// the very host under test, and the runner sees their results. Never shipped (not in .vscodeignore's list).
import * as vscode from 'vscode';

export interface ProbeRequest {
  /**
   * What to do: run a command, run one answering its quick picks, open an article, select text, read the active
   * editor's selection, describe the host, or set a user setting (`text` its key, `args[0]` its value; none resets it).
   */
  op: 'command' | 'acceptPicks' | 'open' | 'select' | 'selection' | 'host' | 'close' | 'getCommands' | 'diagnostics' | 'setting';
  command?: string;
  args?: unknown[];
  /** Workspace-relative path, for open. */
  path?: string;
  /** Text to select in the active editor (its first occurrence), for select. */
  text?: string;
}

export interface ProbeResponse {
  ok: boolean;
  value?: unknown;
  error?: string;
}

const POLL_MS = 30;
/** This probe's own suffix for the files it makes. */
const instance = `p${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('the probe needs an open workspace folder');
  return f.uri;
}

const rpcDir = () => vscode.Uri.joinPath(folder(), '.sift-web', 'rpc');

async function acceptPicks(command: string, args: unknown[]): Promise<unknown> {
  let done = false;
  let failed: unknown;
  let result: unknown;
  vscode.commands.executeCommand(command, ...args).then((r) => { result = r; done = true; }, (e: unknown) => { failed = e; done = true; });
  const until = Date.now() + 30_000;
  while (!done) {
    if (Date.now() > until) throw new Error(`${command} still asks after 30 s`);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await new Promise((r) => setTimeout(r, 100));
  }
  if (failed !== undefined) throw failed instanceof Error ? failed : new Error(JSON.stringify(failed));
  return result;
}

function select(text: string): { start: number; end: number } {
  const editor = vscode.window.activeTextEditor;
  if (!editor) throw new Error('no active editor to select in');
  const at = editor.document.getText().indexOf(text);
  if (at < 0) throw new Error(`'${text}' is not in ${editor.document.uri.path}`);
  const start = editor.document.positionAt(at);
  const end = editor.document.positionAt(at + text.length);
  editor.selection = new vscode.Selection(start, end);
  return { start: at, end: at + text.length };
}

/** The active editor's document (its URI) and the text selected in it. */
function selection(): { uri: string; text: string } | null {
  const editor = vscode.window.activeTextEditor;
  return editor ? { uri: editor.document.uri.toString(), text: editor.document.getText(editor.selection) } : null;
}

/** The Problems entries whose file's URI contains `text`: the URI as given, and each entry's message and line. */
function diagnostics(text: string): { uri: string; problems: { message: string; line: number }[] }[] {
  return vscode.languages.getDiagnostics()
    .filter(([uri]) => uri.toString().includes(text))
    .map(([uri, list]) => ({ uri: uri.toString(), problems: list.map((d) => ({ message: d.message, line: d.range.start.line })) }));
}

/** Where the probe runs: `process` is undefined in the web worker extension host, and the UI is the web's. */
function host(): Record<string, unknown> {
  const sift = vscode.extensions.getExtension('sift-annotation.sift');
  return {
    process: typeof (globalThis as { process?: unknown }).process,
    importScripts: typeof (globalThis as { importScripts?: unknown }).importScripts,
    uiKind: vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop',
    remoteName: vscode.env.remoteName ?? null,
    sift: sift ? { isActive: sift.isActive, extensionUri: sift.extensionUri.toString(), extensionKind: sift.extensionKind } : null,
  };
}

async function handle(req: ProbeRequest): Promise<unknown> {
  switch (req.op) {
    case 'command': return vscode.commands.executeCommand(req.command!, ...(req.args ?? []));
    case 'acceptPicks': return acceptPicks(req.command!, req.args ?? []);
    case 'open': {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), req.path!));
      await vscode.window.showTextDocument(doc, { preview: false });
      return doc.uri.toString();
    }
    case 'select': return select(req.text!);
    case 'selection': return selection();
    case 'close': return vscode.commands.executeCommand('workbench.action.closeAllEditors');
    case 'host': return host();
    case 'getCommands': return (await vscode.commands.getCommands(true)).filter((c) => new RegExp(req.text ?? '').test(c));
    case 'diagnostics': return diagnostics(req.text ?? '');
    case 'setting': return vscode.workspace.getConfiguration().update(req.text!, req.args?.[0], vscode.ConfigurationTarget.Global);
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

async function answer(name: string): Promise<void> {
  const dir = rpcDir();
  const id = name.slice(0, -'.req.json'.length);
  // Claimed by a rename first, so that a request runs once even if two probes look at the folder at the same time.
  const taken = vscode.Uri.joinPath(dir, `${id}.req.${instance}`);
  try {
    await vscode.workspace.fs.rename(vscode.Uri.joinPath(dir, name), taken);
  } catch {
    return; // another probe took it
  }
  const req = JSON.parse(decoder.decode(await vscode.workspace.fs.readFile(taken))) as ProbeRequest;
  await vscode.workspace.fs.delete(taken);
  let res: ProbeResponse;
  try {
    const value = await handle(req);
    res = { ok: true, value: JSON.parse(JSON.stringify(value ?? null)) as unknown };
  } catch (e) {
    res = { ok: false, error: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) };
  }
  const tmp = vscode.Uri.joinPath(dir, `${id}.res.${instance}`);
  await vscode.workspace.fs.writeFile(tmp, encoder.encode(JSON.stringify(res)));
  await vscode.workspace.fs.rename(tmp, vscode.Uri.joinPath(dir, `${id}.res.json`), { overwrite: true });
}

async function poll(): Promise<void> {
  let entries: [string, vscode.FileType][] = [];
  try {
    entries = await vscode.workspace.fs.readDirectory(rpcDir());
  } catch { /* the runner has not made the folder yet */ }
  for (const [name] of entries.filter(([n]) => n.endsWith('.req.json')).sort()) {
    // One request at a time, in order: the runner waits for each answer before it sends the next.
    await answer(name);
  }
}

export function activate(context: vscode.ExtensionContext): void {
  let stopped = false;
  context.subscriptions.push({ dispose: () => { stopped = true; } });
  const loop = async () => {
    while (!stopped) {
      await poll().catch((e: unknown) => console.error('sift-web-probe:', e));
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  };
  void loop();
  console.log(`sift-web-probe ${instance} ready: ${JSON.stringify(host())}`);
}
