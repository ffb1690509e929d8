// npm run test:integration: the integration suite in the real VS Code host (code-server), then the packaged .vsix.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureHost, ensureTestPackages } from './install.mjs';
import { repoRoot } from './paths.mjs';
import { codeServerCli, tempProfile } from './server.mjs';
import { runSuite } from './suite.mjs';
import { sampleWorkspace } from './workspace.mjs';
import { runWeb } from '../test-web.mjs';

const outDir = path.join(repoRoot, 'out', 'test');

async function devSuite() {
  const ws = sampleWorkspace();
  const profile = tempProfile();
  try {
    return await runSuite({
      label: 'integration',
      folder: ws.dir,
      profile,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(outDir, 'integration', 'index.js'),
      env: { SIFT_TEST_GREP: process.env.SIFT_TEST_GREP ?? '' },
    });
  } finally {
    profile.dispose();
    ws.dispose();
  }
}

/** Packages Sift, installs the .vsix offline into a fresh host, and checks it there through a tiny probe extension. */
async function vsixSuite() {
  const vsix = path.join(repoRoot, 'dist', 'sift.vsix');
  const pack = spawnSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: 'inherit' });
  if (pack.status !== 0 || !fs.existsSync(vsix)) throw new Error('npm run package did not produce dist/sift.vsix');
  const ws = sampleWorkspace();
  const profile = tempProfile();
  const probe = path.join(profile.root, 'probe');
  fs.mkdirSync(probe);
  fs.writeFileSync(path.join(probe, 'package.json'), JSON.stringify({
    name: 'sift-vsix-probe', publisher: 'sift-annotation', version: '0.0.0', engines: { vscode: '^1.138.0' },
  }));
  try {
    await codeServerCli(['--extensions-dir', profile.extensionsDir, '--user-data-dir', profile.userDataDir,
      '--install-extension', vsix], { log: (s) => console.log(`[vsix] ${s}`) });
    return await runSuite({
      label: 'vsix',
      folder: ws.dir,
      profile,
      extensionDevelopmentPath: probe,
      extensionTestsPath: path.join(outDir, 'vsix', 'index.js'),
      env: { SIFT_EXPECT_EXTENSIONS_DIR: profile.extensionsDir },
    });
  } finally {
    profile.dispose();
    ws.dispose();
  }
}

export async function runIntegration({ vsix = !process.env.SIFT_SKIP_VSIX } = {}) {
  ensureHost();
  const results = [await devSuite()];
  if (vsix) results.push(await vsixSuite());
  // The same package in the browser build of VS Code (web worker extension host): scripts/test-web.mjs.
  if (vsix && !process.env.SIFT_SKIP_WEB) results.push(await runWeb({ vsix: path.join(repoRoot, 'dist', 'sift.vsix') }));
  return results.reduce((a, r) => ({
    code: a.code || r.code, passes: a.passes + r.passes, failures: a.failures + r.failures, pending: a.pending + r.pending,
  }), { code: 0, passes: 0, failures: 0, pending: 0 });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    ensureTestPackages();
  } catch (e) {
    console.error(`[integration] ${e.message}`);
    process.exit(1);
  }
  runIntegration().then((r) => {
    console.log(`integration: ${r.passes} passed, ${r.failures} failed`);
    process.exit(r.code === 0 && r.failures === 0 ? 0 : 1);
  }, (e) => {
    console.error(`[integration] ${e.stack ?? e}`);
    process.exit(1);
  });
}
