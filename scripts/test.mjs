// npm test: type check, unit tests under plain Node, then the integration suites inside the real VS Code host.
// Ends with one summary line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';
import { ensureTestPackages } from './host/install.mjs';
import { repoRoot } from './host/paths.mjs';
import { runIntegration } from './host/run-tests.mjs';

function step(name, cmd, args) {
  console.log(`\n== ${name}`);
  const r = spawnSync(cmd, args, { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) {
    console.log(`\n${name} failed\n0 passed, 1 failed`);
    process.exit(1);
  }
}

async function unit() {
  console.log('\n== unit tests (plain Node)');
  const mocha = new Mocha({ reporter: 'spec', timeout: 20_000 });
  const dir = path.join(repoRoot, 'out', 'test', 'unit');
  const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  for (const f of walk(dir).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(f);
  await mocha.loadFilesAsync();
  return new Promise((resolve) => {
    const runner = mocha.run(() => resolve({ passes: runner.stats.passes, failures: runner.stats.failures }));
  });
}

if (!process.env.SIFT_SKIP_INTEGRATION) {
  // Before anything else, so that a missing package is found at once rather than after the unit tests.
  try {
    ensureTestPackages();
  } catch (e) {
    console.error(`\n${e.message}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}
step('build', process.execPath, ['scripts/build.mjs', '--tests']);
step('type check (tsc --noEmit, strict)', process.execPath, [path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', '.']);
step('lint (eslint, type-checked rules)', process.execPath, [path.join(repoRoot, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--max-warnings', '0', '.']);
const u = await unit();
console.log(`unit: ${u.passes} passed, ${u.failures} failed`);
let i = { passes: 0, failures: 0, code: 0 };
if (process.env.SIFT_SKIP_INTEGRATION) {
  console.log('\n== integration skipped (SIFT_SKIP_INTEGRATION is set)');
} else {
  console.log('\n== integration tests (real VS Code host)');
  try {
    i = await runIntegration();
  } catch (e) {
    console.error(`integration could not run: ${e.stack ?? e}`);
    i = { passes: 0, failures: 1, code: 1 };
  }
  console.log(`integration: ${i.passes} passed, ${i.failures} failed`);
}
const failed = u.failures + i.failures + (i.code !== 0 && i.failures === 0 ? 1 : 0);
console.log(`\n${u.passes + i.passes} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
