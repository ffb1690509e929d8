// Sift: Set Up Git for This Workspace, in the real extension host, on a folder of the workspace that is a git repository.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import * as vscode from 'vscode';
import { uniqueName, workspaceRoot } from './helpers';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

describe('git setup from the editor', function () {
  this.timeout(60_000);

  it('registers the merge driver with the shipped CLI and adds .gitattributes, once', async () => {
    const repo = path.join(workspaceRoot(), uniqueName('team-repo'));
    fs.mkdirSync(repo);
    try {
      git(repo, 'init', '-q');
      const first = await vscode.commands.executeCommand<{ changed: string[] }>('sift.setUpGit', { folder: repo, hook: false });
      assert.ok(first.changed.length >= 2, first.changed.join('\n'));
      const driver = git(repo, 'config', '--local', 'merge.sift.driver');
      assert.match(driver, /dist\/cli\.js'? merge-driver %O %A %B %P$/);
      const cli = /(\/\S*dist\/cli\.js)/.exec(driver.replace(/'/g, ''))?.[1];
      assert.ok(cli && path.isAbsolute(cli) && fs.existsSync(cli), `the driver runs the shipped CLI by its absolute path: ${driver}`);
      assert.strictEqual(git(repo, 'config', '--local', 'merge.sift.name'), 'Sift annotations');
      assert.strictEqual(fs.readFileSync(path.join(repo, '.gitattributes'), 'utf8'), '*.ann.yaml merge=sift\n');
      const again = await vscode.commands.executeCommand<{ changed: string[] }>('sift.setUpGit', { folder: repo, hook: false });
      assert.deepStrictEqual(again.changed, [], 'idempotent');
      assert.strictEqual(fs.readFileSync(path.join(repo, '.gitattributes'), 'utf8'), '*.ann.yaml merge=sift\n');
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });
});
