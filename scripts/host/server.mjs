// Starts code-server (VS Code 1.139 workbench + extension host) on 127.0.0.1 and stops it cleanly.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { node24Bin, codeServerEntry } from './paths.mjs';

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** A throwaway profile folder: user data and extensions dirs that nothing else shares. */
export function tempProfile(prefix = 'sift-host-') {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'update.mode': 'none',
    'workbench.tips.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
    '[plaintext]': { 'editor.wordWrap': 'on' },
  }, null, 2));
  return { root, userDataDir, extensionsDir, dispose: () => fs.rmSync(root, { recursive: true, force: true }) };
}

export function codeServerArgs(extra) {
  return [codeServerEntry, ...extra];
}

/** Runs a one-shot code-server CLI command (e.g. --install-extension) under Node 24. */
export function codeServerCli(args, { log = console.log } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(node24Bin, codeServerArgs(args), { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    child.on('exit', (code) => {
      log(out.trim());
      if (code === 0) resolve(out); else reject(new Error(`code-server ${args.join(' ')} exited ${code}: ${out}`));
    });
  });
}

/**
 * Starts the server and resolves once it listens. `stop()` kills the whole process group.
 * @param {{folder?: string, port?: number, profile: ReturnType<typeof tempProfile>, smokeTestDriver?: boolean, log?: (s: string) => void}} opts
 */
export async function startServer({ folder, port, profile, smokeTestDriver = false, log = () => {} }) {
  const p = port ?? await freePort();
  const args = [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${p}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', profile.userDataDir,
    '--extensions-dir', profile.extensionsDir,
  ];
  if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  if (folder) args.push(folder);
  const child = spawn(node24Bin, codeServerArgs(args), {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: { ...process.env, VSCODE_PROXY_URI: '' },
  });
  let exited = false;
  child.on('exit', () => { exited = true; });
  const lines = (d) => String(d).split('\n').filter(Boolean).forEach((l) => log(l));
  child.stdout.on('data', lines);
  child.stderr.on('data', lines);
  const url = `http://127.0.0.1:${p}/`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited before it listened (exit ${child.exitCode})`);
    if (Date.now() > deadline) { killGroup(child); throw new Error('code-server did not listen within 60 s'); }
    try {
      const r = await fetch(`${url}healthz`);
      if (r.ok) break;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    port: p,
    child,
    stop: () => new Promise((resolve) => {
      if (exited) { resolve(); return; }
      child.once('exit', () => resolve());
      killGroup(child, 'SIGTERM');
      setTimeout(() => killGroup(child, 'SIGKILL'), 5000).unref();
    }),
  };
}

function killGroup(child, signal = 'SIGKILL') {
  try { process.kill(-child.pid, signal); } catch { /* already gone */ }
}

/** The `vscode-remote://` URI the web workbench expects for a path on the server. */
export function remoteUri(port, absPath) {
  return `vscode-remote://127.0.0.1:${port}${absPath.split(path.sep).map(encodeURIComponent).join('/')}`;
}

/** The workbench URL that opens `folder` and loads an extension under development (and optionally its tests). */
export function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath, env }) {
  const payload = [['extensionDevelopmentPath', remoteUri(server.port, extensionDevelopmentPath)]];
  if (extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(server.port, extensionTestsPath)]);
  if (env) payload.push(['extensionEnvironment', JSON.stringify(env)]);
  const q = new URLSearchParams({ folder, payload: JSON.stringify(payload) });
  return `${server.url}?${q.toString()}`;
}
