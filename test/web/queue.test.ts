// My Queue in the web build: the workspace folder's sift.assignments.yaml is read through vscode.workspace.fs (there is
// no Node fs in the web worker extension host), the view lists my unfinished articles and everyone's progress, and it
// follows the file when it changes. Read from the workbench itself: the rows the tree draws.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { WEB_ANNOTATOR, copySample, rpc, waitFor, web } from './host';

const FILE = 'sift.assignments.yaml';

function assign(articles: Record<string, string[]>): void {
  const annotators = [...new Set(Object.values(articles).flat())].sort();
  const lines = ['version: 1', 'overlap: 2', 'seed: 1', `annotators: [${annotators.join(', ')}]`, 'articles:', ...Object.entries(articles).map(([a, who]) => `  ${a}: [${who.join(', ')}]`)];
  fs.writeFileSync(path.join(web().folder, FILE), `${lines.join('\n')}\n`);
}

/** The rows the My Queue view draws (label and description on one line), once it is shown; focusing it expands it. */
async function queueRows(): Promise<string[] | undefined> {
  try {
    await rpc({ op: 'command', command: 'sift.myQueue.focus' });
  } catch {
    return undefined; // not shown yet: the workspace's file is still being read
  }
  const page = web().page;
  const pane = page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: 'My Queue' }) });
  return (await pane.locator('.monaco-list-row').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
}

describe('web: my queue', function () {
  this.timeout(180_000);

  it('reads the folder\'s assignments through the file port, lists my unfinished articles and progress, and follows the file', async () => {
    const [mine, theirs] = [copySample('001_ae3071192ac73a97.txt'), copySample('003_e6866273c3032639.txt')];
    try {
      assign({ [mine]: [WEB_ANNOTATOR, 'bob'], [theirs]: ['bob', 'cal'] });
      const rows = await waitFor(async () => { const r = await queueRows(); return r?.some((x) => x.startsWith(mine)) && r; }, { timeout: 60_000, interval: 500, message: 'My Queue to list my article' });
      assert.ok(rows.some((r) => r.startsWith(`My queue (${WEB_ANNOTATOR}) 1 to do`)), JSON.stringify(rows));
      assert.ok(!rows.some((r) => r.startsWith(theirs)), 'an article assigned to others is not in my queue');
      for (const p of ['bob 0/2', 'cal 0/1', `${WEB_ANNOTATOR} 0/1 · you`]) assert.ok(rows.includes(p), `progress ${p} in ${JSON.stringify(rows)}`);

      // The file changes (I am given the other article too): the view follows it.
      assign({ [mine]: [WEB_ANNOTATOR, 'bob'], [theirs]: ['cal', WEB_ANNOTATOR] });
      const after = await waitFor(async () => { const r = await queueRows(); return r?.some((x) => x.startsWith(theirs)) && r; }, { timeout: 60_000, interval: 500, message: 'My Queue to follow the changed file' });
      assert.ok(after.some((r) => r.startsWith(`My queue (${WEB_ANNOTATOR}) 2 to do`)), JSON.stringify(after));
      for (const p of ['bob 0/1', 'cal 0/1', `${WEB_ANNOTATOR} 0/2 · you`]) assert.ok(after.includes(p), `progress ${p} in ${JSON.stringify(after)}`);
    } finally {
      fs.rmSync(path.join(web().folder, FILE), { force: true });
      for (const a of [mine, theirs]) fs.rmSync(path.join(web().folder, a), { force: true });
    }
  });
});
