// Sift, installed from its .vsix, runs in the web worker extension host: no Node there, and it says so in its log.
import * as assert from 'assert';
import * as path from 'path';
import { EXTENSION_ID, copySample, rpc, siftLog, waitFor, web } from './host';

interface HostFacts {
  process: string;
  importScripts: string;
  uiKind: string;
  sift: { isActive: boolean; extensionUri: string } | null;
}

/** The line Sift's web entry logs when it has activated: its host and how long activate() took (the view wraps lines and draws spaces as no-break spaces, hence the \s+ to one space first). */
const ACTIVATED = /Sift \S+ activated in the web worker extension host\b.*?\bin ([\d.]+) ms/;

describe('web: Sift in the web worker extension host', () => {
  it('activates on an article in the same host as the probe, where there is no Node, from the installed package', async () => {
    const facts = await rpc<HostFacts>({ op: 'host' });
    assert.strictEqual(facts.process, 'undefined', 'the probe runs where `process` is undefined');
    assert.strictEqual(facts.importScripts, 'function', 'the probe runs in a web worker');
    assert.strictEqual(facts.uiKind, 'web');
    await rpc({ op: 'open', path: copySample('001_ae3071192ac73a97.txt') });
    // An extension host sees only the extensions it runs: Sift is visible, and active, from the web worker host.
    const sift = await waitFor(async () => { const s = (await rpc<HostFacts>({ op: 'host' })).sift; return s?.isActive && s; },
      { message: `${EXTENSION_ID} to be active in the probe's (web worker) extension host` });
    assert.ok(decodeURIComponent(sift.extensionUri).includes(`${web().extensionsDir}${path.sep}`),
      `${sift.extensionUri} is the installed package, under ${web().extensionsDir}`);
  });

  it('reports the web worker host and its activation time in its log', async () => {
    await rpc({ op: 'open', path: copySample('000_f5a8d1d13f9f611e.txt') });
    let shown = '';
    const line = await waitFor(async () => ACTIVATED.exec((shown = await siftLog()).replace(/\s+/g, ' ')), { message: 'Sift\'s log to say it activated in the web worker extension host' })
      .catch((e: Error) => { throw new Error(`${e.message}\nThe Output view showed:\n${shown}`); });
    const ms = Number(line[1]);
    assert.ok(ms > 0 && Number.isFinite(ms), `an activation time (${line[1]} ms)`);
    const steps = /activation steps, in ms: ([^\n]*?)(?= \d{4}-\d\d-\d\d |$)/.exec(shown.replace(/\s+/g, ' '))?.[1] ?? '(not logged)';
    web().figures.push(`activation in the web worker extension host (Sift's log): ${ms.toFixed(1)} ms (target: 100 ms or less); steps: ${steps}`);
  });
});
