// npm run test:web (and the last step of npm test): the packaged .vsix in the browser build of VS Code.
// Packages Sift, installs the .vsix offline into a fresh code-server profile, forces it into the web worker extension
// host with the user setting `remote.extensionKind: {"sift-annotation.sift": ["web"]}` (so its `browser` entry,
// dist/web.js, runs there, with no Node), opens a copy of the samples, and runs test/web/*.test.ts under plain Node:
// each test drives the workbench in headless Chromium and, through a probe extension in the same web worker host
// (test/web/probe), runs Sift's commands there; it checks the results on disk, with the CLI, and in the page.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';
import { ensureHost, ensureTestPackages } from './host/install.mjs';
import { repoRoot } from './host/paths.mjs';
import { tempProfile } from './host/server.mjs';
import { sampleWorkspace } from './host/workspace.mjs';
import { EXTENSION_ID, addUserSettings, buildProbe, installVsix, openWorkbench } from './test-web-host.mjs';

const say = (s) => console.log(`[web] ${s}`);
const testsDir = path.join(repoRoot, 'out', 'test', 'web');

function packageVsix() {
  const vsix = path.join(repoRoot, 'dist', 'sift.vsix');
  if (process.env.SIFT_WEB_REUSE_VSIX && fs.existsSync(vsix)) return vsix;
  const pack = spawnSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: 'inherit' });
  if (pack.status !== 0 || !fs.existsSync(vsix)) throw new Error('npm run package did not produce dist/sift.vsix');
  return vsix;
}

/** The installed package's folder, and a clear error when it has no browser entry (nothing to run on the web). */
function installedSift(extensionsDir) {
  const dir = fs.readdirSync(extensionsDir).find((d) => d.toLowerCase().startsWith(`${EXTENSION_ID}-`));
  if (!dir) throw new Error(`${EXTENSION_ID} is not in ${extensionsDir} after --install-extension`);
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionsDir, dir, 'package.json'), 'utf8'));
  if (!manifest.browser) throw new Error('the packaged package.json has no "browser" entry: Sift cannot run in the web worker extension host');
  const entry = path.join(extensionsDir, dir, manifest.browser.endsWith('.js') ? manifest.browser : `${manifest.browser}.js`);
  if (!fs.existsSync(entry)) throw new Error(`the package's browser entry ${manifest.browser} is not in the .vsix`);
  return { dir: path.join(extensionsDir, dir), entry };
}

async function loadTests() {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 120_000, reporter: 'spec' });
  if (process.env.SIFT_TEST_GREP) mocha.grep(process.env.SIFT_TEST_GREP);
  for (const f of fs.readdirSync(testsDir).filter((n) => n.endsWith('.test.js')).sort()) mocha.addFile(path.join(testsDir, f));
  await mocha.loadFilesAsync();
  return mocha;
}

/** How many tests the grep leaves (no need to start anything for none). */
function countTests(suite, grep) {
  const own = suite.tests.filter((t) => !grep || grep.test(t.fullTitle())).length;
  return own + suite.suites.reduce((n, s) => n + countTests(s, grep), 0);
}

/** Runs the tests; after a failure, prints what the page and the extension hosts logged about Sift or errors since the test began. */
function runMocha(mocha, consoleLines) {
  return new Promise((resolve) => {
    let from = 0;
    const runner = mocha.run(() => resolve({ passes: runner.stats.passes, failures: runner.stats.failures, pending: runner.stats.pending }));
    runner.on('test', () => { from = consoleLines.length; });
    runner.on('fail', () => {
      const said = consoleLines.slice(from).filter((l) => /sift|error|exception/i.test(l) && !/open-vsx|telemetry/i.test(l)).slice(-40);
      if (said.length) say(`logged during the failed test:\n  ${said.map((l) => l.replace(/%c/g, '').slice(0, 600)).join('\n  ')}`);
    });
  });
}

/**
 * @param {{ vsix?: string }} [opts] `vsix`: a package just built (the integration run's), else it packages Sift itself.
 * @returns {Promise<{code: number, passes: number, failures: number, pending: number}>}
 */
export async function runWeb({ vsix: packaged } = {}) {
  const mocha = await loadTests();
  if (countTests(mocha.suite, mocha.options.grep) === 0) {
    say(`no web test matches SIFT_TEST_GREP=${process.env.SIFT_TEST_GREP}; skipped`);
    return { code: 0, passes: 0, failures: 0, pending: 0 };
  }
  const opened = await openSiftWorkbench({ vsix: packaged });
  try {
    globalThis.siftWeb = { ...opened.wb, extensionsDir: opened.extensionsDir, figures: [] };
    const r = await runMocha(mocha, opened.wb.console);
    for (const f of globalThis.siftWeb.figures) say(f);
    return { code: r.failures === 0 ? 0 : 1, ...r };
  } finally {
    delete globalThis.siftWeb;
    await opened.close();
  }
}

/**
 * Sift's package installed in a throwaway profile, forced into the web worker extension host, and a workbench on a
 * copy of the samples with the probe loaded and answering: for the web tests and the web activation bench.
 * @param {{ vsix?: string }} [opts] `vsix`: a package just built, else it packages Sift itself.
 */
export async function openSiftWorkbench({ vsix: packaged } = {}) {
  ensureHost();
  const vsix = packaged ?? packageVsix();
  const ws = sampleWorkspace('sift-web-ws-');
  const profile = tempProfile('sift-web-');
  let wb;
  const close = async () => {
    await wb?.close();
    profile.dispose();
    ws.dispose();
  };
  try {
    await installVsix(profile, vsix, (s) => say(s));
    addUserSettings(profile, { 'sift.annotator': 'webtester' });
    if (process.env.SIFT_WEB_IN_NODE_HOST) {
      // For telling a web-only failure from a broken test: the same checks with Sift in the Node extension host.
      say('SIFT_WEB_IN_NODE_HOST is set: Sift runs in the Node extension host; the web-only checks fail');
    } else {
      const sift = installedSift(profile.extensionsDir);
      say(`installed ${path.basename(sift.dir)}; browser entry ${path.relative(sift.dir, sift.entry)}, ${(fs.statSync(sift.entry).size / 1024).toFixed(0)} KB`);
      addUserSettings(profile, { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } });
    }
    const probeDir = await buildProbe(path.join(profile.root, 'probe'));
    wb = await openWorkbench({ folder: ws.dir, profile, probeDir, log: say });
    say(`code-server listening on ${wb.server.url}; loading the workbench`);
    const t = Date.now();
    await wb.load();
    say(`workbench and probe ready in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    return { wb, extensionsDir: profile.extensionsDir, close };
  } catch (e) {
    await close();
    throw e;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    ensureTestPackages();
  } catch (e) {
    console.error(`[web] ${e.message}`);
    process.exit(1);
  }
  const timer = setTimeout(() => { console.error('[web] the web run did not finish within 20 minutes'); process.exit(1); }, 20 * 60_000);
  timer.unref();
  runWeb().then((r) => {
    console.log(`web: ${r.passes} passed, ${r.failures} failed`);
    process.exit(r.code === 0 && r.failures === 0 ? 0 : 1);
  }, (e) => {
    console.error(`[web] ${e.stack ?? e}`);
    process.exit(1);
  });
}
