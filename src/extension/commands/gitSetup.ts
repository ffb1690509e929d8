// Sift: Set Up Git for This Workspace — the same setup as `sift git-setup` (core/store/gitSetup.ts), run with the CLI
// this extension ships (dist/cli.js, and its merge driver bundle dist/mergeDriver.js), and offered once in a git workspace that has sidecars but no merge driver.
// Desktop only: it runs git.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { GitSetupError, GitSetupResult, cliCommand, describeSetup, driverCommand, registeredDriver, setUpGit } from '../../core/store/gitSetup';
import { Commands } from '../platform/commandIds';
import { executeCommand, registerCommand } from '../platform/commands';

const DONT_ASK = 'sift.gitSetup.dontAsk';

export interface GitSetupArgs {
  /** The folder whose repository to set up (default: the first workspace folder). */
  folder?: string;
  /** Install the pre-commit hook; asked when not given. */
  hook?: boolean;
}

async function runSetup(extensionPath: string, args: GitSetupArgs): Promise<GitSetupResult | undefined> {
  const folder = args.folder ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!folder) {
    void vscode.window.showInformationMessage('Sift: open a folder in a git repository to set it up.');
    return undefined;
  }
  let hook = args.hook;
  if (hook === undefined) {
    const pick = await vscode.window.showQuickPick([
      { label: 'Merge driver only', hook: false },
      { label: 'Merge driver and pre-commit hook', description: 'runs sift validate --strict on staged sidecars', hook: true },
    ], { title: 'Sift: set up git' });
    if (!pick) return undefined;
    hook = pick.hook;
  }
  try {
    const dist = path.join(extensionPath, 'dist');
    const result = setUpGit(folder, { cli: cliCommand(path.join(dist, 'cli.js')), driver: driverCommand(path.join(dist, 'mergeDriver.js')), hook });
    void vscode.window.showInformationMessage(`Sift: ${describeSetup(result)}`);
    return result;
  } catch (e) {
    if (!(e instanceof GitSetupError)) throw e;
    void vscode.window.showErrorMessage(`Sift: ${e.message}`);
    return undefined;
  }
}

/** Offers the setup once: a git workspace with sidecars and no driver, unless told not to ask again. */
async function offer(state: vscode.Memento): Promise<void> {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!root || state.get<boolean>(DONT_ASK) || !fs.existsSync(path.join(root, '.git'))) return;
  try {
    if (registeredDriver(root) !== undefined) return;
  } catch {
    return; // git cannot be run here: nothing to offer.
  }
  if ((await vscode.workspace.findFiles('**/*.ann.yaml', '**/node_modules/**', 1)).length === 0) return;
  const choice = await vscode.window.showInformationMessage(
    'Sift: this workspace is a git repository with sidecars. Set up the Sift merge driver so that merges combine annotations instead of conflicting?',
    'Set Up', 'Not Now', "Don't Ask Again");
  if (choice === 'Set Up') await executeCommand(Commands.setUpGit);
  else if (choice === "Don't Ask Again") await state.update(DONT_ASK, true);
}

export function registerGitSetup(context: vscode.ExtensionContext): vscode.Disposable {
  if (context.extensionMode !== vscode.ExtensionMode.Test) void offer(context.workspaceState).catch(() => undefined);
  return registerCommand(Commands.setUpGit, (args: GitSetupArgs = {}) => runSetup(context.extensionPath, args));
}
