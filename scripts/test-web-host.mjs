// The web test run's host: code-server serving the workbench, headless Chromium showing it, the installed Sift forced
// into the web worker extension host, and a small probe extension there (test/web/probe) that runs requests from the
// Node test runner inside that host. Used by scripts/test-web.mjs; the tests reach it through test/web/host.ts.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath, repoRoot } from './host/paths.mjs';
import { codeServerCli, startServer, workbenchUrl } from './host/server.mjs';

export const EXTENSION_ID = 'sift-annotation.sift';
const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic'];

/** Builds the probe (one CommonJS file for the web worker, `vscode` external) into `dir`. */
export async function buildProbe(dir) {
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(repoRoot, 'test', 'web', 'probe', 'package.json'), path.join(dir, 'package.json'));
  await esbuild.build({
    entryPoints: [path.join(repoRoot, 'test', 'web', 'probe', 'probe.ts')],
    outfile: path.join(dir, 'probe.js'),
    bundle: true, platform: 'browser', format: 'cjs', target: 'es2022', external: ['vscode'], logLevel: 'warning',
  });
  return dir;
}

/** Adds user settings to the profile (remote.extensionKind, for one). */
export function addUserSettings(profile, more) {
  const file = path.join(profile.userDataDir, 'User', 'settings.json');
  const settings = JSON.parse(fs.readFileSync(file, 'utf8'));
  fs.writeFileSync(file, JSON.stringify({ ...settings, ...more }, null, 2));
}

export function installVsix(profile, vsix, log) {
  return codeServerCli(['--extensions-dir', profile.extensionsDir, '--user-data-dir', profile.userDataDir,
    '--install-extension', vsix], { log });
}

/** Waits for `predicate` to return something truthy (polling), or throws `message` after `timeout` ms. */
export async function waitFor(predicate, { timeout = 30_000, interval = 50, message = 'a condition' } = {}) {
  const until = Date.now() + timeout;
  let last;
  let error;
  for (;;) {
    try {
      last = await predicate();
      error = undefined;
      if (last) return last;
    } catch (e) { error = e; }
    if (Date.now() > until) throw new Error(`timed out after ${timeout} ms waiting for ${message}${error ? `: ${error.message}` : `; last seen: ${JSON.stringify(last)}`}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/**
 * One workbench: code-server with `folder` open, the probe loaded as the extension under development, Chromium on it.
 * `rpc(request)` runs a request in the probe (see test/web/probe/probe.ts) and gives its value; `reload()` reloads the
 * page (a new web worker extension host), `console` holds what the page and its workers logged.
 */
export async function openWorkbench({ folder, profile, probeDir, log = () => {} }) {
  const server = await startServer({ folder, profile, smokeTestDriver: true, log: (l) => { if (process.env.SIFT_HOST_VERBOSE) log(`server: ${l}`); } });
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: BROWSER_ARGS });
  const consoleLines = [];
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const keep = (where) => (m) => {
    const line = `${where}${m.type()}: ${m.text()}`;
    consoleLines.push(line);
    if (process.env.SIFT_HOST_VERBOSE) log(line);
  };
  page.on('console', keep(''));
  page.on('worker', (w) => w.on('console', keep('worker ')));
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  const url = workbenchUrl(server, { folder, extensionDevelopmentPath: probeDir });
  const rpcDir = path.join(folder, '.sift-web', 'rpc');
  fs.mkdirSync(rpcDir, { recursive: true });
  let next = 0;
  const wb = {
    server, browser, page, folder, console: consoleLines,
    async load() {
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 180_000 });
      await wb.rpc({ op: 'host' }, { timeout: 180_000, message: 'the probe to answer in the web worker extension host' });
    },
    async reload() {
      await page.reload({ waitUntil: 'domcontentloaded', timeout: 180_000 });
      await wb.rpc({ op: 'host' }, { timeout: 180_000, message: 'the probe to answer again after the reload' });
    },
    async rpc(request, { timeout = 60_000, message } = {}) {
      const id = String(++next).padStart(6, '0');
      const res = path.join(rpcDir, `${id}.res.json`);
      const tmp = path.join(rpcDir, `${id}.req.tmp`);
      fs.writeFileSync(tmp, JSON.stringify(request));
      fs.renameSync(tmp, path.join(rpcDir, `${id}.req.json`));
      const text = await waitFor(() => fs.existsSync(res) && fs.readFileSync(res, 'utf8'),
        { timeout, interval: 25, message: message ?? `the probe to answer ${JSON.stringify(request)}` });
      // Left in place: the probe's rename may still be looking at it (the workspace is a throwaway copy).
      const answer = JSON.parse(text);
      if (!answer.ok) throw new Error(`in the web worker host, ${JSON.stringify(request)} failed: ${answer.error}`);
      return answer.value;
    },
    async close() {
      await browser.close().catch(() => {});
      await server.stop();
    },
  };
  return wb;
}
