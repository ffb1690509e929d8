// npm start: opens the sample corpus in a real VS Code with Sift loaded from this folder.
//   default: code-server on 127.0.0.1 (free port, or SIFT_PORT), printing the URL to open in a browser;
//   --desktop or SIFT_DESKTOP=1: desktop VS Code (`code`, or SIFT_VSCODE_EXECUTABLE) with --extensionDevelopmentPath.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureHost } from './install.mjs';
import { cacheRoot, repoRoot, samplesDir } from './paths.mjs';
import { startServer, workbenchUrl } from './server.mjs';

const args = process.argv.slice(2);
const folder = path.resolve(args.find((a) => !a.startsWith('--')) ?? samplesDir);

function desktop() {
  const exe = process.env.SIFT_VSCODE_EXECUTABLE || 'code';
  console.log(`[sift] ${exe} --extensionDevelopmentPath=${repoRoot} ${folder}`);
  const child = spawn(exe, [`--extensionDevelopmentPath=${repoRoot}`, '--new-window', folder], { stdio: 'inherit' });
  child.on('error', (e) => {
    console.error(`[sift] could not start desktop VS Code (${e.message}). Set SIFT_VSCODE_EXECUTABLE, or run npm start without --desktop.`);
    process.exit(1);
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}

async function web() {
  ensureHost();
  // A persistent profile, so the second start is quick and keeps the user's layout.
  const root = path.join(cacheRoot, 'start-profile');
  const profile = { root, userDataDir: path.join(root, 'user-data'), extensionsDir: path.join(root, 'extensions') };
  fs.mkdirSync(path.join(profile.userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(profile.extensionsDir, { recursive: true });
  const settings = path.join(profile.userDataDir, 'User', 'settings.json');
  if (!fs.existsSync(settings)) {
    fs.writeFileSync(settings, JSON.stringify({
      'workbench.startupEditor': 'none',
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'chat.disableAIFeatures': true,
      '[plaintext]': { 'editor.wordWrap': 'on' },
    }, null, 2));
  }
  const port = process.env.SIFT_PORT ? Number(process.env.SIFT_PORT) : undefined;
  const server = await startServer({ folder, port, profile, smokeTestDriver: true });
  const url = workbenchUrl(server, { folder, extensionDevelopmentPath: repoRoot });
  console.log(`\nSift is running in VS Code (code-server) with ${path.relative(process.cwd(), folder) || folder} open.`);
  console.log(`Open this URL in a browser:\n\n  ${url}\n\nPress Ctrl+C to stop.`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\n[sift] stopping code-server…');
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.child.on('exit', (code) => { if (!stopping) { console.error(`[sift] code-server exited (${code})`); process.exit(1); } });
}

if (args.includes('--desktop') || process.env.SIFT_DESKTOP === '1') desktop();
else web().catch((e) => { console.error(`[sift] ${e.message ?? e}`); process.exit(1); });
