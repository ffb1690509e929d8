import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, manifestOf, waitFor, workspaceRoot } from './helpers';
import { report } from './runner';

describe('activation', () => {
  it('runs inside a real VS Code extension host', () => {
    report(`VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.env.appHost})`);
    assert.match(vscode.version, /^1\.\d+\.\d+/);
    assert.ok(vscode.workspace.workspaceFolders?.length, 'a workspace folder is open');
  });

  it('activates when a sample article is opened', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is loaded`);
    const doc = await vscode.workspace.openTextDocument(path.join(workspaceRoot(), '000_f5a8d1d13f9f611e.txt'));
    await vscode.window.showTextDocument(doc);
    await waitFor(() => ext.isActive, { message: 'Sift to activate on opening an article' });
    const api = ext.exports as { version: string; activationMs: number; extensionMode: string };
    assert.strictEqual(api.version, manifestOf(ext).version);
    // The test hooks are offered only in a test host: loaded with extensionTestsPath, the host runs Sift in Test mode.
    report(`extension mode: ${api.extensionMode}`);
    assert.strictEqual(api.extensionMode, 'Test');
    // A figure for the record (the target is 50 ms); speed is judged in the benchmark, not asserted here.
    report(`activation took ${api.activationMs.toFixed(1)} ms`);
  });

  it('registers every command it contributes', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed = manifestOf(ext).contributes.commands.map((c) => c.command);
    assert.ok(contributed.length > 0);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((c) => !registered.has(c));
    assert.deepStrictEqual(missing, [], 'every contributed command is registered');
    for (const c of contributed) assert.ok(c.startsWith('sift.'), `${c} uses the sift. prefix`);
  });
});
