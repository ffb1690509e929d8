// `npm run bench -- --only webActivation [--rounds N]`: Sift's activation in the web worker extension host (issue 15's
// target: 100 ms or less), as Sift's own log gives it, over N page loads of one workbench (each load is a new web
// worker extension host). Prints each load's time and steps, then the median, the spread and the machine's load: the
// time is wall time inside the worker, so a busy machine stretches every step alike.
import os from 'node:os';
import { ensureTestPackages } from './host/install.mjs';
import { waitFor } from './test-web-host.mjs';
import { openSiftWorkbench } from './test-web.mjs';

const ACTIVATED = /Sift \S+ activated in the web worker extension host\b.*?\bin ([\d.]+) ms/;
const STEPS = /activation steps, in ms: (.*?)(?= \d{4}-\d\d-\d\d |$)/;
const ARTICLE = '000_f5a8d1d13f9f611e.txt';

/** Sift's log as the Output view shows it (Sift: Show Log), on one line. */
async function siftLog(wb) {
  await wb.rpc({ op: 'command', command: 'sift.showLog' });
  const lines = wb.page.locator('.part.panel .monaco-editor .view-lines').first();
  await lines.click();
  await wb.page.keyboard.press('Control+Home');
  return (await lines.innerText()).replace(/\s+/g, ' ');
}

/** One page load: the workbench comes up, the article is opened (Sift activates), its log says how long it took. */
async function oneLoad(wb, first) {
  if (!first) await wb.reload();
  await wb.rpc({ op: 'open', path: ARTICLE });
  let text = '';
  const m = await waitFor(async () => ACTIVATED.exec(text = await siftLog(wb)), { timeout: 60_000, message: 'Sift\'s activation line in its log' });
  return { ms: Number(m[1]), steps: STEPS.exec(text)?.[1] ?? '(no steps logged)' };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const at = process.argv.indexOf('--rounds');
  const rounds = at === -1 ? 7 : Number(process.argv[at + 1]);
  ensureTestPackages();
  const opened = await openSiftWorkbench();
  try {
    const times = [];
    for (let i = 0; i < rounds; i++) {
      const r = await oneLoad(opened.wb, i === 0);
      times.push(r.ms);
      console.log(`load ${i + 1}: ${r.ms.toFixed(1)} ms (${r.steps}); load average ${os.loadavg()[0].toFixed(1)}`);
    }
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`Sift's activation in the web worker extension host over ${rounds} page loads: median ${median(times).toFixed(1)} ms, `
      + `fastest ${sorted[0].toFixed(1)} ms, slowest ${sorted.at(-1).toFixed(1)} ms (target: 100 ms or less); `
      + `load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
  } finally {
    await opened.close();
  }
}

main().then(() => process.exit(0), (e) => { console.error(e.stack ?? String(e)); process.exit(1); });
