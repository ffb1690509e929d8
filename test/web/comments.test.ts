// A comment thread in the web build: started on a colleague's annotation, written to the commenter's own sidecar
// through vscode.workspace.fs, and shown again after the page (and its web worker extension host) is reloaded.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { aCorpus } from '../builders/corpus';
import { WEB_ANNOTATOR, rpc, sidecarOf, waitFor, web } from './host';

interface Discussion { discussion?: { on: { annotator: string; id: string }; text: string }[] }

const TEXT = 'PLACE or ORG? The ministry speaks from here (web).';

describe('web: comment threads', function () {
  this.timeout(300_000); // with a reload of the workbench

  it('a comment on bob\'s entity goes to my sidecar, and its thread is shown again after a reload', async () => {
    const name = 'discuss-web.txt';
    const text = fs.readFileSync(path.join(web().folder, '000_f5a8d1d13f9f611e.txt'), 'utf8');
    aCorpus().in(web().folder).withArticle(name, text).annotatedBy('bob', (l) => l.withEntity('Moscow', 'PLACE', { id: 'e-m' })).build();
    await rpc({ op: 'open', path: name });
    await rpc({ op: 'select', text: 'Moscow' });
    const key = await rpc<string>({ op: 'command', command: 'sift.discussAnnotation', args: [undefined, TEXT] });
    assert.strictEqual(key, 'bob/e-m', 'the annotation under the cursor is bob\'s');
    const mine = sidecarOf(name, WEB_ANNOTATOR);
    const saved = await waitFor(() => {
      const d = fs.existsSync(mine) ? (parseYaml(fs.readFileSync(mine, 'utf8')) as Discussion).discussion : undefined;
      return d?.length === 1 && d[0];
    }, { message: `the comment in ${mine}` });
    assert.deepStrictEqual([saved.on, saved.text], [{ annotator: 'bob', id: 'e-m' }, TEXT]);
    assert.ok(!fs.readFileSync(sidecarOf(name, 'bob'), 'utf8').includes(TEXT), 'bob\'s sidecar is not written');

    // An earlier test may have left the Output view open and focused, and the workbench restores it after a reload
    // ("expand all comments" acts on the focused editor): close it, so the article's editor is the one acted on.
    await rpc({ op: 'command', command: 'workbench.action.closePanel' });
    await web().reload();
    await rpc({ op: 'command', command: 'workbench.action.closePanel' });
    await rpc({ op: 'open', path: name });
    await rpc({ op: 'command', command: 'workbench.action.focusActiveEditorGroup' });
    const widget = web().page.locator('.editor-group-container.active .monaco-editor .review-widget');
    await waitFor(async () => {
      // The restored workbench may move focus (a panel, a notification) while it settles: each look acts on the editor.
      await rpc({ op: 'command', command: 'workbench.action.focusActiveEditorGroup' });
      await rpc({ op: 'command', command: 'workbench.action.expandAllComments' });
      return (await widget.allInnerTexts()).some((t) => t.includes(TEXT));
    }, { timeout: 60_000, interval: 500,
      message: 'the thread to be drawn in the editor again after the reload, with the comment' });
  });
});
