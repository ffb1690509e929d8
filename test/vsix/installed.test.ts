import * as assert from 'assert';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
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

  it('ships the CLI with the worker threads of its bulk merge, and they run from the package', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const cli = path.join(ext.extensionPath, 'dist', 'cli.js');
    assert.ok(fs.existsSync(path.join(ext.extensionPath, 'dist', 'reviewMergeWorker.js')), 'dist/reviewMergeWorker.js is in the package');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-vsix-merge-'));
    try {
      fs.mkdirSync(path.join(dir, '.git'));
      for (const name of ['a', 'b']) {
        const text = `Russian diplomats left Damascus on ${name === 'a' ? 'Monday' : 'Tuesday'}.`;
        fs.writeFileSync(path.join(dir, `${name}.txt`), text);
        const at = text.indexOf('Damascus');
        for (const who of ['ana', 'bob']) {
          fs.writeFileSync(path.join(dir, `${name}.${who}.ann.yaml`), `sift: 1\narticle: ${name}.txt\nannotator: ${who}\nsha256: ${crypto.createHash('sha256').update(text).digest('hex')}\nlength: ${text.length}\nentities:\n  - id: e-${who}\n    label: PLACE\n    start: ${at}\n    end: ${at + 8}\n    quote: Damascus\n`);
        }
      }
      const r = spawnSync(process.execPath, [cli, 'review', '--merge', '.', '--jobs', '2', '--adjudicator', 'lead'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
      assert.strictEqual(r.status, 0, `${r.stdout}${r.stderr}${r.error?.message ?? ''}`);
      assert.match(r.stdout, /2 article\(s\), unanimous: 2 gold annotation\(s\) added in 2 gold sidecar\(s\) by lead/);
      for (const name of ['a', 'b']) assert.match(fs.readFileSync(path.join(dir, `${name}.gold.ann.yaml`), 'utf8'), /quote: Damascus/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ships the merge driver with yaml in a file of its own, and a merge that needs yaml runs from the package', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const driver = path.join(ext.extensionPath, 'dist', 'mergeDriver.js');
    for (const f of ['mergeDriver.js', 'mergeDriverCore.js', 'mergeDriverYaml.js', 'package.json']) assert.ok(fs.existsSync(path.join(ext.extensionPath, 'dist', f)), `dist/${f} is in the package`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-vsix-driver-'));
    try {
      const head = `sift: 1\narticle: a.txt\nannotator: ana\nsha256: ${'ab'.repeat(32)}\nlength: 20\nentities:\n`;
      const e = (id: string, label: string) => `  - id: ${id}\n    label: ${label}\n    start: 0\n    end: 6\n    quote: Moscow\n`;
      fs.writeFileSync(path.join(dir, 'base'), `${head}${e('e1', 'PLACE')}claims: []\n`);
      // Ours has a comment between annotations: not Sift's plain layout, so the driver loads yaml to keep it.
      fs.writeFileSync(path.join(dir, 'ours'), `${head}  # checked with the desk\n${e('e1', 'ORG')}claims: []\n`);
      fs.writeFileSync(path.join(dir, 'theirs'), `${head}${e('e1', 'PLACE')}${e('e2', 'PLACE')}claims: []\n`);
      const r = spawnSync(process.execPath, [driver, 'base', 'ours', 'theirs', 'a.ana.ann.yaml'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
      assert.strictEqual(r.status, 0, `${r.stdout}${r.stderr}${r.error?.message ?? ''}`);
      const merged = fs.readFileSync(path.join(dir, 'ours'), 'utf8');
      assert.match(merged, /# checked with the desk\n {2}- id: e1\n {4}label: ORG\n[\s\S]*- id: e2\n/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
