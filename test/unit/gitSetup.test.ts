// `sift git-setup`: the driver in .git/config with this CLI's absolute path, .gitattributes, the optional hook.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ATTRIBUTES_LINE, cliCommand, driverCommand, shQuote } from '../../src/core/store/gitSetup';
import { CLI, aRepo, commitAll, git, gitTry, siftCli } from './helpers/git';
import { runCli } from './helpers/runCli';

const BROKEN = 'sift: 1\narticle: [\n';

describe('sift git-setup', function () {
  this.timeout(90_000); // real git processes: generous on a loaded machine (a limit, not a speed target)

  it('registers the driver with the absolute path of the CLI that ran it, adds .gitattributes, and says so once', () => {
    const repo = aRepo({ 'a.txt': 'text\n' });
    const first = siftCli(repo, 'git-setup');
    assert.strictEqual(first.status, 0, first.err);
    assert.match(first.out, /set merge\.sift\.driver/);
    assert.match(first.out, /created \.gitattributes/);
    // Git runs the small driver bundle shipped beside the CLI, by its absolute path.
    const bundle = path.join(path.dirname(fs.realpathSync(CLI)), 'mergeDriver.js');
    assert.strictEqual(git(repo, 'config', 'merge.sift.driver').trim(), `${driverCommand(bundle)} %O %A %B %P`);
    assert.strictEqual(git(repo, 'config', 'merge.sift.name').trim(), 'Sift annotations');
    assert.strictEqual(fs.readFileSync(path.join(repo, '.gitattributes'), 'utf8'), `${ATTRIBUTES_LINE}\n`);
    assert.strictEqual(git(repo, 'check-attr', 'merge', 'x.ana.ann.yaml').trim(), 'x.ana.ann.yaml: merge: sift');
    const again = siftCli(repo, 'git-setup');
    assert.strictEqual(again.status, 0);
    assert.match(again.out, /^already set up/);
    assert.strictEqual(fs.readFileSync(path.join(repo, '.gitattributes'), 'utf8'), `${ATTRIBUTES_LINE}\n`, 'not duplicated');
  });

  it('appends to an existing .gitattributes without a final newline', async () => {
    const repo = aRepo({ '.gitattributes': '*.txt text' });
    const r = await runCli(['git-setup', '--cli', 'sift'], repo);
    assert.strictEqual(r.code, 0, r.err);
    assert.strictEqual(fs.readFileSync(path.join(repo, '.gitattributes'), 'utf8'), `*.txt text\n${ATTRIBUTES_LINE}\n`);
    assert.strictEqual(git(repo, 'config', 'merge.sift.driver').trim(), 'sift merge-driver %O %A %B %P');
  });

  it('installs a pre-commit hook that refuses a broken staged sidecar, and appends to an existing hook', () => {
    const repo = aRepo({ 'a.txt': 'text\n' });
    const r = siftCli(repo, 'git-setup', '--hook');
    assert.match(r.out, /installed the pre-commit hook/);
    commitAll(repo, 'setup');
    fs.writeFileSync(path.join(repo, 'a.ana.ann.yaml'), BROKEN);
    git(repo, 'add', 'a.ana.ann.yaml');
    const c = gitTry(repo, 'commit', '-q', '-m', 'broken');
    assert.notStrictEqual(c.status, 0, 'the hook refused the commit');
    assert.match(c.err + c.out, /a\.ana\.ann\.yaml:\d+:\d+ error yaml-syntax/);
    assert.match(siftCli(repo, 'git-setup', '--hook').out, /^already set up/);

    const other = aRepo({ 'a.txt': 'text\n' });
    const hook = path.join(other, '.git', 'hooks', 'pre-commit');
    fs.writeFileSync(hook, '#!/bin/sh\necho mine\n', { mode: 0o755 });
    assert.match(siftCli(other, 'git-setup', '--hook').out, /appended Sift's check/);
    const text = fs.readFileSync(hook, 'utf8');
    assert.ok(text.startsWith('#!/bin/sh\necho mine\n'), 'the existing hook is kept');
    fs.writeFileSync(hook, '#!/usr/bin/env python3\nprint(1)\n', { mode: 0o755 });
    const py = siftCli(other, 'git-setup', '--hook');
    assert.match(py.out, /not a shell script: not changed/);
    assert.strictEqual(fs.readFileSync(hook, 'utf8'), '#!/usr/bin/env python3\nprint(1)\n');
  });

  it('fails clearly outside a git repository and changes nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-nogit-'));
    const r = await runCli(['git-setup'], dir);
    assert.strictEqual(r.code, 1);
    assert.match(r.err, /not in a git repository/);
    assert.deepStrictEqual(fs.readdirSync(dir), []);
  });

  it('quotes paths for sh', () => {
    assert.strictEqual(shQuote('/opt/sift/dist/cli.js'), '/opt/sift/dist/cli.js');
    assert.strictEqual(shQuote("/home/o'neil/my sift/cli.js"), `'/home/o'\\''neil/my sift/cli.js'`);
    assert.strictEqual(cliCommand('/x/cli.js', '/usr/bin/code', true), 'ELECTRON_RUN_AS_NODE=1 /usr/bin/code /x/cli.js');
  });
});
