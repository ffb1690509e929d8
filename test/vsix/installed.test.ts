import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, waitFor, workspaceRoot } from '../integration/helpers';
import { NodeWorkerCodec } from '../../src/core/store/nodeWorkerCodec';

describe('the packaged .vsix', () => {
  it('is installed from the package, not from the source folder', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    const expectedDir = process.env.SIFT_EXPECT_EXTENSIONS_DIR;
    assert.ok(expectedDir, 'the runner says where the package was installed');
    assert.ok(ext.extensionPath.startsWith(expectedDir), `${ext.extensionPath} lies under ${expectedDir}`);
  });

  it('activates on a sample article and registers its commands', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const doc = await vscode.workspace.openTextDocument(path.join(workspaceRoot(), '001_ae3071192ac73a97.txt'));
    await vscode.window.showTextDocument(doc);
    await waitFor(() => ext.isActive, { message: 'the installed Sift to activate' });
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = (ext.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands.map((c) => c.command);
    assert.deepStrictEqual(contributed.filter((c) => !registered.has(c)), []);
  });

  it('offers only the public API (the test hooks stay off outside a test host)', async () => {
    const ext = vscode.extensions.getExtension<{ version: string; annotator(): string }>(EXTENSION_ID)!;
    const api = await ext.activate();
    assert.deepStrictEqual(Object.keys(api).sort(), ['annotator', 'version']);
    assert.strictEqual(api.version, (ext.packageJSON as { version: string }).version);
    assert.match(api.annotator(), /^[a-z0-9][a-z0-9_-]*$/);
  });

  it('ships the worker that parses big sidecars off the extension host, and it runs', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const worker = path.join(ext.extensionPath, 'dist', 'sidecarWorker.js');
    assert.ok(fs.existsSync(worker), `${worker} is in the package`);
    const codec = new NodeWorkerCodec(worker);
    try {
      const yaml = 'sift: 1\narticle: a.txt\nannotator: ana\nsha256: "0000000000000000000000000000000000000000000000000000000000000000"\nlength: 6\nentities:\n  - id: e-1\n    label: PLACE\n    start: 0\n    end: 6\n    quote: Moscow\n';
      const { layer } = await codec.decode(yaml, 'a.ana.ann.yaml');
      assert.deepStrictEqual(layer.entities.map((e) => [e.id, e.quote]), [['e-1', 'Moscow']]);
    } finally {
      codec.dispose();
    }
  });
});
