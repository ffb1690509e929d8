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

/** A row's text without white space: the tree draws a label and its description with no space between them. */
const flat = (s: string) => s.replace(/\s+/g, '');

/** The rows the My Queue view draws (label and description, without white space); focusing the view expands it. */
async function queueRows(): Promise<string[]> {
  await rpc({ op: 'command', command: 'sift.myQueue.focus' });
  const page = web().page;
  const pane = page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: 'My Queue' }) });
  if (!await pane.count()) throw new Error(`no My Queue pane is shown; the panes: ${JSON.stringify(await page.locator('.pane-header').allInnerTexts())}`);
  return (await pane.locator('.monaco-list-row').allInnerTexts()).map(flat);
}

/** The rows, once they list `article` (else an error that shows what is drawn, for the wait's message). */
async function rowsWith(article: string): Promise<string[]> {
  const rows = await queueRows();
  if (!rows.some((r) => r.startsWith(article))) throw new Error(`My Queue draws ${JSON.stringify(rows)}`);
  return rows;
}

describe('web: my queue', function () {
  this.timeout(180_000);

  it('reads the folder\'s assignments through the file port, lists my unfinished articles and progress, and follows the file', async () => {
    const [mine, theirs] = [copySample('001_ae3071192ac73a97.txt'), copySample('003_e6866273c3032639.txt')];
    try {
      // Sift activates on the article (a workspace with the file at start-up activates it too); the file comes after,
      // so the view appears by following it.
      await rpc({ op: 'open', path: mine });
      await waitFor(async () => (await rpc<{ sift: { isActive: boolean } | null }>({ op: 'host' })).sift?.isActive, { message: 'Sift to be active' });
      assign({ [mine]: [WEB_ANNOTATOR, 'bob'], [theirs]: ['bob', 'cal'] });
      const rows = await waitFor(() => rowsWith(mine), { timeout: 60_000, interval: 500, message: 'My Queue to list my article' });
      assert.ok(rows.includes(flat(`My queue (${WEB_ANNOTATOR}) 1 to do`)), JSON.stringify(rows));
      assert.ok(!rows.some((r) => r.startsWith(theirs)), 'an article assigned to others is not in my queue');
      for (const p of ['bob 0/2', 'cal 0/1', `${WEB_ANNOTATOR} 0/1 · you`]) assert.ok(rows.includes(flat(p)), `progress ${p} in ${JSON.stringify(rows)}`);

      // The file changes (I am given the other article too): the view follows it.
      assign({ [mine]: [WEB_ANNOTATOR, 'bob'], [theirs]: ['cal', WEB_ANNOTATOR] });
      const after = await waitFor(() => rowsWith(theirs), { timeout: 60_000, interval: 500, message: 'My Queue to follow the changed file' });
      assert.ok(after.includes(flat(`My queue (${WEB_ANNOTATOR}) 2 to do`)), JSON.stringify(after));
      for (const p of ['bob 0/1', 'cal 0/1', `${WEB_ANNOTATOR} 0/2 · you`]) assert.ok(after.includes(flat(p)), `progress ${p} in ${JSON.stringify(after)}`);
    } finally {
      await rpc({ op: 'close' });
      fs.rmSync(path.join(web().folder, FILE), { force: true });
      for (const a of [mine, theirs]) fs.rmSync(path.join(web().folder, a), { force: true });
    }
  });
});
