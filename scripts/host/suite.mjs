// Runs a mocha suite inside the real VS Code extension host served by code-server, driven by headless Chromium.
// The contract is @vscode/test-electron's: the host loads extensionTestsPath and calls its run(); the workbench
// then calls window.codeAutomationExit(code), and forwards logs to window.codeAutomationLog(type, args).
import { chromium } from 'playwright-core';
import { chromiumPath } from './paths.mjs';
import { startServer, workbenchUrl } from './server.mjs';

const RESULT_TAG = 'SIFT_SUITE_RESULT ';
/** Lines the suite itself prints (mocha's reporter, test logs) carry this tag; the workbench's own chatter does not. */
const OUTPUT_TAG = 'SIFT| ';
/** Workbench chatter that says nothing about Sift (no network, no sign-in, no chat model here). */
const NOISE = /^\[(AgentHost|ChatModelSelection|Extension Host)\]|open-vsx\.org|No signed-in session|telemetry/i;

/** console.log-style %s/%d/%o substitution, as the extension host forwards raw arguments. */
function format(args) {
  const list = Array.isArray(args) ? [...args] : [args];
  const str = (a) => (typeof a === 'string' ? a : JSON.stringify(a));
  if (typeof list[0] !== 'string') return list.map(str).join(' ');
  let rest = list.slice(1);
  const head = list[0].replace(/%[sdifoOjc%]/g, (m) => {
    if (m === '%%') return '%';
    if (rest.length === 0) return m;
    const v = rest.shift();
    return m === '%c' ? '' : str(v);
  });
  return [head, ...rest.map(str)].join(' ');
}

/**
 * @returns {Promise<{code: number, passes: number, failures: number, pending: number}>}
 */
export async function runSuite({ label, folder, profile, extensionDevelopmentPath, extensionTestsPath, env = {}, timeoutMs = 10 * 60_000 }) {
  const say = (s) => console.log(`[${label}] ${s}`);
  const server = await startServer({
    folder,
    profile,
    smokeTestDriver: true,
    log: (l) => { if (process.env.SIFT_HOST_VERBOSE) say(`server: ${l}`); },
  });
  say(`code-server listening on ${server.url}`);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  let result = { passes: 0, failures: 0, pending: 0 };
  try {
    const page = await browser.newPage();
    const exit = new Promise((resolve) => {
      page.exposeFunction('codeAutomationExit', (code) => { resolve(Number(code)); });
    });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      for (const line of format(args).split('\n')) {
        if (line.startsWith(RESULT_TAG)) result = JSON.parse(line.slice(RESULT_TAG.length));
        else if (line.startsWith(OUTPUT_TAG)) console.log(`[${label}] ${line.slice(OUTPUT_TAG.length)}`);
        else if (process.env.SIFT_HOST_VERBOSE || (/\bsift\b/i.test(line) && !NOISE.test(line))) console.log(`[${label}] host ${type}: ${line}`);
      }
    });
    page.on('pageerror', (e) => say(`page error: ${e.message}`));
    const url = workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath, env });
    // The suite's own time limit below bounds the run; the first load of the workbench on a busy machine (a fresh
    // install, other jobs on the cores) can take well over playwright's default 30 s, so only wait for the document.
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 180_000 });
    let timer;
    const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), timeoutMs); });
    const code = await Promise.race([exit, timeout]);
    clearTimeout(timer);
    if (code === 'timeout') {
      say(`suite did not finish within ${timeoutMs / 1000} s`);
      return { code: 1, ...result, failures: result.failures || 1 };
    }
    say(`extension host reported exit code ${code}`);
    return { code, ...result, failures: code !== 0 && result.failures === 0 ? 1 : result.failures };
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
  }
}

export { RESULT_TAG, OUTPUT_TAG };
