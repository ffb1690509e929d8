import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { ASSIGNMENTS_FILE } from '../../src/core/corpus/assignments';
import { TESTER, closeAll, open, sampleText, sidecarOf, siftApi, uniqueName, useTester, waitFor, workspaceRoot } from './helpers';

describe('my queue: assigned articles and progress', function () {
  this.timeout(120_000);
  useTester();
  const made: string[] = [];
  const file = () => path.join(workspaceRoot(), ASSIGNMENTS_FILE);

  afterEach(async () => {
    await closeAll();
    fs.rmSync(file(), { force: true });
    for (const a of made.splice(0)) {
      for (const who of [TESTER, 'bob', 'cat']) fs.rmSync(sidecarOf(a, who), { force: true });
      fs.rmSync(a, { force: true });
    }
  });

  function article(name: string): string {
    const p = path.join(workspaceRoot(), 'queue', uniqueName(name));
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, sampleText('001_ae3071192ac73a97.txt'));
    made.push(p);
    return p;
  }

  const key = (p: string) => path.relative(workspaceRoot(), p).split(path.sep).join('/');

  it('shows my two unfinished articles; marking one finished takes it off the queue and counts it', async () => {
    const api = await siftApi();
    const [mine1, mine2, theirs] = [article('q1.txt'), article('q2.txt'), article('q3.txt')];
    fs.writeFileSync(file(), [
      'version: 1', 'overlap: 2', 'seed: 1', 'annotators: [bob, cat, tester]', 'articles:',
      `  ${key(mine1)}: [bob, tester]`, `  ${key(mine2)}: [cat, tester]`, `  ${key(theirs)}: [bob, cat]`, '',
    ].join('\n'));
    const shown = await waitFor(async () => { const s = await api.myQueue(); return s.queue.length === 2 && s; }, { message: 'the queue to show my two articles' });
    assert.deepStrictEqual(shown.queue, [key(mine1), key(mine2)].sort());
    assert.deepStrictEqual(shown.progress, ['bob 0/2', 'cat 0/2', 'tester 0/2']);

    await open(mine1);
    await vscode.commands.executeCommand('sift.markFinished');
    const after = await waitFor(async () => { const s = await api.myQueue(); return s.queue.length === 1 && s; }, { message: 'the finished article to leave the queue' });
    assert.deepStrictEqual(after.queue, [key(mine2)]);
    assert.deepStrictEqual(after.progress, ['bob 0/2', 'cat 0/2', 'tester 1/2']);
    assert.match(fs.readFileSync(sidecarOf(mine1), 'utf8'), /^status: finished$/m, 'the status is in my sidecar');
  });

  it('says why when the assignments file cannot be used, and never writes it', async () => {
    const api = await siftApi();
    const broken = 'version: 1\narticles: [\n';
    fs.writeFileSync(file(), broken);
    const s = await waitFor(async () => (await api.myQueue()).problem, { message: 'the queue to report the broken file' });
    assert.match(s, /sift\.assignments\.yaml:\d+:\d+: /);
    assert.strictEqual(fs.readFileSync(file(), 'utf8'), broken);
  });
});
