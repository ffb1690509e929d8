// Sift: Set Up Git for This Workspace, in the real extension host, on a folder of the workspace that is a git repository.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { createHash } from 'crypto';
import { execFileSync } from 'child_process';
import * as vscode from 'vscode';
import { sidecarOf, siftApi, uniqueName, waitFor, workspaceRoot } from './helpers';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

describe('git setup from the editor', function () {
  this.timeout(60_000);

  it('registers the shipped merge driver bundle and adds .gitattributes, once', async () => {
    const repo = path.join(workspaceRoot(), uniqueName('team-repo'));
    fs.mkdirSync(repo);
    try {
      git(repo, 'init', '-q');
      const first = await vscode.commands.executeCommand<{ changed: string[] }>('sift.setUpGit', { folder: repo, hook: false });
      assert.ok(first.changed.length >= 2, first.changed.join('\n'));
      const driver = git(repo, 'config', '--local', 'merge.sift.driver');
      assert.match(driver, /dist\/mergeDriver\.js'? %O %A %B %P$/);
      const bundle = /(\/\S*dist\/mergeDriver\.js)/.exec(driver.replace(/'/g, ''))?.[1];
      assert.ok(bundle && path.isAbsolute(bundle) && fs.existsSync(bundle), `the driver runs the shipped driver bundle by its absolute path: ${driver}`);
      assert.strictEqual(git(repo, 'config', '--local', 'merge.sift.name'), 'Sift annotations');
      assert.strictEqual(fs.readFileSync(path.join(repo, '.gitattributes'), 'utf8'), '*.ann.yaml merge=sift\n');
      const again = await vscode.commands.executeCommand<{ changed: string[] }>('sift.setUpGit', { folder: repo, hook: false });
      assert.deepStrictEqual(again.changed, [], 'idempotent');
      assert.strictEqual(fs.readFileSync(path.join(repo, '.gitattributes'), 'utf8'), '*.ann.yaml merge=sift\n');
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });

  it('shows a conflict the merge driver left (x-sift-conflicts) as a merge-conflict error in the Problems view', async () => {
    await siftApi();
    const article = path.join(workspaceRoot(), uniqueName('merged.txt'));
    const text = 'Officials in Quillon declined to comment.\n';
    fs.writeFileSync(article, text);
    const sidecar = sidecarOf(article, 'ana');
    const header = `sift: 1\narticle: ${path.basename(article)}\nannotator: ana\nsha256: ${createHash('sha256').update(text).digest('hex')}\nlength: ${[...text].length}\n`;
    const uri = vscode.Uri.file(sidecar);
    const errors = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'sift' && d.severity === vscode.DiagnosticSeverity.Error);
    try {
      fs.writeFileSync(sidecar, `${header}entities: []\nx-sift-conflicts:\n  - in: header\n    field: published\n    kind: both-changed\n    ours: 2024-12-16\n    theirs: 2024-12-15\n`);
      const shown = await waitFor(() => errors().find((d) => /merge conflict: header field 'published'/.test(d.message)), { message: 'the merge conflict to be shown as an error' });
      assert.strictEqual(typeof shown.code === 'object' ? shown.code.value : shown.code, 'merge-conflict');
      fs.writeFileSync(sidecar, `${header}entities: []\n`);
      await waitFor(() => errors().length === 0, { message: 'the error to go once the conflict entry is deleted' });
    } finally {
      fs.rmSync(sidecar, { force: true });
      fs.rmSync(article, { force: true });
    }
  });
});
