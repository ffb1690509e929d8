// The Debian packages the VS Code host and the tests need, what is missing, and how to get it.
// missingPackages() and plan() only decide (test/unit checks them); ensurePackages() acts on the decision.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromiumPath } from './paths.mjs';

/** What node-gyp needs to build code-server's native modules: a command each (or the env var that replaces it). */
const BUILD_TOOLS = [
  { pkg: 'make', command: 'make' },
  { pkg: 'g++', command: 'g++', env: 'CXX' },
  { pkg: 'python3', command: 'python3', env: 'PYTHON' },
];

/** Why each package is needed, for the messages. */
const WHY = {
  make: 'builds code-server\'s native modules, once',
  'g++': 'builds code-server\'s native modules, once',
  python3: 'node-gyp needs it to build code-server\'s native modules, once',
  chromium: 'headless Chromium drives the workbench in the tests',
};

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Whether `cmd` runs: an executable path, or a name found on PATH. */
export function onPath(cmd, envPath = process.env.PATH ?? '') {
  if (cmd.includes('/')) return isExecutable(cmd);
  return envPath.split(path.delimiter).some((dir) => dir !== '' && isExecutable(path.join(dir, cmd)));
}

/**
 * The Debian packages that are missing.
 * @param {{ build: boolean, browser: boolean, chromium?: string, has?: (cmd: string) => boolean, env?: Record<string, string | undefined> }} need
 *   `build`: code-server still has to be installed (it builds native modules); `browser`: Chromium (the tests only).
 * @returns {string[]}
 */
export function missingPackages({ build, browser, chromium = chromiumPath, has = onPath, env = process.env }) {
  const missing = [];
  if (build) {
    for (const t of BUILD_TOOLS) if (!(t.env && env[t.env]) && !has(t.command)) missing.push(t.pkg);
  }
  if (browser && !has(chromium)) missing.push('chromium');
  return missing;
}

/**
 * What to do about missing packages: nothing; install them (`aptGet` is given only when we may: root, apt-get
 * present); or tell the user the one command to run.
 * @param {string[]} missing
 * @param {{ aptGet: string | null, root: boolean }} how
 * @returns {{ action: 'none' } | { action: 'install', steps: string[][] } | { action: 'tell', command: string }}
 */
export function plan(missing, { aptGet, root }) {
  if (missing.length === 0) return { action: 'none' };
  const install = ['install', '-y', ...missing];
  if (aptGet) return { action: 'install', steps: [[aptGet, 'update'], [aptGet, ...install]] };
  return { action: 'tell', command: `${root ? '' : 'sudo '}apt-get ${install.join(' ')}` };
}

/** One line per package: its name and why it is needed. */
export function describeMissing(missing, chromium = chromiumPath) {
  return missing.map((p) => `  ${p}: ${WHY[p] ?? 'needed by the VS Code host'}`
    + (p === 'chromium' ? ` (looked for ${chromium}; SIFT_CHROMIUM names another binary)` : '')).join('\n');
}

/**
 * Makes sure the packages are there. With `install`, running as root with apt-get (containers, CI), it installs
 * them non-interactively and says so; otherwise it throws an Error whose message gives the one command to run.
 * `aptGet` (default: SIFT_APT_GET, else apt-get) is the command run: a stand-in shows the calls without installing.
 * @param {Parameters<typeof missingPackages>[0]} need
 * @param {{ install?: boolean, root?: boolean, aptGet?: string, who?: string, log?: (s: string) => void }} [opts]
 *   `who`: what needs them, for the messages ("the tests").
 */
export function ensurePackages(need, {
  install = false, root = process.getuid?.() === 0, aptGet = process.env.SIFT_APT_GET || 'apt-get', who = 'Sift',
  log = console.log,
} = {}) {
  const missing = missingPackages(need);
  const p = plan(missing, { aptGet: install && root && onPath(aptGet) ? aptGet : null, root });
  if (p.action === 'none') return;
  const list = describeMissing(missing, need.chromium);
  if (p.action === 'tell') {
    throw new Error(`Debian packages missing for ${who}:\n${list}\nInstall them with:\n\n  ${p.command}\n`);
  }
  log(`[sift] Debian packages missing for ${who}:\n${list}\n[sift] running as root, so installing them now`);
  for (const step of p.steps) {
    log(`[sift] $ ${step.join(' ')}`);
    const r = spawnSync(step[0], step.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) throw new Error(`${step.join(' ')} failed (${r.error?.message ?? r.status ?? r.signal})`);
  }
  const still = missingPackages(need);
  if (still.length > 0) throw new Error(`still missing after apt-get install:\n${describeMissing(still, need.chromium)}`);
  log(`[sift] installed ${missing.join(' ')}`);
}
