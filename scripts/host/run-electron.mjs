// npm run test:electron: the same integration suite in desktop VS Code through @vscode/test-electron.
// Set SIFT_VSCODE_EXECUTABLE to a local VS Code binary; without it, @vscode/test-electron downloads one
// (which needs internet access to the VS Code update service).
import { runTests } from '@vscode/test-electron';
import path from 'node:path';
import { repoRoot } from './paths.mjs';
import { sampleWorkspace } from './workspace.mjs';

const ws = sampleWorkspace();
try {
  await runTests({
    vscodeExecutablePath: process.env.SIFT_VSCODE_EXECUTABLE || undefined,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
    launchArgs: [ws.dir, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (e) {
  console.error(`[test:electron] ${e.message ?? e}`);
  process.exitCode = 1;
} finally {
  ws.dispose();
}
