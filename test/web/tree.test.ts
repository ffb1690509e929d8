// The Sift view's tree in the web build: an article's annotations, read by the corpus index through
// vscode.workspace.fs, are listed under the article as the page draws them, and a click reveals one in its article.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Locator } from 'playwright-core';
import { aCorpus } from '../builders/corpus';
import { WEB_ANNOTATOR, copySample, rpc, waitFor, web } from './host';

const SAMPLE = '000_f5a8d1d13f9f611e.txt';

/** The Annotations view's tree, as the page draws it. */
function annotationsTree(): Locator {
  const page = web().page;
  return page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: /^\s*Annotations/i }) }).locator('.monaco-list').first();
}

/** The rows the tree draws now, each as "label description" (whitespace made single spaces). */
async function rows(): Promise<string[]> {
  const out: string[] = [];
  for (const r of await annotationsTree().locator('.monaco-list-row').all()) {
    const text = async (c: string) => (await r.locator(c).allTextContents()).join(' ');
    out.push(`${await text('.label-name')} ${await text('.label-description')}`.replace(/\s+/g, ' ').trim());
  }
  return out;
}

/** The row whose label is `label`. */
function row(label: string): Locator {
  return annotationsTree().locator('.monaco-list-row').filter({ has: web().page.locator('.label-name', { hasText: label }) }).first();
}

describe('web: the Sift tree', () => {
  it('lists an article with my annotations, its annotations under it, and a click selects one in the article', async () => {
    const name = 'tree-web.txt';
    aCorpus().in(web().folder).withArticle(name, fs.readFileSync(path.join(web().folder, SAMPLE), 'utf8'))
      .annotatedBy(WEB_ANNOTATOR, (l) => l.withEntity('Damascus', 'PLACE').withEntity('Russian Foreign Ministry', 'ORG')
        .withClaim('Russia has evacuated some of its diplomats', { source: 'Russian Foreign Ministry' }))
      .build();
    // Sift is active (an article is open) and shows its view; the corpus index finds the new sidecar through its watcher.
    await rpc({ op: 'open', path: copySample(SAMPLE) });
    await rpc({ op: 'command', command: 'workbench.view.extension.sift' });
    let seen: string[] = [];
    await waitFor(async () => (seen = await rows()).some((r) => r.startsWith(name) && r.includes('1 claim · 2 entities')),
      { timeout: 60_000, message: `the tree to list ${name} with 1 claim and 2 entities` })
      .catch((e: Error) => { throw new Error(`${e.message}; the tree drew ${JSON.stringify(seen)}`); });

    await row(name).click();
    const children = ['Russia has evacuated some of its diplomats Russian Foreign Ministry', 'Russian Foreign Ministry ORG', 'Damascus PLACE'];
    await waitFor(async () => { seen = await rows(); return children.every((c) => seen.some((r) => r.startsWith(c))); },
      { message: `the article's annotations under it: ${children.join('; ')}` })
      .catch((e: Error) => { throw new Error(`${e.message}; the tree drew ${JSON.stringify(seen)}`); });

    // A click on an annotation opens its article and selects it there.
    await row('Damascus').click();
    const sel = await waitFor(async () => {
      const s = await rpc<{ uri: string; text: string } | null>({ op: 'selection' });
      return s && decodeURIComponent(s.uri).endsWith(`/${name}`) && s.text === 'Damascus' && s;
    }, { message: `Damascus to be selected in ${name} after a click in the tree` });
    assert.strictEqual(sel.text, 'Damascus');
  });
});
