import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import * as vm from 'vm';
import * as esbuild from 'esbuild';

// The browser build's guard (scripts/webBuild.mjs): nothing of Node may reach dist/web.js.
const ROOT = path.resolve(__dirname, '..', '..', '..');

interface WebBuildModule {
  webOptions(root: string, entry: string, outfile: string, production: boolean): esbuild.BuildOptions & { metafile: true };
  isNodeBuiltin(spec: string): boolean;
  nodeGlobalsIn(source: string): { name: string; line: number }[];
}

const load = async (): Promise<WebBuildModule> => (await import(pathToFileURL(path.join(ROOT, 'scripts', 'webBuild.mjs')).href)) as WebBuildModule;

/** Builds `entry` (relative to the repository) for the web, in memory. */
async function buildWeb(entry: string, production = false): Promise<esbuild.BuildResult & { metafile: esbuild.Metafile }> {
  const web = await load();
  return esbuild.build({ ...web.webOptions(ROOT, entry, path.join(os.tmpdir(), 'sift-web-test.js'), production), write: false, logLevel: 'silent' });
}

/** A throwaway source under a `src` folder (the guard scans Sift's sources, which live under src/). */
function tempSource(code: string): string {
  const dir = fs.mkdtempSync(path.join(ROOT, 'out', 'webguard-'));
  fs.mkdirSync(path.join(dir, 'src'));
  const file = path.join(dir, 'src', 'entry.ts');
  fs.writeFileSync(file, code);
  return path.relative(ROOT, file);
}

describe('web build: dist/web.js has no Node in it', function () {
  this.timeout(60_000);

  it('builds the real browser entry, and its graph imports no Node built-in (read from the metafile)', async () => {
    const web = await load();
    const r = await buildWeb('src/extension/web.ts');
    const leaks = Object.entries(r.metafile.inputs).flatMap(([file, input]) => input.imports.filter((i) => web.isNodeBuiltin(i.path)).map((i) => `${file} -> ${i.path}`));
    assert.deepStrictEqual(leaks, []);
    const externals = new Set(Object.values(r.metafile.inputs).flatMap((input) => input.imports.filter((i) => i.external && !i.path.startsWith('.')).map((i) => i.path)));
    // Only vscode stays outside the bundle (relative ones are type-only imports, which esbuild drops).
    assert.deepStrictEqual([...externals].filter((p) => p !== 'vscode' && p !== 'yaml'), []);
    // `path` is Sift's own POSIX module, and the platform twins are the web ones.
    const inputs = Object.keys(r.metafile.inputs);
    for (const f of ['src/core/text/posixPath.ts', 'src/core/text/hash.web.ts', 'src/core/store/lock.web.ts', 'src/extension/state/sessionDisk.web.ts']) assert.ok(inputs.includes(f), `${f} is in the web graph`);
    for (const f of ['src/core/text/hash.ts', 'src/core/store/lock.ts', 'src/core/store/nodeWorkerCodec.ts', 'src/core/store/gitSetup.ts', 'src/extension/commands/gitSetup.ts']) assert.ok(!inputs.includes(f), `${f} is not in the web graph`);
  });

  it('loads in a context with no Node globals (no process, Buffer, setImmediate or require), exporting activate', async () => {
    // Not minified, so the bundle's names for the vscode module (vscode, vscode2, ...) can be found for the stand-in.
    const r = await buildWeb('src/extension/web.ts');
    const code = r.outputFiles?.find((o) => o.path.endsWith('.js'))?.text ?? '';
    // A stand-in for every vscode member the bundle names: loading only reads them (activation is the integration suite's).
    const anything = (): unknown => new Proxy(() => undefined, { get: () => anything(), apply: () => anything(), construct: () => anything() as object });
    const names = new Set([...code.matchAll(/\bvscode\d*\.([A-Za-z_]+)/g)].map((m) => m[1]));
    const vscodeStub = Object.fromEntries([...names].map((n) => [n, anything()]));
    const mod = { exports: {} as Record<string, unknown> };
    const web = { TextEncoder, TextDecoder, crypto: globalThis.crypto, setTimeout, clearTimeout, console, MessageChannel, performance, URL, queueMicrotask, structuredClone };
    const context = vm.createContext({ ...web, module: mod, exports: mod.exports, require: (n: string) => { if (n === 'vscode') return vscodeStub; throw new Error(`the web bundle requires '${n}'`); } });
    vm.runInContext(code, context);
    assert.strictEqual(typeof mod.exports.activate, 'function');
    assert.strictEqual(typeof mod.exports.deactivate, 'function');
    assert.strictEqual(vm.runInContext('typeof process + typeof Buffer + typeof setImmediate', context), 'undefinedundefinedundefined');
  });

  it('stays under 1 MB minified', async () => {
    const r = await buildWeb('src/extension/web.ts', true);
    const bytes = Object.values(r.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
    assert.ok(bytes < 1024 * 1024, `${bytes} bytes`);
  });

  for (const spec of ['fs', 'fs/promises', 'node:crypto', 'worker_threads', 'child_process', 'os']) {
    it(`fails the build when '${spec}' is imported, naming the importer`, async () => {
      const entry = tempSource(`import * as x from '${spec}';\nexport const y = x;\n`);
      await assert.rejects(buildWeb(entry), (e: Error) => e.message.includes(`Node built-in '${spec}'`) && e.message.includes('entry.ts'));
    });
  }

  it('fails the build when Sift code uses a Node global (setImmediate, Buffer, process), naming the line', async () => {
    const entry = tempSource(`// setImmediate( in a comment is fine\nexport const a = () => setImmediate(() => undefined);\nexport const b = Buffer.from('x');\nexport const c = process.env;\n`);
    await assert.rejects(buildWeb(entry), (e: Error) => /setImmediate' \(.*entry\.ts:2\)/.test(e.message) && /Buffer' \(.*:3\)/.test(e.message) && /process' \(.*:4\)/.test(e.message) && !/:1\)/.test(e.message));
  });

  it('maps `path` to the POSIX helpers instead of failing', async () => {
    const entry = tempSource(`import * as path from 'path';\nexport const j = path.join('a', 'b');\n`);
    const r = await buildWeb(entry);
    assert.ok(Object.keys(r.metafile.inputs).includes('src/core/text/posixPath.ts'));
  });

  it('every .web.ts twin exports the names of the Node module it replaces', async () => {
    const sources = (fs.readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })).filter((f) => f.endsWith('.web.ts'));
    assert.ok(sources.length >= 10, `${sources.length} twins`);
    // The names each module exports at run time, as esbuild sees them (type-only exports are not among them).
    const exportsOf = async (file: string) => {
      const r = await esbuild.build({ entryPoints: [path.join(ROOT, 'src', file)], bundle: false, format: 'esm', write: false, metafile: true, outdir: os.tmpdir(), logLevel: 'silent' });
      return Object.values(r.metafile.outputs).flatMap((o) => o.exports).sort();
    };
    for (const twin of sources) assert.deepStrictEqual(await exportsOf(twin), await exportsOf(twin.replace(/\.web\.ts$/, '.ts')), twin);
  });
});
