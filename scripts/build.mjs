// Bundles the extension and the CLI with esbuild; with --tests also transpiles src/ and test/ to out/ for mocha.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { webOptions } from './webBuild.mjs';
import { driverOptions } from './driverBuild.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const tests = process.argv.includes('--tests');
const bench = process.argv.includes('--bench');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
};

await esbuild.build({ ...common, entryPoints: ['src/extension/main.ts'], outfile: 'dist/extension.js', external: ['vscode'] });
// The worker thread that parses and serialises big sidecars off the extension host (src/core/store/nodeWorkerCodec.ts).
await esbuild.build({ ...common, entryPoints: ['src/core/store/sidecarWorker.ts'], outfile: 'dist/sidecarWorker.js' });
// The agreement report is computed in a worker thread, off the extension host (the host posts inputs, gets the report).
await esbuild.build({ ...common, entryPoints: ['src/extension/views/agreement/agreementWorker.ts'], outfile: 'dist/agreementWorker.js' });
await esbuild.build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.js',
  banner: { js: '#!/usr/bin/env node' },
  // The peers are measured, not shipped: `sift eval` loads them from node_modules when they are installed.
  external: ['compromise', 'chrono-node', 'wink-nlp', 'wink-eng-lite-web-model'],
});
fs.chmodSync(path.join(root, 'dist', 'cli.js'), 0o755);
// The worker threads of `sift review --merge` on a big corpus (src/cli/reviewParallel.ts), beside dist/cli.js.
await esbuild.build({ ...common, entryPoints: ['src/cli/reviewMergeWorker.ts'], outfile: 'dist/reviewMergeWorker.js' });
// `sift merge-driver` alone, which git starts once per conflicted sidecar (what `sift git-setup` registers): only the
// merge's code, what it can at build time (scripts/driverBuild.mjs), `yaml` loaded only when a file needs it.
for (const options of driverOptions(root, common)) await esbuild.build(options);
fs.chmodSync(path.join(root, 'dist', 'mergeDriver.js'), 0o755);
// dist/ is a package of its own to Node: running dist/mergeDriver.js, Node looks for the nearest package.json to learn
// the file's module type, and the nearest was Sift's manifest (27 KB read and parsed on every merge git runs, and kept
// in a young generation the merge then had to collect: 0.9 ms of a 48-annotation merge, side by side).
fs.writeFileSync(path.join(root, 'dist', 'package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);
// The browser entry (package.json `browser`): no Node built-in may reach it (scripts/webBuild.mjs fails the build).
const web = await esbuild.build(webOptions(root, 'src/extension/web.ts', 'dist/web.js', production));
const webBytes = web.metafile.outputs['dist/web.js'].bytes;
console.log(`dist/web.js: ${(webBytes / 1024).toFixed(0)} KB${production ? ' minified' : ' (not minified; npm run package minifies)'} (target < 1024 KB minified)`);

if (bench) {
  // The benchmark measures the core as it ships: bundled into one scope, as in dist/extension.js and dist/cli.js.
  await esbuild.build({
    ...common,
    entryPoints: ['bench/index.ts'],
    outfile: 'out-bench/bench.js',
    external: ['compromise', 'chrono-node', 'wink-nlp', 'wink-eng-lite-web-model'],
  });
  await esbuild.build({ ...common, entryPoints: ['src/core/store/sidecarWorker.ts'], outfile: 'out-bench/sidecarWorker.js' });
  await esbuild.build({ ...common, entryPoints: ['src/cli/reviewMergeWorker.ts'], outfile: 'out-bench/reviewMergeWorker.js' });
}

if (tests) {
  const files = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.join(dir, e.name);
      if (e.isDirectory()) walk(rel);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) files.push(rel);
    }
  };
  walk('src');
  walk('test');
  walk('bench');
  fs.rmSync(path.join(root, 'out'), { recursive: true, force: true });
  fs.mkdirSync(path.join(root, 'out'), { recursive: true });
  fs.cpSync(path.join(root, 'schemas'), path.join(root, 'out', 'schemas'), { recursive: true });
  await esbuild.build({
    entryPoints: files,
    outdir: 'out',
    outbase: '.',
    bundle: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
    absWorkingDir: root,
  });
}
