// The agreement report in the web build: computed on the web worker host (views/agreement/offThread.web.ts, the
// articles read through vscode.workspace.fs) and drawn in its webview; the matrix it draws is what `sift agree` (the
// Node build of the same core) computes on the same workspace.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame } from 'playwright-core';
import { aCorpus } from '../builders/corpus';
import { cli, rpc, waitFor, web } from './host';

const SAMPLE = '000_f5a8d1d13f9f611e.txt';
const MATRIX = 'table[aria-label="pairwise agreement matrix"]';

interface Drawn { frame: Frame; annotators: string[]; scores: Map<string, string> }

/** amy and ben agree on both places; cyd has Moscow and an ORG of its own (so F1 1.000, 0.500, 0.500). */
function threeAnnotators(): void {
  const text = fs.readFileSync(path.join(web().folder, SAMPLE), 'utf8');
  aCorpus().in(web().folder).withArticle('agree-web/a.txt', text)
    .annotatedBy(['amy', 'ben'], (l) => l.withEntity('Moscow', 'PLACE').withEntity('Damascus', 'PLACE'))
    .annotatedBy('cyd', (l) => l.withEntity('Moscow', 'PLACE').withEntity('Xinhua', 'ORG'))
    .build();
}

/** The report's webview frame (nested in the workbench's webview iframe), once it has drawn its matrix. */
async function reportFrame(): Promise<Frame | undefined> {
  for (const f of web().page.frames()) {
    if (await f.locator(MATRIX).count().catch(() => 0) > 0) return f;
  }
  return undefined;
}

/** The matrix as drawn: its annotators (header row) and the score text above the diagonal, keyed "a×b". */
async function drawnMatrix(frame: Frame): Promise<Drawn> {
  const table = frame.locator(MATRIX);
  const annotators = (await table.locator('tr').first().locator('th').allInnerTexts()).slice(1).map((t) => t.trim());
  const scores = new Map<string, string>();
  const bodyRows = await table.locator('tr').all();
  for (const [i, tr] of bodyRows.slice(1).entries()) {
    const cells = (await tr.locator('td').allInnerTexts()).map((t) => t.trim());
    cells.forEach((c, j) => { if (i < j) scores.set(`${annotators[i]}×${annotators[j]}`, c); });
  }
  return { frame, annotators, scores };
}

interface AgreeJson { annotators: string[]; pairs: { a: string; b: string; f1: { micro: number | null } }[] }

describe('web: agreement report', () => {
  it('opens and draws the pairwise matrix of three annotators, as sift agree computes it', async () => {
    threeAnnotators();
    // The sample is not opened: a click in the report has to open it (below).
    await rpc({ op: 'open', path: SAMPLE });
    await rpc({ op: 'command', command: 'sift.showAgreement' });
    let drawn: Drawn | undefined;
    // The index may take the three sidecars in over more than one change: wait for the report that has all three.
    await waitFor(async () => {
      const frame = await reportFrame();
      drawn = frame && await drawnMatrix(frame);
      return drawn && ['amy', 'ben', 'cyd'].every((a) => drawn!.annotators.includes(a)) && drawn.scores.get('amy×ben') === '1.000';
    }, { timeout: 60_000, message: 'the report to draw a matrix with amy, ben and cyd' })
      .catch((e: Error) => { throw new Error(`${e.message}; drawn: ${JSON.stringify(drawn && { annotators: drawn.annotators, scores: [...drawn.scores] })}`); });
    const m = drawn!;
    assert.deepStrictEqual(['amy×ben', 'amy×cyd', 'ben×cyd'].map((k) => m.scores.get(k)), ['1.000', '0.500', '0.500'], 'exact span F1, computed by hand');

    const agree = cli(['agree', '--json']);
    assert.strictEqual(agree.status, 0, `sift agree --json: ${agree.stderr}`);
    const json = JSON.parse(agree.stdout) as AgreeJson;
    assert.deepStrictEqual(m.annotators, json.annotators, 'the same annotators as sift agree, in the same order');
    for (const p of json.pairs) {
      const expected = p.f1.micro === null ? '—' : p.f1.micro.toFixed(3);
      assert.strictEqual(m.scores.get(`${p.a}×${p.b}`) ?? m.scores.get(`${p.b}×${p.a}`), expected, `${p.a} × ${p.b} as sift agree computes it`);
    }

    // A click on amy × cyd opens their article, which was not open, with review on and a disagreement selected.
    await m.frame.locator('td.cell:not(.below)[aria-label^="amy × cyd:"]').click();
    const sel = await waitFor(async () => {
      const s = await rpc<{ uri: string; text: string } | null>({ op: 'selection' });
      return s && decodeURIComponent(s.uri).endsWith('/agree-web/a.txt') && s.text !== '' && s;
    }, { message: 'agree-web/a.txt to be opened with a disagreement selected, after a click on amy × cyd' });
    assert.ok(['Damascus', 'Xinhua'].includes(sel.text), `a disagreement of amy and cyd is selected (${sel.text})`);
    await rpc({ op: 'command', command: 'sift.stopReview' });
    await rpc({ op: 'command', command: 'workbench.action.closeAllEditors' });
  });
});
