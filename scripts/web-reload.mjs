// `npm run bench -- --only webReload [--rounds N]`: how often Sift's comment threads are drawn after a page reload in
// the web worker extension host (issue 15; README, "Sift in the browser": another host's start used to clear Sift's
// comment controller). As a reviewer would: in a copy of a sample article where a colleague (bob) labelled Moscow,
// Discuss Annotation on bob's Moscow, see the thread drawn; then N times: reload the page, open the article, and look
// for the thread in the editor for up to 20 s. (A thread on a colleague's annotation is drawn once the corpus index
// has read the colleague's sidecar, seconds after activation here.) Prints each reload's outcome and the count.
// A measurement, not a test: the outcome varies from reload to reload.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureTestPackages } from './host/install.mjs';
import { waitFor } from './test-web-host.mjs';
import { openSiftWorkbench } from './test-web.mjs';

const SAMPLE = '000_f5a8d1d13f9f611e.txt';
const ARTICLE = 'reload-thread.txt';
const TEXT = 'Is this thread drawn after a reload?';

/** Whether the active editor draws the thread (panels closed, focus on the editor, threads expanded first). */
async function drawn(wb) {
  for (const command of ['workbench.action.closePanel', 'workbench.action.focusActiveEditorGroup', 'workbench.action.expandAllComments']) {
    await wb.rpc({ op: 'command', command });
  }
  const widgets = wb.page.locator('.editor-group-container.active .monaco-editor .review-widget');
  return (await widgets.allInnerTexts()).some((t) => t.includes(TEXT));
}

async function lookFor(wb, timeout) {
  const t = Date.now();
  try {
    await waitFor(() => drawn(wb), { timeout, interval: 500, message: 'the thread' });
    return `drawn after ${((Date.now() - t) / 1000).toFixed(1)} s`;
  } catch {
    return 'MISSING';
  }
}

/** bob's sidecar for the article, with his Moscow at its first occurrence (offsets in code points). */
function bobsSidecar(text) {
  const cps = [...text];
  const start = [...text.slice(0, text.indexOf('Moscow'))].length;
  const end = start + 'Moscow'.length;
  return ['sift: 1', `article: ${ARTICLE}`, 'annotator: bob', `sha256: ${createHash('sha256').update(text, 'utf8').digest('hex')}`,
    `length: ${cps.length}`, 'entities:', '  - id: e-moscow', '    label: PLACE', `    start: ${start}`, `    end: ${end}`, '    quote: Moscow',
    'claims: []', ''].join('\n');
}

async function main() {
  const at = process.argv.indexOf('--rounds');
  const rounds = at === -1 ? 12 : Number(process.argv[at + 1]);
  ensureTestPackages();
  const { wb, close } = await openSiftWorkbench();
  try {
    const text = fs.readFileSync(path.join(wb.folder, SAMPLE), 'utf8');
    fs.writeFileSync(path.join(wb.folder, ARTICLE), text);
    fs.writeFileSync(path.join(wb.folder, ARTICLE.replace(/\.txt$/, '.bob.ann.yaml')), bobsSidecar(text));
    await wb.rpc({ op: 'open', path: ARTICLE });
    await wb.rpc({ op: 'select', text: 'Moscow' });
    const on = await wb.rpc({ op: 'command', command: 'sift.discussAnnotation', args: [undefined, TEXT] });
    if (on !== 'bob/e-moscow') throw new Error(`Discuss Annotation was on ${JSON.stringify(on)}, not bob's Moscow`);
    if ((await lookFor(wb, 60_000)) === 'MISSING') throw new Error('the thread was not drawn before any reload');
    let missing = 0;
    for (let i = 1; i <= rounds; i++) {
      await wb.reload();
      await wb.rpc({ op: 'open', path: ARTICLE });
      const outcome = await lookFor(wb, 20_000);
      if (outcome === 'MISSING') missing++;
      console.log(`reload ${i}: ${outcome}; load average ${os.loadavg()[0].toFixed(1)}`);
    }
    console.log(`Sift's comment thread after a page reload: missing in ${missing} of ${rounds} reloads (looked for 20 s each); `
      + `load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
  } finally {
    await close();
  }
}

main().then(() => process.exit(0), (e) => { console.error(e.stack ?? String(e)); process.exit(1); });
